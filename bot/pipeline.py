"""The way of one message: the same path for every channel.

    dedupe (read) -> crisis check + NLU (on the text alone, before anything else)
    -> one transaction: contact (locked) -> store inbound -> control words
       -> human holds it? -> dialog engine -> effects -> outbox -> commit
    -> acknowledge the provider -> dispatcher sends

Storing and answering commit together: the provider is acknowledged only after the
commit, so a crash before it stores nothing and the provider redelivers. When the
dialog fails, the transaction is rolled back, the message is stored on its own and
the fallback answers honestly and hands over (nothing is lost). The design drew the
inbound committed in a transaction of its own first; one transaction halves the work
of a turn and keeps the same promise ("nothing acknowledged that is not stored").

A turn runs in a worker thread (on SQLite one thread for all turns: it writes one at a
time anyway); one turn at a time per person (an asyncio lock in this process, a row
lock on the contact across PostgreSQL workers, the write lock on SQLite).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import defaultdict
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import asdict, dataclass, fields, replace
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.exc import IntegrityError, InterfaceError, OperationalError
from sqlalchemy.orm import Session

from bot import stats
from bot.clock import Clock
from bot.contacts import (
    address_for,
    canonical_address,
    find_or_create_contact,
    known_contact_and_conversation,
    lock_known_contact,
)
from bot.effects import TurnContext, apply_effects, load_open_plan
from bot.messages import Channel, Inbound, Reply
from bot.outbox import Queued, enqueue
from bot.ports import TurnResult
from bot.privacy import erase_contact
from bot.routing import offer
from bot.texts import text
from bot.when import when_text
from config.hours import is_open, next_opening
from config.profile import Profile
from dialogs import api as d
from dialogs.api import State
from nlu.api import Understander, Understanding
from storage.db import Database
from storage.fast import Prepared, columns_of, loaded, session_connection
from storage.models import (
    Contact,
    Conversation,
    ConversationEvent,
    FollowUp,
    Handoff,
    Identity,
    Message,
    OutboxRow,
    Task,
)
from storage.rows import append, append_many, write_changes

__all__ = ["Pipeline", "Stored"]

log = logging.getLogger("voordeur.pipeline")

#: A conversation the bot holds, quiet this long, is closed; the next message starts anew.
IDLE_CLOSE = timedelta(days=14)
#: The flood check counts a person's messages over this window (INBOUND_RATE_PER_MINUTE).
FLOOD_WINDOW = timedelta(minutes=1)
#: A message this soon after the bot closed a conversation continues it.
REOPEN_WITHIN = timedelta(hours=1)

# Statements of every turn, built and compiled once (building a statement costs more
# than running it; storage.fast runs them on the driver's cursor).
_KNOWN = Prepared(
    select(Message.id, Message.contact_id, Message.handled_at).where(
        Message.channel == bindparam("channel"), Message.provider_id == bindparam("provider_id")
    )
)
_EARLIER_CONVERSATIONS = (
    select(func.count())
    .select_from(Conversation)
    .where(Conversation.contact_id == bindparam("contact"), Conversation.id != bindparam("conv"))
)
_RECENT_INBOUND = select(func.count()).where(
    Message.contact_id == bindparam("contact"),
    Message.direction == "in",
    Message.created_at > bindparam("since"),
)
_FIRED_FOLLOWUPS = (
    select(FollowUp.id)
    .where(FollowUp.contact_id == bindparam("contact"), FollowUp.status == "fired")
    .exists()
)
#: What a person's turn needs to know, in one round trip: messages in the last minute
#: (the flood check), earlier conversations (a returning person) and whether a follow-up
#: waits for an answer (only then is one marked answered: no UPDATE on every turn).
_TURN_COUNTS = Prepared(
    select(
        _RECENT_INBOUND.scalar_subquery(),
        _EARLIER_CONVERSATIONS.scalar_subquery(),
        _FIRED_FOLLOWUPS,
    )
)
_CRISIS_WAITING = Prepared(
    select(Handoff.id).where(
        Handoff.conversation_id == bindparam("conv"),
        Handoff.status == "waiting",
        Handoff.reason == "crisis",
    )
)
_ANSWER_FOLLOWUPS = Prepared(
    update(FollowUp)
    .where(FollowUp.contact_id == bindparam("contact"), FollowUp.status == "fired")
    .values(status="answered", answered_at=bindparam("now"))
)
_OPEN_CONVERSATION = Prepared(
    select(*columns_of(Conversation))
    .where(Conversation.contact_id == bindparam("contact"), Conversation.closed_at.is_(None))
    .order_by(Conversation.id.desc())
    .limit(1)
)
_LAST_CONVERSATION = (
    select(Conversation)
    .where(Conversation.contact_id == bindparam("contact"))
    .order_by(Conversation.id.desc())
    .limit(1)
)
#: The person's language, the open conversation (the question the bot last asked) and,
#: in the same round trip, the message if it was stored before (a redelivery: unique on
#: channel and provider id, so it adds no rows).
_PERSON = Prepared(
    select(
        Contact.language,
        Conversation.state,
        Conversation.owner,
        Conversation.updated_at,
        Message.id,
        Message.contact_id,
        Message.handled_at,
    )
    .select_from(Identity)
    .join(Contact, Identity.contact_id == Contact.id)
    .outerjoin(
        Conversation,
        (Conversation.contact_id == Contact.id) & Conversation.closed_at.is_(None),
    )
    .outerjoin(
        Message,
        (Message.channel == bindparam("channel"))
        & (Message.provider_id == bindparam("provider_id")),
    )
    .where(Identity.channel == bindparam("channel"), Identity.address == bindparam("address"))
    .order_by(Conversation.id.desc())
    .limit(1)
)
#: Columns of a _PERSON row.
_LANGUAGE, _STATE, _OWNER, _UPDATED_AT = range(4)


@dataclass(frozen=True, slots=True)
class Stored:
    message_id: int | None
    contact_id: int | None
    duplicate: bool
    handled: bool


class _KeyedLocks:
    def __init__(self) -> None:
        self._locks: defaultdict[str, asyncio.Lock] = defaultdict(asyncio.Lock)
        self._users: defaultdict[str, int] = defaultdict(int)

    async def run(self, key: str, fn: Callable[[], object]) -> object:
        self._users[key] += 1
        try:
            async with self._locks[key]:
                return await fn()  # type: ignore[misc]
        finally:
            self._users[key] -= 1
            if self._users[key] == 0:
                del self._users[key]
                self._locks.pop(key, None)


class Pipeline:
    """Turns inbound messages and scheduled events into stored replies in the outbox."""

    def __init__(
        self,
        db: Database,
        understander: Understander,
        engine: object,
        profile: Profile,
        clock: Clock,
        *,
        rate_per_minute: int = 20,
        on_outbox: Callable[[], None] | None = None,
        on_event: Callable[[str, dict[str, object]], None] | None = None,
    ) -> None:
        self.db = db
        self.nlu = understander
        self.engine = engine
        #: The loaded dialogs (which question was asked last); kept apart from the
        #: engine, which the simulator and tests may wrap.
        self.dialogs = getattr(engine, "dialogs", None)
        self.profile = profile
        self.clock = clock
        self.rate_per_minute = rate_per_minute
        self.on_outbox = on_outbox
        self.on_event = on_event
        self._locks = _KeyedLocks()
        #: Prometheus counters (bot.metrics.Metrics), set by the web app.
        self.metrics: Any = None
        #: Where turns run (set by the web app); None: the event loop's default pool.
        self.turn_executor: Executor | None = None
        #: A child process that runs turns (``bot.turn_process``, TURN_PROCESS=true).
        self.turn_process: Any = None

    # --- entry point for channels ----------------------------------------------------

    async def handle(self, inbound: Inbound) -> TurnResult:
        try:
            address = canonical_address(Channel(inbound.channel), inbound.address)
        except ValueError as e:
            raise ValueError(f"bad address: {e}") from None
        inbound = _storable(replace(inbound, address=address))

        async def work() -> TurnResult:
            if self.turn_process is not None:
                result, events = await self.turn_process.respond(inbound)
                if self.on_event is not None:
                    for kind, data in events:
                        self.on_event(kind, data)
                return result
            if self.turn_executor is None:
                return await asyncio.to_thread(self.respond, inbound)
            loop = asyncio.get_running_loop()
            return await loop.run_in_executor(self.turn_executor, self.respond, inbound)

        started = time.perf_counter()
        result = await self._locks.run(f"{inbound.channel}:{address}", work)
        assert isinstance(result, TurnResult)
        if self.metrics is not None:
            self.metrics.inbound.labels(channel=str(inbound.channel)).inc()
            self.metrics.turn.observe(time.perf_counter() - started)
        self._after_turn(result)
        return result

    def handle_sync(self, inbound: Inbound) -> TurnResult:
        """The same path without an event loop (simulator, terminal chat)."""
        address = canonical_address(Channel(inbound.channel), inbound.address)
        inbound = _storable(replace(inbound, address=address))
        result = self.respond(inbound)
        self._after_turn(result)
        return result

    def _after_turn(self, result: TurnResult) -> None:
        if result.replies and self.on_outbox is not None:
            self.on_outbox()

    # --- the usual way: store and answer in one transaction -------------------------

    def respond(self, inbound: Inbound) -> TurnResult:
        """Store the message and answer it, committed together.

        NLU (the crisis check first) runs before the transaction, on the text alone.
        Storing and answering commit as one: the provider is acknowledged only after
        that commit, so a crash before it leaves nothing half done and the provider
        redelivers. When the dialog fails, the transaction is rolled back and the
        message is stored on its own and answered by the fallback: nothing is lost.
        """
        known, language, relief = self._look_up(inbound)
        if known is not None and known.handled:
            return TurnResult(stored=True, duplicate=True, contact_id=known.contact_id)
        if known is not None:  # stored earlier, never answered (a crash mid-turn)
            assert known.message_id is not None
            return replace(self.turn(known.message_id), duplicate=True)
        understanding = self._understand(inbound.text, language, relief_answer=relief)
        try:
            return self._store_and_turn(inbound, understanding)
        except IntegrityError:
            # The same provider message arrived on another worker a moment ago.
            stored = self.store(inbound)
            if stored.handled or stored.message_id is None:
                return TurnResult(stored=True, duplicate=True, contact_id=stored.contact_id)
            return replace(self.turn(stored.message_id), duplicate=stored.duplicate)
        except (OperationalError, InterfaceError):
            raise  # the database is unreachable: not stored, so not acknowledged (503)
        except Exception:
            log.exception("turn failed for a message on %s", inbound.channel)
            stored = self.store(inbound)
            if stored.handled or stored.message_id is None:
                return TurnResult(stored=True, duplicate=True, contact_id=stored.contact_id)
            return self._fallback(stored.message_id, understanding)

    def _look_up(self, inbound: Inbound) -> tuple[Stored | None, str | None, bool]:
        """Without the write lock: is this a redelivered message (same provider id), the
        person's known language (a hint for NLU), and whether the message answers a
        question whose answers describe relief (``relief_answers`` in the dialog)."""
        channel = str(inbound.channel)
        params = {"channel": channel, "provider_id": inbound.provider_id}
        with self.db.read_connection() as conn:
            person = _PERSON.one(conn, {**params, "address": inbound.address})
            known = person[4:] if person is not None else None
            if person is None and inbound.provider_id:  # someone new (or erased meanwhile)
                known = _KNOWN.one(conn, params)
        language, relief = None, False
        if person is not None:
            language = person[_LANGUAGE]
            relief = self._asked_for_relief(person)
        if known is None or known[0] is None:
            return None, language, relief
        return Stored(known[0], known[1], True, known[2] is not None), language, relief

    def _asked_for_relief(self, person: tuple[Any, ...]) -> bool:
        """The bot's last question (still open, not taken over by a person) is one whose
        answers describe relief ("dan heb ik meer rust")."""
        state = person[_STATE] or {}
        updated_at = person[_UPDATED_AT]
        if person[_OWNER] != "bot" or not state.get("flow") or updated_at is None:
            return False
        if self.clock.now() - updated_at > IDLE_CLOSE:
            return False  # the conversation is closed and a new one starts
        if self.dialogs is None:
            return False
        flow = self.dialogs.flows.get(state["flow"])
        step = flow.steps.get(state.get("step") or "") if flow is not None else None
        return step is not None and step.relief_answers

    def _store_and_turn(self, inbound: Inbound, u: Understanding) -> TurnResult:
        now = self.clock.now()
        at = inbound.received_at or now
        with self.db.session() as s, s.begin():
            contact, conv = self._person_and_conversation(s, inbound, now)
            append(
                s,
                Message,
                {
                    "conversation_id": conv.id,
                    "contact_id": contact.id,
                    "direction": "in",
                    "channel": inbound.channel,
                    "provider_id": inbound.provider_id,
                    "text": inbound.text,
                    "options": [],
                    "author": "person",
                    "created_at": at,
                    "handled_at": now,
                },
            )
            self._note_inbound(s, contact, conv, inbound, at, now)
            return self._answer(
                s, contact, conv, inbound.channel, inbound.text, u, now, address=inbound.address
            )

    def _person_and_conversation(
        self, s: Session, inbound: Inbound, now: datetime
    ) -> tuple[Contact, Conversation]:
        """The person (found or created, their lock held for the rest of the turn) and
        their open conversation (continued or started)."""
        if self.db.is_sqlite:
            # The write lock is held from BEGIN on, so a known person (the usual case)
            # and their open conversation are read in one query.
            found = known_contact_and_conversation(s, inbound)
            if found is not None:
                contact, conv = found
                return contact, self._continue_or_start(s, contact, conv, now, inbound.channel)
            contact, created = self._contact_for(
                s, inbound, now, known_absent=not inbound.shared_phone
            )
        else:
            contact, created = self._contact_for(s, inbound, now)
        conv = self._open_conversation(
            s, contact, now, channel=inbound.channel, new_contact=created
        )
        return contact, conv

    def _contact_for(
        self, s: Session, inbound: Inbound, now: datetime, *, known_absent: bool = False
    ) -> tuple[Contact, bool]:
        """Find or create the person, holding their lock for the rest of the turn;
        whether they are new. ``known_absent``: the address was just looked up."""
        absent = known_absent
        if not self.db.is_sqlite:  # the usual case: a known person, found and locked at once
            known = lock_known_contact(s, inbound)
            if known is not None:
                return known, False
            absent = not inbound.shared_phone
        contact, created = find_or_create_contact(s, inbound, now, known_absent=absent)
        if created:
            stats.record(
                s, "contact_new", now, contact, channel=inbound.channel, value=contact.source
            )
        elif not self.db.is_sqlite:  # one turn at a time per person across workers
            locked = self._lock_contact(s, contact.id)
            assert locked is not None
            contact = locked
        return contact, created

    @staticmethod
    def _note_inbound(
        s: Session,
        contact: Contact,
        conv: Conversation,
        inbound: Inbound,
        at: datetime,
        now: datetime,
    ) -> None:
        contact.last_channel = inbound.channel
        contact.last_inbound_at = at
        contact.last_activity_at = now
        if inbound.display_name and not contact.name:
            contact.name = inbound.display_name
        conv.channel = inbound.channel
        conv.updated_at = now
        stats.record(s, "inbound", now, contact, channel=inbound.channel)

    # --- step 1: store, committed before anything else ------------------------------

    def store(self, inbound: Inbound) -> Stored:
        now = self.clock.now()
        at = inbound.received_at or now
        with self.db.session() as s:
            try:
                with s.begin():
                    if inbound.provider_id:
                        existing = s.execute(
                            select(Message.id, Message.contact_id, Message.handled_at).where(
                                Message.channel == inbound.channel,
                                Message.provider_id == inbound.provider_id,
                            )
                        ).first()
                        if existing is not None:
                            return Stored(existing[0], existing[1], True, existing[2] is not None)
                    contact, created = find_or_create_contact(s, inbound, now)
                    if created:
                        stats.record(
                            s,
                            "contact_new",
                            now,
                            contact,
                            channel=inbound.channel,
                            value=contact.source,
                        )
                    conv = self._open_conversation(s, contact, now, channel=inbound.channel)
                    msg = Message(
                        conversation_id=conv.id,
                        contact_id=contact.id,
                        direction="in",
                        channel=inbound.channel,
                        provider_id=inbound.provider_id,
                        text=inbound.text,
                        options=[],
                        author="person",
                        created_at=at,
                    )
                    s.add(msg)
                    self._note_inbound(s, contact, conv, inbound, at, now)
                    s.flush()
                    return Stored(msg.id, contact.id, False, False)
            except IntegrityError:
                # Another worker stored the same provider message a moment ago.
                s.rollback()
                row = s.execute(
                    select(Message.id, Message.contact_id, Message.handled_at).where(
                        Message.channel == inbound.channel,
                        Message.provider_id == inbound.provider_id,
                    )
                ).first()
                if row is None:
                    raise
                return Stored(row[0], row[1], True, row[2] is not None)

    def _open_conversation(
        self,
        s: Session,
        contact: Contact,
        now: datetime,
        channel: str | None = None,
        *,
        new_contact: bool = False,
    ) -> Conversation:
        """The person's open conversation, or a new one (``new_contact``: the person was
        created in this transaction, so they have none to look up)."""
        conv = None
        if not new_contact:
            s.flush()  # as a query would (autoflush)
            row = _OPEN_CONVERSATION.one(session_connection(s), {"contact": contact.id})
            conv = None if row is None else loaded(s, Conversation, row)
        return self._continue_or_start(s, contact, conv, now, channel, new_contact=new_contact)

    def _continue_or_start(
        self,
        s: Session,
        contact: Contact,
        conv: Conversation | None,
        now: datetime,
        channel: str | None,
        *,
        new_contact: bool = False,
    ) -> Conversation:
        """Continue the open conversation ``conv`` (None: the person has none), or one the
        bot closed a moment ago, or start a new one."""
        if conv is not None and conv.owner == "bot" and now - conv.updated_at > IDLE_CLOSE:
            conv.owner, conv.closed_at = "closed", now
            conv.outcome = {**(conv.outcome or {}), "bot": "idle"}
            conv = None
        if conv is None and not new_contact:
            conv = self._recently_closed_by_bot(s, contact, now)
        if conv is None:
            conv = Conversation(
                contact_id=contact.id,
                owner="bot",
                # A new conversation starts in the person's known language (a follow-up
                # or a hand-back has no text to detect it from).
                state=State(language=contact.language or "nl").to_json(),
                topics=[],
                literal_topics=[],
                deeper_topics=[],
                language=contact.language,
                created_at=now,
                updated_at=now,
            )
            s.add(conv)
            s.flush()
            earlier = 0 if new_contact else _earlier_conversations(s, contact, conv)
            stats.record(
                s,
                "conversation_started",
                now,
                contact,
                channel=channel,
                value="returning" if earlier else "first",
            )
        return conv

    @staticmethod
    def _recently_closed_by_bot(s: Session, contact: Contact, now: datetime) -> Conversation | None:
        """A "dank u" just after the bot's goodbye belongs to that conversation."""
        last = s.scalar(_LAST_CONVERSATION, {"contact": contact.id})
        if (
            last is not None
            and last.closed_at is not None
            and now - last.closed_at < REOPEN_WITHIN
            and (last.outcome or {}).get("bot")
            and "by_staff" not in (last.outcome or {})
        ):
            last.closed_at, last.owner = None, "bot"
            return last
        return None

    # --- step 2: the turn -----------------------------------------------------------

    def turn(self, message_id: int) -> TurnResult:
        with self.db.reader() as s:
            row = s.execute(
                select(Message.contact_id, Message.conversation_id, Message.text, Contact.language)
                .outerjoin(Contact, Contact.id == Message.contact_id)
                .where(Message.id == message_id)
            ).first()
        if row is None:  # erased in the meantime
            return TurnResult(stored=True, duplicate=True)
        contact_id, conv_id, text_in, language = row
        # Safety first: the crisis check (and all of NLU) runs before anything else, and
        # outside the transaction so a failing dialog can still use its result.
        understanding = self._understand(text_in, language)
        try:
            return self._turn(message_id, contact_id, understanding)
        except Exception:
            log.exception("turn failed for conversation %s", conv_id)
            return self._fallback(message_id, understanding)

    def _understand(
        self, text_in: str, hint: str | None, *, relief_answer: bool = False
    ) -> Understanding:
        try:
            return self.nlu.understand(text_in, language_hint=hint, relief_answer=relief_answer)
        except Exception:
            log.exception("NLU failed; using the crisis check alone")
            from nlu.crisis import detect

            return Understanding(text=text_in, crisis=detect(text_in))

    def _lock_contact(self, s: Session, contact_id: int) -> Contact | None:
        stmt = select(Contact).where(Contact.id == contact_id)
        if not self.db.is_sqlite:
            # Locked, and read again under the lock: another worker may have changed
            # the person since this session first loaded them.
            stmt = stmt.with_for_update().execution_options(populate_existing=True)
        return s.scalar(stmt)

    def _turn(self, message_id: int, contact_id: int | None, u: Understanding) -> TurnResult:
        now = self.clock.now()
        with self.db.session() as s, s.begin():
            # Lock the person first (one turn at a time), then read the message as it is.
            contact = self._lock_contact(s, contact_id) if contact_id is not None else None
            msg = s.get(Message, message_id)
            if msg is None or msg.contact_id is None or contact is None:
                return TurnResult(stored=True, duplicate=True)
            if msg.contact_id != contact.id:  # merged into another contact meanwhile
                contact = self._lock_contact(s, msg.contact_id)
                if contact is None:
                    return TurnResult(stored=True, duplicate=True)
            if msg.handled_at is not None:  # another worker answered it
                return TurnResult(stored=True, duplicate=True, contact_id=contact.id)
            conv = s.get(Conversation, msg.conversation_id)
            assert conv is not None
            msg.handled_at = now
            return self._answer(s, contact, conv, msg.channel, msg.text, u, now)

    def _answer(
        self,
        s: Session,
        contact: Contact,
        conv: Conversation,
        channel: str,
        text_in: str,
        u: Understanding,
        now: datetime,
        *,
        address: str | None = None,
    ) -> TurnResult:
        """The turn proper, for a stored message, inside the caller's transaction."""
        if u.crisis is not None:
            self._log(s, conv, now, "CrisisDetected", kind=u.crisis.value)
            stats.record(s, "crisis", now, contact, channel=channel, value=u.crisis.value)
        self._release_held(s, contact, channel)
        params = {"contact": contact.id, "conv": conv.id, "since": now - FLOOD_WINDOW}
        row = _TURN_COUNTS.one(session_connection(s), params)
        assert row is not None
        recent, earlier, followup_fired = row
        if followup_fired:
            self._mark_followups_answered(s, contact, now)
        stopped_now = contact.stopped and u.crisis is None
        if stopped_now and u.control is not None and u.control.value in ("start", "delete"):
            stopped_now = False
        if stopped_now:
            self._log(s, conv, now, "PersonWroteWhileStopped")
            return TurnResult(
                stored=True, contact_id=contact.id, conversation_id=conv.id, stopped=True
            )
        if u.crisis is None and (recent or 0) > self.rate_per_minute:
            return self._flood(s, contact, conv, channel, now)
        person = self._person(s, contact, conv, channel, earlier=earlier)
        if conv.owner == "waiting" and (u.crisis or u.crisis_doubt or u.crisis_lean) is not None:
            person = replace(person, crisis_waiting=self._crisis_waiting(s, conv))
        event = d.PersonWrote(text=text_in, understanding=u, at=now, person=person)
        result = self._decide(s, contact, conv, event, channel, now, kind="reply", address=address)
        if conv.owner in ("human", "waiting") and self.on_event is not None:
            self.on_event("message", {"conversation_id": conv.id})
        return result

    @staticmethod
    def _crisis_waiting(s: Session, conv: Conversation) -> bool:
        """Whether an urgent crisis handoff of the conversation waits for a professional."""
        return _CRISIS_WAITING.one(session_connection(s), {"conv": conv.id}) is not None

    def _person(
        self,
        s: Session,
        contact: Contact,
        conv: Conversation,
        channel: str,
        *,
        earlier: int | None = None,
    ) -> d.PersonContext:
        if earlier is None:
            earlier = _earlier_conversations(s, contact, conv)
        return d.PersonContext(
            returning=bool(earlier),
            consent=contact.consent,
            name=contact.name,
            neighbourhood=contact.neighbourhood,
            open_plan=load_open_plan(s, contact.id),
            channel=channel,
            held_by_human=conv.owner == "human",
        )

    def _decide(
        self,
        s: Session,
        contact: Contact,
        conv: Conversation,
        event: d.Event,
        channel: str,
        now: datetime,
        *,
        kind: str,
        address: str | None = None,
    ) -> TurnResult:
        state = d.State.from_json(conv.state)
        decision = self.engine.decide(state, event)  # type: ignore[attr-defined]
        append_many(
            s,
            ConversationEvent,
            [
                {
                    "conversation_id": conv.id,
                    "at": now,
                    "type": type(e).__name__,
                    "data": _entry_data(e),
                }
                for e in decision.log
            ],
        )
        conv.state = decision.state.to_json()
        conv.language = decision.state.language
        contact.language = decision.state.language
        conv.updated_at = now
        ctx = TurnContext(
            session=s,
            contact=contact,
            conversation=conv,
            now=now,
            profile=self.profile,
            channel=channel,
            language=decision.state.language,
        )
        apply_effects(ctx, decision.effects)
        # Reports asked for ("mijn plan", "mijn gegevens") come before the dialog's own
        # words, which then ask the open question again.
        replies = (*ctx.extra_replies, *decision.replies)
        replies = replies + self._after_hours(s, ctx, decision.state)
        if address is None:  # a reply goes to where the message came from
            address = address_for(s, contact, channel)
        contact_id, conv_id = contact.id, conv.id
        rows: list[Queued] = []
        for reply in replies:
            rows.append(
                enqueue(
                    s,
                    reply=reply,
                    channel=channel,
                    address=address,
                    now=now,
                    contact_id=contact_id,
                    conversation_id=conv_id,
                    language=decision.state.language,
                    kind=kind,
                )
            )
        if ctx.erase:
            erase_contact(s, contact_id, keep_outbox=frozenset(r.id for r in rows))
        else:  # the end of the turn: the two rows every turn changes, written plainly
            write_changes(s, conv)
            write_changes(s, contact)
        if ctx.handoffs and self.on_event is not None:
            for h in ctx.handoffs:
                self.on_event("handoff", {"handoff_id": h.id, "priority": h.priority})
        return TurnResult(
            stored=True,
            contact_id=None if ctx.erase else contact_id,
            conversation_id=None if ctx.erase else conv_id,
            replies=tuple(replies),
        )

    def _after_hours(self, s: Session, ctx: TurnContext, state: d.State) -> tuple[Reply, ...]:
        """A handoff outside opening hours: say when someone responds, plan a call-back."""
        normal = [h for h in ctx.handoffs if h.priority != "urgent"]
        if not normal or is_open(ctx.now, self.profile):
            return ()
        opening = next_opening(ctx.now, self.profile)
        for h in normal:
            stats.record(s, "task_opened", ctx.now, ctx.contact, value="after_hours")
            s.add(
                Task(
                    contact_id=ctx.contact.id,
                    conversation_id=ctx.conversation.id,
                    kind="callback",
                    urgent=False,
                    due_at=opening,
                    status="open",
                    note=f"handoff {h.id}: buiten openingstijden",
                    created_at=ctx.now,
                )
            )
        event = d.HandoffWaiting(
            at=ctx.now,
            after_hours=True,
            expected=when_text(opening, ctx.now, state.language, self.profile.timezone),
        )
        decision = self.engine.decide(state, event)  # type: ignore[attr-defined]
        ctx.conversation.state = decision.state.to_json()
        return tuple(decision.replies)

    # --- events that do not come from a person ---------------------------------------

    def run_event(
        self,
        contact_id: int,
        make_event: Callable[[d.PersonContext, datetime], d.Event],
        *,
        kind: str,
        channel: str | None = None,
        claim: Callable[[Session, Contact], bool] | None = None,
    ) -> TurnResult:
        """Feed a scheduled or staff event (follow-up due, handed back) to the engine.

        ``claim`` runs first in the same transaction (e.g. marking a follow-up fired);
        when it returns False nothing happens. Claim and replies commit together, so a
        crash can neither lose nor double the event.
        """
        now = self.clock.now()
        with self.db.session() as s, s.begin():
            contact = self._lock_contact(s, contact_id)
            if contact is None:
                return TurnResult(stored=False)
            if claim is not None and not claim(s, contact):
                return TurnResult(stored=False)
            conv = self._open_conversation(s, contact, now)
            ch = channel or _reply_channel(contact.last_channel)
            person = self._person(s, contact, conv, ch)
            result = self._decide(s, contact, conv, make_event(person, now), ch, now, kind=kind)
        self._after_turn(result)
        return result

    # --- recovery and failure --------------------------------------------------------

    def unhandled(self) -> list[int]:
        """Inbound messages stored but never answered (a crash mid-turn)."""
        with self.db.reader() as s:
            return list(
                s.scalars(
                    select(Message.id)
                    .where(Message.direction == "in", Message.handled_at.is_(None))
                    .order_by(Message.id)
                )
            )

    def recover(self) -> int:
        ids = self.unhandled()
        for mid in ids:
            self.turn(mid)
        return len(ids)

    def _fallback(self, message_id: int, u: Understanding) -> TurnResult:
        """The turn failed: tell the person honestly, keep everything, ask a human."""
        now = self.clock.now()
        with self.db.session() as s, s.begin():
            msg = s.get(Message, message_id)
            if msg is None or msg.contact_id is None:
                return TurnResult(stored=True)
            contact = s.get(Contact, msg.contact_id)
            conv = s.get(Conversation, msg.conversation_id)
            if contact is None or conv is None:
                return TurnResult(stored=True)
            msg.handled_at = now
            lang = contact.language or "nl"
            key = "fallback_crisis" if u.crisis is not None else "fallback"
            reply = Reply(text(key, lang))
            handoff = Handoff(
                conversation_id=conv.id,
                contact_id=contact.id,
                role="professional" if u.crisis else "coordinator",
                priority="urgent" if u.crisis else "normal",
                topics=list(conv.topics or []),
                summary="De computer liep vast in dit gesprek. Lees het gesprek na.",
                reason="error",
                crisis_kind=u.crisis.value if u.crisis else None,
                created_at=now,
                language=lang,
            )
            s.add(handoff)
            s.flush()
            offer(s, handoff, now)
            conv.owner = "waiting" if conv.owner == "bot" else conv.owner
            self._log(s, conv, now, "TurnFailed")
            enqueue(
                s,
                reply=reply,
                channel=msg.channel,
                address=address_for(s, contact, msg.channel),
                now=now,
                contact_id=contact.id,
                conversation_id=conv.id,
                language=lang,
            )
            result = TurnResult(
                stored=True, contact_id=contact.id, conversation_id=conv.id, replies=(reply,)
            )
        self._after_turn(result)
        return result

    # --- small helpers ---------------------------------------------------------------

    def _flood(
        self, s: Session, contact: Contact, conv: Conversation, channel: str, now: datetime
    ) -> TurnResult:
        noticed = s.scalar(
            select(func.count()).where(
                ConversationEvent.conversation_id == conv.id,
                ConversationEvent.type == "FloodNoticed",
                ConversationEvent.at > now - timedelta(minutes=10),
            )
        )
        replies: tuple[Reply, ...] = ()
        if not noticed:
            self._log(s, conv, now, "FloodNoticed")
            reply = Reply(text("flood", contact.language or "nl"))
            enqueue(
                s,
                reply=reply,
                channel=channel,
                address=address_for(s, contact, channel),
                now=now,
                contact_id=contact.id,
                conversation_id=conv.id,
                language=contact.language or "nl",
            )
            replies = (reply,)
        return TurnResult(
            stored=True, contact_id=contact.id, conversation_id=conv.id, replies=replies
        )

    @staticmethod
    def _mark_followups_answered(s: Session, contact: Contact, now: datetime) -> None:
        """The person wrote after a follow-up: it is answered, the silence ladder stops."""
        _ANSWER_FOLLOWUPS.execute(
            session_connection(s), {"contact": contact.id, "now": now}
        ).close()

    def _release_held(self, s: Session, contact: Contact, channel: str) -> None:
        """The person wrote on WhatsApp: messages held for the 24-hour window may go."""
        if channel != Channel.WHATSAPP:
            return
        for row in s.scalars(
            select(OutboxRow).where(OutboxRow.contact_id == contact.id, OutboxRow.status == "held")
        ):
            row.status = "queued"

    @staticmethod
    def _log(s: Session, conv: Conversation, now: datetime, type_: str, **data: object) -> None:
        append(
            s,
            ConversationEvent,
            {"conversation_id": conv.id, "at": now, "type": type_, "data": data},
        )


