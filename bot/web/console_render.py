"""Templates and display helpers for the console: Dutch, Amsterdam time, and text that
people wrote shown literally (HTML escaped, control and direction characters made
visible instead of acting on the page)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

__all__ = [
    "HELPED_BY",
    "ROLE_NAMES",
    "TOPIC_NAMES",
    "ask_of",
    "literal",
    "local_time",
    "render",
    "waited",
]

TZ = "Europe/Amsterdam"

#: Dutch names of the topic ids in shared/taxonomy.md.
TOPIC_NAMES = {
    "household": "Huishouden",
    "groceries": "Boodschappen",
    "transport": "Vervoer",
    "odd_jobs": "Klusjes",
    "money": "Geld en papieren",
    "loneliness": "Contact en eenzaamheid",
    "caregiver": "Mantelzorg",
    "housing": "Wonen",
    "health": "Gezondheid en zorg",
    "activities": "Meedoen",
    "volunteer_offer": "Hulp aanbieden",
    "worry_other": "Zorgen om een ander",
    "crisis": "Acute nood",
    "other": "Iets anders",
}
ROLE_NAMES = {
    "volunteer": "Vrijwilliger",
    "professional": "Beroepskracht",
    "coordinator": "Coördinator",
}
HELPED_BY = {
    "self": "De persoon zelf",
    "network": "Familie, buren of vrienden",
    "volunteer": "Een vrijwilliger",
    "professional": "Een beroepskracht",
}
CHANNEL_NAMES = {
    "webchat": "Webchat",
    "sms": "SMS",
    "whatsapp": "WhatsApp",
    "telegram": "Telegram",
    "voice": "Telefoon",
    "terminal": "Terminal",
    "simulate": "Simulatie",
}
LANGUAGE_NAMES = {
    "nl": "Nederlands",
    "en": "Engels",
    "ar": "Arabisch",
    "tr": "Turks",
    "pl": "Pools",
}

# C0/C1 controls (except newline and tab), zero-width and bidirectional controls.
_HIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def literal(text: Any) -> Markup:
    """Escape a text people wrote and show invisible characters as ``\\uXXXX``."""
    s = "" if text is None else str(text)
    return escape(_HIDDEN.sub(lambda m: f"\\u{ord(m.group()):04x}", s))


def local_time(dt: datetime | None, fmt: str = "%d-%m-%Y %H:%M") -> str:
    if dt is None:
        return ""
    return dt.astimezone(ZoneInfo(TZ)).strftime(fmt)


def waited(since: datetime | None, now: datetime) -> str:
    """How long ago, in plain Dutch: '5 min', '2 uur 10 min', '3 dagen'."""
    if since is None:
        return ""
    d = max(now - since, timedelta(0))
    minutes = int(d.total_seconds() // 60)
    if minutes < 1:
        return "minder dan 1 min"
    if minutes < 60:
        return f"{minutes} min"
    hours, rest = divmod(minutes, 60)
    if hours < 24:
        return f"{hours} uur {rest} min" if rest else f"{hours} uur"
    days = hours // 24
    return "1 dag" if days == 1 else f"{days} dagen"


def ask_of(conv: Any) -> dict[str, Any]:
    """The literal ask and the question behind it, from the conversation's columns or,
    while the bot has not recorded them there yet, from its dialog state."""
    slots = ((getattr(conv, "state", None) or {}).get("slots") or {}) if conv is not None else {}
    literal = list(getattr(conv, "literal_topics", None) or []) or list(slots.get("topics") or [])
    return {
        "first_ask": getattr(conv, "first_ask", None) or slots.get("first_ask"),
        "literal": [t for t in literal if t != "other"],
        "deeper": list(getattr(conv, "deeper_topics", None) or [])
        or list(slots.get("deeper") or []),
    }


def _topics(ids: Any) -> str:
    return ", ".join(TOPIC_NAMES.get(str(t), str(t)) for t in (ids or []))


@lru_cache(maxsize=1)
def _env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(Path(__file__).parent / "templates")),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(literal=literal, local=local_time, topics=_topics)
    env.globals.update(
        TOPIC_NAMES=TOPIC_NAMES,
        ROLE_NAMES=ROLE_NAMES,
        HELPED_BY=HELPED_BY,
        CHANNEL_NAMES=CHANNEL_NAMES,
        LANGUAGE_NAMES=LANGUAGE_NAMES,
        waited=waited,
        ask_of=ask_of,
    )
    return env


def render(name: str, **context: Any) -> str:
    return _env().get_template(name).render(**context)
