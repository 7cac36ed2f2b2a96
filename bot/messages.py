"""Messages as they travel through the front door, independent of any provider.

A channel adapter turns a provider request into an :class:`Inbound`; the dialog engine
answers with :class:`Reply` objects; the pipeline stores those in the outbox, and the
dispatcher hands them to the channel adapter to render and send.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

__all__ = ["PHONE_CHANNELS", "Channel", "Inbound", "Reply"]


class Channel(StrEnum):
    SMS = "sms"
    WHATSAPP = "whatsapp"
    TELEGRAM = "telegram"
    WEBCHAT = "webchat"
    VOICE = "voice"
    TERMINAL = "terminal"


#: Channels whose address is a phone number; one number is one person across them.
PHONE_CHANNELS = frozenset({Channel.SMS, Channel.WHATSAPP, Channel.VOICE})


@dataclass(frozen=True, slots=True)
class Inbound:
    """One thing a person sent, parsed from a provider's request.

    ``address`` is the person's address on the channel: an E.164 number for SMS,
    WhatsApp and voice (without any ``whatsapp:`` prefix), the chat id for Telegram,
    the session id for the web chat. ``provider_id`` is the provider's own id of the
    message (Twilio MessageSid, Telegram update id, ...), used to store and answer a
    redelivered message once.
    """

    channel: Channel
    address: str
    text: str
    provider_id: str | None = None
    received_at: datetime | None = None
    display_name: str | None = None
    #: A phone number the person shared explicitly (Telegram contact button).
    shared_phone: str | None = None


@dataclass(frozen=True, slots=True)
class Reply:
    """What the front door says in one message: text and at most two options."""

    text: str
    options: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if len(self.options) > 2:
            raise ValueError(f"a message offers at most two options, got {len(self.options)}")
