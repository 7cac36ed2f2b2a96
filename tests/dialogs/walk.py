"""Shared steps for the fresh-conversation tests: walk a conversation to a step."""

from __future__ import annotations

from dialogs.api import SavePlan
from dialogs.harness import EngineConversation


def walk_to(engine, nlu, step: str, first: str = "kan iemand mijn huis schoonmaken") -> EngineConversation:  # type: ignore[no-untyped-def]
    """A conversation about cleaning, walked up to ``step``."""
    c = EngineConversation(engine, nlu)
    for line in (first, "ja", "ja", "dan is het weer netjes", "ik kan nog afwassen"):
        if c.state.step == step:
            break
        c.say(line)
    assert c.state.step == step, c.state.step
    return c


def saved_plan(c: EngineConversation) -> SavePlan:
    """The plan the conversation saved."""
    return next(e for e in c.effects() if isinstance(e, SavePlan))
