"""Properties of the small-cell rule over random sets of stat events."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.report import Ev, build_scoreboard
from bot.report.board import SINGLE_VALUED
from bot.report.cells import MIN_PEOPLE, Unit
from bot.report.measures import PEOPLE_FIELDS
from bot.report.raw import compute_raw
from tests.report.seed import PERIOD

T0 = datetime(2026, 11, 5, 9, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
KINDS = ["inbound", "conversation_started", "need_literal", "need_deeper", "plan_saved", "helped_by",
         "feedback", "handoff_taken", "followup_fired", "task_opened", "staff_minutes", "outreach_sent"]
VALUES = {
    "conversation_started": ["first", "returning"],
    "plan_saved": ["self", "network,self", "professional,volunteer", "volunteer"],
    "helped_by": ["self", "network", "volunteer", "professional"],
    "feedback": ["satisfied:yes", "satisfied:no", "followup_outcome:better", "followup_outcome:not_better"],
    "staff_minutes": ["volunteer", "professional"],
}


@st.composite
def events(draw: st.DrawFn) -> list[Ev]:
    n_people = draw(st.integers(1, 40))
    out = []
    for i in range(n_people):
        hood = draw(st.sampled_from(["Noord", "Zuid", "Oost", "West", None]))
        lang = draw(st.sampled_from(["nl", "en"]))
        for kind in draw(st.lists(st.sampled_from(KINDS), min_size=1, max_size=6)):
            out.append(Ev(
                at=T0 + timedelta(minutes=len(out)), kind=kind, person=f"k{i}", neighbourhood=hood,
                language=lang, channel=draw(st.sampled_from(["sms", "webchat"])),
                topic=draw(st.sampled_from(["household", "loneliness", "money"])),
                value=draw(st.sampled_from(VALUES.get(kind, [None]))),
                number=draw(st.floats(0, 300)),
            ))
    return out


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(events())
def test_no_shown_number_rests_on_fewer_than_five_people(evs: list[Ev]) -> None:
    board = build_scoreboard(PERIOD, evs)
    groups = [board.overall] + [g.measures for b in board.breakdowns for g in b.groups]
    for m in groups:
        for _key, cell in m.cells():
            if cell.unit is Unit.PEOPLE and not cell.hidden:
                assert cell.value is not None and cell.value >= MIN_PEOPLE
        for _key, bars in m.distributions():
            assert all(b.cell.hidden or (b.cell.value or 0) >= MIN_PEOPLE for b in bars)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(events())
def test_hidden_cells_cannot_be_worked_out_from_the_total(evs: list[Ev]) -> None:
    board = build_scoreboard(PERIOD, evs)
    overall = compute_raw(evs)
    for b in board.breakdowns:
        if b.dimension not in SINGLE_VALUED:
            continue
        for field in PEOPLE_FIELDS:
            total = getattr(board.overall, field)
            if total.hidden:
                continue
            cells = [getattr(g.measures, field) for g in b.groups]
            shown = sum(c.value or 0 for c in cells if not c.hidden)
            hidden = [c for c in cells if c.hidden]
            if hidden:
                assert getattr(overall, field) - shown >= MIN_PEOPLE, (b.dimension, field)
