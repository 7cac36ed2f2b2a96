"""Crisis detection generalises beyond the phrases it was tuned on.

Gated on ``crisis_dev.yml`` (fresh messages the rules were iterated on) and on
structural cases: spelling variants, word order, third persons, other languages.
The held-out crisis set is deliberately NOT used here; only ``voordeur nlu evaluate``
reports on it, so it stays an honest measurement.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from nlu.api import CrisisKind
from nlu.crisis import clean, detect, model_kind, rule_kinds
from nlu.crisis_text import crisis_normalize
from nlu.text import normalize

DATA = Path(__file__).parents[2] / "nlu" / "data"
DEV = yaml.safe_load((DATA / "crisis_dev.yml").read_text(encoding="utf-8"))
DEV_POSITIVES = [(t, kind) for kind, texts in DEV["positives"].items() for t in texts]


def test_dev_recall_is_at_least_97_percent() -> None:
    missed = [t for t, _ in DEV_POSITIVES if detect(t) is None]
    assert 1 - len(missed) / len(DEV_POSITIVES) >= 0.97, missed


def test_dev_near_miss_false_alarms_stay_under_three_percent() -> None:
    alarms = [t for t in DEV["near_misses"] if detect(t) is not None]
    assert len(alarms) / len(DEV["near_misses"]) < 0.03, alarms


# Every held-out crisis set (the names are built here so this file does not name them).
# The older held-out batches were retired into the model's training data in round 16
# (crisis_retired*.yml) and may be read; any file still named held-out may not.
HELD_OUT_NAMES = [
    "crisis_" + "holdout",
    "crisis_" + "holdout" + "9",
    "hold" + "out9",
    "crisis_" + "holdout" + "10",
    "hold" + "out10",
    "crisis_" + "holdout" + "11",
    "hold" + "out11",
    "crisis_" + "holdout" + "12",
    "hold" + "out12",
    "crisis_" + "holdout" + "13",
    "hold" + "out13",
]


@pytest.mark.parametrize("name", HELD_OUT_NAMES)
def test_holdout_is_not_read_by_ci_tests(name: str) -> None:
    here = Path(__file__).parent
    users = [p.name for p in here.rglob("*.py") if name in p.read_text(encoding="utf-8")]
    assert users == []


def test_every_held_out_file_is_guarded() -> None:
    """A new held-out file must be added to HELD_OUT_NAMES (and so to the check above)."""
    held_out = sorted(p.stem for p in DATA.glob("crisis_*.yml") if "hold" + "out" in p.stem)
    assert held_out and all(name in HELD_OUT_NAMES for name in held_out), held_out


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ik wil nie meer leve", "ik wil niet meer leven"),
        ("wil nie meer wakker worde", "wil niet meer wakker worden"),
        ("ben gevalle kan nie op", "ben gevallen kan niet op"),
        ("ich will nicht mehr leben", "ik wil niet meer leven"),
        ("kwil dood", "ik wil dood"),
    ],
)
def test_crisis_spelling_normalisation(raw: str, expected: str) -> None:
    assert crisis_normalize(raw) == expected


def test_crisis_spellings_do_not_change_the_shared_normaliser() -> None:
    assert normalize("ik will nie meer leben") == "ik will niet meer leben"


# Variants built from components; none of these sentences is in any data file.
STRUCTURAL = [
    # wish + negation + living, in any order and spelling
    ("ik nie wil leve meer", CrisisKind.SUICIDE),
    ("wil echt niet meer verder leven hoor", CrisisKind.SUICIDE),
    ("i dont want live anymore", CrisisKind.SUICIDE),
    ("ik hoop dat ik morgenochtend niet meer wakker word", CrisisKind.SUICIDE),
    ("het lijkt me beter als ik er niet meer ben", CrisisKind.SUICIDE),
    ("mijn opa zegt dat hij er een einde aan gaat maken", CrisisKind.SUICIDE),
    ("ik heb al weken mijn slaappillen gespaard", CrisisKind.SUICIDE),
    ("ik wil mezelf weer snijden", CrisisKind.SUICIDE),
    # a person harming me
    ("mijn schoonzoon doet me pijn", CrisisKind.VIOLENCE),
    ("de vriend van mijn moeder heeft me een klap gegeven", CrisisKind.VIOLENCE),
    ("ik ben bang om vanavond naar huis te gaan", CrisisKind.VIOLENCE),
    ("mijn neef houdt mijn paspoort", CrisisKind.VIOLENCE),
    # a body function with an acute marker
    ("mijn buurvrouw ademt bijna niet", CrisisKind.DANGER),
    ("ik heb een zware druk op mijn borst", CrisisKind.DANGER),
    ("zijn arm is ineens slap en hij praat onduidelijk", CrisisKind.DANGER),
    ("mijn man is diabeet en ineens heel verward", CrisisKind.DANGER),
    ("het bloed blijft maar komen, het stopt niet", CrisisKind.DANGER),
    ("er ligt een oude meneer in de gang", CrisisKind.DANGER),
]


@pytest.mark.parametrize(("text", "kind"), STRUCTURAL)
def test_component_rules_generalise(text: str, kind: CrisisKind) -> None:
    assert kind in rule_kinds(text)


PAST_OR_FIGURATIVE = [
    "mijn vader sloeg ons vroeger, ik wil daar graag over praten",
    "ik heb jaren geleden een zelfmoordpoging gedaan, nu gaat het goed",
    "mijn zus heeft haar arm gebroken vorige maand, wie helpt met boodschappen",
    "de gemeente reageert niet op mijn mail",
    "ik wil er een eind aan maken, aan dat gedoe met de buren",
    "ik brand een kaarsje voor mijn moeder",
    "we keken een film over een moord",
    "ik wil leven van een klein pensioen",
]


@pytest.mark.parametrize("text", PAST_OR_FIGURATIVE)
def test_past_and_figurative_are_not_a_crisis(text: str) -> None:
    assert detect(text) is None


def test_model_does_not_raise_a_harmless_wish() -> None:
    assert model_kind("ik denk dat ik mezelf een cadeautje ga geven") is None


@pytest.mark.parametrize(
    "text",
    [
        "Wat moet je doen als iemand niet meer ademt?",  # an information question
        "ooit dacht ik dat ik dood wou, nu ben ik blij dat ik er nog ben",  # over
        "oeps pil 2x genomen, erg?",  # a dose taken twice by mistake
    ],
)
def test_model_respects_the_framing_of_the_rules(text: str) -> None:
    assert model_kind(text) is None


def test_model_catches_what_rules_miss() -> None:
    text = "ik wil het einde"
    assert rule_kinds(text) == ()
    assert detect(text) is not None


# The crisis check's speed is measured in benchmarks/nlu_bench.py ("crisis check
# alone"), not asserted here: a timed test fails whenever the machine is busy.


# --- crisis_dev2.yml: batch written for the weak categories of the last held-out round
DEV2 = yaml.safe_load((DATA / "crisis_dev2.yml").read_text(encoding="utf-8"))
DEV2_POSITIVES = [(t, kind) for kind, texts in DEV2["positives"].items() for t in texts]


def test_dev2_recall_is_at_least_97_percent() -> None:
    missed = [t for t, _ in DEV2_POSITIVES if detect(t) is None]
    assert 1 - len(missed) / len(DEV2_POSITIVES) >= 0.97, missed


def test_dev2_near_miss_false_alarms_stay_under_four_percent() -> None:
    alarms = [t for t in DEV2["near_misses"] if detect(t) is not None]
    assert len(alarms) / len(DEV2["near_misses"]) < 0.04, alarms


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("wil nie mr lvn", "wil niet meer leven"),
        ("k wl dd", "ik wil dood"),
        ("weg vr altyd", "weg vr altijd"),
        ("wil drmee stpppe", "wil ermee stoppen"),
    ],
)
def test_sms_skeleton_spellings(raw: str, expected: str) -> None:
    assert crisis_normalize(raw) == expected


# Built from the categories of crisis_dev2.yml, not copied from it (and not from the holdout).
STRUCTURAL_DEV2 = [
    ("vanavond stuur ik mijn auto tegen een brugpijler", CrisisKind.SUICIDE),
    ("ik ga met de fiets de gracht in en dan is het klaar", CrisisKind.SUICIDE),
    ("ik wil naar mijn vader in de hemel", CrisisKind.SUICIDE),
    ("ik heb al mijn spullen weggegeven", CrisisKind.SUICIDE),
    ("ik heb mijn pols opengekrast met een scherf", CrisisKind.SUICIDE),
    ("mijn nicht zegt dat ze zich van kant gaat maken", CrisisKind.SUICIDE),
    ("het mag nu gewoon stoppen", CrisisKind.SUICIDE),
    ("mijn oom doet enge dingen met me", CrisisKind.VIOLENCE),
    ("hij heeft een straatverbod en staat weer in het portiek", CrisisKind.VIOLENCE),
    ("mijn vriend smeet de afstandsbediening naar mijn hoofd", CrisisKind.VIOLENCE),
    ("er is ingebroken en ze zijn nog boven", CrisisKind.VIOLENCE),
    ("de buurman schopt zijn hond, ik hoor het janken", CrisisKind.VIOLENCE),
    ("het water staat al bij de groepenkast", CrisisKind.DANGER),
    ("stroomstoring en de beademing van mijn dochter piept", CrisisKind.DANGER),
    ("de co-melder gaat af en ik word duizelig", CrisisKind.DANGER),
    ("mijn vader heeft alzheimer en is weggelopen, het vriest", CrisisKind.DANGER),
    ("ik lig klem tussen de muur en de kast", CrisisKind.DANGER),
]


@pytest.mark.parametrize(("text", "kind"), STRUCTURAL_DEV2)
def test_dev2_component_rules_generalise(text: str, kind: CrisisKind) -> None:
    assert kind in rule_kinds(text)


NEAR_MISSES_DEV2 = [
    "het was om dood te gaan zo saai op dat feest",
    "ik werk bij veilig thuis als secretaresse",
    "ik wil niet meer wakker worden om half zes van de buren",
    "ik wil niet meer wakker liggen van de rekeningen",
    "mijn hond is weggelopen",
    "het mag stoppen met sneeuwen",
    "de co melder piept, de batterij is leeg",
    "mijn moeder heeft dementie en we zoeken dagbesteding",
    "er is een stroomstoring, kan ik mijn dialyse verzetten",
    "ik zit vast aan een telefoonabonnement",
    "ik heb me gebrand aan de oven",
    "mijn zus sloeg haar vriend vroeger, nu zijn ze gescheiden",
    "waarom zou ik doorgaan met die cursus",
]


@pytest.mark.parametrize("text", NEAR_MISSES_DEV2)
def test_dev2_near_misses_are_not_a_crisis(text: str) -> None:
    assert detect(text) is None


# --- crisis_dev3.yml: third fresh batch, written before the rules were read (round 9)
DEV3 = yaml.safe_load((DATA / "crisis_dev3.yml").read_text(encoding="utf-8"))
DEV3_POSITIVES = [(t, kind) for kind, texts in DEV3["positives"].items() for t in texts]


def test_dev3_recall_is_at_least_98_percent() -> None:
    missed = [t for t, _ in DEV3_POSITIVES if detect(t) is None]
    assert 1 - len(missed) / len(DEV3_POSITIVES) >= 0.98, missed


def test_dev3_near_miss_false_alarms_stay_under_three_percent() -> None:
    alarms = [t for t in DEV3["near_misses"] if detect(t) is not None]
    assert len(alarms) / len(DEV3["near_misses"]) < 0.03, alarms


def test_dev3_positives_are_caught_by_the_rules_alone() -> None:
    """The model is a second signal; every dev3 category has a rule of its own."""
    missed = [t for t, _ in DEV3_POSITIVES if not rule_kinds(t)]
    assert len(missed) <= 2, missed


# Built from the categories of the crisis_dev3.yml misses, not copied from any data file.
STRUCTURAL_DEV3 = [
    # announced absence, any word order; not being able to promise one's own safety
    ("ik ben er vannacht niet meer, zorg goed voor mama", CrisisKind.SUICIDE),
    ("I won't be here tomorrow", CrisisKind.SUICIDE),
    ("ik kan niet beloven dat ik veilig blijf vannacht", CrisisKind.SUICIDE),
    ("ik ben bang voor mezelf", CrisisKind.SUICIDE),
    # methods without the word "dood": traffic, water, hanging, shooting, a blade
    ("ik laat me vanavond overrijden door de trein", CrisisKind.SUICIDE),
    ("ik gooi me van de flat", CrisisKind.SUICIDE),
    ("ik ga me verhangen op zolder", CrisisKind.SUICIDE),
    ("ik wil mezelf doodschieten", CrisisKind.SUICIDE),
    ("ik rijd vannacht met honderd op de snelweg zo tegen een viaduct", CrisisKind.SUICIDE),
    ("ik steek het mes in mezelf", CrisisKind.SUICIDE),
    # euthanasia refused, stepping out oneself, misspelt names, a finished life
    ("de dokter wil geen euthanasie geven, dan regel ik het zelf wel", CrisisKind.SUICIDE),
    ("ik denk erover om er zelf uit te stappen", CrisisKind.SUICIDE),
    ("ik denk aan zellefmoord", CrisisKind.SUICIDE),
    ("sucide gedachten", CrisisKind.SUICIDE),
    ("mijn leven is klaar", CrisisKind.SUICIDE),
    ("ik wens er niet langer te zijn", CrisisKind.SUICIDE),
    # a break-in now; the writer about to harm someone; one relative hurting another
    ("er wordt nu bij ons ingebroken", CrisisKind.VIOLENCE),
    ("somebody is trying to break into our flat", CrisisKind.VIOLENCE),
    ("ik ga die jongen neersteken", CrisisKind.VIOLENCE),
    ("ik pak een hamer en dan sla ik hem in elkaar, ik vermoord hem", CrisisKind.VIOLENCE),
    ("ik wil de buurman iets aandoen", CrisisKind.VIOLENCE),
    ("opa doet oma pijn", CrisisKind.VIOLENCE),
    ("daddy hurts mommy", CrisisKind.VIOLENCE),
    # care withheld, money taken from an old parent, the throat, formal and learner Dutch
    ("de begeleider geeft mijn broer geen eten", CrisisKind.VIOLENCE),
    ("mijn kleinzoon pakt het geld van mijn oma af", CrisisKind.VIOLENCE),
    ("hij heeft mijn keel dichtgeknepen", CrisisKind.VIOLENCE),
    ("mijn vriend zegt dat hij mij of mijn moeder iets aandoet", CrisisKind.VIOLENCE),
    ("ik vrees voor mijn leven", CrisisKind.VIOLENCE),
    ("mijn echtgenote is agressief tegen mij", CrisisKind.VIOLENCE),
    ("mijn zoon mij slaan", CrisisKind.VIOLENCE),
    ("de verzorgende duwt hem als hij niet snel genoeg eet", CrisisKind.VIOLENCE),
    # water getting into a home, someone run over, a door unopened for days
    ("het water komt onder de deur door naar binnen", CrisisKind.DANGER),
    ("de woonkamer loopt vol water", CrisisKind.DANGER),
    ("het water in de kelder wordt steeds hoger, het stijgt", CrisisKind.DANGER),
    ("het water staat tot onze enkels in de gang", CrisisKind.DANGER),
    ("er is een fietser aangereden", CrisisKind.DANGER),
    ("een kind ligt onder de bus", CrisisKind.DANGER),
    ("mijn oude buurman doet sinds gisteren niet meer open", CrisisKind.DANGER),
    # chest pain in other words, a whole stock of pills at once, insulin twice
    ("ik heb een beklemmend gevoel in mijn borst", CrisisKind.DANGER),
    ("de pijn straalt uit naar mijn kaak", CrisisKind.DANGER),
    ("mijn vader heeft al zijn pillen in een keer geslikt", CrisisKind.DANGER),
    ("hij heeft twee keer insuline gespoten", CrisisKind.DANGER),
]


@pytest.mark.parametrize(("text", "kind"), STRUCTURAL_DEV3)
def test_dev3_component_rules_generalise(text: str, kind: CrisisKind) -> None:
    assert kind in rule_kinds(text)


# Look-alikes of the round 9 rules: the same words, no crisis.
NEAR_MISSES_DEV3 = [
    "ik ben er morgen niet, ik heb een afspraak bij de tandarts",
    "vanaf morgen ben ik er niet meer, ik ga met pensioen",
    "ik zou hem wel kunnen vermoorden",
    "het water in de rivier stijgt, moeten we ons zorgen maken?",
    "de huur van mijn huis stijgt weer",
    "de straat staat blank na de hoosbui",
    "iemand ligt onder de auto te sleutelen",
    "de kat zit onder de auto en wil er niet uit",
    "mijn auto is aangereden op de parkeerplaats",
    "mijn post ligt nog bij de buren",
    "ik heb al het eten in een keer opgegeten",
    "ik ben bang voor mijn veiligheid als ik 's avonds over straat ga",
    "het leven is over het algemeen goed hier",
    "mijn leven is op zijn kop gezet door de verhuizing",
    "ik steek de naald in mijn buik voor de insuline",
    "kan iemand mij helpen, ik wil er iets aan doen aan mijn tuin",
    "ik moet mijn moeder wat aan doen want ze kan zich niet zelf aankleden",
    "hoe voorkom ik dat er wordt ingebroken",
    "er wordt veel ingebroken in onze wijk",
    "de pijn in mijn schouder straalt uit naar mijn arm",
    "ik zag op tv een programma over een overval",
    "ik krijg geen lucht met die sjaal om",
    "dat wordt nog eens mijn dood, die trap",
    "ik overweeg om uit de vereniging te stappen",
    "mijn knie doet me pijn",
    "de thuiszorg geeft mij geen eten meer mee, kan ik maaltijden krijgen",
    "I could kill him",
    "ik doe het zelf wel, euthanasie is niet aan de orde",
    "ik ben bang voor mezelf dat ik te veel eet",
]


@pytest.mark.parametrize("text", NEAR_MISSES_DEV3)
def test_dev3_near_misses_are_not_raised_by_the_rules(text: str) -> None:
    assert rule_kinds(text) == ()


def test_dev3_near_misses_are_rarely_raised_by_the_model() -> None:
    """Round 10 dropped the model's danger-word gate (it cost 7 points of recall on fresh
    batches, see nlu.crisis_model): the model now raises three of these 29 look-alikes,
    written against the round 9 rules ("iemand ligt onder de auto te sleutelen", "de kat
    zit onder de auto en wil er niet uit", "de pijn in mijn schouder straalt uit naar mijn
    arm"). That is the price budgeted here; more would be a regression."""
    alarms = [t for t in NEAR_MISSES_DEV3 if detect(t) is not None]
    assert len(alarms) <= 3, alarms


# --- crisis_dev4.yml: fourth fresh batch, written before the rules were read (round 10)
DEV4 = yaml.safe_load((DATA / "crisis_dev4.yml").read_text(encoding="utf-8"))
DEV4_POSITIVES = [(t, kind) for kind, texts in DEV4["positives"].items() for t in texts]


def test_dev4_recall_is_at_least_98_percent() -> None:
    missed = [t for t, _ in DEV4_POSITIVES if detect(t) is None]
    assert 1 - len(missed) / len(DEV4_POSITIVES) >= 0.98, missed


def test_dev4_near_miss_false_alarms_stay_under_three_percent() -> None:
    alarms = [t for t in DEV4["near_misses"] if detect(t) is not None]
    assert len(alarms) / len(DEV4["near_misses"]) < 0.03, alarms


def test_dev4_positives_are_caught_by_the_rules_alone() -> None:
    """Every dev4 category has a concept or rule of its own; the model is extra."""
    missed = [t for t, _ in DEV4_POSITIVES if not rule_kinds(t)]
    assert len(missed) <= 2, missed


def test_dev4_kinds_are_right() -> None:
    wrong = [(t, kind, detect(t)) for t, kind in DEV4_POSITIVES if detect(t) not in {None, CrisisKind(kind)}]
    assert len(wrong) <= 4, wrong


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Ik wol net mear libje", "ik wil niet meer leven"),  # Frisian
        ("us heit is fan de ljedder fallen", "onze vader is van de ladder gevallen"),
        ("Miene vent sleit mich", "mijn vent slaat mij"),  # Limburgish
        ("ich maak d'r e ind aan", "ik maak haar een eind aan"),
        ("myn man slacht my", "mijn man slaat mij"),
        ("ik ben net gevallen", "ik ben net gevallen"),  # Dutch "net" stays "just"
        ("I love my dog", "i love my dog"),  # English "my" stays
        ("ga t doen vnv", "ga het doen vanavond"),
    ],
)
def test_dialect_spellings(raw: str, expected: str) -> None:
    assert crisis_normalize(raw) == expected


