"""Reading short answers: yes/no, one of two options, a 0-10 score, a phone number.

Pure functions, no I/O. They return ``None`` when the answer is unclear, so the dialog
can ask again rather than guess.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import lru_cache

import phonenumbers

from nlu.dates import parse_when
from nlu.text import fold, normalize

__all__ = [
    "better_or_not",
    "choose_option",
    "detect_language",
    "is_question_back",
    "list_items",
    "listed_topics",
    "normalize_phone",
    "parse_when",
    "scale",
    "yes_no",
]

# Order matters: at one position the first alternative wins, so negated forms of yes
# words ("klopt niet", "zeker niet") come before the yes words themselves.
_NO = (
    r"klopt niet|klopt helemaal niet|dat klopt niet|zeker niet|absoluut niet|"
    r"echt niet|niet echt|liever niet|niet nodig|hoeft niet|hoeft niet meer|"
    r"niet goed|niet doen|nee+n?|ne|nei|nae|nope|nah|no|neh|niks|nooit|not really|"
    r"not now|no thanks|no thank you|geen behoefte|geen interesse|"
    r"(?:ik )?(?:wil|hoef|doe|ga) (?:dat |het )?(?:liever )?niet|"
    r"(?:wil|hoef) ik (?:niet|liever niet)|laat maar|dont|don't|nee dank je|"
    r"ik heb geen (?:behoefte|interesse|zin)|geen zin|"
    r"(?:ik )?denk (?:het|van) niet|eigenlijk niet|neuh|nou nee|nee+h|i don'?t think so|"
    r"(?:i'?d|i would) rather not|rather not"
)
_YES = (
    r"ja+|jawel|jazeker|jaja|jep|jup|yes|yeah|yep|yup|ya|sure|certainly|"
    r"of course|correct|klopt|dat klopt|zeker|zeker weten|is goed|dat is goed|"
    r"goed|prima|graag|heel graag|oke|okido|akkoord|doe maar|doen|top|"
    r"absoluut|natuurlijk|uiteraard|precies|inderdaad|helemaal goed|"
    r"lijkt me goed|lijkt mij goed|fijn|super|perfect|please|alright|fine|"
    r"yes please|ok|k|"
    r"(?:ik )?denk (?:het|van) wel|eigenlijk wel|jah|jawohl|vooruit|als het moet|i think so|"
    r"jao|joa|jo|jaaa+|jaja+|jow|jaw|waarom niet|why not"
)
_UNCLEAR = re.compile(
    r"^(?:ik )?(?:weet (?:ik |het )?(?:het |ik )?niet|geen idee|misschien|"
    r"twijfel|maybe|i don'?t know|not sure|dunno|weet niet|hmm+|ja of nee|ja nee|ja en nee|jein|"
    r"kweenie|weet ik veel|wie weet)\b"
)
_SIGNAL = re.compile(rf"\b(?:(?P<no>{_NO})|(?P<yes>{_YES}))\b")
#: Yes said with a "no" word in it: these are read before the first-signal rule.
_YES_DESPITE_NO = re.compile(
    r"^(?:(?:ok|oke|ja|yes|prima)\s+)?(?:no problem|no worries|not a problem|geen probleem|geen bezwaar|"
    r"(?:(?:dat|het) )?mag(?: wel| hoor| best)?$|van mij mag (?:het|dat)(?: wel)?|dat is geen probleem)\b"
    r"(?!.*\b(?:niet|not)\b)"
)
#: A question back ("wat doen jullie met mijn gegevens?", "waarom?") is no yes or no,
#: whatever word in it looks like one ("doen"). "Wat fijn, ja" is no question.
_QUESTION_BACK = re.compile(
    r"^(?:wat|wie|waarom|hoe|waar|wanneer|welke|welk|hoezo|hoeveel|what|why|how|who|where|when|which)\b"
    r"(?!\s+(?:fijn|goed|leuk|mooi|lief|aardig|heerlijk|een|nice|great|good|kind|lovely|a)\b)"
    r"(?!\s+(?:niet|not)\s*$)"
)
_YES_EMOJI = ("\U0001f44d", "\u2705", "\u2714")
_NO_EMOJI = ("\U0001f44e", "\u274c")


def is_question_back(text: str) -> bool:
    """True for a question to us ("wat doen jullie met mijn gegevens?", "hoe lang?")."""
    return bool(_QUESTION_BACK.match(normalize(text.strip())))


def yes_no(text: str) -> bool | None:
    """``True`` for yes, ``False`` for no, ``None`` when the answer is not clear.

    The first yes or no signal in the message decides, so "ja maar ..." is yes and
    "nee, iets anders" is no; "ik weet het niet" and "misschien" are unclear.
    """
    raw = text.strip()
    if not raw:
        return None
    if any(e in raw for e in _YES_EMOJI):
        return True
    if any(e in raw for e in _NO_EMOJI):
        return False
    t = normalize(raw)
    if _UNCLEAR.search(t) or _QUESTION_BACK.match(t):
        return None
    words = t.split()
    # Only the opening of a longer message counts as the answer.
    head = " ".join(words[:8])
    if _YES_DESPITE_NO.match(head):
        return True
    m = _SIGNAL.search(head)
    if not m:
        return None
    return m.group("yes") is not None


_NEGATION = re.compile(r"\b(?:niet|geen|not|no|nee|never|nooit)\b")
_STOP = frozenset(
    [
        "een",
        "de",
        "het",
        "over",
        "in",
        "op",
        "om",
        "te",
        "van",
        "the",
        "a",
        "an",
        "at",
        "of",
        "to",
        "is",
        "dan",
        "maar",
        "graag",
        "liefst",
        "ik",
        "wil",
        "je",
        "u",
        "please",
        "optie",
        "keuze",
        "nummer",
    ]
)
_FIRST = re.compile(
    r"^(?:optie |nummer |nr |keuze |option |number |de |het |antwoord )?"
    r"(?:1|1e|1ste|een|eerste|eerst(?=\W*$)|first|one|a|eerste optie|bovenste)\b"
)
_SECOND = re.compile(
    r"^(?:optie |nummer |nr |keuze |option |number |de |het |antwoord )?"
    r"(?:2|2e|2de|twee|tweede|second|two|b|laatste|last|onderste)\b"
)


def _similar(a: str, b: str) -> bool:
    if a == b:
        return True
    if len(a) < 4 or len(b) < 4:
        return False
    if a.startswith(b) or b.startswith(a):
        return min(len(a), len(b)) >= 4
    return SequenceMatcher(None, a, b).ratio() >= 0.8


def _content(words: Sequence[str]) -> list[str]:
    kept = [w for w in words if w not in _STOP]
    return kept or list(words)


def _polarity(option: str) -> bool | None:
    yn = yes_no(option)
    if yn is not None:
        return yn
    return False if _NEGATION.search(normalize(option)) else None


def _word_score(text: str, option: str) -> float:
    """Share of the option's content words that occur (loosely) in the text."""
    t_words = text.split()
    o_words = _content(option.split())
    if not o_words:
        return 0.0
    hits = sum(1 for o in o_words if any(_similar(o, w) for w in t_words))
    return hits / len(o_words)


