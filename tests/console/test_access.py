"""Access control: a volunteer never sees a conversation that is not theirs, whatever
console URL they try. Answers are 404 (existence is not revealed), never 200 with
the conversation's content."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from sqlalchemy import func, select

from storage.models import AuditEntry, Conversation, Handoff, Note, Task
from tests.console.conftest import Console

SECRET = "geheimwoord7781"


def console_routes(app: Any) -> Iterator[tuple[str, str]]:
    """Every (method, path) under /console, also inside included routers."""

    def walk(routes: Any) -> Iterator[tuple[str, str]]:
        for r in routes:
            inner = getattr(r, "original_router", None)
            if inner is not None:
                yield from walk(inner.routes)
                continue
            path = getattr(r, "path", "")
            for m in sorted(getattr(r, "methods", None) or ()):
                if path.startswith("/console") and m != "HEAD":
                    yield m, path

    return walk(app.routes)


def test_route_list_covers_the_console(console: Console) -> None:
    routes = set(console_routes(console.app))
    assert ("GET", "/console/c/{conversation_id}") in routes
    assert ("POST", "/console/c/{conversation_id}/take") in routes
    assert len(routes) >= 15


def test_volunteer_cannot_reach_a_conversation_not_theirs_on_any_route(console: Console) -> None:
    vera = console.staff("vera", "volunteer")
    _, conv = console.handoff_from_chat(f"ik heb schulden {SECRET}")
    with console.db.session() as s, s.begin():
        h = s.scalar(select(Handoff).where(Handoff.conversation_id == conv))
        assert h is not None and h.role == "professional"
        contact_id = h.contact_id
        task = Task(
            contact_id=contact_id,
            conversation_id=conv,
            kind="callback",
            due_at=h.created_at,
            status="open",
            note=f"bel terug {SECRET}",
            created_at=h.created_at,
        )
        s.add(task)
        s.flush()
        task_id = task.id
        audit_before = s.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.staff_id == vera.id)
        )
    ids = {"conversation_id": str(conv), "task_id": str(task_id), "staff_id": str(vera.id)}
    form = {
        "text": "hallo",
        "next_step": "close",
        "helped_by": ["self"],
        "deeper": "ja",
        "name": "X",
        "username": "x",
        "role": "coordinator",
        "password": "een lang wachtwoord",
    }
    checked = 0
    for method, path in console_routes(console.app):
        if path in ("/console/events", "/console/logout", "/console/login"):
            continue
        url = re.sub(r"\{(\w+)\}", lambda m: ids[m.group(1)], path)
        r = vera.get(url) if method == "GET" else vera.post(url, form)
        assert SECRET not in r.text, (method, url)
        assert not (r.status_code == 200 and str(conv) in url), (method, url, r.status_code)
        if "{conversation_id}" in path or "{task_id}" in path:
            assert r.status_code == 404, (method, url, r.status_code)
        checked += 1
    assert checked >= 14
    with console.db.session() as s:
        c = s.get(Conversation, conv)
        assert c is not None and c.held_by is None and c.owner == "waiting"
        assert s.scalar(select(func.count()).select_from(Note)) == 0
        assert s.scalar(select(Task.status).where(Task.id == task_id)) == "open"
        views = s.scalar(
            select(func.count())
            .select_from(AuditEntry)
            .where(AuditEntry.staff_id == vera.id, AuditEntry.conversation_id == conv)
        )
    assert views == 0 and audit_before is not None


def test_unknown_and_foreign_conversations_look_the_same(console: Console) -> None:
    vera = console.staff("vera", "volunteer")
    _, conv = console.handoff_from_chat(f"ik heb schulden {SECRET}")
    foreign = vera.get(f"/console/c/{conv}")
    missing = vera.get("/console/c/999999")
    assert foreign.status_code == missing.status_code == 404
    assert foreign.text == missing.text


def test_volunteer_does_not_see_a_colleagues_offer(console: Console) -> None:
    anna = console.staff("anna", "volunteer")
    bert = console.staff("bert", "volunteer")
    _, conv = console.handoff_from_chat(f"hulp met boodschappen {SECRET}")
    with console.db.session() as s:
        assert (
            s.scalar(select(Handoff.offered_to).where(Handoff.conversation_id == conv)) == anna.id
        )
    assert SECRET in anna.get("/console").text
    assert anna.get(f"/console/c/{conv}").status_code == 200
    queue = bert.get("/console")
    assert SECRET not in queue.text and f"/console/c/{conv}" not in queue.text
    assert bert.get(f"/console/c/{conv}").status_code == 404
    assert bert.post(f"/console/c/{conv}/take").status_code == 404


def test_unoffered_volunteer_handoff_is_visible_to_all_volunteers(console: Console) -> None:
    _, conv = console.handoff_from_chat(f"hulp met boodschappen {SECRET}")
    anna = console.staff("anna", "volunteer")
    with console.db.session() as s:
        assert s.scalar(select(Handoff.offered_to).where(Handoff.conversation_id == conv)) is None
    assert SECRET in anna.get("/console").text
    assert anna.get(f"/console/c/{conv}").status_code == 200


def test_professional_sees_professional_handoffs_and_coordinator_sees_all(console: Console) -> None:
    pro = console.staff("pim", "professional")
    boss = console.staff("boss", "coordinator")
    _, money = console.handoff_from_chat(f"ik heb schulden {SECRET}")
    _, shop = console.handoff_from_chat("hulp met boodschappen")
    assert pro.get(f"/console/c/{money}").status_code == 200
    assert pro.get(f"/console/c/{shop}").status_code == 404
    assert boss.get(f"/console/c/{money}").status_code == 200
    assert boss.get(f"/console/c/{shop}").status_code == 200


def test_what_people_wrote_is_shown_literally(console: Console) -> None:
    boss = console.staff("boss", "coordinator")
    evil = "<script>alert(1)</script> <b>vet</b> \u202eesrever\u202c \x07bel boodschappen"
    _, conv = console.handoff_from_chat(evil)
    page = boss.get(f"/console/c/{conv}").text
    assert "<script>alert(1)</script>" not in page and "<b>vet</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "\u202e" not in page and "\\u202e" in page
    assert "\x07" not in page and "\\u0007" in page
    queue = boss.get("/console").text
    assert "<script>alert(1)" not in queue and "\u202e" not in queue
    part = boss.get(f"/console/c/{conv}/part").text
    assert "&lt;b&gt;vet&lt;/b&gt;" in part


def test_pages_have_no_inline_scripts_or_styles(console: Console) -> None:
    boss = console.staff("boss", "coordinator")
    _, conv = console.handoff_from_chat("hulp met boodschappen")
    for url in (
        "/console",
        f"/console/c/{conv}",
        "/console/staff",
        "/console/audit",
    ):
        html = boss.get(url).text
        assert re.search(r"<script(?![^>]*\bsrc=)", html) is None, url
        assert "style=" not in html and "<style" not in html, url
        assert 'lang="nl"' in html
    login = console.browser.request("GET", "/console/login", {}).text
    assert re.search(r"<script(?![^>]*\bsrc=)", login) is None and "style=" not in login
    assert 'lang="nl"' in login


def test_coordinator_offers_a_handoff_to_a_volunteer_who_then_sees_it(console: Console) -> None:
    boss = console.staff("boss", "coordinator")
    vera = console.staff("vera", "volunteer")
    _, conv = console.handoff_from_chat(f"ik heb schulden {SECRET}")
    assert vera.get(f"/console/c/{conv}").status_code == 404
    assert "Aanbieden aan" in boss.get(f"/console/c/{conv}").text
    assert boss.post(f"/console/c/{conv}/offer", {"staff_id": str(vera.id)}).status_code == 303
    assert vera.get(f"/console/c/{conv}").status_code == 200
    assert vera.post(f"/console/c/{conv}/offer", {"staff_id": str(vera.id)}).status_code in (
        403,
        404,
    )
    assert boss.post(f"/console/c/{conv}/offer", {"staff_id": ""}).status_code == 303
    assert vera.get(f"/console/c/{conv}").status_code == 404