def test_clean_text_has_one_sentence_per_line() -> None:
    assert clean("Dag allemaal.. het was mooi! Sorry") == "dag allemaal\nhet was mooi\nsorry"


# Built from the concepts of round 10, not copied from any data file.
STRUCTURAL_DEV4 = [
    # a farewell + finality or concealment; a plan or a date + the final event
    ("bedankt voor alles lieverd, als je dit leest ben ik er niet meer", CrisisKind.SUICIDE),
    ("zorg goed voor de kinderen. ik kom niet meer terug.", CrisisKind.SUICIDE),
    ("doei allemaal, het is klaar", CrisisKind.SUICIDE),
    ("Ik heb de datum vastgesteld, volgende week zaterdag is het zover.", CrisisKind.SUICIDE),
    ("zondag stop ik ermee.", CrisisKind.SUICIDE),
    ("ik heb besloten waar ik het ga doen", CrisisKind.SUICIDE),
    # belongings given away, pills gathered, exhaust, water, a platform, an attempt again
    ("ik heb mijn sieraden aan mijn nichtje gegeven, ze vroeg waarom", CrisisKind.SUICIDE),
    ("ik heb bij vier drogisterijen paracetamol gekocht", CrisisKind.SUICIDE),
    ("de motor draait en de garagedeur is dicht", CrisisKind.SUICIDE),
    ("ik loop straks de zee in", CrisisKind.SUICIDE),
    ("vanavond fiets ik het kanaal in", CrisisKind.SUICIDE),
    ("ik sta bij het spoor, nog een stap", CrisisKind.SUICIDE),
    ("ik heb het al twee keer geprobeerd, deze keer moet het lukken", CrisisKind.SUICIDE),
    ("de vorige keer hebben ze me op tijd gevonden, nu wil ik het opnieuw doen", CrisisKind.SUICIDE),
    ("ik heb in mijn bovenbenen gekrast", CrisisKind.SUICIDE),
    ("ik hoop dat ik vannacht mag inslapen, anders help ik zelf een handje", CrisisKind.SUICIDE),
    ("ik doe nooit meer open, niemand hoeft zich nog zorgen om mij te maken", CrisisKind.SUICIDE),
    # third persons and English
    ("mijn dochter snijdt zichzelf", CrisisKind.SUICIDE),
    ("my sister wants to die", CrisisKind.SUICIDE),
    ("he has been cutting himself again", CrisisKind.SUICIDE),
    ("mijn buurvrouw wil naar haar overleden man toe", CrisisKind.SUICIDE),
    ("I took a whole bottle of pills", CrisisKind.SUICIDE),
    ("I have a rope in my room", CrisisKind.SUICIDE),
    # violence: slang, a child's secret, honour, weapons, fights, a parent's fear
    ("mn stiefvader geeft me rake klappen", CrisisKind.VIOLENCE),
    ("ik kreeg een pak slaag van mijn broer", CrisisKind.VIOLENCE),
    ("mijn dochter zegt dat de buurman aan haar zit en dat ze het niet mag vertellen", CrisisKind.VIOLENCE),
    ("mijn broers dreigen me iets aan te doen omdat ik de eer van de familie heb geschonden", CrisisKind.VIOLENCE),
    ("mijn ouders willen me uithuwelijken aan een neef", CrisisKind.VIOLENCE),
    ("er loopt een man met een mes door de supermarkt", CrisisKind.VIOLENCE),
    ("er wordt gevochten op straat en er ligt iemand te bloeden", CrisisKind.VIOLENCE),
    ("ik ben bang dat ik mijn kind ga slaan", CrisisKind.VIOLENCE),
    ("oma wordt in het tehuis ruw vastgepakt", CrisisKind.VIOLENCE),
    ("omdat mijn vriend me gisteren weer schopte", CrisisKind.VIOLENCE),
    ("she punches me when she is drunk", CrisisKind.VIOLENCE),
    ("my carer slaps my grandma", CrisisKind.VIOLENCE),
    # danger: water, ice, electricity in water, explosions, swallowed, fainted, burns
    ("er is een vrouw met haar rolstoel in de gracht gereden", CrisisKind.DANGER),
    ("mijn zoon is door het ijs gezakt", CrisisKind.DANGER),
    ("mijn zoon is onder het ijs terechtgekomen", CrisisKind.DANGER),
    ("er is een auto te water geraakt bij de brug", CrisisKind.DANGER),
    ("er ligt een stroomkabel in de plas en de kinderen spelen erin", CrisisKind.DANGER),
    ("er is een explosie geweest in de flat", CrisisKind.DANGER),
    ("mijn peuter heeft een vaatwascapsule opgegeten", CrisisKind.DANGER),
    ("my son swallowed a battery", CrisisKind.DANGER),
    ("mijn man is van zijn stokje gegaan", CrisisKind.DANGER),
    ("zijn been doet niks meer en hij praat warrig", CrisisKind.DANGER),
    ("mijn vader heeft zijn hand verbrand, het vel hangt eraf", CrisisKind.DANGER),
    ("mijn man heeft een hartstilstand", CrisisKind.DANGER),
    ("mijn buurvrouw heeft al drie dagen de gordijnen dicht en reageert niet op de bel", CrisisKind.DANGER),
]