def choose_option(text: str, options: Sequence[str]) -> int | None:
    """The 0-based index of the option the person chose, or ``None`` when unclear.

    Accepts "1"/"2", "optie 2", "de eerste", the option's words (loosely: case,
    accents, typos, part of the option) and, for options that read as yes and no,
    a free yes/no answer.
    """
    if not options:
        return None
    t = normalize(text).strip()
    if not t:
        # A thumbs up or down (no letters at all) to options that read as yes and no.
        yn = yes_no(text)
        polarities = [_polarity(o) for o in options]
        if yn is None or len(options) != 2 or polarities[0] == polarities[1]:
            return None
        wanted = [i for i, p in enumerate(polarities) if (p is not False) == yn]
        return wanted[0] if len(wanted) == 1 else None
    norm_opts = [normalize(o) for o in options]
    for i, o in enumerate(norm_opts):
        if t == o:
            return i
    # An explicit number or ordinal, unless that is simply an option's own text.
    words = t.split()
    first, second = _FIRST.match(t), _SECOND.match(t)
    article = words[0] in {"een", "a"} and len(words) > 1  # "een paar dagen" is not "1"
    if first and not article and (len(words) <= 3 or words[0] in {"1", "optie", "de"}):
        return 0
    if second and len(options) > 1 and (len(words) <= 3 or words[0] in {"2", "optie", "de"}):
        return 1

    text_neg = bool(_NEGATION.search(t))
    opt_neg = [bool(_NEGATION.search(o)) for o in norm_opts]
    scores = [_word_score(_NEGATION.sub(" ", t), _NEGATION.sub(" ", o)) for o in norm_opts]
    # Options that differ only by a negation ("Beter" / "Niet beter") tie on words:
    # the text's own negation decides between them.
    scores = [s + (0.01 if opt_neg[i] == text_neg else 0.0) for i, s in enumerate(scores)]
    ranked = sorted(range(len(scores)), key=lambda i: scores[i], reverse=True)
    best = ranked[0]
    runner = scores[ranked[1]] if len(ranked) > 1 else 0.0
    if scores[best] >= 0.5 and scores[best] > runner:
        return best

    polarities = [_polarity(o) for o in options]
    if len(options) == 2 and False in polarities and polarities[0] != polarities[1]:
        yn = yes_no(text)
        if yn is None and any(_BETTER_OPTION.search(o) for o in norm_opts):
            yn = better_or_not(text)
        if yn is not None:
            wanted = [i for i, p in enumerate(polarities) if (p is not False) == yn]
            if len(wanted) == 1:
                return wanted[0]
    return None


