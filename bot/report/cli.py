"""``voordeur report``: the scoreboard of a period on stdout as CSV, JSON or HTML.

Wire it in with ``bot.report.cli.register(subparsers)``; the handler returns an
exit code and never exits the process itself.
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from typing import IO

from bot.report.labels import DIMENSIONS
from bot.report.period import TZ, PeriodError, parse_period

__all__ = ["register", "run_report"]


def register(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    """Add the ``report`` subcommand (handler in ``func``)."""
    p = subparsers.add_parser(
        "report",
        help="anonymous scoreboard of a period (csv, json or html on stdout)",
        description="Counts from the anonymous stat events; numbers of fewer than 5 people "
        "are shown as '< 5'.",
    )
    p.add_argument(
        "--from", dest="start", metavar="YYYY-MM-DD", help="first day (default: 30 days ago)"
    )
    p.add_argument(
        "--to", dest="end", metavar="YYYY-MM-DD", help="last day, included (default: today)"
    )
    p.add_argument("--format", choices=("csv", "json", "html"), default="csv")
    p.add_argument(
        "--by",
        choices=tuple(DIMENSIONS),
        action="append",
        help="break down per neighbourhood, topic, channel or language (repeatable; "
        "default: all for html, none for csv and json)",
    )
    p.set_defaults(func=run_report)
    return p


def run_report(
    args: argparse.Namespace, out: IO[str] | None = None, database_url: str | None = None
) -> int:
    from bot.report.page import compute_scoreboard
    from bot.report.render import render_csv, render_html, render_json
    from config.settings import load_settings
    from storage.db import Database

    out = out or sys.stdout
    try:
        period = parse_period(args.start, args.end, datetime.now(TZ).date())
    except PeriodError as e:
        print(f"report: {e}", file=sys.stderr)
        return 2
    dimensions = tuple(args.by or (DIMENSIONS if args.format == "html" else ()))
    db = Database(database_url or load_settings().database_url)
    try:
        board = compute_scoreboard(db.session, period, dimensions)
    finally:
        db.dispose()
    if args.format == "csv":
        out.write(render_csv(board))
    elif args.format == "json":
        out.write(render_json(board))
    else:
        out.write(render_html(board, standalone=True, action="", inline_css=True))
    return 0
