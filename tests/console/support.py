"""Test helpers shared by console and browser tests: a clock and an NLU stand-in."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from nlu.api import TopicScore, Understanding
from nlu.control import detect_control
from nlu.crisis import detect

__all__ = ["KEYWORDS", "KeywordNlu", "ShiftedClock", "understander"]

KEYWORDS = {
    "boodschap": "groceries",
    "schuld": "money",
    "rekening": "money",
    "alleen": "loneliness",
    "vervoer": "transport",
    "buurman": "worry_other",
}


class ShiftedClock:
    """Real time, moved so that the test starts at a chosen moment."""

    def __init__(self, start: datetime) -> None:
        self._delta = start - datetime.now(UTC)

    def now(self) -> datetime:
        return datetime.now(UTC) + self._delta

    def advance(self, by: timedelta) -> None:
        self._delta += by


class KeywordNlu:
    """Crisis and control words from the real detectors; topics from a few keywords."""

    def understand(
        self, text: str, language_hint: str | None = None, *, relief_answer: bool = False
    ) -> Understanding:
        low = text.lower()
        topics = tuple(dict.fromkeys(t for k, t in KEYWORDS.items() if k in low))
        return Understanding(
            text=text,
            topics=tuple(TopicScore(t, 0.9) for t in topics),
            crisis=detect(text),
            control=detect_control(text),
        )


def understander() -> KeywordNlu:
    """The stand-in NLU: tests about the console must not depend on a trained model."""
    return KeywordNlu()
