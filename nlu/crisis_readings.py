"""Round 15 readings for crisis detection (``crisis_dev9.yml``).

Round 15's dev batch and the simulated conversations showed three kinds of error that
phrase rules cannot fix one by one, so this module names them as readings of the whole
message:

* **who acts**: a crisis word in a sentence whose doer is someone else acting on the
  writer ("hij houdt een mes tegen mijn keel") reads as violence, not self-harm; a
  reflexive ("zich", "himself") or the writer's own wish keeps the suicide reading;
* **why it was taken**: drink, pills or medicines taken *so that* something stops, to
  feel nothing or sleep for good are a suicide attempt, not an accident; "per ongeluk"
  keeps the danger reading;
* **is it acute**: an injury (a broken hip, a fall) told together with an everyday need
  (shopping, cooking, a lift, a shower) and no sign of the emergency itself (lying on
  the floor, unable to get up, bleeding, just now) is a care question, not danger;
* **a short answer**: the crisis model alone reads short dialog answers ("als ik er
  ben", "nee ik woon ver weg", "klaar, dat was het") as giving up, because their few
  grams ("ik ben", "er ben", "was het") are the grams of farewells. A short message may
  only be raised by the model when it holds a word that carries a crisis (dying, living,
  ending, for good, pills, blows, blood ...).
"""

from __future__ import annotations

import re

from nlu.crisis_model import concept_words

__all__ = [
    "ESCAPE_INTENT",
    "INGESTED",
    "SHORT_ANSWER_WORDS",
    "care_need_injury",
    "carries_crisis",
    "done_by_other",
    "taken_by_accident",
    "taken_to_escape",
]

# --- who acts -------------------------------------------------------------------------

#: A third person as the doer of a sentence (a pronoun or a person word).
_OTHER_DOER = re.compile(
    r"\b(?:hij|zij|ze|iemand|die man|die vrouw|een man|een vrouw|een jongen|"
    r"(?:mijn|m|de|haar|zijn|onze) (?:man|vrouw|partner|vriend|vriendin|ex|vader|moeder|stiefvader|zoon|dochter|broer|zus|buurman|"
    r"kleinzoon|schoonzoon|oom|baas|huisgenoot|verzorger)|he|she|someone|a man|my (?:husband|wife|boyfriend|girlfriend|partner|ex|dad|father|son|brother))\b"
)
#: The writer as doer, or a reflexive: a suicide reading of the writer or of that person.
_SELF_DOER = re.compile(
    r"\b(?:ik|k|i|mezelf|mijzelf|myself|zich|zichzelf|himself|herself|themselves)\b"
)
#: The writer as the one acted on: "tegen mijn keel", "op mijn buik", "bij me".
_ON_ME = re.compile(r"\b(?:me|mij|mijn|m|my)\b")
_REFLEXIVE = re.compile(r"\b(?:zich|zichzelf|himself|herself|themselves)\b")


def done_by_other(t: str, start: int) -> bool:
    """Whether the crisis word at ``start`` (in cleaned text, one sentence per line) is
    done to the writer by someone else: the nearest doer before it in its sentence is a
    third person, neither the writer nor a reflexive comes between, no reflexive follows
    right after, and the writer is named after that doer ("tegen mijn keel")."""
    line = t.rfind("\n", 0, start) + 1
    end = t.find("\n", start)
    end = len(t) if end < 0 else end
    before = t[line:start]
    doer = None
    for doer in _OTHER_DOER.finditer(before):
        pass
    if doer is None:
        return False
    if _SELF_DOER.search(before, doer.end()):
        return False
    if _REFLEXIVE.search(t, start, min(end, start + 40)):
        return False
    return _ON_ME.search(t, doer.end(), end) is not None


# --- why it was taken -----------------------------------------------------------------

