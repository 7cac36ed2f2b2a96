"""``voordeur simulate``: the whole pipeline with a simulated clock and a fresh database.

Input: one JSON object per line (see README). Output: one JSON object per line; after
each input line a ``ready`` line. The same pipeline, outbox dispatcher and channel
renderers as the real front door; only the provider calls are recorded instead of made.
"""

from __future__ import annotations

import asyncio
import json
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import IO, Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from bot.clock import SimClock
from bot.delivery import SendRules
from bot.handoff import Outcome, StaffActions
from bot.messages import Channel, Inbound
from bot.outbox import Dispatcher
from bot.services import Core, build_core
from bot.staff import create_staff, find_staff
from config.settings import Settings
from handlers.base import Delivery, Rendered
from handlers.render import render_for
from nlu.api import Understander
from storage.models import (
    ConversationEvent,
    FollowUp,
    Handoff,
    Identity,
    OutboxRow,
    Plan,
    Task,
)

__all__ = ["DEFAULT_START", "Simulator", "parse_duration", "run_script"]

AMS = ZoneInfo("Europe/Amsterdam")
#: A Monday, 10:00 in Amsterdam: a normal working morning.
DEFAULT_START = datetime(2026, 11, 23, 10, 0, tzinfo=AMS)
_DUR = re.compile(r"^\s*(\d+)\s*([smhdw])\s*$")


def parse_duration(text: str) -> timedelta:
    m = _DUR.match(str(text))
    if not m:
        raise ValueError(f"duration must look like 15m, 2h or 3d, got {text!r}")
    n, unit = int(m.group(1)), m.group(2)
    return {
        "s": timedelta(seconds=n),
        "m": timedelta(minutes=n),
        "h": timedelta(hours=n),
        "d": timedelta(days=n),
        "w": timedelta(weeks=n),
    }[unit]


@dataclass
class _Recording:
    """A sender that renders like the real channel and records instead of calling out."""

    channel: Channel
    sent: list[tuple[str, Rendered]] = field(default_factory=list)

    def render(self, text: str, options: tuple[str, ...], language: str) -> tuple[Rendered, ...]:
        return render_for(self.channel, text, options, language)

    async def send(self, address: str, rendered: Rendered) -> Delivery:
        self.sent.append((address, rendered))
        return Delivery(provider_id=f"sim-{self.channel}-{len(self.sent)}")


