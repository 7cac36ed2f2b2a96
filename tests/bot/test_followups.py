"""Follow-ups through `voordeur simulate`: fired once at a decent hour, then the ladder."""

from __future__ import annotations

from datetime import datetime

from bot.simulate import Simulator

PERSON = {"channel": "sms", "from": "0612345678"}
PLAN = [
    "kan iemand mijn boodschappen doen, ik kom de deur niet meer uit",
    "ja",  # consent
    "ja",  # that is the ask
    "dan heb ik weer eten in huis",
    "koken lukt nog wel",
    "nee",  # nobody in the network
    "ja graag",  # a volunteer
    "Centrum",
]


def run(sim: Simulator, *lines: dict) -> list[dict]:
    out: list[dict] = []
    for line in lines:
        out += sim.feed(line)
    return out


def test_followup_in_a_few_days_fires_once_at_a_decent_hour_then_the_ladder(db_url: str, understander) -> None:  # type: ignore[no-untyped-def]
    sim = Simulator(nlu=understander, database_url=db_url)
    try:
        out = run(sim, *({**PERSON, "text": t} for t in PLAN))
        assert any(o["type"] == "plan" for o in out), [o.get("text") for o in out if o["type"] == "message"]
        out = run(sim, {**PERSON, "text": "over een paar dagen"})
        scheduled = [o for o in out if o["type"] == "followup_scheduled"]
        assert len(scheduled) == 1
        due = datetime.fromisoformat(scheduled[0]["due"])
        assert 9 <= due.hour < 20 and due.weekday() != 6

        out = run(sim, {"advance": "3d"})
        followups = [o for o in out if o["type"] == "message" and "Hoe gaat het" in o["text"]]
        assert len(followups) == 1, "fired once"
        sent_at = datetime.fromisoformat(followups[0]["t"])
        assert 9 <= sent_at.hour < 20 and sent_at.weekday() != 6

        # No answer: one more try after the silence period, then a call-back task.
        out = run(sim, {"advance": "3d"})
        assert sum(1 for o in out if o["type"] == "message" and o["to"] == "+31612345678") >= 1
        out += run(sim, {"advance": "3d"})
        tasks = [o for o in out if o["type"] == "task" and o["kind"] == "callback"]
        assert len(tasks) == 1 and tasks[0]["contact"] == "+31612345678"
        later = run(sim, {"advance": "7d"})
        assert not [o for o in later if o["type"] == "message"], "the ladder ends with a human, not more texts"
    finally:
        sim.close()


def test_stop_cancels_a_promised_followup(db_url: str, understander) -> None:  # type: ignore[no-untyped-def]
    sim = Simulator(nlu=understander, database_url=db_url)
    try:
        run(sim, *({**PERSON, "text": t} for t in PLAN), {**PERSON, "text": "over een paar dagen"})
        run(sim, {**PERSON, "text": "stop"})
        out = run(sim, {"advance": "10d"})
        assert not [o for o in out if o["type"] == "message"], "a stopped person gets nothing"
    finally:
        sim.close()


def test_writing_anything_after_a_followup_answers_it_and_ends_the_ladder(db_url: str, understander) -> None:  # type: ignore[no-untyped-def]
    """Not only "beter" or "niet beter": any message after the follow-up counts as an
    answer, so no second try and no call-back task follow."""
    from sqlalchemy import select

    from storage.models import FollowUp

    sim = Simulator(nlu=understander, database_url=db_url)
    try:
        run(sim, *({**PERSON, "text": t} for t in PLAN), {**PERSON, "text": "over een paar dagen"})
        out = run(sim, {"advance": "3d"})
        assert len([o for o in out if o["type"] == "message" and "Hoe gaat het" in o["text"]]) == 1
        run(sim, {**PERSON, "text": "mijn dochter kwam gisteren langs"})
        with sim.core.db.reader() as s:
            assert s.scalars(select(FollowUp.status)).all() == ["answered"]
        later = run(sim, {"advance": "7d"})
        assert not [o for o in later if o["type"] == "message" and "nog niets van u gehoord" in o["text"]]
        assert not [o for o in later if o["type"] == "task"], later
    finally:
        sim.close()
