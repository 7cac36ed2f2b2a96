"""Random conversations: the log always replays to the state, never more than two
options, and every message gets an answer unless a human holds the conversation."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dialogs.api import (
    FollowUpDue,
    HandedBack,
    HandoffWaiting,
    OutreachStarted,
    PersonContext,
    PersonWrote,
    State,
    fold,
)

from .conftest import KeywordNLU

START = datetime(2026, 11, 23, 9, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
LINES = [
    "ja", "nee", "1", "2", "ja hoor", "nee dank je", "weet ik niet", "", "7", "een 2",
    "kan iemand mijn huis schoonmaken", "ik ben zo alleen", "ik heb schulden",
    "boodschappen en vervoer", "mens", "stop", "start", "verwijder mijn gegevens",
    "mijn plan", "english please", "nederlands graag", "Tuinzigt", "volgende week",
    "ik zie het niet meer zitten", "ik wil vrijwilliger worden", "zorgen om mijn buurman",
    "Lorem ipsum dolor sit amet", "beter", "niet beter", "het kan beter", "dank je wel",
    "asdfgh", "Can someone help me clean?", "yes", "no",
]  # fmt: skip
NLU = KeywordNLU()

events = st.one_of(
    st.tuples(st.just("say"), st.sampled_from(LINES)),
    st.tuples(st.just("followup"), st.integers(0, 1)),
    st.tuples(st.just("back"), st.sampled_from([None, "followup", "close"])),
    st.tuples(st.just("waiting"), st.booleans()),
    st.tuples(st.just("outreach"), st.just("checkin")),
)


def _event(kind, arg, at, person):
    if kind == "say":
        return PersonWrote(arg, NLU.understand(arg), at, person)
    if kind == "followup":
        return FollowUpDue(1, "household", at, person, attempt=arg)
    if kind == "back":
        return HandedBack(at, arg, person)
    if kind == "waiting":
        return HandoffWaiting(at, arg, "morgen om 9 uur" if arg else None, person)
    return OutreachStarted(arg, at, person)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(events, min_size=1, max_size=25), st.booleans(), st.booleans())
def test_random_conversations_keep_the_promises(engine, steps, consent, held):
    state = State()
    person = PersonContext(consent=consent or None, held_by_human=held)
    at = START
    for kind, arg in steps:
        at += timedelta(minutes=5)
        event = _event(kind, arg, at, person)
        decision = engine.decide(state, event)
        assert fold(decision.log, state) == decision.state
        assert State.from_json(decision.state.to_json()) == decision.state
        for reply in decision.replies:
            assert len(reply.options) <= 2
            assert reply.text.strip()
            assert len(reply.text) <= 320
        if kind == "say" and arg.strip() and not held:
            u = event.understanding
            if u.control not in ("my_data", "my_plan"):
                assert decision.replies, f"no answer to {arg!r} at {state.flow}.{state.step}"
        state = decision.state
