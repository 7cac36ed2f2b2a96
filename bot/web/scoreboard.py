"""``GET /scoreboard``: the anonymous scoreboard for everyone, only when
``PUBLIC_SCOREBOARD`` is on (otherwise 404, as if there were no such page)."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import HTMLResponse

from bot.report.page import compute_scoreboard
from bot.report.period import TZ, PeriodError, parse_period
from bot.report.render import render_html

__all__ = ["router"]

router = APIRouter()


@router.get("/scoreboard", response_class=HTMLResponse)
async def scoreboard(request: Request) -> HTMLResponse:
    services = getattr(request.app.state, "services", None)
    if services is None or not services.settings.public_scoreboard:
        raise HTTPException(404, "Not Found")
    q = request.query_params
    today = services.core.clock.now().astimezone(TZ).date()
    try:
        period = parse_period(q.get("from") or None, q.get("to") or None, today)
    except PeriodError as e:
        raise HTTPException(400, f"Ongeldige periode ({e.field}): gebruik JJJJ-MM-DD.") from None
    board = await asyncio.to_thread(compute_scoreboard, services.core.db.session, period)
    html = render_html(board, standalone=True, action="/scoreboard")
    return HTMLResponse(html, headers={"Cache-Control": "public, max-age=300"})
