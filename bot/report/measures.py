"""The scoreboard's measures as cells: exact numbers pass the small-cell rule here.

:func:`protect` is the only way from :class:`~bot.report.raw.Raw` to something that
can be shown. The field table :data:`FIELDS` gives every measure its section, Dutch
label and whether it is a number of people (those take part in the extra protection
of breakdowns, see :mod:`bot.report.board`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, fields

from bot.report import cells
from bot.report.cells import Cell
from bot.report.labels import WHO_NAMES, topic_label
from bot.report.raw import Raw

__all__ = ["FIELDS", "PEOPLE_FIELDS", "SECTIONS", "Bar", "Measures", "protect"]


@dataclass(frozen=True, slots=True)
class Bar:
    """One bar of a distribution: a key, its Dutch label and its cell."""

    key: str
    label: str
    cell: Cell


@dataclass(frozen=True, slots=True)
class Measures:
    """Every measure of one group in one period, ready to show."""

    people: Cell
    first_contacts: Cell
    returning: Cell
    outreach: Cell
    outreach_responded: Cell
    several_topics: Cell
    with_first_ask: Cell
    deeper_differs: Cell
    deeper_differs_share: Cell
    plans: Cell
    plans_self_share: Cell
    plans_network_share: Cell
    helpers_per_plan_mean: Cell
    with_result: Cell
    without_professional_share: Cell
    satisfied_yes: Cell
    satisfied_no: Cell
    satisfied_share: Cell
    better: Cell
    not_better: Cell
    better_share: Cell
    wait_median: Cell
    wait_p90: Cell
    first_reply_median: Cell
    first_reply_p90: Cell
    followups_fired: Cell
    followups_on_time_share: Cell
    tasks_opened: Cell
    tasks_done: Cell
    volunteer_minutes_per_person: Cell
    staff_minutes_per_person: Cell
    plan_who: tuple[Bar, ...]
    helped_by: tuple[Bar, ...]
    helpers_per_plan: tuple[Bar, ...]
    pairs: tuple[Bar, ...]

    def cells(self) -> Iterator[tuple[str, Cell]]:
        """(key, cell) of every single-number measure, in :data:`FIELDS` order."""
        for key in FIELDS:
            yield key, getattr(self, key)

    def distributions(self) -> Iterator[tuple[str, tuple[Bar, ...]]]:
        for key in DISTRIBUTIONS:
            yield key, getattr(self, key)


SECTIONS = {
    "reach": "Bereik",
    "deeper": "De vraag achter de vraag",
    "strength": "Eigen kracht",
    "synergy": "Samen helpen",
    "satisfaction": "Tevredenheid",
    "speed": "Snelheid en zorg",
    "effort": "Inzet",
}

#: key -> (section, Dutch label, is a number of people)
FIELDS: dict[str, tuple[str, str, bool]] = {
    "people": ("reach", "Mensen bereikt (stuurden ons een bericht)", True),
    "first_contacts": ("reach", "Voor het eerst", True),
    "returning": ("reach", "Kwamen terug", True),
    "outreach": ("reach", "Benaderd via outreach (wij namen contact op)", True),
    "outreach_responded": ("reach", "Via outreach in gesprek gekomen", True),
    "several_topics": ("reach", "Met meer dan één onderwerp", True),
    "with_first_ask": ("deeper", "Mensen met een eerste vraag", True),
    "deeper_differs": ("deeper", "Vraag achter de vraag was anders", True),
    "deeper_differs_share": ("deeper", "Deel waar de vraag achter de vraag anders was", False),
    "plans": ("strength", "Mensen met een plan", True),
    "plans_self_share": ("strength", "Plannen met iets dat de persoon zelf doet", False),
    "plans_network_share": ("strength", "Plannen met hulp uit het eigen netwerk", False),
    "with_result": ("strength", "Mensen met een plan of afgerond gesprek", True),
    "without_professional_share": ("strength", "Geholpen zonder beroepskracht", False),
    "helpers_per_plan_mean": ("synergy", "Gemiddeld aantal soorten helpers per plan", False),
    "satisfied_yes": ("satisfaction", "Tevreden: ja", True),
    "satisfied_no": ("satisfaction", "Tevreden: nee", True),
    "satisfied_share": ("satisfaction", "Deel tevreden", False),
    "better": ("satisfaction", "Terugkoppeling: het gaat beter", True),
    "not_better": ("satisfaction", "Terugkoppeling: niet beter", True),
    "better_share": ("satisfaction", "Deel bij wie het beter gaat", False),
    "wait_median": ("speed", "Wachttijd tot een mens het overneemt (mediaan)", False),
    "wait_p90": ("speed", "Wachttijd tot een mens het overneemt (9 op 10 binnen)", False),
    "first_reply_median": ("speed", "Tijd tot het eerste antwoord van een mens (mediaan)", False),
    "first_reply_p90": (
        "speed",
        "Tijd tot het eerste antwoord van een mens (9 op 10 binnen)",
        False,
    ),
    "followups_fired": ("speed", "Terugkoppelingen verstuurd", False),
    "followups_on_time_share": ("speed", "Terugkoppelingen op tijd (binnen een uur)", False),
    "tasks_opened": ("speed", "Terugbeltaken gemaakt", False),
    "tasks_done": ("speed", "Terugbeltaken afgerond", False),
    "volunteer_minutes_per_person": ("effort", "Minuten vrijwilligers per bereikt persoon", False),
    "staff_minutes_per_person": ("effort", "Minuten beroepskrachten per bereikt persoon", False),
}
PEOPLE_FIELDS = frozenset(k for k, (_s, _l, is_people) in FIELDS.items() if is_people)
#: key -> (section, Dutch title)
DISTRIBUTIONS = {
    "plan_who": ("strength", "Wie doet iets in het plan"),
    "helped_by": ("synergy", "Wie hielp (bij afronden door een medewerker)"),
    "helpers_per_plan": ("synergy", "Aantal soorten helpers per plan"),
    "pairs": ("deeper", "Eerste vraag en de vraag erachter"),
}


def _per_person(spread_total: float, spread_people: int, reached: int) -> Cell:
    if reached < cells.MIN_PEOPLE:
        return cells.minutes(None, 0)
    return cells.minutes(spread_total / reached, spread_people)


def protect(raw: Raw, force_hidden: frozenset[str] = frozenset()) -> Measures:
    """Apply the small-cell rule to ``raw``; ``force_hidden`` names people fields that
    must be hidden anyway (secondary suppression in a breakdown)."""

    def p(key: str, n: int) -> Cell:
        return cells.people(n, force_hidden=key in force_hidden)

    plan_who = dict(raw.plan_who)
    on_time, late = raw.followups_on_time, raw.followups_late
    helper_count = sum(k * n for k, n in raw.helpers_per_plan)
    mean_helpers = cells.Cell(
        helper_count / raw.plans if raw.plans >= cells.MIN_PEOPLE else None, cells.Unit.NUMBER
    )
    return Measures(
        people=p("people", raw.people),
        first_contacts=p("first_contacts", raw.first_contacts),
        returning=p("returning", raw.returning),
        outreach=p("outreach", raw.outreach),
        outreach_responded=p("outreach_responded", raw.outreach_responded),
        several_topics=p("several_topics", raw.several_topics),
        with_first_ask=p("with_first_ask", raw.with_first_ask),
        deeper_differs=p("deeper_differs", raw.deeper_differs),
        deeper_differs_share=cells.share(
            raw.deeper_differs, raw.with_first_ask - raw.deeper_differs
        ),
        plans=p("plans", raw.plans),
        plans_self_share=cells.share(plan_who["self"], raw.plans - plan_who["self"]),
        plans_network_share=cells.share(plan_who["network"], raw.plans - plan_who["network"]),
        helpers_per_plan_mean=mean_helpers,
        with_result=p("with_result", raw.with_result),
        without_professional_share=cells.share(
            raw.without_professional, raw.with_result - raw.without_professional
        ),
        satisfied_yes=p("satisfied_yes", raw.satisfied_yes),
        satisfied_no=p("satisfied_no", raw.satisfied_no),
        satisfied_share=cells.share(raw.satisfied_yes, raw.satisfied_no),
        better=p("better", raw.better),
        not_better=p("not_better", raw.not_better),
        better_share=cells.share(raw.better, raw.not_better),
        wait_median=cells.minutes(raw.wait.median, raw.wait.people),
        wait_p90=cells.minutes(raw.wait.p90, raw.wait.people),
        first_reply_median=cells.minutes(raw.first_reply.median, raw.first_reply.people),
        first_reply_p90=cells.minutes(raw.first_reply.p90, raw.first_reply.people),
        followups_fired=cells.count(on_time.n + late.n, on_time.people + late.people),
        followups_on_time_share=cells.rate(
            on_time.n, on_time.n + late.n, on_time.people + late.people
        ),
        tasks_opened=cells.count(raw.tasks_opened.n, raw.tasks_opened.people),
        tasks_done=cells.count(raw.tasks_done.n, raw.tasks_done.people),
        volunteer_minutes_per_person=_per_person(
            sum(raw.minutes_volunteer.values), raw.minutes_volunteer.people, raw.people
        ),
        staff_minutes_per_person=_per_person(
            sum(raw.minutes_staff.values), raw.minutes_staff.people, raw.people
        ),
        plan_who=tuple(Bar(w, WHO_NAMES[w], cells.people(n)) for w, n in raw.plan_who),
        helped_by=tuple(Bar(w, WHO_NAMES[w], cells.people(n)) for w, n in raw.helped_by),
        helpers_per_plan=tuple(
            Bar(str(k), "1 soort" if k == 1 else f"{k} soorten", cells.people(n))
            for k, n in raw.helpers_per_plan
        ),
        pairs=_pairs(raw.pairs),
    )


def _pairs(pairs: tuple[tuple[tuple[str, str], int], ...], top: int = 6) -> tuple[Bar, ...]:
    """The most common (first ask -> question behind it) pairs with enough people;
    pairs of fewer people are left out (their order would say something too)."""
    shown = sorted(
        ((n, lit, d) for (lit, d), n in pairs if n >= cells.MIN_PEOPLE),
        key=lambda t: (-t[0], t[1], t[2]),
    )[:top]
    return tuple(
        Bar(f"{lit}->{d}", f"{topic_label(lit)} → {topic_label(d)}", cells.people(n))
        for n, lit, d in shown
    )


assert set(FIELDS) | set(DISTRIBUTIONS) == {f.name for f in fields(Measures)}
