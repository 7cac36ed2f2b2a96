"""The narrow surface that channel routes use: hand an inbound message to the pipeline.

Webhook routes find the running services on ``request.app.state.services`` (an object
with the attributes of :class:`Services`). They never touch storage or dialogs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from bot.messages import Inbound, Reply
from config.profile import Profile
from config.settings import Settings

__all__ = ["InboundPort", "Services", "TurnResult"]


@dataclass(frozen=True, slots=True)
class TurnResult:
    """What became of one inbound message.

    ``stored`` is True once the message is committed to the database: only then may a
    webhook acknowledge it (2xx). ``duplicate`` is True when the provider redelivered a
    message we already had; it is then neither stored again nor answered again.
    ``replies`` are the bot's answers written to the outbox in this turn (the voice
    channel speaks them in its TwiML answer).
    """

    stored: bool
    duplicate: bool = False
    conversation_id: int | None = None
    contact_id: int | None = None
    replies: tuple[Reply, ...] = ()
    #: The contact is stopped (STOP): a channel should not answer at all.
    stopped: bool = False


class InboundPort(Protocol):
    async def handle(self, inbound: Inbound) -> TurnResult: ...


class Services(Protocol):
    settings: Settings
    profile: Profile
    pipeline: InboundPort
