"""A volunteer's day in the console: the queue, taking over, replying, handing back."""

from __future__ import annotations

import time

from sqlalchemy import func, select

from storage.models import AuditEntry, Conversation, Handoff, Message, Note
from tests.console.conftest import PASSWORD, Console, Person


def _wait_for(person: Person, text: str, timeout: float = 5.0) -> list[dict]:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        msgs = person.messages()
        if any(text in m["text"] for m in msgs):
            return msgs
        time.sleep(0.05)
    raise AssertionError(f"{text!r} never reached the person: {person.messages()}")


def test_handoff_is_offered_to_the_volunteer_and_shows_its_summary(console: Console) -> None:
    vera = console.staff("vera", "volunteer", skills=["groceries"])
    _, conv = console.handoff_from_chat("ik heb hulp nodig met boodschappen")
    with console.db.session() as s:
        h = s.scalar(select(Handoff).where(Handoff.conversation_id == conv))
    assert h is not None and h.role == "volunteer" and h.offered_to == vera.id
    page = vera.get("/console")
    assert page.status_code == 200
    assert f"/console/c/{conv}" in page.text
    assert "Boodschappen" in page.text and "Webchat" in page.text and "wacht" in page.text


def test_volunteer_takes_replies_and_the_person_gets_it(console: Console) -> None:
    vera = console.staff("vera", "volunteer")
    person, conv = console.handoff_from_chat("ik heb hulp nodig met boodschappen")
    assert vera.get(f"/console/c/{conv}").status_code == 200
    assert vera.post(f"/console/c/{conv}/take").status_code == 303
    r = vera.post(f"/console/c/{conv}/reply", {"text": "Hallo, ik ben Vera. Zal ik morgen bellen?"})
    assert r.status_code == 303
    msgs = _wait_for(person, "ik ben Vera")
    assert msgs[-1]["from"] == "staff"
    person.say("Ja graag")
    thread = vera.get(f"/console/c/{conv}/part")
    assert "Ja graag" in thread.text


def test_hand_back_lets_the_bot_continue(console: Console) -> None:
    vera = console.staff("vera", "volunteer")
    person, conv = console.handoff_from_chat("ik heb hulp nodig met boodschappen")
    vera.post(f"/console/c/{conv}/take")
    with console.db.session() as s:
        last_id = s.scalar(select(func.max(Message.id))) or 0
    r = vera.post(f"/console/c/{conv}/release", {"next_step": "followup"})
    assert r.status_code == 303
    with console.db.session() as s:
        c = s.get(Conversation, conv)
        assert c is not None and c.owner != "human" and c.held_by is None
    end = time.monotonic() + 10
    while time.monotonic() < end:
        new = [m for m in person.messages() if m["id"] > last_id]
        if new:
            break
        time.sleep(0.05)
    assert new and new[0]["from"] == "bot"


def test_reply_before_taking_is_refused(console: Console) -> None:
    vera = console.staff("vera", "volunteer")
    person, conv = console.handoff_from_chat("ik heb hulp nodig met boodschappen")
    r = vera.post(f"/console/c/{conv}/reply", {"text": "Dag, ik ben Vera"})
    assert r.status_code == 303 and "refused=not_held" in r.headers["location"]
    assert not any("ik ben Vera" in m["text"] for m in person.messages())


def test_note_and_close_with_outcome(console: Console) -> None:
    vera = console.staff("vera", "volunteer")
    _, conv = console.handoff_from_chat("ik heb hulp nodig met boodschappen")
    vera.post(f"/console/c/{conv}/take")
    assert (
        vera.post(f"/console/c/{conv}/note", {"text": "Dochter helpt op zaterdag."}).status_code
        == 303
    )
    r = vera.post(
        f"/console/c/{conv}/close", {"helped_by": ["network", "volunteer"], "deeper": "ja"}
    )
    assert r.status_code == 303
    with console.db.session() as s:
        c = s.get(Conversation, conv)
        assert c is not None and c.owner == "closed"
        assert c.outcome and c.outcome["helped_by"] == ["network", "volunteer"]
        assert c.outcome["deeper_addressed"] is True
        assert (
            s.scalar(select(Note.text).where(Note.conversation_id == conv))
            == "Dochter helpt op zaterdag."
        )
        assert s.scalar(select(Handoff.status).where(Handoff.conversation_id == conv)) == "done"


