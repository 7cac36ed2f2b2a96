"""Read a person's answer to a step: an option, a free answer of some kind, or a miss."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from dialogs.model import Step
from nlu.answers import choose_option, is_question_back, parse_when, scale, yes_no
from nlu.api import Understanding
from nlu.text import fold

__all__ = ["Answer", "match_neighbourhood", "read_answer", "says_nothing"]


@dataclass(frozen=True, slots=True)
class Answer:
    """``kind`` is "option", "no", "otherwise", "free" or "miss"."""

    kind: str
    index: int = -1
    value: Any = None


#: "ik woon in de wijk Oost", "I live in De Pijp, near the church": the name itself.
_LIVES_IN = re.compile(
    r"^\W*(?:(?:ik\s+)?(?:woon|wonen|zit)\s+(?:in\s+)?|(?:i\s+)?live\s+in\s+|in\s+)?"
    r"(?:(?:(?:de|het|the)\s+)?(?:wijk|buurt|area|neighbou?rhood)\s+)?"
    r"(?P<name>.+?)\s*(?:(?:,|\.|\bvlak\b|\bbij\b|\btegenover\b|\bnear\b|\bnext\b|\bachter\b|\bnaast\b).*)?$",
    re.IGNORECASE,
)


def _neighbourhood_name(text: str) -> str:
    """The name in a free answer to "In welke wijk woont u?", tidied."""
    m = _LIVES_IN.match(text.strip())
    name = (m.group("name") if m else text).strip(" .!,")
    if not name or re.match(r"(?i)(?:van|bij|near|of)\b", name):
        name = text.strip(" .!,")  # "in de buurt van het park": keep it as said
    return name.title() if len(name.split()) <= 3 else name


def match_neighbourhood(text: str, known: Sequence[str]) -> str | None:
    """The known neighbourhood the text names, loosely ("tuinzicht" -> "Tuinzigt")."""
    t = fold(text)
    by_fold = {fold(n): n for n in known}
    for f, name in by_fold.items():
        if f in t:
            return name
    words = t.replace(",", " ").replace(".", " ").split()
    candidates = words + [" ".join(words[i : i + 2]) for i in range(len(words) - 1)]
    for c in candidates:
        close = difflib.get_close_matches(c, list(by_fold), n=1, cutoff=0.75)
        if close:
            return by_fold[close[0]]
    return None


_DONT_KNOW = re.compile(
    r"^\W*(?:(?:ik\s+)?(?:weet|wet)\s+(?:(?:het|ik)\s+)?(?:echt\s+)?(?:niet|nie)|geen\s+idee|geen\s+flauw\s+idee"
    r"|(?:i\s+)?(?:really\s+)?(?:don'?t|do not)\s+know|no\s+idea|not\s+sure|dunno|tja|geen\s+flauw"
    r"|kweenie|weet\s+ik\s+veel|(?:ik\s+)?(?:heb\s+)?geen\s+(?:flauw\s+)?benul)\W*(?:hoor|eigenlijk|really)?\W*$",
    re.IGNORECASE,
)


def _dont_know(text: str) -> bool:
    return bool(_DONT_KNOW.match(text.strip()))


#: "hè?", "wat bedoelt u?", "snap ik niet": the question was not understood; this is
#: no answer, so the question is asked again, more simply.
_CONFUSED = re.compile(
    r"^\W*(?:h[eè]+|huh+|hu+|wa+t|watte|wablief|pardon|sorry|what|eh+|uh+|hmm+|waarom|hoezo|waarvoor|why)\W*$"
    r"|^\W*(?:wat|what)\s+(?:bedoel(?:t|d)?\s+(?:je|u|jij|jullie)|do\s+you\s+mean|is\s+dat|moet\s+ik\s+(?:zeggen|doen|antwoorden))\W*$"
    r"|^\W*(?:(?:dat\s+)?(?:snap|begrijp|begreep|versta)\s+ik\s+(?:het\s+)?niet|ik\s+(?:snap|begrijp|versta)\s+(?:het|de\s+vraag|u|je)\s+niet"
    r"|(?:i\s+)?(?:don'?t|do\s+not)\s+understand(?:\s+the\s+question)?|onduidelijk|welke\s+vraag)\W*(?:hoor)?\W*$",
    re.IGNORECASE,
)
_LETTER = re.compile(r"[^\W\d_]")


def _confused(text: str) -> bool:
    return bool(_CONFUSED.match(text.strip()))


#: "maakt niet uit", "zeg jij maar": either option is fine.
_INDIFFERENT = re.compile(
    r"^\W*(?:(?:het\s+)?maakt\s+(?:mij|me|voor\s+mij)?\s*(?:niet|niks|niets|weinig)\s+(?:zoveel\s+|veel\s+)?uit"
    r"|om\s+het\s+even|zeg\s+(?:jij|u)\s+(?:het\s+)?maar|(?:doe|kies)\s+(?:jij|u)\s+maar|wat\s+(?:u|jij|jullie)\s+(?:wilt|wil)"
    r"|(?:allebei|beide|alles)\s+(?:is\s+)?(?:goed|prima)|whatever|either(?:\s+(?:one|is\s+fine))?|(?:i\s+)?(?:don'?t|do\s+not)\s+mind"
    r"|(?:it\s+)?doesn'?t\s+matter|no\s+preference|geen\s+voorkeur)\W*(?:hoor|eigenlijk|really)?\W*$",
    re.IGNORECASE,
)


def _indifferent(text: str) -> bool:
    return bool(_INDIFFERENT.match(text.strip()))


_NOTHING = re.compile(
    r"^\W*(?:niks|niets|nix|helemaal\s+niks|helemaal\s+niets|geen|nee|niemand|nothing|none|no|nobody|"
    r"niks\s+meer|niets\s+meer|nothing\s+anymore)\W*(?:hoor|meer|eigenlijk)?\W*$",
    re.IGNORECASE,
)


def says_nothing(text: str) -> bool:
    """True for an answer with nothing to put in a plan: "niks", "weet ik niet", "2", "?"."""
    t = text.strip()
    return not _LETTER.search(t) or _dont_know(t) or _confused(t) or bool(_NOTHING.match(t))


def _no_option(labels: Sequence[str]) -> int | None:
    """The option that means no ("Nee", "No", "Nee, iets anders"), if there is one."""
    for i, label in enumerate(labels):
        if yes_no(label) is False:
            return i
    return None


#: Open questions about the person's own situation, whose answer goes into the plan or
#: the summary in their words: a bare "ja" is no answer to them.
_OWN_WORDS = frozenset({"own_strength", "difference", "exception", "coping", "scale_higher", "helped"})


def _bare_yes(text: str) -> bool:
    return len(text.split()) <= 2 and yes_no(text) is True


def _worth_keeping(text: str) -> bool:
    return len(text.split()) > 2


def read_answer(
    step: Step,
    u: Understanding,
    labels: Sequence[str],
    now: datetime,
    neighbourhoods: Sequence[str] = (),
) -> Answer:
    """What the person's message means at this step."""
    text = u.text.strip()
    if _confused(text):
        return Answer("miss", value="confused")
    if step.options:
        index = choose_option(text, labels) if text else None
        keep = text if _worth_keeping(text) else None
        if index is not None:
            return Answer("option", index, keep)
        polar = all(yes_no(label) is not None for label in labels)
        if polar and is_question_back(text):
            # "wat doen jullie met mijn gegevens?" to "Is dat goed?": said again, simpler.
            return Answer("miss", value="confused")
        if _indifferent(text):
            # "maakt niet uit" between two moments takes the first; to a yes/no
            # question it is no answer yet, so it is asked again in other words.
            return Answer("miss", value="confused") if polar else Answer("option", 0)
        if step.on_no:
            yn = yes_no(text)
            if yn is False:
                return Answer("no", value=keep)
            if yn is True:  # options that are not yes/no: a plain yes takes the first
                return Answer("option", 0, keep)
        if step.otherwise and text:
            if not _LETTER.search(text):
                return Answer("miss")  # "?", "..." or a smiley is no answer to build on
            if _dont_know(text):
                # "geen idee" is not a free answer to build on: on a yes/no question it
                # means no; elsewhere it is not understood (asked more simply).
                no = _no_option(labels)
                return Answer("option", no) if no is not None else Answer("miss")
            return Answer("otherwise", value=text)
        return Answer("miss")
    kind = step.expect or "text"
    if not text:
        return Answer("miss")
    if kind in ("text", "topic", "neighbourhood") and not _LETTER.search(text):
        return Answer("miss")  # "1", "?" or an emoji to an open question
    if kind == "text" and step.save in _OWN_WORDS and not u.topics and _bare_yes(text):
        # "ja" to "Wat lukt u nu nog zelf?" says nothing to plan with: asked again, with
        # an example, instead of "Wat u zelf doet: ja" in the plan.
        return Answer("miss", value="confused")
    if kind == "text" and step.on_no and len(text.split()) <= 5 and yes_no(text) is False:
        return Answer("no")  # "nee eigenlijk niet" to "Wie kan u helpen?": nobody after all
    if kind == "yes_no":
        yn = yes_no(text)
        return Answer("miss") if yn is None else Answer("free", value=yn)
    if kind == "topic":
        if _dont_know(text):
            # Not knowing what to ask is no failure to understand: asked again with
            # examples, and then a person is offered.
            return Answer("miss", value="confused")
        if step.on_no and not u.topics and yes_no(text) is False:
            return Answer("no")  # "laat maar", "nee hoor": nothing to ask now
    if kind == "scale":
        n = scale(text)
        if n is None:
            return Answer("otherwise", value=text) if step.otherwise else Answer("miss")
        return Answer("free", value=n)
    if kind == "date":
        when = parse_when(text, now)
        if when is None:
            return Answer("otherwise", value=text) if step.otherwise else Answer("miss")
        return Answer("free", value=when.isoformat())
    if kind == "neighbourhood":
        found = match_neighbourhood(text, neighbourhoods)
        if found:
            return Answer("free", value=found)
        if _dont_know(text) or yes_no(text) is not None:
            return Answer("miss")  # "ja hoor" or "weet ik niet" is no neighbourhood
        if parse_when(text, now) is not None:
            return Answer("miss")  # "overmorgen na het eten" is a day, not a place
        return Answer("free", value=_neighbourhood_name(text))
    return Answer("free", value=text)