@pytest.mark.parametrize(("text", "kind"), STRUCTURAL_DEV4)
def test_dev4_concepts_generalise(text: str, kind: CrisisKind) -> None:
    assert kind in rule_kinds(text)


# Look-alikes of the round 10 concepts and framing: the same words, no crisis.
NEAR_MISSES_DEV4 = [
    "bedankt voor alles en tot volgende week!",
    "Sorry mam, ik ben er morgen niet, ik heb een afspraak",
    "dag allemaal, ik ben er volgende week niet meer, ik ga op vakantie",
    "vrijdag stop ik ermee met roken",
    "vrijdag is mijn laatste dag op kantoor",
    "Ik heb een datum gekozen voor de bruiloft, dan is het zover!",
    "Ik heb alles geregeld voor de verhuizing, volgende week is het zover",
    "mijn dochter kreeg een klap van de bal bij gym",
    "Mijn dochter kreeg op school een klap van een klasgenoot, hoe meld ik dat?",
    "de juf zegt dat het een geheim is wat ze voor moederdag maken",
    "Mijn zoontje had een geheimpje met zijn vriendje, ze bouwen een hut",
    "We hebben thuis regels over eer en respect",
    "Mijn buurman heeft een mes om groente te snijden",
    "Mijn zoon speelt een game waarin hij met een zwaard rondloopt",
    "De kinderen vechten op straat om een bal",
    "Ik ben bang dat ik mijn kind te weinig aandacht geef",
    "hoe voorkom je dat een kind door het ijs zakt",
    "Is het ijs al dik genoeg? Vorig jaar zakte er iemand door het ijs",
    "Mijn hoofd ontploft van de herrie",
    "Er is een ontploffing geweest, stond op het nieuws",
    "mijn dochter heeft een vitaminepil gegeten",
    "ik heb me gebrand aan de strijkbout, een blaar",
    "Ik zie het niet meer zitten met de verbouwing",
    "ik wil een punt achter zetten met die ruzie",
    "Mijn moeder is overleden, ik wil een afscheidsbrief voorlezen",
    "wat moet je doen als iemand een hartaanval krijgt",
    "Hoe herken je een hartstilstand?",
    "Wat moet je doen als iemand niet meer ademt?",
    "Wat zijn de symptomen van een beroerte bij ouderen?",
    "Stel dat ik val en niet meer op kan staan, hoe krijg ik dan hulp?",
    "Ik ben bang dat mijn vader ooit valt",
    "Vroeger dacht ik vaak aan zelfmoord, nu gaat het goed met me",
    "Ik heb jaren geleden in mijn armen gesneden, nu wil ik de littekens laten weghalen.",
    "Mijn vader werd vroeger door zijn vader geslagen, hij praat er nu pas over",
    "Ik heb per ongeluk mijn pil twee keer genomen",
    "Ik heb per ongeluk twee keer mijn plaspil genomen, moet ik de huisarts bellen?",
    "Hoeveel slaappillen mag je maximaal per nacht?",
    "ik ga maandag naar mijn moeder toe, mijn vader is vorig jaar overleden",
    "Mijn vader is overleden, ik ga naar zijn graf",
    "ik ga het nog een keer proberen met die aanvraag, deze keer lukt het wel",
    "Hij loopt met een mes in de keuken om te koken",
    "ik heb een tablet gekregen voor mijn verjaardag",
    "Ik heb mijn testament laten opmaken, wat kost een notaris?",
    "Ik doe nooit meer open als de bel gaat na achten",
    "Zaterdag is mijn laatste dag bij de voedselbank als vrijwilliger",
    "Er lag een snoer in de badkamer, heb ik opgeruimd, is dat gevaarlijk?",
    "Mijn opa is vorige week gevallen, hij is weer thuis en het gaat goed",
    "Ik heb een brandwond van de oven, klein plekje, welke zalf?",
]


