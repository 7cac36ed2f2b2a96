"""Plain routes: webhook endpoints served without FastAPI's middleware stack and router.

A provider's webhook is the hottest path of the app (every message a person sends).
Under load FastAPI's layers around it (telemetry, body limit, exception middleware,
exit stack, route matching, the endpoint wrapper) cost about a quarter of the web
process's time per message, more than verifying the signature and handing the message
over. An endpoint that only takes the :class:`~starlette.requests.Request` and returns
a :class:`~starlette.responses.Response` needs none of it: :class:`VoordeurApp` calls it
directly for an exact ``POST`` path, with the same answers as through FastAPI (errors as
``{"error": ...}``, unexpected ones logged and answered 500, the security headers). The
route stays registered with FastAPI as well, so a request that does not match exactly
(another method, a root path) gets the same endpoint the usual way.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable

from fastapi import FastAPI
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import Receive, Scope, Send

__all__ = ["Endpoint", "VoordeurApp"]

log = logging.getLogger("voordeur.web")

Endpoint = Callable[[Request], Awaitable[Response]]


class VoordeurApp(FastAPI):
    """FastAPI, with a short way in for plain ``POST`` endpoints (see module docstring)."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._plain: dict[str, Endpoint] = {}
        self._plain_headers: list[tuple[str, str]] = []

    def plain_post(self, path: str, endpoint: Endpoint) -> None:
        """Serve ``POST path`` by calling ``endpoint`` directly (it must also be routed)."""
        self._plain[path] = endpoint

    def plain_headers(self, headers: dict[str, str]) -> None:
        """Headers every plain answer gets unless it sets them itself (security headers)."""
        self._plain_headers = list(headers.items())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST" and not self.root_path:
            endpoint = self._plain.get(scope["path"])
            if endpoint is not None:
                await self._serve_plain(endpoint, scope, receive, send)
                return
        await super().__call__(scope, receive, send)

    async def _serve_plain(
        self, endpoint: Endpoint, scope: Scope, receive: Receive, send: Send
    ) -> None:
        scope["app"] = self
        request = Request(scope, receive)
        try:
            response = await endpoint(request)
        except HTTPException as exc:
            response = JSONResponse(
                {"error": exc.detail}, status_code=exc.status_code, headers=exc.headers
            )
        except Exception:
            log.exception("unhandled error on %s", scope["path"])
            response = JSONResponse({"error": "internal error"}, status_code=500)
        present = response.headers
        for k, v in self._plain_headers:
            if k not in present:
                present.append(k, v)
        await response(scope, receive, send)