#: "Beter / Niet beter": the follow-up's options, answered in a person's own words.
_BETTER_OPTION = re.compile(r"\b(?:beter|better)\b")
_NOT_BETTER = re.compile(
    r"\b(?:slechter|erger|worse|niet (?:zo |echt |veel )?(?:goed|best|lekker|beter|geholpen)|"
    r"nog (?:steeds )?(?:niks|niets|niemand|niet|geen)|niemand (?:is |heeft )?(?:geweest|gekomen|langs|gebeld)|"
    r"(?:niks|niets) (?:gehoord|veranderd|gebeurd)|geen (?:hulp|contact|bericht)|"
    r"nobody (?:came|has come|called)|no one (?:came|called)|not (?:good|great|better|well)|"
    r"slecht|beroerd|zwaar|moeilijk|bad|"
    # a hedge ("mwah, gaat wel") is no "better": the safe reading offers more help
    r"mwa+h?|meh|matig|zo ?zo|so ?so|gaat zo|niet echt|not really)\b"
)
_IS_BETTER = re.compile(
    r"\b(?:beter|goed|prima|fijn|top|uitstekend|opgelost|geregeld|gaat wel|het gaat|"
    r"geholpen|(?:is|was|zijn) (?:\w+ ){0,4}(?:geweest|gekomen|langsgeweest|langs geweest)|heeft (?:geholpen|gebeld)|"
    r"better|good|fine|great|sorted|helped|came)\b"
)


def better_or_not(text: str) -> bool | None:
    """``True`` when an answer to "how is it going now?" says better, ``False`` when not.

    "het gaat wel, er is iemand geweest" is better; "er is nog niemand geweest" is not.
    """
    t = normalize(text)
    if _NOT_BETTER.search(t):
        return False
    if _IS_BETTER.search(t):
        return True
    return None


_NUMBER_WORDS = {
    "nul": 0,
    "zero": 0,
    "een": 1,
    "one": 1,
    "twee": 2,
    "two": 2,
    "drie": 3,
    "three": 3,
    "vier": 4,
    "four": 4,
    "vijf": 5,
    "five": 5,
    "zes": 6,
    "six": 6,
    "zeven": 7,
    "seven": 7,
    "acht": 8,
    "eight": 8,
    "negen": 9,
    "nine": 9,
    "tien": 10,
    "ten": 10,
}
_DIMINUTIVE = {
    "eentje": "een",
    "tweetje": "twee",
    "drietje": "drie",
    "viertje": "vier",
    "vijfje": "vijf",
    "zesje": "zes",
    "zevenje": "zeven",
    "achtje": "acht",
    "negentje": "negen",
    "tientje": "tien",
}
#: School marks and plain words for how it goes, as a score; the first match wins.
_MARK_WORDS: tuple[tuple[re.Pattern[str], int], ...] = (
    (
        re.compile(
            r"\b(?:heel|erg|bar|zeer|echt|super) (?:slecht|beroerd)|verschrikkelijk|vreselijk|very bad|terrible|awful"
        ),
        2,
    ),
    (re.compile(r"\bonvoldoende\b|\bniet (?:zo )?(?:best|goed)\b"), 4),
    (re.compile(r"\b(?:ruim|dikke|ruime) voldoende\b"), 7),
    (re.compile(r"\bvoldoende\b"), 6),
    (re.compile(r"\b(?:slecht|beroerd|bad|poor)\b"), 3),
    (re.compile(r"\b(?:heel|erg|zeer|super) goed\b|\buitstekend|\bexcellent|very good"), 8),
    (re.compile(r"\b(?:matig|redelijk|gaat wel|zo ?zo|middelmatig|so ?so|okay?ish)\b"), 5),
    (re.compile(r"\b(?:goed|good|prima|fine)\b"), 7),
)
_DIGITS = re.compile(r"(?<![\d.,])(\d{1,3})(?:[.,](\d))?(?!\d)")


