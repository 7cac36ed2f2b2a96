"""What the conversation knows about the person's needs, read from the slots.

The literal ask (``topics``), the needs behind it (``deeper``), signals such as debts
or a carer at the end of their strength, and the named conditions that dialog files
use in ``when:``. Pure functions over the slot mapping.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from dialogs.model import TopicInfo
from nlu.text import fold

__all__ = [
    "IGNORED_TOPICS",
    "all_topics",
    "check_condition",
    "handoff_role",
    "helper_answer",
    "names_helper",
    "tells_helper_task",
    "writer_helps",
    "new_deeper",
    "signals",
    "split_topics",
]

#: Topics that are never a need to explore or plan for.
IGNORED_TOPICS = frozenset({"crisis"})
_ROUTES = frozenset({"volunteer_offer", "worry_other"})

_DEBTS = re.compile(
    r"schuld|achterstand|deurwaarder|incasso|aanmaning|niet (meer )?betalen|"
    r"geen geld|rood staan|debt|bailiff|can.?t pay|cannot pay|"
    r"rekeningen (?:lopen|stapelen) (?:zich )?op|stapel rekeningen|bills (?:are )?piling up"
)
_EXHAUSTED = re.compile(
    # "ik kan niet meer" is exhaustion; "kan niet meer zelf koken" is a practical ask.
    r"kan (het )?niet meer(?= *(?:$|[.,!;?]|aan\b|en\b|want\b|maar\b|hoor\b|echt\b|ik\b))|"
    r"kan het niet meer aan|(trek|red|hou|houd) (het|dit) niet meer|niet (meer )?vol te houden|"
    r"ik ben op\b|uitgeput|te veel|teveel|te zwaar|"
    r"op van de zorg|opgebrand|overspannen|exhausted|worn out|too much|can.?t cope|cannot cope"
)


#: Someone the person knows, named in an answer: "mijn dochter", "de buurvrouw",
#: "mien zoon", "my neighbour". Dialect and SMS spellings of the possessive count.
_HELPER = re.compile(
    r"\b(?:mijn|mn|m|mien|mun|me|de|onze|ons|een|my|our|a|the|her|his|zijn|haar)\s+"
    r"(?:(?:oudste|jongste|lieve|eigen|oude|goede|beste|eldest|youngest|good|best|old)\s+)?"
    r"(?:(?:schoon|klein|stief|achter)?(?:dochter|zoon|zeun|kind|kinderen|kids)|zus|zuster|broer|"
    r"buurman|buurvrouw|buren|buurjongen|buurmeisje|overbuurman|overbuurvrouw|"
    r"vriend|vriendin|vrienden|vriendinnen|kennis|kennissen|collega|neef|nicht|oom|tante|"
    r"man|vrouw|partner|vriendje|vader|moeder|pa|ma|familie|zwager|schoonzus|"
    r"daughter|son|children|kids|sister|brother|neighbou?rs?|friends?|husband|wife|"
    r"partner|nephew|niece|uncle|aunt|cousin|family|colleague|grand(?:son|daughter|children))\b"
)


#: What a named helper does or can do: "komt elke zaterdag", "kan mij rijden".
_HELPER_TASK = re.compile(
    r"\b(?:helpt|helpen|help|doet|doen|doe|kan|kunnen|wil|komt|komen|kom|brengt|brengen|breng|"
    r"haalt|halen|haal|rijd|kook|"
    r"rijdt|rijden|kookt|koken|maait|maaien|regelt|regelen|belt|bellen|does|do|can|could|"
    r"will|would|comes|drives|brings|cooks|helps)\b"
)


#: Writing for a relative, "ik kom op zondag" names the writer as a helper.
_WRITER_HELPS = re.compile(r"^\W*(?:ja\W+)?(?:ik|i|we|wij)\b")


def helper_answer(slots: Mapping[str, Any]) -> str:
    """The answer that names a helper: to "Is er iemand ...?", or already to "Wat lukt
    u nu nog zelf?" ("mijn buurvrouw misschien wel": the question behind the question)."""
    text = str(slots.get("network_text") or "")
    if text or slots.get("network") is not None:
        return text
    own = str(slots.get("own_strength") or "")
    return own if names_helper(own) and not _WRITER_HELPS.match(fold(own)) else ""


def writer_helps(slots: Mapping[str, Any]) -> bool:
    """Writing for a relative, the writer names themselves as a helper ("ik kom op zondag")."""
    return bool(slots.get("for_whom")) and bool(_WRITER_HELPS.match(fold(helper_answer(slots))))


def names_helper(text: str) -> bool:
    """True when an answer names someone the person knows ("mijn buurman Piet")."""
    return bool(_HELPER.search(fold(text)))


def tells_helper_task(text: str) -> bool:
    """True when an answer names a helper and what they do ("mijn zoon kan rijden")."""
    t = fold(text)
    return bool(_HELPER.search(t)) and bool(_HELPER_TASK.search(t))


#: A need that is usually behind the question is the question itself when the message
#: is clearly about it: this sure, and this much surer than any practical ask.
_BEHIND_FIRST_SURE = 0.85
_BEHIND_FIRST_MARGIN = 0.25


