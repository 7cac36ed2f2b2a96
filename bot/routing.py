"""Who gets offered a handoff: the rules behind the console's queue.

``offer`` runs inside the turn's transaction right after the bot created a
:class:`~storage.models.Handoff`. It decides the role that should help (never lower
than the dialog asked for), picks one available staff member of that role, and for
urgent handoffs queues a short notice, without personal details, to staff on duty.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bot.messages import Reply
from bot.outbox import enqueue
from storage.models import Conversation, Handoff, Staff

__all__ = [
    "PROFESSIONAL_TOPICS",
    "URGENT_NOTICE",
    "choose",
    "notify_urgent",
    "offer",
    "target_role",
]

#: Topics that send a triage (coordinator) handoff to a professional.
PROFESSIONAL_TOPICS = frozenset({"crisis", "money", "worry_other"})
#: Sent to staff on duty for urgent handoffs. Never anything about the person.
URGENT_NOTICE = "Urgente overdracht in de console. Log in om te kijken."
_NOTIFY_CHANNELS = ("telegram", "sms")


def target_role(role: str, priority: str, topics: Sequence[str], crisis_kind: str | None) -> str:
    """The role that should take a handoff (pure).

    Safety always raises a handoff to a professional. A volunteer handoff otherwise
    stays with volunteers: the dialog chose it with the person (by the same topic roles
    and signals, see ``dialogs.needs.handoff_role``) and told them "een vrijwilliger",
    so the route must not say otherwise. Only a handoff without such a promise (a
    coordinator's triage) goes by the topics."""
    found = {t for t in topics if t != "other"}
    if crisis_kind or priority == "urgent" or role == "professional" or "crisis" in found:
        return "professional"
    if found == {"volunteer_offer"}:
        return "coordinator"
    if role == "volunteer":
        return "volunteer"
    if found & PROFESSIONAL_TOPICS or len(found) >= 3:
        return "professional"
    return "coordinator"


def _open_load(s: Session, staff_ids: Sequence[int]) -> dict[int, int]:
    """Open conversations held plus waiting handoffs offered, per staff member."""
    load = dict.fromkeys(staff_ids, 0)
    if not staff_ids:
        return load
    held = s.execute(
        select(Conversation.held_by, func.count())
        .where(Conversation.held_by.in_(staff_ids), Conversation.owner == "human")
        .group_by(Conversation.held_by)
    )
    offered = s.execute(
        select(Handoff.offered_to, func.count())
        .where(Handoff.offered_to.in_(staff_ids), Handoff.status == "waiting")
        .group_by(Handoff.offered_to)
    )
    for sid, n in [*held, *offered]:
        load[sid] += n
    return load


def choose(
    candidates: Sequence[Staff],
    load: dict[int, int],
    *,
    neighbourhood: str | None,
    language: str,
    topics: Sequence[str],
) -> Staff | None:
    """Pick the best available staff member (pure): language and room are required;
    a matching neighbourhood is required when both sides name one; then skills,
    neighbourhood match, being on duty and the lightest load decide."""
    best: tuple[tuple[int, int, int, int, int], Staff] | None = None
    wanted = set(topics)
    for st in candidates:
        if not st.active or load.get(st.id, 0) >= st.max_open:
            continue
        if language not in (st.languages or ["nl"]):
            continue
        areas = set(st.neighbourhoods or [])
        if neighbourhood and areas and neighbourhood not in areas:
            continue
        score = (
            len(wanted & set(st.skills or [])),
            int(bool(neighbourhood) and neighbourhood in areas),
            int(bool(st.on_duty)),
            -load.get(st.id, 0),
            -st.id,
        )
        if best is None or score > best[0]:
            best = (score, st)
    return best[1] if best else None


def offer(s: Session, handoff: Handoff, now: datetime) -> int | None:
    """Set ``handoff.role`` and ``handoff.offered_to``; None means: visible to the whole
    role and to coordinators. Queues the urgent notice. Returns the staff id offered."""
    _keep_urgency(s, handoff, now)
    role = target_role(handoff.role, handoff.priority, handoff.topics or [], handoff.crisis_kind)
    handoff.role = role
    staff = list(s.scalars(select(Staff).where(Staff.role == role, Staff.active.is_(True))))
    load = _open_load(s, [st.id for st in staff])
    chosen = choose(
        staff,
        load,
        neighbourhood=handoff.neighbourhood,
        language=handoff.language or "nl",
        topics=handoff.topics or [],
    )
    handoff.offered_to = chosen.id if chosen else None
    if handoff.priority == "urgent":
        notify_urgent(s, now)
    return handoff.offered_to


def _keep_urgency(s: Session, handoff: Handoff, now: datetime) -> None:
    """A new handoff replacing an urgent one in the same turn (say the person typed
    "mens" after a crisis) must not lower the priority: a crisis stays a crisis."""
    if handoff.priority == "urgent":
        return
    replaced = s.scalar(
        select(Handoff)
        .where(
            Handoff.conversation_id == handoff.conversation_id,
            Handoff.id != handoff.id,
            Handoff.status == "replaced",
            Handoff.priority == "urgent",
            Handoff.done_at == now,
        )
        .limit(1)
    )
    if replaced is not None:
        handoff.priority = "urgent"
        handoff.crisis_kind = handoff.crisis_kind or replaced.crisis_kind


def notify_urgent(s: Session, now: datetime) -> int:
    """Queue the urgent notice for every active staff member on duty; returns how many."""
    rows = s.scalars(
        select(Staff).where(
            Staff.active.is_(True),
            Staff.on_duty.is_(True),
            Staff.notify_channel.in_(_NOTIFY_CHANNELS),
            Staff.notify_address.is_not(None),
        )
    )
    n = 0
    for st in rows:
        enqueue(
            s,
            reply=Reply(URGENT_NOTICE),
            channel=st.notify_channel or "",
            address=st.notify_address,
            now=now,
            contact_id=None,
            conversation_id=None,
            kind="notice",
            author="system",
        )
        n += 1
    return n
