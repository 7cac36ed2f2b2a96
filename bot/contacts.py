"""Who is writing: find or create the contact behind a channel address.

One phone number is one person on SMS, WhatsApp and voice. A Telegram user who shares
their number joins the contact of that number.
"""

from __future__ import annotations

import secrets
from datetime import datetime
from functools import lru_cache

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from bot.messages import PHONE_CHANNELS, Channel, Inbound
from nlu.answers import normalize_phone
from storage.fast import Prepared, columns_of, loaded, session_connection
from storage.models import (
    Contact,
    Conversation,
    FollowUp,
    Handoff,
    Identity,
    Message,
    OutboxRow,
    Plan,
    Task,
)

__all__ = [
    "address_for",
    "canonical_address",
    "find_or_create_contact",
    "known_contact_and_conversation",
    "lock_known_contact",
    "merge_contacts",
]


def canonical_address(channel: Channel, address: str) -> str:
    """E.164 for phone channels (accepting national formats), the address otherwise."""
    if channel in PHONE_CHANNELS:
        phone = _phone(address)
        if phone is None:
            raise ValueError(f"not a valid phone number for {channel}")
        return phone
    return address.strip()


@lru_cache(maxsize=8192)
def _phone(address: str) -> str | None:
    # Parsing with phonenumbers costs ~100 us; a person writes from the same number
    # message after message (under load it was 3 % of the web process's CPU).
    return normalize_phone(address)


def _new_contact(session: Session, now: datetime, language: str = "nl") -> Contact:
    contact = Contact(
        created_at=now, language=language, last_activity_at=now, stat_key=secrets.token_hex(8)
    )
    session.add(contact)
    session.flush()
    return contact


# Built once: looked up on every message.
_IDENTITY = select(Identity).where(
    Identity.channel == bindparam("channel"), Identity.address == bindparam("address")
)
_IDENTITY_BY_PHONE = select(Identity).where(Identity.phone == bindparam("phone")).limit(1)
_CONTACT_BY_ADDRESS = (
    select(Contact)
    .join(Identity, Identity.contact_id == Contact.id)
    .where(Identity.channel == bindparam("channel"), Identity.address == bindparam("address"))
)


#: The same with the person's open conversation (the newest), in one query: the columns
#: of both rows, made into the session's instances by storage.fast.loaded (the ORM's
#: loading of two entities cost more than the rest of the query).
_CONTACT_COLUMNS = columns_of(Contact)
_CONTACT_AND_CONVERSATION = Prepared(
    select(*_CONTACT_COLUMNS, *columns_of(Conversation))
    .select_from(Identity)
    .join(Contact, Identity.contact_id == Contact.id)
    .outerjoin(
        Conversation,
        (Conversation.contact_id == Contact.id) & Conversation.closed_at.is_(None),
    )
    .where(Identity.channel == bindparam("channel"), Identity.address == bindparam("address"))
    .order_by(Conversation.id.desc())
    .limit(1)
)


#: The same as _CONTACT_BY_ADDRESS, locked for the rest of the transaction (PostgreSQL: one
#: turn at a time per person across workers) and read again under the lock.
_CONTACT_BY_ADDRESS_LOCKED = Prepared(
    select(*_CONTACT_COLUMNS)
    .join(Identity, Identity.contact_id == Contact.id)
    .where(Identity.channel == bindparam("channel"), Identity.address == bindparam("address"))
    .with_for_update(of=Contact)
)


def lock_known_contact(session: Session, inbound: Inbound) -> Contact | None:
    """The known person behind ``inbound.address``, locked (one query), or None when the
    address is new or the message shares a phone number (find_or_create_contact)."""
    if inbound.shared_phone:
        return None
    params = {"channel": str(inbound.channel), "address": inbound.address}
    row = _CONTACT_BY_ADDRESS_LOCKED.one(session_connection(session), params)
    return None if row is None else loaded(session, Contact, row, refresh=True)


