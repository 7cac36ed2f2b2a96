"""Telegram: the webhook, long polling for local use, and the sender (python-telegram-bot 22).

Inbound updates become :class:`Inbound` messages with the chat id as address and
``update:<update_id>`` as provider id (the pipeline dedupes on it: Telegram redelivers
until it gets a 2xx). A phone number is only taken from a contact the person shared
about themselves (``contact.user_id == from.id``).
"""

from __future__ import annotations

import asyncio
import datetime as dtm
import hmac
import json
import logging
import warnings
from typing import Any

from fastapi import APIRouter, HTTPException, Request, Response
from telegram import (
    Bot,
    KeyboardButton,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
)
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Conflict,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.request import HTTPXRequest

from bot.messages import Channel, Inbound
from bot.ports import InboundPort
from handlers._web import hand_to_pipeline, read_body, services_of, to_e164
from handlers.base import (
    ChannelError,
    Delivery,
    PermanentFailure,
    RateLimited,
    RecipientBlocked,
    Rendered,
    TemporaryFailure,
)
from handlers.render import render_telegram, share_phone_button, share_phone_label

__all__ = [
    "SECRET_HEADER",
    "TelegramPoller",
    "TelegramSender",
    "map_telegram_error",
    "parse_update",
    "router",
]

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"

router = APIRouter()


# --- inbound -------------------------------------------------------------------------


def _shared_phone(message: Message) -> str | None:
    contact = message.contact
    sender = message.from_user
    if contact is None or sender is None or contact.user_id != sender.id:
        return None  # someone else's card, or no sender: never take it as theirs
    raw = contact.phone_number.strip()
    if raw and raw[0].isdigit() and not raw.startswith("0"):
        raw = f"+{raw}"  # Telegram sends international numbers with or without "+"
    try:
        return to_e164(raw)
    except ValueError:
        return None


def parse_update(update: Update) -> Inbound | None:
    """The Inbound for a person's new message, or None for anything else.

    Edited messages, channel posts, callbacks and messages without text, caption or an
    own shared contact (stickers, photos without caption) are ignored.
    """
    message = update.message
    if message is None:
        return None
    phone = _shared_phone(message)
    text = message.text or message.caption or ""
    if not text and phone is None:
        return None
    sender = message.from_user
    return Inbound(
        channel=Channel.TELEGRAM,
        address=str(message.chat.id),
        text=text,
        provider_id=f"update:{update.update_id}",
        received_at=message.date,
        display_name=sender.first_name if sender else None,
        shared_phone=phone,
    )


@router.post("/webhooks/telegram")
async def telegram_webhook(request: Request) -> Response:
    """One update from Telegram: check the secret, parse, hand to the pipeline.

    200 once stored (or ignored); 403 on a wrong or missing secret when one is set;
    400 on malformed JSON; 503 when the pipeline could not store it (Telegram retries).
    """
    services = services_of(request)
    secret = services.settings.telegram_webhook_secret
    if secret is not None:
        given = request.headers.get(SECRET_HEADER, "")
        if not hmac.compare_digest(given.encode(), secret.get().encode()):
            raise HTTPException(403, "invalid secret token")
    body = await read_body(request)
    try:
        payload = json.loads(body)
    except (UnicodeDecodeError, ValueError):
        raise HTTPException(400, "body is not valid JSON") from None
    if not isinstance(payload, dict) or not isinstance(payload.get("update_id"), int):
        raise HTTPException(400, "not a Telegram update (no update_id)")
    try:
        update = Update.de_json(payload, None)
    except (KeyError, TypeError, ValueError, AttributeError):
        raise HTTPException(400, "malformed Telegram update") from None
    inbound = parse_update(update)
    if inbound is not None:
        await hand_to_pipeline(services, inbound)
    return Response(status_code=200)


# --- outbound ------------------------------------------------------------------------


def _retry_seconds(exc: RetryAfter) -> float:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # int retry_after is deprecated in favour of timedelta
        value = exc.retry_after
    if isinstance(value, dtm.timedelta):
        return value.total_seconds()
    return float(value)


def map_telegram_error(exc: TelegramError) -> ChannelError:
    """RetryAfter -> RateLimited, Forbidden -> RecipientBlocked, BadRequest and bad
    token or chat -> PermanentFailure, network trouble and the rest -> TemporaryFailure."""
    reason = f"telegram: {exc.message}"
    if isinstance(exc, RetryAfter):
        return RateLimited(reason, _retry_seconds(exc))
    if isinstance(exc, Forbidden):
        return RecipientBlocked(reason)
    if isinstance(exc, (BadRequest, InvalidToken, ChatMigrated)):
        return PermanentFailure(reason)
    if isinstance(exc, (TimedOut, NetworkError, Conflict)):
        return TemporaryFailure(reason)
    return TemporaryFailure(reason)


def _keyboard(buttons: tuple[str, ...]) -> ReplyKeyboardMarkup | ReplyKeyboardRemove:
    if not buttons:
        return ReplyKeyboardRemove()
    keys = []
    for button in buttons:
        label = share_phone_label(button)
        if label is not None:
            keys.append(KeyboardButton(label, request_contact=True))
        else:
            keys.append(KeyboardButton(button))
    return ReplyKeyboardMarkup([keys], resize_keyboard=True, one_time_keyboard=True)


