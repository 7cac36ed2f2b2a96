"""A seeded set of stat events with answers worked out by hand (see the tests).

19 people reached in November 2026: Noord p0..p9 (SMS, Dutch), Zuid s0..s5 (WhatsApp,
English, returning), Oost o0..o2 (web chat, Dutch) - Oost is a small cell;
and q0..q4 in Noord, approached through outreach, who never wrote back.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from bot.report.events import Ev
from bot.report.period import Period
from storage.models import StatEvent

AMS = ZoneInfo("Europe/Amsterdam")
PERIOD = Period(date(2026, 11, 1), date(2026, 11, 30))
DAY = datetime(2026, 11, 10, 9, 0, tzinfo=AMS)

NOORD = [f"p{i}" for i in range(10)]
ZUID = [f"s{i}" for i in range(6)]
OOST = [f"o{i}" for i in range(3)]
APPROACHED = [f"q{i}" for i in range(5)]
HOME = {
    **{p: ("Noord", "nl", "sms") for p in NOORD},
    **{p: ("Zuid", "en", "whatsapp") for p in ZUID},
    **{p: ("Oost", "nl", "webchat") for p in OOST},
    **{p: ("Noord", "nl", "sms") for p in APPROACHED},
}


def _ev(n: int, person: str | None, kind: str, **kw: object) -> Ev:
    hood, lang, channel = HOME.get(person or "", (None, None, None))
    with_channel = kind in {"contact_new", "inbound", "conversation_started", "handoff", "crisis"}
    return Ev(
        at=DAY + timedelta(minutes=n),
        kind=kind,
        person=person,
        neighbourhood=hood,
        language=lang,
        channel=channel if with_channel else None,
        **kw,  # type: ignore[arg-type]
    )


def seed_events() -> list[Ev]:
    out: list[Ev] = []
    n = 0

    def add(person: str | None, kind: str, **kw: object) -> None:
        nonlocal n
        n += 1
        out.append(_ev(n, person, kind, **kw))

    for p in NOORD + OOST:
        add(p, "contact_new", value="outreach" if p in NOORD[5:] else "inbound")
        add(p, "conversation_started", value="first")
        add(p, "inbound")
    for p in ZUID:
        add(p, "conversation_started", value="returning")
        add(p, "inbound")
    for p in NOORD[:7]:
        add(p, "need_literal", topic="household")
        add(p, "need_deeper", topic="loneliness")
    add("p7", "need_literal", topic="money")
    add("p7", "need_deeper", topic="money")
    for p in ZUID:
        add(p, "need_literal", topic="groceries")
        add(p, "need_deeper", topic="groceries")
    for p in ZUID[:5]:
        add(p, "need_deeper", topic="transport")
    for p in OOST:
        add(p, "need_literal", topic="health")
    for p in NOORD[:6]:
        add(p, "plan_saved", number=2, value="network,self")
    for p in NOORD[6:] + OOST:
        add(p, "plan_saved", number=1, value="volunteer")
    for p in ZUID:
        add(p, "plan_saved", number=2, value="professional,self")
    for p in NOORD[:5]:
        add(p, "helped_by", value="volunteer")
    for p in NOORD[5:]:
        add(p, "helped_by", value="network")
    for p in ZUID:
        add(p, "helped_by", value="professional")
    add("p8", "feedback", value="satisfied:no")
    for p in NOORD[:9]:
        add(p, "feedback", value="satisfied:yes")
    for p in ZUID[:5]:
        add(p, "feedback", value="satisfied:no")
    for p in NOORD[:6]:
        add(p, "feedback", value="followup_outcome:better")
    for p in ZUID:
        add(p, "feedback", value="followup_outcome:not_better")
    for i, p in enumerate(NOORD):
        add(p, "handoff", value="volunteer")
        add(p, "handoff_taken", value="volunteer", number=float(i + 1))
    for i, p in enumerate(ZUID):
        add(p, "first_human_reply", number=float(2 * (i + 1)))
    for i, p in enumerate(NOORD):
        add(p, "followup_fired", number=90.0 if i >= 8 else 0.0)
    for p in NOORD[:6]:
        add(p, "task_opened", value="followup_silence")
    for p in NOORD[:5]:
        add(p, "task_done", value="callback")
    for p in NOORD:
        add(p, "staff_minutes", value="volunteer", number=30.0)
    for p in ZUID:
        add(p, "staff_minutes", value="professional", number=19.0)
    add(None, "consent", value="no")
    # Approached through outreach, never wrote back: approached, not reached.
    for p in APPROACHED:
        add(p, "contact_new", value="outreach")
        add(p, "outreach_sent")
    # Outside the period: must not count.
    out.append(Ev(at=datetime(2026, 10, 31, 23, 0, tzinfo=AMS), kind="contact_new", person="x1",
                  neighbourhood="Noord", language="nl", channel="sms", value="inbound"))
    out.append(Ev(at=datetime(2026, 12, 1, 0, 0, tzinfo=AMS), kind="contact_new", person="x2",
                  neighbourhood="Noord", language="nl", channel="sms", value="inbound"))
    return out


def insert(session: Session, events: list[Ev]) -> None:
    for e in events:
        session.add(StatEvent(at=e.at, kind=e.kind, person_key=e.person, channel=e.channel,
                              topic=e.topic, neighbourhood=e.neighbourhood, language=e.language,
                              value=e.value, number=e.number))
