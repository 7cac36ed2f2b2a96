"""Coordinator pages: staff accounts and the audit log."""

from __future__ import annotations

from typing import Annotated

from argon2 import PasswordHasher
from fastapi import APIRouter, Depends, Form, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import delete, func, select

from bot.handoff import audit
from bot.staff import ROLES, create_staff
from bot.web.console_access import Viewer
from bot.web.console_auth import ConsoleRoute, check_csrf, services, viewer
from bot.web.console_render import render
from bot.web.ids import RowId
from storage.models import AuditEntry, Staff, StaffSession

__all__ = ["MIN_PASSWORD", "NOTIFY_CHANNELS", "router", "set_duty"]

router = APIRouter(route_class=ConsoleRoute)
MIN_PASSWORD = 10
AUDIT_PER_PAGE = 100
#: Where urgent notices can go (see bot.routing.notify_urgent).
NOTIFY_CHANNELS = ("telegram", "sms")

ACTION_NAMES = {
    "view": "bekeken",
    "take": "overgenomen",
    "reply": "bericht gestuurd",
    "note": "notitie",
    "release": "teruggegeven",
    "close": "afgesloten",
    "login": "ingelogd",
    "logout": "uitgelogd",
    "login_failed": "inloggen mislukt",
    "staff_add": "medewerker toegevoegd",
    "staff_disable": "medewerker uitgezet",
    "staff_enable": "medewerker aangezet",
    "task_done": "taak klaar",
    "duty_on": "dienst aan",
    "offer": "aangeboden",
    "staff_password": "nieuw wachtwoord gezet",
    "duty_off": "dienst uit",
    "plan_edit": "plan aangepast",
    "followup_move": "terugkoppeling verzet",
    "followup_cancel": "terugkoppeling geschrapt",
    "export": "gegevens uitgevoerd",
}


def coordinator(me: Annotated[Viewer, Depends(viewer)]) -> Viewer:
    if not me.is_coordinator:
        raise HTTPException(403, "Alleen voor coördinatoren.")
    return me


Coordinator = Annotated[Viewer, Depends(coordinator)]


def _split(text: str) -> list[str]:
    return [p.strip() for p in text.replace(";", ",").split(",") if p.strip()]


