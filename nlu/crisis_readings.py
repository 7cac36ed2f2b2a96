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
  grams ("ik ben", "er ben", "was het") are the grams of farewells. A short message made
  only of the words answers are made of (pronouns, "to be", times, days, places, yes and
  no) is not the model's to raise. (A first try the other way round, letting the model
  raise a short message only with a word from a list of crisis words, blocked 200 of the
  901 short positives of the dev batches: no list of crisis words is complete.)
"""

from __future__ import annotations

from nlu.regex_dispatch import compile_words

__all__ = [
    "ESCAPE_INTENT",
    "INGESTED",
    "SHORT_ANSWER_WORDS",
    "answer_shaped",
    "care_need_injury",
    "done_by_other",
    "taken_by_accident",
    "taken_to_escape",
]

# --- who acts -------------------------------------------------------------------------

#: A third person as the doer of a sentence (a pronoun or a person word).
_OTHER_DOER = compile_words(
    r"\b(?:hij|zij|ze|iemand|die man|die vrouw|een man|een vrouw|een jongen|"
    r"(?:mijn|m|de|haar|zijn|onze) (?:man|vrouw|partner|vriend|vriendin|ex|vader|moeder|stiefvader|zoon|dochter|broer|zus|buurman|"
    r"kleinzoon|schoonzoon|oom|baas|huisgenoot|verzorger)|he|she|someone|a man|my (?:husband|wife|boyfriend|girlfriend|partner|ex|dad|father|son|brother))\b"
)
#: The writer as doer, or a reflexive: a suicide reading of the writer or of that person.
_SELF_DOER = compile_words(
    r"\b(?:ik|k|i|mezelf|mijzelf|myself|zich|zichzelf|himself|herself|themselves)\b"
)
#: The writer as the one acted on: "tegen mijn keel", "op mijn buik", "bij me".
_ON_ME = compile_words(r"\b(?:me|mij|mijn|m|my)\b")
_REFLEXIVE = compile_words(r"\b(?:zich|zichzelf|himself|herself|themselves)\b")


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
INGESTED = compile_words(
    r"\b(?:pil\w*|slaappil\w*|tablet\w*|medicijn\w*|medicatie|oxazepam|temazepam|diazepam|paracetamol|morfine|oxycodon|tramadol|"
    r"pills|meds|sleeping pills|drank|alcohol|wodka|wijn|whisky|jenever|bier|rum|drink|drinkt|dronk|gedronken|booze|vodka)\b"
)
#: ... taken so that something ends: to stop everything, to feel nothing, to sleep for
#: good, not to wake up, to be gone. The aim, not the words, marks the attempt.
ESCAPE_INTENT = compile_words(
    r"\b(?:zodat|om|so that|so|to make|to|want|wil|wilde|hoop|hoopte)\b(?: \w+){0,4} "
    r"(?:(?:het|alles|t|it|everything|de pijn|het lijden) (?:\w+ )?(?:stopt|ophoudt|op houdt|over is|voorbij is|stop|stops|ends|end)\b"
    r"|(?:niks|niets|nothing|geen pijn) (?:meer )?(?:hoef |hoeft )?(?:te )?(?:voel\w*|feel)\b"
    r"|(?:niet|nie|nooit|never) meer (?:wakker|op te staan|hoef te|te voelen|te denken)\b|never wake\b|not wake\b"
    r"|(?:voor altijd|voorgoed|for good|forever)\b|(?:weg|gone) (?:te )?(?:zijn|ben|be)\b|(?:te )?(?:sterven|dood te gaan|die)\b"
    r"|(?:ik |we )?(?:eindelijk |voorgoed )?(?:rust|peace) (?:heb|hebben|krijg|vind|have|get|find)\b)"
)
#: An accident said as such keeps the danger reading.
_BY_ACCIDENT = compile_words(
    r"\b(?:per ongeluk|perongeluk|per abuis|by accident|accidentally|by mistake|vergist|vergissing)\b"
)


#: ... and so does a night out: drink and pills at a party, a festival, going out.
_NIGHT_OUT = compile_words(
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

#: An injury: a bone broken or bruised ...
_FRACTURE = compile_words(
    r"\b(?:heup|been|nek|rug|pols|arm|enkel|schouder|knie|voet|rib\w*|sleutelbeen)\w* (?:\w+ )?(?:is |zijn )?(?:gebroken|gekneusd|verstuikt|broken)\b"
    r"|\b(?:gebroken|broke|broken) (?:\w+ )?(?:heup|been|nek|pols|arm|enkel|schouder|hip|wrist|leg|ankle)\b"
)
#: ... or a fall, which only counts as told when it is dated in the past ("vorige week").
_FALL = compile_words(r"\b(?:gevallen|fell|fallen)\b")
_DATED = compile_words(
    r"\b(?:geleden|vorige|vorig|sinds|afgelopen|eerder|toen|ago|since|last (?:week|month|year)|earlier)\b"
)
#: An everyday chore told with it: shopping, cooking, cleaning, a shower, the dog, the
#: stairs or a walker. (Not help in general: "gevallen, kan iemand helpen" is a call.)
_EVERYDAY_NEED = compile_words(
    r"\b(?:winkel\w*|boodschap\w*|supermarkt|koken|kook|eten klaarmaken|maaltijd\w*|stofzuig\w*|schoonma\w*|huishoud\w*|douche\w*|"
    r"hond (?:\w+ )?uitlaten|uitlaten|traplopen|trap ?lopen|rollator|rolstoel|shopping|groceries|cook|cooking|cleaning|meals?)\b"
)
#: Signs of the emergency itself: the person cannot get up, lies on the floor, bleeds,
#: is alone with it now, or it happened just now.
_ACUTE_NOW = compile_words(
    r"\b(?:lig|ligt|liggen|lying)\b|\bop de (?:grond|vloer)\b|\bon the (?:floor|ground)\b|\bkan (?:\w+ )?(?:niet|nie) (?:meer )?(?:op ?staan|overeind|bewegen|lopen|staan)\b"
    r"|\bkom (?:\w+ )?(?:niet|nie) (?:meer )?(?:overeind|omhoog|op)\b|\bcan ?t (?:get up|move)\b|\bbloed\w*|\bbleed\w*|\bbewusteloos\b|\breageert\b"
    r"|\b(?:net|zojuist|daarnet|just now|vanochtend|vanmorgen|vandaag|vannacht|just)\b|\b(?:veel|erge|ondraaglijke|heel erg) pijn\b|\bniemand (?:is )?(?:thuis|hier|bij me)\b|\balleen thuis\b"
)


def care_need_injury(t: str) -> bool:
    """An injury told with an everyday need and nothing acute: a care question."""
    injury = _FRACTURE.search(t) or (_FALL.search(t) and _DATED.search(t))
    return bool(injury and _EVERYDAY_NEED.search(t)) and not _ACUTE_NOW.search(t)


# --- a short answer -------------------------------------------------------------------

#: Short messages the crisis model may raise on its own only when they say something.
SHORT_ANSWER_WORDS = 8
#: The words short answers to the bot are made of: pronouns, forms of "to be", "to come",
#: "to go" and "to have", particles, yes and no, times, days and places. A short message of
#: only these words ("als ik er ben", "klaar, dat was het", "no, I live far away", "ik ben
#: dan al weg naar mijn dochter") tells when or where, not what is wrong; anything else in
#: it (a word for dying, a blow, a body part, a feeling, "meer", "wil", "liever", "die")
#: lets the model read it.
_ANSWER_TEXT = (
    # Dutch
    "ik k je jij u hij zij ze we wij jullie het t dat de een er r hier daar dan nu al nog pas ook wel niet nie nee "
    "neen ja jawel jazeker hoor oke ok okay prima goed graag best klaar weg thuis ver verweg dichtbij buiten "
    "binnen ben bn is was zijn waren word wordt kan kun kunt ga gaat gaan kom komt komen heb hebt heeft hebben zal zou "
    "moet mag als wanneer zodra om tot tussen na voor vanaf van bij naar in op met en of maar want dus even eerst "
    "straks later morgen overmorgen vandaag vanavond vanmiddag vanochtend vanmorgen week weekend maand volgende deze "
    "ochtend ochtends middag middags avond avonds uur half kwart maandag dinsdag woensdag donderdag vrijdag zaterdag "
    "zondag mijn m mn me mij jouw haar ons onze hun zo te toe erbij heen terug weer daarna dank bedankt dankjewel "
    "dankuwel alles wat zelf woon woont wonen zit zitten werk werken "
    # English
    "i you he she we they it that s the a there here then now already yes no not ok fine good thanks thank sure done "
    "far away home near nearby close be am m is was are were will won can could go going come coming have has at on "
    "in to from until till after before by with and or but so later tomorrow today tonight morning afternoon evening "
    "week weekend monday tuesday wednesday thursday friday saturday sunday my your our live lives all"
)
_ANSWER_WORDS = frozenset(_ANSWER_TEXT.split())
#: A destination or a host after "naar", "bij", "to": "naar mijn dochter", "to my sister";
#: not a place to end a life ("naar het spoor", "naar de overkant", "to the bridge").
_DESTINATION = compile_words(
    r"\b(?:naar|bij|to|at) (?:mijn|m|mn|de|het|een|onze|zijn|haar|my|the|our|his|her) "
    r"(?!(?:spoor|rails|trein|brug|dak|flat|balkon|viaduct|overkant|hemel|rivier|water|zee|kanaal|gracht|"
    r"tracks|train|bridge|roof|river|sea|canal|heaven|other)\b)\w+"
)
_DIGITS = compile_words(r"\d+")


def answer_shaped(t: str) -> bool:
    """Whether a short cleaned message is made only of the words of answers to the bot."""
    words = _DIGITS.sub(" ", _DESTINATION.sub(" ", t)).split()
    return bool(words) and all(w in _ANSWER_WORDS for w in words)