class Simulator:
    def __init__(
        self,
        *,
        start: datetime = DEFAULT_START,
        database_url: str | None = None,
        nlu: Understander | None = None,
    ) -> None:
        self._tmp = tempfile.TemporaryDirectory(prefix="voordeur-sim-")
        url = database_url or f"sqlite:///{Path(self._tmp.name) / 'sim.db'}"
        self.clock = SimClock(start)
        self.core: Core = build_core(Settings(database_url=url), clock=self.clock, nlu=nlu)
        #: Every "flow.step" the engine entered, also where privacy rules erase the trace.
        self.steps: set[str] = set()
        self.core.pipeline.engine = _Observed(self.core.engine, self.steps)
        self.staff_actions = StaffActions(self.core.pipeline)
        self.senders = {ch: _Recording(ch) for ch in Channel}
        # The same send rules as the app: nothing for stopped people, WhatsApp window.
        self.dispatcher = Dispatcher(
            self.core.db, self.senders, self.clock, window_check=SendRules(None)
        )
        self._loop = asyncio.new_event_loop()
        self._seen = {"event": 0, "outbox": 0, "task": 0}
        #: (outbox id, text, options, kind) of every message the front door wrote, in order.
        self.said: list[tuple[int, str, tuple[str, ...], str]] = []

    def close(self) -> None:
        self._loop.close()
        self.core.db.dispose()
        self._tmp.cleanup()

    # --- one input line ----------------------------------------------------------------

    def feed(self, line: dict[str, Any]) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        try:
            if "at" in line and len(line) == 1:
                at = datetime.fromisoformat(str(line["at"]))
                if at.tzinfo is None:
                    at = at.replace(tzinfo=AMS)
                self.clock.set(at)
            elif "advance" in line:
                out += self._advance(parse_duration(line["advance"]))
            elif "staff" in line:
                self._staff(line)
                out += self._flush()
            elif "text" in line or "channel" in line:
                out += self._person(line)
            else:
                raise ValueError("unknown line: expected at, advance, staff or a message")
        except (ValueError, KeyError, LookupError) as e:
            out += self._flush()
            out.append({"type": "error", "t": self._t(), "reason": str(e)})
        out.append({"type": "ready", "t": self._t()})
        return out

    def _t(self) -> str:
        return self.clock.now().astimezone(AMS).isoformat()

    def _person(self, line: dict[str, Any]) -> list[dict[str, Any]]:
        channel = Channel(str(line.get("channel", "sms")))
        sender = line.get("from")
        if not sender:
            raise ValueError("a message needs 'from'")
        inbound = Inbound(
            channel=channel,
            address=str(sender),
            text=str(line.get("text", "")),
            provider_id=line.get("id"),
            received_at=self.clock.now(),
            display_name=line.get("name"),
            shared_phone=line.get("shared_phone"),
        )
        self.core.pipeline.handle_sync(inbound)
        return self._flush()

    def _advance(self, delta: timedelta) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        target = self.clock.now() + delta
        for _ in range(20000):
            nxt = self.core.jobs.next_due()
            if nxt is None or nxt > target:
                break
            now = self.clock.now()
            self.clock.set(nxt if nxt > now else min(now + timedelta(minutes=15), target))
            self.core.jobs.tick()
            out += self._flush()
            if self.clock.now() >= target:
                break
        self.clock.set(target)
        self.core.jobs.tick()
        return out + self._flush()

    def _staff(self, line: dict[str, Any]) -> None:
        username = str(line["staff"])
        action = str(line.get("action", ""))
        with self.core.db.session() as s, s.begin():
            staff = find_staff(s, username)
            if staff is None:
                staff = create_staff(
                    s,
                    username=username,
                    name=username.capitalize(),
                    role=str(line.get("role", "volunteer")),
                    now=self.clock.now(),
                )
            staff_id = staff.id
        conv_id = self._conversation_of(str(line.get("contact", "")))
        acts = self.staff_actions
        if action == "take":
            acts.take(staff_id, conv_id)
        elif action == "reply":
            acts.reply(staff_id, conv_id, str(line.get("text", "")))
        elif action == "note":
            acts.note(staff_id, conv_id, str(line.get("text", "")))
        elif action == "release":
            acts.release(staff_id, conv_id, line.get("next"))
        elif action == "close":
            helped = line.get("helped_by") or ["volunteer"]
            acts.close(staff_id, conv_id, Outcome(tuple(helped), line.get("deeper_addressed")))
        else:
            raise ValueError(
                f"unknown staff action {action!r}: take, reply, note, release or close"
            )

    def _conversation_of(self, who: str) -> int:
        from nlu.answers import normalize_phone

        phone = normalize_phone(who)
        with self.core.db.session() as s:
            q = select(Identity.contact_id).where(
                (Identity.phone == phone) if phone else (Identity.address == who)
            )
            contact_id = s.scalar(q.limit(1))
        if contact_id is None:
            raise LookupError(f"no contact {who!r}")
        conv = self.staff_actions.open_conversation_of(contact_id)
        if conv is None:
            raise LookupError(f"no open conversation for {who!r}")
        return conv

    # --- output ------------------------------------------------------------------------

    def _flush(self) -> list[dict[str, Any]]:
        self._note_said()
        out = self._spoken()
        before = {ch: len(r.sent) for ch, r in self.senders.items()}
        while self._loop.run_until_complete(self.dispatcher.drain_once()):
            pass
        for ch, rec in self.senders.items():
            for address, rendered in rec.sent[before[ch] :]:
                out.append(self._message(ch, address, rendered))
        out += self._events()
        return out

    def _note_said(self) -> None:
        last = self.said[-1][0] if self.said else 0
        with self.core.db.session() as s:
            for r in s.scalars(select(OutboxRow).where(OutboxRow.id > last).order_by(OutboxRow.id)):
                if r.text is not None and r.text != "(template)":
                    self.said.append((r.id, r.text, tuple(r.options or ()), r.kind))

    def _spoken(self) -> list[dict[str, Any]]:
        """Voice replies are spoken in the TwiML answer, not sent by the dispatcher."""
        out = []
        with self.core.db.session() as s:
            rows = s.scalars(
                select(OutboxRow)
                .where(OutboxRow.id > self._seen["outbox"], OutboxRow.channel == Channel.VOICE)
                .order_by(OutboxRow.id)
            ).all()
            last = s.scalar(select(OutboxRow.id).order_by(OutboxRow.id.desc()).limit(1))
        for row in rows:
            for r in render_for(Channel.VOICE, row.text or "", tuple(row.options), row.language):
                out.append(self._message(Channel.VOICE, row.address or "", r, tuple(row.options)))
        self._seen["outbox"] = max(self._seen["outbox"], last or 0)
        return out

    def _message(
        self, channel: Channel, address: str, r: Rendered, options: tuple[str, ...] | None = None
    ) -> dict[str, Any]:
        return {
            "type": "message",
            "t": self._t(),
            "to": address,
            "channel": str(channel),
            "text": r.text,
            "options": list(options if options is not None else r.buttons) or _numbered(r.text),
        }

    def _events(self) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        with self.core.db.session() as s:
            events = s.scalars(
                select(ConversationEvent)
                .where(ConversationEvent.id > self._seen["event"])
                .order_by(ConversationEvent.id)
            ).all()
            for ev in events:
                self._seen["event"] = ev.id
                item = self._event(s, ev)
                if item:
                    out.append(item)
            for task in s.scalars(
                select(Task).where(Task.id > self._seen["task"]).order_by(Task.id)
            ):
                self._seen["task"] = task.id
                out.append(
                    {
                        "type": "task",
                        "t": self._t(),
                        "kind": task.kind,
                        "urgent": task.urgent,
                        "contact": _contact_label(s, task.contact_id),
                        "due": task.due_at.astimezone(AMS).isoformat(),
                    }
                )
        return out

    def _event(self, s: Any, ev: ConversationEvent) -> dict[str, Any] | None:
        from storage.models import Conversation

        conv = s.get(Conversation, ev.conversation_id)
        contact = _contact_label(s, conv.contact_id) if conv else None
        base = {"t": ev.at.astimezone(AMS).isoformat(), "contact": contact}
        if ev.type == "HandedOff":
            h = s.scalars(
                select(Handoff)
                .where(Handoff.conversation_id == ev.conversation_id)
                .order_by(Handoff.id.desc())
            ).first()
            if h is None:
                return None
            return {
                "type": "handoff",
                **base,
                "role": h.role,
                "priority": h.priority,
                "topics": list(h.topics),
                "summary": h.summary,
                "reason": h.reason,
            }
        if ev.type == "FollowUpScheduled":
            fu = s.get(FollowUp, ev.data.get("followup_id"))
            due = fu.due_at if fu else datetime.fromisoformat(ev.data["due"])
            return {"type": "followup_scheduled", **base, "due": due.astimezone(AMS).isoformat()}
        if ev.type == "PlanSaved" and conv is not None:
            plan = s.scalar(select(Plan).where(Plan.contact_id == conv.contact_id))
            items = [
                {"who": i.who, "what": i.what, "when": i.when_text, "name": i.name}
                for i in (plan.items if plan else [])
                if i.status == "open"
            ]
            return {"type": "plan", **base, "items": items}
        if ev.type == "CrisisDetected":
            return {"type": "crisis", **base, "kind": ev.data.get("kind")}
        if ev.type == "Closed":
            return {"type": "closed", **base, "outcome": ev.data.get("outcome")}
        if ev.type in ("TakenOver", "HandedBack"):
            return {"type": ev.type.lower(), **base}
        return None


