"""Who is writing: the known person and their open conversation in one query."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from bot.contacts import known_contact_and_conversation
from bot.messages import Channel, Inbound
from storage.db import Database
from storage.models import Contact, Conversation, Identity

NOW = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
NUMBER = "+31612345678"


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = Database(db_url)
    database.upgrade()
    yield database
    database.dispose()


def _person(db: Database, *conversations: dict[str, object]) -> int:
    """A person writing by SMS from NUMBER, with the given conversations (oldest first)."""
    with db.session() as s, s.begin():
        contact = Contact(created_at=NOW, stat_key="k")
        s.add(contact)
        s.flush()
        s.add(Identity(contact_id=contact.id, channel="sms", address=NUMBER, created_at=NOW))
        for extra in conversations:
            values = {"state": {}, "created_at": NOW, "updated_at": NOW, **extra}
            s.add(Conversation(contact_id=contact.id, **values))
        return contact.id


def _sms(address: str = NUMBER, **extra: object) -> Inbound:
    return Inbound(channel=Channel.SMS, address=address, text="hallo", **extra)  # type: ignore[arg-type]


def test_a_known_person_comes_with_their_newest_open_conversation(db: Database) -> None:
    contact_id = _person(
        db,
        {"owner": "bot"},
        {"owner": "waiting", "state": {"flow": "x"}},
        {"owner": "closed", "closed_at": NOW},
    )
    with db.session() as s, s.begin():
        found = known_contact_and_conversation(s, _sms())
        assert found is not None
        contact, conv = found
        assert contact.id == contact_id
        assert conv is not None and conv.owner == "waiting" and conv.state == {"flow": "x"}
        assert conv in s and contact in s  # loaded into the session: the turn changes them


def test_a_known_person_without_an_open_conversation_comes_alone(db: Database) -> None:
    contact_id = _person(db, {"owner": "closed", "closed_at": NOW})
    with db.session() as s, s.begin():
        found = known_contact_and_conversation(s, _sms())
        assert found is not None and found[0].id == contact_id and found[1] is None


def test_an_unknown_address_or_a_shared_number_finds_nobody(db: Database) -> None:
    _person(db, {"owner": "bot"})
    with db.session() as s, s.begin():
        assert known_contact_and_conversation(s, _sms("+31698765432")) is None
        # A shared number may join or merge contacts: find_or_create_contact decides.
        assert known_contact_and_conversation(s, _sms(shared_phone=NUMBER)) is None
