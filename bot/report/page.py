"""From a database to a rendered scoreboard: what the web pages and the CLI call."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy.orm import Session

from bot.report.board import Scoreboard, build_scoreboard
from bot.report.events import load_events
from bot.report.labels import DIMENSIONS
from bot.report.period import Period
from bot.report.render import render_html

__all__ = ["compute_scoreboard", "scoreboard_page"]


def compute_scoreboard(
    session_factory: Callable[[], Session],
    period: Period,
    dimensions: Iterable[str] = tuple(DIMENSIONS),
) -> Scoreboard:
    """Read the period's stat events (and nothing else) and build the scoreboard."""
    with session_factory() as s:
        events = load_events(s, period)
    return build_scoreboard(period, events, dimensions)


def scoreboard_page(
    session_factory: Callable[[], Session],
    period: Period,
    *,
    action: str = "/console/scoreboard",
) -> str:
    """The scoreboard as an HTML fragment for the console (``/console/scoreboard``).

    ``session_factory`` is e.g. ``core.db.session``; the fragment links its own
    stylesheet and has a period form that sends ``from`` and ``to`` to ``action``.
    """
    return render_html(compute_scoreboard(session_factory, period), action=action)
