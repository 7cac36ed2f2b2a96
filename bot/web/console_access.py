"""Who may see what in the console, as SQL conditions, and the queries built on them.

Every console query goes through these conditions, so a volunteer cannot reach a
conversation that was not offered or given to them, not even by guessing its id.

- coordinators see everything;
- professionals see professional handoffs, and what is offered to or held by them;
- volunteers see handoffs offered to them, or taken by them, and waiting volunteer
  handoffs that nobody in particular was offered (the shared pool).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, case, exists, false, func, or_, select, true
from sqlalchemy.orm import Session

from storage.models import Conversation, Handoff, Plan, PlanItemRow, Staff, Task

__all__ = [
    "ACTIVE_HANDOFF",
    "QueueRow",
    "Viewer",
    "conversation_visible",
    "find_conversation",
    "find_task",
    "handoff_visible",
    "my_conversations",
    "open_tasks",
    "plans_for",
    "queue_page",
]

ACTIVE_HANDOFF = ("waiting", "taken")


@dataclass(frozen=True, slots=True)
class Viewer:
    """The logged-in staff member, as the console needs them."""

    id: int
    name: str
    username: str
    role: str
    csrf: str

    @property
    def is_coordinator(self) -> bool:
        return self.role == "coordinator"


def handoff_visible(v: Viewer) -> ColumnElement[bool]:
    if v.role == "coordinator":
        return true()
    mine = or_(Handoff.offered_to == v.id, Handoff.taken_by == v.id)
    if v.role == "professional":
        return or_(Handoff.role == "professional", mine)
    if v.role == "volunteer":
        pool = and_(
            Handoff.role == "volunteer", Handoff.offered_to.is_(None), Handoff.status == "waiting"
        )
        return or_(mine, pool)
    return false()


def conversation_visible(v: Viewer) -> ColumnElement[bool]:
    if v.role == "coordinator":
        return true()
    active = exists(
        select(Handoff.id).where(
            Handoff.conversation_id == Conversation.id,
            Handoff.status.in_(ACTIVE_HANDOFF),
            handoff_visible(v),
        )
    )
    return or_(Conversation.held_by == v.id, active)


def find_conversation(s: Session, v: Viewer, conversation_id: int) -> Conversation | None:
    return s.scalar(
        select(Conversation).where(Conversation.id == conversation_id, conversation_visible(v))
    )


@dataclass(frozen=True, slots=True)
class QueueRow:
    handoff: Handoff | None
    conversation: Conversation
    offered_name: str | None
    holder_name: str | None


def _urgent_first() -> Any:
    return case((Handoff.priority == "urgent", 0), else_=1)


def queue_page(s: Session, v: Viewer, page: int, per_page: int) -> tuple[list[QueueRow], int]:
    """Waiting handoffs this viewer may see: urgent first, then longest waiting."""
    where = and_(Handoff.status == "waiting", handoff_visible(v))
    total = s.scalar(select(func.count()).select_from(Handoff).where(where)) or 0
    offered = Staff.__table__.alias("offered")
    rows = s.execute(
        select(Handoff, Conversation, offered.c.name)
        .join(Conversation, Conversation.id == Handoff.conversation_id)
        .outerjoin(offered, offered.c.id == Handoff.offered_to)
        .where(where)
        .order_by(_urgent_first(), Handoff.created_at, Handoff.id)
        .limit(per_page)
        .offset(max(page - 1, 0) * per_page)
    ).all()
    return [QueueRow(h, c, name, None) for h, c, name in rows], total


def my_conversations(s: Session, v: Viewer, limit: int = 100) -> list[QueueRow]:
    """Conversations this viewer holds now, with their latest handoff."""
    convs = list(
        s.scalars(
            select(Conversation)
            .where(Conversation.held_by == v.id, Conversation.owner == "human")
            .order_by(Conversation.updated_at.desc())
            .limit(limit)
        )
    )
    latest: dict[int, Handoff] = {}
    if convs:
        for h in s.scalars(
            select(Handoff)
            .where(
                Handoff.conversation_id.in_([c.id for c in convs]),
                Handoff.status.in_(ACTIVE_HANDOFF),
            )
            .order_by(Handoff.id)
        ):
            latest[h.conversation_id] = h
    return [QueueRow(latest.get(c.id), c, None, v.name) for c in convs]


def _task_visible(v: Viewer) -> ColumnElement[bool]:
    if v.role == "coordinator":
        return true()
    return exists(
        select(Conversation.id).where(
            Conversation.id == Task.conversation_id, conversation_visible(v)
        )
    )


def open_tasks(s: Session, v: Viewer, limit: int = 50) -> list[Task]:
    return list(
        s.scalars(
            select(Task)
            .where(Task.status == "open", _task_visible(v))
            .order_by(Task.urgent.desc(), Task.due_at, Task.id)
            .limit(limit)
        )
    )


def find_task(s: Session, v: Viewer, task_id: int) -> Task | None:
    return s.scalar(select(Task).where(Task.id == task_id, _task_visible(v)))


def plans_for(s: Session, contact_ids: list[int]) -> dict[int, list[PlanItemRow]]:
    """Open plan items per contact, in one query."""
    out: dict[int, list[PlanItemRow]] = {}
    if not contact_ids:
        return out
    rows = s.execute(
        select(Plan.contact_id, PlanItemRow)
        .join(PlanItemRow, PlanItemRow.plan_id == Plan.id)
        .where(Plan.contact_id.in_(contact_ids), PlanItemRow.status == "open")
        .order_by(PlanItemRow.id)
    ).all()
    for cid, item in rows:
        out.setdefault(cid, []).append(item)
    return out
