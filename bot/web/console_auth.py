"""Console login, logout, the session cookie and the CSRF check.

The cookie holds a random token (HttpOnly, SameSite=Strict, Secure over https); the
database holds only its hash. Every POST form carries the session's CSRF token; the
login form, sent before there is a session, uses a double-submit cookie.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Coroutine
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.routing import APIRoute

from bot.handoff import audit
from bot.sessions import MAX_AGE, csrf_ok, end_session, find_session, start_session
from bot.staff import check_password
from bot.web.console_access import Viewer
from bot.web.console_render import render
from bot.web.login_throttle import LoginThrottle
from storage.models import Staff

__all__ = ["COOKIE", "ConsoleRoute", "check_csrf", "error_page", "router", "services", "viewer"]


class ConsoleRoute(APIRoute):
    """Console routes answer errors with a small Dutch HTML page, not JSON."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        original = super().get_route_handler()

        async def handler(request: Request) -> Response:
            try:
                return await original(request)
            except HTTPException as exc:
                return error_page(exc)

        return handler


def error_page(exc: HTTPException) -> Response:
    if exc.status_code in (301, 302, 303, 307):
        return Response(status_code=exc.status_code, headers=exc.headers)
    title = _TITLES.get(exc.status_code, "Dat lukt niet")
    html = render("console_message.html", viewer=None, title=title, text=str(exc.detail))
    return HTMLResponse(html, status_code=exc.status_code, headers=exc.headers)


_TITLES = {
    400: "Dat lukt niet",
    401: "Log eerst in",
    403: "Dat mag niet",
    404: "Niet gevonden",
    409: "Dat kan nu niet",
}

router = APIRouter(route_class=ConsoleRoute)
COOKIE = "vd_console"
LOGIN_CSRF_COOKIE = "vd_console_login"

_MESSAGES = {
    "unknown": "Gebruikersnaam of wachtwoord klopt niet.",
    "wrong": "Gebruikersnaam of wachtwoord klopt niet.",
    "locked": "Te vaak een verkeerd wachtwoord. Wacht een kwartier en probeer het dan opnieuw.",
    "expired": "U was een tijd niet actief. Log opnieuw in.",
    "csrf": "Het formulier was verlopen. Probeer het nog een keer.",
    "throttled": "Te veel pogingen vanaf deze plek. Wacht een kwartier en probeer het dan opnieuw.",
}


def services(request: Request) -> Any:
    return request.app.state.services


def _secure(request: Request) -> bool:
    base = services(request).settings.public_base_url or ""
    return request.url.scheme == "https" or base.startswith("https://")


def viewer(request: Request) -> Viewer:
    """FastAPI dependency: the logged-in staff member, or off to the login page."""
    svc = services(request)
    with svc.core.db.session() as s, s.begin():
        found = find_session(s, request.cookies.get(COOKIE), svc.core.clock.now())
        if found is None:
            wants_html = request.method == "GET" and "text/html" in request.headers.get(
                "accept", ""
            )
            if wants_html:
                where = (
                    "/console/login?verlopen=1" if request.cookies.get(COOKIE) else "/console/login"
                )
                raise HTTPException(303, "", headers={"Location": where})
            raise HTTPException(401, "U bent niet (meer) ingelogd. Log opnieuw in.")
        sess, staff = found
        return Viewer(
            id=staff.id,
            name=staff.name,
            username=staff.username,
            role=staff.role,
            csrf=sess.csrf_token,
        )


def check_csrf(v: Viewer, token: str | None) -> None:
    if not csrf_ok(v.csrf, token):
        raise HTTPException(403, _MESSAGES["csrf"])


def _login_page(request: Request, message: str | None, status: int = 200) -> HTMLResponse:
    token = secrets.token_urlsafe(24)
    html = render("console_login.html", csrf=token, message=message, viewer=None)
    resp = HTMLResponse(html, status_code=status)
    resp.set_cookie(
        LOGIN_CSRF_COOKIE,
        token,
        httponly=True,
        samesite="strict",
        secure=_secure(request),
        path="/console/login",
        max_age=3600,
    )
    return resp


def _throttle(request: Request) -> LoginThrottle:
    """One counter per app, made with it (``bot.app.create_app``)."""
    throttle = request.app.state.login_throttle
    assert isinstance(throttle, LoginThrottle)
    return throttle


@router.get("/console/login")
def login_page(request: Request, verlopen: str | None = None) -> Response:
    svc = services(request)
    with svc.core.db.session() as s, s.begin():
        if find_session(s, request.cookies.get(COOKIE), svc.core.clock.now()) is not None:
            return RedirectResponse("/console", status_code=303)
    return _login_page(request, _MESSAGES["expired"] if verlopen else None)


@router.post("/console/login")
def login(
    request: Request,
    username: Annotated[str, Form(max_length=64)] = "",
    password: Annotated[str, Form(max_length=256)] = "",
    csrf: Annotated[str, Form(max_length=128)] = "",
) -> Response:
    if not csrf_ok(request.cookies.get(LOGIN_CSRF_COOKIE) or "", csrf):
        return _login_page(request, _MESSAGES["csrf"], 403)
    svc = services(request)
    now = svc.core.clock.now()
    throttle = _throttle(request)
    address = request.client.host if request.client else "unknown"
    if throttle.blocked(address, now):
        return _login_page(request, _MESSAGES["throttled"], 429)
    new = None
    with svc.core.db.session() as s, s.begin():
        result = check_password(s, username.strip(), password, now)
        if result.staff_id is None:
            audit(s, now, None, "login_failed", detail=f"{username.strip()[:64]}: {result.reason}")
        else:
            new = start_session(s, result.staff_id, now)
            audit(s, now, s.get(Staff, result.staff_id), "login")
    if new is None:
        throttle.failed(address, now)
        return _login_page(request, _MESSAGES.get(result.reason or "", _MESSAGES["wrong"]), 401)
    resp = RedirectResponse("/console", status_code=303)
    resp.set_cookie(
        COOKIE,
        new.token,
        httponly=True,
        samesite="strict",
        secure=_secure(request),
        path="/",
        max_age=int(MAX_AGE.total_seconds()),
    )
    resp.delete_cookie(LOGIN_CSRF_COOKIE, path="/console/login")
    return resp


@router.post("/console/logout")
def logout(
    request: Request,
    v: Annotated[Viewer, Depends(viewer)],
    csrf: Annotated[str, Form(max_length=128)] = "",
) -> Response:
    check_csrf(v, csrf)
    svc = services(request)
    with svc.core.db.session() as s, s.begin():
        end_session(s, request.cookies.get(COOKIE))
        audit(s, svc.core.clock.now(), s.get(Staff, v.id), "logout")
    resp = RedirectResponse("/console/login", status_code=303)
    resp.delete_cookie(COOKIE, path="/")
    return resp
