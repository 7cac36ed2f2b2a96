"""Phrases after which the dialog asks about safety, and where they do not count."""

from __future__ import annotations

import pytest

from nlu.api import CrisisKind
from nlu.crisis import DOUBT_FROM, THRESHOLD, model_doubt
from nlu.crisis_doubt import doubt, lean


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("ik kan niet meer", CrisisKind.SUICIDE),
        ("Ik ben op.", CrisisKind.SUICIDE),
        ("ik werk de hele dag en ik kan het niet meer", CrisisKind.SUICIDE),
        ("ik red het echt niet meer", CrisisKind.SUICIDE),
        ("I can't do this anymore", CrisisKind.SUICIDE),
        ("mijn man wordt soms zo boos op mij", CrisisKind.VIOLENCE),
        ("he gets so angry with me", CrisisKind.VIOLENCE),
        ("ik voel me helemaal niet goed", CrisisKind.DANGER),
        ("I feel really unwell", CrisisKind.DANGER),
    ],
)
def test_a_phrase_that_may_hide_a_crisis_is_a_doubt(text: str, kind: CrisisKind) -> None:
    assert doubt(text) is kind


@pytest.mark.parametrize(
    "text",
    [
        "ik kan niet meer lopen",
        "ik ben op de markt",
        "ik kan niet meer naar de winkel, wie doet mijn boodschappen",
        "mijn buurman wordt boos als ik mijn auto voor zijn deur zet",
        "ik voel me goed",
        "kan iemand mijn lamp ophangen",
        "",
    ],
)
def test_the_same_words_with_more_to_say_are_no_doubt(text: str) -> None:
    assert doubt(text) is None


def test_the_band_lies_under_the_threshold() -> None:
    assert 0 < DOUBT_FROM < THRESHOLD


def test_a_relief_answer_never_leans() -> None:
    # The model reads "dan ben ik ..." answers as leaving; for a relief question it may not.
    text = "dan ben ik er eindelijk vanaf"
    assert lean(text, relief_answer=True) is None
    assert lean(text) is model_doubt(text)


def test_a_message_the_rules_call_a_crisis_is_no_doubt() -> None:
    assert model_doubt("ik wil niet meer leven") is None
    assert model_doubt("kan iemand mijn lamp ophangen") is None
