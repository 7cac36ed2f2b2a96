"""The console: the queue of people waiting for a human, one conversation at a time,
live updates, and (for coordinators) staff and the audit log.

Every route checks who is asking (:func:`viewer`) and every query goes through the
conditions in :mod:`bot.web.console_access`; a conversation someone may not see is
answered with 404, the same as one that does not exist. Every view and action is
audited.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response, StreamingResponse
from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import stats
from bot.handoff import AlreadyTaken, NotAllowed, Outcome, audit
from bot.web import console_admin, console_records
from bot.web.console_access import (
    ACTIVE_HANDOFF,
    Viewer,
    find_conversation,
    find_task,
    my_conversations,
    open_tasks,
    plans_for,
    queue_page,
)
from bot.web.console_auth import ConsoleRoute, check_csrf, services, viewer
from bot.web.console_auth import router as auth_router
from bot.web.console_render import HELPED_BY, render
from bot.web.ids import RowId, row_id
from storage.models import Contact, Conversation, FollowUp, Handoff, Message, Note, Staff

__all__ = ["PER_PAGE", "router"]

router = APIRouter(route_class=ConsoleRoute)
router.include_router(auth_router)
router.include_router(console_admin.router)
router.include_router(console_records.router)

PER_PAGE = 50
Me = Annotated[Viewer, Depends(viewer)]
Csrf = Annotated[str, Form(max_length=128)]

_DONE = {
    "take": "U heeft het gesprek overgenomen. De computer stuurt nu niets meer.",
    "reply": "Uw bericht is verstuurd.",
    "note": "Uw notitie is opgeslagen.",
    "release": "Het gesprek is teruggegeven aan de computer.",
    "close": "Het gesprek is afgesloten. Dank u wel.",
    "task": "De taak staat op klaar.",
    "offer": "Het gesprek is aangeboden.",
    "plan": "Het plan is aangepast.",
    "followup": "De terugkoppeling is aangepast.",
}
_REFUSED = {
    "empty": "Een leeg bericht wordt niet verstuurd.",
    "not_held": "Neem het gesprek eerst over.",
}


def _queue_context(s: Session, v: Viewer, page: int, now: Any) -> dict[str, Any]:
    rows, total = queue_page(s, v, page, PER_PAGE)
    mine = my_conversations(s, v)
    plans = plans_for(s, list({r.conversation.contact_id for r in [*rows, *mine]}))
    pages = max((total + PER_PAGE - 1) // PER_PAGE, 1)
    return {
        "rows": rows,
        "mine": mine,
        "plans": plans,
        "total": total,
        "page": page,
        "pages": pages,
        "tasks": open_tasks(s, v),
        "on_duty": bool(s.scalar(select(Staff.on_duty).where(Staff.id == v.id))),
        "now": now,
    }


@router.get("/console", response_class=HTMLResponse)
def queue(
    request: Request,
    me: Me,
    page: Annotated[int, Query(ge=1, le=100000)] = 1,
    done: str | None = None,
) -> HTMLResponse:
    svc = services(request)
    with svc.core.db.session() as s:
        ctx = _queue_context(s, me, page, svc.core.clock.now())
        html = render(
            "console_queue.html",
            viewer=me,
            message=_DONE.get(done or ""),
            live="queue",
            part_url=f"/console/part/queue?page={page}",
            **ctx,
        )
    return HTMLResponse(html)


@router.get("/console/part/queue", response_class=HTMLResponse)
def queue_part(
    request: Request, me: Me, page: Annotated[int, Query(ge=1, le=100000)] = 1
) -> HTMLResponse:
    svc = services(request)
    with svc.core.db.session() as s:
        ctx = _queue_context(s, me, page, svc.core.clock.now())
        html = render("console_queue_part.html", viewer=me, **ctx)
    return HTMLResponse(html, headers={"Cache-Control": "no-store"})


def _author(msg: Message, names: dict[int, str]) -> str:
    if msg.author == "person":
        return "Persoon"
    if msg.author == "bot":
        return "Computer"
    if msg.author.startswith("staff:"):
        try:
            return names.get(int(msg.author.split(":", 1)[1]), "Medewerker")
        except ValueError:
            return "Medewerker"
    return "Systeem"


def _conversation_context(s: Session, conv: Conversation, now: Any) -> dict[str, Any]:
    names = {sid: name for sid, name in s.execute(select(Staff.id, Staff.name))}
    msgs = list(
        s.scalars(
            select(Message)
            .where(Message.conversation_id == conv.id)
            .order_by(Message.id.desc())
            .limit(500)
        )
    )[::-1]
    notes = list(s.scalars(select(Note).where(Note.conversation_id == conv.id).order_by(Note.id)))
    handoffs = list(
        s.scalars(
            select(Handoff).where(Handoff.conversation_id == conv.id).order_by(Handoff.id.desc())
        )
    )
    current = next(
        (h for h in handoffs if h.status in ACTIVE_HANDOFF), handoffs[0] if handoffs else None
    )
    contact = s.get(Contact, conv.contact_id)
    return {
        "conv": conv,
        "contact": contact,
        "messages": [(m, _author(m, names)) for m in msgs],
        "notes": [(n, names.get(n.staff_id or 0, "Medewerker")) for n in notes],
        "handoff": current,
        "handoffs": handoffs,
        "plan": plans_for(s, [conv.contact_id]).get(conv.contact_id, []),
        "followup": s.scalar(
            select(FollowUp)
            .where(FollowUp.contact_id == conv.contact_id, FollowUp.status == "pending")
            .order_by(FollowUp.due_at)
            .limit(1)
        ),
        "holder": names.get(conv.held_by) if conv.held_by else None,
        "offered": names.get(current.offered_to) if current and current.offered_to else None,
        "now": now,
    }


def _visible_or_404(s: Session, me: Viewer, conversation_id: int) -> Conversation:
    conv = find_conversation(s, me, conversation_id)
    if conv is None:
        raise HTTPException(404, "Dit gesprek bestaat niet of u mag het niet zien.")
    return conv


@router.get("/console/c/{conversation_id}", response_class=HTMLResponse)
def conversation(
    request: Request,
    conversation_id: RowId,
    me: Me,
    done: str | None = None,
    refused: str | None = None,
) -> HTMLResponse:
    svc = services(request)
    now = svc.core.clock.now()
    with svc.core.db.session() as s, s.begin():
        conv = _visible_or_404(s, me, conversation_id)
        ctx = _conversation_context(s, conv, now)
        audit(
            s, now, s.get(Staff, me.id), "view", contact_id=conv.contact_id, conversation_id=conv.id
        )
        ctx["colleagues"] = (
            list(
                s.scalars(
                    select(Staff).where(Staff.active.is_(True)).order_by(Staff.role, Staff.name)
                )
            )
            if me.is_coordinator
            else []
        )
        html = render(
            "console_conversation.html",
            viewer=me,
            live="conversation",
            part_url=f"/console/c/{conv.id}/part",
            message=_DONE.get(done or ""),
            error=_REFUSED.get(refused or ""),
            helped_by=HELPED_BY,
            **ctx,
        )
    return HTMLResponse(html)


@router.get("/console/c/{conversation_id}/part", response_class=HTMLResponse)
def conversation_part(request: Request, conversation_id: RowId, me: Me) -> HTMLResponse:
    svc = services(request)
    with svc.core.db.session() as s:
        conv = _visible_or_404(s, me, conversation_id)
        html = render(
            "console_thread_part.html",
            viewer=me,
            **_conversation_context(s, conv, svc.core.clock.now()),
        )
    return HTMLResponse(html, headers={"Cache-Control": "no-store"})


def _check_visible(request: Request, me: Viewer, conversation_id: int) -> None:
    svc = services(request)
    with svc.core.db.session() as s:
        _visible_or_404(s, me, conversation_id)


def _back(conversation_id: int, **query: str) -> RedirectResponse:
    q = "&".join(f"{k}={v}" for k, v in query.items())
    return RedirectResponse(
        f"/console/c/{conversation_id}" + (f"?{q}" if q else ""), status_code=303
    )


def _taken_page(me: Viewer, holder: str) -> HTMLResponse:
    html = render(
        "console_message.html",
        viewer=me,
        title="Al overgenomen",
        text=f"Dit gesprek is al overgenomen door {holder}.",
    )
    return HTMLResponse(html, status_code=409)


def _publish(request: Request, kind: str) -> None:
    services(request).hub.publish("console", {"kind": kind})


@router.post("/console/c/{conversation_id}/take")
def take(request: Request, conversation_id: RowId, me: Me, csrf: Csrf = "") -> Response:
    check_csrf(me, csrf)
    _check_visible(request, me, conversation_id)
    try:
        services(request).staff.take(me.id, conversation_id)
    except AlreadyTaken as e:
        return _taken_page(me, e.holder)
    except NotAllowed:
        raise HTTPException(404, "Dit gesprek bestaat niet of u mag het niet zien.") from None
    _publish(request, "handoff")
    return _back(conversation_id, done="take")


@router.post("/console/c/{conversation_id}/reply")
def reply(
    request: Request,
    conversation_id: RowId,
    me: Me,
    csrf: Csrf = "",
    text: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    check_csrf(me, csrf)
    _check_visible(request, me, conversation_id)
    if not text.strip():
        return _back(conversation_id, refused="empty")
    try:
        services(request).staff.reply(me.id, conversation_id, text)
    except AlreadyTaken as e:
        return _taken_page(me, e.holder)
    except NotAllowed:
        return _back(conversation_id, refused="not_held")
    _publish(request, "message")
    return _back(conversation_id, done="reply")


@router.post("/console/c/{conversation_id}/note")
def note(
    request: Request,
    conversation_id: RowId,
    me: Me,
    csrf: Csrf = "",
    text: Annotated[str, Form(max_length=4000)] = "",
) -> Response:
    check_csrf(me, csrf)
    _check_visible(request, me, conversation_id)
    if not text.strip():
        return _back(conversation_id, refused="empty")
    services(request).staff.note(me.id, conversation_id, text.strip())
    return _back(conversation_id, done="note")


@router.post("/console/c/{conversation_id}/release")
def release(
    request: Request,
    conversation_id: RowId,
    me: Me,
    csrf: Csrf = "",
    next_step: Annotated[str, Form(max_length=16)] = "",
) -> Response:
    check_csrf(me, csrf)
    _check_visible(request, me, conversation_id)
    step = next_step if next_step in ("followup", "close") else None
    try:
        services(request).staff.release(me.id, conversation_id, step)
    except AlreadyTaken as e:
        return _taken_page(me, e.holder)
    except NotAllowed:
        return _back(conversation_id, refused="not_held")
    _publish(request, "message")
    return RedirectResponse("/console?done=release", status_code=303)


@router.post("/console/c/{conversation_id}/close")
def close(
    request: Request,
    conversation_id: RowId,
    me: Me,
    csrf: Csrf = "",
    helped_by: Annotated[list[str] | None, Form()] = None,
    deeper: Annotated[str, Form(max_length=8)] = "",
    note: Annotated[str, Form(max_length=4000)] = "",
) -> Response:
    check_csrf(me, csrf)
    _check_visible(request, me, conversation_id)
    who = tuple(w for w in dict.fromkeys(helped_by or []) if w in HELPED_BY)
    outcome = Outcome(
        helped_by=who,
        deeper_addressed={"ja": True, "nee": False}.get(deeper),
        note=note.strip() or None,
    )
    try:
        services(request).staff.close(me.id, conversation_id, outcome)
    except AlreadyTaken as e:
        return _taken_page(me, e.holder)
    except NotAllowed:
        return _back(conversation_id, refused="not_held")
    _publish(request, "handoff")
    return RedirectResponse("/console?done=close", status_code=303)


@router.post("/console/c/{conversation_id}/offer")
def offer_to(
    request: Request,
    conversation_id: RowId,
    me: Me,
    csrf: Csrf = "",
    staff_id: Annotated[str, Form(max_length=12)] = "",
) -> Response:
    """Coordinators offer a waiting handoff to someone else (or to the whole role)."""
    check_csrf(me, csrf)
    _check_visible(request, me, conversation_id)
    if not me.is_coordinator:
        raise HTTPException(403, "Alleen coördinatoren kunnen een gesprek aanbieden.")
    svc = services(request)
    now = svc.core.clock.now()
    with svc.core.db.session() as s, s.begin():
        conv = _visible_or_404(s, me, conversation_id)
        wanted = row_id(staff_id)
        target = s.get(Staff, wanted) if wanted is not None else None
        if staff_id and (target is None or not target.active):
            raise HTTPException(400, "Deze medewerker bestaat niet of staat uit.")
        h = s.scalar(
            select(Handoff)
            .where(Handoff.conversation_id == conv.id, Handoff.status == "waiting")
            .order_by(Handoff.id.desc())
            .limit(1)
        )
        if h is None:
            raise HTTPException(409, "Er is geen wachtende overdracht om aan te bieden.")
        h.offered_to = target.id if target else None
        audit(
            s,
            now,
            s.get(Staff, me.id),
            "offer",
            contact_id=conv.contact_id,
            conversation_id=conv.id,
            detail=f"staff {target.id}" if target else "role",
        )
    _publish(request, "handoff")
    return _back(conversation_id, done="offer")


@router.post("/console/tasks/{task_id}/done")
def task_done(request: Request, task_id: RowId, me: Me, csrf: Csrf = "") -> Response:
    check_csrf(me, csrf)
    svc = services(request)
    now = svc.core.clock.now()
    with svc.core.db.session() as s, s.begin():
        task = find_task(s, me, task_id)
        if task is None:
            raise HTTPException(404, "Deze taak bestaat niet of u mag hem niet zien.")
        task.status, task.done_at = "done", now
        stats.record(
            s,
            "task_done",
            now,
            s.get(Contact, task.contact_id) if task.contact_id else None,
            value=task.kind,
        )
        audit(
            s,
            now,
            s.get(Staff, me.id),
            "task_done",
            contact_id=task.contact_id,
            conversation_id=task.conversation_id,
            detail=f"task {task.id}",
        )
    return RedirectResponse("/console?done=task", status_code=303)


def _still_logged_in(request: Request) -> bool:
    try:
        viewer(request)
    except HTTPException:
        return False
    return True


@router.get("/console/events")
async def events(request: Request, me: Me) -> StreamingResponse:
    """Server-Sent Events: only *that* something changed; the page then fetches what
    this viewer may see, so no ids or texts travel over this stream."""
    hub = services(request).hub

    async def stream() -> AsyncIterator[str]:
        q = hub.subscribe("console")
        try:
            yield "retry: 3000\n\n"
            while not await request.is_disconnected():
                try:
                    item = await asyncio.wait_for(q.get(), timeout=10)
                    yield f"data: {json.dumps({'kind': str(item.get('kind', 'change'))})}\n\n"
                except TimeoutError:
                    if not await asyncio.to_thread(_still_logged_in, request):
                        return  # logged out or disabled: the page's next fetch gets 401
                    yield ": keep-alive\n\n"
        finally:
            hub.unsubscribe("console", q)

    return StreamingResponse(
        stream(), media_type="text/event-stream", headers={"Cache-Control": "no-store"}
    )
