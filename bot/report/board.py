"""The whole scoreboard of a period: all people, and broken down per group.

A person belongs to a neighbourhood and a language by the last one known in the
period (one group each), and to every topic and channel they had in the period (so
topic and channel groups overlap). A group holds everything its people did.

Breakdowns by neighbourhood and language split the total exactly, so a hidden cell
could be worked out from the total and the other groups. Where that could happen,
the next smallest cells are hidden too, until the hidden ones add up to at least
five people (secondary suppression).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from bot.report.cells import MIN_PEOPLE
from bot.report.events import Ev
from bot.report.labels import DIMENSIONS, UNKNOWN, group_label
from bot.report.measures import PEOPLE_FIELDS, Measures, protect
from bot.report.period import Period
from bot.report.raw import Raw, compute_raw

__all__ = ["SINGLE_VALUED", "Breakdown", "Group", "Scoreboard", "build_scoreboard"]

#: Dimensions where every person is in exactly one group.
SINGLE_VALUED = frozenset({"neighbourhood", "language"})


@dataclass(frozen=True, slots=True)
class Group:
    key: str
    label: str
    measures: Measures


@dataclass(frozen=True, slots=True)
class Breakdown:
    dimension: str
    label: str
    groups: tuple[Group, ...]


@dataclass(frozen=True, slots=True)
class Scoreboard:
    """What may be shown about one period. Holds cells only, never exact small numbers."""

    period: Period
    overall: Measures
    breakdowns: tuple[Breakdown, ...]

    def breakdown(self, dimension: str) -> Breakdown:
        return next(b for b in self.breakdowns if b.dimension == dimension)


def _groups_of(dimension: str, evs: list[Ev]) -> set[str]:
    attr = {
        "neighbourhood": "neighbourhood",
        "language": "language",
        "channel": "channel",
        "topic": "topic",
    }[dimension]
    values = [getattr(e, attr) for e in evs if getattr(e, attr)]
    if not values:
        return {UNKNOWN}
    if dimension in SINGLE_VALUED:
        return {values[-1]}
    return set(values)


def _split(dimension: str, events: tuple[Ev, ...]) -> dict[str, list[Ev]]:
    by_person: dict[str, list[Ev]] = defaultdict(list)
    for e in events:
        if e.person:
            by_person[e.person].append(e)
    groups: dict[str, list[Ev]] = defaultdict(list)
    for evs in by_person.values():
        for g in _groups_of(dimension, evs):
            groups[g].extend(evs)
    return groups


def secondary_hidden(total: int, parts: dict[str, int]) -> set[str]:
    """Groups whose cell must be hidden so that no hidden cell can be worked out.

    Small cells are hidden; then, while the hidden ones together are fewer than
    :data:`MIN_PEOPLE` people (and the total is shown), the smallest shown one joins them.
    """
    hidden = {k for k, n in parts.items() if n < MIN_PEOPLE}
    if total < MIN_PEOPLE or not hidden:
        return hidden
    while sum(parts[k] for k in hidden) < MIN_PEOPLE:
        shown = sorted((n, k) for k, n in parts.items() if k not in hidden)
        if not shown:
            break
        hidden.add(shown[0][1])
    return hidden


def _breakdown(dimension: str, events: tuple[Ev, ...], overall: Raw) -> Breakdown:
    raws = {k: compute_raw(evs) for k, evs in _split(dimension, events).items()}
    forced: dict[str, set[str]] = defaultdict(set)
    if dimension in SINGLE_VALUED:
        for field in PEOPLE_FIELDS:
            parts = {k: getattr(r, field) for k, r in raws.items()}
            for k in secondary_hidden(getattr(overall, field), parts):
                forced[k].add(field)
    groups = sorted(
        (
            Group(k, group_label(dimension, k), protect(r, frozenset(forced[k])))
            for k, r in raws.items()
        ),
        key=lambda g: (g.key == UNKNOWN, g.label.lower()),
    )
    return Breakdown(dimension, DIMENSIONS[dimension], tuple(groups))


def build_scoreboard(
    period: Period, events: Iterable[Ev], dimensions: Iterable[str] = tuple(DIMENSIONS)
) -> Scoreboard:
    """All measures of ``period`` from its stat events, overall and per dimension."""
    evs = tuple(events)
    overall = compute_raw(evs)
    return Scoreboard(
        period=period,
        overall=protect(overall),
        breakdowns=tuple(_breakdown(d, evs, overall) for d in dimensions),
    )
