"""Plans edited in the console, the full export for coordinators, the scoreboard page."""

from __future__ import annotations

import json

from sqlalchemy import select

from storage.models import AuditEntry, Plan, PlanItemRow
from tests.console.conftest import Console


def test_holder_adds_and_closes_plan_items(console: Console) -> None:
    vera = console.staff("vera", "volunteer")
    _, conv = console.handoff_from_chat("ik heb hulp nodig met boodschappen")
    refused = vera.post(f"/console/c/{conv}/plan", {"new_who": "volunteer", "new_what": "boodschappen op dinsdag"})
    assert refused.status_code == 403, "take the conversation first"
    vera.post(f"/console/c/{conv}/take")
    r = vera.post(f"/console/c/{conv}/plan", {"new_who": "network", "new_what": "dochter belt zondag", "new_when": "zondag"})
    assert r.status_code == 303
    with console.db.session() as s:
        item = s.scalar(select(PlanItemRow).where(PlanItemRow.what == "dochter belt zondag"))
        assert item is not None and item.who == "network" and item.when_text == "zondag"
        item_id = item.id
    r = vera.post(f"/console/c/{conv}/plan", {"item_id": item_id, "who": "network", "what": "dochter belt zondag",
                                              "when": "zondag", "status": "done"})
    assert r.status_code == 303
    with console.db.session() as s:
        assert s.get(PlanItemRow, item_id).status == "done"
        assert s.scalar(select(AuditEntry).where(AuditEntry.action == "plan_edit")) is not None
    page = vera.get(f"/console/c/{conv}")
    assert "Plan opslaan" in page.text


def test_plan_edit_needs_the_form_token(console: Console) -> None:
    vera = console.staff("vera", "volunteer")
    _, conv = console.handoff_from_chat("ik heb hulp nodig met boodschappen")
    vera.post(f"/console/c/{conv}/take")
    r = vera.post(f"/console/c/{conv}/plan", {"new_who": "self", "new_what": "x"}, csrf=False)
    assert r.status_code == 403
    with console.db.session() as s:
        assert s.scalar(select(Plan)) is None or not s.scalar(select(PlanItemRow).where(PlanItemRow.what == "x"))


def test_only_coordinators_export_a_persons_record_and_it_is_audited(console: Console) -> None:
    vera = console.staff("vera", "volunteer")
    cora = console.staff("cora", "coordinator")
    _, conv = console.handoff_from_chat("ik heb hulp nodig met boodschappen")
    assert vera.get(f"/console/c/{conv}/export").status_code == 404
    r = cora.get(f"/console/c/{conv}/export")
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    record = json.loads(r.text)
    texts = [m["text"] for m in record["messages"]]
    assert "ik heb hulp nodig met boodschappen" in texts
    assert record["addresses"] and record["contact"]["consent"] is True
    with console.db.session() as s:
        assert s.scalar(select(AuditEntry).where(AuditEntry.action == "export")) is not None


def test_scoreboard_is_for_coordinators(console: Console) -> None:
    vera = console.staff("vera", "volunteer")
    cora = console.staff("cora", "coordinator")
    console.handoff_from_chat("ik heb hulp nodig met boodschappen")
    assert vera.get("/console/scoreboard").status_code == 403
    page = cora.get("/console/scoreboard")
    assert page.status_code == 200 and "<svg" in page.text
    assert cora.get("/console/scoreboard?from=gisteren").status_code == 400


def test_staff_move_a_followup_into_contact_hours_and_cancel_it(console: Console) -> None:
    from storage.models import FollowUp

    vera = console.staff("vera", "volunteer")
    _, conv = console.handoff_from_chat("ik heb hulp nodig met boodschappen")
    vera.post(f"/console/c/{conv}/take")
    # A Sunday evening: moved to Monday 09:00 (contact hours), not sent on a Sunday.
    r = vera.post(f"/console/c/{conv}/followup", {"day": "2030-12-01", "at": "21:00"})
    assert r.status_code == 303
    with console.db.session() as s:
        fu = s.scalar(select(FollowUp).where(FollowUp.status == "pending"))
        local = fu.due_at.astimezone(__import__("zoneinfo").ZoneInfo("Europe/Amsterdam"))
        assert (local.date().isoformat(), local.hour) == ("2030-12-02", 9)
    assert vera.post(f"/console/c/{conv}/followup", {"day": "gisteren"}).status_code == 400
    assert vera.post(f"/console/c/{conv}/followup", {"cancel": "1"}).status_code == 303
    with console.db.session() as s:
        assert s.scalar(select(FollowUp).where(FollowUp.status == "pending")) is None


def test_coordinators_see_campaign_progress(console: Console) -> None:
    vera = console.staff("vera", "volunteer")
    cora = console.staff("cora", "coordinator")
    assert vera.get("/console/campaigns").status_code == 403
    page = cora.get("/console/campaigns")
    assert page.status_code == 200 and "Campagnes" in page.text
