"""Two staff members press 'take' at the same moment: exactly one gets the conversation,
the other is told who has it."""

from __future__ import annotations

import threading

import httpx
from sqlalchemy import select

from storage.models import Conversation
from tests.console.conftest import Console, StaffMember


def test_two_staff_taking_at_once_exactly_one_wins(console: Console) -> None:
    anna = console.staff("anna", "coordinator")
    bert = console.staff("bert", "coordinator")
    for _ in range(3):
        _, conv = console.handoff_from_chat("hulp met boodschappen")
        barrier = threading.Barrier(2)
        results: dict[str, httpx.Response] = {}

        def take(
            member: StaffMember,
            key: str,
            conv: int = conv,
            barrier: threading.Barrier = barrier,
            results: dict[str, httpx.Response] = results,
        ) -> None:
            barrier.wait()
            results[key] = member.post(f"/console/c/{conv}/take")

        threads = [threading.Thread(target=take, args=(m, m.username)) for m in (anna, bert)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=30)
        codes = sorted(r.status_code for r in results.values())
        assert codes == [303, 409], codes
        with console.db.session() as s:
            holder = s.scalar(select(Conversation.held_by).where(Conversation.id == conv))
        winner = anna if holder == anna.id else bert
        loser = bert if winner is anna else anna
        assert results[winner.username].status_code == 303
        assert results[loser.username].status_code == 409
        assert f"al overgenomen door {winner.name}" in results[loser.username].text


def test_second_take_later_shows_who_has_it(console: Console) -> None:
    anna = console.staff("anna", "coordinator", name="Anna de Vries")
    bert = console.staff("bert", "coordinator")
    _, conv = console.handoff_from_chat("hulp met boodschappen")
    assert anna.post(f"/console/c/{conv}/take").status_code == 303
    r = bert.post(f"/console/c/{conv}/take")
    assert r.status_code == 409 and "Anna de Vries" in r.text
    page = bert.get(f"/console/c/{conv}")
    assert "In behandeling bij" in page.text and "Anna de Vries" in page.text