#: A number that counts or times something ("1x per week", "om 3 uur", "2 kinderen"),
#: not a score.
_COUNTED_AFTER = re.compile(
    r"\s*(?:x\b|keer|maal|per\b|uur|u\b|jaar|jaren|dag|dagen|week|weken|maand|maanden|"
    r"minuten|min\b|euro|eur\b|kinderen|kids|kleinkinderen|times|hours?|years?|days?|weeks?|"
    r"months?|minutes?|o.?clock|am\b|pm\b|[:.]\d)"
)
_COUNTED_BEFORE = re.compile(r"\b(?:om|sinds|at|since|al|nummer|number|huisnummer)\s*$")


def _counted(t: str, start: int, end: int) -> bool:
    return bool(_COUNTED_AFTER.match(t, end) or _COUNTED_BEFORE.search(t, 0, start))


def scale(text: str) -> int | None:
    """A score from 0 to 10 ("7", "een 6", "zes", "7/10", "ongeveer 5"), else ``None``.

    A number that counts or times something ("ik kom 1x per week", "om 3 uur") is no
    score."""
    t = fold(text).strip()
    digits = [m for m in _DIGITS.finditer(t) if not _counted(t, m.start(), m.end())]
    if digits:
        m = digits[0]
        value = int(m.group(1))
        if m.group(2):
            value = int(float(f"{m.group(1)}.{m.group(2)}") + 0.5)
        return value if 0 <= value <= 10 else None
    norm = normalize(text)
    # "twee keer per week": a number word that counts is no score either.
    words = [
        w
        for w, m in zip(norm.split(), re.finditer(r"\S+", norm), strict=True)
        if not (w in _NUMBER_WORDS and _counted(norm, m.start(), m.end()))
    ]
    # "een zesje": a school mark with the diminutive.
    words = [_DIMINUTIVE.get(w, w) for w in words]
    found = [_NUMBER_WORDS[w] for w in words if w in _NUMBER_WORDS]
    # "een zes": the article "een" is not a score when another number follows.
    if len(found) > 1 and words.count("een") and found[0] == 1:
        found = found[1:]
    if found and not (found == [1] and "een" in words and len(words) > 1):
        return found[0]
    # Dutch school marks in words: "een dikke voldoende", "slecht", "gaat wel".
    t_norm = " ".join(words)
    for pattern, value in _MARK_WORDS:
        if pattern.search(t_norm):
            return value
    return None


def normalize_phone(text: str) -> str | None:
    """The number in E.164 ("+31612345678"), region NL by default; ``None`` if invalid."""
    raw = text.strip()
    if raw.lower().startswith("whatsapp:"):
        raw = raw[len("whatsapp:") :]
    raw = raw.strip()
    if not raw or not re.search(r"\d", raw):
        return None
    digits = re.sub(r"[^\d+]", "", raw)
    if digits.startswith("31") and len(digits) == 11:
        raw = "+" + digits
    try:
        number = phonenumbers.parse(raw, "NL")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


_EN_WORDS = frozenset(
    [
        "the",
        "i",
        "you",
        "need",
        "help",
        "with",
        "and",
        "are",
        "my",
        "me",
        "please",
        "can",
        "to",
        "for",
        "shopping",
        "hello",
        "hi",
        "want",
        "would",
        "like",
        "don't",
        "dont",
        "have",
        "it",
        "of",
        "an",
        "do",
        "what",
        "how",
        "speak",
        "english",
        "thanks",
        "thank",
        "yes",
        "no",
        "not",
        "am",
        "someone",
        "somebody",
        "who",
        "is",
        "this",
        "that",
        "could",
        "anyone",
        "lonely",
        "alone",
        "money",
        "bills",
        "house",
        "home",
        "doctor",
        "hospital",
        "neighbour",
        "neighbor",
        "mother",
        "father",
        "care",
        "am",
        "i'm",
        "im",
        "feel",
        "very",
        "nobody",
        "visit",
        "get",
        "going",
        "your",
        "our",
        "we",
        "they",
    ]
)
_NL_WORDS = frozenset(
    [
        "ik",
        "je",
        "jij",
        "de",
        "het",
        "een",
        "en",
        "van",
        "met",
        "niet",
        "wil",
        "mijn",
        "kan",
        "heb",
        "ben",
        "voor",
        "op",
        "dat",
        "die",
        "er",
        "zijn",
        "graag",
        "ja",
        "nee",
        "hallo",
        "hulp",
        "iemand",
        "boodschappen",
        "naar",
        "ook",
        "maar",
        "wel",
        "mij",
        "me",
        "moeder",
        "vader",
        "buurman",
        "buurvrouw",
        "alleen",
        "geld",
        "huis",
        "doen",
        "kunnen",
        "heeft",
        "is",
        "u",
        "uw",
        "hoe",
        "wat",
        "waar",
        "wie",
        "we",
        "wij",
        "zij",
        "hij",
        "ze",
        "nog",
        "al",
        "geen",
        "meer",
        "bij",
        "om",
        "te",
        "dan",
        "mn",
        "nie",
        "ff",
        "goedemorgen",
        "goedemiddag",
        "dag",
        "bedankt",
        "dank",
        "alsjeblieft",
        "alstublieft",
    ]
)
_WORD = re.compile(r"[a-z']+")