def test_every_action_is_audited_and_coordinators_see_the_log(console: Console) -> None:
    vera = console.staff("vera", "volunteer")
    boss = console.staff("boss", "coordinator")
    _, conv = console.handoff_from_chat("ik heb hulp nodig met boodschappen")
    vera.get(f"/console/c/{conv}")
    vera.post(f"/console/c/{conv}/take")
    vera.post(f"/console/c/{conv}/reply", {"text": "Hallo"})
    vera.post(f"/console/c/{conv}/note", {"text": "notitie"})
    vera.post(f"/console/c/{conv}/release", {"next_step": ""})
    boss.get(f"/console/c/{conv}")
    boss.post(f"/console/c/{conv}/take")
    boss.post(f"/console/c/{conv}/close", {"helped_by": ["self"]})
    with console.db.session() as s:
        rows = list(s.scalars(select(AuditEntry).where(AuditEntry.conversation_id == conv)))
    got = {(a.staff_id, a.action) for a in rows}
    for action in ("view", "take", "reply", "note", "release"):
        assert (vera.id, action) in got, action
    assert (boss.id, "close") in got
    assert all(a.contact_id is not None and a.on_behalf_of for a in rows)
    log = boss.get("/console/audit")
    assert log.status_code == 200 and "overgenomen" in log.text and "Vera" in log.text
    assert vera.get("/console/audit").status_code == 403


def test_queue_puts_urgent_first_then_longest_waiting(console: Console) -> None:
    boss = console.staff("boss", "coordinator")
    _, first = console.handoff_from_chat("ik heb hulp nodig met boodschappen")
    _, second = console.handoff_from_chat("vervoer naar het ziekenhuis")
    _, urgent = console.handoff_from_chat("ik wil er niet meer zijn")
    page = boss.get("/console").text
    pos = [page.index(f'/console/c/{c}"') for c in (urgent, first, second)]
    assert pos == sorted(pos)
    assert "Urgent" in page


def test_queue_is_paged(console: Console) -> None:
    from bot.web.console import PER_PAGE

    boss = console.staff("boss", "coordinator")
    _, conv = console.handoff_from_chat("boodschappen")
    with console.db.session() as s, s.begin():
        h = s.scalar(select(Handoff).where(Handoff.conversation_id == conv))
        assert h is not None
        for i in range(PER_PAGE + 5):
            s.add(
                Handoff(
                    conversation_id=conv,
                    contact_id=h.contact_id,
                    role="volunteer",
                    priority="normal",
                    topics=[],
                    summary=f"kopie {i}",
                    reason="test",
                    status="waiting",
                    created_at=h.created_at,
                    language="nl",
                )
            )
    first = boss.get("/console")
    assert "Pagina 1 van 2" in first.text and "Volgende" in first.text
    assert "Pagina 2 van 2" in boss.get("/console?page=2").text


def test_staff_management_adds_and_disables(console: Console) -> None:
    boss = console.staff("boss", "coordinator")
    r = boss.post(
        "/console/staff",
        {
            "name": "Piet",
            "username": "piet",
            "role": "volunteer",
            "neighbourhoods": "Noord, Oost",
            "languages": "nl, en",
            "password": "een lang wachtwoord",
        },
    )
    assert r.status_code == 303
    assert console.login("piet", "een lang wachtwoord").status_code == 303
    page = boss.get("/console/staff").text
    assert "Piet" in page and "Noord, Oost" in page
    short = boss.post(
        "/console/staff", {"name": "K", "username": "k", "role": "volunteer", "password": "kort"}
    )
    assert short.status_code == 400 and "minstens 10 tekens" in short.text
    dup = boss.post(
        "/console/staff",
        {"name": "P", "username": "piet", "role": "volunteer", "password": "een lang wachtwoord"},
    )
    assert dup.status_code == 400
    vera = console.staff("vera", "volunteer")
    assert vera.get("/console/staff").status_code == 403
    assert (
        vera.post(
            "/console/staff",
            {
                "name": "X",
                "username": "x",
                "role": "coordinator",
                "password": "een lang wachtwoord",
            },
        ).status_code
        == 403
    )


def test_queue_shows_the_literal_ask_and_what_is_behind_it(console: Console) -> None:
    vera = console.staff("vera", "volunteer")
    console.handoff_from_chat("Wie haalt mijn boodschappen bij de winkel?")
    page = vera.get("/console").text
    assert "Letterlijke vraag" in page and "Wie haalt mijn boodschappen bij de winkel?" in page
    assert "Vraag achter de vraag" in page and "Plan tot nu toe" in page