@pytest.mark.parametrize("text", NEAR_MISSES_DEV4)
def test_dev4_near_misses_are_not_a_crisis(text: str) -> None:
    assert detect(text) is None


# A hypothetical or information question frames what follows it in its sentence, until
# someone says what is happening to them now.
FRAMING_KEEPS_THE_CRISIS = [
    ("Wat moet ik doen? Mijn man is flauwgevallen", CrisisKind.DANGER),
    ("Wat moet je doen als iemand niet meer ademt? Mijn vader ademt niet!", CrisisKind.DANGER),
    ("Mijn moeder heeft pijn op de borst, wat zijn de symptomen van een hartaanval?", CrisisKind.DANGER),
    ("hoe weet je of iemand een hartaanval heeft mijn man heeft pijn in zijn borst", CrisisKind.DANGER),
    ("hoe herken je een beroerte want mijn vader praat ineens raar", CrisisKind.DANGER),
    ("ik wil een cursus over zelfmoordpreventie want mijn zoon wil dood", CrisisKind.SUICIDE),
]


@pytest.mark.parametrize(("text", "kind"), FRAMING_KEEPS_THE_CRISIS)
def test_framing_does_not_hide_a_crisis_told_now(text: str, kind: CrisisKind) -> None:
    assert detect(text) is kind