def split_topics(
    topic_ids: Sequence[str],
    topics: Mapping[str, TopicInfo],
    confidences: Mapping[str, float] | None = None,
) -> tuple[list[str], list[str]]:
    """Split one message's topics into the literal ask and the needs behind it.

    "Kan iemand schoonmaken, er komt nooit iemand" asks for cleaning, with loneliness
    behind it. "Mijn moeder heeft alzheimer en ik zorg voor haar, ik kan niet meer" is
    about caring, even when the model also hears a little housework: a behind-kind
    topic that ranks first by a wide margin (``confidences``) is the ask."""
    found = [str(t) for t in topic_ids if t not in IGNORED_TOPICS]
    # Offering help or worrying about someone else is what a message is *about* only
    # when it ranks first; lower down it is usually a misreading of "helpen" or "zorg".
    found = [t for i, t in enumerate(found) if i == 0 or t not in _ROUTES]
    if not found:
        return ["other"], []
    asks = [t for t in found if t in topics and topics[t].kind == "ask" or t in _ROUTES]
    behind = [t for t in found if t not in asks]
    if not asks:
        return found, []
    conf = confidences or {}
    first = found[0]
    if first in behind and conf.get(first, 0.0) >= _BEHIND_FIRST_SURE:
        best_ask = max(conf.get(t, 1.0) for t in asks)
        if conf[first] - best_ask >= _BEHIND_FIRST_MARGIN:
            return [first], [t for t in found if t != first]
    return asks, behind


def new_deeper(topic_ids: Sequence[str], slots: Mapping[str, Any]) -> list[str]:
    """Topics in an answer that are new: neither the literal ask nor already noticed."""
    known = set(slots.get("topics") or ()) | set(slots.get("deeper") or ())
    return [
        str(t)
        for t in topic_ids
        if t not in known and t not in IGNORED_TOPICS and t not in _ROUTES and t != "other"
    ]


def signals(text: str) -> dict[str, bool]:
    """Signals in free text that change who should help: debts, exhaustion."""
    t = fold(text)
    out = {}
    if _DEBTS.search(t):
        out["debts"] = True
    if _EXHAUSTED.search(t):
        out["exhausted"] = True
    return out


def all_topics(slots: Mapping[str, Any]) -> tuple[str, ...]:
    """Literal topics then the needs behind them, without duplicates."""
    seen: list[str] = []
    for t in [*(slots.get("topics") or ()), *(slots.get("deeper") or ())]:
        if t not in seen:
            seen.append(t)
    return tuple(seen)


def handoff_role(slots: Mapping[str, Any], topics: Mapping[str, TopicInfo]) -> str:
    """Who should take over: professional, volunteer or coordinator.

    Counts the literal ask and the needs behind it that the person confirmed; a need
    the NLU only noticed in an answer does not decide who helps."""
    wanted = set(slots.get("deeper_wanted") or ())
    found = [
        t
        for t in all_topics(slots)
        if t != "other" and (t in (slots.get("topics") or ()) or t in wanted)
    ]
    if "volunteer_offer" in found and len(found) == 1:
        return "coordinator"
    if slots.get("debts") or "worry_other" in found:
        return "professional"
    if slots.get("exhausted") or (isinstance(slots.get("scale"), int) and slots["scale"] <= 2):
        return "professional"
    if not found:
        return "coordinator"  # nothing known yet: a coordinator sees it and triages
    if len(found) >= 3:
        return "professional"
    roles = {topics[t].role for t in found if t in topics}
    if "professional" in roles:
        return "professional"
    if "coordinator" in roles and len(found) == 1:
        return "coordinator"
    return "volunteer"


#: Asks that are rarely only practical: they get the scaling and coping questions.
HEAVY_TOPICS = frozenset({"money", "caregiver", "health", "housing"})


def check_condition(
    name: str,
    argument: str | None,
    slots: Mapping[str, Any],
    topics: Mapping[str, TopicInfo],
    has_open_plan: bool = False,
) -> bool:
    """Evaluate a named condition from a dialog file's ``when:``."""
    literal = list(slots.get("topics") or ())
    if name == "topic_is":
        return bool(literal) and literal[0] == argument
    if name == "several_topics":
        return len([t for t in literal if t != "other"]) >= 2
    if name == "deeper_need_found":
        asked = set(slots.get("deeper_asked") or ())
        return any(d not in asked for d in slots.get("deeper") or ())
    if name == "has_ask":
        return bool(slots.get("first_ask")) and literal != ["other"]
    if name == "has_network":
        return bool(
            slots.get("network")
            or slots.get("network_who")
            or names_helper(str(slots.get("network_text") or ""))
        )
    if name == "writer_helps":
        return writer_helps(slots)
    if name in ("helper_told", "helper_named"):
        text = helper_answer(slots)
        if writer_helps(slots):
            text = f"mijn familie: {text}"  # "ik kom op zondag": the writer is the helper
        return (tells_helper_task if name == "helper_told" else names_helper)(text)
    if name == "has_neighbourhood":
        return bool(slots.get("neighbourhood"))
    if name == "needs_professional":
        return handoff_role(slots, topics) == "professional"
    if name == "wants_volunteer":
        return slots.get("wants") == "volunteer"
    if name == "wants_professional":
        return slots.get("wants") == "professional"
    if name == "wants_help":
        return slots.get("wants") in ("volunteer", "professional")
    if name == "heavy":
        # Worth the scaling and coping questions: a professional is likely, several
        # problems at once, or an ask that is rarely only practical.
        return (
            handoff_role(slots, topics) == "professional"
            or len([t for t in literal if t != "other"]) >= 2
            or bool(literal)
            and literal[0] in HEAVY_TOPICS
        )
    if name == "scale_low":
        return isinstance(slots.get("scale"), int) and slots["scale"] <= 3
    if name == "asked_again":
        return int(slots.get("ask_count") or 0) >= 2
    if name == "has_open_plan":
        return has_open_plan
    raise KeyError(name)
