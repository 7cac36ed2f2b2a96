"""Twilio delivery status callbacks (SMS and WhatsApp), handed to the outbox.

Statuses arrive out of order (queued, sent, delivered, undelivered, failed, read);
applying them monotonically is the outbox's job.
"""

from __future__ import annotations

import logging

from fastapi import APIRouter, HTTPException, Request, Response

from handlers._web import read_twilio_form, services_of
from handlers.twilio_sms import STATUS_PATH

__all__ = ["router"]

log = logging.getLogger(__name__)

router = APIRouter()


@router.post(STATUS_PATH)
async def status_webhook(request: Request) -> Response:
    """Record ``MessageStatus`` (and ``ErrorCode``) for ``MessageSid``; 204 when recorded."""
    services = services_of(request)
    form = await read_twilio_form(request, services.settings)
    form.require("MessageSid", "MessageStatus")
    error_code = form.get("ErrorCode") or None
    try:
        await services.outbox.record_status(form["MessageSid"], form["MessageStatus"], error_code)
    except Exception:
        log.exception("could not record status for %s", form["MessageSid"])
        raise HTTPException(503, "status not recorded, try again") from None
    return Response(status_code=204)
