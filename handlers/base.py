"""What every channel adapter offers the outbox dispatcher, and the errors it raises.

An adapter verifies and parses inbound requests (in its own module, as a FastAPI
router), renders what the bot says the way its channel shows two options, and sends
through the provider's own client library. It never decides what to say.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from bot.messages import Channel

__all__ = [
    "ChannelError",
    "Delivery",
    "PermanentFailure",
    "RateLimited",
    "RecipientBlocked",
    "Rendered",
    "Sender",
    "TemporaryFailure",
]


@dataclass(frozen=True, slots=True)
class Rendered:
    """One provider message, exactly as it will be sent."""

    text: str
    #: Buttons for channels that show them (Telegram, web chat, WhatsApp quick replies).
    buttons: tuple[str, ...] = ()
    #: For WhatsApp outside the 24-hour window: an approved template instead of text.
    template_sid: str | None = None
    template_vars: tuple[tuple[str, str], ...] = ()
    #: Number of SMS segments this text costs (SMS only; 0 elsewhere).
    segments: int = 0


@dataclass(frozen=True, slots=True)
class Delivery:
    provider_id: str | None
    status: str = "sent"


class ChannelError(Exception):
    """Base of all send errors; carries the reason for the outbox row."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class RateLimited(ChannelError):
    def __init__(self, reason: str, retry_after: float) -> None:
        super().__init__(reason)
        self.retry_after = retry_after


class TemporaryFailure(ChannelError):
    """Try again later (5xx, network error)."""


class PermanentFailure(ChannelError):
    """Do not try again (bad number, message rejected)."""


class RecipientBlocked(PermanentFailure):
    """The person opted out or blocked the bot: mark the contact stopped."""


class Sender(Protocol):
    channel: Channel

    def render(self, text: str, options: tuple[str, ...], language: str) -> tuple[Rendered, ...]:
        """Render one bot message (text plus at most two options) for this channel."""
        ...

    async def send(self, address: str, rendered: Rendered) -> Delivery:
        """Send one rendered message; raise a :class:`ChannelError` on failure."""
        ...