def _earlier_conversations(s: Session, contact: Contact, conv: Conversation) -> int:
    """How many conversations the person had besides this one (a returning person)."""
    params = {"contact": contact.id, "conv": conv.id}
    return int(s.connection().execute(_EARLIER_CONVERSATIONS, params).scalar() or 0)


def _storable(inbound: Inbound) -> Inbound:
    """Texts are kept literally, except NUL, which PostgreSQL cannot store and no
    messaging channel gives meaning: it becomes U+FFFD (the replacement character)."""
    if "\x00" in inbound.text:
        return replace(inbound, text=inbound.text.replace("\x00", "\ufffd"))
    return inbound


def _reply_channel(last: str | None) -> str:
    """Follow-ups go where the person last wrote; a phone call is answered by SMS."""
    if last is None or last == Channel.VOICE:
        return Channel.SMS
    return last


_PLAIN = (str, int, float, bool, type(None))


def _entry_data(entry: object) -> dict[str, object]:
    """A log entry's fields as a dict (``dataclasses.asdict``, which copies deeply and
    cost more than storing the entry: a shallow dict when every value is plain)."""
    names = _field_names(type(entry))
    data = {name: getattr(entry, name) for name in names}
    if all(type(v) in _PLAIN for v in data.values()):
        return data
    return asdict(entry)  # type: ignore[call-overload,no-any-return]


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))