#: Drink, pills or medicines taken (or being taken) by the writer or someone close.
INGESTED = re.compile(
    r"\b(?:pil\w*|slaappil\w*|tablet\w*|medicijn\w*|medicatie|oxazepam|temazepam|diazepam|paracetamol|morfine|oxycodon|tramadol|"
    r"pills|meds|sleeping pills|drank|alcohol|wodka|wijn|whisky|jenever|bier|rum|drink|drinkt|dronk|gedronken|booze|vodka)\b"
)
#: ... taken so that something ends: to stop everything, to feel nothing, to sleep for
#: good, not to wake up, to be gone. The aim, not the words, marks the attempt.
ESCAPE_INTENT = re.compile(
    r"\b(?:zodat|om|so that|so|to make|to|want|wil|wilde|hoop|hoopte)\b(?: \w+){0,4} "
    r"(?:(?:het|alles|t|it|everything|de pijn|het lijden) (?:\w+ )?(?:stopt|ophoudt|op houdt|over is|voorbij is|stop|stops|ends|end)\b"
    r"|(?:niks|niets|nothing|geen pijn) (?:meer )?(?:hoef |hoeft )?(?:te )?(?:voel\w*|feel)\b"
    r"|(?:niet|nie|nooit|never) meer (?:wakker|op te staan|hoef te|te voelen|te denken)\b|never wake\b|not wake\b"
    r"|(?:voor altijd|voorgoed|for good|forever)\b|(?:weg|gone) (?:te )?(?:zijn|ben|be)\b|(?:te )?(?:sterven|dood te gaan|die)\b"
    r"|(?:ik |we )?(?:eindelijk |voorgoed )?(?:rust|peace) (?:heb|hebben|krijg|vind|have|get|find)\b)"
)
#: An accident said as such keeps the danger reading.
_BY_ACCIDENT = re.compile(
    r"\b(?:per ongeluk|perongeluk|per abuis|by accident|accidentally|by mistake|vergist|vergissing)\b"
)


#: ... and so does a night out: drink and pills at a party, a festival, going out.
_NIGHT_OUT = re.compile(
    r"\b(?:feest\w*|festival\w*|party|parties|uitgaan|uit geweest|stappen|kroeg|disco|club)\b"
)


def taken_to_escape(t: str) -> bool:
    """Drink or pills taken so that something stops (and not by accident)."""
    return bool(INGESTED.search(t) and ESCAPE_INTENT.search(t)) and not _BY_ACCIDENT.search(t)


def taken_by_accident(t: str) -> bool:
    """Drink or pills taken by accident or on a night out, with no aim to end anything."""
    return bool(
        INGESTED.search(t) and (_BY_ACCIDENT.search(t) or _NIGHT_OUT.search(t))
    ) and not ESCAPE_INTENT.search(t)


# --- is it acute ------------------------------------------------------------------------

#: An injury or a fall: a bone broken, a fall told.
_INJURY = re.compile(
    r"\b(?:heup|been|nek|rug|pols|arm|enkel|schouder|knie|voet|rib\w*|sleutelbeen)\w* (?:\w+ )?(?:is |zijn )?(?:gebroken|gekneusd|verstuikt|broken)\b"
    r"|\b(?:gebroken|broke|broken) (?:\w+ )?(?:heup|been|nek|pols|arm|enkel|schouder|hip|wrist|leg|ankle)\b|\bgevallen\b|\bfell\b|\bfallen\b"
)
#: An everyday need told with it: shopping, cooking, cleaning, a shower, a lift, the dog.
_EVERYDAY_NEED = re.compile(
    r"\b(?:winkel\w*|boodschap\w*|supermarkt|koken|eten klaarmaken|maaltijd\w*|stofzuig\w*|schoonma\w*|huishoud\w*|douche\w*|wassen|"
    r"vervoer|brengen|rijden|ophalen|hond (?:\w+ )?uitlaten|uitlaten|trap ?lopen|traplopen|rollator|rolstoel|thuiszorg|mantelzorg\w*|"
    r"vrijwilliger\w*|hulp (?:bij|met|nodig)|helpen (?:met|bij)|shopping|groceries|cook|cooking|cleaning|lift|meal\w*)\b"
)
#: Signs of the emergency itself: the person cannot get up, lies on the floor, bleeds,
#: is alone with it now, or it happened just now.
_ACUTE_NOW = re.compile(
    r"\b(?:lig|ligt|liggen|lying)\b|\bop de (?:grond|vloer)\b|\bon the (?:floor|ground)\b|\bkan (?:\w+ )?(?:niet|nie) (?:meer )?(?:op ?staan|overeind|bewegen)\b"
    r"|\bkom (?:\w+ )?(?:niet|nie) (?:meer )?(?:overeind|omhoog|op)\b|\bcan ?t (?:get up|move)\b|\bbloed\w*|\bbleed\w*|\bbewusteloos\b|\breageert\b"
    r"|\b(?:net|zojuist|daarnet|just now|vanochtend|vanmorgen|vandaag|vannacht|just)\b|\b(?:veel|erge|ondraaglijke|heel erg) pijn\b|\bniemand (?:is )?(?:thuis|hier|bij me)\b|\balleen thuis\b"
)


