"""What the engine does within a turn: enter steps, speak, run effects.

:class:`Actions` wraps a :class:`~dialogs.turn.Turn` with the loaded dialogs and the
profile. Entering a step says its texts, runs its effects and either waits for an
answer or goes straight on; a guard stops runaway chains of steps.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from config.hours import next_allowed
from config.profile import Profile
from dialogs.api import (
    CloseConversation,
    EraseContact,
    HandOff,
    PlanItem,
    Priority,
    RecordConsent,
    RecordFeedback,
    RecordNeeds,
    ReportPlan,
    ReportStoredData,
    Role,
    SavePlan,
    ScheduleFollowUp,
    SetNeighbourhood,
    Who,
)
from dialogs.model import Branch, Dialogs, EffectSpec, Step, Text
from dialogs.needs import (
    all_topics,
    check_condition,
    handoff_role,
    helper_answer,
    names_helper,
    signals,
    split_topics,
    writer_helps,
)
from dialogs.reading import says_nothing
from dialogs.relatives import writes_for
from dialogs.render import (
    Scene,
    fill,
    followup_due,
    handoff_by,
    local,
    people_day,
    summary,
    values,
)
from dialogs.turn import Turn
from nlu.answers import listed_topics, parse_when, yes_no
from nlu.api import CrisisKind, Understanding
from nlu.text import tidy_spoken

__all__ = ["Actions"]

_MAX_CHAIN = 25
#: Slots that are kept when a person refuses consent or erases their data: none.
_KEEP_ON_REFUSAL: frozenset[str] = frozenset({"language_detected"})


#: A day named in the ask counts as the day help is needed up to this far ahead.
_NEEDED_AHEAD = timedelta(days=60)


class Actions:
    """Step-level operations on one turn."""

    def __init__(self, dialogs: Dialogs, profile: Profile, turn: Turn) -> None:
        self.dialogs = dialogs
        self.profile = profile
        self.turn = turn
        self._chain = 0

    # --- reading -------------------------------------------------------------------

    def current(self) -> Step | None:
        s = self.turn.state
        flow = self.dialogs.flows.get(s.flow or "")
        return flow.steps.get(s.step or "") if flow else None

    def scene(self, extra: Mapping[str, str] | None = None) -> Scene:
        return Scene(
            self.dialogs, self.profile, self.turn.person, self.turn.now,
            self.turn.state.language, self.turn.state.slots, extra,
        )  # fmt: skip

    def values(self) -> dict[str, str]:
        return values(self.scene())

    def text(self, text: Text, extra: Mapping[str, str] | None = None) -> str:
        return fill(text.get(self.turn.state.language), self.scene(extra))

    def labels(self, step: Step) -> list[str]:
        return [self.text(o.label) for o in step.options]

    def is_open(self) -> bool:
        now = local(self.profile, self.turn.now)
        hours = self.profile.opening_hours.get(now.weekday())
        return bool(hours) and hours[0] <= now.time() < hours[1]

    # --- speaking ------------------------------------------------------------------

    def say(self, text: Text) -> None:
        self.turn.say(self.text(text))

    def say_message(self, name: str, extra: Mapping[str, str] | None = None) -> None:
        self.turn.say(self.text(self.dialogs.message(name), extra))

    def ask(self, step: Step, simpler: bool = False) -> None:
        text = step.simpler if simpler and step.simpler else step.ask
        if text is not None:
            self.turn.say(self.text(text), tuple(self.labels(step)))

    # --- slots ---------------------------------------------------------------------

    def set(self, name: str, value: Any) -> None:
        self.turn.set(name, value)

    def take_ask(self, u: Understanding) -> None:
        """Keep a message as the ask: its text, literal topics and needs behind it."""
        # "1. boodschappen 2. tuin": the person's own order of their needs is kept, so
        # "1" to "what first?" is the need they numbered 1.
        literal, behind = split_topics(
            listed_topics(u.text, u.topic_ids),
            self.dialogs.topics,
            {t.id: t.confidence for t in u.topics},
        )
        slots = self.turn.state.slots
        self.set("first_ask", tidy_spoken(u.text.strip()))
        # "kan iemand mij morgen naar de kapper brengen": the day it is needed goes into
        # the summary, so a helper sees it before the usual two working days are up.
        needed = parse_when(u.text, self.turn.now, fallback=False)
        soon = needed is not None and self.turn.now < needed <= self.turn.now + _NEEDED_AHEAD
        if soon or slots.get("needed_at"):
            self.set("needed_at", needed.isoformat() if soon and needed else None)
        self.set("topics", literal)
        self.set("current_topic", literal[0])
        deeper = [d for d in [*(slots.get("deeper") or ()), *behind] if d not in literal]
        self.set("deeper", list(dict.fromkeys(deeper)))
        self.set("ask_count", int(slots.get("ask_count") or 0) + 1)
        for name, value in signals(u.text).items():
            self.set(name, value)
        relative = writes_for(u.text)
        if relative and not slots.get("for_whom"):
            self.set("for_whom", relative)  # the questions now ask about that person

    def remember_return(self) -> None:
        s = self.turn.state
        if s.flow and s.step and s.flow != "common":
            self.set("return_to", f"{s.flow}.{s.step}")

    # --- moving --------------------------------------------------------------------

    def go(self, target: str, speak: bool = True, origin: Step | None = None) -> None:
        """Enter a step ("flow.step", a step of the origin's flow, "back" or "onward")."""
        self._chain += 1
        if self._chain > _MAX_CHAIN:
            target = "common.anything_else"
        if target in ("back", "onward"):
            self._return(target)
            return
        flow, _, sid = target.rpartition(".")
        if not flow:
            flow = origin.flow if origin else (self.turn.state.flow or "intake")
        step = self.dialogs.flows[flow].steps[sid]
        self.turn.enter(flow, sid)
        if not speak:
            return
        self.run_effects(step.effects)
        for text in step.say:
            self.say(text)
        if step.asks:
            self.ask(step)
        elif step.next:
            self.follow(step.next, step)

    def follow(self, branches: Sequence[Branch], origin: Step) -> None:
        for b in branches:
            if b.condition is None or check_condition(
                b.condition, b.argument, self.turn.state.slots, self.dialogs.topics,
                bool(self.turn.person.open_plan),
            ):  # fmt: skip
                self.go(b.goto, origin=origin)
                return
        if not branches:  # an end step: stay
            return

    def _return(self, how: str) -> None:
        target = self.turn.state.slots.get("return_to")
        self.set("return_to", None)
        if not target:
            self.go("intake.open_question" if how == "back" else "common.anything_else")
            return
        flow, _, sid = str(target).partition(".")
        step = self.dialogs.flows[flow].steps.get(sid) if flow in self.dialogs.flows else None
        if step is None:  # the dialogs changed since: carry on from a safe place
            self.go("common.anything_else")
            return
        if how == "back":
            self.turn.enter(flow, sid)
            self.ask(step)
            return
        self.say_message("onward")
        self.turn.enter(flow, sid)
        for ways in (step.otherwise, step.next, step.on_no):
            if ways:
                self.follow(ways, step)
                return
        if step.options:
            self.follow(step.options[-1].next, step)

    # --- effects -------------------------------------------------------------------

    def run_effects(self, specs: Sequence[EffectSpec]) -> None:
        for spec in specs:
            getattr(self, f"_fx_{spec.name}")(spec.params)

    def handoff(
        self, role: str, priority: str, reason: str, crisis_kind: CrisisKind | None = None
    ) -> None:
        slots = self.turn.state.slots
        if role == "auto":
            role = handoff_role(slots, self.dialogs.topics)
        if role == "volunteer" and slots.get("plan_not_working"):
            role = "coordinator"
        topics = all_topics(slots)
        if crisis_kind:
            topics = ("crisis", *(t for t in topics if t != "crisis"))
        self.set("handed_off", role)
        self.set("wants", None)
        self.turn.effect(
            HandOff(
                role=Role(role),
                priority=Priority(priority),
                topics=tuple(topics) or ("other",),
                summary=summary(self.scene()),
                reason=reason,
                crisis_kind=crisis_kind,
            )
        )

    def report_data(self) -> None:
        self.turn.effect(ReportStoredData())

    def report_plan(self) -> None:
        self.turn.effect(ReportPlan())

    def _fx_handoff(self, p: Mapping[str, Any]) -> None:
        self.handoff(
            role=str(p.get("role", "auto")),
            priority=str(p.get("priority", "normal")),
            reason=str(p.get("reason", "plan")),
        )

    def _fx_schedule_followup(self, p: Mapping[str, Any]) -> None:
        if p.get("at"):  # a moment the person named, moved into the contact hours
            due = next_allowed(datetime.fromisoformat(str(p["at"])), self.profile)
        else:
            due = followup_due(self.profile, self.turn.now, int(p.get("days", 3)))
        self.set("followup_due", due.isoformat())
        self.set("followup_day", people_day(due, self.turn.state.language))
        about = self.turn.state.slots.get("current_topic") or "other"
        self.turn.effect(ScheduleFollowUp(due=due, about=str(about)))

    def _plan(self) -> list[PlanItem]:
        s = self.turn.state.slots
        lang = self.turn.state.language
        v = values(self.scene())
        items: list[PlanItem] = []
        # "niks" or "weet ik niet" is an answer, but nothing to agree on in a plan.
        text = helper_answer(s)
        own = str(s.get("own_strength") or "")
        if own and not says_nothing(own) and own != text:
            items.append(PlanItem(Who.SELF, own, None))
        named = names_helper(text) or writer_helps(s)
        helper = s.get("network_who") or ((s.get("network") or named) and text)
        if s.get("network_who") and names_helper(text) and not names_helper(str(helper)):
            # "mijn nicht Sandra" then "boodschappen doen": who and what, together; a bare
            # "ja" to "Waarmee?" adds nothing.
            short_yes = len(str(helper).split()) <= 2 and yes_no(str(helper)) is not None
            helper = text if short_yes or says_nothing(str(helper)) else f"{text}: {helper}"
        if (
            s.get("network") is not False
            and helper
            and yes_no(str(helper)) is not False
            and not says_nothing(str(helper))
        ):
            items.append(PlanItem(Who.NETWORK, str(helper)))
        by = people_day(handoff_by(self.profile, self.turn.now), lang)
        if s.get("wants") == "volunteer":
            items.append(PlanItem(Who.VOLUNTEER, v["help_phrase"], by))
        elif s.get("wants") == "professional":
            items.append(PlanItem(Who.PROFESSIONAL, v["help_phrase"], by))
        return items

    def _fx_save_plan(self, p: Mapping[str, Any]) -> None:
        items = self._plan()
        self.set("plan", [{"who": i.who.value, "what": i.what, "when": i.when} for i in items])
        self.turn.effect(SavePlan(tuple(items)))

    def _fx_close(self, p: Mapping[str, Any]) -> None:
        self.turn.effect(CloseConversation(str(p.get("value", p.get("outcome", "done")))))

    def _fx_record_consent(self, p: Mapping[str, Any]) -> None:
        given = bool(p.get("value", True))
        self.turn.effect(RecordConsent(given, self.profile.consent_version))
        if given:
            self.set("consent", True)
        else:
            self._forget()

    def _forget(self) -> None:
        for name in list(self.turn.state.slots):
            if name not in _KEEP_ON_REFUSAL:
                self.set(name, None)

    def _fx_record_needs(self, p: Mapping[str, Any]) -> None:
        s = self.turn.state.slots
        self.turn.effect(
            RecordNeeds(
                literal=tuple(s.get("topics") or ()),
                deeper=tuple(s.get("deeper") or ()),
                first_ask=s.get("first_ask"),
            )
        )

    def _fx_set_neighbourhood(self, p: Mapping[str, Any]) -> None:
        name = self.turn.state.slots.get("neighbourhood")
        if name:
            self.turn.effect(SetNeighbourhood(str(name)))

    def _fx_record_feedback(self, p: Mapping[str, Any]) -> None:
        self.turn.effect(RecordFeedback(str(p["question"]), str(p["answer"])))
        if p["question"] == "followup_outcome" and p["answer"] == "not_better":
            # The plan did not work (often nobody came): a new plan made now goes to a
            # coordinator, who sees why, not to the volunteers' queue that failed.
            self.set("plan_not_working", True)

    def _fx_ask_deeper(self, p: Mapping[str, Any]) -> None:
        """Take the next need behind the ask to check with the person."""
        s = self.turn.state.slots
        asked = list(s.get("deeper_asked") or ())
        pending = [d for d in s.get("deeper") or () if d not in asked]
        if pending:
            self.set("deeper_asked", [*asked, pending[0]])
            self.set("deeper_current", pending[0])

    def _fx_confirm_deeper(self, p: Mapping[str, Any]) -> None:
        """The person wants help with the need behind the ask too (or not)."""
        s = self.turn.state.slots
        current = s.get("deeper_current")
        if current and p.get("value", True):
            self.set("deeper_wanted", [*(s.get("deeper_wanted") or ()), current])

    def _fx_choose_topic(self, p: Mapping[str, Any]) -> None:
        topics = list(self.turn.state.slots.get("topics") or ())
        index = int(p.get("value", 1)) - 1
        if 0 <= index < len(topics):
            topics.insert(0, topics.pop(index))
            self.set("topics", topics)
            self.set("current_topic", topics[0])

    def _fx_erase_contact(self, p: Mapping[str, Any]) -> None:
        self.turn.effect(EraseContact())
        self._forget()
