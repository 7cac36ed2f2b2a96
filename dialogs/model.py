"""The loaded form of the YAML dialogs: flows made of steps, texts in two languages.

A social worker edits YAML (see ``docs/dialogs.md``); :mod:`dialogs.loader` turns it
into these frozen values, and :mod:`dialogs.engine` walks them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "EXPECT_KINDS",
    "LANGUAGES",
    "Branch",
    "DialogError",
    "Dialogs",
    "EffectSpec",
    "Flow",
    "Option",
    "Step",
    "Text",
    "TopicInfo",
]

#: Every text exists in these languages.
LANGUAGES: tuple[str, ...] = ("nl", "en")

#: What a free answer may be: text, yes/no, a 0-10 score, a date, a topic, a neighbourhood.
EXPECT_KINDS: tuple[str, ...] = ("text", "yes_no", "scale", "date", "topic", "neighbourhood")


class DialogError(Exception):
    """A dialog file is wrong: names the file, the step and what is wrong."""

    def __init__(self, file: str, step: str | None, reason: str) -> None:
        self.file = file
        self.step = step
        self.reason = reason
        where = f"{file}, step {step!r}" if step else file
        super().__init__(f"{where}: {reason}")


@dataclass(frozen=True, slots=True)
class Text:
    """One people-facing text in every language: ``{"nl": ..., "en": ...}``."""

    by_language: Mapping[str, str]

    def get(self, language: str) -> str:
        return self.by_language.get(language) or self.by_language["nl"]


@dataclass(frozen=True, slots=True)
class Branch:
    """``next:`` as a list: go to ``goto`` when the named condition holds (or always)."""

    goto: str
    condition: str | None = None
    argument: str | None = None


@dataclass(frozen=True, slots=True)
class EffectSpec:
    """A named effect with its settings, e.g. ``handoff`` with ``{"priority": "normal"}``."""

    name: str
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Option:
    label: Text
    next: tuple[Branch, ...]
    #: Slot values set when this option is chosen.
    save: Mapping[str, Any] = field(default_factory=dict)
    effects: tuple[EffectSpec, ...] = ()


@dataclass(frozen=True, slots=True)
class Step:
    """One turn of a dialog.

    A step says something (``say``), may ask something (``ask``) with at most two
    ``options`` or a free answer of kind ``expect``, stores the answer in ``save`` and
    goes on to ``next``. A step with ``end`` stops; a step with ``waiting`` stays and
    answers every message with that text.
    """

    id: str
    flow: str
    say: tuple[Text, ...] = ()
    ask: Text | None = None
    simpler: Text | None = None
    options: tuple[Option, ...] = ()
    expect: str | None = None
    save: str | None = None
    next: tuple[Branch, ...] = ()
    on_no: tuple[Branch, ...] = ()
    otherwise: tuple[Branch, ...] = ()
    effects: tuple[EffectSpec, ...] = ()
    end: bool = False
    waiting: Text | None = None
    #: Answers to this question describe relief ("dan heb ik meer rust", "dan is het
    #: klaar"), which the crisis model hears as a farewell: for them a model hit counts
    #: only with a word about death, life or leaving (the crisis rules count as always).
    relief_answers: bool = False

    @property
    def key(self) -> str:
        return f"{self.flow}.{self.id}"

    @property
    def asks(self) -> bool:
        return self.ask is not None


@dataclass(frozen=True, slots=True)
class Flow:
    id: str
    file: str
    start: str
    steps: Mapping[str, Step]
    #: Steps the engine may enter directly (besides ``start``), e.g. after a control word.
    entries: tuple[str, ...] = ()
    #: Fixed messages that are not steps (crisis texts, control word answers).
    messages: Mapping[str, Text] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class TopicInfo:
    """How a topic is shown to people and where it is usually handed to."""

    id: str
    name: Text
    phrase: Text
    followup: Text
    role: str = "volunteer"
    #: "ask" topics are what people ask for; "behind" topics are often the need behind it.
    kind: str = "ask"


@dataclass(frozen=True, slots=True)
class Dialogs:
    """All loaded flows and topic texts."""

    flows: Mapping[str, Flow]
    topics: Mapping[str, TopicInfo]

    def step(self, flow: str, step: str) -> Step:
        return self.flows[flow].steps[step]

    def message(self, name: str) -> Text:
        for flow in self.flows.values():
            if name in flow.messages:
                return flow.messages[name]
        raise KeyError(name)
