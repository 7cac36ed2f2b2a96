"""Text normalisation shared by the rule-based detectors and the classifier.

People write on SMS and WhatsApp: capitals, accents, stretched letters ("neeeee"),
shorthand ("ff", "mn", "nie"). The detectors match on a normalised form so that one
rule covers all those spellings.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fold", "normalize", "strip_punct", "tokens"]

_REPEAT = re.compile(r"(\w)\1{2,}")
_SPACE = re.compile(r"\s+")
_REPEAT1 = re.compile(r"(\w)\1+")
_PUNCT = re.compile(r"[^\w\s/:]+")
_WORD = re.compile(r"[a-z0-9]+")

#: SMS shorthand and informal spellings -> standard Dutch/English word.
SHORTHAND: dict[str, str] = {
    "nie": "niet",
    "ni": "niet",
    "nt": "niet",
    "ff": "even",
    "mn": "mijn",
    "m'n": "mijn",
    "mijne": "mijn",
    "zn": "zijn",
    "z'n": "zijn",
    "d'r": "haar",
    "wilt": "wil",
    "wl": "wil",
    "k": "ik",
    "ik'": "ik",
    "ikke": "ik",
    "kzie": "ik zie",
    "kwil": "ik wil",
    "kben": "ik ben",
    "kan't": "kan het",
    "t": "het",
    "'t": "het",
    "da": "dat",
    "vd": "van de",
    "idd": "inderdaad",
    # Real words whose doubled letters must not be collapsed into shorthand ("ook" is
    # "also", not "ok").
    "ook": "ook",
    "ok": "oke",
    "okay": "oke",
    "okey": "oke",
    "oki": "oke",
    "okee": "oke",
    "oké": "oke",
    "tnx": "thanks",
    "thx": "thanks",
    "w8": "wacht",
    "iem": "iemand",
    "iemd": "iemand",
    "zelfmoort": "zelfmoord",
    "zelfmord": "zelfmoord",
    "leve": "leven",
    "lefe": "leven",
    "an": "aan",
    "lefen": "leven",
    "leefe": "leven",
    "levn": "leven",
    "dod": "dood",
    "doot": "dood",
    "dat'k": "dat ik",
    "pls": "please",
    "plz": "please",
    "aub": "alstublieft",
    "ajb": "alsjeblieft",
}


def fold(text: str) -> str:
    """Lowercase and strip accents ("Financiële" -> "financiele")."""
    if text.isascii():  # nothing to decompose: most messages
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _doublings(key: str) -> list[str]:
    """``key`` with each of its word characters written once or twice ("ok", "ook",
    "okk", "ookk"): the forms whose stretched letters collapse back to ``key``."""
    out = [""]
    for ch in key:
        out = [o + ch for o in out]
        if _WORDCHAR.fullmatch(ch):
            out += [o + ch for o in out]
    return out


_WORDCHAR = re.compile(r"\w")
#: SHORTHAND looked up after collapsing doubled letters ("mnn" -> "mn"), as a table:
#: every spelling with word characters at most doubled (longer runs are already cut to
#: two) whose collapsed form is a key. Same answers as collapsing each word with a regex.
_STRETCHED: dict[str, str] = {
    form: rep
    for key, rep in SHORTHAND.items()
    if _REPEAT1.sub(r"\1", key) == key
    for form in _doublings(key)
}


@lru_cache(maxsize=4096)
def normalize(text: str) -> str:
    """Fold, collapse stretched letters, expand SMS shorthand, squash whitespace.

    Punctuation other than ``/`` and ``:`` becomes a space (after apostrophe words
    like "m'n" are expanded), so rules can rely on single spaces between words.
    """
    t = fold(text).replace("\u2019", "'").replace("`", "'")
    t = _REPEAT.sub(r"\1\1", t)
    words = []
    for raw in _SPACE.split(t):
        if not raw:
            continue
        key = raw.strip('.,!?;"()')
        rep = SHORTHAND.get(key) or _STRETCHED.get(key)
        words.append(rep if rep is not None else raw)
    t = " ".join(words).replace("'", "")
    t = _PUNCT.sub(" ", t)
    words = [SHORTHAND.get(w, w) for w in _SPACE.split(t) if w]
    return " ".join(words)


def strip_punct(text: str) -> str:
    """Folded text with punctuation removed and whitespace squashed (no shorthand)."""
    t = _PUNCT.sub(" ", fold(text))
    return _SPACE.sub(" ", t).strip()


def tokens(text: str) -> list[str]:
    """Word tokens of the normalised text."""
    return _WORD.findall(normalize(text))
