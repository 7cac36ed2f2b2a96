"""Erasure and the person's view of their data."""

from __future__ import annotations

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from bot.texts import text
from storage.models import (
    Contact,
    Conversation,
    ConversationEvent,
    FollowUp,
    Identity,
    Message,
    OutboxRow,
    Plan,
    PlanItemRow,
)

__all__ = ["erase_contact", "forget_after_refusal", "stored_data_summary"]


def erase_contact(
    session: Session, contact_id: int, keep_outbox: frozenset[int] = frozenset()
) -> None:
    """Erase a person: contact, identities, messages, plans, follow-ups, notes, tasks.

    Outbox rows already sent are scrubbed; rows in ``keep_outbox`` (the last message
    telling the person it is done) keep text and address until sent, then the
    dispatcher scrubs them. Anonymous statistics stay: they never held a link.
    """
    session.execute(
        update(OutboxRow)
        .where(OutboxRow.contact_id == contact_id, OutboxRow.id.not_in(keep_outbox or {-1}))
        .values(text=None, address=None, rendered=[], contact_id=None, conversation_id=None)
    )
    session.execute(
        update(OutboxRow)
        .where(OutboxRow.contact_id == contact_id)
        .values(contact_id=None, conversation_id=None, message_id=None)
    )
    contact = session.get(Contact, contact_id)
    if contact is not None:
        session.delete(contact)
    session.flush()


def forget_after_refusal(session: Session, contact: Contact, conversation: Conversation) -> None:
    """No consent: keep only the refusal (the contact with consent=False)."""
    session.execute(delete(Message).where(Message.contact_id == contact.id))
    session.execute(
        delete(ConversationEvent).where(ConversationEvent.conversation_id == conversation.id)
    )
    conversation.first_ask = None
    conversation.state = {}
    contact.name = None


def stored_data_summary(session: Session, contact: Contact, language: str) -> str:
    channels = session.scalars(select(Identity.channel).where(Identity.contact_id == contact.id))
    kinds = []
    for ch in sorted(set(channels)):
        key = "address_phone" if ch in ("sms", "whatsapp", "voice") else f"address_{ch}"
        try:
            label = text(key, language)
        except KeyError:
            label = ch
        if label not in kinds:
            kinds.append(label)
    messages = session.scalar(select(func.count()).where(Message.contact_id == contact.id)) or 0
    plan_items = (
        session.scalar(
            select(func.count())
            .select_from(PlanItemRow)
            .join(Plan)
            .where(Plan.contact_id == contact.id, PlanItemRow.status == "open")
        )
        or 0
    )
    followups = (
        session.scalar(
            select(func.count()).where(
                FollowUp.contact_id == contact.id, FollowUp.status == "pending"
            )
        )
        or 0
    )
    joiner = " en " if language == "nl" else " and "
    return text(
        "stored_data",
        language,
        addresses=joiner.join(kinds) or "-",
        messages=messages,
        plan_items=plan_items,
        followups=followups,
    )
