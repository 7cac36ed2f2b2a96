"""Decent hours: when the front door may start a message, and when staff are there.

Times are computed in the organisation's timezone (Europe/Amsterdam by default) with
``zoneinfo``, so daylight-saving changes are handled by wall-clock arithmetic.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from config.profile import Profile

__all__ = ["dutch_public_holidays", "easter", "is_open", "next_allowed", "next_opening"]


def easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    ll = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * ll) // 451
    month, day = divmod(h + ll - 7 * m + 114, 31)
    return date(year, month, day + 1)


def dutch_public_holidays(year: int) -> frozenset[date]:
    """The official Dutch public holidays (Bevrijdingsdag every year, as a courtesy)."""
    e = easter(year)
    kingsday = date(year, 4, 27)
    if kingsday.weekday() == 6:  # on a Sunday it moves to Saturday the 26th
        kingsday = date(year, 4, 26)
    return frozenset(
        {
            date(year, 1, 1),
            e - timedelta(days=2),  # Goede Vrijdag
            e,
            e + timedelta(days=1),
            kingsday,
            date(year, 5, 5),
            e + timedelta(days=39),  # Hemelvaartsdag
            e + timedelta(days=49),
            e + timedelta(days=50),
            date(year, 12, 25),
            date(year, 12, 26),
        }
    )


def _day_allowed(d: date, profile: Profile) -> bool:
    if d.weekday() == 6 and not profile.contact_sunday:
        return False
    return profile.contact_public_holidays or d not in dutch_public_holidays(d.year)


def next_allowed(at: datetime, profile: Profile) -> datetime:
    """The first moment at or after ``at`` when we may start a message to a person.

    Inside the contact hours of an allowed day ``at`` is returned as it is; otherwise the
    start of the next allowed window (09:00 local by default).
    """
    tz = ZoneInfo(profile.timezone)
    local = at.astimezone(tz)
    start, end = profile.contact_start, profile.contact_end
    for _ in range(30):
        d = local.date()
        if _day_allowed(d, profile):
            t = local.timetz().replace(tzinfo=None)
            if t < start:
                return datetime.combine(d, start, tz)
            if t < end:
                return local
        nxt = d + timedelta(days=1)
        local = datetime.combine(nxt, time(0, 0), tz)
    raise RuntimeError("no allowed contact moment in 30 days: check the profile's hours")


def is_open(at: datetime, profile: Profile) -> bool:
    """Whether staff are there (opening hours, not on public holidays)."""
    local = at.astimezone(ZoneInfo(profile.timezone))
    span = profile.opening_hours.get(local.weekday())
    if not span or local.date() in dutch_public_holidays(local.year):
        return False
    t = local.time()
    return span[0] <= t < span[1]


def next_opening(at: datetime, profile: Profile) -> datetime:
    """The next moment staff are there (``at`` itself when open now)."""
    tz = ZoneInfo(profile.timezone)
    local = at.astimezone(tz)
    if is_open(local, profile):
        return local
    for days in range(15):
        d = local.date() + timedelta(days=days)
        span = profile.opening_hours.get(d.weekday())
        if not span or d in dutch_public_holidays(d.year):
            continue
        opening = datetime.combine(d, span[0], tz)
        if opening >= local:
            return opening
    raise RuntimeError("no opening hours in the next two weeks: check the profile")