class TelegramSender:
    """Sends messages with a python-telegram-bot ``Bot``.

    ``base_url`` is TELEGRAM_API_BASE_URL (the token is appended, or put in place of
    ``{token}``). Create in the app's lifespan, then ``await start()`` (calls getMe) and
    ``await stop()`` at shutdown. :attr:`bot` is available between the two, e.g. for
    :class:`TelegramPoller` or ``set_webhook``.
    """

    channel = Channel.TELEGRAM

    def __init__(
        self,
        token: str,
        *,
        base_url: str = "https://api.telegram.org/bot",
        timeout: float = 10.0,
        poll_timeout: float = 30.0,
    ) -> None:
        self._token = token
        self._base_url = base_url
        self._timeout = timeout
        self._poll_timeout = poll_timeout
        self._bot: Bot | None = None

    @classmethod
    def from_settings(cls, settings: Any) -> TelegramSender:
        if settings.telegram_bot_token is None:
            raise ValueError("Telegram needs TELEGRAM_BOT_TOKEN")
        return cls(settings.telegram_bot_token.get(), base_url=settings.telegram_api_base_url)

    @property
    def bot(self) -> Bot:
        if self._bot is None:
            raise RuntimeError("TelegramSender is not started")
        return self._bot

    async def start(self) -> None:
        t = self._timeout
        bot = Bot(
            self._token,
            base_url=self._base_url,
            request=HTTPXRequest(
                connection_pool_size=8, read_timeout=t, write_timeout=t, connect_timeout=t
            ),
            get_updates_request=HTTPXRequest(
                read_timeout=self._poll_timeout + t, connect_timeout=t
            ),
        )
        try:
            await bot.initialize()
        except TelegramError as exc:
            await bot.shutdown()
            raise map_telegram_error(exc) from exc
        self._bot = bot

    async def stop(self) -> None:
        if self._bot is not None:
            await self._bot.shutdown()
            self._bot = None

    def render(self, text: str, options: tuple[str, ...], language: str) -> tuple[Rendered, ...]:
        """The text keeps the question; the options become a two-button reply keyboard."""
        return render_telegram(text, options, language)

    async def send(self, address: str, rendered: Rendered) -> Delivery:
        """Send to chat ``address``; provider_id is ``<chat id>:<message id>``."""
        try:
            message = await self.bot.send_message(
                chat_id=int(address) if address.lstrip("-").isdigit() else address,
                text=rendered.text,
                reply_markup=_keyboard(rendered.buttons),
            )
        except TelegramError as exc:
            raise map_telegram_error(exc) from exc
        return Delivery(provider_id=f"{message.chat.id}:{message.message_id}", status="sent")

    async def send_phone_request(self, address: str, text: str, label: str) -> Delivery:
        """Ask for the person's phone number with a "share my number" button."""
        return await self.send(address, Rendered(text=text, buttons=(share_phone_button(label),)))


# --- long polling ---------------------------------------------------------------------


class TelegramPoller:
    """Long polling for local use (a bot token but no PUBLIC_BASE_URL).

    A background task calls getUpdates, hands each update to the same parse + pipeline
    path as the webhook, and moves the offset past an update only once the pipeline
    stored it (or ignored or already had it), so nothing is lost on a failure. Polling
    deletes a webhook set for the same token: use a separate bot for development.
    """

    def __init__(
        self, bot: Bot, pipeline: InboundPort, *, timeout: int = 25, backoff: float = 2.0
    ) -> None:
        self._bot = bot
        self._pipeline = pipeline
        self._timeout = timeout
        self._backoff = backoff
        self._offset: int | None = None
        self._task: asyncio.Task[None] | None = None

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    async def start(self) -> None:
        if self.running:
            return
        await self._bot.delete_webhook(drop_pending_updates=False)
        self._task = asyncio.create_task(self._run(), name="telegram-poller")

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            try:
                await task
            except asyncio.CancelledError:
                pass

    async def poll_once(self) -> int:
        """One getUpdates round; returns how many updates were taken."""
        updates = await self._bot.get_updates(
            offset=self._offset, timeout=self._timeout, allowed_updates=["message"]
        )
        for update in updates:
            inbound = parse_update(update)
            if inbound is not None:
                result = await self._pipeline.handle(inbound)
                if not (result.stored or result.duplicate):
                    raise TemporaryFailure(f"update {update.update_id} not stored")
            self._offset = update.update_id + 1
        return len(updates)

    async def _run(self) -> None:
        while True:
            try:
                await self.poll_once()
            except asyncio.CancelledError:
                raise
            except InvalidToken:
                log.error("telegram polling stopped: the bot token is not valid")
                return
            except RetryAfter as exc:
                await asyncio.sleep(_retry_seconds(exc))
            except Exception:
                log.exception("telegram polling failed; trying again in %.0f s", self._backoff)
                await asyncio.sleep(self._backoff)
