"""Routing rules: who is offered a handoff, and the urgent notice to staff on duty."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.routing import URGENT_NOTICE, choose, offer, target_role
from bot.staff import create_staff
from storage.db import Database
from storage.models import Contact, Conversation, Handoff, Message, OutboxRow, Staff

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("role", "priority", "topics", "crisis", "expected"),
    [
        ("volunteer", "normal", ["groceries"], None, "volunteer"),
        ("volunteer", "normal", ["transport", "odd_jobs"], None, "volunteer"),
        ("volunteer", "normal", ["groceries"], "suicide", "professional"),
        ("volunteer", "normal", ["groceries"], "violence", "professional"),
        ("volunteer", "urgent", [], None, "professional"),
        # A volunteer handoff stays with volunteers: the person was told "een
        # vrijwilliger" (the dialog already sends debts and worries to a professional).
        ("volunteer", "normal", ["money"], None, "volunteer"),
        ("volunteer", "normal", ["groceries", "transport", "household"], None, "volunteer"),
        ("volunteer", "normal", ["crisis"], None, "professional"),
        # Triage without a promise goes by the topics.
        ("coordinator", "normal", ["money"], None, "professional"),
        ("coordinator", "normal", ["worry_other"], None, "professional"),
        ("coordinator", "normal", ["groceries", "transport", "household"], None, "professional"),
        ("coordinator", "normal", ["groceries"], None, "coordinator"),
        ("volunteer", "normal", ["groceries", "other"], None, "volunteer"),
        ("professional", "normal", ["groceries"], None, "professional"),
        ("coordinator", "normal", ["volunteer_offer"], None, "coordinator"),
        ("volunteer", "normal", ["volunteer_offer"], None, "coordinator"),
    ],
)
def test_target_role(
    role: str, priority: str, topics: list[str], crisis: str | None, expected: str
) -> None:
    assert target_role(role, priority, topics, crisis) == expected


def _st(id: int, **kw: Any) -> Staff:
    base: dict[str, Any] = {
        "id": id,
        "username": f"s{id}",
        "name": f"S{id}",
        "role": "volunteer",
        "active": True,
        "neighbourhoods": [],
        "skills": [],
        "languages": ["nl"],
        "max_open": 5,
        "on_duty": False,
    }
    base.update(kw)
    return Staff(**base)


def test_choose_prefers_skills_then_neighbourhood_then_lightest_load() -> None:
    a = _st(1)
    b = _st(2, skills=["groceries"])
    c = _st(3, neighbourhoods=["Noord"])
    assert choose([a, b, c], {}, neighbourhood="Noord", language="nl", topics=["groceries"]) is b
    assert choose([a, c], {}, neighbourhood="Noord", language="nl", topics=["groceries"]) is c
    assert choose([a, _st(4)], {1: 2, 4: 0}, neighbourhood=None, language="nl", topics=[]).id == 4


def test_choose_requires_language_room_activity_and_area() -> None:
    full = _st(1, max_open=1)
    english = _st(2, languages=["en"])
    off = _st(3, active=False)
    south = _st(4, neighbourhoods=["Zuid"])
    assert (
        choose([full, english, off, south], {1: 1}, neighbourhood="Noord", language="nl", topics=[])
        is None
    )
    assert choose([english], {}, neighbourhood=None, language="en", topics=[]) is english
    assert choose([south], {}, neighbourhood=None, language="nl", topics=[]) is south


@pytest.fixture
def session(db_url: str) -> Iterator[Session]:
    db = Database(db_url)
    db.upgrade()
    with db.session() as s:
        yield s
    db.dispose()


def _handoff(
    s: Session,
    *,
    role: str = "volunteer",
    priority: str = "normal",
    topics: tuple[str, ...] = (),
    neighbourhood: str | None = None,
    crisis: str | None = None,
) -> Handoff:
    contact = Contact(created_at=NOW, name="Geheime Naam", neighbourhood=neighbourhood)
    s.add(contact)
    s.flush()
    conv = Conversation(contact_id=contact.id, created_at=NOW, updated_at=NOW, owner="waiting")
    s.add(conv)
    s.flush()
    h = Handoff(
        conversation_id=conv.id,
        contact_id=contact.id,
        role=role,
        priority=priority,
        topics=list(topics),
        summary="Geheime samenvatting",
        reason="test",
        crisis_kind=crisis,
        status="waiting",
        created_at=NOW,
        neighbourhood=neighbourhood,
        language="nl",
    )
    s.add(h)
    s.flush()
    return h


def test_practical_help_goes_to_a_volunteer_in_the_neighbourhood(session: Session) -> None:
    create_staff(
        session, username="zuid", name="Zuid", role="volunteer", now=NOW, neighbourhoods=["Zuid"]
    )
    noord = create_staff(
        session, username="noord", name="Noord", role="volunteer", now=NOW, neighbourhoods=["Noord"]
    )
    h = _handoff(session, topics=("groceries",), neighbourhood="Noord")
    assert offer(session, h, NOW) == noord.id
    assert h.role == "volunteer"


def test_money_in_triage_goes_to_a_professional(session: Session) -> None:
    create_staff(session, username="vol", name="Vol", role="volunteer", now=NOW)
    pro = create_staff(session, username="pro", name="Pro", role="professional", now=NOW)
    h = _handoff(session, role="coordinator", topics=("money",))
    assert offer(session, h, NOW) == pro.id and h.role == "professional"


def test_papers_promised_to_a_volunteer_go_to_a_volunteer(session: Session) -> None:
    vol = create_staff(session, username="vol", name="Vol", role="volunteer", now=NOW)
    create_staff(session, username="pro", name="Pro", role="professional", now=NOW)
    h = _handoff(session, topics=("money",))
    assert offer(session, h, NOW) == vol.id and h.role == "volunteer"


def test_offers_of_help_go_to_a_coordinator(session: Session) -> None:
    boss = create_staff(session, username="boss", name="Boss", role="coordinator", now=NOW)
    h = _handoff(session, role="coordinator", topics=("volunteer_offer",))
    assert offer(session, h, NOW) == boss.id


def test_nobody_available_leaves_it_open_to_the_role(session: Session) -> None:
    vol = create_staff(session, username="vol", name="Vol", role="volunteer", now=NOW, max_open=1)
    first = _handoff(session, topics=("groceries",))
    assert offer(session, first, NOW) == vol.id
    second = _handoff(session, topics=("groceries",))
    assert offer(session, second, NOW) is None


def test_disabled_staff_are_not_offered_anything(session: Session) -> None:
    vol = create_staff(session, username="vol", name="Vol", role="volunteer", now=NOW)
    vol.active = False
    assert offer(session, _handoff(session, topics=("groceries",)), NOW) is None


def test_urgent_handoff_notifies_staff_on_duty_without_personal_details(session: Session) -> None:
    on = create_staff(session, username="on", name="On", role="professional", now=NOW)
    on.on_duty, on.notify_channel, on.notify_address = True, "telegram", "12345"
    sms = create_staff(session, username="sms", name="Sms", role="coordinator", now=NOW)
    sms.on_duty, sms.notify_channel, sms.notify_address = True, "sms", "+31612345678"
    off = create_staff(session, username="off", name="Off", role="professional", now=NOW)
    off.notify_channel, off.notify_address = "telegram", "999"
    h = _handoff(session, priority="urgent", topics=("crisis",), crisis="suicide")
    offer(session, h, NOW)
    rows = list(session.scalars(select(OutboxRow).where(OutboxRow.kind == "notice")))
    assert sorted((r.channel, r.address) for r in rows) == [
        ("sms", "+31612345678"),
        ("telegram", "12345"),
    ]
    for r in rows:
        assert r.text == URGENT_NOTICE and r.contact_id is None and r.conversation_id is None
        assert "Geheim" not in (r.text or "")
    msgs = list(session.scalars(select(Message).where(Message.direction == "out")))
    assert all(m.contact_id is None and m.text == URGENT_NOTICE for m in msgs)


def test_normal_handoff_sends_no_notice(session: Session) -> None:
    on = create_staff(session, username="on", name="On", role="volunteer", now=NOW)
    on.on_duty, on.notify_channel, on.notify_address = True, "telegram", "12345"
    offer(session, _handoff(session, topics=("groceries",)), NOW)
    assert session.scalar(select(OutboxRow)) is None


def test_crisis_from_the_chat_is_offered_to_a_professional(db_url: str) -> None:
    """End to end through the pipeline: the HandOff effect calls the routing."""
    from fastapi.testclient import TestClient

    from bot.app import create_app
    from config.settings import Settings
    from tests.console.conftest import Browser, Console, tuesday_morning
    from tests.console.support import ShiftedClock, understander

    app = create_app(
        Settings(database_url=db_url),
        clock=ShiftedClock(tuesday_morning()),
        nlu=understander(),
        tick_seconds=3600,
    )
    with TestClient(app) as client:
        c = Console(app, Browser(client))
        c.add_staff("vol", "volunteer")
        pro = c.add_staff("pro", "professional")
        p = c.person()
        for t in ("hallo", "ja", "ik wil er niet meer zijn"):
            p.say(t)
        with c.db.session() as s:
            h = s.scalar(select(Handoff).where(Handoff.status == "waiting"))
        assert h is not None and h.priority == "urgent" and h.offered_to == pro
