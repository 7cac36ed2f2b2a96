"""Fixtures for pipeline tests: a real core (database, NLU, dialogs) on a simulated clock."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot.clock import SimClock
from bot.services import Core, build_core
from config.settings import Settings

AMS = ZoneInfo("Europe/Amsterdam")
MONDAY_10 = datetime(2026, 11, 23, 10, 0, tzinfo=AMS)


@pytest.fixture
def core(db_url: str, understander) -> Iterator[Core]:  # type: ignore[no-untyped-def]
    """The core on SQLite and on PostgreSQL (where reachable)."""
    c = build_core(Settings(database_url=db_url), clock=SimClock(MONDAY_10), nlu=understander)
    yield c
    c.db.dispose()


@pytest.fixture
def sqlite_core(sqlite_url: str, understander) -> Iterator[Core]:  # type: ignore[no-untyped-def]
    """Only for what exists on SQLite alone (its database file); say why at the test."""
    c = build_core(Settings(database_url=sqlite_url), clock=SimClock(MONDAY_10), nlu=understander)
    yield c
    c.db.dispose()


@pytest.fixture
def script_dir() -> Path:
    return Path(__file__).parent / "scripts"
