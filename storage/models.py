"""SQLAlchemy models: the front door's whole memory.

Times are aware UTC datetimes. Texts a person wrote or staff wrote use
:class:`~storage.types.SecretText` so they can be encrypted at rest.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship, validates

from storage.types import SecretText, UTCDateTime

__all__ = [
    "AuditEntry",
    "Base",
    "Contact",
    "Conversation",
    "ConversationEvent",
    "FollowUp",
    "Handoff",
    "Identity",
    "Message",
    "Note",
    "OutboxRow",
    "Plan",
    "PlanItemRow",
    "Staff",
    "StaffSession",
    "StatEvent",
    "Task",
]


class Base(DeclarativeBase):
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime,
        dict[str, Any]: JSON,
        list[Any]: JSON,
    }


#: Longest neighbourhood name kept (contacts, handoffs and stat events copy it).
NEIGHBOURHOOD_MAX = 80


class Contact(Base):
    """A person. One person may write on several channels (identities)."""

    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    created_at: Mapped[datetime]
    name: Mapped[str | None] = mapped_column(SecretText)
    language: Mapped[str] = mapped_column(String(8), default="nl")
    neighbourhood: Mapped[str | None] = mapped_column(String(NEIGHBOURHOOD_MAX))
    consent: Mapped[bool | None] = mapped_column(Boolean)
    consent_at: Mapped[datetime | None]
    consent_version: Mapped[str | None] = mapped_column(String(40))
    stopped: Mapped[bool] = mapped_column(Boolean, default=False)
    last_channel: Mapped[str | None] = mapped_column(String(16))
    last_inbound_at: Mapped[datetime | None]
    last_activity_at: Mapped[datetime | None] = mapped_column(index=True)
    #: How the person first came: "inbound" or "outreach".
    source: Mapped[str] = mapped_column(String(16), default="inbound")
    #: Random key used in anonymous statistics; gone with the contact on erasure.
    stat_key: Mapped[str | None] = mapped_column(String(32))

    identities: Mapped[list[Identity]] = relationship(
        back_populates="contact", cascade="all, delete-orphan"
    )

    @validates("neighbourhood")
    def _fit_neighbourhood(self, _key: str, value: str | None) -> str | None:
        """A person's answer or a CSV cell can be a whole sentence: keep what the column
        holds. PostgreSQL refuses a longer value (the turn or the import failed there)."""
        return value[:NEIGHBOURHOOD_MAX] if value else value


class Identity(Base):
    """A person's address on one channel (E.164 for phone channels)."""

    __tablename__ = "identities"
    __table_args__ = (UniqueConstraint("channel", "address", name="uq_identity_channel_address"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(16))
    address: Mapped[str] = mapped_column(String(128))
    #: The E.164 number behind this identity, when known (links channels of one person).
    phone: Mapped[str | None] = mapped_column(String(20), index=True)
    created_at: Mapped[datetime]

    contact: Mapped[Contact] = relationship(back_populates="identities")


class Conversation(Base):
    """One conversation thread of a person, across channels."""

    __tablename__ = "conversations"
    __table_args__ = (Index("ix_conversations_contact_open", "contact_id", "closed_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    #: bot | waiting | human | closed
    owner: Mapped[str] = mapped_column(String(16), default="bot", index=True)
    held_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    state: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    topics: Mapped[list[Any]] = mapped_column(JSON, default=list)
    literal_topics: Mapped[list[Any]] = mapped_column(JSON, default=list)
    deeper_topics: Mapped[list[Any]] = mapped_column(JSON, default=list)
    first_ask: Mapped[str | None] = mapped_column(SecretText)
    language: Mapped[str] = mapped_column(String(8), default="nl")
    channel: Mapped[str | None] = mapped_column(String(16))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    closed_at: Mapped[datetime | None]
    outcome: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class Message(Base):
    """Every message in or out, kept as it was."""

    __tablename__ = "messages"
    __table_args__ = (
        UniqueConstraint("channel", "provider_id", name="uq_message_channel_provider_id"),
        Index("ix_messages_conversation", "conversation_id", "id"),
        # Ids only grow, also after deletes: readers follow "everything after id N".
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int | None] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE")
    )
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    #: in | out
    direction: Mapped[str] = mapped_column(String(3))
    channel: Mapped[str] = mapped_column(String(16))
    provider_id: Mapped[str | None] = mapped_column(String(128))
    text: Mapped[str] = mapped_column(SecretText)
    options: Mapped[list[Any]] = mapped_column(JSON, default=list)
    #: person | bot | staff:<id> | system
    author: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime]
    #: Inbound only: set when the turn for this message finished (answered or not).
    handled_at: Mapped[datetime | None]


class ConversationEvent(Base):
    """Append-only log of what happened in a conversation (past tense)."""

    __tablename__ = "conversation_events"
    __table_args__ = (
        Index("ix_events_conversation", "conversation_id", "id"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    at: Mapped[datetime]
    type: Mapped[str] = mapped_column(String(40))
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)


class Plan(Base):
    """One plan per person."""

    __tablename__ = "plans"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), unique=True
    )
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
    items: Mapped[list[PlanItemRow]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="PlanItemRow.id"
    )


