"""SMS through Twilio: the inbound webhook and the sender.

STOP: on long codes Twilio itself answers STOP, UNSUBSCRIBE, END, QUIT, STOPALL, REVOKE,
OPTOUT and CANCEL (and START, YES, UNSTOP), still forwards the message to this webhook,
and then refuses further sends to that person with error 21610 (our RecipientBlocked).
Dutch words ("stop", "afmelden") and the front door's own meaning of STOP are the
pipeline's control words: this adapter passes the text on unchanged.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, HTTPException, Request, Response

from bot.messages import Channel, Inbound
from handlers._web import hand_to_pipeline, read_twilio_form, services_of, to_e164
from handlers.base import Delivery, Rendered
from handlers.render import render_sms
from handlers.twilio_client import TwilioMessaging

__all__ = [
    "EMPTY_TWIML",
    "SMS_PATH",
    "STATUS_PATH",
    "TwilioSmsSender",
    "router",
    "status_callback_url",
    "twiml_ok",
]

#: An empty TwiML answer: replies go out through the outbox, never in TwiML.
EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>'
STATUS_PATH = "/webhooks/twilio/status"
SMS_PATH = "/webhooks/twilio/sms"

router = APIRouter()


def twiml_ok() -> Response:
    return Response(content=EMPTY_TWIML, media_type="text/xml")


def status_callback_url(public_base_url: str | None) -> str | None:
    """Where Twilio reports delivery status, when the app is reachable from outside."""
    return public_base_url.rstrip("/") + STATUS_PATH if public_base_url else None


@router.post(SMS_PATH)
async def sms_webhook(request: Request) -> Response:
    """One SMS from a person: verify, parse, hand to the pipeline, acknowledge with empty TwiML."""
    services = services_of(request)
    form = await read_twilio_form(request, services.settings)
    form.require("From", "Body", "MessageSid")
    try:
        address = to_e164(form["From"])
    except ValueError as exc:
        raise HTTPException(400, f"From: {exc}") from None
    inbound = Inbound(
        channel=Channel.SMS,
        address=address,
        text=form["Body"],
        provider_id=form["MessageSid"],
    )
    await hand_to_pipeline(services, inbound)
    return twiml_ok()


class TwilioSmsSender:
    """Sends SMS through Twilio's Messages API.

    ``from_number`` is our SMS number (E.164) or a Messaging Service SID (``MG...``).
    Open with :meth:`start` and close with :meth:`stop` in the app's lifespan.
    """

    channel = Channel.SMS

    def __init__(
        self,
        account_sid: str,
        auth_token: str,
        from_number: str,
        *,
        api_base_url: str | None = None,
        status_callback: str | None = None,
    ) -> None:
        self._messaging = TwilioMessaging(account_sid, auth_token, api_base_url)
        self._from = from_number
        self._status_callback = status_callback

    @classmethod
    def from_settings(cls, settings: Any) -> TwilioSmsSender:
        """Build from Settings (TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_SMS_FROM, ...)."""
        if not settings.sms_enabled:
            raise ValueError("SMS needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_SMS_FROM")
        return cls(
            settings.twilio_account_sid,
            settings.twilio_auth_token.get(),
            settings.twilio_sms_from,
            api_base_url=settings.twilio_api_base_url,
            status_callback=status_callback_url(settings.public_base_url),
        )

    async def start(self) -> None:
        await self._messaging.start()

    async def stop(self) -> None:
        await self._messaging.stop()

    def render(self, text: str, options: tuple[str, ...], language: str) -> tuple[Rendered, ...]:
        """GSM-7 text, options numbered under it, one part per segment where possible."""
        return render_sms(text, options, language)

    async def reconcile(self, address: str, rendered: Rendered, since: datetime) -> bool:
        """After a crash: did Twilio accept this message? (True/False; raises if unsure)."""
        body = None if rendered.template_sid else rendered.text
        sid = await self._messaging.find_sent(address, self._from, body, since)
        return sid is not None

    async def send(self, address: str, rendered: Rendered) -> Delivery:
        """Send one part; the returned provider_id is Twilio's MessageSid."""
        sender_field = "messaging_service_sid" if self._from.startswith("MG") else "from_"
        created = await self._messaging.create(
            to=address,
            body=rendered.text,
            status_callback=self._status_callback,
            **{sender_field: self._from},
        )
        return Delivery(provider_id=created.sid, status=created.status)
