"""Liveness and readiness."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from bot.metrics import CONTENT_TYPE

__all__ = ["router"]

router = APIRouter()


@router.get("/healthz")
async def healthz() -> dict[str, str]:
    return {"status": "alive"}


@router.get("/metrics")
async def metrics(request: Request) -> Response:
    services = getattr(request.app.state, "services", None)
    if services is None or services.metrics is None:
        return Response("starting\n", status_code=503, media_type="text/plain")
    body = await asyncio.to_thread(services.metrics.render)
    return Response(body, media_type=CONTENT_TYPE)


@router.get("/readyz")
async def readyz(request: Request) -> JSONResponse:
    services = getattr(request.app.state, "services", None)
    if services is None:
        return JSONResponse({"status": "starting"}, status_code=503)
    db = services.core.db

    def check() -> tuple[bool, bool]:
        try:
            return True, db.is_current()
        except Exception:  # noqa: BLE001 - any database failure means: not ready
            return False, False

    reachable, current = await asyncio.to_thread(check)
    body = {
        "database": "ok" if reachable else "unreachable",
        "migrations": "current" if current else "behind",
        "channels": services.settings.enabled_channels(),
    }
    ok = reachable and current
    turns = services.pipeline.turn_process
    if turns is not None:  # TURN_PROCESS: no turns while a killed child is replaced
        running = turns.pid is not None
        body["turn_process"] = "running" if running else "restarting"
        ok = ok and running
    body["status"] = "ready" if ok else "not ready"
    return JSONResponse(body, status_code=200 if ok else 503)
