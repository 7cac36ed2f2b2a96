"""Ids from URLs and forms that no row can have: a 4xx, never a database error.

PostgreSQL's INTEGER ends at 2**31 - 1 and comparing a column with a larger number is
an error there ("integer out of range"), where SQLite just finds nothing (up to 2**63).
"""

from __future__ import annotations

from tests.console.conftest import Console

TOO_BIG = [str(2**31), str(2**63), str(10**30)]


def test_an_id_beyond_the_integer_range_in_a_url_is_a_4xx(console: Console) -> None:
    boss = console.staff("boss", "coordinator")
    for n in TOO_BIG:
        for url in (f"/console/c/{n}", f"/console/c/{n}/part", f"/console/c/{n}/export"):
            assert 400 <= boss.get(url).status_code < 500, url
        for url in (f"/console/c/{n}/take", f"/console/c/{n}/reply", f"/console/c/{n}/plan",
                    f"/console/tasks/{n}/done", f"/console/staff/{n}/disable",
                    f"/console/staff/{n}/enable", f"/console/staff/{n}/duty",
                    f"/console/staff/{n}/password"):
            assert 400 <= boss.post(url, {"text": "x", "password": "a" * 20}).status_code < 500, url


def test_ids_in_forms_that_no_row_can_have_are_refused(console: Console) -> None:
    boss = console.staff("boss", "coordinator")
    _, conv = console.handoff_from_chat("hulp met boodschappen")
    # "²" passes str.isdigit but not int(); "٣" is a digit int() reads (as 3).
    for staff_id in (str(2**31), "999999999999", "²", "٣"):
        r = boss.post(f"/console/c/{conv}/offer", {"staff_id": staff_id})
        assert r.status_code == 400 and "bestaat niet" in r.text, staff_id
    r = boss.post(f"/console/c/{conv}/plan", {"item_id": str(2**63), "who": "self", "what": "x"})
    assert r.status_code == 400