def care_need_injury(t: str) -> bool:
    """An injury told with an everyday need and nothing acute: a care question."""
    return bool(_INJURY.search(t) and _EVERYDAY_NEED.search(t)) and not _ACUTE_NOW.search(t)


# --- a short answer -------------------------------------------------------------------

#: Short messages the crisis model may raise on its own.
SHORT_ANSWER_WORDS = 8
#: Words that carry a crisis: the crisis model's own concept classes (dying and living,
#: farewells, pills, water and heights, blows, threats, weapons, blood, the body, falls,
#: no response, fire) ...
_CARRY_WORDS = (
    concept_words(
        "DIE",
        "LIVE",
        "BYE",
        "PILL",
        "WATER",
        "HIGH",
        "HIT",
        "THREAT",
        "WEAPON",
        "BLOOD",
        "BODY",
        "FALL",
        "UNRESP",
        "FIRE",
    )
    - {"meer"}  # more, not the lake
) | frozenset(
    (
        "op",
        "uit",
        "zin",
        "end",
        "good",
        "last",
        "alles",
        "hit",
        "sla",
        "help",
        "pijn",
        "bang",
        "gas",
    )
)
#: ... and word starts for the rest: for good, ending and stopping, being spent or a
#: burden, nobody; self-harm, taking, hurting and holding captive; breath, poison, help.
_CARRY_STARTS = (
    "leef",
    "lev",
    "dood",
    "sterf",
    "overl",
    "voorgoed",
    "altijd",
    "forever",
    "eruit",
    "ophoud",
    "stop",
    "leeg",
    "kapot",
    "moe",
    "burden",
    "everything",
    "niemand",
    "nobody",
    "hopeloos",
    "zinloos",
    "point",
    "hemel",
    "graf",
    "ziens",
    "doei",
    "verdwijn",
    "disappear",
    "kill",
    "end",
    "wereld",
    "world",
    "afscheid",
    "testament",
    "zelfmoord",
    "zelfdoding",
    "suicid",
    "wakker",
    "tablet",
    "touw",
    "spring",
    "jump",
    "snij",
    "cut",
    "kras",
    "geslikt",
    "ingeslikt",
    "slik",
    "gif",
    "vergif",
    "slaa",
    "slaat",
    "gesla",
    "schop",
    "trap",
    "duw",
    "wurg",
    "gepakt",
    "beetgepakt",
    "gesleurd",
    "meegesleurd",
    "ontvoer",
    "gijzel",
    "overval",
    "berov",
    "beroofd",
    "inbr",
    "ingebroken",
    "opgesloten",
    "achtervolg",
    "volgt",
    "stalk",
    "gestalkt",
    "verkracht",
    "misbruik",
    "aangerand",
    "betast",
    "mishandel",
    "scared",
    "afraid",
    "hurt",
    "beat",
    "bloed",
    "bleed",
    "brand",
    "rook",
    "smoke",
    "adem",
    "lucht",
    "breath",
    "stik",
    "verdrink",
    "drown",
    "gezicht",
    "scheef",
    "flauw",
    "ambulance",
    "112",
    "hulp",
)


def carries_crisis(t: str) -> bool:
    """Whether a short cleaned message holds a word that carries a crisis."""
    words = t.split()
    return not _CARRY_WORDS.isdisjoint(words) or any(w.startswith(_CARRY_STARTS) for w in words)
