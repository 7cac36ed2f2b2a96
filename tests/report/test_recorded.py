"""The stat events the scoreboard needs are recorded where things happen: a task
marked done in the console, and the role of whoever held a conversation."""

from __future__ import annotations

from sqlalchemy import select

from storage.models import Conversation, StatEvent, Task
from tests.console.conftest import Console, console  # noqa: F401  (the console fixture)


def test_marking_a_task_done_records_task_done(console: Console) -> None:  # noqa: F811
    _person, conv_id = console.handoff_from_chat("ik heb hulp nodig met boodschappen")
    now = console.services.core.clock.now()
    with console.db.session() as s, s.begin():
        conv = s.get(Conversation, conv_id)
        task = Task(contact_id=conv.contact_id, conversation_id=conv_id, kind="callback", urgent=False,
                    due_at=now, status="open", created_at=now)
        s.add(task)
        s.flush()
        task_id = task.id
    coordinator = console.staff("carla", "coordinator")
    r = coordinator.post(f"/console/tasks/{task_id}/done")
    assert r.status_code == 303
    with console.db.session() as s:
        done = s.scalars(select(StatEvent).where(StatEvent.kind == "task_done")).all()
        opened_by = s.scalar(select(StatEvent.person_key).where(StatEvent.kind == "inbound").limit(1))
    assert [(e.value, e.person_key) for e in done] == [("callback", opened_by)]


def test_staff_minutes_carry_the_role_of_who_held_the_conversation(console: Console) -> None:  # noqa: F811
    _person, conv_id = console.handoff_from_chat("ik heb hulp nodig met boodschappen")
    vera = console.staff("vera", "volunteer", skills=["groceries"])
    assert vera.post(f"/console/c/{conv_id}/take").status_code == 303
    assert vera.post(f"/console/c/{conv_id}/release", {"next": ""}).status_code == 303
    with console.db.session() as s:
        minutes = s.scalars(select(StatEvent).where(StatEvent.kind == "staff_minutes")).all()
    assert [e.value for e in minutes] == ["volunteer"]
