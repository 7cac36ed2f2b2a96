"""Outreach campaigns: a coordinator imports people who agreed to be contacted (CSV:
name, phone, neighbourhood), chooses a dialog and a window, and the check-ins go out
spread over the allowed contact hours, behind replies to people who wrote themselves.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from bot import stats
from bot.pipeline import Pipeline
from config.hours import next_allowed
from config.profile import Profile
from dialogs import api as d
from nlu.answers import normalize_phone
from storage.models import Campaign, CampaignTarget, Contact, Identity

__all__ = ["CampaignRunner", "ImportReport", "create_campaign", "plan_times", "progress"]

#: Longest campaign name the table holds.
MAX_NAME = 120


@dataclass(frozen=True, slots=True)
class ImportReport:
    campaign_id: int
    added: int
    skipped: tuple[tuple[int, str], ...]  # (line number, reason)


def plan_times(
    start: datetime, end: datetime, n: int, profile: Profile, per_second: float
) -> list[datetime]:
    """``n`` moments inside allowed hours between ``start`` and ``end``, evenly spread,
    never closer together than the channel's rate allows."""
    if n <= 0:
        return []
    minimum = timedelta(seconds=1.0 / per_second) if per_second > 0 else timedelta(0)
    # Collect the allowed windows in [start, end).
    windows: list[tuple[datetime, datetime]] = []
    t = next_allowed(start, profile)
    while t < end and len(windows) < 400:
        day_end = t.replace(
            hour=profile.contact_end.hour,
            minute=profile.contact_end.minute,
            second=0,
            microsecond=0,
        )
        windows.append((t, min(day_end, end)))
        t = next_allowed(day_end + timedelta(seconds=1), profile)
    total = sum(((b - a) for a, b in windows), timedelta(0))
    if not windows or total <= timedelta(0):
        raise ValueError("the window has no allowed contact hours")
    step = max(total / n, minimum)
    out: list[datetime] = []
    offset = timedelta(0)
    for _ in range(n):
        remaining = offset
        for a, b in windows:
            if remaining < b - a:
                out.append(a + remaining)
                break
            remaining -= b - a
        else:  # more people than fit at this rate: the rest queue at the end
            out.append(windows[-1][1])
        offset += step
    return out


def create_campaign(
    s: Session,
    *,
    name: str,
    flow: str,
    csv_text: str,
    window_start: datetime,
    window_end: datetime,
    profile: Profile,
    now: datetime,
    per_second: float = 1.0,
    created_by: int | None = None,
) -> ImportReport:
    """Import people and plan their check-ins. Bad rows are reported, not fatal."""
    if window_end <= window_start:
        raise ValueError("the window must end after it starts")
    if len(name) > MAX_NAME:  # PostgreSQL refuses more than the column holds
        raise ValueError(f"the name may have at most {MAX_NAME} characters")
    reader = csv.DictReader(io.StringIO(csv_text.lstrip("\ufeff")))
    fields = {f.strip().lower() for f in reader.fieldnames or []}
    if "phone" not in fields and "telefoon" not in fields:
        raise ValueError("the CSV needs a column 'phone' (or 'telefoon')")
    campaign = Campaign(
        name=name,
        flow=flow,
        window_start=window_start,
        window_end=window_end,
        status="running",
        created_at=now,
        created_by=created_by,
    )
    s.add(campaign)
    s.flush()
    skipped: list[tuple[int, str]] = []
    contacts: list[Contact] = []
    seen: set[int] = set()
    for lineno, row in enumerate(reader, start=2):
        row = {str(k).strip().lower(): (v or "").strip() for k, v in row.items() if k}
        phone = normalize_phone(row.get("phone") or row.get("telefoon") or "")
        if phone is None:
            skipped.append((lineno, "not a valid phone number"))
            continue
        contact = _contact_for(s, phone, row, now)
        if contact.stopped:
            skipped.append((lineno, "this person said stop"))
            continue
        if contact.id in seen:
            skipped.append((lineno, "twice in the file"))
            continue
        seen.add(contact.id)
        contacts.append(contact)
    times = plan_times(window_start, window_end, len(contacts), profile, per_second)
    for contact, at in zip(contacts, times):
        s.add(
            CampaignTarget(
                campaign_id=campaign.id, contact_id=contact.id, planned_at=at, status="pending"
            )
        )
    s.flush()
    return ImportReport(campaign.id, len(contacts), tuple(skipped))


