"""Dutch names for what the scoreboard shows."""

from __future__ import annotations

from bot.web.console_render import CHANNEL_NAMES, LANGUAGE_NAMES, TOPIC_NAMES

__all__ = ["DIMENSIONS", "UNKNOWN", "WHO_NAMES", "group_label", "topic_label"]

#: Breakdown dimensions and their Dutch names.
DIMENSIONS = {
    "neighbourhood": "Wijk",
    "topic": "Onderwerp",
    "channel": "Kanaal",
    "language": "Taal",
}
WHO_NAMES = {
    "self": "De persoon zelf",
    "network": "Familie, buren, vrienden",
    "volunteer": "Vrijwilliger",
    "professional": "Beroepskracht",
}
#: The group of people for whom a dimension is not known.
UNKNOWN = "onbekend"


def topic_label(topic: str) -> str:
    return TOPIC_NAMES.get(topic, topic)


def group_label(dimension: str, key: str) -> str:
    if key == UNKNOWN:
        return "Onbekend"
    if dimension == "topic":
        return topic_label(key)
    if dimension == "channel":
        return CHANNEL_NAMES.get(key, key)
    if dimension == "language":
        return LANGUAGE_NAMES.get(key, key)
    return key
