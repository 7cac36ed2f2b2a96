"""Not sure it is a crisis: the dialog asks one plain question (see nlu/crisis_doubt.py)."""

from __future__ import annotations

from dataclasses import replace

from dialogs.api import HandOff
from dialogs.harness import EngineConversation
from nlu.api import CrisisKind

from .conftest import KeywordNLU
from .walk import walk_to


class LeaningNLU(KeywordNLU):
    """The keyword NLU, plus one text on which the crisis model leans to a kind."""

    def __init__(self, text: str, kind: CrisisKind) -> None:
        self.text, self.kind = text, kind

    def understand(self, text, language_hint=None, *, relief_answer=False):  # type: ignore[no-untyped-def]
        u = super().understand(text, language_hint, relief_answer=relief_answer)
        return replace(u, crisis_lean=self.kind) if text == self.text else u


def _handoffs(c: EngineConversation) -> list[HandOff]:
    return [e for e in c.effects() if isinstance(e, HandOff)]


def test_a_first_message_the_model_leans_on_gets_the_question(engine):
    c = EngineConversation(engine, LeaningNLU("alles is zwart", CrisisKind.SUICIDE))
    replies = c.say("alles is zwart")
    assert "Denkt u erover om uzelf iets aan te doen" in replies[-1].text
    assert c.state.step == "safety_suicide"
    assert _handoffs(c) == []


def test_a_lean_in_the_middle_of_the_plan_is_not_asked(engine):
    nlu = LeaningNLU("als ik het haar zelf vraag", CrisisKind.SUICIDE)
    c = walk_to(engine, nlu, "own_strength")
    c.say("mijn dochter komt elke zaterdag")
    step = c.state.step
    replies = c.say("als ik het haar zelf vraag")
    assert "uzelf iets aan te doen" not in " ".join(r.text for r in replies)
    assert c.state.step != step  # the answer was taken


def test_a_phrase_is_asked_about_in_the_middle_of_the_plan_too(engine, nlu):
    c = walk_to(engine, nlu, "own_strength")
    replies = c.say("ik kan niet meer")
    assert "uzelf iets aan te doen" in replies[-1].text


def test_a_clear_no_goes_back_and_takes_the_message_as_the_answer(engine, nlu):
    c = walk_to(engine, nlu, "own_strength")
    c.say("ik kan niet meer")
    replies = c.say("nee")
    text = " ".join(r.text for r in replies)
    assert "Dank u voor uw antwoord" in text
    assert "112" not in text and _handoffs(c) == []
    assert c.state.step != "own_strength"  # "ik kan niet meer" answered "Wat lukt u nog zelf?"
    assert not c.state.slots.get("safety_pending")


def test_yes_is_a_crisis_of_the_kind_asked(engine, nlu):
    c = EngineConversation(engine, nlu)
    c.say("hij wordt soms zo boos op mij")
    replies = c.say("ja")
    assert "Veilig Thuis" in " ".join(r.text for r in replies)
    (h,) = _handoffs(c)
    assert (h.role, h.priority, h.crisis_kind) == ("professional", "urgent", CrisisKind.VIOLENCE)


def test_anything_but_a_clear_no_is_a_crisis(engine, nlu):
    c = EngineConversation(engine, nlu)
    c.say("ik voel me helemaal niet goed")
    c.say("weet ik niet")
    (h,) = _handoffs(c)
    assert h.crisis_kind is CrisisKind.DANGER


def test_no_question_while_a_professional_is_already_called(engine, nlu):
    c = EngineConversation(engine, nlu)
    c.say("ik wil niet meer leven")
    assert len(_handoffs(c)) == 1
    c.person = replace(c.person, crisis_waiting=True)
    replies = c.say("ik kan niet meer")
    assert "uzelf iets aan te doen" not in " ".join(r.text for r in replies)
