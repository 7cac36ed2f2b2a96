"""Server-rendered SVG bar charts, readable without colour.

Every bar carries its label on the left and its number on the right, so the chart
reads as a small table too; hidden cells get a fixed, hatched stub with "< 5" (its
length says nothing). Only presentation attributes are used: the page's CSP allows
no inline styles.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from bot.report.cells import Cell, Unit
from bot.report.measures import Bar

__all__ = ["ChartRow", "bar_chart"]

WIDTH = 640
#: Each row: the label on its own line, the bar below it with the number after it.
BAR_X = 0
BAR_W = 540
ROW_H = 48
BAR_H = 18
TOP = 4
STUB_W = 24
INK = "#1b1b1b"
BAR = "#24527a"
FONT = "system-ui, -apple-system, 'Segoe UI', sans-serif"


@dataclass(frozen=True, slots=True)
class ChartRow:
    label: str
    cell: Cell


def _rows(bars: Sequence[Bar | ChartRow]) -> list[ChartRow]:
    return [ChartRow(b.label, b.cell) for b in bars]


def bar_chart(chart_id: str, title: str, bars: Sequence[Bar | ChartRow]) -> Markup:
    """A horizontal bar chart with direct labels and numbers next to the bars."""
    rows = _rows(bars)
    cid = escape(chart_id)
    height = TOP * 2 + ROW_H * max(len(rows), 1)
    percent = bool(rows) and all(r.cell.unit is Unit.PERCENT for r in rows)
    top = 100.0 if percent else max((r.cell.value or 0.0 for r in rows), default=0.0)
    desc = "; ".join(f"{r.label}: {r.cell.text}" for r in rows) or "Geen gegevens"
    out = [
        (
            f'<svg class="chart" id="{cid}" xmlns="http://www.w3.org/2000/svg" '
            f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" '
            f'aria-labelledby="{cid}-t {cid}-d">'
        ),
        f'<title id="{cid}-t">{escape(title)}</title>',
        f'<desc id="{cid}-d">{escape(desc)}</desc>',
        (
            f'<defs><pattern id="{cid}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
            f'patternTransform="rotate(45)"><rect width="6" height="6" fill="#ffffff"/>'
            f'<line x1="0" y1="0" x2="0" y2="6" stroke="{INK}" stroke-width="2"/></pattern></defs>'
        ),
        f'<g font-family="{FONT}" font-size="14" fill="{INK}">',
    ]
    if not rows:
        out.append(f'<text x="0" y="{TOP + 19}">Geen gegevens</text>')
    for i, r in enumerate(rows):
        y = TOP + i * ROW_H
        out.append(f'<text class="label" x="{BAR_X}" y="{y + 15}">{escape(_clip(r.label))}</text>')
        bar_y = y + 21
        if r.cell.hidden:
            out.append(
                f'<rect x="{BAR_X}" y="{bar_y}" width="{STUB_W}" height="{BAR_H}" '
                f'fill="url(#{cid}-hatch)" stroke="{INK}" stroke-width="1"/>'
            )
            end = float(BAR_X + STUB_W)
        else:
            value = r.cell.value or 0.0
            w = 0.0 if top <= 0 else BAR_W * min(value / top, 1.0)
            w = max(w, 2.0)
            out.append(
                f'<rect x="{BAR_X}" y="{bar_y}" width="{w:.1f}" height="{BAR_H}" fill="{BAR}"/>'
            )
            end = BAR_X + w
        out.append(
            f'<text class="value" x="{end + 8:.1f}" y="{bar_y + 14}" font-weight="bold">'
            f"{escape(r.cell.text)}</text>"
        )
    out.append("</g></svg>")
    return Markup("".join(out))


def _clip(label: str, limit: int = 80) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"
