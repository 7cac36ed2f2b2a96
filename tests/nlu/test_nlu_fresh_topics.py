"""Topic readings that went wrong in played conversations (fresh round)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("message", "topic"),
    [
        # Wanting someone to talk to is no offer to volunteer.
        ("ik wil graag met iemand praten over mijn situatie", "loneliness"),
        ("ik wil even met iemand praten, het gaat niet zo goed", "loneliness"),
        # A broken leg is no repair job.
        ("I broke my leg", "health"),
    ],
)
def test_played_messages_are_read_as_their_topic(understander, message: str, topic: str) -> None:
    assert understander.understand(message).top == topic
