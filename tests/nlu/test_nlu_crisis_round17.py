"""Crisis detection, round 17: a new writer's training batch, and where "Not sure: ask" starts.

``crisis_train7.yml`` (written by someone who read only the taxonomy) is a training batch of
the crisis model and, in ``benchmarks/crisis_lobo.py``, the "fresh" pool. The band from
which the model's doubt gets the safety question was measured leave-one-batch-out
(``benchmarks/crisis_doubt_lobo.py``). The held-out sets are not read here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from benchmarks.crisis_doubt_lobo import asked
from benchmarks.crisis_lobo import FRESH_BATCHES, Scored
from nlu import crisis_model
from nlu.api import CrisisKind
from nlu.crisis import DOUBT_FROM, THRESHOLD, detect, model_doubt, model_reading, rule_kinds
from nlu.text import normalize
from nlu.training_data import load_examples

DATA = Path(__file__).parents[2] / "nlu" / "data"
TRAIN7 = DATA / "crisis_train7.yml"


def test_the_new_writers_batch_is_training_data_and_a_fresh_lobo_pool() -> None:
    assert TRAIN7 in crisis_model.TRAINING_SETS
    assert TRAIN7 in FRESH_BATCHES
    texts, labels = crisis_model.training_texts()
    own = crisis_model.batch_texts(TRAIN7)
    assert len(own[0]) > 500
    assert set(zip(*own)) <= set(zip(texts, labels))


def test_no_line_of_the_new_batch_is_already_in_the_data() -> None:
    """Exact duplicates (after normalising) were left out when the batch was folded in."""
    other: set[str] = set()
    for path in crisis_model.TRAINING_SETS:
        if path != TRAIN7:
            other |= {normalize(t) for t in crisis_model.batch_texts(path)[0]}
    other |= {normalize(e.text) for e in load_examples(topics_only=False)}
    own = [normalize(t) for t in crisis_model.batch_texts(TRAIN7)[0]]
    assert len(own) == len(set(own))
    assert [t for t in own if t in other] == []


def test_the_batch_says_what_was_left_out() -> None:
    head = TRAIN7.read_text(encoding="utf-8")[:800]
    assert "round 17" in head and "duplicates" in head and "dispute" in head
    doc = yaml.safe_load(TRAIN7.read_text(encoding="utf-8"))
    assert set(doc["positives"]) == {"suicide", "violence", "danger"}


def test_asked_counts_the_quiet_texts_a_phrase_or_the_band_would_ask_about() -> None:
    rows = [
        Scored("ik wil dood", "suicide", "suicide", None),  # caught by the rules: never asked
        Scored("alles is zwart vandaag", "suicide", None, (0.9, "suicide")),  # caught by the model
        Scored("alles is zo zwart", "suicide", None, (0.66, "suicide")),  # in a band from 0.65
        Scored("ik kan niet meer", "suicide", None, (0.2, "suicide")),  # a phrase
        Scored("het is stil in huis", "suicide", None, (0.3, "suicide")),  # missed, not asked
        Scored("de kachel is stuk", "none", None, (0.62, "danger")),  # a look-alike, band from 0.6
    ]
    crises = asked(rows, 0.65, gold="crisis")
    assert (crises.total, crises.quiet, crises.phrase, crises.band, crises.either) == (5, 3, 1, 1, 2)
    assert asked(rows, 0.65, gold="none").band == 0
    assert asked(rows, 0.6, gold="none").band == 1


def test_the_band_starts_where_round_17_measured_it() -> None:
    # benchmarks/crisis_doubt_lobo.py: the widest start that keeps look-alikes asked under
    # 3 % in every pool and adds at most 1 % of ordinary first messages (nlu/crisis_doubt.py).
    assert DOUBT_FROM == pytest.approx(0.65)
    assert DOUBT_FROM < THRESHOLD


@pytest.mark.parametrize(
    "text",
    [
        "mijn moeder is sinds de verhuizing zo stil, ze komt niet meer buiten",
        "ik heb niemand meer sinds mijn vrouw is overleden",
        "mijn buurman heeft geen familie en ik ben bang dat hij het niet redt",
        "ik voel me zo leeg en alleen, alles is zwart",
        "kan iemand mijn lamp ophangen",
    ],
)
def test_the_model_leans_exactly_in_the_band(text: str) -> None:
    reading = model_reading(text)
    in_band = reading is not None and not rule_kinds(text) and DOUBT_FROM <= reading[0] < THRESHOLD
    assert (model_doubt(text) is not None) == in_band


# Probes of earlier rounds that sat at the model's threshold, kept by readings the rules
# and the model's framing give generally; and their everyday counterparts.
def test_a_threat_that_one_will_not_leave_alive_is_violence() -> None:
    assert rule_kinds("hij zegt dat ik hier niet levend uitkom") == (CrisisKind.VIOLENCE,)
    assert rule_kinds("ik kom hier niet levend uit, zo druk op het werk") == ()


def test_wanting_to_end_it_with_death_in_the_message_is_suicide() -> None:
    assert detect("ik voel me al dood vanbinnen, ik wil het afmaken") is CrisisKind.SUICIDE
    assert rule_kinds("ik wil het afmaken, de puzzel is bijna klaar") == ()


def test_nobody_misses_me_as_the_last_words_is_suicide_but_not_at_the_club() -> None:
    assert detect("ik zit hier al weken alleen en niemand mist me") is CrisisKind.SUICIDE
    assert rule_kinds("niemand mist mij op de soos als ik een keer niet kom") == ()


def test_a_fire_where_fire_belongs_is_not_the_models_danger() -> None:
    assert model_reading("de open haard brandt lekker, kom gezellig langs") is None
    assert model_reading("de vuurkorf brandt en de rook trekt de kamer in") is not None


def test_a_named_burden_is_not_the_models_suicide() -> None:
    assert model_reading("ik zie het niet meer zitten met de post van de belasting") is None
    assert detect("ik zie het niet meer zitten met dit leven") is CrisisKind.SUICIDE


def test_a_phone_off_on_a_flight_is_not_the_models_farewell() -> None:
    said = "mijn dochter appte 'love you mam' vanuit het vliegtuig en nu staat haar telefoon uit want ze vliegt"
    assert model_reading(said) is None
    assert detect("mijn zoon appte 'ik hou van je' en nu neemt hij niet meer op, hij had het zo zwaar") is CrisisKind.SUICIDE
