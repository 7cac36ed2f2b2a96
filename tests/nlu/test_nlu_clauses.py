"""Clauses that are only a greeting or thanks name no need and are not scored."""

from __future__ import annotations

import pytest

from nlu.classifier import split_clauses


@pytest.mark.parametrize(
    ("text", "left_out"),
    [
        ("hi there, can somebody help me with the garden", "hi there"),
        ("Goedemorgen allemaal. Wie kan mijn ramen lappen?", "goedemorgen allemaal"),
        ("wie kan mij naar de tandarts brengen, alvast bedankt", "alvast bedankt"),
    ],
)
def test_a_greeting_or_thanks_clause_is_left_out(text: str, left_out: str) -> None:
    clauses = split_clauses(text)
    assert left_out not in clauses
    assert len(clauses) == 1


def test_clauses_with_a_need_stay() -> None:
    assert len(split_clauses("ik heb hulp nodig met de boodschappen en ik voel me alleen")) == 2
