"""``voordeur dialogs check``: is every dialog valid and every text easy to read?

On top of the loader's validation it checks each message: at most 320 characters
(a warning above 160, one SMS), only GSM-7 characters, Dutch readability with
Flesch-Douma (at least 60 per message, a median of at least 75), sentences of about
12 words, one question per message, "u" instead of "je", no jargon or abbreviations,
and option labels of at most four words.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from config.profile import Profile, load_profile
from dialogs.loader import load_dialogs
from dialogs.model import LANGUAGES, DialogError, Dialogs, Text

__all__ = ["GSM7", "Finding", "Report", "check", "readability"]

#: The GSM 03.38 default alphabet and its extension table.
GSM7 = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà^{}\\[~]|€"
)
MAX_CHARS = 320
SMS_CHARS = 160
MIN_READABILITY = 60.0
MIN_MEDIAN = 75.0
SENTENCE_WORDS = 12
SENTENCE_WORDS_HARD = 18
OPTION_WORDS = 4
_JARGON = re.compile(
    r"\b(wmo|indicatie|keukentafelgesprek|casemanager|zorgvrager|i\.v\.m|o\.a|bijv|"
    r"etc|m\.b\.t|z\.s\.m|svp|ivm|mbt|zsm|e\.d)\b",
    re.IGNORECASE,
)
_INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jullie)\b", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.!?:])\s+|\n+")

#: Example values for conversation placeholders, to check texts as people see them.
SAMPLES = {
    "nl": {
        "name_part": " mevrouw De Wit", "topic_names": "de boodschappen en vervoer",
        "topic_phrase": "het huishouden", "topic_1": "Boodschappen", "topic_2": "Vervoer",
        "deeper_phrase": "contact met anderen", "help_phrase": "het huishouden",
        "plan_text": "- U doet zelf de afwas.\n- Een vrijwilliger helpt met schoonmaken.",
        "open_plan_text": "- Een vrijwilliger helpt met schoonmaken.",
        "followup_day": "vrijdag 27 november", "handoff_day": "donderdag 26 november",
        "neighbourhood": "Tuinzigt", "about": "de hulp in huis", "expected": "morgen om 9 uur",
        "what": "de afwas", "when": "donderdag 26 november",
        "person": "uw moeder", "for_part": " voor uw moeder", "self_word": "zelf",
        "home": "woont uw moeder",
    },
    "en": {
        "name_part": " Mrs De Wit", "topic_names": "the shopping and transport",
        "topic_phrase": "the housework", "topic_1": "Groceries", "topic_2": "Transport",
        "deeper_phrase": "company of other people", "help_phrase": "the housework",
        "plan_text": "- You do the dishes.\n- A volunteer helps with cleaning.",
        "open_plan_text": "- A volunteer helps with cleaning.",
        "followup_day": "Friday 27 November", "handoff_day": "Thursday 26 November",
        "neighbourhood": "Tuinzigt", "about": "the help at home", "expected": "tomorrow at 9",
        "what": "the dishes", "when": "Thursday 26 November",
        "person": "your mother", "for_part": " for your mother", "self_word": "on her own",
        "home": "does your mother live",
    },
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Finding:
    level: str  # "error" | "warning"
    file: str
    step: str | None
    language: str | None
    reason: str

    def __str__(self) -> str:
        where = self.file + (f", step {self.step!r}" if self.step else "")
        lang = f" ({self.language})" if self.language else ""
        return f"{self.level.upper()}: {where}{lang}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Report:
    findings: tuple[Finding, ...]
    scores: tuple[float, ...]
    messages: int

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "error"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.level == "warning"]

    @property
    def median(self) -> float:
        return statistics.median(self.scores) if self.scores else 0.0


def readability(text: str) -> float:
    """Flesch-Douma reading ease of a Dutch text (textstat with the Dutch constants).

    textstat is imported here, not at the top: it pulls in nltk, numpy, scipy and
    scikit-learn (1.5 s, about 100 MB), and every ``voordeur`` command, ``run`` too,
    builds the parser that imports this module.
    """
    import textstat

    textstat.set_lang("nl")
    plain = re.sub(r"^\s*-\s*", "", text, flags=re.MULTILINE)
    return float(textstat.flesch_reading_ease(plain))


def _texts(dialogs: Dialogs) -> Iterator[tuple[str, str | None, str, Text]]:
    """(file, step, kind, text) for every people-facing text."""
    for flow in dialogs.flows.values():
        for step in flow.steps.values():
            for t in step.say:
                yield flow.file, step.id, "message", t
            for kind, t in (("message", step.ask), ("message", step.simpler),
                            ("message", step.waiting)):  # fmt: skip
                if t is not None:
                    yield flow.file, step.id, kind, t
            for o in step.options:
                yield flow.file, step.id, "label", o.label
        for name, t in flow.messages.items():
            kind = "fragment" if name.startswith("plan_") else "message"
            yield flow.file, f"message {name}", kind, t
    for topic in dialogs.topics.values():
        for t in (topic.name, topic.phrase, topic.followup):
            yield "topics.yaml", f"topic {topic.id}", "fragment", t


def _one(file: str, step: str | None, kind: str, lang: str, raw: str,
         values: dict[str, str]) -> tuple[list[Finding], float | None]:  # fmt: skip
    found: list[Finding] = []

    def add(level: str, reason: str) -> None:
        found.append(Finding(level, file, step, lang, reason))

    try:
        text = raw.format_map(values)
    except (KeyError, ValueError) as exc:
        add("error", f"placeholder problem: {exc}")
        return found, None
    bad = sorted({c for c in raw if c not in GSM7})
    if bad:
        add("error", f"characters outside GSM-7 (SMS): {' '.join(repr(c) for c in bad)}")
    if kind == "label":
        if len(text.split()) > OPTION_WORDS:
            add("error", f"option {text!r} has more than {OPTION_WORDS} words")
        return found, None
    if len(text) > MAX_CHARS:
        add("error", f"{len(text)} characters; at most {MAX_CHARS}")
    elif len(text) > SMS_CHARS and kind == "message":
        add("warning", f"{len(text)} characters: more than one SMS ({SMS_CHARS})")
    if lang != "nl" or kind != "message":
        return found, None
    if _JARGON.search(text):
        add("error", f"jargon or abbreviation: {_JARGON.search(text).group(0)!r}")  # type: ignore[union-attr]
    if _INFORMAL.search(text):
        add("warning", "say 'u', not 'je' or 'jij'")
    if text.count("?") > 1:
        add("warning", "more than one question in one message")
    for sentence in _SENTENCE.split(text):
        words = len(sentence.split())
        if words > SENTENCE_WORDS_HARD:
            add("error", f"sentence of {words} words: {sentence!r}")
        elif words > SENTENCE_WORDS:
            add("warning", f"sentence of {words} words (about {SENTENCE_WORDS} at most)")
    score = readability(text)
    if score < MIN_READABILITY:
        add("error", f"Flesch-Douma {score:.0f}, at least {MIN_READABILITY:.0f}: {text!r}")
    return found, score


def check(paths: Iterable[str | Path] | None = None, profile: Profile | None = None) -> Report:
    """Validate dialog files and check every text; never raises for dialog problems."""
    profile = profile or load_profile()
    try:
        dialogs = load_dialogs(paths, with_defaults=True) if paths else load_dialogs()
    except DialogError as exc:
        return Report((Finding("error", exc.file, exc.step, None, exc.reason),), (), 0)
    findings: list[Finding] = []
    scores: list[float] = []
    count = 0
    for file, step, kind, text in _texts(dialogs):
        for lang in LANGUAGES:
            values = {**profile.template_values(lang), **SAMPLES[lang]}
            found, score = _one(file, step, kind, lang, text.get(lang), values)
            findings += found
            if score is not None:
                scores.append(score)
            if kind == "message" and lang == "nl":
                count += 1
    if scores and statistics.median(scores) < MIN_MEDIAN:
        findings.append(
            Finding("error", "(all)", None, "nl",
                    f"median Flesch-Douma {statistics.median(scores):.0f}, at least {MIN_MEDIAN:.0f}")
        )  # fmt: skip
    return Report(tuple(findings), tuple(scores), count)
