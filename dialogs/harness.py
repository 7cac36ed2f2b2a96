"""An in-memory conversation: the pure engine, a real NLU, a fixed clock.

It plays the pipeline's part just enough to run dialog test scripts: it keeps the
state, turns effects into the person context (consent given, stopped, erased), and
checks on every turn that replaying the log gives the new state.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.messages import Reply
from dialogs.api import (
    EraseContact,
    Event,
    FollowUpDue,
    HandedBack,
    HandoffWaiting,
    OutreachStarted,
    PersonContext,
    PersonWrote,
    PlanItem,
    RecordConsent,
    SavePlan,
    ScheduleFollowUp,
    State,
    StepEntered,
    Who,
    fold,
)
from dialogs.engine import Engine
from nlu.api import Understander

__all__ = [
    "EngineConversation",
    "default_understander",
    "for_script",
    "person_from",
    "steps_of",
    "texts",
]

START = datetime(2026, 11, 23, 14, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


def default_understander(model_dir: str | None = None) -> Understander:
    """The real in-process NLU (its model is loaded, or trained once, on creation)."""
    from nlu.service import load_understander  # imported late: loading takes a moment

    return load_understander("local", model_dir=model_dir)


def person_from(raw: Mapping[str, Any] | None, base: PersonContext | None = None) -> PersonContext:
    """A person context from a script's ``person:`` mapping."""
    p = base or PersonContext()
    if not raw:
        return p
    values = dict(raw)
    if "open_plan" in values:
        values["open_plan"] = tuple(
            PlanItem(Who(i["who"]), str(i["what"]), i.get("when"), i.get("name"))
            for i in values["open_plan"]
        )
    return replace(p, **values)


class EngineConversation:
    """A :class:`dialogs.testing.Conversation` backed by the pure engine."""

    def __init__(
        self,
        engine: Engine,
        understander: Understander,
        person: PersonContext | None = None,
        start: datetime = START,
        language: str | None = None,
    ) -> None:
        self.engine = engine
        self.nlu = understander
        self.person = person or PersonContext()
        self.state = (
            State(language=language, slots={"language_detected": True}) if language else State()
        )
        self.now = start
        self.visited: set[str] = set()
        self._effects: list[Any] = []
        self._due: datetime | None = None

    # --- the Conversation protocol ------------------------------------------------

    def say(self, text: str) -> list[Reply]:
        self.now += timedelta(minutes=2)
        u = self.nlu.understand(text, self.state.language)
        return self._run(PersonWrote(text=text, understanding=u, at=self.now, person=self.person))

    def event(self, kind: str, **params: Any) -> list[Reply]:
        """Something other than a message: a follow-up, a handback, a campaign..."""
        if kind == "followup_due":
            self.now = self._due or self.now + timedelta(days=3)
            return self._run(
                FollowUpDue(
                    followup_id=1, about=str(params.get("about", "other")), at=self.now,
                    person=self.person, attempt=int(params.get("attempt", 0)),
                )
            )  # fmt: skip
        self.now += timedelta(minutes=10)
        if kind == "handed_back":
            return self._run(HandedBack(at=self.now, next=params.get("next"), person=self.person))
        if kind == "handoff_waiting":
            return self._run(
                HandoffWaiting(
                    at=self.now, after_hours=bool(params.get("after_hours")),
                    expected=params.get("expected"), person=self.person,
                )
            )  # fmt: skip
        if kind == "outreach":
            return self._run(OutreachStarted(flow=str(params.get("flow", "checkin")), at=self.now,
                                             person=self.person))  # fmt: skip
        if kind == "person":
            self.person = person_from(params, self.person)
            return []
        raise ValueError(f"unknown event {kind!r}")

    def effects(self) -> list[Any]:
        """Effects since the last call."""
        out, self._effects = self._effects, []
        return out

    # --- the pipeline's part --------------------------------------------------------

    def _run(self, event: Event) -> list[Reply]:
        decision = self.engine.decide(self.state, event)
        if fold(decision.log, self.state) != decision.state:
            raise AssertionError("replaying the log does not give the new state")
        self.state = decision.state
        for entry in decision.log:
            if isinstance(entry, StepEntered) and entry.flow and entry.step:
                self.visited.add(f"{entry.flow}.{entry.step}")
        for effect in decision.effects:
            self._apply(effect)
        self._effects.extend(decision.effects)
        return list(decision.replies)

    def _apply(self, effect: Any) -> None:
        if isinstance(effect, RecordConsent):
            self.person = replace(self.person, consent=effect.given or None)
        elif isinstance(effect, ScheduleFollowUp):
            self._due = effect.due
        elif isinstance(effect, SavePlan):
            self.person = replace(self.person, open_plan=effect.items)
        elif isinstance(effect, EraseContact):
            self.person = PersonContext(channel=self.person.channel)


def for_script(engine: Engine, understander: Understander, script: Any) -> EngineConversation:
    """A fresh in-memory conversation for a :class:`dialogs.testing.Script`."""
    return EngineConversation(
        engine, understander, person_from(script.person), language=script.language
    )


def steps_of(engine: Engine) -> set[str]:
    """Every step of every loaded flow, as "flow.step"."""
    return {f"{f.id}.{s}" for f in engine.dialogs.flows.values() for s in f.steps}


def texts(replies: Sequence[Reply]) -> str:
    return "\n".join(r.text for r in replies)
