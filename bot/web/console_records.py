"""Console pages around a person's record: the plan (edit), the full export for a
coordinator (the person's right of access), and the scoreboard for coordinators."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from typing import Annotated, Any
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup
from sqlalchemy import select

from bot.campaigns import progress
from bot.handoff import audit
from bot.report.page import scoreboard_page
from bot.report.period import PeriodError, parse_period
from bot.web.console_access import Viewer, find_conversation
from bot.web.console_admin import Coordinator
from bot.web.console_auth import ConsoleRoute, check_csrf, services, viewer
from bot.web.console_render import render
from bot.web.ids import RowId
from config.hours import next_allowed
from storage.models import (
    Campaign,
    Contact,
    Conversation,
    FollowUp,
    Identity,
    Message,
    Note,
    Plan,
    PlanItemRow,
    Staff,
    Task,
)

__all__ = ["router"]

router = APIRouter(route_class=ConsoleRoute)
WHO = ("self", "network", "volunteer", "professional")
STATUS = ("open", "done", "dropped")


def _editable(s: Any, me: Viewer, conversation_id: int) -> Conversation:
    """The conversation, if this staff member may change its plan and follow-up: the
    one holding it, or a coordinator. Not visible: 404, as on every conversation route."""
    conv = find_conversation(s, me, conversation_id)
    if conv is None:
        raise HTTPException(404, "Dit gesprek bestaat niet of u mag het niet zien.")
    if conv.held_by != me.id and not me.is_coordinator:
        raise HTTPException(403, "Neem het gesprek eerst over.")
    return conv


@router.get("/console/scoreboard", response_class=HTMLResponse)
def scoreboard(request: Request, me: Coordinator) -> HTMLResponse:
    svc = services(request)
    today = svc.core.clock.now().astimezone().date()
    try:
        period = parse_period(
            request.query_params.get("from"), request.query_params.get("to"), today
        )
    except PeriodError as e:
        raise HTTPException(400, str(e)) from None
    body = scoreboard_page(svc.core.db.session, period)
    return HTMLResponse(render("console_scoreboard.html", viewer=me, body=Markup(body)))


@router.post("/console/c/{conversation_id}/plan")
def edit_plan(
    request: Request,
    conversation_id: RowId,
    me: Annotated[Viewer, Depends(viewer)],
    csrf: Annotated[str, Form(max_length=128)] = "",
    item_id: Annotated[list[int], Form()] = [],  # noqa: B006 - FastAPI form lists
    who: Annotated[list[str], Form()] = [],  # noqa: B006
    what: Annotated[list[str], Form()] = [],  # noqa: B006
    when: Annotated[list[str], Form()] = [],  # noqa: B006
    status: Annotated[list[str], Form()] = [],  # noqa: B006
    new_who: Annotated[str, Form(max_length=16)] = "",
    new_what: Annotated[str, Form(max_length=500)] = "",
    new_when: Annotated[str, Form(max_length=100)] = "",
) -> Response:
    """The holder of the conversation (or a coordinator) edits the person's plan."""
    check_csrf(me, csrf)
    svc = services(request)
    now = svc.core.clock.now()
    with svc.core.db.session() as s, s.begin():
        conv = _editable(s, me, conversation_id)
        plan = s.scalar(select(Plan).where(Plan.contact_id == conv.contact_id))
        if plan is None:
            plan = Plan(contact_id=conv.contact_id, created_at=now, updated_at=now)
            s.add(plan)
            s.flush()
        rows = {i.id: i for i in plan.items}
        for i, iid in enumerate(item_id):
            item = rows.get(iid)
            if item is None:
                raise HTTPException(400, "Onbekende afspraak.")
            if i < len(who) and who[i] in WHO:
                item.who = who[i]
            if i < len(what) and what[i].strip():
                item.what = what[i].strip()[:500]
            if i < len(when):
                item.when_text = when[i].strip()[:100] or None
            if i < len(status) and status[i] in STATUS:
                item.status = status[i]
        if new_what.strip():
            if new_who not in WHO:
                raise HTTPException(400, "Kies wie het doet.")
            plan.items.append(
                PlanItemRow(
                    who=new_who,
                    what=new_what.strip(),
                    when_text=new_when.strip() or None,
                    status="open",
                    created_at=now,
                )
            )
        plan.updated_at = now
        audit(
            s,
            now,
            s.get(Staff, me.id),
            "plan_edit",
            contact_id=conv.contact_id,
            conversation_id=conv.id,
        )
    return RedirectResponse(f"/console/c/{conversation_id}?done=plan", status_code=303)