def test_duty_and_notice_settings(console: Console) -> None:
    from storage.models import Staff

    boss = console.staff("boss", "coordinator")
    r = boss.post(
        "/console/staff",
        {
            "name": "Pim",
            "username": "pim",
            "role": "professional",
            "password": PASSWORD,
            "notify_channel": "telegram",
            "notify_address": "4242",
        },
    )
    assert r.status_code == 303
    pim = console.log_in_as(_id_of(console, "pim"), "pim")
    assert "U heeft geen dienst." in pim.get("/console").text
    assert pim.post("/console/duty", {"on": "ja"}).status_code == 303
    assert "U heeft dienst." in pim.get("/console").text
    with console.db.session() as s:
        st = s.get(Staff, pim.id)
        assert (
            st is not None
            and st.on_duty
            and (st.notify_channel, st.notify_address) == ("telegram", "4242")
        )
    assert boss.post(f"/console/staff/{pim.id}/duty", {"on": "nee"}).status_code == 303
    with console.db.session() as s:
        st = s.get(Staff, pim.id)
        assert st is not None and not st.on_duty
    assert pim.post(f"/console/staff/{boss.id}/duty", {"on": "nee"}).status_code == 403


def _id_of(console: Console, username: str) -> int:
    from storage.models import Staff

    with console.db.session() as s:
        sid = s.scalar(select(Staff.id).where(Staff.username == username))
    assert sid is not None
    return sid


def test_taken_conversation_moves_to_my_conversations(console: Console) -> None:
    vera = console.staff("vera", "volunteer")
    _, conv = console.handoff_from_chat("hulp met boodschappen")
    vera.post(f"/console/c/{conv}/take")
    part = vera.get("/console/part/queue").text
    waiting, mine = part.split('id="h-mine"', 1)
    assert f"/console/c/{conv}" not in waiting
    assert f"/console/c/{conv}" in mine.split('id="h-tasks"', 1)[0]


def test_a_coordinator_changes_what_a_colleague_does(console: Console) -> None:
    from storage.models import Staff

    boss = console.staff("boss", "coordinator")
    piet = console.add_staff("piet", "volunteer", neighbourhoods=["Noord"], languages=["nl"])
    page = boss.get("/console/staff").text
    assert f'action="/console/staff/{piet}/edit"' in page and 'value="Noord"' in page
    r = boss.post(
        f"/console/staff/{piet}/edit",
        {
            "name": "Piet de Vries",
            "role": "volunteer",
            "neighbourhoods": "Noord, De Vogelwijk",
            "skills": "groceries, transport",
            "languages": "nl, ar",
            "max_open": "2",
            "notify_channel": "sms",
            "notify_address": "+31612345678",
        },
    )
    assert r.status_code == 303 and r.headers["location"] == "/console/staff?done=edit"
    with console.db.session() as s:
        st = s.get(Staff, piet)
        assert st is not None
        assert (st.name, st.neighbourhoods, st.skills, st.languages, st.max_open) == (
            "Piet de Vries", ["Noord", "De Vogelwijk"], ["groceries", "transport"], ["nl", "ar"], 2
        )
        assert (st.notify_channel, st.notify_address) == ("sms", "+31612345678")
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "staff_edit")).one()
        assert "neighbourhoods" in (entry.detail or "") and "name" in (entry.detail or "")
    assert "De gegevens zijn aangepast." in boss.get("/console/staff?done=edit").text


def test_editing_staff_is_for_coordinators_and_checks_what_it_gets(console: Console) -> None:
    boss = console.staff("boss", "coordinator")
    vera = console.staff("vera", "volunteer")
    form = {"name": "Vera", "role": "coordinator", "languages": "nl", "max_open": "5"}
    assert vera.post(f"/console/staff/{vera.id}/edit", form).status_code == 403, "no promoting oneself"
    own = boss.post(f"/console/staff/{boss.id}/edit", {**form, "name": "Baas", "role": "volunteer"})
    assert own.status_code == 400 and "eigen rol" in own.text
    assert boss.post(f"/console/staff/{vera.id}/edit", {**form, "role": "koning"}).status_code == 400
    no_name = boss.post(f"/console/staff/{vera.id}/edit", {**form, "name": "  "})
    assert no_name.status_code == 400
    no_address = boss.post(f"/console/staff/{vera.id}/edit", {**form, "notify_channel": "sms"})
    assert no_address.status_code == 400 and "nummer" in no_address.text
    too_many = boss.post(f"/console/staff/{vera.id}/edit", {**form, "max_open": "1000"})
    assert 400 <= too_many.status_code < 500
    assert boss.post("/console/staff/999999/edit", form).status_code == 404
    with console.db.session() as s:
        from storage.models import Staff

        st = s.get(Staff, vera.id)
        assert st is not None and st.role == "volunteer", "nothing was changed by a refused form"
