"""Crisis detection, round 16: the model trained on every batch, judged leave-one-batch-out.

The old held-out batches were retired into the model's training data
(``crisis_retired*.yml``); ``benchmarks/crisis_lobo.py`` scores each batch with a model
trained on all the others. These tests check the LOBO machinery on a tiny set, that the
retired batches are training data (and nothing still held out is), and that ordinary
messages the model never saw stay clearly under its threshold. The held-out sets are not
read here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from benchmarks.crisis_lobo import RETIRED_BATCHES, Scored, lobo, ordinary_texts, pooled, verdict
from nlu import crisis_model
from nlu.api import CrisisKind
from nlu.crisis import detect, model_reading, rule_kinds

DATA = Path(__file__).parents[2] / "nlu" / "data"
#: How far under its threshold the model keeps every ordinary message it never saw.
MARGIN = 0.03


def _batch(path: Path, suicide: list[str], violence: list[str], near: list[str]) -> Path:
    doc = {"version": "1", "positives": {"suicide": suicide, "violence": violence, "danger": []}, "near_misses": near}
    path.write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def tiny_batches(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ...]:
    # Sentences written for this test, in no data file (nlu.yml is always trained on).
    d = tmp_path_factory.mktemp("lobo")
    return (
        _batch(d / "a.yml", ["ik wil echt niet meer leven, ik ben op"], ["mijn vent slaat me als hij gedronken heeft"], ["ik wil een nieuwe fiets kopen"]),
        _batch(d / "b.yml", ["ik ga er vannacht een einde aan maken, sorry"], ["hij dreigt me vanavond te vermoorden"], ["de fiets van mijn buurman is stuk"]),
        _batch(d / "c.yml", ["ik heb al mijn pillen gespaard om ermee te stoppen"], [], ["mijn oma wordt morgen negentig"]),
    )


def test_lobo_scores_each_batch_with_a_model_that_never_saw_it(tiny_batches: tuple[Path, ...]) -> None:
    seen: list[set[str]] = []

    def train(data: tuple[list[str], list[str]]) -> crisis_model.CrisisModel:
        seen.append(set(data[0]))
        return crisis_model.CrisisModel.train(data=data)

    scored = lobo(tiny_batches, train)
    assert list(scored) == ["a.yml", "b.yml", "c.yml"]
    for batch, training in zip(tiny_batches, seen):
        own = set(crisis_model.batch_texts(batch)[0])
        others = {t for p in tiny_batches if p != batch for t in crisis_model.batch_texts(p)[0]}
        assert not own & training, "the held batch is not in its model's training data"
        assert others <= training, "every other batch is"
    assert [s.gold for s in scored["c.yml"]] == ["suicide", "none"]


def test_pooled_counts_rules_model_and_wrong_kinds() -> None:
    rows = [
        Scored("a", "suicide", "suicide", None),  # rules catch it
        Scored("b", "suicide", None, (0.9, "suicide")),  # the model does
        Scored("c", "violence", None, (0.9, "danger")),  # the model, wrong kind
        Scored("d", "danger", None, (0.5, "danger")),  # missed
        Scored("e", "none", "violence", None),  # a rule false alarm
        Scored("f", "none", None, (0.85, "suicide")),  # a model false alarm at 0.8 only
    ]
    pool = pooled(rows, 0.8)
    assert (pool.positives, pool.caught_rules, pool.caught, pool.wrong_kind) == (4, 1, 3, 1)
    assert (pool.near_misses, pool.alarms_rules, pool.alarms) == (2, 1, 2)
    assert pooled(rows, {"suicide": 0.95, "violence": 0.8, "danger": 0.8}).alarms == 1
    assert verdict(rows[3], 0.4) == "danger"


def test_every_batch_but_the_held_out_ones_is_training_data() -> None:
    batches = {p.name for p in DATA.glob("crisis_*.yml") if "hold" + "out" not in p.name}
    assert {p.name for p in crisis_model.TRAINING_SETS} == batches
    assert not [p for p in crisis_model.TRAINING_SETS if "hold" + "out" in p.name]


@pytest.mark.parametrize("path", RETIRED_BATCHES, ids=lambda p: p.name)
def test_retired_batches_are_in_the_model_training_texts(path: Path) -> None:
    texts, labels = crisis_model.training_texts()
    pairs = set(zip(texts, labels))
    own = crisis_model.batch_texts(path)
    assert path.exists() and own[0]
    assert set(zip(*own)) <= pairs


def test_retired_files_say_what_they_are() -> None:
    for path in RETIRED_BATCHES:
        head = path.read_text(encoding="utf-8").splitlines()[0]
        assert head.startswith("# RETIRED held-out batch") and "round 16" in path.read_text(encoding="utf-8")[:400]


def _close_to_threshold(texts: list[str], margin: float) -> list[tuple[float, str, str]]:
    close = []
    for text in texts:
        if rule_kinds(text):
            continue
        reading = model_reading(text)
        if reading is not None and reading[0] >= crisis_model.THRESHOLD - margin:
            close.append((round(reading[0], 3), reading[1].value, text))
    return sorted(close, reverse=True)


def test_dialog_script_answers_stay_clearly_under_the_model_threshold() -> None:
    """Answers from the dialog test scripts (never in the model's training data): where the
    rules find nothing, the model stays at least MARGIN under its threshold."""
    said = ordinary_texts()["dialog scripts"]
    assert len(said) > 300
    assert _close_to_threshold(said, MARGIN) == []


def test_topic_messages_the_model_raises_stay_few() -> None:
    """topic_eval.yml and topic_dev.yml (never trained on): the round-16 model raises three
    of 606 on its own (a gutter overflowing, a confused neighbour, "ik heb niemand meer");
    a change that raises more ordinary messages must say so here."""
    texts = ordinary_texts()
    topics = texts["topic_eval.yml"] + texts["topic_dev.yml"]
    assert len(topics) > 600
    assert len(_close_to_threshold(topics, 0.0)) <= 3


def test_dialog_script_answers_raise_no_crisis() -> None:
    said = ordinary_texts()["dialog scripts"]
    assert "my niece drives me now" in said
    assert [t for t in said if detect(t) is not None] == []


def test_the_model_still_catches_what_the_rules_do_not_know() -> None:
    # Written for this round, in none of the data files: a farewell with a plan.
    text = "ik heb mijn zus mijn sieraden gegeven, na zaterdag hoeft niemand meer op mij te wachten"
    reading = model_reading(text)
    assert reading is not None and reading[1] is CrisisKind.SUICIDE
    assert detect(text) is CrisisKind.SUICIDE
