"""Someone writing for another person: "mijn vader van 90 woont alleen en ...".

Daughters, sons, partners and neighbours often write the first message for the person
who needs the help. The questions then ask about that person ("Wat lukt uw vader nu
nog zelf?", "In welke wijk woont uw vader?") instead of about the writer. Only clear
cases count: the message opens with the relative and what they cannot do, or says
"voor mijn moeder" / "for my mother". A carer asking support for themselves ("ik zorg
voor mijn vader") or someone telling about a loss ("mijn man is overleden") writes for
themselves.
"""

from __future__ import annotations

import re

from nlu.text import fold

__all__ = ["RELATIVES", "writes_for"]

#: Relation word -> (Dutch "uw ...", English "your ...", English possessive for "on ... own").
RELATIVES: dict[str, tuple[str, str, str]] = {
    "vader": ("uw vader", "your father", "his"),
    "pa": ("uw vader", "your father", "his"),
    "moeder": ("uw moeder", "your mother", "her"),
    "ma": ("uw moeder", "your mother", "her"),
    "opa": ("uw opa", "your grandfather", "his"),
    "oma": ("uw oma", "your grandmother", "her"),
    "man": ("uw man", "your husband", "his"),
    "vrouw": ("uw vrouw", "your wife", "her"),
    "schoonvader": ("uw schoonvader", "your father-in-law", "his"),
    "schoonmoeder": ("uw schoonmoeder", "your mother-in-law", "her"),
    "buurman": ("uw buurman", "your neighbour", "his"),
    "buurvrouw": ("uw buurvrouw", "your neighbour", "her"),
    "oom": ("uw oom", "your uncle", "his"),
    "tante": ("uw tante", "your aunt", "her"),
    "broer": ("uw broer", "your brother", "his"),
    "zus": ("uw zus", "your sister", "her"),
    "zoon": ("uw zoon", "your son", "his"),
    "dochter": ("uw dochter", "your daughter", "her"),
    "father": ("uw vader", "your father", "his"),
    "dad": ("uw vader", "your father", "his"),
    "mother": ("uw moeder", "your mother", "her"),
    "mum": ("uw moeder", "your mother", "her"),
    "mom": ("uw moeder", "your mother", "her"),
    "grandfather": ("uw opa", "your grandfather", "his"),
    "grandmother": ("uw oma", "your grandmother", "her"),
    "husband": ("uw man", "your husband", "his"),
    "wife": ("uw vrouw", "your wife", "her"),
    "neighbour": ("uw buurman of buurvrouw", "your neighbour", "their"),
    "neighbor": ("uw buurman of buurvrouw", "your neighbour", "their"),
    "uncle": ("uw oom", "your uncle", "his"),
    "aunt": ("uw tante", "your aunt", "her"),
    "brother": ("uw broer", "your brother", "his"),
    "sister": ("uw zus", "your sister", "her"),
    "son": ("uw zoon", "your son", "his"),
    "daughter": ("uw dochter", "your daughter", "her"),
}
_REL = "|".join(sorted(RELATIVES, key=len, reverse=True))
_OPENING = r"^(?:(?:hallo|hoi|goedemorgen|goedemiddag|goedenavond|goedendag|beste|dag|hi|hello|eh|ja|nou)\W+)*"
#: "voor mijn moeder", "namens mijn vader", "for my mother", "on behalf of my dad".
_FOR = re.compile(rf"\b(?:voor|namens|for|on behalf of)\s+(?:mijn|mn|onze|my|our)\s+({_REL})\b")
#: The message opens with the relative and what they cannot do or how old they are.
_OPENS_WITH = re.compile(
    rf"{_OPENING}(?:mijn|mn|onze|my|our)\s+(?:oude\s+|old\s+)?({_REL})\b(?:\s+\(?\d{{2,3}}\)?)?"
    r"(?:\s+van\s+\d{2,3}(?:\s+jaar)?|\s+is\s+\d{2,3}(?:\s+jaar(?:\s+oud)?|\s+years\s+old)?)?"
    r"(?:\s*,?\s*(?:en|and)?\s*)"
    r"(?:woont\s+alleen|kan\s+(?:niet|geen|het\s+niet|zelf\s+niet)|kan\s+\w+\s+niet|heeft\s+(?:hulp|moeite|geen)|"
    r"redt\s+het\s+niet|lives\s+alone|can'?t|cannot|needs\s+help|has\s+trouble|"
    r"(?:is|wordt)\s+(?:\d{2,3}|slecht|ziek|dement|vergeetachtig)|is\s+\d)"
)
#: Writing about oneself after all: a carer, a loss.
_FOR_SELF = re.compile(
    r"\bik\s+zorg\b|\bzorg\s+ik\b|mantelzorg|\bi\s+(?:care|look)\s+(?:for|after)\b|"
    r"overleden|gestorven|\bdood\b|died|passed\s+away"
)


def writes_for(text: str) -> str | None:
    """The relation word when ``text`` asks help for someone else, else ``None``."""
    t = re.sub(r"\s+", " ", fold(text)).strip()
    if _FOR_SELF.search(t):
        return None
    m = _FOR.search(t) or _OPENS_WITH.search(t)
    return m.group(1) if m else None
