"""The web chat: a small page, a send endpoint, the message list and live updates.

Each browser gets a random session id in an HttpOnly cookie; that id is the person's
address on the web chat channel. Messages reach the page when the outbox has 'sent'
them, so the web chat follows the same path as every other channel.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, StreamingResponse
from sqlalchemy import select

from bot.messages import Channel, Inbound
from bot.web.ids import AfterId
from storage.models import Identity, Message, OutboxRow

__all__ = ["COOKIE", "router"]

router = APIRouter()
log = logging.getLogger("voordeur.webchat")
COOKIE = "vd_chat"
MAX_TEXT = 2000
#: The provider id is "<cookie>:<client id>" in a 128-character column (PostgreSQL
#: enforces it): a cookie of at most 64, the colon, and at most 63 for the client's id.
MAX_CLIENT_ID = 63
_PAGE = Path(__file__).parent / "templates" / "chat.html"


def _session_id(request: Request) -> str | None:
    sid = request.cookies.get(COOKIE)
    if sid and 16 <= len(sid) <= 64 and sid.replace("-", "").replace("_", "").isalnum():
        return sid
    return None


def _set_cookie(request: Request, response: Any, sid: str) -> None:
    response.set_cookie(
        COOKIE,
        sid,
        httponly=True,
        samesite="strict",
        secure=request.url.scheme == "https",
        max_age=60 * 60 * 24 * 30,
        path="/",
    )


@router.get("/", response_class=HTMLResponse)
async def page(request: Request) -> HTMLResponse:
    services = request.app.state.services
    html = _PAGE.read_text(encoding="utf-8").replace("{{org_name}}", _esc(services.profile.name))
    response = HTMLResponse(html)
    if _session_id(request) is None:
        _set_cookie(request, response, secrets.token_urlsafe(24))
    return response


def _esc(s: str) -> str:
    import html

    return html.escape(s, quote=True)


@router.post("/chat/send")
async def send(request: Request) -> JSONResponse:
    sid = _session_id(request)
    if sid is None:
        raise HTTPException(400, "no chat session: reload the page")
    if request.headers.get("x-voordeur-chat") != "1":
        # A custom header cannot be sent cross-site without CORS: this is our CSRF check.
        raise HTTPException(403, "missing chat header")
    raw = await request.body()
    if len(raw) > 16 * 1024:
        raise HTTPException(413, "message too long")
    try:
        data = json.loads(raw or b"{}")
    except ValueError:
        raise HTTPException(400, "body must be JSON") from None
    text = data.get("text") if isinstance(data, dict) else None
    if not isinstance(text, str) or not text.strip():
        raise HTTPException(400, "text is required")
    if len(text) > MAX_TEXT:
        raise HTTPException(413, f"message longer than {MAX_TEXT} characters")
    client_id = data.get("id")
    provider_id = (
        f"{sid}:{client_id}"
        if isinstance(client_id, str) and len(client_id) <= MAX_CLIENT_ID
        else None
    )
    services = request.app.state.services
    try:
        result = await services.pipeline.handle(
            Inbound(channel=Channel.WEBCHAT, address=sid, text=text, provider_id=provider_id)
        )
    except Exception:
        log.exception("web chat message not stored")
        return JSONResponse({"ok": False, "error": "busy"}, status_code=503)
    if not result.stored:
        return JSONResponse({"ok": False, "error": "busy"}, status_code=503)
    return JSONResponse({"ok": True})


def _messages(services: Any, sid: str, after: int) -> list[dict[str, Any]]:
    with services.core.db.reader() as s:
        contact_id = s.scalar(
            select(Identity.contact_id).where(
                Identity.channel == Channel.WEBCHAT, Identity.address == sid
            )
        )
        if contact_id is None:
            return []
        rows = s.execute(
            select(Message, OutboxRow.status, OutboxRow.channel)
            .outerjoin(OutboxRow, OutboxRow.message_id == Message.id)
            .where(Message.contact_id == contact_id, Message.id > after)
            .order_by(Message.id)
            .limit(200)
        ).all()
        out = []
        for msg, status, out_channel in rows:
            if msg.direction == "out":
                if status not in ("sent", "delivered", "read") or out_channel != Channel.WEBCHAT:
                    continue
            elif msg.channel != Channel.WEBCHAT:
                continue
            out.append(
                {
                    "id": msg.id,
                    "from": "person"
                    if msg.direction == "in"
                    else ("staff" if msg.author.startswith("staff") else "bot"),
                    "text": msg.text,
                    "options": list(msg.options or []),
                }
            )
        return out


@router.get("/chat/messages")
async def messages(request: Request, after: AfterId = 0) -> JSONResponse:
    sid = _session_id(request)
    if sid is None:
        return JSONResponse({"messages": []})
    services = request.app.state.services
    return JSONResponse({"messages": await asyncio.to_thread(_messages, services, sid, after)})


@router.get("/chat/events")
async def events(request: Request) -> StreamingResponse:
    sid = _session_id(request)
    if sid is None:
        raise HTTPException(400, "no chat session")
    hub = request.app.state.services.hub
    topic = f"webchat:{sid}"

    async def stream() -> AsyncIterator[str]:
        q = hub.subscribe(topic)
        try:
            yield "retry: 3000\n\n"
            while not await request.is_disconnected():
                try:
                    item = await asyncio.wait_for(q.get(), timeout=10)
                    yield f"data: {json.dumps(item)}\n\n"
                except TimeoutError:
                    yield ": keep-alive\n\n"
        finally:
            hub.unsubscribe(topic, q)

    return StreamingResponse(
        stream(), media_type="text/event-stream", headers={"Cache-Control": "no-store"}
    )
