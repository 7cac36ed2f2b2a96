"""Exact numbers from stat events. Internal: never rendered; :mod:`bot.report.measures`
turns them into cells under the small-cell rule.

Everything is counted per person (``person_key``) where a person can be told apart;
a person's *last* answer in the period counts for two-option questions and plans.
"Reached" means: wrote to us in the period (an ``inbound`` event); people who were
only approached through outreach count as approached, not as reached.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from bot.report.events import Ev

__all__ = ["ON_TIME_MINUTES", "WHO", "Raw", "compute_raw", "percentile"]

#: Who can help, in the order of "own strength first".
WHO = ("self", "network", "volunteer", "professional")
#: A follow-up sent within this many minutes after it was due counts as on time.
ON_TIME_MINUTES = 60.0
#: Topics that are a flag rather than a question (left out of "several topics").
_FLAGS = {"crisis"}


@dataclass(frozen=True, slots=True)
class Spread:
    """Durations with the number of distinct people behind them."""

    values: tuple[float, ...]
    people: int

    @property
    def median(self) -> float | None:
        return percentile(self.values, 50)

    @property
    def p90(self) -> float | None:
        return percentile(self.values, 90)


@dataclass(frozen=True, slots=True)
class Tally:
    """A count of events with the number of distinct people behind them."""

    n: int
    people: int


@dataclass(frozen=True, slots=True)
class Raw:
    """Exact measures of one group of people in one period."""

    people: int
    first_contacts: int
    returning: int
    outreach: int
    outreach_responded: int
    several_topics: int
    with_first_ask: int
    deeper_differs: int
    pairs: tuple[tuple[tuple[str, str], int], ...]
    plans: int
    plan_who: tuple[tuple[str, int], ...]
    helpers_per_plan: tuple[tuple[int, int], ...]
    with_result: int
    without_professional: int
    helped_by: tuple[tuple[str, int], ...]
    satisfied_yes: int
    satisfied_no: int
    better: int
    not_better: int
    wait: Spread
    first_reply: Spread
    followups_on_time: Tally
    followups_late: Tally
    tasks_opened: Tally
    tasks_done: Tally
    minutes_volunteer: Spread
    minutes_staff: Spread


def percentile(values: Iterable[float], q: float) -> float | None:
    """Nearest-rank percentile (q in 0..100); None for no values."""
    xs = sorted(values)
    if not xs:
        return None
    rank = max(1, math.ceil(q / 100 * len(xs)))
    return xs[rank - 1]


def _last_answer(evs: list[Ev], prefix: str) -> str | None:
    answer = None
    for e in evs:
        if e.kind == "feedback" and (e.value or "").startswith(prefix):
            answer = (e.value or "")[len(prefix) :]
    return answer


def _tally(evs: Iterable[Ev]) -> Tally:
    evs = list(evs)
    return Tally(len(evs), len({e.person for e in evs if e.person}))


def _spread(evs: Iterable[Ev]) -> Spread:
    evs = [e for e in evs if e.number is not None]
    return Spread(
        tuple(float(e.number or 0) for e in evs), len({e.person for e in evs if e.person})
    )


def compute_raw(events: Iterable[Ev]) -> Raw:
    """The exact measures of the people behind ``events`` (events without a person
    count only where no person is needed)."""
    by_person: dict[str, list[Ev]] = defaultdict(list)
    evs = list(events)
    for e in evs:
        if e.person:
            by_person[e.person].append(e)

    reached = first = returning = outreach = outreach_responded = 0
    several = with_ask = differs = 0
    plans = with_result = without_prof = 0
    sat_yes = sat_no = better = not_better = 0
    pairs: dict[tuple[str, str], int] = defaultdict(int)
    plan_who: dict[str, int] = defaultdict(int)
    helpers: dict[int, int] = defaultdict(int)
    helped: dict[str, int] = defaultdict(int)

    for person_evs in by_person.values():
        kinds = {e.kind for e in person_evs}
        wrote = "inbound" in kinds
        reached += wrote
        started = {e.value for e in person_evs if e.kind == "conversation_started"}
        first += wrote and "first" in started
        returning += wrote and "returning" in started
        approached = any(
            e.kind == "outreach_sent" or (e.kind == "contact_new" and e.value == "outreach")
            for e in person_evs
        )
        outreach += approached
        outreach_responded += approached and wrote

        literal = {e.topic for e in person_evs if e.kind == "need_literal" and e.topic}
        deeper = {e.topic for e in person_evs if e.kind == "need_deeper" and e.topic}
        several += len((literal | deeper) - _FLAGS) >= 2
        if literal:
            with_ask += 1
            found = deeper - literal
            if found:
                differs += 1
                for pair in {(lit, d) for lit in literal - _FLAGS for d in found - _FLAGS}:
                    pairs[pair] += 1

        plan = next((e for e in reversed(person_evs) if e.kind == "plan_saved"), None)
        plan_set: set[str] = set()
        if plan is not None:
            plans += 1
            plan_set = {w for w in (plan.value or "").split(",") if w}
            for w in plan_set:
                plan_who[w] += 1
            helpers[len(plan_set)] += 1
        helped_set = {e.value for e in person_evs if e.kind == "helped_by" and e.value}
        for w in helped_set:
            helped[w] += 1
        if plan is not None or helped_set:
            with_result += 1
            professional = (
                "professional" in plan_set
                or "professional" in helped_set
                or "crisis" in kinds
                or any(e.kind == "handoff" and e.value == "professional" for e in person_evs)
            )
            without_prof += not professional

        sat = _last_answer(person_evs, "satisfied:")
        sat_yes += sat == "yes"
        sat_no += sat == "no"
        outcome = _last_answer(person_evs, "followup_outcome:")
        better += outcome == "better"
        not_better += outcome == "not_better"

    fired = [e for e in evs if e.kind == "followup_fired" and e.number is not None]
    staff = [e for e in evs if e.kind == "staff_minutes"]
    return Raw(
        people=reached,
        first_contacts=first,
        returning=returning,
        outreach=outreach,
        outreach_responded=outreach_responded,
        several_topics=several,
        with_first_ask=with_ask,
        deeper_differs=differs,
        pairs=tuple(sorted(pairs.items())),
        plans=plans,
        plan_who=tuple((w, plan_who[w]) for w in WHO),
        helpers_per_plan=tuple((k, helpers[k]) for k in range(1, len(WHO) + 1)),
        with_result=with_result,
        without_professional=without_prof,
        helped_by=tuple((w, helped[w]) for w in WHO),
        satisfied_yes=sat_yes,
        satisfied_no=sat_no,
        better=better,
        not_better=not_better,
        wait=_spread(e for e in evs if e.kind == "handoff_taken"),
        first_reply=_spread(e for e in evs if e.kind == "first_human_reply"),
        followups_on_time=_tally(e for e in fired if (e.number or 0) <= ON_TIME_MINUTES),
        followups_late=_tally(e for e in fired if (e.number or 0) > ON_TIME_MINUTES),
        tasks_opened=_tally(e for e in evs if e.kind == "task_opened"),
        tasks_done=_tally(e for e in evs if e.kind == "task_done"),
        minutes_volunteer=_spread(e for e in staff if e.value == "volunteer"),
        minutes_staff=_spread(e for e in staff if e.value != "volunteer"),
    )
