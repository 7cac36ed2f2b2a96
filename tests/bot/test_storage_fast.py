"""storage.fast: statements compiled once and run on the driver's cursor behave as
SQLAlchemy's own execution does (defaults, column types, errors, cursor events), and
rows made into instances behave as the ORM's loaded ones (SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import bindparam, event, select, text
from sqlalchemy.exc import IntegrityError

from bot.crypto import TextCipher, new_key
from storage.db import Database
from storage.fast import Prepared, columns_of, loaded, session_connection
from storage.models import Contact, Conversation, Message, OutboxRow
from storage.rows import append, append_many, insert_id, write_changes
from storage.types import set_cipher

NOW = datetime(2026, 11, 23, 9, 30, 15, 123456, tzinfo=UTC)

_MESSAGES_SINCE = Prepared(
    select(Message.id, Message.text, Message.options, Message.created_at, Message.handled_at)
    .where(Message.channel == bindparam("channel"), Message.created_at > bindparam("since"))
    .where(Message.direction == "in")
    .order_by(Message.id)
    .limit(2)
)


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    database = Database(db_url)
    database.upgrade()
    yield database
    database.dispose()


def _message(provider_id: str, text_: str, at: datetime = NOW) -> dict[str, object]:
    return {
        "direction": "in",
        "channel": "sms",
        "provider_id": provider_id,
        "text": text_,
        "options": ["ja", "nee"],
        "author": "person",
        "created_at": at,
    }


def test_an_appended_row_gets_its_column_defaults_and_types(db: Database) -> None:
    with db.session() as s, s.begin():
        mid = insert_id(s, Message, _message("SM1", "hallo"))
        append(s, OutboxRow, {"message_id": mid, "channel": "sms", "next_try_at": NOW,
                              "created_at": NOW})
    with db.session() as s:
        row = s.scalars(select(OutboxRow)).one()
        # Python-side defaults filled in as SQLAlchemy's own insert does.
        assert (row.status, row.kind, row.priority, row.attempts) == ("queued", "reply", 0, 0)
        assert row.options == [] and row.rendered == [] and row.language == "nl"
        assert row.next_try_at == NOW and row.next_try_at.tzinfo is UTC
        assert row.message_id == mid


def test_a_prepared_select_reads_what_sqlalchemy_reads(db: Database) -> None:
    with db.session() as s, s.begin():
        append_many(s, Message, [_message(f"SM{i}", f"bericht {i}", NOW + timedelta(seconds=i))
                                 for i in range(4)])
    params = {"channel": "sms", "since": NOW}
    with db.read_connection() as conn:
        fast = _MESSAGES_SINCE.all(conn, params)
        slow = [tuple(r) for r in conn.execute(_MESSAGES_SINCE.statement, params)]
        none = _MESSAGES_SINCE.one(conn, {"channel": "whatsapp", "since": NOW})
    assert fast == slow and len(fast) == 2  # the literal 'in' and LIMIT 2 apply
    assert [r[1] for r in fast] == ["bericht 1", "bericht 2"]
    assert fast[0][2] == ["ja", "nee"] and fast[0][3] == NOW + timedelta(seconds=1)
    assert fast[0][3].tzinfo is UTC and fast[0][4] is None
    assert none is None


def test_texts_are_encrypted_at_rest_and_read_back_in_clear(db: Database) -> None:
    set_cipher(TextCipher([new_key()]))
    try:
        with db.session() as s, s.begin():
            append(s, Message, _message("SM1", "mijn geheim"))
        with db.engine.connect() as conn:
            stored = conn.execute(text("SELECT text FROM messages")).scalar_one()
        with db.read_connection() as conn:
            (row,) = _MESSAGES_SINCE.all(conn, {"channel": "sms", "since": NOW - timedelta(1)})
    finally:
        set_cipher(None)
    assert "geheim" not in stored and row[1] == "mijn geheim"


def test_a_duplicate_raises_sqlalchemys_integrity_error_and_nothing_is_kept(
    db: Database,
) -> None:
    with db.session() as s, s.begin():
        append(s, Message, _message("SM1", "eerste"))
    with pytest.raises(IntegrityError), db.session() as s, s.begin():
        append(s, Message, _message("SM2", "tweede"))
        append(s, Message, _message("SM1", "nog eens"))
    with db.session() as s:
        assert s.scalars(select(Message.text)).all() == ["eerste"]


def test_statement_counters_see_every_prepared_statement(db: Database) -> None:
    seen: list[tuple[str, bool]] = []

    def _seen(_c, _cur, statement, _p, _ctx, many):  # type: ignore[no-untyped-def]
        seen.append((statement.split()[0], many))

    event.listen(db.engine, "before_cursor_execute", _seen)
    try:
        with db.session() as s, s.begin():
            append_many(s, Message, [_message("SM1", "a"), _message("SM2", "b")])
            _MESSAGES_SINCE.all(session_connection(s), {"channel": "sms", "since": NOW})
    finally:
        event.remove(db.engine, "before_cursor_execute", _seen)
    assert ("INSERT", True) in seen and ("SELECT", False) in seen


def test_a_row_made_an_instance_is_as_if_the_session_loaded_it(db: Database) -> None:
    with db.session() as s, s.begin():
        cid = insert_id(s, Contact, {"created_at": NOW, "language": "en", "stat_key": "k"})
        append(s, Conversation, {"contact_id": cid, "owner": "bot", "state": {"step": "a"},
                                 "created_at": NOW, "updated_at": NOW})
    by_id = Prepared(select(*columns_of(Contact)).where(Contact.id == bindparam("id")))
    with db.session() as s, s.begin():
        row = by_id.one(session_connection(s), {"id": cid})
        assert row is not None
        contact = loaded(s, Contact, row)
        assert s.get(Contact, cid) is contact  # the session's own, no second read
        assert contact not in s.dirty and contact.language == "en"
        assert contact.created_at == NOW and contact.created_at.tzinfo is UTC
        assert loaded(s, Contact, row) is contact
        contact.language = "nl"
        assert write_changes(s, contact)
    with db.session() as s:
        assert s.get(Contact, cid).language == "nl"  # type: ignore[union-attr]


def test_refresh_reads_a_held_instance_again(db: Database) -> None:
    with db.session() as s, s.begin():
        cid = insert_id(s, Contact, {"created_at": NOW, "language": "en", "stat_key": "k"})
    by_id = Prepared(select(*columns_of(Contact)).where(Contact.id == bindparam("id")))
    with db.session() as s, s.begin():
        held = s.get(Contact, cid)
        assert held is not None and held.language == "en"
        # The row changes behind the instance's back (as another worker's turn would).
        s.connection().execute(text("UPDATE contacts SET language = 'tr' WHERE id = :id"),
                               {"id": cid})
        row = by_id.one(session_connection(s), {"id": cid})
        assert row is not None
        assert loaded(s, Contact, row, refresh=True) is held and held.language == "tr"


def test_a_connection_lost_mid_turn_is_reported_and_not_reused(pg_url: str) -> None:
    """PostgreSQL only, by nature: its server ends a connection (a restart, a failover);
    SQLite has no server. The error is SQLAlchemy's (the turn answers 503) and the pool
    drops that connection, so the next turn works."""
    from sqlalchemy.exc import OperationalError

    db = Database(pg_url)
    db.upgrade()
    try:
        with pytest.raises(OperationalError) as lost, db.session() as s, s.begin():
            conn = session_connection(s)
            pid = conn.exec_driver_sql("SELECT pg_backend_pid()").scalar_one()
            with db.engine.connect() as other:
                other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": pid})
                other.commit()
            append(s, Message, _message("SM1", "hallo"))
        assert lost.value.connection_invalidated
        with db.session() as s, s.begin():
            append(s, Message, _message("SM2", "nog eens"))
        with db.read_connection() as conn:
            (row,) = _MESSAGES_SINCE.all(conn, {"channel": "sms", "since": NOW - timedelta(1)})
        assert row[1] == "nog eens"
    finally:
        db.dispose()