@pytest.mark.parametrize(
    "text",
    ["Stel dat ik vanavond al mijn pillen neem, merkt iemand het dan?", "wat als ik gewoon van de brug spring"],
)
def test_a_hypothetical_about_oneself_is_not_framed_away(text: str) -> None:
    assert detect(text) is CrisisKind.SUICIDE


def _all_tuning_texts() -> list[str]:
    texts = []
    names = (
        "crisis_eval",
        "crisis_dev",
        "crisis_dev2",
        "crisis_dev3",
        "crisis_dev4",
        "crisis_dev5",
        "crisis_dev6",
        "crisis_dev7",
        "crisis_dev8",
    )
    for name in names:
        doc = yaml.safe_load((DATA / f"{name}.yml").read_text(encoding="utf-8"))
        texts += [t for items in doc["positives"].values() for t in items] + list(doc["near_misses"])
    nlu = yaml.safe_load((DATA / "nlu.yml").read_text(encoding="utf-8"))
    for block in nlu["nlu"]:
        texts += [line.strip()[2:] for line in str(block.get("examples", "")).splitlines() if line.strip().startswith("- ")]
    return (
        texts
        + [t for t, _ in STRUCTURAL_DEV4]
        + NEAR_MISSES_DEV4
        + [t for t, _ in CONCEPTS_DEV5]
        + NEAR_MISSES_DEV5
        + [t for t, _ in CONCEPTS_DEV6]
        + NEAR_MISSES_DEV6
        + [t for t, _ in CONCEPTS_DEV7]
        + NEAR_MISSES_DEV7
    )


def test_concept_keys_are_only_a_shortcut() -> None:
    """The word keys of each concept group (checked before its regexes run) never
    change what the groups find."""
    from nlu.crisis_concepts import concept_hits

    differ = [t for t in _all_tuning_texts() if list(concept_hits(clean(t))) != list(concept_hits(clean(t), check_keys=False))]
    assert differ == []


# --- crisis_dev5.yml: fifth fresh batch, written before the rules were read (round 11):
# implicit suicide signals (belongings left, money no longer needed, hoarded medicine
# counts, one's own mourning card, a chosen last day, following a dead spouse, painless
# methods), active-voice pushing, welts, sextortion, trapped drivers, limp feverish
# babies, someone seen on the floor through a window.
DEV5 = yaml.safe_load((DATA / "crisis_dev5.yml").read_text(encoding="utf-8"))
DEV5_POSITIVES = [(t, kind) for kind, texts in DEV5["positives"].items() for t in texts]


def test_dev5_recall_is_at_least_98_percent() -> None:
    missed = [t for t, _ in DEV5_POSITIVES if detect(t) is None]
    assert 1 - len(missed) / len(DEV5_POSITIVES) >= 0.98, missed


def test_dev5_near_miss_false_alarms_stay_under_three_percent() -> None:
    alarms = [t for t in DEV5["near_misses"] if detect(t) is not None]
    assert len(alarms) / len(DEV5["near_misses"]) < 0.03, alarms


def test_dev5_positives_are_caught_by_the_rules_alone() -> None:
    """Every dev5 category has a concept of its own; the model (trained on dev5) is extra."""
    missed = [t for t, _ in DEV5_POSITIVES if not rule_kinds(t)]
    assert len(missed) <= 2, missed


def test_dev5_near_misses_are_not_raised_by_the_rules() -> None:
    alarms = [t for t in DEV5["near_misses"] if rule_kinds(t)]
    assert len(alarms) <= 1, alarms


def test_dev5_kinds_are_right() -> None:
    wrong = [(t, kind, detect(t)) for t, kind in DEV5_POSITIVES if detect(t) not in {None, CrisisKind(kind)}]
    assert len(wrong) <= 3, wrong


# Built from the categories of crisis_dev5.yml in other words (not copied from it, and
# not from any held-out set): each concept class, caught by the rules alone.
CONCEPTS_DEV5 = [
    ("na oud en nieuw ben ik er niet meer", CrisisKind.SUICIDE),
    ("volgende week ben ik er niet meer, dan zijn jullie van me af", CrisisKind.SUICIDE),
    ("na mijn verjaardag ben ik er niet meer", CrisisKind.SUICIDE),
    ("ik heb mijn spaargeld niet meer nodig, het staat nu op de rekening van mijn zoon", CrisisKind.SUICIDE),
    ("mijn huissleutel ligt bij de buren en ik kom nooit meer terug", CrisisKind.SUICIDE),
    ("ik heb 80 tabletten tramadol, is dat genoeg", CrisisKind.SUICIDE),
    ("hoe lang duurt het als je 50 diazepam slikt", CrisisKind.SUICIDE),
    ("hoeveel slaappillen heb je nodig om niet meer wakker te worden", CrisisKind.SUICIDE),
    ("hoe kun je zonder pijn doodgaan", CrisisKind.SUICIDE),
    ("mijn vrouw is gestorven en ik wil haar volgen", CrisisKind.SUICIDE),
    ("mijn eigen overlijdensadvertentie is klaar", CrisisKind.SUICIDE),
    ("donderdag wordt mijn laatste dag, het besluit staat", CrisisKind.SUICIDE),
    ("ik heb geen zin meer om te ademen", CrisisKind.SUICIDE),
    ("ik wil een einde maken aan alles", CrisisKind.SUICIDE),
    ("mijn stiefvader gooide mijn moeder tegen de muur", CrisisKind.VIOLENCE),
    ("ik heb blauwe plekken van mijn man zijn vuisten", CrisisKind.VIOLENCE),
    ("hij dreigt mijn naaktfoto's te delen als ik niet betaal", CrisisKind.VIOLENCE),
    ("de thuishulp slaat hem", CrisisKind.VIOLENCE),
    ("de fietser zit bekneld onder de vrachtwagen", CrisisKind.DANGER),
    ("mijn peuter is suf en gloeit van de koorts", CrisisKind.DANGER),
    ("ik zie door de ruit mijn opa op de grond liggen", CrisisKind.DANGER),
    ("er is brand in onze schuur", CrisisKind.DANGER),
    ("een bestelbus is tegen een boom gereden, de bestuurder bloedt", CrisisKind.DANGER),
    ("er ligt een stroomdraad los op de stoep", CrisisKind.DANGER),
    ("mijn vader is gevallen en praat niet", CrisisKind.DANGER),
]


@pytest.mark.parametrize(("text", "kind"), CONCEPTS_DEV5)
def test_dev5_concepts_generalise(text: str, kind: CrisisKind) -> None:
    assert rule_kinds(text)[:1] == (kind,)
    assert detect(text) is kind


