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