def known_contact_and_conversation(
    session: Session, inbound: Inbound
) -> tuple[Contact, Conversation | None] | None:
    """The known person behind ``inbound.address`` and their open conversation (None
    when they have none), in one query; None when the address is new or the message
    shares a phone number (find_or_create_contact).

    Only for a transaction that holds the person's lock before it reads (SQLite: the
    write lock from BEGIN). A locking read on PostgreSQL waits for the contact row, but
    would return the conversation as it was before that wait."""
    if inbound.shared_phone:
        return None
    params = {"channel": str(inbound.channel), "address": inbound.address}
    row = _CONTACT_AND_CONVERSATION.one(session_connection(session), params)
    if row is None:
        return None
    n = len(_CONTACT_COLUMNS)
    contact = loaded(session, Contact, row[:n])
    conversation = None if row[n] is None else loaded(session, Conversation, row[n:])
    return contact, conversation


def find_or_create_contact(
    session: Session, inbound: Inbound, now: datetime, *, known_absent: bool = False
) -> tuple[Contact, bool]:
    """Return (contact, created). ``inbound.address`` must be canonical.

    ``known_absent``: the caller just looked the address up and found nobody
    (:func:`lock_known_contact`), so that lookup is not repeated."""
    channel = Channel(inbound.channel)
    params = {"channel": str(channel), "address": inbound.address}
    ident: Identity | None = None
    if inbound.shared_phone:
        ident = session.scalar(_IDENTITY, params)
    elif not known_absent:  # the usual case: a known person, one query
        found = session.scalar(_CONTACT_BY_ADDRESS, params)
        if found is not None:
            return found, False
    # Without a shared number, no contact joined to this address means no identity.
    created = False
    if ident is None:
        contact: Contact | None = None
        phone = inbound.address if channel in PHONE_CHANNELS else None
        if phone:
            other = session.scalar(_IDENTITY_BY_PHONE, {"phone": phone})
            contact = session.get(Contact, other.contact_id) if other else None
        if contact is None:
            contact = _new_contact(session, now)
            created = True
        ident = Identity(
            contact_id=contact.id,
            channel=channel,
            address=inbound.address,
            phone=phone,
            created_at=now,
        )
        session.add(ident)
        session.flush()
    contact = session.get(Contact, ident.contact_id)
    assert contact is not None
    if inbound.shared_phone:
        phone = normalize_phone(inbound.shared_phone)
        if phone and ident.phone != phone:
            ident.phone = phone
            other = session.scalar(
                select(Identity).where(Identity.phone == phone, Identity.id != ident.id).limit(1)
            )
            if other is not None and other.contact_id != contact.id:
                target = session.get(Contact, other.contact_id)
                assert target is not None
                merge_contacts(session, source=contact, target=target)
                contact = target
    return contact, created


def merge_contacts(session: Session, source: Contact, target: Contact) -> None:
    """Move everything of ``source`` to ``target`` and delete ``source``."""
    sid, tid = source.id, target.id
    for model in (Identity, Conversation, Message, FollowUp, Handoff, Task):
        session.execute(update(model).where(model.contact_id == sid).values(contact_id=tid))
    session.execute(update(OutboxRow).where(OutboxRow.contact_id == sid).values(contact_id=tid))
    src_plan = session.scalar(select(Plan).where(Plan.contact_id == sid))
    if src_plan is not None:
        tgt_plan = session.scalar(select(Plan).where(Plan.contact_id == tid))
        if tgt_plan is None:
            src_plan.contact_id = tid
        else:
            for item in list(src_plan.items):
                item.plan_id = tgt_plan.id
            session.flush()
            session.delete(src_plan)
    if target.consent is None:
        target.consent, target.consent_at = source.consent, source.consent_at
        target.consent_version = source.consent_version
    session.flush()
    session.expire_all()
    session.delete(session.get(Contact, sid))
    session.flush()


def address_for(session: Session, contact: Contact, channel: str) -> str | None:
    """The contact's address on a channel (a phone channel may use the shared number)."""
    ident = session.scalar(
        select(Identity).where(Identity.contact_id == contact.id, Identity.channel == channel)
    )
    if ident is not None:
        return ident.address
    if Channel(channel) in PHONE_CHANNELS:
        phone_ident = session.scalar(
            select(Identity).where(Identity.contact_id == contact.id, Identity.phone.is_not(None))
        )
        return phone_ident.phone if phone_ident else None
    return None
