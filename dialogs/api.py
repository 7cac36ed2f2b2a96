"""The dialog engine's contract: events in, a decision out.

The engine is a pure function ``decide(state, event) -> Decision``: it does no I/O and
imports no channel, SDK, ORM or web framework. The pipeline (``bot/``) loads the
conversation's state, builds an event, calls the engine, stores the new state and the
past-tense log entries, writes the replies to the outbox and carries out the effects.

State is a frozen value that serialises to JSON (``to_json`` / ``from_json``) and can
also be rebuilt by folding the engine's own log entries (``StepEntered``, ``SlotSet``)
over an empty state, see :func:`fold`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from bot.messages import Reply
from nlu.api import CrisisKind, Understanding

__all__ = [
    "CloseConversation",
    "Decision",
    "Effect",
    "EraseContact",
    "Event",
    "FollowUpDue",
    "HandOff",
    "HandedBack",
    "HandoffWaiting",
    "LanguageSet",
    "LogEntry",
    "MissesCounted",
    "OutreachStarted",
    "PersonContext",
    "PersonWrote",
    "PlanItem",
    "Priority",
    "RecordConsent",
    "RecordFeedback",
    "RecordNeeds",
    "ReportPlan",
    "ReportStoredData",
    "Role",
    "SavePlan",
    "ScheduleFollowUp",
    "SetNeighbourhood",
    "SetStopped",
    "SlotSet",
    "State",
    "StepEntered",
    "Who",
    "fold",
]


class Role(StrEnum):
    VOLUNTEER = "volunteer"
    PROFESSIONAL = "professional"
    COORDINATOR = "coordinator"


class Priority(StrEnum):
    NORMAL = "normal"
    URGENT = "urgent"


class Who(StrEnum):
    """Who carries out a plan item: own strength first, professionals where needed."""

    SELF = "self"
    NETWORK = "network"
    VOLUNTEER = "volunteer"
    PROFESSIONAL = "professional"


@dataclass(frozen=True, slots=True)
class PlanItem:
    who: Who
    what: str
    when: str | None = None
    #: For network items: the name of the person from the network, when given.
    name: str | None = None


@dataclass(frozen=True, slots=True)
class PersonContext:
    """What the pipeline knows about the person, handed to the engine with each event."""

    returning: bool = False
    consent: bool | None = None
    name: str | None = None
    neighbourhood: str | None = None
    open_plan: tuple[PlanItem, ...] = ()
    #: The channel the person writes on ("sms", "voice", ...): texts may differ per channel.
    channel: str = "sms"
    #: Whether a human currently holds the conversation (the engine then only handles
    #: crisis and control words).
    held_by_human: bool = False
    #: Whether an urgent crisis handoff of this conversation still waits for a
    #: professional (set by the pipeline for a crisis message only).
    crisis_waiting: bool = False


@dataclass(frozen=True, slots=True)
class State:
    """Where a conversation is in its dialogs. Empty state: nothing said yet."""

    flow: str | None = None
    step: str | None = None
    language: str = "nl"
    #: JSON-able values the dialog collected (first ask, topics, scale, plan items...).
    slots: Mapping[str, Any] = field(default_factory=dict)
    #: Consecutive answers the engine did not understand at the current step.
    misses: int = 0

    def to_json(self) -> dict[str, Any]:
        return {
            "flow": self.flow,
            "step": self.step,
            "language": self.language,
            "slots": dict(self.slots),
            "misses": self.misses,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any] | None) -> State:
        if not data:
            return cls()
        return cls(
            flow=data.get("flow"),
            step=data.get("step"),
            language=data.get("language", "nl"),
            slots=dict(data.get("slots") or {}),
            misses=int(data.get("misses", 0)),
        )


# --- events: what happened, handed to the engine -------------------------------------


@dataclass(frozen=True, slots=True)
class PersonWrote:
    text: str
    understanding: Understanding
    at: datetime
    person: PersonContext = field(default_factory=PersonContext)


@dataclass(frozen=True, slots=True)
class FollowUpDue:
    """A promised follow-up is due: start the follow-up conversation."""

    followup_id: int
    about: str
    at: datetime
    person: PersonContext = field(default_factory=PersonContext)
    #: 0 for the first try, 1 for the one more try after silence.
    attempt: int = 0


@dataclass(frozen=True, slots=True)
class HandedBack:
    """A staff member handed the conversation back to the bot.

    ``next`` names what the bot does now: ``"followup"`` (offer a follow-up),
    ``"close"`` (say goodbye) or None (ask whether there is anything else).
    """

    at: datetime
    next: str | None = None
    person: PersonContext = field(default_factory=PersonContext)


@dataclass(frozen=True, slots=True)
class HandoffWaiting:
    """Nobody took the handoff yet: tell the person honestly."""

    at: datetime
    after_hours: bool
    #: When someone will respond, already formatted for people ("morgen om 9 uur").
    expected: str | None = None
    person: PersonContext = field(default_factory=PersonContext)


@dataclass(frozen=True, slots=True)
class OutreachStarted:
    """A campaign opens a conversation with a person who agreed to be contacted."""

    flow: str
    at: datetime
    person: PersonContext = field(default_factory=PersonContext)


Event = PersonWrote | FollowUpDue | HandedBack | HandoffWaiting | OutreachStarted


# --- effects: what the pipeline must do besides sending the replies -------------------


@dataclass(frozen=True, slots=True)
class HandOff:
    role: Role
    priority: Priority
    topics: tuple[str, ...]
    summary: str
    reason: str
    crisis_kind: CrisisKind | None = None


@dataclass(frozen=True, slots=True)
class ScheduleFollowUp:
    due: datetime
    about: str


@dataclass(frozen=True, slots=True)
class SavePlan:
    items: tuple[PlanItem, ...]


@dataclass(frozen=True, slots=True)
class RecordConsent:
    given: bool
    version: str


@dataclass(frozen=True, slots=True)
class SetStopped:
    stopped: bool


@dataclass(frozen=True, slots=True)
class EraseContact:
    """The person confirmed: erase everything about them."""


@dataclass(frozen=True, slots=True)
class ReportStoredData:
    """Send the person a short summary of what is stored (built by the pipeline)."""


@dataclass(frozen=True, slots=True)
class ReportPlan:
    """Send the person their plan (built by the pipeline from the stored plan)."""


@dataclass(frozen=True, slots=True)
class RecordNeeds:
    """The literal ask and the question behind it, for the conversation and reports."""

    literal: tuple[str, ...]
    deeper: tuple[str, ...]
    first_ask: str | None = None


@dataclass(frozen=True, slots=True)
class SetNeighbourhood:
    name: str


@dataclass(frozen=True, slots=True)
class CloseConversation:
    outcome: str


@dataclass(frozen=True, slots=True)
class RecordFeedback:
    """Answers to follow-up and satisfaction questions, for the scoreboard."""

    question: str  # "followup_outcome" | "satisfied"
    answer: str  # "better" | "not_better" | "yes" | "no"


Effect = (
    HandOff
    | ScheduleFollowUp
    | SavePlan
    | RecordConsent
    | SetStopped
    | EraseContact
    | ReportStoredData
    | ReportPlan
    | RecordNeeds
    | SetNeighbourhood
    | CloseConversation
    | RecordFeedback
)


# --- log entries: past-tense facts the engine reports, stored append-only -------------


@dataclass(frozen=True, slots=True)
class StepEntered:
    flow: str | None
    step: str | None


@dataclass(frozen=True, slots=True)
class SlotSet:
    name: str
    value: Any


@dataclass(frozen=True, slots=True)
class LanguageSet:
    language: str


@dataclass(frozen=True, slots=True)
class MissesCounted:
    misses: int


LogEntry = StepEntered | SlotSet | LanguageSet | MissesCounted


@dataclass(frozen=True, slots=True)
class Decision:
    state: State
    replies: tuple[Reply, ...] = ()
    effects: tuple[Effect, ...] = ()
    log: tuple[LogEntry, ...] = ()


def fold(entries: tuple[LogEntry, ...] | list[LogEntry], state: State | None = None) -> State:
    """Rebuild a state by applying log entries in order (replay of the event log)."""
    s = state or State()
    for e in entries:
        if isinstance(e, StepEntered):
            s = replace(s, flow=e.flow, step=e.step)
        elif isinstance(e, SlotSet):
            slots = dict(s.slots)
            if e.value is None:
                slots.pop(e.name, None)
            else:
                slots[e.name] = e.value
            s = replace(s, slots=slots)
        elif isinstance(e, LanguageSet):
            s = replace(s, language=e.language)
        elif isinstance(e, MissesCounted):
            s = replace(s, misses=e.misses)
    return s
