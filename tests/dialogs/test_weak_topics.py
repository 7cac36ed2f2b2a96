"""A weak topic guess in a short answer does not steer the conversation.

The classifier gives short answers ("eigenlijk nooit", "voor mijn kinderen") a topic
now and then with a low confidence. Only a topic the NLU is fairly sure of may turn a
"no" into a new ask or add a need behind the ask.
"""

from __future__ import annotations

from dataclasses import replace

from dialogs.engine import DEEPER_CONFIDENCE
from dialogs.harness import EngineConversation
from nlu.api import TopicScore

from .conftest import KeywordNLU


class GuessingNLU(KeywordNLU):
    """The keyword NLU, plus one answer that gets a topic with a chosen confidence."""

    def __init__(self, text: str, topic: str, confidence: float) -> None:
        self.text, self.topic, self.confidence = text, topic, confidence

    def understand(self, text, language_hint=None, *, relief_answer=False):  # type: ignore[no-untyped-def]
        u = super().understand(text, language_hint, relief_answer=relief_answer)
        if text == self.text:
            return replace(u, topics=(TopicScore(self.topic, self.confidence),))
        return u


def _no_at_reflect(engine, confidence: float) -> tuple[EngineConversation, str]:  # type: ignore[no-untyped-def]
    c = EngineConversation(
        engine, GuessingNLU("nee, iets anders eigenlijk", "loneliness", confidence)
    )
    c.say("kan iemand mijn lamp ophangen")
    c.say("ja")
    assert c.state.step == "reflect"
    replies = c.say("nee, iets anders eigenlijk")
    return c, " ".join(r.text for r in replies)


def test_a_weak_topic_in_a_no_does_not_become_the_new_ask(engine):
    c, text = _no_at_reflect(engine, DEEPER_CONFIDENCE - 0.2)
    assert "Waar zoekt u dan hulp bij" in text
    assert c.state.slots["topics"] == ["odd_jobs"]


def test_a_sure_topic_in_a_no_is_the_new_ask(engine):
    c, text = _no_at_reflect(engine, 0.9)
    assert "Waar zoekt u dan hulp bij" not in text
    assert c.state.slots["topics"] == ["loneliness"]


def _miracle_answer(engine, confidence: float) -> EngineConversation:  # type: ignore[no-untyped-def]
    answer = "dan ben ik overal op tijd"
    c = EngineConversation(engine, GuessingNLU(answer, "loneliness", confidence))
    c.say("kan iemand mijn lamp ophangen")
    c.say("ja")
    c.say("ja")
    c.say(answer)
    return c


def test_a_weak_topic_in_an_answer_is_no_need_behind_the_ask(engine):
    c = _miracle_answer(engine, DEEPER_CONFIDENCE - 0.1)
    assert not c.state.slots.get("deeper")


def test_a_sure_topic_in_an_answer_is_a_need_behind_the_ask(engine):
    c = _miracle_answer(engine, 0.95)
    assert c.state.slots.get("deeper") == ["loneliness"]
