"""The small-cell rule: every shown number rests on at least five people.

A :class:`Cell` holds only what may be shown. When fewer than :data:`MIN_PEOPLE`
people are behind a number, the cell is *hidden*: it keeps no value at all, so no
renderer (HTML, CSV, JSON, chart) can leak the exact number by mistake.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "HIDDEN_TEXT",
    "MIN_PEOPLE",
    "Cell",
    "Unit",
    "count",
    "minutes",
    "people",
    "rate",
    "share",
]

#: Fewer people than this behind a number: the number is not shown.
MIN_PEOPLE = 5
#: What is shown instead of a hidden number, in every output.
HIDDEN_TEXT = "< 5"


class Unit(StrEnum):
    PEOPLE = "people"
    COUNT = "count"
    PERCENT = "percent"
    MINUTES = "minutes"
    NUMBER = "number"


@dataclass(frozen=True, slots=True)
class Cell:
    """One number that may be shown, or a hidden one (``value`` is then None)."""

    value: float | None
    unit: Unit

    @property
    def hidden(self) -> bool:
        return self.value is None

    @property
    def text(self) -> str:
        """Dutch display text: ``1.234``, ``42%``, ``12 min``, ``1,5`` or ``< 5``."""
        if self.value is None:
            return HIDDEN_TEXT
        v = self.value
        if self.unit in (Unit.PEOPLE, Unit.COUNT):
            return f"{round(v):,}".replace(",", ".")
        if self.unit is Unit.PERCENT:
            return f"{round(v)}%"
        if self.unit is Unit.MINUTES:
            return f"{_dutch(v)} min"
        return _dutch(v)

    def export(self) -> float | int | str:
        """The value for CSV and JSON: a number, or ``"< 5"`` when hidden."""
        if self.value is None:
            return HIDDEN_TEXT
        if self.unit in (Unit.PEOPLE, Unit.COUNT):
            return round(self.value)
        return round(self.value, 1)


def _dutch(v: float) -> str:
    """One decimal at most, with a decimal comma: 12, 1,5."""
    r = round(v, 1)
    if r == int(r):
        return f"{int(r):,}".replace(",", ".")
    return f"{r:.1f}".replace(".", ",")


def people(n: int, *, force_hidden: bool = False) -> Cell:
    """A number of people."""
    return Cell(None if n < MIN_PEOPLE or force_hidden else float(n), Unit.PEOPLE)


def count(n: int, people_behind: int) -> Cell:
    """A number of things (tasks, follow-ups), shown when enough people are behind it."""
    return Cell(None if people_behind < MIN_PEOPLE else float(n), Unit.COUNT)


def share(part_people: int, rest_people: int) -> Cell:
    """A percentage of people. Hidden when the part *or* the rest is a small group:
    "96% of 30" would otherwise point at one person just as well as "1 of 30"."""
    if part_people < MIN_PEOPLE or rest_people < MIN_PEOPLE:
        return Cell(None, Unit.PERCENT)
    return Cell(100.0 * part_people / (part_people + rest_people), Unit.PERCENT)


def rate(part: int, total: int, people_behind: int) -> Cell:
    """A percentage of things the organisation did (follow-ups on time): shown when
    enough people are behind the total; it says nothing about a person."""
    if people_behind < MIN_PEOPLE or total == 0:
        return Cell(None, Unit.PERCENT)
    return Cell(100.0 * part / total, Unit.PERCENT)


def minutes(value: float | None, people_behind: int) -> Cell:
    """A duration in minutes (a median, a per-person mean)."""
    if value is None or people_behind < MIN_PEOPLE:
        return Cell(None, Unit.MINUTES)
    return Cell(float(value), Unit.MINUTES)
