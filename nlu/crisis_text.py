"""Crisis-only spelling normalisation, on top of :func:`nlu.text.normalize`.

``nlu.text.SHORTHAND`` is shared with the topic classifier (and part of its model
hash), so spellings that only matter for crisis detection live here. Two layers:

* a word table for SMS, dialect and learner spellings of the words crisis rules are
  built from ("leve", "leben", "wil" as "will", "gevalle", "ademe", "me" -> "mijn"
  only before a body part or person noun);
* a generic rule for the dropped final ``-n`` of Dutch infinitives and plurals
  ("wakker worde", "opstaa", "zitte"): a word ending in ``e`` whose ``+n`` form is in
  the crisis vocabulary gets its ``n`` back;
* (round 10) Frisian, Limburgish and Brabant words of the crisis vocabulary ("libje",
  "dea", "slacht", "sleit mich", "höb"), and words read as dialect only next to a
  neighbour that shows it ("net mear" is "niet meer", "slacht my" is "slaat mij").
"""

from __future__ import annotations

from functools import lru_cache

from nlu.text import normalize

__all__ = ["crisis_normalize"]

#: Words the crisis rules are built from whose SMS form drops the final n.
_N_WORDS = frozenset(
    """
    leven worden zitten ademen opstaan staan gaan doen maken slapen sterven bestaan
    springen hangen snijden nemen slikken lopen bewegen praten komen helpen willen
    kunnen houden vallen gevallen slaan geslagen vermoorden bedreigen ophangen
    doorgaan stoppen overleven verdrinken pillen tabletten ademhalen wakker
    beeindigen beindigen eindigen ophouden opgeven verdwijnen missen snijden krassen
    verwonden ophangen springen slikken innemen opsparen sparen doodgaan overeind
    omhoog geslagen geschopt geduwd mishandelen bedreigd vermoorden ademen bloeden
    dingen
    """.split()
)

_WORDS: dict[str, str] = {
    # to live / life
    "leben": "leven", "lebe": "leven", "lven": "leven", "lefe": "leven", "leeve": "leven",
    "leeven": "leven", 
    # to want
    "will": "wil", "wll": "wil", "wiel": "wil",     "kwil": "ik wil", "kwou": "ik wou", "kga": "ik ga", "kheb": "ik heb", "kan't": "kan het",
    "kben": "ik ben", "kzie": "ik zie", "khou": "ik hou", "ktrek": "ik trek", "kweet": "ik weet",
    "ikwil": "ik wil", "ikga": "ik ga",
    # dead / die
    "doodt": "dood", "dod": "dood", "doot": "dood", "dooood": "dood", "doodgaan": "dood gaan",
    "doodgaat": "dood gaat", "doodga": "dood ga", "sterve": "sterven",
    # more / not / nothing
    "mer": "meer", "meea": "meer", "nimeer": "niet meer", "niemeer": "niet meer",
    "nit": "niet", "nix": "niks", 
    # me / myself
    "mezelluf": "mezelf", "mzelf": "mezelf", "mijzelluf": "mijzelf", "meself": "mezelf",
    
    # falls, breath, fire
    "gevalle": "gevallen", "gevald": "gevallen", "gevalt": "gevallen", 
    "ademe": "ademen", "adum": "adem", "aadem": "adem", "lught": "lucht", "lugt": "lucht",
    "opstaa": "opstaan", "opsta": "opstaan", "overeint": "overeind", 
    "brant": "brand", "fikkie": "fik",
    # violence
    "slaad": "slaat", "sloech": "sloeg", "geslage": "geslagen",
    "bedreich": "bedreig", "vermoort": "vermoordt",
    "vint": "vent",
    # dialect negation and "more" (Limburgs "neet mie", Gronings "nait", Brabants "gaon")
    "neet": "niet", "nait": "niet", "nich": "niet", "mie": "meer", "gaon": "gaan",
    "doodgaon": "dood gaan",
    # German (learners and visitors)
    "ich": "ik", "nicht": "niet", "mehr": "meer", "sterben": "sterven",
    # English shorthand
    "im": "i am", 
    "wanna": "want to", "gonna": "going to", "kms": "kill myself",
    # misc learner spellings
    "wordt": "word", "wort": "word", "wor": "word", "helemal": "helemaal",
    "zinn": "zin",
    "drmee": "ermee", "dermee": "ermee",
    # round 10 (dev batch 4): Frisian, Limburgish and Brabant words the crisis rules
    # are built from (only words that are not also common Dutch or English words;
    # "net", "my" and "us" are handled by their neighbours below)
    "mear": "meer", "libje": "leven", "libben": "leven", "dea": "dood", "wol": "wil",
    "hoecht": "hoeft", "foar": "voor", "sjoch": "zie", "meitsje": "maken", "oan": "aan",
    "seit": "zegt", "har": "haar", "opsparre": "opgespaard", "slacht": "slaat",
    "doar": "durf", "nei": "naar", "hus": "huis", "ljedder": "ladder", "neat": "niks",
    "heit": "vader", "mem": "moeder", "pake": "opa", "beppe": "oma", "wetter": "water",
    "gean": "ga", "fannacht": "vannacht", "jun": "avond", "wurdt": "wordt", "wekker": "wakker",
    "gien": "gegaan", "fan": "van", "syn": "zijn", "hy": "hij", "sy": "zij", "gjin": "geen",
    "yn": "in", "kin": "kan", "ein": "eind", "fallen": "gevallen", "sitten": "zitten",
    "der": "er", "se": "ze", "hat": "heeft",
    "hob": "heb", "ind": "eind", "miene": "mijn", "mien": "mijn", "sleit": "slaat",
    "sloat": "slaat", "sloan": "slaan",
    "mich": "mij", "bin": "ben", "zeet": "zegt", "ligk": "ligt", "moder": "moeder",
    "dae": "die", "gespaord": "gespaard", "gewees": "geweest",
    "veur": "voor", "mot": "moet", "allemaol": "allemaal", "gedaon": "gedaan",
    "gegaon": "gegaan", "onderuit": "onderuit",
    # SMS
    "vnv": "vanavond", "vnavond": "vanavond", "mss": "misschien", "wss": "waarschijnlijk",
}

