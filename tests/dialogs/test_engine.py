"""The engine's promises: safety first, control words, at most two options, no loops."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from dialogs.api import (
    EraseContact,
    HandOff,
    PersonContext,
    PersonWrote,
    Priority,
    RecordConsent,
    ReportPlan,
    ReportStoredData,
    Role,
    SetStopped,
    State,
    fold,
)
from dialogs.harness import EngineConversation
from nlu.api import Control, CrisisKind, Understanding

NOW = datetime(2026, 11, 23, 14, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


def _wrote(text: str, nlu, person: PersonContext | None = None) -> PersonWrote:
    return PersonWrote(text, nlu.understand(text), NOW, person or PersonContext())


def _talk(engine, nlu, *lines: str, person: PersonContext | None = None) -> EngineConversation:
    c = EngineConversation(engine, nlu, person)
    for line in lines:
        c.say(line)
    return c


def test_first_message_says_computer_person_stop_and_delete_and_asks_consent(engine, nlu):
    d = engine.decide(State(), _wrote("Hallo", nlu))
    text = " ".join(r.text for r in d.replies)
    for word in ("computer", "mens", "STOP", "VERWIJDER MIJN GEGEVENS"):
        assert word in text
    assert d.replies[-1].options == ("Ja", "Nee")


def test_refusing_consent_gives_phone_and_hours_and_keeps_nothing(engine, nlu):
    c = _talk(engine, nlu, "kan iemand mijn huis schoonmaken")
    replies = c.say("nee")
    assert "0800-1234" in replies[0].text
    assert [e for e in c.effects() if isinstance(e, RecordConsent)][-1].given is False
    assert "first_ask" not in c.state.slots


def test_the_first_ask_is_kept_through_consent(engine, nlu):
    c = _talk(engine, nlu, "kan iemand mijn huis schoonmaken")
    replies = c.say("ja hoor")
    assert "huishouden" in replies[0].text and "Waar kan ik" not in replies[0].text


def test_crisis_reaches_a_professional_even_while_a_human_holds_it(engine, nlu):
    person = PersonContext(consent=True, held_by_human=True)
    d = engine.decide(State(), _wrote("ik wil er niet meer zijn", nlu, person))
    handoff = next(e for e in d.effects if isinstance(e, HandOff))
    assert (handoff.role, handoff.priority) == (Role.PROFESSIONAL, Priority.URGENT)
    assert handoff.crisis_kind is CrisisKind.SUICIDE
    assert "113" in d.replies[0].text and "112" in d.replies[0].text


def test_violence_names_veilig_thuis(engine):
    u = Understanding("hij slaat mij", crisis=CrisisKind.VIOLENCE)
    d = engine.decide(State(), PersonWrote("hij slaat mij", u, NOW))
    assert "Veilig Thuis 0800-2000" in d.replies[0].text


def test_held_by_human_gets_no_replies_for_ordinary_messages(engine, nlu):
    person = PersonContext(consent=True, held_by_human=True)
    d = engine.decide(State(), _wrote("kunt u mij helpen met boodschappen", nlu, person))
    assert d.replies == () and d.effects == ()


def test_control_words_work_while_a_human_holds_it(engine):
    person = PersonContext(consent=True, held_by_human=True)
    u = Understanding("stop", control=Control.STOP)
    d = engine.decide(State(), PersonWrote("stop", u, NOW, person))
    assert SetStopped(True) in d.effects and "START" in d.replies[0].text


def test_asking_for_a_person_hands_over_and_says_what_happens(engine, nlu):
    c = _talk(engine, nlu, "ik heb schulden", "ja")
    replies = c.say("ik wil een mens spreken")
    handoff = next(e for e in c.effects() if isinstance(e, HandOff))
    assert handoff.role is Role.PROFESSIONAL  # debts
    assert "medewerker" in replies[0].text


def test_delete_asks_first_and_only_then_erases(engine, nlu):
    c = _talk(engine, nlu, "hallo", "ja")
    c.effects()
    assert c.say("verwijder mijn gegevens")[0].options == ("Ja, alles wissen", "Nee, niet wissen")
    c.say("ja")
    assert any(isinstance(e, EraseContact) for e in c.effects())
    assert set(c.state.slots) <= {"language_detected"}


def test_english_is_detected_and_switchable(engine, nlu):
    c = EngineConversation(engine, nlu)
    assert "computer" in c.say("Hello, can someone help me with my shopping?")[0].text
    assert c.state.language == "en"
    again = c.say("nederlands graag")
    assert again[-1].options == ("Ja", "Nee")


def test_two_misses_offer_a_person_and_declining_moves_on(engine, nlu):
    c = _talk(engine, nlu, "hallo")
    first = c.say("blabla")
    assert "begreep" in first[0].text
    second = c.say("hmm")
    assert "mens" in second[-1].text
    onward = c.say("xyz")  # even an unclear answer here moves on, never loops
    assert onward and c.state.step != "offer_human"


def test_the_example_hands_off_household_and_loneliness(engine, nlu):
    c = EngineConversation(engine, nlu)
    for line in [
        "Kan iemand mijn huis schoonmaken? Er komt toch nooit meer iemand bij mij.",
        "ja", "ja", "dan komt er weer eens iemand op bezoek", "ja", "als de zon schijnt",
        "5", "een schoon huis", "de afwas", "nee", "ja graag", "Tuinzigt", "over een paar dagen",
    ]:  # fmt: skip
        c.say(line)
    handoffs = [e for e in c.effects() if isinstance(e, HandOff)]
    assert handoffs
    h = handoffs[-1]
    assert {"household", "loneliness"} <= set(h.topics)
    assert "huishouden" in h.summary and "eenzaamheid" in h.summary


def test_replaying_the_log_gives_the_same_state(engine, nlu):
    state = State()
    for line in ["Kan iemand boodschappen doen?", "ja", "ja", "fijn", "zondag", "6"]:
        d = engine.decide(state, _wrote(line, nlu, PersonContext()))
        assert fold(d.log, state) == d.state
        state = d.state


def test_a_state_from_older_dialogs_starts_cleanly(engine, nlu):
    old = State(flow="intake", step="a_step_that_was_removed", slots={"consent": True})
    d = engine.decide(old, _wrote("kan iemand boodschappen doen", nlu, PersonContext(consent=True)))
    assert d.replies and "boodschappen" in d.replies[-1].text


def test_a_removed_return_step_does_not_break_delete_cancel(engine, nlu):
    state = State(flow="common", step="delete_confirm", slots={"return_to": "intake.gone"})
    d = engine.decide(state, _wrote("nee", nlu, PersonContext(consent=True)))
    assert d.replies and d.state.step == "anything_else"


def test_after_an_aside_the_open_question_is_asked_again(engine, nlu):
    """'mijn plan' or 'mijn gegevens' halfway: the report (an effect the pipeline turns
    into a message), then the question the conversation was waiting for."""
    c = _talk(engine, nlu, "kan iemand mijn huis schoonmaken", "ja")
    question = c.say("ja")[-1].text  # the ask is confirmed: the next question
    pending = c.state.step
    c.effects()
    for aside, effect in (("mijn plan", ReportPlan), ("mijn gegevens", ReportStoredData)):
        replies = c.say(aside)
        assert any(isinstance(e, effect) for e in c.effects())
        assert [r.text for r in replies] == [question]
        assert c.state.step == pending
