"""The outbox: everything a person sees is written here first, in the turn's
transaction, and sent by the dispatcher. Nothing is sent twice; nothing is lost when a
provider is down.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import partial

from sqlalchemy import Connection, String, bindparam, func, select, update
from sqlalchemy.orm import Session

from bot.clock import Clock
from bot.messages import Channel, Reply
from handlers.base import (
    ChannelError,
    PermanentFailure,
    RateLimited,
    RecipientBlocked,
    Rendered,
    Sender,
)
from storage.db import Database
from storage.models import Contact, Message, OutboxRow
from storage.rows import insert_id

__all__ = [
    "PRIORITY",
    "STATUS_ORDER",
    "STUCK_AFTER",
    "Dispatcher",
    "Queued",
    "RateLimiter",
    "enqueue",
]

log = logging.getLogger("voordeur.outbox")

#: Lower goes first: a person waiting for an answer before bulk work.
PRIORITY = {"reply": 0, "staff": 0, "notice": 1, "template": 1, "followup": 5, "campaign": 9}

#: Delivery statuses only move forward (callbacks may arrive out of order).
STATUS_ORDER = {
    "queued": 0,
    "held": 0,
    "sending": 1,
    "sent": 2,
    "delivered": 3,
    "read": 4,
    "undelivered": 5,
    "failed": 5,
    "uncertain": 5,
}

#: A row 'sending' this long was cut off by a crash (a send takes seconds at most).
STUCK_AFTER = timedelta(minutes=2)

#: A provider may be down for a day; after that a message is marked failed.
GIVE_UP_AFTER = timedelta(hours=24)


@dataclass(frozen=True, slots=True)
class Queued:
    """What :func:`enqueue` stored: the outbox row and its outbound message."""

    id: int
    message_id: int


def enqueue(
    session: Session,
    *,
    reply: Reply,
    channel: str,
    address: str | None,
    now: datetime,
    contact_id: int | None,
    conversation_id: int | None,
    language: str = "nl",
    kind: str = "reply",
    author: str = "bot",
) -> Queued:
    """Store an outbound message and its outbox row (in the caller's transaction)."""
    options = list(reply.options)
    message_id = insert_id(
        session,
        Message,
        {
            "conversation_id": conversation_id,
            "contact_id": contact_id,
            "direction": "out",
            "channel": channel,
            "text": reply.text,
            "options": options,
            "author": author,
            "created_at": now,
        },
    )
    spoken = channel == Channel.VOICE  # voice replies are spoken in the TwiML answer
    row_id = insert_id(
        session,
        OutboxRow,
        {
            "message_id": message_id,
            "contact_id": contact_id,
            "conversation_id": conversation_id,
            "channel": channel,
            "address": address,
            "text": reply.text,
            "options": options,
            "language": language,
            "kind": kind,
            "priority": PRIORITY.get(kind, 5),
            "status": "sent" if spoken else "queued",
            "sent_at": now if spoken else None,
            "next_try_at": now,
            "created_at": now,
        },
    )
    return Queued(row_id, message_id)


_OUTBOX = OutboxRow.__table__

#: A sent row: its status, when, the provider's id of its last part and every part.
_MARK_SENT = (
    update(_OUTBOX)
    .where(_OUTBOX.c.id == bindparam("rid"))
    .values(
        status="sent",
        error=None,
        sent_at=bindparam("at"),
        provider_id=func.coalesce(bindparam("pid", type_=String), _OUTBOX.c.provider_id),
        rendered=bindparam("parts"),
    )
)

#: Rows waiting to be sent or being sent, oldest first (the dispatcher's look at its
#: queue; built once: building a statement costs more than running it).
_WAITING = (
    select(
        OutboxRow.id,
        OutboxRow.channel,
        OutboxRow.address,
        OutboxRow.status,
        OutboxRow.next_try_at,
        OutboxRow.priority,
    )
    .where(OutboxRow.status.in_(("queued", "sending")))
    .order_by(OutboxRow.id)
    .limit(bindparam("n"))
)
#: Due rows still queued, locked against other workers (PostgreSQL: SKIP LOCKED).
_CLAIMABLE = (
    select(OutboxRow)
    .where(OutboxRow.id.in_(bindparam("ids", expanding=True)), OutboxRow.status == "queued")
    .with_for_update(skip_locked=True)
)

#: Rows whose person was erased while they waited keep no text or address.
_SCRUB_ERASED = (
    update(_OUTBOX)
    .where(_OUTBOX.c.id.in_(bindparam("ids", expanding=True)), _OUTBOX.c.contact_id.is_(None))
    .values(text=None, address=None, rendered=[])
)


@dataclass(frozen=True, slots=True)
class _Sent:
    id: int
    channel: str
    provider_id: str | None
    parts: list[dict[str, object]]


class RateLimiter:
    """A token bucket per channel, in messages per second."""

    def __init__(self, rates: Mapping[str, float], clock: Callable[[], float]) -> None:
        self._rates = dict(rates)
        self._clock = clock
        self._next: dict[str, float] = {}

    def delay(self, channel: str) -> float:
        """Seconds to wait before the next message on this channel may go (and book it)."""
        rate = self._rates.get(channel)
        if not rate:
            return 0.0
        now = self._clock()
        at = max(now, self._next.get(channel, now))
        self._next[channel] = at + 1.0 / rate
        return at - now


class Dispatcher:
    """Claims due outbox rows and sends them through the channel senders.

    Rows are claimed with an atomic ``UPDATE ... WHERE status='queued'`` so that several
    workers never send the same row. A row found in ``sending`` after a crash is not sent
    again (we cannot know whether the provider got it): it is marked ``uncertain``.
    Per address, rows go out in order: a row waits while an earlier one is unsent.
    """

    def __init__(
        self,
        db: Database,
        senders: Mapping[str, Sender],
        clock: Clock,
        *,
        rates: Mapping[str, float] | None = None,
        window_check: Callable[[Session, OutboxRow, datetime], str] | None = None,
        monotonic: Callable[[], float] | None = None,
        sleep: Callable[[float], asyncio.Future[None] | object] | None = None,
        concurrency: int = 8,
        batch: int = 32,
        gather: float = 0.02,
    ) -> None:
        import time

        self.db = db
        self.senders = dict(senders)
        self.clock = clock
        self.window_check = window_check
        #: Sends in flight at once, and rows claimed per transaction.
        self.concurrency = max(1, concurrency)
        self.batch = max(1, batch)
        #: Seconds between the starts of two passes of the running dispatcher: under load
        #: a pass then records and claims several messages in one transaction instead of
        #: one each (a reply leaves at most this much later).
        self.gather = max(0.0, gather)
        self.limiter = RateLimiter(rates or {}, monotonic or time.monotonic)
        self._sleep = sleep or asyncio.sleep
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._stopping = False
        #: Called with (channel, status) after each row is settled (metrics).
        self.on_result: Callable[[str, str], None] | None = None
        #: Rows sent and not yet recorded: the next pass records them in its transaction.
        self._sent: list[_Sent] = []

    # --- lifecycle -------------------------------------------------------------------

    async def recover(self, older_than: timedelta = timedelta(seconds=0)) -> tuple[int, int]:
        """Settle rows a crashed process left in ``sending``.

        For each part not known to be sent, ask the channel whether the provider has it
        (Twilio can be asked; the web chat can always resend). Parts the provider has
        are marked sent; the rest are queued again, so the message arrives once. Where
        a channel cannot tell (Telegram), the row becomes ``uncertain`` rather than risk
        a double send, and a human can see it. Returns (requeued or settled, uncertain).
        """
        now = self.clock.now()
        with self.db.session() as s:
            rows = list(
                s.scalars(
                    select(OutboxRow).where(
                        OutboxRow.status == "sending", OutboxRow.claimed_at <= now - older_than
                    )
                )
            )
            for r in rows:
                s.expunge(r)
        settled = uncertain = 0
        for row in rows:
            status = await self._settle(row)
            if status == "uncertain":
                uncertain += 1
            else:
                settled += 1
        return settled, uncertain

    async def _settle(self, row: OutboxRow) -> str:
        sender = self.senders.get(row.channel)
        parts: list[dict[str, object]] = list(row.rendered or [])
        if sender is not None and not parts:
            parts = [
                _part(r)
                for r in sender.render(row.text or "", tuple(row.options or ()), row.language)
            ]
        since = (row.claimed_at or row.created_at) - timedelta(seconds=5)
        unknown = False
        for i, part in enumerate(parts):
            if part.get("done"):
                continue
            reconcile = getattr(sender, "reconcile", None)
            if row.channel == Channel.WEBCHAT:
                continue  # showing a web chat message twice is impossible: resend
            if reconcile is None or not row.address:
                unknown = True
                break
            try:
                got = await reconcile(row.address, _rendered(part), since)
            except ChannelError:
                unknown = True
                break
            if got:
                parts[i] = {**part, "done": True, "provider_id": "reconciled"}
        if unknown:
            status = "uncertain"
        elif all(p.get("done") for p in parts):
            status = "sent"
        else:
            status = "queued"
        with self.db.session() as s, s.begin():
            s.execute(
                update(OutboxRow)
                .where(OutboxRow.id == row.id, OutboxRow.status == "sending")
                .values(
                    status=status,
                    rendered=parts,
                    next_try_at=self.clock.now(),
                    error="the process stopped while sending"
                    if status == "uncertain"
                    else row.error,
                )
            )
        log.info("outbox row %s after a crash: %s", row.id, status)
        return status

    def start(self) -> None:
        self._stopping = False
        self._task = asyncio.create_task(self._run(), name="outbox-dispatcher")

    async def stop(self) -> None:
        self._stopping = True
        self._wake.set()
        if self._task is not None:
            await self._task
            self._task = None

    def wake(self) -> None:
        self._wake.set()

    async def _run(self) -> None:
        import time

        last_check = last_pass = time.monotonic()
        while not self._stopping:
            if time.monotonic() - last_check > 60:
                last_check = time.monotonic()
                try:
                    await self.recover(STUCK_AFTER)
                except Exception:
                    log.exception("settling stuck outbox rows failed")
            wait = self.gather - (time.monotonic() - last_pass)
            if wait > 0:
                await asyncio.sleep(wait)
            last_pass = time.monotonic()
            try:
                n = await self._step()
            except Exception:  # the loop must survive a bad row or a database hiccup
                log.exception("outbox dispatch failed; retrying")
                n = 0
            if n == 0 and not self._stopping:
                # A wake() since this pass began is still set: no message waits a second.
                try:
                    await asyncio.wait_for(self._wake.wait(), timeout=1.0)
                except TimeoutError:
                    pass
        if self._sent:  # stopping: record what went out (a pass claims nothing now)
            try:
                await self._step()
            except Exception:
                log.exception("recording sent messages failed; they are settled at the next start")

    # --- one pass --------------------------------------------------------------------

    def _due(self, now: datetime, limit: int = 200, conn: Connection | None = None) -> list[int]:
        """Rows to send now, at most one per address (the oldest unsent), priority first."""
        if conn is None:
            with self.db.read_connection() as read:
                rows = read.execute(_WAITING, {"n": limit * 5}).all()
        else:
            rows = conn.execute(_WAITING, {"n": limit * 5}).all()
        blocked: set[tuple[str, str | None]] = set()
        due: list[tuple[int, int]] = []
        for rid, channel, address, status, next_try, prio in rows:
            key = (channel, address)
            if key in blocked:
                continue
            blocked.add(key)
            if status == "queued" and next_try <= now:
                due.append((prio, rid))
        due.sort()
        return [rid for _, rid in due[:limit]]

    def _claim(self, ids: list[int], now: datetime) -> list[OutboxRow]:
        """Claim due rows in one transaction and return them, ready to send.

        Each row is checked first (the WhatsApp window, a stopped person: see
        ``window_check``), rendered once (the parts are stored, so a retry or a crash
        recovery sends the same parts), and moved from ``queued`` to ``sending``. On
        PostgreSQL the rows are locked with SKIP LOCKED, so two workers never claim the
        same row; on SQLite the write transaction holds the database lock.
        """
        with self.db.session() as s, s.begin():
            return self._claim_in(s, ids, now)

    def _claim_in(self, s: Session, ids: list[int], now: datetime) -> list[OutboxRow]:
        claimed: list[OutboxRow] = []
        found = {r.id: r for r in s.scalars(_CLAIMABLE, {"ids": ids})}
        for rid in ids:  # in the order _due chose (priority first)
            row = found.get(rid)
            if row is None:
                continue
            checked = self._needs_check(row) and self.window_check is not None
            if checked and self.window_check(s, row, now) == "held":  # type: ignore[misc]
                continue
            sender = self.senders.get(row.channel)
            if sender is None or not row.address:
                row.status, row.error = "failed", f"channel {row.channel} is off"
                log.warning("outbox row %s failed: %s", rid, row.error)
                if self.on_result is not None:
                    self.on_result(row.channel, "failed")
                continue
            if not row.rendered:
                rendered = sender.render(row.text or "", tuple(row.options or ()), row.language)
                row.rendered = [_part(r) for r in rendered]
            row.status, row.claimed_at, row.attempts = "sending", now, row.attempts + 1
            claimed.append(row)
        s.flush()
        for row in claimed:
            s.expunge(row)
        return claimed

    @staticmethod
    def _needs_check(row: OutboxRow) -> bool:
        """Only WhatsApp (its 24-hour window) and messages the person did not just ask
        for (a stopped person gets no follow-up) need the send rules; a direct reply on
        SMS, Telegram or the web chat always goes."""
        return row.channel == Channel.WHATSAPP or row.kind != "reply"

    def _release(self, ids: list[int]) -> None:
        """Put claimed rows that were not sent back in the queue (stopping)."""
        with self.db.session() as s, s.begin():
            s.execute(
                update(OutboxRow)
                .where(OutboxRow.id.in_(ids), OutboxRow.status == "sending")
                .values(status="queued", attempts=OutboxRow.attempts - 1)
            )

    async def drain_once(self) -> int:
        """Send every row that is due now and record it; return how many were handled.

        Rows are claimed in batches and sent concurrently (``concurrency`` at a time;
        a provider's API answers in 100-300 ms, so one at a time would cap a busy
        helpline at a few messages a second). Order per address is kept: ``_due``
        returns at most one row per address, and it skips an address whose earlier
        row is still being sent.
        """
        handled = 0
        while True:
            n = await self._step()
            handled += n
            if n == 0:  # nothing more was due, and what was sent is recorded
                return handled

    async def _step(self) -> int:
        """One pass: a single trip to a worker thread records the rows sent since the
        last pass and claims the next batch due, in one transaction when there is
        something to record (one write per batch, not one per sent message and another
        per claim); then the claimed rows are sent. Returns how many were handled."""
        self._wake.clear()  # a wake() from here on asks for another pass
        sent, self._sent = self._sent, []
        try:
            rows = await asyncio.to_thread(self._pass, sent, self.clock.now(), not self._stopping)
        except BaseException:
            self._sent[:0] = sent  # not recorded: the next pass tries again
            raise
        if not rows:
            return 0
        return await self._send_all(rows)

    def _pass(self, sent: list[_Sent], now: datetime, claim: bool) -> list[OutboxRow]:
        if not sent:  # nothing to record: look without the write lock first
            ids = self._due(now)[: self.batch] if claim else []
            return self._claim(ids, now) if ids else []
        with self.db.session() as s, s.begin():
            conn = s.connection()
            self._write_sent(conn, sent, now)
            ids = self._due(now, conn=conn)[: self.batch] if claim else []
            claimed = self._claim_in(s, ids, now) if ids else []
        if self.on_result is not None:
            for b in sent:
                self.on_result(b.channel, "sent")
        return claimed

    async def _send_all(self, rows: list[OutboxRow]) -> int:
        gate = asyncio.Semaphore(self.concurrency)
        unsent: list[int] = []

        async def one(row: OutboxRow) -> None:
            async with gate:
                if self._stopping:
                    unsent.append(row.id)
                    return
                await self._send_row(row)

        await asyncio.gather(*(one(r) for r in rows))
        if unsent:
            await asyncio.to_thread(self._release, unsent)
        return len(rows) - len(unsent)

    async def _send_row(self, row: OutboxRow) -> None:
        rid = row.id
        sender = self.senders[row.channel]
        parts: list[dict[str, object]] = list(row.rendered or [])
        assert row.address is not None
        try:
            for i, part in enumerate(parts):
                if part.get("provider_id") or part.get("done"):
                    continue
                wait = self.limiter.delay(row.channel)
                if wait > 0:
                    await self._sleep(wait)
                delivery = await sender.send(row.address, _rendered(part))
                parts[i] = {**part, "provider_id": delivery.provider_id, "done": True}
                if i < len(parts) - 1:  # the last part is saved with the final status
                    await asyncio.to_thread(self._save_parts, rid, parts)
        except RateLimited as e:
            await asyncio.to_thread(
                self._retry, rid, row, timedelta(seconds=max(e.retry_after, 1.0)), e.reason
            )
            return
        except RecipientBlocked as blocked:
            finish = partial(
                self._finish,
                rid,
                status="failed",
                error=blocked.reason,
                stop_contact=row.contact_id,
            )
            await asyncio.to_thread(finish)
            return
        except PermanentFailure as failure:
            await asyncio.to_thread(
                partial(self._finish, rid, status="failed", error=failure.reason)
            )
            return
        except ChannelError as e:
            backoff = timedelta(seconds=min(5 * 2 ** max(row.attempts - 1, 0), 900))
            await asyncio.to_thread(self._retry, rid, row, backoff, e.reason)
            return
        except Exception as e:  # an unexpected client error: retry, but say what it was
            log.exception("unexpected send error on outbox row %s", rid)
            backoff = timedelta(seconds=min(5 * 2 ** max(row.attempts - 1, 0), 900))
            await asyncio.to_thread(self._retry, rid, row, backoff, f"{type(e).__name__}")
            return
        last_id = next(
            (p.get("provider_id") for p in reversed(parts) if p.get("provider_id")), None
        )
        self._sent.append(_Sent(rid, row.channel, last_id, parts))

    @staticmethod
    def _write_sent(conn: Connection, batch: list[_Sent], now: datetime) -> None:
        params = [{"rid": b.id, "at": now, "pid": b.provider_id, "parts": b.parts} for b in batch]
        conn.execute(_MARK_SENT, params)
        # A person erased while their last message waited: scrub it now.
        conn.execute(_SCRUB_ERASED, {"ids": [b.id for b in batch]})

    def _save_parts(self, rid: int, parts: list[dict[str, object]]) -> None:
        with self.db.session() as s, s.begin():
            s.execute(update(OutboxRow).where(OutboxRow.id == rid).values(rendered=parts))

    def _retry(self, rid: int, row: OutboxRow, after: timedelta, reason: str) -> None:
        now = self.clock.now()
        if now - row.created_at > GIVE_UP_AFTER:
            self._finish(rid, status="failed", error=f"gave up after 24 hours: {reason}")
            return
        if self.on_result is not None:
            self.on_result(row.channel, "retry")
        with self.db.session() as s, s.begin():
            s.execute(
                update(OutboxRow)
                .where(OutboxRow.id == rid)
                .values(status="queued", next_try_at=now + after, error=reason)
            )

    def _finish(
        self,
        rid: int,
        *,
        status: str,
        error: str | None = None,
        provider_id: str | None = None,
        stop_contact: int | None = None,
        parts: list[dict[str, object]] | None = None,
    ) -> None:
        now = self.clock.now()
        if status == "failed":
            log.warning("outbox row %s failed: %s", rid, error)
        values: dict[str, object] = {"status": status, "error": error}
        if provider_id:
            values["provider_id"] = provider_id
        if status == "sent":
            values["sent_at"] = now
        if parts is not None:
            values["rendered"] = parts
        with self.db.session() as s, s.begin():
            conn = s.connection()
            done = conn.execute(
                update(_OUTBOX)
                .where(_OUTBOX.c.id == rid)
                .values(values)
                .returning(_OUTBOX.c.channel, _OUTBOX.c.contact_id)
            ).first()
            if done is None:
                return
            if self.on_result is not None:
                self.on_result(done.channel, status)
            conn.execute(_SCRUB_ERASED, {"ids": [rid]})
            if stop_contact is not None:
                conn.execute(
                    update(Contact.__table__)
                    .where(Contact.__table__.c.id == stop_contact)
                    .values(stopped=True)
                )


def _part(r: Rendered) -> dict[str, object]:
    return {
        "text": r.text,
        "buttons": list(r.buttons),
        "template_sid": r.template_sid,
        "template_vars": [list(kv) for kv in r.template_vars],
        "segments": r.segments,
    }


def _rendered(p: Mapping[str, object]) -> Rendered:
    tv = p.get("template_vars") or []
    return Rendered(
        text=str(p.get("text") or ""),
        buttons=tuple(p.get("buttons") or ()),  # type: ignore[arg-type]
        template_sid=p.get("template_sid"),  # type: ignore[arg-type]
        template_vars=tuple((str(k), str(v)) for k, v in tv),  # type: ignore[misc]
        segments=int(p.get("segments") or 0),  # type: ignore[call-overload]
    )
