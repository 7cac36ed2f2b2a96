"""Say a moment the way people do: "vandaag om 14:00", "morgen om 9:00", "maandag 23 november"."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_datetime

__all__ = ["when_text"]


def when_text(
    at: datetime, now: datetime, language: str = "nl", tz: str = "Europe/Amsterdam"
) -> str:
    zone = ZoneInfo(tz)
    local, today = at.astimezone(zone), now.astimezone(zone).date()
    locale = "en_GB" if language == "en" else "nl_NL"
    clock = f"{local.hour}:{local.minute:02d}"
    days = (local.date() - today).days
    if language == "en":
        if days == 0:
            return f"today at {clock}"
        if days == 1:
            return f"tomorrow at {clock}"
        return format_datetime(local, "EEEE d MMMM", locale=locale) + f" at {clock}"
    if days == 0:
        return f"vandaag om {clock} uur"
    if days == 1:
        return f"morgen om {clock} uur"
    return format_datetime(local, "EEEE d MMMM", locale=locale) + f" om {clock} uur"
