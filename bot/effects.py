"""Carry out what the dialog engine decided, inside the turn's transaction."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from bot import stats
from bot.messages import Reply
from bot.privacy import forget_after_refusal, stored_data_summary
from bot.routing import offer as offer_handoff
from bot.texts import text
from config.hours import next_allowed
from config.profile import Profile
from dialogs import api as d
from storage.fast import Prepared, session_connection
from storage.models import (
    Contact,
    Conversation,
    ConversationEvent,
    FollowUp,
    Handoff,
    Plan,
    PlanItemRow,
)
from storage.rows import append

__all__ = ["TurnContext", "apply_effects", "load_open_plan", "plan_text"]

log = logging.getLogger("voordeur.effects")


@dataclass
class TurnContext:
    session: Session
    contact: Contact
    conversation: Conversation
    now: datetime
    profile: Profile
    channel: str
    language: str
    #: Filled while applying: things the pipeline does after the transaction.
    handoffs: list[Handoff] = field(default_factory=list)
    followups: list[FollowUp] = field(default_factory=list)
    erase: bool = False
    extra_replies: list[Reply] = field(default_factory=list)


def load_open_plan(session: Session, contact_id: int) -> tuple[d.PlanItem, ...]:
    """The open items of the person's plan, as stored (pending ORM changes not flushed)."""
    rows = _OPEN_PLAN_ITEMS.all(session_connection(session), {"contact": contact_id})
    return tuple(
        d.PlanItem(who=d.Who(who), what=what, when=when, name=name)
        for who, what, when, name in rows
    )


# Built once: read on every turn.
_OPEN_PLAN_ITEMS = Prepared(
    select(PlanItemRow.who, PlanItemRow.what, PlanItemRow.when_text, PlanItemRow.name)
    .join(Plan, Plan.id == PlanItemRow.plan_id)
    .where(Plan.contact_id == bindparam("contact"), PlanItemRow.status == "open")
    .order_by(PlanItemRow.id)
)


def plan_text(items: tuple[d.PlanItem, ...], language: str) -> str:
    if not items:
        return text("plan_empty", language)
    lines = [text("plan_header", language)]
    for it in items:
        if it.who == d.Who.NETWORK:
            who = it.name or text("who_network_anon", language)
        else:
            who = text(f"who_{it.who.value}", language)
        when = f" ({it.when})" if it.when else ""
        lines.append(f"- {who}: {it.what}{when}")
    return "\n".join(lines)


def _event(ctx: TurnContext, type_: str, **data: object) -> None:
    append(
        ctx.session,
        ConversationEvent,
        {"conversation_id": ctx.conversation.id, "at": ctx.now, "type": type_, "data": data},
    )


def apply_effects(ctx: TurnContext, effects: tuple[d.Effect, ...]) -> None:
    for effect in effects:
        _apply(ctx, effect)


