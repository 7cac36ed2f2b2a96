"""The reporting period: whole days in the organisation's time zone."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

__all__ = ["DEFAULT_DAYS", "TZ", "Period", "PeriodError", "parse_period"]

TZ = ZoneInfo("Europe/Amsterdam")
#: Without dates: the last 30 days, today included.
DEFAULT_DAYS = 30
#: Longest period that may be asked for, so one request cannot scan everything forever.
MAX_DAYS = 3 * 366
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class PeriodError(ValueError):
    """A period that cannot be read; carries the offending field."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Period:
    """From ``start`` to ``end``, both whole days included."""

    start: date
    end: date

    def bounds(self, tz: ZoneInfo = TZ) -> tuple[datetime, datetime]:
        """Aware datetimes [from, until) covering the days in ``tz``."""
        return (
            datetime.combine(self.start, time(0), tzinfo=tz),
            datetime.combine(self.end + timedelta(days=1), time(0), tzinfo=tz),
        )

    @property
    def label(self) -> str:
        """Dutch: ``1 t/m 30 november 2026`` style, kept numeric for clarity."""
        return f"{self.start:%d-%m-%Y} t/m {self.end:%d-%m-%Y}"


def _day(field: str, text: str) -> date:
    text = text.strip()
    if not _ISO_DAY.match(text):
        raise PeriodError(field, f"use YYYY-MM-DD, got {text[:20]!r}")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise PeriodError(field, f"no such day: {text}") from None


def parse_period(start: str | None, end: str | None, today: date) -> Period:
    """Read ``from`` and ``to`` (YYYY-MM-DD, either may be missing).

    Missing ``to`` is today; missing ``from`` is 30 days before ``to``.
    """
    end_day = _day("to", end) if end else today
    start_day = _day("from", start) if start else end_day - timedelta(days=DEFAULT_DAYS - 1)
    if start_day > end_day:
        raise PeriodError("from", "must not be after 'to'")
    if (end_day - start_day).days + 1 > MAX_DAYS:
        raise PeriodError("from", f"a period is at most {MAX_DAYS} days")
    return Period(start_day, end_day)
