"""The organisation's profile: name, phone numbers, hours, neighbourhoods."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import time
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from config.settings import ConfigError

__all__ = ["Profile", "load_profile"]

_DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def _hm(key: str, raw: str) -> time:
    try:
        h, m = str(raw).split(":")
        return time(int(h), int(m))
    except ValueError:
        raise ConfigError(key, f"expected HH:MM, got {raw!r}") from None


@dataclass(frozen=True)
class Profile:
    name: str
    short_name: str
    phone: str
    website: str
    crisis_emergency: str
    crisis_suicide: str
    crisis_violence: str
    timezone: str
    #: weekday index (0 = Monday) -> (open, close)
    opening_hours: Mapping[int, tuple[time, time]]
    contact_start: time
    contact_end: time
    contact_sunday: bool
    contact_public_holidays: bool
    neighbourhoods: tuple[str, ...]
    consent_version: str
    raw: Mapping[str, Any] = field(default_factory=dict)

    def opening_hours_text(self, language: str = "nl") -> str:
        days = sorted(self.opening_hours)
        if not days:
            return ""
        first, last = days[0], days[-1]
        o, c = self.opening_hours[first]
        names_nl = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
        names_en = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
        names = names_en if language == "en" else names_nl
        if language == "en":
            return f"{names[first]} to {names[last]}, {o:%H:%M} to {c:%H:%M}"
        return f"{names[first]} tot en met {names[last]}, van {o:%H:%M} tot {c:%H:%M} uur"

    def template_values(self, language: str = "nl") -> dict[str, str]:
        """Values that dialog texts may use as {org_name}, {org_phone}, ..."""
        return {
            "org_name": self.name,
            "org_short": self.short_name,
            "org_phone": self.phone,
            "org_website": self.website,
            "opening_hours": self.opening_hours_text(language),
            "crisis_emergency": self.crisis_emergency,
            # "113 of 0800-0113" in the profile; "of" is Dutch for "or".
            "crisis_suicide": self.crisis_suicide.replace(" of ", " or ")
            if language == "en"
            else self.crisis_suicide,
            "crisis_violence": self.crisis_violence,
        }


def load_profile(path: str | Path | None = None) -> Profile:
    if path:
        p = Path(path)
        if not p.is_file():
            raise ConfigError("PROFILE_PATH", f"file not found: {p}")
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    else:
        data = yaml.safe_load(resources.files("config").joinpath("profile.yaml").read_text("utf-8"))
    if not isinstance(data, dict):
        raise ConfigError("PROFILE_PATH", "the profile must be a mapping")
    crisis = data.get("crisis") or {}
    hours: dict[int, tuple[time, time]] = {}
    for day, span in (data.get("opening_hours") or {}).items():
        if day not in _DAYS:
            raise ConfigError("opening_hours", f"unknown day {day!r}; use {', '.join(_DAYS)}")
        hours[_DAYS.index(day)] = (_hm("opening_hours", span[0]), _hm("opening_hours", span[1]))
    contact = data.get("contact_hours") or {}
    return Profile(
        name=str(data.get("name", "Voordeur")),
        short_name=str(data.get("short_name", data.get("name", "Voordeur"))),
        phone=str(data.get("phone", "")),
        website=str(data.get("website", "")),
        crisis_emergency=str(crisis.get("emergency", "112")),
        crisis_suicide=str(crisis.get("suicide", "113 of 0800-0113")),
        crisis_violence=str(crisis.get("violence", "Veilig Thuis 0800-2000")),
        timezone=str(data.get("timezone", "Europe/Amsterdam")),
        opening_hours=hours,
        contact_start=_hm("contact_hours.start", contact.get("start", "09:00")),
        contact_end=_hm("contact_hours.end", contact.get("end", "20:00")),
        contact_sunday=bool(contact.get("sunday", False)),
        contact_public_holidays=bool(contact.get("public_holidays", False)),
        neighbourhoods=tuple(str(n) for n in data.get("neighbourhoods") or ()),
        consent_version=str(data.get("consent_version", "1")),
        raw=data,
    )
