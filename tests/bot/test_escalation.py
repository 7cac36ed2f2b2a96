"""Nobody takes a handoff: the person is told honestly, and it escalates."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.simulate import Simulator
from storage.models import Handoff, Task

AMS = ZoneInfo("Europe/Amsterdam")
PERSON = {"channel": "sms", "from": "0612345678"}


def messages(out: list[dict]) -> list[str]:
    return [o["text"] for o in out if o["type"] == "message"]


def test_no_pickup_in_opening_hours_tells_the_person_and_escalates(db_url: str, understander) -> None:  # type: ignore[no-untyped-def]
    sim = Simulator(nlu=understander, database_url=db_url)  # Monday 10:00
    try:
        sim.feed({**PERSON, "text": "hallo"})
        sim.feed({**PERSON, "text": "ja"})
        sim.feed({**PERSON, "text": "mens"})
        quiet = sim.feed({"advance": "10m"})
        assert not messages(quiet), "not before the pickup time"
        out = sim.feed({"advance": "10m"})
        told = messages(out)
        assert len(told) == 1 and "zo snel mogelijk" in told[0]
        with sim.core.db.session() as s:
            h = s.scalar(select(Handoff))
            assert h.escalation == 1 and h.role == "coordinator"
        out = sim.feed({"advance": "20m"})
        assert not messages(out), "told once; the second step escalates quietly"
        with sim.core.db.session() as s:
            h = s.scalar(select(Handoff))
            assert h.escalation == 2 and h.role == "professional"
    finally:
        sim.close()


def test_after_hours_the_person_hears_when_and_a_callback_is_planned(db_url: str, understander) -> None:  # type: ignore[no-untyped-def]
    sim = Simulator(nlu=understander, database_url=db_url, start=datetime(2026, 11, 27, 19, 0, tzinfo=AMS))  # Friday evening
    try:
        sim.feed({**PERSON, "text": "hallo"})
        sim.feed({**PERSON, "text": "ja"})
        out = sim.feed({**PERSON, "text": "mens"})
        assert any("maandag 30 november" in t for t in messages(out)), messages(out)
        tasks = [o for o in out if o["type"] == "task"]
        assert len(tasks) == 1 and tasks[0]["kind"] == "callback"
        assert tasks[0]["due"].startswith("2026-11-30T09:00")
        weekend = sim.feed({"advance": "2d"})
        assert not messages(weekend), "no escalation messages outside opening hours"
        with sim.core.db.session() as s:
            assert s.scalar(select(Task)).status == "open"
    finally:
        sim.close()
