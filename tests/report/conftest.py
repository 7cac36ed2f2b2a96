"""Fixtures for the scoreboard: a migrated database holding the seeded stat events."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from storage.db import Database
from tests.report.seed import insert, seed_events


@pytest.fixture
def seeded_db(db_url: str) -> Iterator[Database]:
    """SQLite (and PostgreSQL where reachable) with the seeded events."""
    db = Database(db_url)
    db.upgrade()
    with db.session() as s, s.begin():
        insert(s, seed_events())
    yield db
    db.dispose()


@pytest.fixture
def seeded_sqlite(sqlite_url: str) -> Iterator[Database]:
    """SQLite only, for the browser test (Chromium runs once; see test_browser.py)."""
    db = Database(sqlite_url)
    db.upgrade()
    with db.session() as s, s.begin():
        insert(s, seed_events())
    yield db
    db.dispose()


