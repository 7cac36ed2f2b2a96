"""Work that falls due with time: follow-ups, the silence ladder, waiting handoffs,
retention. APScheduler (or the simulator) is the clock; the database is the truth.

Every job claims its rows with an atomic conditional UPDATE inside the same
transaction that writes the replies, so with several workers each thing happens once.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from bot import stats
from bot.campaigns import CampaignRunner
from bot.pipeline import Pipeline
from bot.privacy import erase_contact
from bot.routing import offer
from bot.when import when_text
from config.hours import is_open, next_allowed, next_opening
from config.profile import Profile
from dialogs import api as d
from dialogs.render import handoff_by
from storage.models import (
    AuditEntry,
    CampaignTarget,
    Contact,
    Conversation,
    FollowUp,
    Handoff,
    Identity,
    Task,
)

__all__ = ["Jobs", "TickReport"]

log = logging.getLogger("voordeur.jobs")

#: Handoffs where the person waits for an answer now; others were promised a day.
LIVE_REASONS = frozenset(
    {"crisis", "asked_for_human", "not_understood", "followup_not_better", "error"}
)

#: Topics after which silence is worrying: the call-back task is urgent.
_WORRYING = {"health", "crisis", "loneliness"}


@dataclass
class TickReport:
    followups_fired: int = 0
    second_tries: int = 0
    callbacks: int = 0
    handoffs_escalated: int = 0
    erased: int = 0
    campaign_messages: int = 0


class Jobs:
    def __init__(
        self,
        pipeline: Pipeline,
        profile: Profile,
        *,
        silence_hours: int = 48,
        pickup_minutes: int = 15,
        retention_months: int = 12,
    ) -> None:
        self.pipeline = pipeline
        self.db = pipeline.db
        self.clock = pipeline.clock
        self.profile = profile
        self.silence = timedelta(hours=silence_hours)
        self.pickup = timedelta(minutes=pickup_minutes)
        self.retention = timedelta(days=30 * retention_months)
        self.campaigns = CampaignRunner(pipeline)

    def tick(self) -> TickReport:
        """Do everything that is due now."""
        report = TickReport()
        report.followups_fired = self.fire_due_followups()
        report.second_tries, report.callbacks = self.silence_ladder()
        report.handoffs_escalated = self.escalate_waiting_handoffs()
        report.campaign_messages = self.campaigns.fire_due()
        return report

    def next_due(self) -> datetime | None:
        """The earliest moment something will fall due (for the simulator)."""
        with self.db.reader() as s:
            times: list[datetime] = []
            fu = s.scalar(
                select(FollowUp.due_at)
                .where(FollowUp.status == "pending")
                .order_by(FollowUp.due_at)
                .limit(1)
            )
            if fu:
                times.append(fu)
            fired = s.scalar(
                select(FollowUp.fired_at)
                .where(FollowUp.status == "fired")
                .order_by(FollowUp.fired_at)
                .limit(1)
            )
            if fired:
                times.append(next_allowed(fired + self.silence, self.profile))
            ct = s.scalar(
                select(CampaignTarget.planned_at)
                .where(CampaignTarget.status == "pending")
                .order_by(CampaignTarget.planned_at)
                .limit(1)
            )
            if ct:
                times.append(ct)
            for created, reason, level in s.execute(
                select(Handoff.created_at, Handoff.reason, Handoff.escalation).where(
                    Handoff.status == "waiting", Handoff.escalation < 2
                )
            ):
                times.append(self.pickup_deadline(reason, created) + self.pickup * level)
        return min(times) if times else None

    # --- follow-ups ------------------------------------------------------------------

    def fire_due_followups(self) -> int:
        now = self.clock.now()
        with self.db.reader() as s:
            due = s.execute(
                select(FollowUp.id, FollowUp.contact_id)
                .where(FollowUp.status == "pending", FollowUp.due_at <= now)
                .order_by(FollowUp.due_at, FollowUp.id)
            ).all()
        fired = 0
        for fid, contact_id in due:
            if self._fire(fid, contact_id, attempt=0):
                fired += 1
        return fired

    def _fire(self, fid: int, contact_id: int, attempt: int, channel: str | None = None) -> bool:
        claimed: dict[str, object] = {}

        def claim(s: Session, contact: Contact) -> bool:
            now = self.clock.now()
            expected = "pending" if attempt == 0 else "fired"
            if contact.stopped:
                s.execute(update(FollowUp).where(FollowUp.id == fid).values(status="cancelled"))
                return False
            res = s.execute(
                update(FollowUp)
                .where(
                    FollowUp.id == fid, FollowUp.status == expected, FollowUp.attempts == attempt
                )
                .values(status="fired", fired_at=now, attempts=attempt + 1, channel=channel)
            )
            if res.rowcount != 1:
                return False
            fu = s.get(FollowUp, fid)
            claimed["about"] = fu.about if fu else ""
            if fu is not None and attempt == 0:
                late = (now - fu.due_at).total_seconds() / 60
                stats.record(s, "followup_fired", now, contact, number=late)
            return True

        def make(person: d.PersonContext, at: datetime) -> d.Event:
            return d.FollowUpDue(
                followup_id=fid,
                about=str(claimed.get("about", "")),
                at=at,
                person=person,
                attempt=attempt,
            )

        result = self.pipeline.run_event(
            contact_id, make, kind="followup", channel=channel, claim=claim
        )
        return result.stored

    def silence_ladder(self) -> tuple[int, int]:
        """No answer to a follow-up: one more try (on SMS where possible), then a human."""
        now = self.clock.now()
        with self.db.reader() as s:
            rows = s.execute(
                select(
                    FollowUp.id,
                    FollowUp.contact_id,
                    FollowUp.attempts,
                    FollowUp.fired_at,
                    FollowUp.channel,
                )
                .where(FollowUp.status == "fired")
                .order_by(FollowUp.fired_at)
            ).all()
        tries = callbacks = 0
        for fid, contact_id, attempts, fired_at, channel in rows:
            if next_allowed(fired_at + self.silence, self.profile) > now:
                continue
            if attempts <= 1:
                ch = self._second_channel(contact_id)
                if self._fire(fid, contact_id, attempt=attempts, channel=ch):
                    tries += 1
            elif self._callback(fid, contact_id, now):
                callbacks += 1
        return tries, callbacks

    def _second_channel(self, contact_id: int) -> str | None:
        """SMS for the second try when the person has a number; else the same channel."""
        with self.db.session() as s:
            has_phone = s.scalar(
                select(Identity.id)
                .where(Identity.contact_id == contact_id, Identity.phone.is_not(None))
                .limit(1)
            )
            contact = s.get(Contact, contact_id)
            last = contact.last_channel if contact else None
        if has_phone and last != "sms":
            return "sms"
        return None

    def _callback(self, fid: int, contact_id: int, now: datetime) -> bool:
        with self.db.session() as s, s.begin():
            res = s.execute(
                update(FollowUp)
                .where(FollowUp.id == fid, FollowUp.status == "fired")
                .values(status="silent")
            )
            if res.rowcount != 1:
                return False
            fu = s.get(FollowUp, fid)
            conv = s.get(Conversation, fu.conversation_id) if fu and fu.conversation_id else None
            topics = set(conv.topics or []) if conv else set()
            stats.record(
                s, "task_opened", now, s.get(Contact, contact_id), value="followup_silence"
            )
            s.add(
                Task(
                    contact_id=contact_id,
                    conversation_id=conv.id if conv else None,
                    kind="callback",
                    urgent=bool(topics & _WORRYING),
                    due_at=next_opening(now, self.profile),
                    status="open",
                    note="Geen antwoord op de terugkoppeling. Bel de persoon.",
                    created_at=now,
                )
            )
        return True

    # --- waiting handoffs ------------------------------------------------------------

    def pickup_deadline(self, reason: str, created_at: datetime) -> datetime:
        """When a waiting handoff is overdue.

        A person waiting for a live answer (asked for a human, a crisis, not understood)
        should hear something within minutes; a volunteer or social worker was promised
        "within two working days", so that promise is the deadline.
        """
        if reason in LIVE_REASONS:
            return created_at + self.pickup
        return handoff_by(self.profile, created_at)

    def escalate_waiting_handoffs(self) -> int:
        """Nobody took a handoff in time: tell the person honestly and escalate (to a
        coordinator, then a professional). Live waits only count in opening hours; after
        hours the person was told when someone responds."""
        now = self.clock.now()
        with self.db.reader() as s:
            rows = s.execute(
                select(
                    Handoff.id,
                    Handoff.contact_id,
                    Handoff.escalation,
                    Handoff.created_at,
                    Handoff.reason,
                )
                .where(Handoff.status == "waiting", Handoff.escalation < 2)
                .order_by(Handoff.created_at)
            ).all()
        n = 0
        for hid, contact_id, level, created, reason in rows:
            if reason in LIVE_REASONS and not is_open(now, self.profile):
                continue
            due = self.pickup_deadline(reason, created) + self.pickup * level
            if now < due:
                continue
            if self._escalate(hid, contact_id, level):
                n += 1
        return n

    def _escalate(self, hid: int, contact_id: int, level: int) -> bool:
        def claim(s: Session, contact: Contact) -> bool:
            res = s.execute(
                update(Handoff)
                .where(Handoff.id == hid, Handoff.status == "waiting", Handoff.escalation == level)
                .values(escalation=level + 1, role="coordinator" if level == 0 else "professional")
            )
            if res.rowcount != 1:
                return False
            handoff = s.get(Handoff, hid)
            if handoff is not None:
                offer(s, handoff, self.clock.now())  # someone of the new role, if anyone fits
            return True

        def make(person: d.PersonContext, at: datetime) -> d.Event:
            opening = next_opening(at, self.profile)
            return d.HandoffWaiting(
                at=at,
                after_hours=False,
                expected=when_text(opening, at, "nl", self.profile.timezone)
                if opening > at
                else None,
                person=person,
            )

        if level == 0:
            return self.pipeline.run_event(contact_id, make, kind="notice", claim=claim).stored
        # Second level: escalate quietly; the person was already told.
        with self.db.session() as s, s.begin():
            contact = s.get(Contact, contact_id)
            return bool(contact) and claim(s, contact)  # type: ignore[arg-type]

    # --- retention -------------------------------------------------------------------

    def apply_retention(self) -> int:
        """Erase people with no activity for the retention period; returns how many."""
        now = self.clock.now()
        cutoff = now - self.retention
        with self.db.reader() as s:
            ids = list(s.scalars(select(Contact.id).where(Contact.last_activity_at < cutoff)))
        return sum(self.erase_if_still_inactive(cid, cutoff, now) for cid in ids)

    def erase_if_still_inactive(self, contact_id: int, cutoff: datetime, now: datetime) -> bool:
        """Erase one person, checked again under their lock: someone who wrote after the
        list was made stays, and a person another worker erased is not erased (or
        audited) twice."""
        with self.db.session() as s, s.begin():
            stmt = select(Contact.id).where(
                Contact.id == contact_id, Contact.last_activity_at < cutoff
            )
            if not self.db.is_sqlite:  # SQLite: the write lock is already held
                stmt = stmt.with_for_update()
            if s.scalar(stmt) is None:
                return False
            erase_contact(s, contact_id)
            s.add(
                AuditEntry(at=now, staff_id=None, action="retention_erase", contact_id=contact_id)
            )
        return True