class PlanItemRow(Base):
    __tablename__ = "plan_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"))
    #: self | network | volunteer | professional
    who: Mapped[str] = mapped_column(String(16))
    name: Mapped[str | None] = mapped_column(SecretText)
    what: Mapped[str] = mapped_column(SecretText)
    when_text: Mapped[str | None] = mapped_column(SecretText)
    #: open | done | dropped
    status: Mapped[str] = mapped_column(String(16), default="open")
    created_at: Mapped[datetime]

    plan: Mapped[Plan] = relationship(back_populates="items")


class FollowUp(Base):
    """A promised follow-up. The database is the truth; the scheduler is the clock."""

    __tablename__ = "followups"
    __table_args__ = (Index("ix_followups_due", "status", "due_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    conversation_id: Mapped[int | None] = mapped_column(
        ForeignKey("conversations.id", ondelete="SET NULL")
    )
    due_at: Mapped[datetime]
    about: Mapped[str] = mapped_column(SecretText)
    #: pending | fired | answered | cancelled | silent
    status: Mapped[str] = mapped_column(String(16), default="pending")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    channel: Mapped[str | None] = mapped_column(String(16))
    created_at: Mapped[datetime]
    fired_at: Mapped[datetime | None]
    answered_at: Mapped[datetime | None]


class Handoff(Base):
    """A request for a human, with the bot's summary."""

    __tablename__ = "handoffs"
    __table_args__ = (Index("ix_handoffs_queue", "status", "priority", "created_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    role: Mapped[str] = mapped_column(String(16))
    priority: Mapped[str] = mapped_column(String(8))
    topics: Mapped[list[Any]] = mapped_column(JSON, default=list)
    summary: Mapped[str] = mapped_column(SecretText)
    reason: Mapped[str] = mapped_column(String(40))
    crisis_kind: Mapped[str | None] = mapped_column(String(16))
    #: waiting | taken | done
    status: Mapped[str] = mapped_column(String(16), default="waiting")
    offered_to: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    taken_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    created_at: Mapped[datetime]
    taken_at: Mapped[datetime | None]
    done_at: Mapped[datetime | None]
    #: 0 none, 1 told the person and escalated to coordinator, 2 to professional
    escalation: Mapped[int] = mapped_column(Integer, default=0)
    neighbourhood: Mapped[str | None] = mapped_column(String(80))
    language: Mapped[str] = mapped_column(String(8), default="nl")


class Staff(Base):
    __tablename__ = "staff"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    #: volunteer | professional | coordinator
    role: Mapped[str] = mapped_column(String(16))
    password_hash: Mapped[str | None] = mapped_column(String(255))
    neighbourhoods: Mapped[list[Any]] = mapped_column(JSON, default=list)
    skills: Mapped[list[Any]] = mapped_column(JSON, default=list)
    languages: Mapped[list[Any]] = mapped_column(JSON, default=lambda: ["nl"])
    max_open: Mapped[int] = mapped_column(Integer, default=5)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    on_duty: Mapped[bool] = mapped_column(Boolean, default=False)
    notify_channel: Mapped[str | None] = mapped_column(String(16))
    notify_address: Mapped[str | None] = mapped_column(String(128))
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None]
    created_at: Mapped[datetime]


class OutboxRow(Base):
    """A message waiting to be sent, being sent, or sent. Nothing is sent twice."""

    __tablename__ = "outbox"
    __table_args__ = (
        Index("ix_outbox_due", "status", "next_try_at"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    message_id: Mapped[int | None] = mapped_column(ForeignKey("messages.id", ondelete="SET NULL"))
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="SET NULL"))
    conversation_id: Mapped[int | None] = mapped_column(
        ForeignKey("conversations.id", ondelete="SET NULL")
    )
    channel: Mapped[str] = mapped_column(String(16))
    address: Mapped[str | None] = mapped_column(String(128))
    text: Mapped[str | None] = mapped_column(SecretText)
    options: Mapped[list[Any]] = mapped_column(JSON, default=list)
    language: Mapped[str] = mapped_column(String(8), default="nl")
    #: reply | staff | followup | campaign | notice
    kind: Mapped[str] = mapped_column(String(16), default="reply")
    #: lower goes first: replies 0, staff 0, followups 5, campaigns 9
    priority: Mapped[int] = mapped_column(Integer, default=0)
    #: queued | sending | sent | delivered | read | failed | undelivered | uncertain
    status: Mapped[str] = mapped_column(String(16), default="queued")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_try_at: Mapped[datetime]
    claimed_at: Mapped[datetime | None]
    provider_id: Mapped[str | None] = mapped_column(String(128), index=True)
    rendered: Mapped[list[Any]] = mapped_column(JSON, default=list)
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime]
    sent_at: Mapped[datetime | None]


class Task(Base):
    """Work for a human: a call-back, a follow-up that got no answer."""

    __tablename__ = "tasks"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int | None] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    conversation_id: Mapped[int | None] = mapped_column(
        ForeignKey("conversations.id", ondelete="CASCADE")
    )
    kind: Mapped[str] = mapped_column(String(24))
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    due_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(16), default="open")
    note: Mapped[str | None] = mapped_column(SecretText)
    created_at: Mapped[datetime]
    done_at: Mapped[datetime | None]


