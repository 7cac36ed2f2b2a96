"""Text normalisation shared by the rule-based detectors and the classifier.

People write on SMS and WhatsApp: capitals, accents, stretched letters ("neeeee"),
shorthand ("ff", "mn", "nie"). The detectors match on a normalised form so that one
rule covers all those spellings.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fold", "normalize", "strip_punct", "tidy_spoken", "tokens"]

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


#: After "d'r", these words make it "er" ("ik stop d'r mee", "ik heb d'r genoeg van",
#: "ik kan d'r niet meer tegen"): the particle of a pronominal adverb (ermee, ervan).
_ER_PARTICLE = frozenset(
    ["mee", "van", "aan", "op", "in", "uit", "over", "voor", "tegen", "door", "af", "om", "bij", "naar", "naartoe", "achter", "toe", "onder", "langs", "heen", "tussen", "uit"]
)
#: Words that may stand between "d'r" and that particle ("d'r niet meer tegen").
_ER_BETWEEN = frozenset(
    ["niet", "nog", "ook", "wel", "al", "geen", "meer", "echt", "helemaal", "gewoon", "toch", "even", "dan", "nooit", "best", "zo", "schoon", "genoeg", "klaar", "blij", "bang", "moe", "ziek", "kapot", "gek", "zat", "niks", "niets", "alles", "veel", "weinig"]
)
#: "d'r is niemand", "toen was d'r niemand", "komt d'r nog iemand": "er" with a verb of
#: being or coming just before or after it.
_ER_VERB = frozenset(
    ["is", "zijn", "was", "waren", "komt", "komen", "kwam", "kwamen", "staat", "staan", "ligt", "liggen", "zit", "zitten", "gaat", "wordt", "werd", "blijft"]
)
_ER_AFTER_VERB = frozenset(
    ["niemand", "iemand", "niks", "niets", "geen", "nog", "ook", "al", "wel", "een", "veel", "weinig", "te"]
)


#: What may follow the particle of "ermee", "ervan": the clause ends there ("ik stop
#: d'r mee", "... mee want ...") or a verb follows ("d'r mee stoppen", "d'r van
#: gehad"). "d'r naar de dokter" (her to the doctor) has a noun after it instead.
_CLAUSE_GOES_ON = frozenset(
    ["en", "maar", "want", "omdat", "dus", "als", "dat", "hoor", "ik", "ook", "meer", "nu", "toe"]
)
_VERB_FORM = re.compile(r"(?:ge\w+[dt]|\w+en)$")


def _clause_ends(words: list[str], j: int) -> bool:
    """True when the particle at ``words[j]`` ends its clause or a verb comes next."""
    if j + 1 >= len(words) or words[j][-1:] in ".,!?;":
        return True
    nxt = words[j + 1].strip('.,!?;"()')
    return nxt in _CLAUSE_GOES_ON or bool(_VERB_FORM.match(nxt))


def _dr(words: list[str], i: int) -> str:
    """ "d'r" as "er" or "haar", by the words around it.

    "d'r" is both: "d'r man" (her husband), "ik help d'r" (her); "ik stop d'r mee",
    "d'r is niemand" (there). Only the plain signs of "er" make it "er"; otherwise it
    stays "haar", as before."""
    after = [w.strip('.,!?;"()') for w in words[i + 1 : i + 6]]
    for j, w in enumerate(after):
        if w in _ER_PARTICLE and _clause_ends(words, i + 1 + j):
            return "er"
        if w not in _ER_BETWEEN:
            break
    nxt = after[0] if after else ""
    before = words[i - 1].strip('.,!?;"()') if i > 0 else ""
    if (i == 0 or before in _ER_VERB) and nxt in _ER_VERB | _ER_AFTER_VERB:
        return "er"
    if before in _ER_VERB and nxt in _ER_AFTER_VERB:
        return "er"
    return "haar"


#: Hesitations of speech, as normalize() leaves them (stretched letters cut to two).
_HESITATIONS = frozenset({"eh", "ehh", "ehm", "ehhm", "euh", "uh", "uhh", "uhm", "um", "umm"})


@lru_cache(maxsize=4096)
def normalize(text: str) -> str:
    """Fold, collapse stretched letters, expand SMS shorthand, squash whitespace.

    Punctuation other than ``/`` and ``:`` becomes a space (after apostrophe words
    like "m'n" are expanded), so rules can rely on single spaces between words.
    """
    t = fold(text).replace("\u2019", "'").replace("`", "'")
    if _REPEAT.search(t):  # rare; a substitution by template costs a Python call even without a match
        t = _REPEAT.sub(r"\1\1", t)
    words = []
    raws = t.split()  # str.split and \s+ split at the same (Unicode) whitespace
    for i, raw in enumerate(raws):
        key = raw.strip('.,!?;"()')
        rep = _dr(raws, i) if key == "d'r" else SHORTHAND.get(key) or _STRETCHED.get(key)
        words.append(rep if rep is not None else raw)
    t = " ".join(words).replace("'", "")
    t = _PUNCT.sub(" ", t)
    # "eh" and "ehm" of a phone line's transcript carry no meaning; without them the
    # words around them stand together again ("mijn eh huis").
    words = [SHORTHAND.get(w, w) for w in t.split() if w not in _HESITATIONS]
    return " ".join(words)


def strip_punct(text: str) -> str:
    """Folded text with punctuation removed and whitespace squashed (no shorthand)."""
    t = _PUNCT.sub(" ", fold(text))
    return _SPACE.sub(" ", t).strip()


def tokens(text: str) -> list[str]:
    """Word tokens of the normalised text."""
    return _WORD.findall(normalize(text))


#: Hesitations of speech ("eh", "ehm", "uhm"): a phone line's transcript has them.
_HESITATION = re.compile(r"(?i)(?<![\w'])(?:e+h+m*|u+h+m*|u+m+|h+m+|euh+)(?![\w'])[,.]?\s*")
#: A run of one to three words said twice in a row ("mijn huis mijn huis").
_SAID_TWICE = re.compile(r"(?i)\b((?:[\w']+\s+){0,2}[\w']+)(?:\s+\1\b)+")


def tidy_spoken(text: str) -> str:
    """Text as a person meant it, without the hesitations and words said twice of
    speech: "eh de afwas de afwas lukt nog" -> "de afwas lukt nog". Used for what goes
    into a plan or a summary, never for reading the message."""
    t = _HESITATION.sub("", text)
    t = _SAID_TWICE.sub(r"\1", t)
    t = _SPACE.sub(" ", t).strip()
    return t or text.strip()