# Look-alikes of those concepts: the occasion or the object explains the same words.
NEAR_MISSES_DEV5 = [
    "na de zomer ben ik er niet meer, ik ga met pensioen",
    "ik heb geen oppas meer nodig, mijn kinderen zijn groot",
    "ik heb de rolstoel niet meer nodig, wie wil hem hebben",
    "ik heb de sleutel bij de buurvrouw gelegd want ik ga op vakantie",
    "ik heb de sleutels afgegeven met een brief voor de verhuurder",
    "ik heb 30 tabletten paracetamol gekocht, hoeveel mag ik per dag",
    "mijn moeder heeft 60 tabletten meegekregen, is dat genoeg voor drie maanden",
    "hoe lang duurt het voor ibuprofen werkt",
    "kan een vaccinatie pijnloos",
    "ik hoop dat mijn vader pijnloos kan sterven in het hospice",
    "ik wil de band volgen op tournee",
    "mijn opa is overleden, ik wil zijn voorbeeld volgen",
    "de rouwkaart van mijn oom is verstuurd",
    "mijn laatste dag op school is donderdag",
    "hoe hoog moet de schutting zijn, ik wil zeker weten dat de hond er niet overheen springt",
    "geen zin meer om te sporten",
    "ik heb geen zin om in deze herrie te leven, kan de gemeente iets doen",
    "ik wil een einde maken aan de ruzie met mijn zus",
    "de kinderen duwden elkaar op het schoolplein",
    "ik heb blauwe plekken van het voetballen",
    "de tennisser slaat de bal hard",
    "mijn vinger zat bekneld in de deur",
    "mijn kind heeft koorts en is een beetje moe, moet ik naar de huisarts",
    "ik zag door het raam de kat op de vloer liggen",
    "het vuur in de vuurkorf brandt goed",
    "de laadkabel van de buren ligt op de stoep, mag dat",
    "ik kreeg een kleine stroomschok van het schrikdraad",
    "mijn laatste bericht aan de huisarts is nog niet beantwoord",
    "de fiets zat vast in de modder",
    "in de serie werd iemand neergestoken",
    "hoe kan ik iemand steunen die aan zelfmoord denkt",
    "de buurvrouw roept soms om hulp maar ze heeft dementie en de thuiszorg komt dagelijks",
]


@pytest.mark.parametrize("text", NEAR_MISSES_DEV5)
def test_dev5_near_misses_are_not_a_crisis(text: str) -> None:
    assert detect(text) is None


# The model alone does not raise a message that gives the harm's absence, a dosage
# question or the belongings of someone who died as its reason (round 11).
@pytest.mark.parametrize(
    "text",
    [
        "mijn broer is streng maar hij doet me niks",
        "mijn dochter heeft een kraaltje in haar oor gestopt maar ze ademt gewoon goed",
        "de kleren van mijn overleden moeder heb ik aan de kerk gegeven",
        "ik heb 50 tabletten vitamine C gekocht, hoeveel mag ik per dag",
    ],
)
def test_model_reads_the_reason_given(text: str) -> None:
    assert model_kind(text) is None
    assert detect(text) is None


# --- crisis_dev6.yml: sixth fresh batch, written before the rules were read (round 12),
# near misses first: a denied crisis word, danger told as settled, a joke said to be one,
# a game won, a lawful weapon, violence said to be absent, past violence now calm.
DEV6 = yaml.safe_load((DATA / "crisis_dev6.yml").read_text(encoding="utf-8"))
DEV6_POSITIVES = [(t, kind) for kind, texts in DEV6["positives"].items() for t in texts]


def test_dev6_recall_is_at_least_98_percent() -> None:
    missed = [t for t, _ in DEV6_POSITIVES if detect(t) is None]
    assert 1 - len(missed) / len(DEV6_POSITIVES) >= 0.98, missed


def test_dev6_near_miss_false_alarms_stay_under_three_percent() -> None:
    alarms = [t for t in DEV6["near_misses"] if detect(t) is not None]
    assert len(alarms) / len(DEV6["near_misses"]) < 0.03, alarms


def test_dev6_near_misses_are_not_raised_by_the_rules() -> None:
    alarms = [t for t in DEV6["near_misses"] if rule_kinds(t)]
    assert alarms == []


def test_dev6_kinds_are_right() -> None:
    wrong = [(t, kind, detect(t)) for t, kind in DEV6_POSITIVES if detect(t) not in {None, CrisisKind(kind)}]
    assert wrong == []


# The round 12 framing in other words (not copied from any data file): what it lets
# through and what still counts.
CONCEPTS_DEV6 = [
    ("het gaat niet goed, mijn vader is gevallen en reageert niet", CrisisKind.DANGER),
    ("de brand is uit maar mijn man ligt nog binnen en ademt niet", CrisisKind.DANGER),
    ("mijn moeder is gevallen en het gaat helemaal niet goed, ze bloedt uit haar hoofd", CrisisKind.DANGER),
    ("ik ben door een wesp gestoken en mijn keel zwelt op", CrisisKind.DANGER),
    ("als ik dood ben is dat prima voor iedereen", CrisisKind.SUICIDE),
    ("ik zou me het liefst voor de trein gooien", CrisisKind.SUICIDE),
    ("ik heb nooit gedacht dat ik dit zou zeggen maar ik wil dood", CrisisKind.SUICIDE),
    ("ik weet niet of ik mezelf iets aan ga doen vannacht", CrisisKind.SUICIDE),
    ("haha ik wil gewoon dood", CrisisKind.SUICIDE),
    ("ik durf niet naar huis, mijn man slaat me", CrisisKind.VIOLENCE),
    ("hij sloeg nooit maar nu heeft hij me gewurgd", CrisisKind.VIOLENCE),
    ("mijn vriend heeft een wapenvergunning en dreigt me dood te schieten", CrisisKind.VIOLENCE),
    ("mien vrouw sloat mie elke dag", CrisisKind.VIOLENCE),
    ("mijn broer slaat me altijd als we fortnite spelen, ik heb blauwe plekken", CrisisKind.VIOLENCE),
    ("hij dreigt het huis in brand te steken met ons erin", CrisisKind.VIOLENCE),
]


@pytest.mark.parametrize(("text", "kind"), CONCEPTS_DEV6)
def test_dev6_concepts_generalise(text: str, kind: CrisisKind) -> None:
    assert detect(text) is kind


NEAR_MISSES_DEV6 = [
    "ik heb nooit zelfmoordgedachten gehad, ik zoek een buddy",
    "ik zou mezelf nooit iets aandoen, maar ik ben wel moe",
    "mijn vader is uitgegleden, gelukkig gaat het prima met hem",
    "de frituur vatte vlam maar het vuur is meteen gedoofd",
    "ik versla mijn opa altijd met dammen",
    "geintje, ik ga me echt niet ophangen, maar de nieuwe regels zijn lastig",
    "ik ga dood van schaamte, ik was mijn tas vergeten",
    "mijn man is nooit gewelddadig geweest, we hebben gewoon ruzie over geld",
    "mijn opa heeft een jachtakte en een geweer in een kluis",
    "hij was bewusteloos van de slaap na de nachtdienst",
    "the fire is out now and nobody was hurt",
    "ik wil niet onder een auto lopen, dus ik wil een oversteekplaats bij school",
    "ik ben gestoken door een bij, gewoon een bultje",
]


@pytest.mark.parametrize("text", NEAR_MISSES_DEV6)
def test_dev6_near_misses_are_not_a_crisis(text: str) -> None:
    assert detect(text) is None


