"""Crisis detection: every signal of acute need is caught, everyday idiom is not."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from nlu.api import CrisisKind
from nlu.crisis import detect

EVAL = yaml.safe_load((Path(__file__).parents[2] / "nlu" / "data" / "crisis_eval.yml").read_text())

SUICIDE = [
    "ik zie het niet meer zitten",
    "het hoeft voor mij niet meer",
    "ik wil er niet meer zijn",
    "ik wil dood",
    "ik maak er een eind aan",
    "zelfmoord",
    "zelfmoort",
    "ik wil nie meer leve",
    "I want to die",
    "i want to kill myself",
    "Ik Zie Het Niet Meer Zitten!!!",
    "kzie het nie meer zitten",
    "ik wil niet meer leven",
]
VIOLENCE = [
    "mijn man slaat me",
    "hij heeft me geslagen",
    "ik word mishandeld",
    "ik ben bang voor mijn partner",
    "hij dreigt me",
    "mijn vader slaat mij",
    "mijn zoon pakt mijn geld af en duwt me",
    "mn man slaat me",
    "ik ben verkracht",
    "my husband hits me",
]
DANGER = [
    "ik ben gevallen en kan niet opstaan",
    "ik krijg geen lucht",
    "pijn op de borst",
    "brand",
    "gas lucht",
    "hij is bewusteloos",
    "Help er is brand!",
    "ik ruik gas",
]
NEAR_MISSES = [
    "ik ga dood van de verveling",
    "ik ben doodmoe",
    "die rekeningen maken me kapot",
    "mijn man is vorig jaar overleden",
    "ik lach me dood",
    "de plantjes gaan dood",
    "ik val bijna om van de slaap",
    "mijn moeder is gevallen vorige maand en heeft nu hulp nodig",
    "ik heb geen zin meer in koken",
    "mijn brandmelder piept",
    "dat slaat nergens op",
    "ik wil stoppen met roken",
    "ik wil niet meer naar de dagbesteding",
]


@pytest.mark.parametrize("text", SUICIDE)
def test_suicidal_thoughts_are_caught(text: str) -> None:
    assert detect(text) is CrisisKind.SUICIDE


@pytest.mark.parametrize("text", VIOLENCE)
def test_violence_is_caught(text: str) -> None:
    assert detect(text) is CrisisKind.VIOLENCE


@pytest.mark.parametrize("text", DANGER)
def test_danger_is_caught(text: str) -> None:
    assert detect(text) is CrisisKind.DANGER


def test_too_many_pills_is_a_crisis() -> None:
    assert detect("ik heb te veel pillen genomen") in {CrisisKind.SUICIDE, CrisisKind.DANGER}


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_everyday_idiom_is_not_a_crisis(text: str) -> None:
    assert detect(text) is None


@pytest.mark.parametrize("text", [t for kind in EVAL["positives"].values() for t in kind])
def test_every_evaluation_positive_is_caught(text: str) -> None:
    assert detect(text) is not None


def test_near_miss_false_alarms_stay_under_five_percent() -> None:
    alarms = [t for t in EVAL["near_misses"] if detect(t) is not None]
    assert len(alarms) / len(EVAL["near_misses"]) < 0.05, alarms
