"""One turn in the making: the state so far, replies, effects and the log.

The state only changes through log entries, so ``fold(log, old) == new`` holds by
construction. A :class:`Turn` lives inside one ``Engine.decide`` call and never escapes.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.messages import Reply
from dialogs.api import (
    Decision,
    Effect,
    LanguageSet,
    LogEntry,
    MissesCounted,
    PersonContext,
    SlotSet,
    State,
    StepEntered,
    fold,
)

__all__ = ["Turn"]


class Turn:
    """Collects what one call of ``decide`` says and does."""

    def __init__(self, state: State, now: datetime, person: PersonContext) -> None:
        self.start = state
        self.state = state
        self.now = now
        self.person = person
        self.log: list[LogEntry] = []
        self.replies: list[Reply] = []
        self.effects: list[Effect] = []

    def record(self, entry: LogEntry) -> None:
        self.log.append(entry)
        self.state = fold([entry], self.state)

    def set(self, name: str, value: Any) -> None:
        if self.state.slots.get(name) != value or (value is None and name in self.state.slots):
            self.record(SlotSet(name, value))

    def enter(self, flow: str | None, step: str | None) -> None:
        self.record(StepEntered(flow, step))
        self.misses(0)

    def misses(self, n: int) -> None:
        if self.state.misses != n:
            self.record(MissesCounted(n))

    def language(self, language: str) -> None:
        if self.state.language != language:
            self.record(LanguageSet(language))

    def say(self, text: str, options: tuple[str, ...] = ()) -> None:
        if text.strip() or options:
            self.replies.append(Reply(text, options))

    def effect(self, effect: Effect) -> None:
        self.effects.append(effect)

    def decision(self) -> Decision:
        return Decision(self.state, tuple(self.replies), tuple(self.effects), tuple(self.log))
