"""What the NLU tells the rest of the front door about one message.

The dialog engine only sees these types; how they are computed (rules, the in-process
classifier, a Rasa server) is the NLU's business.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

__all__ = [
    "TOPICS",
    "CrisisKind",
    "Control",
    "TopicScore",
    "Understanding",
    "Understander",
]

#: Topic ids, the contract of shared/taxonomy.md, in taxonomy order.
TOPICS: tuple[str, ...] = (
    "household",
    "groceries",
    "transport",
    "odd_jobs",
    "money",
    "loneliness",
    "caregiver",
    "housing",
    "health",
    "activities",
    "volunteer_offer",
    "worry_other",
    "crisis",
    "other",
)


class CrisisKind(StrEnum):
    SUICIDE = "suicide"
    VIOLENCE = "violence"
    DANGER = "danger"


class Control(StrEnum):
    """Words the front door understands at every turn, whatever the dialog does."""

    HUMAN = "human"  # mens, medewerker, bellen
    STOP = "stop"  # stop, afmelden
    START = "start"  # start, aanmelden
    DELETE = "delete"  # verwijder mijn gegevens, wis
    MY_DATA = "my_data"  # mijn gegevens, inzien
    MY_PLAN = "my_plan"  # mijn plan
    LANGUAGE_EN = "language_en"  # "english please"
    LANGUAGE_NL = "language_nl"  # "nederlands graag"


@dataclass(frozen=True, slots=True)
class TopicScore:
    id: str
    confidence: float


@dataclass(frozen=True, slots=True)
class Understanding:
    """The NLU's reading of one message.

    ``topics`` are ranked, highest confidence first, and contain only topics the NLU
    believes are present (several when a message has several needs). An empty tuple
    means nothing recognisable: the dialog treats it as ``other``.
    """

    text: str
    language: str = "nl"
    topics: tuple[TopicScore, ...] = ()
    crisis: CrisisKind | None = None
    control: Control | None = None
    #: Small talk the dialog may acknowledge: "greeting", "thanks" or None.
    social: str | None = None
    #: No crisis was found, but the words are often the first words of one ("ik kan
    #: niet meer"): the dialog asks the person, as a helpline worker would.
    crisis_doubt: CrisisKind | None = None
    #: No crisis was found, but the crisis model is just under its threshold: the dialog
    #: asks where the message stands on its own (see :mod:`nlu.crisis_doubt`).
    crisis_lean: CrisisKind | None = None

    @property
    def topic_ids(self) -> tuple[str, ...]:
        return tuple(t.id for t in self.topics)

    @property
    def top(self) -> str:
        return self.topics[0].id if self.topics else "other"


class Understander(Protocol):
    """Anything that turns a text into an :class:`Understanding` (in-process or Rasa)."""

    def understand(
        self, text: str, language_hint: str | None = None, *, relief_answer: bool = False
    ) -> Understanding:
        """``relief_answer``: the message answers a question whose answers describe
        relief; the crisis check reads it accordingly (:func:`nlu.service.crisis_of`)."""
        ...
