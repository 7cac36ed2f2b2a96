"""WhatsApp through Twilio: the inbound webhook, the sender, and the 24-hour window.

WhatsApp allows free text only within 24 hours of the person's last message. Outside
that window only an approved template (``TWILIO_WHATSAPP_TEMPLATE_SID``) may open the
conversation: :meth:`TwilioWhatsAppSender.render_template` builds one, sent with
``content_sid`` and ``content_variables`` and no body. Whether the window is open is the
dispatcher's decision, with :func:`window_open`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from fastapi import APIRouter, HTTPException, Request, Response

from bot.messages import Channel, Inbound
from handlers._web import hand_to_pipeline, read_twilio_form, services_of, to_e164
from handlers.base import Delivery, Rendered
from handlers.render import render_whatsapp
from handlers.twilio_client import TwilioMessaging, WindowClosed
from handlers.twilio_sms import status_callback_url, twiml_ok

__all__ = [
    "WHATSAPP_PATH",
    "WINDOW",
    "TwilioWhatsAppSender",
    "WindowClosed",
    "router",
    "window_open",
]

#: How long after the person's last message free text may be sent.
WINDOW = timedelta(hours=24)
_PREFIX = "whatsapp:"
WHATSAPP_PATH = "/webhooks/twilio/whatsapp"

router = APIRouter()


def window_open(last_inbound_at: datetime | None, now: datetime) -> bool:
    """True when free text may be sent: the person wrote less than 24 hours ago."""
    if last_inbound_at is None:
        return False
    return timedelta(0) <= now - last_inbound_at < WINDOW


@router.post(WHATSAPP_PATH)
async def whatsapp_webhook(request: Request) -> Response:
    """One WhatsApp message: verify, parse (``whatsapp:+31...`` -> ``+31...``), hand over."""
    services = services_of(request)
    form = await read_twilio_form(request, services.settings)
    form.require("From", "Body", "MessageSid")
    raw_from = form["From"]
    if not raw_from.lower().startswith(_PREFIX):
        raise HTTPException(400, "From: expected a whatsapp: address")
    try:
        address = to_e164(raw_from)
    except ValueError as exc:
        raise HTTPException(400, f"From: {exc}") from None
    # A tapped quick-reply button arrives as Body too; ButtonText is the same words.
    text = form["Body"] or form.get("ButtonText", "")
    inbound = Inbound(
        channel=Channel.WHATSAPP,
        address=address,
        text=text,
        provider_id=form["MessageSid"],
        display_name=form.get("ProfileName") or None,
    )
    await hand_to_pipeline(services, inbound)
    return twiml_ok()


def _wa(address: str) -> str:
    return address if address.startswith(_PREFIX) else f"{_PREFIX}{address}"


class TwilioWhatsAppSender:
    """Sends WhatsApp messages through Twilio (``whatsapp:`` addresses on both ends).

    ``from_number`` is our WhatsApp sender (E.164, with or without ``whatsapp:``).
    Open with :meth:`start` and close with :meth:`stop` in the app's lifespan.
    """

    channel = Channel.WHATSAPP

    def __init__(
        self,
        account_sid: str,
        auth_token: str,
        from_number: str,
        *,
        template_sid: str | None = None,
        api_base_url: str | None = None,
        status_callback: str | None = None,
    ) -> None:
        self._messaging = TwilioMessaging(account_sid, auth_token, api_base_url)
        self._from = _wa(from_number)
        self._template_sid = template_sid
        self._status_callback = status_callback

    @classmethod
    def from_settings(cls, settings: Any) -> TwilioWhatsAppSender:
        """Build from Settings (TWILIO_WHATSAPP_FROM, TWILIO_WHATSAPP_TEMPLATE_SID, ...)."""
        if not settings.whatsapp_enabled:
            raise ValueError(
                "WhatsApp needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_WHATSAPP_FROM"
            )
        return cls(
            settings.twilio_account_sid,
            settings.twilio_auth_token.get(),
            settings.twilio_whatsapp_from,
            template_sid=settings.twilio_whatsapp_template_sid,
            api_base_url=settings.twilio_api_base_url,
            status_callback=status_callback_url(settings.public_base_url),
        )

    async def start(self) -> None:
        await self._messaging.start()

    async def stop(self) -> None:
        await self._messaging.stop()

    def render(self, text: str, options: tuple[str, ...], language: str) -> tuple[Rendered, ...]:
        """Numbered options under the text."""
        return render_whatsapp(text, options, language)

    def render_template(self, variables: Mapping[str, str] | None = None) -> Rendered:
        """The approved template that may open a conversation outside the 24-hour window.

        ``variables`` fill the template's placeholders (keys "1", "2", ...). Raises
        ValueError when no template is configured.
        """
        if not self._template_sid:
            raise ValueError("TWILIO_WHATSAPP_TEMPLATE_SID is not set")
        pairs = tuple((str(k), str(v)) for k, v in (variables or {}).items())
        return Rendered(text="", template_sid=self._template_sid, template_vars=pairs)

    async def reconcile(self, address: str, rendered: Rendered, since: datetime) -> bool:
        """After a crash: did Twilio accept this message? (True/False; raises if unsure)."""
        body = None if rendered.template_sid else rendered.text
        sid = await self._messaging.find_sent(_wa(address), self._from, body, since)
        return sid is not None

    async def send(self, address: str, rendered: Rendered) -> Delivery:
        """Send free text, or the template when ``rendered.template_sid`` is set (no body).

        Raises :class:`WindowClosed` when WhatsApp refuses free text outside the window.
        """
        if rendered.template_sid:
            content: dict[str, Any] = {
                "content_sid": rendered.template_sid,
                "content_variables": json.dumps(dict(rendered.template_vars)),
            }
        else:
            content = {"body": rendered.text}
        created = await self._messaging.create(
            to=_wa(address),
            from_=self._from,
            status_callback=self._status_callback,
            **content,
        )
        return Delivery(provider_id=created.sid, status=created.status)
