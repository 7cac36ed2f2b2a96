"""The scoreboard as HTML (with inline SVG charts), CSV and JSON.

All three read the same :class:`~bot.report.board.Scoreboard`, whose cells already
obey the small-cell rule: a hidden number is ``< 5`` everywhere.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from bot.report.board import Breakdown, Scoreboard
from bot.report.cells import HIDDEN_TEXT, MIN_PEOPLE
from bot.report.measures import DISTRIBUTIONS, FIELDS, SECTIONS, Measures
from bot.report.svg import ChartRow, bar_chart

__all__ = ["BREAKDOWN_COLUMNS", "render_csv", "render_html", "render_json"]

TEMPLATES = Path(__file__).resolve().parents[1] / "web" / "templates"
CSS = Path(__file__).resolve().parents[1] / "web" / "static" / "scoreboard.css"

#: Columns of the breakdown tables on the page (CSV and JSON carry every measure).
BREAKDOWN_COLUMNS = (
    "people",
    "first_contacts",
    "returning",
    "deeper_differs_share",
    "plans_self_share",
    "plans_network_share",
    "without_professional_share",
    "satisfied_share",
    "wait_median",
)
_SHORT = {
    "people": "Mensen",
    "first_contacts": "Eerste keer",
    "returning": "Terug",
    "deeper_differs_share": "Vraag erachter anders",
    "plans_self_share": "Plan: zelf",
    "plans_network_share": "Plan: netwerk",
    "without_professional_share": "Zonder beroeps",
    "satisfied_share": "Tevreden",
    "wait_median": "Wachttijd (mediaan)",
}
#: Charts per section: (chart id, Dutch title, measure keys or a distribution key).
_SECTION_CHARTS: dict[str, tuple[tuple[str, str, tuple[str, ...] | str], ...]] = {
    "reach": (
        (
            "reach",
            "Bereik in mensen",
            (
                "people",
                "first_contacts",
                "returning",
                "outreach",
                "outreach_responded",
                "several_topics",
            ),
        ),
    ),
    "deeper": (("pairs", DISTRIBUTIONS["pairs"][1], "pairs"),),
    "strength": (
        ("plan-who", DISTRIBUTIONS["plan_who"][1], "plan_who"),
        (
            "strength",
            "Eigen kracht in procenten",
            ("plans_self_share", "plans_network_share", "without_professional_share"),
        ),
    ),
    "synergy": (
        ("helped-by", DISTRIBUTIONS["helped_by"][1], "helped_by"),
        ("helpers", DISTRIBUTIONS["helpers_per_plan"][1], "helpers_per_plan"),
    ),
    "satisfaction": (
        ("satisfied", "Tevreden met de hulp", ("satisfied_yes", "satisfied_no")),
        ("better", "Bij de terugkoppeling", ("better", "not_better")),
    ),
    "speed": (
        (
            "speed",
            "Wachttijden in minuten",
            ("wait_median", "wait_p90", "first_reply_median", "first_reply_p90"),
        ),
    ),
    "effort": (
        (
            "effort",
            "Minuten per bereikt persoon",
            ("volunteer_minutes_per_person", "staff_minutes_per_person"),
        ),
    ),
}


@dataclass(frozen=True, slots=True)
class _Chart:
    title: str
    svg: Markup


@dataclass(frozen=True, slots=True)
class _Section:
    key: str
    title: str
    charts: tuple[_Chart, ...]
    rows: tuple[tuple[str, str], ...]


@lru_cache(maxsize=1)
def _env() -> Environment:
    return Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _chart(m: Measures, chart_id: str, title: str, what: tuple[str, ...] | str) -> _Chart:
    if isinstance(what, str):
        bars: list[Any] = list(getattr(m, what))
    else:
        bars = [ChartRow(FIELDS[k][1], getattr(m, k)) for k in what]
    return _Chart(title, bar_chart(f"chart-{chart_id}", title, bars))


def _sections(m: Measures) -> tuple[_Section, ...]:
    out = []
    for key, title in SECTIONS.items():
        charts = tuple(_chart(m, cid, t, what) for cid, t, what in _SECTION_CHARTS.get(key, ()))
        rows = tuple(
            (label, getattr(m, k).text) for k, (s, label, _p) in FIELDS.items() if s == key
        )
        out.append(_Section(key, title, charts, rows))
    return tuple(out)


def _breakdown_view(b: Breakdown) -> dict[str, Any]:
    people = [ChartRow(g.label, g.measures.people) for g in b.groups]
    return {
        "dimension": b.dimension,
        "label": b.label,
        "chart": bar_chart(f"chart-by-{b.dimension}", f"Mensen per {b.label.lower()}", people),
        "columns": [_SHORT[c] for c in BREAKDOWN_COLUMNS],
        "rows": [
            (g.label, [getattr(g.measures, c).text for c in BREAKDOWN_COLUMNS]) for g in b.groups
        ],
    }


def render_html(
    board: Scoreboard,
    *,
    standalone: bool = False,
    action: str = "/scoreboard",
    inline_css: bool = False,
) -> str:
    """The scoreboard as an HTML fragment (or a whole page with ``standalone``).

    The fragment links ``/static/scoreboard.css`` itself, so it can be put in any page.
    ``inline_css`` (with ``standalone``) puts the stylesheet in the page instead, for a
    file opened without the server (the CLI); the server's CSP would block that.
    ``action`` is where the period form sends its ``from`` and ``to``.
    """
    template = _env().get_template("scoreboard.html" if standalone else "scoreboard_body.html")
    css = CSS.read_text(encoding="utf-8") if inline_css and standalone else ""
    return template.render(
        inline_css=css,
        board=board,
        period=board.period,
        sections=_sections(board.overall),
        breakdowns=[_breakdown_view(b) for b in board.breakdowns],
        action=action,
        min_people=MIN_PEOPLE,
        hidden_text=HIDDEN_TEXT,
    )


def _long_rows(board: Scoreboard) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    groups: list[tuple[str, str, Measures]] = [("totaal", "", board.overall)]
    for b in board.breakdowns:
        groups += [(b.dimension, g.key, g.measures) for g in b.groups]
    base = {"from": board.period.start.isoformat(), "to": board.period.end.isoformat()}
    for dimension, group, m in groups:
        for key, cell in m.cells():
            rows.append(
                {
                    **base,
                    "dimension": dimension,
                    "group": group,
                    "measure": key,
                    "label": FIELDS[key][1],
                    "unit": str(cell.unit),
                    "value": cell.export(),
                }
            )
        for dist, bars in m.distributions():
            for bar in bars:
                rows.append(
                    {
                        **base,
                        "dimension": dimension,
                        "group": group,
                        "measure": f"{dist}:{bar.key}",
                        "label": bar.label,
                        "unit": str(bar.cell.unit),
                        "value": bar.cell.export(),
                    }
                )
    return rows


def render_csv(board: Scoreboard) -> str:
    """One row per number: from, to, dimension, group, measure, label, unit, value."""
    buf = io.StringIO()
    w = csv.DictWriter(
        buf,
        fieldnames=["from", "to", "dimension", "group", "measure", "label", "unit", "value"],
        lineterminator="\n",
    )
    w.writeheader()
    w.writerows(_long_rows(board))
    return buf.getvalue()


def _measures_json(m: Measures) -> dict[str, Any]:
    out: dict[str, Any] = {key: cell.export() for key, cell in m.cells()}
    for dist, bars in m.distributions():
        out[dist] = {bar.key: bar.cell.export() for bar in bars}
    return out


def render_json(board: Scoreboard) -> str:
    """``{"period": ..., "min_people": 5, "overall": {...}, "by": {dimension: {group: {...}}}}``."""
    doc = {
        "period": {"from": board.period.start.isoformat(), "to": board.period.end.isoformat()},
        "min_people": MIN_PEOPLE,
        "hidden": HIDDEN_TEXT,
        "overall": _measures_json(board.overall),
        "by": {
            b.dimension: {g.key: _measures_json(g.measures) for g in b.groups}
            for b in board.breakdowns
        },
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
