"""Crisis detection generalises beyond the phrases it was tuned on.

Gated on ``crisis_dev.yml`` (fresh messages the rules were iterated on) and on
structural cases: spelling variants, word order, third persons, other languages.
The held-out crisis set is deliberately NOT used here; only ``voordeur nlu evaluate``
reports on it, so it stays an honest measurement.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from nlu.api import CrisisKind
from nlu.crisis import clean, clear_cache, detect, model_kind, rule_kinds
from nlu.crisis_model import has_danger_vocabulary
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


def test_holdout_is_not_read_by_ci_tests() -> None:
    here = Path(__file__).parent
    holdout = "crisis_" + "holdout"
    users = [p.name for p in here.rglob("*.py") if holdout in p.read_text(encoding="utf-8")]
    assert users == []


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


def test_model_needs_danger_vocabulary() -> None:
    assert not has_danger_vocabulary(clean("ik denk dat ik mezelf een cadeautje ga geven"))
    assert model_kind("ik denk dat ik mezelf een cadeautje ga geven") is None


def test_model_catches_what_rules_miss() -> None:
    text = "ik wil het einde"
    assert rule_kinds(text) == ()
    assert detect(text) is not None


def test_detect_is_fast() -> None:
    texts = [t for t, _ in DEV_POSITIVES] + list(DEV["near_misses"])
    for t in texts:
        detect(t)  # warm the model
    timings = []
    for t in texts:
        best = float("inf")
        for _ in range(3):
            normalize.cache_clear()
            crisis_normalize.cache_clear()
            clear_cache()
            started = time.perf_counter()
            detect(t)
            best = min(best, time.perf_counter() - started)
        timings.append(best * 1000)
    timings.sort()
    assert timings[int(len(timings) * 0.99)] < 1.0


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