class Note(Base):
    """A private note by staff on a conversation."""

    __tablename__ = "notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))
    text: Mapped[str] = mapped_column(SecretText)
    created_at: Mapped[datetime]


class AuditEntry(Base):
    """Who did what with whose data (NEN 7513 style). Kept for its own period."""

    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_at", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    staff_id: Mapped[int | None] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(32))
    contact_id: Mapped[int | None] = mapped_column(Integer)
    conversation_id: Mapped[int | None] = mapped_column(Integer)
    on_behalf_of: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[str | None] = mapped_column(String(255))


class StatEvent(Base):
    """Anonymous counts for the scoreboard. No contact id: survives erasure.

    ``person_key`` is a random key per person that is not linked to the contact in the
    database, so unique people can be counted without pointing at anyone.
    """

    __tablename__ = "stat_events"
    __table_args__ = (Index("ix_stats_kind_at", "kind", "at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    kind: Mapped[str] = mapped_column(String(32))
    person_key: Mapped[str | None] = mapped_column(String(32))
    channel: Mapped[str | None] = mapped_column(String(16))
    topic: Mapped[str | None] = mapped_column(String(24))
    neighbourhood: Mapped[str | None] = mapped_column(String(80))
    language: Mapped[str | None] = mapped_column(String(8))
    value: Mapped[str | None] = mapped_column(String(64))
    number: Mapped[float | None]


class StaffSession(Base):
    """A console login. Only a hash of the cookie's token is stored."""

    __tablename__ = "staff_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"), index=True)
    #: Per-session token that every console form must send back.
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    last_seen_at: Mapped[datetime]
    expires_at: Mapped[datetime] = mapped_column(index=True)


# Indexes for the console's queue and access checks (migration 0002).
Index("ix_handoffs_offered", Handoff.offered_to, Handoff.status)
Index("ix_handoffs_conversation", Handoff.conversation_id, Handoff.status)
Index("ix_conversations_held", Conversation.held_by, Conversation.owner)
Index("ix_tasks_open", Task.status, Task.due_at)


class Campaign(Base):
    """An outreach campaign: people who agreed to be contacted get a check-in."""

    __tablename__ = "campaigns"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    flow: Mapped[str] = mapped_column(String(40))
    window_start: Mapped[datetime]
    window_end: Mapped[datetime]
    #: running | paused | done
    status: Mapped[str] = mapped_column(String(16), default="running")
    created_at: Mapped[datetime]
    created_by: Mapped[int | None] = mapped_column(ForeignKey("staff.id", ondelete="SET NULL"))


class CampaignTarget(Base):
    __tablename__ = "campaign_targets"
    __table_args__ = (
        UniqueConstraint("campaign_id", "contact_id", name="uq_campaign_target"),
        Index("ix_campaign_targets_due", "status", "planned_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    campaign_id: Mapped[int] = mapped_column(ForeignKey("campaigns.id", ondelete="CASCADE"))
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    planned_at: Mapped[datetime]
    #: pending | sent | skipped
    status: Mapped[str] = mapped_column(String(16), default="pending")
    reason: Mapped[str | None] = mapped_column(String(40))
    sent_at: Mapped[datetime | None]


# Indexes for per-person lookups on every turn (migration 0004): the flood check, the
# person's address on a channel, and their follow-ups. Measured in benchmarks/turn_cost
# with 300,000 stored messages: 25 ms -> 7 ms of CPU per turn.
Index("ix_messages_contact_in", Message.contact_id, Message.direction, Message.created_at)
Index("ix_identities_contact", Identity.contact_id, Identity.channel)
Index("ix_followups_contact", FollowUp.contact_id, FollowUp.status)
