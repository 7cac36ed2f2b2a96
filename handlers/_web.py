"""Small helpers shared by the webhook routes: body limits, phone numbers, Twilio signatures."""

from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any
from urllib.parse import parse_qsl

import phonenumbers
from fastapi import HTTPException, Request
from twilio.request_validator import RequestValidator

from bot.messages import Inbound
from bot.ports import TurnResult

__all__ = [
    "MAX_BODY_BYTES",
    "TwilioForm",
    "hand_to_pipeline",
    "public_url",
    "read_body",
    "read_twilio_form",
    "services_of",
    "to_e164",
]

log = logging.getLogger(__name__)

#: Webhook bodies larger than this are refused with 413.
MAX_BODY_BYTES = 64 * 1024


async def read_body(request: Request, limit: int = MAX_BODY_BYTES) -> bytes:
    """Read the request body, refusing (413) more than ``limit`` bytes without reading it all."""
    declared = request.headers.get("content-length")
    if declared is not None:
        try:
            if int(declared) > limit:
                raise HTTPException(413, "request body too large")
        except ValueError:
            raise HTTPException(400, "invalid Content-Length") from None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, "request body too large")
        chunks.append(chunk)
    return b"".join(chunks)


def services_of(request: Request) -> Any:
    """The running services (settings, profile, pipeline, outbox) of the app."""
    services = getattr(request.app.state, "services", None)
    if services is None:
        raise HTTPException(503, "not ready")
    return services


@lru_cache(maxsize=8192)
def to_e164(raw: str, region: str = "NL") -> str:
    """Normalise a phone number to E.164 (``06 12345678`` -> ``+31612345678``).

    A ``whatsapp:`` prefix is stripped. Raises ValueError for something that is not a
    possible phone number.
    """
    value = raw.strip()
    if value.lower().startswith("whatsapp:"):
        value = value[len("whatsapp:") :].strip()
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException as exc:
        raise ValueError(f"not a phone number: {exc}") from None
    if not phonenumbers.is_possible_number(number):
        raise ValueError("not a possible phone number")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def public_url(request: Request, public_base_url: str | None) -> str:
    """The URL the provider called: rebuilt from PUBLIC_BASE_URL behind a proxy.

    With a public base URL, its scheme, host and path prefix replace the ones this
    app sees; the request's path and (still encoded) query are kept.
    """
    if not public_base_url:
        return str(request.url)
    url = public_base_url.rstrip("/") + request.url.path
    query = request.url.query
    return f"{url}?{query}" if query else url


class _Multi(dict[str, list[str]]):
    """All values per key, in the shape RequestValidator reads (``getall``)."""

    def getall(self, key: str) -> list[str]:
        return self[key]


class TwilioForm(dict[str, str]):
    """The form parameters of a verified Twilio webhook (last value wins for a repeated key)."""

    def require(self, *names: str) -> None:
        """400 naming the first missing parameter."""
        for name in names:
            if name not in self:
                raise HTTPException(400, f"missing form field {name}")


async def read_twilio_form(request: Request, settings: Any) -> TwilioForm:
    """Read, parse and verify a Twilio webhook: 413 too large, 400 malformed, 403 forged.

    Every form parameter takes part in the signature (Twilio adds new ones without
    notice), and the URL is the one Twilio called (see :func:`public_url`).
    """
    body = await read_body(request)
    content_type = request.headers.get("content-type", "")
    if body and "application/x-www-form-urlencoded" not in content_type:
        raise HTTPException(400, "expected application/x-www-form-urlencoded")
    try:
        pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True, strict_parsing=False)
    except (UnicodeDecodeError, ValueError):
        raise HTTPException(400, "malformed form body") from None
    signature = request.headers.get("x-twilio-signature")
    token = settings.twilio_auth_token
    if not signature or token is None:
        raise HTTPException(403, "missing Twilio signature")
    grouped = _Multi()
    for key, value in pairs:
        grouped.setdefault(key, []).append(value)
    url = public_url(request, settings.public_base_url)
    if not RequestValidator(token.get()).validate(url, grouped, signature):
        raise HTTPException(403, "invalid Twilio signature")
    return TwilioForm((k, v[-1]) for k, v in grouped.items())


async def hand_to_pipeline(services: Any, inbound: Inbound) -> TurnResult:
    """Give one inbound message to the pipeline; 503 when it could not be stored.

    A provider retries a non-2xx answer, so a message is only acknowledged once it is
    committed (or was already there: a duplicate).
    """
    try:
        result: TurnResult = await services.pipeline.handle(inbound)
    except Exception:
        log.exception("pipeline failed for %s message %s", inbound.channel, inbound.provider_id)
        raise HTTPException(503, "message not stored, try again") from None
    if not (result.stored or result.duplicate):
        raise HTTPException(503, "message not stored, try again")
    return result