@router.get("/console/audit", response_class=HTMLResponse)
def audit_log(
    request: Request, me: Coordinator, page: Annotated[int, Query(ge=1, le=100000)] = 1
) -> HTMLResponse:
    svc = services(request)
    with svc.core.db.session() as s:
        total = s.scalar(select(func.count()).select_from(AuditEntry)) or 0
        rows = list(
            s.scalars(
                select(AuditEntry)
                .order_by(AuditEntry.id.desc())
                .limit(AUDIT_PER_PAGE)
                .offset((page - 1) * AUDIT_PER_PAGE)
            )
        )
        names = {sid: name for sid, name in s.execute(select(Staff.id, Staff.name))}
    pages = max((total + AUDIT_PER_PAGE - 1) // AUDIT_PER_PAGE, 1)
    return HTMLResponse(
        render(
            "console_audit.html",
            viewer=me,
            rows=rows,
            names=names,
            page=page,
            pages=pages,
            actions=ACTION_NAMES,
        )
    )


def _staff_page(
    request: Request,
    me: Viewer,
    message: str | None = None,
    error: str | None = None,
    status: int = 200,
) -> HTMLResponse:
    svc = services(request)
    with svc.core.db.session() as s:
        staff = list(s.scalars(select(Staff).order_by(Staff.active.desc(), Staff.name)))
    return HTMLResponse(
        render(
            "console_staff.html", viewer=me, staff=staff, roles=ROLES, message=message, error=error
        ),
        status_code=status,
    )


@router.get("/console/staff", response_class=HTMLResponse)
def staff_list(request: Request, me: Coordinator, done: str | None = None) -> HTMLResponse:
    return _staff_page(
        request,
        me,
        {
            "add": "De medewerker is toegevoegd.",
            "disable": "De medewerker kan niet meer inloggen.",
            "enable": "De medewerker kan weer inloggen.",
            "duty": "De dienst is aangepast.",
            "password": "Het nieuwe wachtwoord is ingesteld. Geef het persoonlijk door.",
            "edit": "De gegevens zijn aangepast.",
        }.get(done or ""),
    )


@router.post("/console/staff")
def staff_add(
    request: Request,
    me: Coordinator,
    csrf: Annotated[str, Form(max_length=128)] = "",
    name: Annotated[str, Form(max_length=120)] = "",
    username: Annotated[str, Form(max_length=64)] = "",
    role: Annotated[str, Form(max_length=16)] = "",
    neighbourhoods: Annotated[str, Form(max_length=500)] = "",
    skills: Annotated[str, Form(max_length=500)] = "",
    languages: Annotated[str, Form(max_length=100)] = "nl",
    max_open: Annotated[int, Form(ge=1, le=100)] = 5,
    password: Annotated[str, Form(max_length=256)] = "",
    notify_channel: Annotated[str, Form(max_length=16)] = "",
    notify_address: Annotated[str, Form(max_length=128)] = "",
) -> Response:
    check_csrf(me, csrf)
    channel, address = _notify(notify_channel, notify_address)
    if not name.strip() or not username.strip():
        return _staff_page(request, me, error="Vul een naam en een gebruikersnaam in.", status=400)
    error = _profile_error(name, role, channel, address)
    if error is not None:
        return _staff_page(request, me, error=error, status=400)
    if len(password) < MIN_PASSWORD:
        return _staff_page(
            request,
            me,
            error=f"Het wachtwoord moet minstens {MIN_PASSWORD} tekens hebben.",
            status=400,
        )
    svc = services(request)
    now = svc.core.clock.now()
    try:
        with svc.core.db.session() as s, s.begin():
            new = create_staff(
                s,
                username=username.strip(),
                name=name.strip(),
                role=role,
                now=now,
                password=password,
                neighbourhoods=_split(neighbourhoods),
                skills=_split(skills),
                languages=_split(languages) or ["nl"],
                max_open=max_open,
            )
            new.notify_channel, new.notify_address = channel, address
            audit(s, now, s.get(Staff, me.id), "staff_add", detail=f"staff {new.id}")
    except ValueError:
        return _staff_page(
            request,
            me,
            error="Deze gebruikersnaam kan niet: hij bestaat al of heeft "
            "andere tekens dan letters, cijfers, '-', '_' en '.'.",
            status=400,
        )
    return RedirectResponse("/console/staff?done=add", status_code=303)


@router.post("/console/staff/{staff_id}/edit")
def staff_edit(
    request: Request,
    staff_id: RowId,
    me: Coordinator,
    csrf: Annotated[str, Form(max_length=128)] = "",
    name: Annotated[str, Form(max_length=120)] = "",
    role: Annotated[str, Form(max_length=16)] = "",
    neighbourhoods: Annotated[str, Form(max_length=500)] = "",
    skills: Annotated[str, Form(max_length=500)] = "",
    languages: Annotated[str, Form(max_length=100)] = "nl",
    max_open: Annotated[int, Form(ge=1, le=100)] = 5,
    notify_channel: Annotated[str, Form(max_length=16)] = "",
    notify_address: Annotated[str, Form(max_length=128)] = "",
) -> Response:
    """A coordinator changes what a colleague does: name, role, neighbourhoods, topics,
    languages, how many conversations at once, and where urgent notices go."""
    check_csrf(me, csrf)
    channel, address = _notify(notify_channel, notify_address)
    error = _profile_error(name, role, channel, address)
    if error is not None:
        return _staff_page(request, me, error=error, status=400)
    if staff_id == me.id and role != "coordinator":
        # Otherwise the last coordinator could lock everyone out of this page.
        return _staff_page(
            request, me, error="U kunt uw eigen rol niet veranderen. Vraag een collega.", status=400
        )
    svc = services(request)
    now = svc.core.clock.now()
    with svc.core.db.session() as s, s.begin():
        st = s.get(Staff, staff_id)
        if st is None:
            raise HTTPException(404, "Deze medewerker bestaat niet.")
        before = _profile_of(st)
        st.name, st.role, st.max_open = name.strip(), role, max_open
        st.neighbourhoods, st.skills = _split(neighbourhoods), _split(skills)
        st.languages = _split(languages) or ["nl"]
        st.notify_channel, st.notify_address = channel, address
        changed = sorted(k for k, v in _profile_of(st).items() if before[k] != v)
        detail = f"staff {st.id}: " + (", ".join(changed) or "nothing changed")
        audit(s, now, s.get(Staff, me.id), "staff_edit", detail=detail)
    return RedirectResponse("/console/staff?done=edit", status_code=303)


def _notify(channel: str, address: str) -> tuple[str | None, str | None]:
    """Where urgent notices go: a known channel and its address, or nothing."""
    known = channel if channel in NOTIFY_CHANNELS else None
    return known, (address.strip() or None) if known else None


def _profile_error(name: str, role: str, channel: str | None, address: str | None) -> str | None:
    """What is wrong with a staff form (add or change), in plain Dutch, or None."""
    if channel and not address:
        return "Vul ook het nummer of de chat-id voor meldingen in."
    if not name.strip():
        return "Vul een naam in."
    if role not in ROLES:
        return "Kies een rol."
    return None


def _profile_of(st: Staff) -> dict[str, object]:
    return {
        "name": st.name,
        "role": st.role,
        "neighbourhoods": list(st.neighbourhoods or []),
        "skills": list(st.skills or []),
        "languages": list(st.languages or []),
        "max_open": st.max_open,
        "notify": (st.notify_channel, st.notify_address),
    }


def _set_active(request: Request, me: Viewer, staff_id: int, active: bool) -> Response:
    svc = services(request)
    now = svc.core.clock.now()
    with svc.core.db.session() as s, s.begin():
        st = s.get(Staff, staff_id)
        if st is None:
            raise HTTPException(404, "Deze medewerker bestaat niet.")
        if st.id == me.id and not active:
            raise HTTPException(400, "U kunt uzelf niet uitzetten.")
        st.active = active
        if not active:
            s.execute(delete(StaffSession).where(StaffSession.staff_id == st.id))
        audit(
            s,
            now,
            s.get(Staff, me.id),
            "staff_enable" if active else "staff_disable",
            detail=f"staff {st.id}",
        )
    return RedirectResponse(
        f"/console/staff?done={'enable' if active else 'disable'}", status_code=303
    )


@router.post("/console/staff/{staff_id}/disable")
def staff_disable(
    request: Request,
    staff_id: RowId,
    me: Coordinator,
    csrf: Annotated[str, Form(max_length=128)] = "",
) -> Response:
    check_csrf(me, csrf)
    return _set_active(request, me, staff_id, False)


@router.post("/console/staff/{staff_id}/enable")
def staff_enable(
    request: Request,
    staff_id: RowId,
    me: Coordinator,
    csrf: Annotated[str, Form(max_length=128)] = "",
) -> Response:
    check_csrf(me, csrf)
    return _set_active(request, me, staff_id, True)


def set_duty(request: Request, me: Viewer, staff_id: int, on: bool) -> None:
    """Put someone on or off duty (on duty: gets the urgent notice)."""
    svc = services(request)
    now = svc.core.clock.now()
    with svc.core.db.session() as s, s.begin():
        st = s.get(Staff, staff_id)
        if st is None:
            raise HTTPException(404, "Deze medewerker bestaat niet.")
        st.on_duty = on
        audit(s, now, s.get(Staff, me.id), "duty_on" if on else "duty_off", detail=f"staff {st.id}")


@router.post("/console/staff/{staff_id}/duty")
def staff_duty(
    request: Request,
    staff_id: RowId,
    me: Coordinator,
    csrf: Annotated[str, Form(max_length=128)] = "",
    on: Annotated[str, Form(max_length=3)] = "",
) -> Response:
    check_csrf(me, csrf)
    set_duty(request, me, staff_id, on == "ja")
    return RedirectResponse("/console/staff?done=duty", status_code=303)


@router.post("/console/duty")
def my_duty(
    request: Request,
    me: Annotated[Viewer, Depends(viewer)],
    csrf: Annotated[str, Form(max_length=128)] = "",
    on: Annotated[str, Form(max_length=3)] = "",
) -> Response:
    """Any staff member may say they are on duty now, or not."""
    check_csrf(me, csrf)
    set_duty(request, me, me.id, on == "ja")
    return RedirectResponse("/console", status_code=303)


@router.post("/console/staff/{staff_id}/password")
def staff_password(
    request: Request,
    staff_id: RowId,
    me: Coordinator,
    csrf: Annotated[str, Form(max_length=128)] = "",
    password: Annotated[str, Form(max_length=256)] = "",
) -> Response:
    """A new password from a coordinator; also lifts a lock-out. Other sessions end."""
    check_csrf(me, csrf)
    if len(password) < MIN_PASSWORD:
        return _staff_page(
            request,
            me,
            error=f"Het wachtwoord moet minstens {MIN_PASSWORD} tekens hebben.",
            status=400,
        )
    svc = services(request)
    now = svc.core.clock.now()
    with svc.core.db.session() as s, s.begin():
        st = s.get(Staff, staff_id)
        if st is None:
            raise HTTPException(404, "Deze medewerker bestaat niet.")
        st.password_hash = PasswordHasher().hash(password)
        st.failed_logins, st.locked_until = 0, None
        if st.id != me.id:
            s.execute(delete(StaffSession).where(StaffSession.staff_id == st.id))
        audit(s, now, s.get(Staff, me.id), "staff_password", detail=f"staff {st.id}")
    return RedirectResponse("/console/staff?done=password", status_code=303)