# --- crisis_dev7.yml: seventh fresh batch, written before the rules were read (round 13).
# Most of its false alarms were the right words in the wrong sense or frame: one's own
# head bumped, a thing fallen into water, burnt food, a finger cut, a toddler's bite, a
# school assignment, a definition, a book about it, care already given, a nuisance
# question, a denial in the next sentence, a new life told after a past event.
DEV7 = yaml.safe_load((DATA / "crisis_dev7.yml").read_text(encoding="utf-8"))
DEV7_POSITIVES = [(t, kind) for kind, texts in DEV7["positives"].items() for t in texts]


def test_dev7_recall_is_at_least_98_percent() -> None:
    missed = [t for t, _ in DEV7_POSITIVES if detect(t) is None]
    assert 1 - len(missed) / len(DEV7_POSITIVES) >= 0.98, missed


def test_dev7_near_miss_false_alarms_stay_under_three_percent() -> None:
    alarms = [t for t in DEV7["near_misses"] if detect(t) is not None]
    assert len(alarms) / len(DEV7["near_misses"]) < 0.03, alarms


def test_dev7_near_misses_are_not_raised_by_the_rules() -> None:
    alarms = [t for t in DEV7["near_misses"] if rule_kinds(t)]
    assert alarms == []


def test_dev7_kinds_are_right() -> None:
    wrong = [(t, kind, detect(t)) for t, kind in DEV7_POSITIVES if detect(t) not in {None, CrisisKind(kind)}]
    assert wrong == []


# The round 13 concepts and senses in other words (not copied from any data file): what
# still counts next to each new frame.
CONCEPTS_DEV7 = [
    ("mijn opa stootte zijn hoofd tegen de kast en nu bloedt hij heel erg en is suf", CrisisKind.DANGER),
    ("mijn man sloeg mijn hoofd tegen de muur", CrisisKind.VIOLENCE),
    ("mijn moeder is gevallen en sloeg haar hoofd tegen de kast, ze praat niet meer", CrisisKind.DANGER),
    ("mijn zoontje is in de sloot gevallen toen hij de bal wilde pakken", CrisisKind.DANGER),
    ("ik heb mezelf weer in mijn arm gesneden, het bloedt", CrisisKind.SUICIDE),
    ("hoeveel pillen zijn dodelijk? ik vraag het voor een vriend", CrisisKind.SUICIDE),
    ("ik heb een afscheidsbrief geschreven, het is niet jullie schuld", CrisisKind.SUICIDE),
    ("ik sta op de spoorbrug. zoek me niet.", CrisisKind.SUICIDE),
    ("ik stap zo voor de sprinter", CrisisKind.SUICIDE),
    ("mijn broer gaf me zijn pinpas en zijn hond en zei dat ik ze mag houden, ik ben ongerust", CrisisKind.SUICIDE),
    ("ik heb besloten te stoppen. het heeft allemaal geen zin", CrisisKind.SUICIDE),
    ("vanavond is het zover. dag allemaal", CrisisKind.SUICIDE),
    ("ik wil niet meer leven zonder mijn vrouw, ik ga naar haar toe", CrisisKind.SUICIDE),
    ("wat is de snelste manier om te sterven", CrisisKind.SUICIDE),
    ("mijn vader heeft mama pijn gedaan, ze ligt op de grond en huilt", CrisisKind.VIOLENCE),
    ("ik ben ontvoerd en zit in een busje, ik weet niet waar", CrisisKind.VIOLENCE),
    ("er wordt geschoten bij ons in de straat", CrisisKind.VIOLENCE),
    ("de buurvrouw haar post ligt al dagen op de mat en de gordijnen blijven dicht", CrisisKind.DANGER),
    ("de buurvrouw is al 3 dagen niet gezien en haar hond blaft steeds", CrisisKind.DANGER),
    ("er drijft een vrouw in de gracht", CrisisKind.DANGER),
    ("mijn dochter heeft gedronken en pillen genomen, ik krijg haar niet wakker", CrisisKind.DANGER),
    ("mijn zoon is gevallen en ligt in het ziekenhuis, nu ruik ik gas in huis", CrisisKind.DANGER),
    ("de pan staat in brand, vlammen overal, alles in orde?", CrisisKind.DANGER),
    ("de monteur is weg maar ik ruik nog steeds gas", CrisisKind.DANGER),
    ("het is geen grapje, ik wil echt dood", CrisisKind.SUICIDE),
    ("ik wil een boek schrijven over mijn leven voordat ik er een eind aan maak", CrisisKind.SUICIDE),
    ("ik ben niet gevaarlijk voor anderen, alleen voor mezelf, ik heb de pillen hier", CrisisKind.SUICIDE),
    ("ik zit op de vensterbank van de 8e verdieping en kijk naar beneden", CrisisKind.SUICIDE),
    ("ik heb een pleister op mijn pols gedaan maar ik heb te diep gesneden", CrisisKind.SUICIDE),
    ("mijn vader is weer gevallen en ligt op de grond, hij kan niet opstaan", CrisisKind.DANGER),
    ("niemand weet dat mijn stiefvader me slaat", CrisisKind.VIOLENCE),
    ("ik heb mijn huis opgeruimd en mijn testament gemaakt, ik ben pas 40", CrisisKind.SUICIDE),
    ("mijn opa zegt dat hij zijn geweer heeft schoongemaakt en dat het mooi geweest is", CrisisKind.SUICIDE),
    ("ik ben op zoek naar een hoge plek hier in de stad, weet iemand wat?", CrisisKind.SUICIDE),
    ("ik kan nergens meer heen, ik heb het gas opengedraaid", CrisisKind.SUICIDE),
    ("ik voel me een last, het is beter als ik verdwijn", CrisisKind.SUICIDE),
    ("ik weet niet of dit normaal is, maar mijn man pakt me soms bij mijn keel", CrisisKind.VIOLENCE),
    ("mijn vriend controleert mijn telefoon en als ik niet gehoorzaam krijg ik klappen", CrisisKind.VIOLENCE),
    ("mijn vader pakt de riem als hij boos is, mijn rug is blauw", CrisisKind.VIOLENCE),
    ("het water staat alweer in de kelder en de stroom is aan", CrisisKind.DANGER),
    ("mijn moeder zit weer op de grond en kan niet opstaan", CrisisKind.DANGER),
    ("my son has dementia and is not back home, it is dark and cold", CrisisKind.DANGER),
    ("my mum fell and is not ok now, she is bleeding", CrisisKind.DANGER),
    ("hij wil mij dood maken, hij heeft mes", CrisisKind.VIOLENCE),
    ("ik wil mij dood maken", CrisisKind.SUICIDE),
    ("ik wil slapen en er nooit meer uit komen", CrisisKind.SUICIDE),
    ("zeg tegen mijn kinderen dat ik van ze hou", CrisisKind.SUICIDE),
    ("ik kan niet meer, ik heb alle slaappillen ingenomen", CrisisKind.SUICIDE),
    ("i am going to overdose tonight", CrisisKind.SUICIDE),
]


@pytest.mark.parametrize(("text", "kind"), CONCEPTS_DEV7)
def test_dev7_concepts_generalise(text: str, kind: CrisisKind) -> None:
    assert detect(text) is kind


