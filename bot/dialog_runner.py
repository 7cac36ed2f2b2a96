"""Dialog test scripts through the whole front door (`voordeur dialogs test`).

:class:`PipelineConversation` implements ``dialogs.testing.Conversation`` on top of the
simulator: every line a script says goes through the real pipeline, database, NLU,
engine and outbox; replies and effects are read back from what was stored.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select

from bot.messages import Reply
from bot.simulate import Simulator
from bot.staff import create_staff, find_staff
from dialogs import api as d
from nlu.api import Understander
from storage.models import (
    Contact,
    Conversation,
    ConversationEvent,
    FollowUp,
    Handoff,
    Identity,
    Plan,
    PlanItemRow,
)

__all__ = ["PipelineConversation", "pipeline_factory"]

_ADDRESS = {
    "sms": "+31612340000",
    "whatsapp": "+31612340000",
    "voice": "+31612340000",
    "telegram": "5550001",
    "webchat": "webchat-session-0000000001",
}
_PHONE = {"sms", "whatsapp", "voice"}


class PipelineConversation:
    def __init__(self, script: Any, understander: Understander) -> None:
        self.sim = Simulator(nlu=understander)
        self.db = self.sim.core.db
        person = dict(script.person or {})
        self.channel = str(person.get("channel", "sms"))
        self.address = _ADDRESS[self.channel]
        self._seen_outbox = 0
        self._seen_event = 0
        self.visited = self.sim.steps
        self._contact_id: int | None = None
        self._seed(person, script.language)

    def close(self) -> None:
        self.sim.close()

    # --- the Conversation protocol ---------------------------------------------------

    def say(self, text: str) -> list[Reply]:
        self.sim.clock.advance(timedelta(minutes=2))
        self.sim.feed({"channel": self.channel, "from": self.address, "text": text})
        return self._replies()

    def event(self, kind: str, **params: Any) -> list[Reply]:
        pipeline = self.sim.core.pipeline
        cid = self._contact()
        if kind == "followup_due":
            self._followup(cid, params)
        elif kind == "handed_back":
            self.sim.clock.advance(timedelta(minutes=10))
            self._staff_holds(cid)
            self.sim.feed(
                {
                    "staff": "tester",
                    "action": "release",
                    "contact": self._label(),
                    "next": params.get("next"),
                }
            )
        elif kind == "handoff_waiting":
            self.sim.clock.advance(timedelta(minutes=10))
            pipeline.run_event(
                cid,
                lambda p, at: d.HandoffWaiting(
                    at=at,
                    after_hours=bool(params.get("after_hours")),
                    expected=params.get("expected"),
                    person=p,
                ),
                kind="notice",
            )
            self.sim.feed({"advance": "0m"})
        elif kind == "outreach":
            self.sim.clock.advance(timedelta(minutes=10))
            pipeline.run_event(
                cid,
                lambda p, at: d.OutreachStarted(
                    flow=str(params.get("flow", "checkin")), at=at, person=p
                ),
                kind="campaign",
                channel="sms" if self.channel in _PHONE else self.channel,
            )
            self.sim.feed({"advance": "0m"})
        elif kind == "person":
            self._apply_person(cid, params)
            return []
        else:
            raise ValueError(f"unknown event {kind!r}")
        return self._replies()

    def effects(self) -> list[Any]:
        out: list[Any] = []
        with self.db.session() as s:
            events = s.scalars(
                select(ConversationEvent)
                .where(ConversationEvent.id > self._seen_event)
                .order_by(ConversationEvent.id)
            ).all()
            for ev in events:
                self._seen_event = ev.id
                effect = self._effect(s, ev)
                if effect is not None:
                    out.append(effect)
        if self._contact_id is not None and not self._exists(self._contact_id):
            out.append(d.EraseContact())
            self._contact_id = None
        return out

    # --- reading back what was stored -----------------------------------------------

    def _replies(self) -> list[Reply]:
        self.sim._note_said()
        new = [x for x in self.sim.said if x[0] > self._seen_outbox]
        if new:
            self._seen_outbox = new[-1][0]
        return [Reply(text, options) for _id, text, options, _kind in new]

    def _effect(self, s: Any, ev: ConversationEvent) -> Any:
        data = ev.data
        if ev.type == "HandedOff":
            h = s.scalars(
                select(Handoff)
                .where(Handoff.conversation_id == ev.conversation_id)
                .order_by(Handoff.id.desc())
            ).first()
            from nlu.api import CrisisKind

            return d.HandOff(
                role=d.Role(h.role),
                priority=d.Priority(h.priority),
                topics=tuple(h.topics),
                summary=h.summary,
                reason=h.reason,
                crisis_kind=CrisisKind(h.crisis_kind) if h.crisis_kind else None,
            )
        if ev.type == "FollowUpScheduled":
            fu = s.get(FollowUp, data.get("followup_id"))
            return d.ScheduleFollowUp(
                due=fu.due_at if fu else datetime.fromisoformat(data["due"]),
                about=fu.about if fu else "",
            )
        if ev.type == "PlanSaved":
            conv = s.get(Conversation, ev.conversation_id)
            plan = (
                s.scalar(select(Plan).where(Plan.contact_id == conv.contact_id)) if conv else None
            )
            items = tuple(
                d.PlanItem(d.Who(i.who), i.what, i.when_text, i.name)
                for i in (plan.items if plan else [])
                if i.status == "open"
            )
            return d.SavePlan(items)
        if ev.type == "NeedsRecorded":
            return d.RecordNeeds(tuple(data.get("literal", ())), tuple(data.get("deeper", ())))
        if ev.type in ("ConsentGiven", "ConsentRefused"):
            return d.RecordConsent(ev.type == "ConsentGiven", str(data.get("version", "")))
        if ev.type in ("Stopped", "Started"):
            return d.SetStopped(ev.type == "Stopped")
        if ev.type == "Closed":
            return d.CloseConversation(str(data.get("outcome", "")))
        if ev.type == "FeedbackGiven":
            return d.RecordFeedback(str(data.get("question")), str(data.get("answer")))
        if ev.type == "PlanReported":
            return d.ReportPlan()
        if ev.type == "DataReported":
            return d.ReportStoredData()
        if ev.type == "NeighbourhoodSet":
            return d.SetNeighbourhood("")
        return None

    # --- setting the scene -------------------------------------------------------------

    def _seed(self, person: dict[str, Any], language: str | None) -> None:
        if not (set(person) - {"channel"}) and not language:
            return
        now = self.sim.clock.now()
        with self.db.session() as s, s.begin():
            contact = Contact(
                created_at=now - timedelta(days=30),
                language=language or "nl",
                last_channel=self.channel,
                last_activity_at=now,
                stat_key="seeded",
            )
            s.add(contact)
            s.flush()
            s.add(
                Identity(
                    contact_id=contact.id,
                    channel=self.channel,
                    address=self.address,
                    phone=self.address if self.channel in _PHONE else None,
                    created_at=now,
                )
            )
            self._contact_id = contact.id
            if person.get("returning"):
                s.add(
                    Conversation(
                        contact_id=contact.id,
                        owner="closed",
                        state={},
                        topics=[],
                        literal_topics=[],
                        deeper_topics=[],
                        created_at=now - timedelta(days=20),
                        updated_at=now - timedelta(days=20),
                        closed_at=now - timedelta(days=20),
                    )
                )
            if language:
                s.add(
                    Conversation(
                        contact_id=contact.id,
                        owner="bot",
                        language=language,
                        topics=[],
                        literal_topics=[],
                        deeper_topics=[],
                        created_at=now,
                        updated_at=now,
                        state={"language": language, "slots": {"language_detected": True}},
                    )
                )
        self._apply_person(self._contact_id, person)

    def _apply_person(self, cid: int, person: dict[str, Any]) -> None:
        now = self.sim.clock.now()
        with self.db.session() as s, s.begin():
            contact = s.get(Contact, cid)
            if "consent" in person:
                contact.consent = person["consent"]
                contact.consent_at = now
            if person.get("name"):
                contact.name = person["name"]
            if person.get("neighbourhood"):
                contact.neighbourhood = person["neighbourhood"]
            if person.get("open_plan"):
                plan = Plan(contact_id=cid, created_at=now, updated_at=now)
                s.add(plan)
                s.flush()
                for i in person["open_plan"]:
                    s.add(
                        PlanItemRow(
                            plan_id=plan.id,
                            who=i["who"],
                            what=i["what"],
                            when_text=i.get("when"),
                            name=i.get("name"),
                            status="open",
                            created_at=now,
                        )
                    )
        if person.get("held_by_human"):
            self._staff_holds(cid)

    def _staff_holds(self, cid: int) -> None:
        now = self.sim.clock.now()
        with self.db.session() as s, s.begin():
            staff = find_staff(s, "tester") or create_staff(
                s, username="tester", name="Tester", role="professional", now=now
            )
            conv = s.scalar(
                select(Conversation)
                .where(Conversation.contact_id == cid, Conversation.closed_at.is_(None))
                .order_by(Conversation.id.desc())
            )
            if conv is None:  # as the pipeline opens one: in the person's known language
                contact = s.get(Contact, cid)
                language = contact.language if contact is not None else None
                conv = Conversation(
                    contact_id=cid,
                    owner="bot",
                    state=d.State(language=language or "nl").to_json(),
                    language=language,
                    topics=[],
                    literal_topics=[],
                    deeper_topics=[],
                    created_at=now,
                    updated_at=now,
                )
                s.add(conv)
                s.flush()
            if conv.held_by == staff.id:
                return
            conv.held_by, conv.owner = None, "waiting"
            conv_id, staff_id = conv.id, staff.id
        self.sim.staff_actions.take(staff_id, conv_id)

    def _followup(self, cid: int, params: dict[str, Any]) -> None:
        attempt = int(params.get("attempt", 0))
        with self.db.session() as s, s.begin():
            fu = s.scalar(
                select(FollowUp)
                .where(FollowUp.contact_id == cid, FollowUp.status == "pending")
                .order_by(FollowUp.due_at)
            )
            if fu is None or attempt:
                now = self.sim.clock.now()
                conv_id = s.scalar(
                    select(Conversation.id)
                    .where(Conversation.contact_id == cid)
                    .order_by(Conversation.id.desc())
                )
                fu = FollowUp(
                    contact_id=cid,
                    conversation_id=conv_id,
                    about=str(params.get("about", "other")),
                    due_at=now,
                    status="pending",
                    created_at=now,
                )
                s.add(fu)
                s.flush()
            due = fu.due_at
        now = self.sim.clock.now()
        if due > now:
            self.sim.feed({"advance": f"{int((due - now).total_seconds()) + 1}s"})
        self.sim.core.jobs.fire_due_followups()
        if attempt:
            self.sim.clock.advance(self.sim.core.jobs.silence + timedelta(hours=1))
            self.sim.core.jobs.silence_ladder()
        self.sim.feed({"advance": "0m"})

    # --- small helpers -------------------------------------------------------------------

    def _contact(self) -> int:
        if self._contact_id is None:
            with self.db.session() as s:
                self._contact_id = s.scalar(
                    select(Identity.contact_id).where(
                        Identity.channel == self.channel, Identity.address == self.address
                    )
                )
        if self._contact_id is None:
            raise ValueError("the script must say something before this event")
        return self._contact_id

    def _exists(self, cid: int) -> bool:
        with self.db.session() as s:
            return s.get(Contact, cid) is not None

    def _label(self) -> str:
        return self.address


def pipeline_factory(
    understander: Understander | None = None,
) -> Callable[[Any], PipelineConversation]:
    """For ``dialogs.cli.register``: a fresh full-pipeline conversation per script."""
    if understander is None:
        from nlu.service import load_understander

        understander = load_understander(backend="local")
    nlu = understander
    return lambda script: PipelineConversation(script, nlu)
