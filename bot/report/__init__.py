"""The scoreboard (issue #9): anonymous measures from stat events only.

Counts per period, overall and per neighbourhood, topic, channel and language;
every number of fewer than five people is shown as ``< 5`` (HTML, CSV, JSON, charts).
"""

from bot.report.board import Breakdown, Group, Scoreboard, build_scoreboard
from bot.report.cells import HIDDEN_TEXT, MIN_PEOPLE, Cell
from bot.report.events import Ev, load_events
from bot.report.measures import Bar, Measures
from bot.report.page import compute_scoreboard, scoreboard_page
from bot.report.period import Period, PeriodError, parse_period
from bot.report.render import render_csv, render_html, render_json

__all__ = [
    "HIDDEN_TEXT",
    "MIN_PEOPLE",
    "Bar",
    "Breakdown",
    "Cell",
    "Ev",
    "Group",
    "Measures",
    "Period",
    "PeriodError",
    "Scoreboard",
    "build_scoreboard",
    "compute_scoreboard",
    "load_events",
    "parse_period",
    "render_csv",
    "render_html",
    "render_json",
    "scoreboard_page",
]
