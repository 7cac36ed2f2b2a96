"""Campaign import: what a CSV holds, as far as the database can keep it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.campaigns import create_campaign
from config.profile import load_profile
from storage.db import Database
from storage.models import Contact

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def test_a_long_neighbourhood_in_the_csv_is_kept_not_fatal(db_url: str) -> None:
    """PostgreSQL refuses more than the column holds (80); the whole import failed."""
    hood = "Binnenstad-Oost het deel tussen de Singel en het spoor en de oude haven " * 2
    db = Database(db_url)
    db.upgrade()
    try:
        with db.session() as s, s.begin():
            report = create_campaign(
                s, name="Winter", flow="checkin", csv_text=f"phone,wijk\n0612345678,{hood}\n",
                window_start=NOW + timedelta(days=1), window_end=NOW + timedelta(days=2),
                profile=load_profile(), now=NOW,
            )
        assert report.added == 1 and not report.skipped
        with db.session() as s:
            stored = s.scalar(select(Contact.neighbourhood))
        assert stored and hood.startswith(stored) and len(stored) <= 80
    finally:
        db.dispose()


def test_a_name_longer_than_the_table_holds_is_refused(db_url: str) -> None:
    """The command line passes the name as typed; PostgreSQL refused more than 120
    characters with a database error (SQLite stored it)."""
    db = Database(db_url)
    db.upgrade()
    try:
        with pytest.raises(ValueError, match="120"), db.session() as s, s.begin():
            create_campaign(
                s, name="W" * 121, flow="checkin", csv_text="phone\n0612345678\n",
                window_start=NOW + timedelta(days=1), window_end=NOW + timedelta(days=2),
                profile=load_profile(), now=NOW,
            )
    finally:
        db.dispose()
