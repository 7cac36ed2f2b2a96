"""Ids from URLs and forms that no row can have: a 4xx, never a database error.

PostgreSQL's INTEGER ends at 2**31 - 1 and comparing a column with a larger number is
an error there ("integer out of range"), where SQLite just finds nothing (up to 2**63).
"""

from __future__ import annotations

import pytest

from tests.console.conftest import Console

TOO_BIG = [str(2**31), str(2**63), str(10**30)]


@pytest.mark.parametrize("n", TOO_BIG)
def test_an_id_beyond_the_integer_range_in_a_url_is_a_4xx(console: Console, n: str) -> None:
    boss = console.staff("boss", "coordinator")
    for url in (f"/console/c/{n}", f"/console/c/{n}/part", f"/console/c/{n}/export"):
        assert 400 <= boss.get(url).status_code < 500, url
    for url in (f"/console/c/{n}/take", f"/console/c/{n}/reply", f"/console/c/{n}/plan",
                f"/console/tasks/{n}/done", f"/console/staff/{n}/disable",
                f"/console/staff/{n}/enable", f"/console/staff/{n}/duty",
                f"/console/staff/{n}/password"):
        assert 400 <= boss.post(url, {"text": "x", "password": "a" * 20}).status_code < 500, url


@pytest.mark.parametrize("staff_id", [str(2**31), "999999999999", "²", "٣"])
def test_offering_to_a_staff_id_no_one_can_have_is_refused(console: Console, staff_id: str) -> None:
    boss = console.staff("boss", "coordinator")
    _, conv = console.handoff_from_chat("hulp met boodschappen")
    r = boss.post(f"/console/c/{conv}/offer", {"staff_id": staff_id})
    assert r.status_code == 400 and "bestaat niet" in r.text


def test_a_plan_item_id_beyond_the_integer_range_is_refused(console: Console) -> None:
    boss = console.staff("boss", "coordinator")
    _, conv = console.handoff_from_chat("hulp met boodschappen")
    r = boss.post(f"/console/c/{conv}/plan", {"item_id": str(2**63), "who": "self", "what": "x"})
    assert 400 <= r.status_code < 500