def _contact_for(s: Session, phone: str, row: dict[str, str], now: datetime) -> Contact:
    import secrets

    ident = s.scalar(select(Identity).where(Identity.phone == phone).limit(1))
    if ident is not None:
        contact = s.get(Contact, ident.contact_id)
        assert contact is not None
    else:
        contact = Contact(
            created_at=now,
            language="nl",
            source="outreach",
            last_activity_at=now,
            stat_key=secrets.token_hex(8),
        )
        s.add(contact)
        s.flush()
        s.add(
            Identity(
                contact_id=contact.id, channel="sms", address=phone, phone=phone, created_at=now
            )
        )
        stats.record(s, "contact_new", now, contact, channel="sms", value="outreach")
    if row.get("name") and not contact.name:
        contact.name = row["name"]
    hood = row.get("neighbourhood") or row.get("wijk")
    if hood and not contact.neighbourhood:
        contact.neighbourhood = hood
    if contact.last_channel is None:
        contact.last_channel = "sms"
    return contact


class CampaignRunner:
    """Sends due check-ins. Each target is claimed in the same transaction as its
    messages, so with several workers every person gets one check-in."""

    def __init__(self, pipeline: Pipeline) -> None:
        self.pipeline = pipeline
        self.db = pipeline.db
        self.clock = pipeline.clock

    def fire_due(self, limit: int = 200) -> int:
        now = self.clock.now()
        with self.db.reader() as s:
            rows = s.execute(
                select(CampaignTarget.id, CampaignTarget.contact_id, Campaign.flow)
                .join(Campaign, Campaign.id == CampaignTarget.campaign_id)
                .where(
                    CampaignTarget.status == "pending",
                    CampaignTarget.planned_at <= now,
                    Campaign.status == "running",
                )
                .order_by(CampaignTarget.planned_at, CampaignTarget.id)
                .limit(limit)
            ).all()
        sent = 0
        for tid, contact_id, flow in rows:
            if self._fire(tid, contact_id, flow):
                sent += 1
        self._finish_done()
        return sent

    def _fire(self, tid: int, contact_id: int, flow: str) -> bool:
        def claim(s: Session, contact: Contact) -> bool:
            now = self.clock.now()
            if contact.stopped:
                s.execute(
                    update(CampaignTarget)
                    .where(CampaignTarget.id == tid, CampaignTarget.status == "pending")
                    .values(status="skipped", reason="stopped")
                )
                return False
            res = s.execute(
                update(CampaignTarget)
                .where(CampaignTarget.id == tid, CampaignTarget.status == "pending")
                .values(status="sent", sent_at=now)
            )
            if res.rowcount == 1:
                stats.record(s, "outreach_sent", now, contact)
            return res.rowcount == 1

        def make(person: d.PersonContext, at: datetime) -> d.Event:
            return d.OutreachStarted(flow=flow, at=at, person=person)

        return self.pipeline.run_event(
            contact_id, make, kind="campaign", channel="sms", claim=claim
        ).stored

    def _finish_done(self) -> None:
        with self.db.reader() as s:  # most ticks there is nothing to do: no write lock
            if s.scalar(select(Campaign.id).where(Campaign.status == "running").limit(1)) is None:
                return
        with self.db.session() as s, s.begin():
            for camp in s.scalars(select(Campaign).where(Campaign.status == "running")):
                pending = s.scalar(
                    select(func.count()).where(
                        CampaignTarget.campaign_id == camp.id, CampaignTarget.status == "pending"
                    )
                )
                if not pending:
                    camp.status = "done"


def progress(s: Session, campaign_id: int) -> dict[str, int]:
    rows = s.execute(
        select(CampaignTarget.status, func.count())
        .where(CampaignTarget.campaign_id == campaign_id)
        .group_by(CampaignTarget.status)
    ).all()
    return {status: n for status, n in rows}