@router.post("/console/c/{conversation_id}/followup")
def move_followup(
    request: Request,
    conversation_id: RowId,
    me: Annotated[Viewer, Depends(viewer)],
    csrf: Annotated[str, Form(max_length=128)] = "",
    day: Annotated[str, Form(max_length=10)] = "",
    at: Annotated[str, Form(max_length=5)] = "10:00",
    cancel: Annotated[str, Form(max_length=8)] = "",
) -> Response:
    """Set, move or cancel the person's follow-up (moved into the contact hours)."""
    check_csrf(me, csrf)
    svc = services(request)
    now = svc.core.clock.now()
    with svc.core.db.session() as s, s.begin():
        conv = _editable(s, me, conversation_id)
        pending = s.scalar(
            select(FollowUp)
            .where(FollowUp.contact_id == conv.contact_id, FollowUp.status == "pending")
            .order_by(FollowUp.due_at)
        )
        if cancel:
            if pending is not None:
                pending.status = "cancelled"
        else:
            try:
                local = datetime.combine(
                    date.fromisoformat(day), time.fromisoformat(at), ZoneInfo(svc.profile.timezone)
                )
            except ValueError:
                raise HTTPException(
                    400, "Kies een datum (jjjj-mm-dd) en een tijd (uu:mm)."
                ) from None
            if local <= now:
                raise HTTPException(400, "Kies een moment in de toekomst.")
            due = next_allowed(local, svc.profile)
            if pending is None:
                s.add(
                    FollowUp(
                        contact_id=conv.contact_id,
                        conversation_id=conv.id,
                        due_at=due,
                        about=(conv.topics or ["other"])[0],
                        status="pending",
                        created_at=now,
                    )
                )
            else:
                pending.due_at = due
        audit(
            s,
            now,
            s.get(Staff, me.id),
            "followup_cancel" if cancel else "followup_move",
            contact_id=conv.contact_id,
            conversation_id=conv.id,
        )
    return RedirectResponse(f"/console/c/{conversation_id}?done=followup", status_code=303)


@router.get("/console/campaigns", response_class=HTMLResponse)
def campaigns(request: Request, me: Coordinator) -> HTMLResponse:
    """Outreach campaigns and how far they are (created with `voordeur campaign create`)."""
    svc = services(request)
    with svc.core.db.reader() as s:
        rows = [
            (c, progress(s, c.id)) for c in s.scalars(select(Campaign).order_by(Campaign.id.desc()))
        ]
    return HTMLResponse(render("console_campaigns.html", viewer=me, rows=rows))


@router.get("/console/c/{conversation_id}/export")
def export(
    request: Request, conversation_id: RowId, me: Annotated[Viewer, Depends(viewer)]
) -> Response:
    """Everything stored about the person, as a JSON file (right of access, AVG art. 15).

    Coordinators only; for anyone else the conversation does not exist (404), as on
    every conversation route."""
    svc = services(request)
    now = svc.core.clock.now()
    with svc.core.db.session() as s, s.begin():
        conv = s.get(Conversation, conversation_id) if me.is_coordinator else None
        contact = s.get(Contact, conv.contact_id) if conv else None
        if contact is None:
            raise HTTPException(404, "Dit gesprek bestaat niet.")
        record = _record(s, contact)
        audit(
            s,
            now,
            s.get(Staff, me.id),
            "export",
            contact_id=contact.id,
            conversation_id=conversation_id,
        )
    body = json.dumps(record, ensure_ascii=False, indent=2, default=str)
    name = f"voordeur-gegevens-{contact.id}-{date.today().isoformat()}.json"
    return Response(
        body,
        media_type="application/json",
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": "no-store",
        },
    )


def _record(s: Any, contact: Contact) -> dict[str, Any]:
    def rows(model: Any, *where: Any) -> list[Any]:
        return list(s.scalars(select(model).where(*where).order_by(model.id)))

    convs = rows(Conversation, Conversation.contact_id == contact.id)
    conv_ids = [c.id for c in convs]
    plan = s.scalar(select(Plan).where(Plan.contact_id == contact.id))
    return {
        "contact": {
            "id": contact.id,
            "name": contact.name,
            "language": contact.language,
            "neighbourhood": contact.neighbourhood,
            "consent": contact.consent,
            "consent_at": contact.consent_at,
            "consent_version": contact.consent_version,
            "stopped": contact.stopped,
            "created_at": contact.created_at,
        },
        "addresses": [
            {"channel": i.channel, "address": i.address}
            for i in rows(Identity, Identity.contact_id == contact.id)
        ],
        "conversations": [
            {
                "id": c.id,
                "started": c.created_at,
                "closed": c.closed_at,
                "topics": c.topics,
                "first_ask": c.first_ask,
                "outcome": c.outcome,
            }
            for c in convs
        ],
        "messages": [
            {
                "at": m.created_at,
                "direction": m.direction,
                "channel": m.channel,
                "author": m.author,
                "text": m.text,
                "options": m.options,
            }
            for m in rows(Message, Message.contact_id == contact.id)
        ],
        "plan": [
            {"who": i.who, "name": i.name, "what": i.what, "when": i.when_text, "status": i.status}
            for i in (plan.items if plan else [])
        ],
        "followups": [
            {"due": f.due_at, "status": f.status, "about": f.about}
            for f in rows(FollowUp, FollowUp.contact_id == contact.id)
        ],
        "notes": [
            {"at": n.created_at, "text": n.text}
            for n in (rows(Note, Note.conversation_id.in_(conv_ids)) if conv_ids else [])
        ],
        "tasks": [
            {"kind": t.kind, "due": t.due_at, "status": t.status}
            for t in rows(Task, Task.contact_id == contact.id)
        ],
    }