class _Observed:
    """The engine, with the steps it enters noted down (the simulator's own view)."""

    def __init__(self, engine: Any, steps: set[str]) -> None:
        self.engine = engine
        self.steps = steps

    def decide(self, state: Any, event: Any) -> Any:
        from dialogs.api import StepEntered

        decision = self.engine.decide(state, event)
        for entry in decision.log:
            if isinstance(entry, StepEntered) and entry.flow and entry.step:
                self.steps.add(f"{entry.flow}.{entry.step}")
        return decision


def _numbered(text: str) -> list[str]:
    """Options shown as "1 ..." / "2 ..." lines at the end of a text message."""
    lines = text.splitlines()
    found = [ln[2:].strip() for ln in lines[-2:] if re.match(r"^[12] ", ln)]
    return found if len(found) == 2 else []


def _contact_label(s: Any, contact_id: int | None) -> str | None:
    if contact_id is None:
        return None
    phone = s.scalar(
        select(Identity.phone)
        .where(Identity.contact_id == contact_id, Identity.phone.is_not(None))
        .limit(1)
    )
    if phone:
        return phone
    return s.scalar(select(Identity.address).where(Identity.contact_id == contact_id).limit(1))


def run_script(lines: Iterable[str], out: IO[str], sim: Simulator | None = None) -> int:
    """Run JSONL lines, writing JSONL; flushes after each input line's ``ready``."""
    own = sim is None
    sim = sim or Simulator()
    errors = 0
    try:
        for raw in lines:
            raw = raw.strip()
            if not raw or raw.startswith("#"):
                continue
            try:
                obj = json.loads(raw)
                if not isinstance(obj, dict):
                    raise ValueError("each line must be a JSON object")  # noqa: TRY004 - reported as a bad line
            except ValueError as e:
                errors += 1
                out.write(
                    json.dumps({"type": "error", "t": sim._t(), "reason": f"bad line: {e}"}) + "\n"
                )
                out.write(json.dumps({"type": "ready", "t": sim._t()}) + "\n")
                out.flush()
                continue
            for item in sim.feed(obj):
                if item["type"] == "error":
                    errors += 1
                out.write(json.dumps(item, ensure_ascii=False) + "\n")
            out.flush()
    finally:
        if own:
            sim.close()
    return 1 if errors else 0