def _apply(ctx: TurnContext, e: d.Effect) -> None:
    s, contact, conv = ctx.session, ctx.contact, ctx.conversation
    if isinstance(e, d.HandOff):
        conv.owner = "waiting" if conv.owner != "human" else conv.owner
        handoff = Handoff(
            conversation_id=conv.id,
            contact_id=contact.id,
            role=e.role.value,
            priority=e.priority.value,
            topics=list(e.topics),
            summary=e.summary,
            reason=e.reason,
            crisis_kind=e.crisis_kind.value if e.crisis_kind else None,
            status="waiting",
            created_at=ctx.now,
            neighbourhood=contact.neighbourhood,
            language=ctx.language,
        )
        # One open handoff per conversation: a new one (say a crisis) replaces the old.
        s.execute(
            update(Handoff)
            .where(Handoff.conversation_id == conv.id, Handoff.status == "waiting")
            .values(status="replaced", done_at=ctx.now)
        )
        s.add(handoff)
        s.flush()
        offer_handoff(s, handoff, ctx.now)
        ctx.handoffs.append(handoff)
        _event(ctx, "HandedOff", role=e.role.value, priority=e.priority.value, reason=e.reason)
        stats.record(s, "handoff", ctx.now, contact, channel=ctx.channel, value=e.role.value)
    elif isinstance(e, d.ScheduleFollowUp):
        due = next_allowed(e.due, ctx.profile)
        fu = FollowUp(
            contact_id=contact.id,
            conversation_id=conv.id,
            due_at=due,
            about=e.about,
            status="pending",
            created_at=ctx.now,
        )
        s.add(fu)
        s.flush()
        ctx.followups.append(fu)
        _event(ctx, "FollowUpScheduled", due=due.isoformat(), followup_id=fu.id)
        stats.record(s, "followup_scheduled", ctx.now, contact)
    elif isinstance(e, d.SavePlan):
        plan = s.scalar(select(Plan).where(Plan.contact_id == contact.id))
        if plan is None:
            plan = Plan(contact_id=contact.id, created_at=ctx.now, updated_at=ctx.now)
            s.add(plan)
            s.flush()
        for old in plan.items:
            if old.status == "open":
                old.status = "replaced"
        for it in e.items:
            plan.items.append(
                PlanItemRow(
                    who=it.who.value,
                    what=it.what,
                    when_text=it.when,
                    name=it.name,
                    status="open",
                    created_at=ctx.now,
                )
            )
        plan.updated_at = ctx.now
        _event(ctx, "PlanSaved", items=[{"who": i.who.value} for i in e.items])
        stats.record(
            s,
            "plan_saved",
            ctx.now,
            contact,
            number=len({i.who for i in e.items}),
            value=",".join(sorted({i.who.value for i in e.items})),
        )
        for it in e.items:
            stats.record(s, "plan_item", ctx.now, contact, value=it.who.value)
    elif isinstance(e, d.RecordConsent):
        contact.consent = e.given
        contact.consent_at = ctx.now
        contact.consent_version = e.version
        if e.given:
            _event(ctx, "ConsentGiven", version=e.version)
            stats.record(s, "consent", ctx.now, contact, value="yes")
        else:
            forget_after_refusal(s, contact, conv)
            _event(ctx, "ConsentRefused", version=e.version)
            stats.record(s, "consent", ctx.now, None, value="no")
    elif isinstance(e, d.SetStopped):
        contact.stopped = e.stopped
        if e.stopped:
            s.execute(
                update(FollowUp)
                .where(FollowUp.contact_id == contact.id, FollowUp.status == "pending")
                .values(status="cancelled")
            )
        _event(ctx, "Stopped" if e.stopped else "Started")
    elif isinstance(e, d.EraseContact):
        ctx.erase = True
    elif isinstance(e, d.ReportStoredData):
        ctx.extra_replies.append(Reply(stored_data_summary(s, contact, ctx.language)))
        _event(ctx, "DataReported")
    elif isinstance(e, d.ReportPlan):
        s.flush()  # plan changes of this turn first: the plan is read with a plain query
        ctx.extra_replies.append(Reply(plan_text(load_open_plan(s, contact.id), ctx.language)))
        _event(ctx, "PlanReported")
    elif isinstance(e, d.RecordNeeds):
        conv.literal_topics = list(dict.fromkeys([*conv.literal_topics, *e.literal]))
        conv.deeper_topics = list(dict.fromkeys([*conv.deeper_topics, *e.deeper]))
        conv.topics = list(dict.fromkeys([*conv.literal_topics, *conv.deeper_topics]))
        if e.first_ask and not conv.first_ask:
            conv.first_ask = e.first_ask
        _event(ctx, "NeedsRecorded", literal=list(e.literal), deeper=list(e.deeper))
        for t in e.literal:
            stats.record(s, "need_literal", ctx.now, contact, topic=t)
        for t in e.deeper:
            stats.record(s, "need_deeper", ctx.now, contact, topic=t)
    elif isinstance(e, d.SetNeighbourhood):
        contact.neighbourhood = e.name
        _event(ctx, "NeighbourhoodSet")
    elif isinstance(e, d.CloseConversation):
        conv.owner = "closed"
        conv.closed_at = ctx.now
        conv.outcome = {**(conv.outcome or {}), "bot": e.outcome}
        _event(ctx, "Closed", outcome=e.outcome)
    elif isinstance(e, d.RecordFeedback):
        if e.question == "followup_outcome":
            s.execute(
                update(FollowUp)
                .where(FollowUp.contact_id == contact.id, FollowUp.status == "fired")
                .values(status="answered", answered_at=ctx.now)
            )
        _event(ctx, "FeedbackGiven", question=e.question, answer=e.answer)
        stats.record(s, "feedback", ctx.now, contact, value=f"{e.question}:{e.answer}")
    else:
        log.warning("unknown effect %s ignored", type(e).__name__)
