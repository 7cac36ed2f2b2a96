"""Decent hours: follow-ups and campaigns never start at night, on Sundays or holidays."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from config.hours import dutch_public_holidays, easter, is_open, next_allowed, next_opening
from config.profile import load_profile

AMS = ZoneInfo("Europe/Amsterdam")
PROFILE = load_profile()


def ams(*args: int) -> datetime:
    return datetime(*args, tzinfo=AMS)


def test_easter_dates_known_years() -> None:
    assert easter(2024) == date(2024, 3, 31)
    assert easter(2025) == date(2025, 4, 20)
    assert easter(2026) == date(2026, 4, 5)
    assert easter(2027) == date(2027, 3, 28)


def test_kingsday_moves_to_saturday_when_on_sunday() -> None:
    assert date(2025, 4, 26) in dutch_public_holidays(2025)  # 27 April 2025 is a Sunday
    assert date(2026, 4, 27) in dutch_public_holidays(2026)


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        (ams(2026, 11, 24, 3, 0), ams(2026, 11, 24, 9, 0)),  # night -> 09:00 same day
        (ams(2026, 11, 24, 14, 30), ams(2026, 11, 24, 14, 30)),  # inside hours: unchanged
        (ams(2026, 11, 24, 20, 0), ams(2026, 11, 25, 9, 0)),  # 20:00 is closed
        (ams(2026, 11, 28, 21, 0), ams(2026, 11, 30, 9, 0)),  # Saturday evening -> Monday
        (ams(2026, 12, 24, 22, 0), ams(2026, 12, 28, 9, 0)),  # Christmas + Sunday skipped
        (ams(2026, 4, 4, 19, 59), ams(2026, 4, 4, 19, 59)),  # Saturday before Easter is fine
        (ams(2026, 4, 4, 20, 30), ams(2026, 4, 7, 9, 0)),  # Easter Sunday and Monday skipped
    ],
)
def test_next_allowed_moves_into_contact_hours(at: datetime, expected: datetime) -> None:
    assert next_allowed(at, PROFILE) == expected


def test_dst_spring_forward_keeps_wall_clock_nine() -> None:
    # Last Sunday of March 2026 is the 29th: clocks go 02:00 -> 03:00. Sunday is closed,
    # so a follow-up due then moves to Monday 09:00 local, which is 07:00 UTC (CEST).
    got = next_allowed(datetime(2026, 3, 29, 1, 30, tzinfo=UTC), PROFILE)
    assert got == ams(2026, 3, 30, 9, 0)
    assert got.astimezone(UTC).hour == 7


def test_dst_autumn_back_keeps_wall_clock_nine() -> None:
    # 25 October 2026: 03:00 -> 02:00. Monday 09:00 local is then 08:00 UTC (CET).
    got = next_allowed(datetime(2026, 10, 25, 1, 30, tzinfo=UTC), PROFILE)
    assert got == ams(2026, 10, 26, 9, 0)
    assert got.astimezone(UTC).hour == 8


def test_three_days_later_from_friday_afternoon_lands_on_monday() -> None:
    due = ams(2026, 11, 27, 15, 0) + timedelta(days=3)  # Monday 15:00
    assert next_allowed(due, PROFILE) == ams(2026, 11, 30, 15, 0)


def test_opening_hours_and_next_opening() -> None:
    assert is_open(ams(2026, 11, 23, 10, 0), PROFILE)
    assert not is_open(ams(2026, 11, 23, 17, 0), PROFILE)
    assert not is_open(ams(2026, 12, 25, 10, 0), PROFILE)
    assert next_opening(ams(2026, 11, 27, 18, 0), PROFILE) == ams(2026, 11, 30, 9, 0)