#: Words mapped only next to a neighbour that shows the dialect reading: Frisian "net
#: mear" is "niet meer" (Dutch "net" is "just"), "foar my" / "slacht my" is "mij"
#: (English "my"), "us heit" is "onze vader" (English "us").
_BEFORE_NEXT: dict[str, tuple[frozenset[str], str]] = {
    "net": (frozenset({"meer"}), "niet"),
    "us": (frozenset({"vader", "moeder", "opa", "oma"}), "onze"),
    "e": (frozenset({"eind"}), "een"),
    "it": (frozenset({"hoeft", "leven", "water", "niet", "net"}), "het"),
}
_AFTER_PREV: dict[str, tuple[frozenset[str], str]] = {
    "net": (frozenset({"durf", "wil", "hoeft", "kan"}), "niet"),
    "my": (frozenset({"slaat", "voor", "van", "aan", "bedreigt", "schopt", "sloeg"}), "mij"),
    # round 13: Limburgish "sloat mie" is "slaat mij" ("mie" is read as "meer" elsewhere)
    "meer": (frozenset({"slaat", "bedreigt", "schopt", "sloeg", "schopte", "knijpt", "duwt"}), "mij"),
}

#: SMS forms that drop the vowels ("wil nie mr lvn", "k wl dd", "stppe"): a word with
#: no vowel (or only a final e) is looked up by its consonant skeleton. Where two
#: words share a skeleton ("mr": meer / maar) the crisis word wins; the table is
#: crisis-only, so the worst case is a harmless misreading elsewhere.
_SKELETON_WORDS = (
    "leven meer wil dood niet stoppen altijd ermee help pijn slaat sterven springen "
    "zelfmoord kapot mezelf kan"
).split()
_VOWELS = frozenset("aeiouy")


def _skeleton(w: str) -> str:
    out: list[str] = []
    for ch in w:
        if ch in _VOWELS:
            continue
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


_SKELETONS: dict[str, str] = {}
for _w in _SKELETON_WORDS:
    for _form in (_w, _w[:-1] if _w.endswith("en") else _w):
        _SKELETONS.setdefault(_skeleton(_form), _w)
#: Dutch words spelt with y for ij ("altyd", "pyn", "myn").
_IJ_WORDS = frozenset(
    "altijd tijd pijn mijn zijn blijf blijft rijd rijden lijf vrij bij krijg krijgt snij snijd "
    "snijden wijf lijkt kijk mezelf mijzelf".split()
)


def _sms_word(w: str) -> str | None:
    """The crisis word an SMS form stands for, or ``None``."""
    if "y" in w and len(w) > 2:
        ij = w.replace("y", "ij")
        if ij in _IJ_WORDS:
            return ij
    if len(w) < 2 or not w.isalpha():
        return None
    body = w[:-1] if w.endswith("e") and len(w) >= 4 else w
    if not _VOWELS.isdisjoint(body):  # most words: one set operation, no loop in Python
        return None
    return _SKELETONS.get(_skeleton(body))


@lru_cache(maxsize=4096)
def crisis_normalize(text: str) -> str:
    """``normalize(text)`` plus the crisis spelling table and the dropped-n rule."""
    out: list[str] = []
    for w in normalize(text).split():
        rep = _WORDS.get(w)
        if rep is None and w.endswith("e") and len(w) > 3 and (w + "n") in _N_WORDS:
            rep = w + "n"
        if rep is None:
            rep = _sms_word(w)
        out.append(rep if rep is not None else w)
    for i, w in enumerate(out):
        nxt = _BEFORE_NEXT.get(w)
        if nxt is not None and i + 1 < len(out) and out[i + 1] in nxt[0]:
            out[i] = nxt[1]
            continue
        prv = _AFTER_PREV.get(w)
        if prv is not None and i > 0 and out[i - 1] in prv[0]:
            out[i] = prv[1]
    return " ".join(out)