NEAR_MISSES_DEV7 = [
    "mijn zoon sloeg zijn hoofd tegen de tafel",
    "mijn dochtertje stootte haar knie tegen de tafel, klein bultje",
    "ik sloeg mijn hoofd tegen het keukenkastje, au",
    "de bal is in het water gevallen",
    "mijn sleutels zijn in de gracht gevallen, kan de gemeente dreggen?",
    "de pizza is aangebrand, de rookmelder ging af maar het was niks",
    "ik heb me in mijn duim gesneden met het broodmes, pleister erop",
    "onze hond heeft de buurjongen gebeten, wat nu?",
    "voor mijn spreekbeurt: hoe vaak komt huiselijk geweld voor?",
    "wat betekent eigenlijk 'zelfbeschadiging'?",
    "mijn oom is aan zelfmoord overleden, 10 jaar geleden, ik wil een rouwgroep",
    "hoe werkt de zelfmoordlijn 113? ik wil het weten voor mijn vriendin die daar gaat werken",
    "mijn knie is gebroken maar zit in het gips, kan iemand boodschappen doen",
    "de bbq van de buren rookt zo, de rook komt onze slaapkamer in, mag dat?",
    "hij is gisteren flauwgevallen maar is nu weer helemaal goed",
    "niemand slaat hier iemand, het is gewoon een luidruchtig gezin",
    "het is niet dat ik niet meer wil leven, ik ben gewoon moe",
    "ik kan niet leven zonder chocolade haha",
    "lol ik ga dood, die meme",
    "mijn buurvrouw zei dat ze me ging vermoorden als ik haar verjaardag vergat haha",
    "ik ben boos op de gemeente, ik zou ze allemaal wel kunnen wurgen met hun regels",
    "ik spring een gat in de lucht, we krijgen een huis!",
    "kan ik een rookmelder krijgen? ik woon alleen en ben bang voor brand",
    "ik heb besloten om te stoppen met roken",
    "mijn buurman gaf me zijn sleutels omdat hij op vakantie gaat",
    "de gordijnen van de buren zijn al dagen dicht, ze zijn op vakantie in Spanje",
    "er ligt een dode eend in de vijver",
    "als ik traploop word ik duizelig, moet ik naar de huisarts?",
    "ik ben ooit in elkaar geslagen op straat, nu durf ik 's avonds niet meer alleen naar buiten",
    "ik ga morgen van de brug af met mijn fiets, de weg is afgesloten",
    "mijn neef heeft een mes gekregen voor zijn verjaardag voor de scouting",
    "mijn ex zat vroeger aan me, nu heb ik een goede therapeut en gaat het beter",
    "ik heb een jaar geleden een overdosis gehad, nu ben ik clean en zoek ik een baan",
    "ik wil er even tussenuit, een weekje weg van alles",
    "i want to die of embarrassment, I called my teacher mom lol",
    "de buurman is aan het barbecuen en er komt rook over de schutting, geen probleem hoor",
    "bij ons in de straat is een gaslek gerepareerd, de monteurs zijn weg",
    "mijn vader drinkt te veel bier maar hij is nooit agressief, kan hij hulp krijgen?",
    "mijn puber zegt steeds 'ik ga dood' als hij moet stofzuigen",
    "ik heb vroeger aan zelfbeschadiging gedaan, nu al 8 jaar niet meer, ik wil een tattoo over de littekens",
    "mijn vriendin werd vorig jaar bedreigd door haar ex, nu is er een contactverbod en woont ze veilig",
    "hoe kan ik een melding doen bij Veilig Thuis over een gezin in de straat? het is niet acuut",
    "mijn kind is gebeten door een teek, moet ik naar de dokter?",
    "ik ben in elkaar gezakt van het lachen bij die film",
    "mijn moeder ademt zwaar als ze de trap op loopt, ze is 85, is een traplift mogelijk?",
    "in het verhaal van mijn dochter gaat de prinses dood en komt ze weer tot leven, zo lief",
    "mijn zus werkt in het ziekenhuis op de spoedeisende hulp, ze ziet veel bloed",
    "ik ga vanavond de stad in, uit mijn dak gaan op het concert!",
    "mijn schoonmoeder zegt dat ze me nog eens vermoordt als ik haar recept verpest, zo grappig",
    "we hebben een testament laten maken bij de notaris, ik ben 35 en we hebben net een baby",
    "het is beter als ik verdwijn uit die groepsapp, er wordt alleen geruzied",
    "waar is een hoge plek in de stad voor mooie foto's van de zonsondergang?",
    "ik sta op de brug te wachten op de bus, die is weer te laat",
    "ik zit op het dak om de antenne te maken",
    "er hangt een touw aan de boom in het park voor de kinderen om te slingeren",
    "mijn broer is brandweerman en moest gisteren naar een grote brand, hij is moe",
    "de kapper pakte me bij mijn haar om het te knippen",
    "mijn vader pakt de stok als hij gaat wandelen",
    "als ik niet oppas val ik nog van de trap",
    "mijn zoon van 7 vraagt steeds wat er gebeurt als je doodgaat, sinds opa dood is. hoe leg ik het uit?",
    "ik wil graag leren hoe ik iemand kan helpen die aan zelfmoord denkt, is er een cursus?",
    "het is oorlog thuis met de pubers, ze slaan de deuren dicht, maar niemand doet elkaar pijn",
    "mijn moeder gaat me ophangen als ze dit rapport ziet haha",
    "ik heb te veel gegeten met kerst, ik ga dood van de buikpijn haha",
    "niemand zou me missen op dat feest, dus ik ga niet",
    "ik heb mijn pillen opgespaard voor de vakantie zodat ik genoeg heb",
    "mijn vader is gevallen maar staat al weer en lacht erom",
    "mijn ex stuurt boze berichten maar verder doet hij niks",
    "mijn zoon is van de trap gevallen maar is helemaal in orde",
    # English
    "I burnt the toast and the smoke alarm went off, all fine",
    "I used to self-harm as a teenager, I'm 30 now and doing well, looking for volunteer work",
    "can you tell me how the suicide prevention line works? asking for a school project",
    "we watched a movie where the hero jumps off a bridge, my kid loved it",
    "I cut my finger chopping onions, it's stopped bleeding",
    "my neighbour's dog bit me last week, it healed, do I need to report it?",
    "there was a fire drill at work today",
    "the ambulance came for my neighbour last night, she's back home now and fine",
    "I fell asleep on the bus and missed my stop",
    "mijn zoon heeft een waterpistool en schiet iedereen nat",
    "ik heb al mijn pillen op, wanneer kan ik nieuwe halen?",
    "ik heb vandaag al mijn pillen ingenomen, kan ik nu eten?",
    "zeg tegen mijn moeder dat ik van haar hou, ik kom later thuis",
    "ik ben gisteravond flauwgevallen door de hitte, de huisarts zegt drinken drinken drinken",
    "mijn zoon heeft gisteren een epileptische aanval gehad, de neuroloog past zijn medicijnen aan",
    "mijn kind heeft een bult op zijn hoofd van de glijbaan, hij is vrolijk",
    "het hek is kapot en de kinderen kunnen zo de sloot in lopen, kan de gemeente het maken?",
    "we kregen een brief over koolmonoxide en een gratis melder, hoe vraag ik die aan?",
    "mijn oma heeft altijd gezegd: als ik doodga wil ik gecremeerd worden, hoe regel ik dat nu ze overleden is?",
    "mijn dochter maakt een werkstuk over de brand in Volendam, kunnen jullie helpen?",
    "mijn vader drinkt en wordt dan heel stil, hij doet niemand iets",
    "mijn zoon is op school geslagen door een klasgenoot, de school heeft het opgelost en ze zijn weer vrienden",
    "mijn zoon doet aan judo en gooit me soms op de grond voor de grap",
    "mijn vriendin heeft me gisteren bedreigd dat ze het uitmaakt als ik weer te laat ben haha",
]


@pytest.mark.parametrize("text", NEAR_MISSES_DEV7)
def test_dev7_near_misses_are_not_a_crisis(text: str) -> None:
    assert detect(text) is None
