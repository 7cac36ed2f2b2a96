"""What staff do with a conversation: take it, reply, write a note, hand it back, close.

Used by the console and by ``voordeur simulate``. Every action is audited. A
conversation is held by at most one person: taking is an atomic conditional update.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot import stats
from bot.contacts import address_for
from bot.messages import Reply
from bot.outbox import enqueue
from bot.pipeline import Pipeline, _reply_channel
from dialogs import api as d
from storage.models import (
    AuditEntry,
    Contact,
    Conversation,
    ConversationEvent,
    Handoff,
    Note,
    Staff,
)

__all__ = ["AlreadyTaken", "NotAllowed", "StaffActions", "audit"]


class AlreadyTaken(Exception):
    def __init__(self, holder: str) -> None:
        super().__init__(f"already taken by {holder}")
        self.holder = holder


class NotAllowed(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def audit(
    s: Session,
    at: datetime,
    staff: Staff | None,
    action: str,
    *,
    contact_id: int | None = None,
    conversation_id: int | None = None,
    detail: str | None = None,
) -> None:
    s.add(
        AuditEntry(
            at=at,
            staff_id=staff.id if staff else None,
            action=action,
            contact_id=contact_id,
            conversation_id=conversation_id,
            on_behalf_of=staff.role if staff else None,
            detail=detail,
        )
    )


@dataclass(frozen=True, slots=True)
class Outcome:
    helped_by: tuple[str, ...]
    deeper_addressed: bool | None = None
    note: str | None = None


class StaffActions:
    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        self.db = pipeline.db
        self.clock = pipeline.clock

    def _log(self, s: Session, conv: Conversation, type_: str, **data: object) -> None:
        s.add(
            ConversationEvent(conversation_id=conv.id, at=self.clock.now(), type=type_, data=data)
        )

    def take(self, staff_id: int, conversation_id: int) -> None:
        now = self.clock.now()
        with self.db.session() as s, s.begin():
            staff = s.get(Staff, staff_id)
            if staff is None or not staff.active:
                raise NotAllowed("unknown or disabled staff member")
            res = s.execute(
                update(Conversation)
                .where(
                    Conversation.id == conversation_id,
                    (Conversation.held_by.is_(None)) | (Conversation.held_by == staff_id),
                )
                .values(owner="human", held_by=staff_id, updated_at=now)
            )
            conv = s.get(Conversation, conversation_id)
            if conv is None:
                raise NotAllowed("no such conversation")
            if res.rowcount != 1:
                holder = s.get(Staff, conv.held_by) if conv.held_by else None
                raise AlreadyTaken(holder.name if holder else "iemand anders")
            waiting = s.scalars(
                select(Handoff).where(
                    Handoff.conversation_id == conversation_id, Handoff.status == "waiting"
                )
            ).all()
            contact = s.get(Contact, conv.contact_id)
            for h in waiting:
                h.status, h.taken_by, h.taken_at = "taken", staff_id, now
                minutes = (now - h.created_at).total_seconds() / 60
                stats.record(s, "handoff_taken", now, contact, value=h.role, number=minutes)
            self._log(s, conv, "TakenOver", staff_id=staff_id)
            audit(s, now, staff, "take", contact_id=conv.contact_id, conversation_id=conv.id)

    def reply(self, staff_id: int, conversation_id: int, text: str) -> int:
        now = self.clock.now()
        text = text.strip().replace("\x00", "\ufffd")  # PostgreSQL cannot store NUL
        if not text:
            raise NotAllowed("an empty reply is not sent")
        with self.db.session() as s, s.begin():
            staff, conv, contact = self._held(s, staff_id, conversation_id)
            channel = _reply_channel(contact.last_channel)
            row = enqueue(
                s,
                reply=Reply(text),
                channel=channel,
                address=address_for(s, contact, channel),
                now=now,
                contact_id=contact.id,
                conversation_id=conv.id,
                language=contact.language,
                kind="staff",
                author=f"staff:{staff.id}",
            )
            conv.updated_at = now
            self._record_first_reply(s, conv, contact, now)
            audit(s, now, staff, "reply", contact_id=contact.id, conversation_id=conv.id)
            rid = row.id
        if self.pipeline.on_outbox:
            self.pipeline.on_outbox()
        return rid

    def note(self, staff_id: int, conversation_id: int, text: str) -> None:
        now = self.clock.now()
        text = text.replace("\x00", "\ufffd")  # PostgreSQL cannot store NUL
        with self.db.session() as s, s.begin():
            staff = s.get(Staff, staff_id)
            conv = s.get(Conversation, conversation_id)
            if staff is None or conv is None:
                raise NotAllowed("no such conversation")
            s.add(Note(conversation_id=conv.id, staff_id=staff.id, text=text, created_at=now))
            audit(s, now, staff, "note", contact_id=conv.contact_id, conversation_id=conv.id)

    def release(self, staff_id: int, conversation_id: int, next_step: str | None = None) -> None:
        """Hand back to the bot; ``next_step``: "followup", "close" or None."""
        now = self.clock.now()
        with self.db.session() as s, s.begin():
            staff, conv, contact = self._held(s, staff_id, conversation_id)
            conv.owner, conv.held_by, conv.updated_at = "bot", None, now
            self._record_held(s, conv, contact, now, staff.role)
            self._log(s, conv, "HandedBack", staff_id=staff_id, next=next_step)
            audit(s, now, staff, "release", contact_id=contact.id, conversation_id=conv.id)
            contact_id = contact.id
        self.pipeline.run_event(
            contact_id,
            lambda person, at: d.HandedBack(at=at, next=next_step, person=person),
            kind="reply",
        )

    def close(self, staff_id: int, conversation_id: int, outcome: Outcome) -> None:
        now = self.clock.now()
        with self.db.session() as s, s.begin():
            staff, conv, contact = self._held(s, staff_id, conversation_id)
            self._record_held(s, conv, contact, now, staff.role)
            conv.owner, conv.held_by, conv.closed_at, conv.updated_at = "closed", None, now, now
            conv.outcome = {
                **(conv.outcome or {}),
                "helped_by": list(outcome.helped_by),
                "deeper_addressed": outcome.deeper_addressed,
                "by_staff": staff.id,
            }
            s.execute(
                update(Handoff)
                .where(Handoff.conversation_id == conv.id, Handoff.status.in_(("waiting", "taken")))
                .values(status="done", done_at=now)
            )
            if outcome.note:
                s.add(
                    Note(
                        conversation_id=conv.id,
                        staff_id=staff.id,
                        text=outcome.note,
                        created_at=now,
                    )
                )
            self._log(s, conv, "Closed", by="staff", helped_by=list(outcome.helped_by))
            audit(s, now, staff, "close", contact_id=contact.id, conversation_id=conv.id)
            for who in outcome.helped_by:
                stats.record(s, "helped_by", now, contact, value=who)
            if outcome.deeper_addressed is not None:
                stats.record(
                    s, "deeper_addressed", now, contact, value=str(outcome.deeper_addressed).lower()
                )

    @staticmethod
    def _record_first_reply(
        s: Session, conv: Conversation, contact: Contact, now: datetime
    ) -> None:
        """Minutes from the handoff to the first human word, once per handoff."""
        h = s.scalar(
            select(Handoff)
            .where(Handoff.conversation_id == conv.id, Handoff.status == "taken")
            .order_by(Handoff.id.desc())
            .limit(1)
        )
        if h is None:
            return
        earlier = s.scalar(
            select(ConversationEvent.id).where(
                ConversationEvent.conversation_id == conv.id,
                ConversationEvent.type == "FirstHumanReply",
                ConversationEvent.at >= h.created_at,
            )
        )
        if earlier is None:
            s.add(
                ConversationEvent(conversation_id=conv.id, at=now, type="FirstHumanReply", data={})
            )
            stats.record(
                s,
                "first_human_reply",
                now,
                contact,
                number=(now - h.created_at).total_seconds() / 60,
            )

    @staticmethod
    def _record_held(
        s: Session, conv: Conversation, contact: Contact, now: datetime, role: str | None = None
    ) -> None:
        """Staff minutes for the scoreboard (value: the staff member's role), from the
        last take-over to now."""
        taken = s.scalar(
            select(ConversationEvent.at)
            .where(
                ConversationEvent.conversation_id == conv.id, ConversationEvent.type == "TakenOver"
            )
            .order_by(ConversationEvent.id.desc())
            .limit(1)
        )
        if taken is not None:
            stats.record(
                s,
                "staff_minutes",
                now,
                contact,
                value=role,
                number=(now - taken).total_seconds() / 60,
            )

    def _held(
        self, s: Session, staff_id: int, conversation_id: int
    ) -> tuple[Staff, Conversation, Contact]:
        staff = s.get(Staff, staff_id)
        conv = s.get(Conversation, conversation_id)
        if staff is None or conv is None:
            raise NotAllowed("no such conversation")
        if conv.held_by != staff_id:
            holder = s.get(Staff, conv.held_by) if conv.held_by else None
            if holder is not None:
                raise AlreadyTaken(holder.name)
            raise NotAllowed("take the conversation first")
        contact = s.get(Contact, conv.contact_id)
        assert contact is not None
        return staff, conv, contact

    def open_conversation_of(self, contact_id: int) -> int | None:
        with self.db.session() as s:
            return s.scalar(
                select(Conversation.id)
                .where(Conversation.contact_id == contact_id, Conversation.closed_at.is_(None))
                .order_by(Conversation.id.desc())
                .limit(1)
            )
