"""Delivery statuses from Twilio: recorded forward only, many callbacks in one write."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from sqlalchemy import event, select

from bot.delivery import StatusPort
from bot.messages import Reply
from bot.outbox import enqueue
from storage.db import Database
from storage.models import Contact, OutboxRow

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def _sent(db: Database, n: int) -> tuple[int, list[str]]:
    """A contact with ``n`` messages Twilio accepted (provider ids SM0, SM1, ...)."""
    with db.session() as s, s.begin():
        contact = Contact(created_at=T0)
        s.add(contact)
        s.flush()
        for i in range(n):
            q = enqueue(s, reply=Reply(f"bericht {i}"), channel="sms", address="+31611111111",
                        now=T0, contact_id=contact.id, conversation_id=None)
            row = s.get(OutboxRow, q.id)
            assert row is not None
            row.status, row.provider_id = "sent", f"SM{i}"
        return contact.id, [f"SM{i}" for i in range(n)]


def test_callbacks_arriving_together_are_recorded_in_one_write_and_only_forward(db_url: str) -> None:
    db = Database(db_url)
    db.upgrade()
    contact_id, sids = _sent(db, 3)
    port = StatusPort(db)
    begins: list[object] = []
    event.listen(db.engine, "begin", lambda conn: begins.append(conn))

    async def run() -> list[bool]:
        first = await port.record_status(sids[0], "sent", None)  # alone: its own write
        rest = await asyncio.gather(
            port.record_status(sids[0], "delivered", None),
            port.record_status(sids[0], "sent", None),  # late and out of order: ignored
            port.record_status(sids[1], "undelivered", "30003"),
            port.record_status(sids[2], "failed", "21610"),  # the person sent STOP
            port.record_status("SM-not-ours", "delivered", None),
        )
        return [first, *rest]

    assert asyncio.run(run()) == [True, True, True, True, True, False]
    assert len(begins) <= 3, f"six callbacks took {len(begins)} transactions"
    with db.session() as s:
        rows = {r.provider_id: r for r in s.scalars(select(OutboxRow))}
        assert rows[sids[0]].status == "delivered"
        assert (rows[sids[1]].status, rows[sids[1]].error) == ("undelivered", "provider error 30003")
        assert rows[sids[2]].status == "failed"
        contact = s.get(Contact, contact_id)
        assert contact is not None and contact.stopped
    db.dispose()
