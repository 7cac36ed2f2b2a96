"""Rules at the moment of sending, and delivery status from providers.

- A stopped contact gets nothing but direct replies to what they just wrote.
- WhatsApp outside the 24-hour window: the approved template goes first and the real
  message waits ("held") until the person answers; without a template, SMS.
- Status callbacks only move a message's status forward.
"""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.contacts import address_for
from bot.outbox import STATUS_ORDER
from storage.db import Database
from storage.models import Contact, OutboxRow

__all__ = ["WINDOW", "SendRules", "StatusPort"]

WINDOW = timedelta(hours=24)


class SendRules:
    def __init__(self, whatsapp_template: object | None = None) -> None:
        #: A callable returning the template's Rendered, or None when not configured.
        self.whatsapp_template = whatsapp_template

    def __call__(self, s: Session, row: OutboxRow, now: datetime) -> str:
        contact = s.get(Contact, row.contact_id) if row.contact_id else None
        if contact is None:
            return "send"
        if contact.stopped and row.kind not in ("reply",):
            row.status, row.error = "cancelled", "contact stopped"
            return "held"
        if row.channel == "whatsapp" and row.kind != "template":
            last = contact.last_inbound_at if contact.last_channel == "whatsapp" else None
            last = last or _last_whatsapp(s, contact)
            if last is None or now - last > WINDOW:
                return self._outside_window(s, row, contact, now)
        return "send"

    def _outside_window(self, s: Session, row: OutboxRow, contact: Contact, now: datetime) -> str:
        make = self.whatsapp_template
        if make is not None and self._template_pending(s, contact):
            row.status = "held"  # one template per contact is enough to reopen the window
            return "held"
        if make is not None:
            try:
                rendered = make()  # type: ignore[operator]
            except ValueError:
                rendered = None
            if rendered is not None:
                row.status = "held"
                s.add(
                    OutboxRow(
                        contact_id=row.contact_id,
                        conversation_id=row.conversation_id,
                        channel="whatsapp",
                        address=row.address,
                        text="(template)",
                        options=[],
                        language=row.language,
                        kind="template",
                        priority=row.priority,
                        status="queued",
                        next_try_at=now,
                        created_at=now,
                        rendered=[
                            {
                                "text": rendered.text,
                                "buttons": [],
                                "template_sid": rendered.template_sid,
                                "template_vars": [list(kv) for kv in rendered.template_vars],
                                "segments": 0,
                            }
                        ],
                    )
                )
                return "held"
        sms = address_for(s, contact, "sms")
        if sms:
            row.channel, row.address, row.rendered = "sms", sms, []
            return "send"
        row.status, row.error = "failed", "outside the WhatsApp window and no template or SMS"
        return "held"

    @staticmethod
    def _template_pending(s: Session, contact: Contact) -> bool:
        """A template went out (or is on its way) since the person last wrote."""
        since = _last_whatsapp(s, contact)
        q = select(OutboxRow.id).where(
            OutboxRow.contact_id == contact.id,
            OutboxRow.kind == "template",
            OutboxRow.status.in_(("queued", "sending", "sent", "delivered", "read")),
        )
        if since is not None:
            q = q.where(OutboxRow.created_at > since)
        return s.scalar(q.limit(1)) is not None


def _last_whatsapp(s: Session, contact: Contact) -> datetime | None:
    from storage.models import Message

    return s.scalar(
        select(Message.created_at)
        .where(
            Message.contact_id == contact.id,
            Message.channel == "whatsapp",
            Message.direction == "in",
        )
        .order_by(Message.id.desc())
        .limit(1)
    )


class StatusPort:
    """``record_status`` for the Twilio status callback route.

    Twilio reports two or three statuses for every message it sends (sent, delivered,
    read): more callbacks than messages people write. Callbacks that arrive while a
    write is under way are written together in the next one: one trip to a worker
    thread and one transaction for many, each callback still answered only after its
    status is committed.
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self._pending: list[tuple[str, str, str | None, asyncio.Future[bool]]] = []
        self._writer: asyncio.Task[None] | None = None

    async def record_status(self, provider_id: str, status: str, error_code: str | None) -> bool:
        """True when the message is ours (and the status recorded if it moves forward)."""
        done: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        self._pending.append((provider_id, status, error_code, done))
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write_loop())
        return await done

    async def _write_loop(self) -> None:
        while self._pending:
            batch, self._pending = self._pending, []
            items = [(pid, status, code) for pid, status, code, _ in batch]
            try:
                found = await asyncio.to_thread(self._apply_all, items)
            except Exception as e:  # noqa: BLE001 - handed to every caller: each answers 503
                for *_, done in batch:
                    if not done.done():
                        done.set_exception(e)
                continue
            for (*_, done), ok in zip(batch, found, strict=True):
                if not done.done():
                    done.set_result(ok)

    def _apply_all(self, items: list[tuple[str, str, str | None]]) -> list[bool]:
        with self.db.session() as s, s.begin():
            return [self._apply_in(s, *item) for item in items]

    def _apply(self, provider_id: str, status: str, error_code: str | None) -> bool:
        return self._apply_all([(provider_id, status, error_code)])[0]

    @staticmethod
    def _apply_in(s: Session, provider_id: str, status: str, error_code: str | None) -> bool:
        status = status.lower()
        row = s.scalar(select(OutboxRow).where(OutboxRow.provider_id == provider_id))
        if row is None:
            return False
        if STATUS_ORDER.get(status, -1) > STATUS_ORDER.get(row.status, -1):
            row.status = status
            if error_code:
                row.error = f"provider error {error_code}"
                if error_code == "21610" and row.contact_id:
                    contact = s.get(Contact, row.contact_id)
                    if contact is not None:
                        contact.stopped = True
        return True
