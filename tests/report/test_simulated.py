"""The scoreboard of real conversations run through the whole pipeline (Simulator),
and the same numbers after everyone asked to erase their data."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from sqlalchemy import func, select

from bot.report import Period, compute_scoreboard, render_csv
from bot.simulate import Simulator
from storage.models import Contact, StatEvent
from tests.conftest import DATABASES, new_database

PERIOD = Period(date(2026, 11, 1), date(2026, 12, 31))
NUMBERS = [f"06 1234567{i}" for i in range(6)]
#: Mevrouw De Wit's conversation (dialogs/scripts/nl_01): cleaning asked, loneliness behind it.
CLEANING = [
    ("goedemiddag ik ben mevr de Wit 81 jaar kan er iemand mijn huis schoonmaken het lukt me "
     "niet meer en er komt toch nooit meer iemand"),
    "ja hoor",
    "ja dat klopt sinds mijn man dood is",
    "dan durf ik weer iemand binnen te laten voor een kopje koffie",
    "ja",
    "afwassen en stoffen gaat nog wel",
    "nee mijn zoon woont in groningen",
    "1",
    "tuinzigt",
    "ja",
]
AFTER_FOLLOWUP = ["beter hoor er is een aardige meneer geweest Henk", "dat hij bleef voor koffie",
                  "ja hoor bedankt"]


@pytest.fixture(scope="module", params=DATABASES)
def sim(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
        understander) -> Iterator[Simulator]:  # type: ignore[no-untyped-def]
    """Six people have the whole conversation; a volunteer takes each one over
    (20 minutes apart), replies and closes; a week later they answer the follow-up.

    Built once per database for the whole module (it takes seconds), so on a database
    of its own rather than the per-test ``db_url``."""
    with new_database(request.param, tmp_path_factory.mktemp("sim")) as url:
        s = Simulator(nlu=understander, database_url=url)
        try:
            _converse(s)
            yield s
        finally:
            s.close()


def _converse(s: Simulator) -> None:
    for n in NUMBERS:
        for text in CLEANING:
            s.feed({"channel": "sms", "from": n, "text": text})
    for n in NUMBERS:
        s.feed({"staff": "henk", "action": "take", "contact": n})
        s.feed({"staff": "henk", "action": "reply", "contact": n, "text": "Ik kom dinsdag langs."})
        s.feed({"advance": "20m"})
        s.feed({"staff": "henk", "action": "close", "contact": n,
                "helped_by": ["volunteer", "self"], "deeper_addressed": True})
    s.feed({"advance": "8d"})
    for n in NUMBERS:
        for text in AFTER_FOLLOWUP:
            s.feed({"channel": "sms", "from": n, "text": text})


def test_real_conversations_give_the_expected_scoreboard(sim: Simulator) -> None:
    m = compute_scoreboard(sim.core.db.session, PERIOD).overall
    assert m.people.text == "6" and m.first_contacts.text == "6"
    assert m.deeper_differs.text == "6"
    assert [(b.key, b.cell.text) for b in m.pairs] == [("household->loneliness", "6")]
    assert {b.key: b.cell.text for b in m.plan_who} == {
        "self": "6", "volunteer": "6", "network": "< 5", "professional": "< 5"}
    assert m.helpers_per_plan_mean.text == "2"
    assert {b.key: b.cell.text for b in m.helped_by}["volunteer"] == "6"
    assert m.better.text == "6" and m.satisfied_yes.text == "6"
    # Taken over at 0, 20, ..., 100 minutes after the handoffs.
    assert (m.wait_median.text, m.wait_p90.text) == ("40 min", "100 min")
    assert m.volunteer_minutes_per_person.text == "20 min"
    # All six did something themselves: "100%" would say it of each one, so it is hidden.
    assert m.plans_self_share.hidden


def test_the_neighbourhood_is_the_one_named_in_the_conversation(sim: Simulator) -> None:
    board = compute_scoreboard(sim.core.db.session, PERIOD, ["neighbourhood"])
    groups = {g.key: g.measures.people.text for g in board.breakdown("neighbourhood").groups}
    assert groups == {"Tuinzigt": "6"}


def test_counts_survive_when_everyone_erases_their_data(sim: Simulator) -> None:
    before = compute_scoreboard(sim.core.db.session, PERIOD)
    for n in NUMBERS:
        sim.feed({"channel": "sms", "from": n, "text": "verwijder mijn gegevens"})
        sim.feed({"channel": "sms", "from": n, "text": "ja"})
    with sim.core.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Contact)) == 0
        assert s.scalar(select(func.count()).select_from(StatEvent)) > 0
    after = compute_scoreboard(sim.core.db.session, PERIOD)
    assert after.overall.people == before.overall.people
    assert render_csv(after) == render_csv(before)
