"""HTTP routes: web chat, console, webhooks and health, with security headers."""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.web.plain import VoordeurApp
from config.settings import Settings

__all__ = ["SECURITY_HEADERS", "SecurityHeaders", "install"]

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
        "form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


class SecurityHeaders:
    """Adds the security headers to every HTTP response that does not set them itself.

    A plain ASGI middleware: Starlette's ``@app.middleware("http")`` wraps every
    request in an extra task and a streamed body; this only edits the start message.
    """

    def __init__(self, app: ASGIApp, headers: dict[str, str]) -> None:
        self.app = app
        self.headers = list(headers.items())

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = MutableHeaders(scope=message)
                for k, v in self.headers:
                    if k not in present:
                        present.append(k, v)
            await send(message)

        await self.app(scope, receive, send_with_headers)


def install(app: FastAPI, settings: Settings) -> None:
    from bot.web import chat, health, scoreboard
    from handlers import twilio_sms, twilio_status, twilio_voice, twilio_whatsapp

    headers = dict(SECURITY_HEADERS)
    if (settings.public_base_url or "").startswith("https://"):
        headers["Strict-Transport-Security"] = "max-age=31536000"
    app.add_middleware(SecurityHeaders, headers=headers)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return JSONResponse({"error": exc.detail}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        return JSONResponse({"error": f"bad request: {where} {first.get('msg', '')}".strip()}, 400)

    @app.exception_handler(Exception)
    async def server_error(request: Request, exc: Exception) -> Response:
        import logging

        logging.getLogger("voordeur.web").exception("unhandled error on %s", request.url.path)
        return JSONResponse({"error": "internal error"}, status_code=500)

    app.mount(
        "/static",
        StaticFiles(directory=str(Path(__file__).parent / "static")),
        name="static",
    )
    app.include_router(health.router)
    app.include_router(chat.router)
    app.include_router(scoreboard.router)
    for module in (twilio_sms, twilio_whatsapp, twilio_voice, twilio_status):
        app.include_router(module.router)
    if isinstance(app, VoordeurApp):
        # Every message a person sends and every delivery status: no FastAPI layers.
        app.plain_headers(headers)
        app.plain_post(twilio_sms.SMS_PATH, twilio_sms.sms_webhook)
        app.plain_post(twilio_whatsapp.WHATSAPP_PATH, twilio_whatsapp.whatsapp_webhook)
        app.plain_post(twilio_sms.STATUS_PATH, twilio_status.status_webhook)
    if settings.telegram_enabled:
        # Without a bot token nothing can answer on Telegram, so its webhook is not served
        # and python-telegram-bot (about 17 MB) is not imported.
        from handlers import telegram

        app.include_router(telegram.router)
    try:
        from bot.web import console
    except ImportError:
        return
    app.include_router(console.router)