def detect_language(text: str) -> str:
    """``"en"`` when the text is clearly English, otherwise ``"nl"`` (the default)."""
    words = _WORD.findall(fold(text))
    en = sum(1 for w in words if w in _EN_WORDS and w not in _NL_WORDS)
    nl = sum(1 for w in words if w in _NL_WORDS and w not in _EN_WORDS)
    both = sum(1 for w in words if w in _EN_WORDS and w in _NL_WORDS)
    if en >= 2 and en > nl:
        return "en"
    if en >= 1 and nl == 0 and both == 0 and len(words) >= 2:
        return "en"
    return "nl"


#: A marker of a numbered list item: "1.", "2)", "3:" or a number opening a line or
#: following a colon ("ik heb twee vragen: 1 de tuin ... 2 de boodschappen").
_ITEM_MARK = re.compile(
    r"(?:(?<=^)|(?<=\n)|(?<=:)|(?<=\s))\s*(?P<n>[1-9])(?:\s*[.):]|\s*-\s|(?=\s+[^\W\d]))"
)
_BULLET = re.compile(r"^\s*[-*\u2022]\s*(?P<item>\S.*)$", re.MULTILINE)


def list_items(text: str) -> list[str]:
    """The items of a list the person wrote ("1. boodschappen 2. tuin", or one "- ..."
    per line), in their order; empty when the message is no list.

    Numbers count as a list only when they run 1, 2, ... in order and the first one is
    marked as a list number ("1." or "1)", or at the start of a line or after a colon),
    so "ik heb 1 zoon en 2 dochters" is no list."""
    bullets = [m.group("item").strip() for m in _BULLET.finditer(text)]
    if len(bullets) >= 2:
        return bullets
    marks = []
    for m in _ITEM_MARK.finditer(text):
        if int(m.group("n")) == len(marks) + 1:
            marks.append(m)
    if len(marks) < 2:
        return []
    first = marks[0]
    strong = bool(re.match(r"\s*[1-9]\s*[.):-]", text[first.start() : first.end() + 1]))
    before = text[: first.start()].rstrip(" \t")
    opens = not before.strip() or before.endswith((":", "\n"))
    if not (strong or opens):
        return []
    items = []
    for m, nxt in zip(marks, [*marks[1:], None], strict=True):
        item = text[m.end() : nxt.start() if nxt else len(text)].strip(" \n,;.")
        if item:
            items.append(item)
    return items if len(items) >= 2 else []


#: Topics that frame a whole message (an offer to help, a worry about someone), never
#: one item of a list of one's own needs.
_FRAME_TOPICS = frozenset({"other", "crisis", "volunteer_offer", "worry_other"})


@lru_cache(maxsize=1)
def _topic_words() -> dict[str, re.Pattern[str]]:
    from nlu.lexicon import LEXICON  # the topic word lists (imports numpy: only when needed)

    return {
        topic: re.compile(r"\b(?:ge)?(?:" + "|".join(stems) + ")")
        for topic, stems in LEXICON.items()
        if not topic.startswith("_") and topic not in _FRAME_TOPICS
    }


def listed_topics(text: str, topic_ids: Sequence[str]) -> tuple[str, ...]:
    """``topic_ids`` in the order of the person's own list, with a need the list names
    on its own line that the reading of the whole message missed.

    "1. boodschappen 2. tuin": the person numbered their needs, so shopping is the first
    and the garden (odd jobs) the second, whatever the model ranked first. Each item is
    matched against the topic word lists; an item that names exactly one topic adds it.
    Not a list: ``topic_ids`` as given."""
    items = list_items(text)
    if not items:
        return tuple(topic_ids)
    patterns = _topic_words()
    ordered: list[str] = []
    for item in items:
        t = normalize(item)
        hits = [topic for topic, rx in patterns.items() if rx.search(t)]
        known = [topic for topic in topic_ids if topic in hits]
        if not known and len(hits) == 1:
            known = hits
        ordered += [topic for topic in known if topic not in ordered]
    return tuple(ordered + [t for t in topic_ids if t not in ordered])
