"""Saved models: they predict exactly as trained, and loading them keeps scikit-learn out.

The server loads both models (topics and crisis) from files of plain arrays; scikit-learn
and scipy, about 90 MB of memory, are only needed to train them.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from nlu import crisis_model
from nlu.classifier import MODEL_FILE, MODEL_VERSION, TopicClassifier, load_or_train
from nlu.crisis import clean
from nlu.model_io import read_model, write_model
from nlu.training_data import load_examples

ROOT = Path(__file__).resolve().parents[2]


def test_saved_topic_model_predicts_exactly_as_trained(tmp_path: Path) -> None:
    examples = load_examples()
    trained = TopicClassifier.train(examples, data_hash="h")
    trained.save(tmp_path)
    loaded = TopicClassifier.load(tmp_path)
    assert loaded is not None and loaded is not trained
    assert (loaded.classes, loaded.settings, loaded.data_hash) == (
        trained.classes,
        trained.settings,
        trained.data_hash,
    )
    assert loaded.scorer.char_vocab == trained.scorer.char_vocab
    assert loaded.scorer.word_vocab == trained.scorer.word_vocab
    assert (loaded.vocabulary, loaded.grams) == (trained.vocabulary, trained.grams)
    for e in examples:
        want, got = trained.probabilities(e.text), loaded.probabilities(e.text)
        assert want.keys() == got.keys()
        assert max(abs(want[c] - got[c]) for c in want) <= 1e-9, e.text


def test_saved_crisis_model_predicts_exactly_as_trained(tmp_path: Path) -> None:
    trained = crisis_model.CrisisModel.train()
    path = tmp_path / crisis_model.MODEL_FILE
    trained.save(path, "fp")
    loaded = crisis_model.CrisisModel.load(path, "fp")
    assert loaded is not None
    assert crisis_model.CrisisModel.load(path, "other data") is None, "stale: retrain"
    texts, _ = crisis_model.training_texts()
    for text in texts:
        t = clean(text)
        assert np.allclose(trained.proba(t), loaded.proba(t), rtol=0, atol=1e-9), text


def test_loading_and_parsing_imports_neither_sklearn_nor_scipy(tmp_path: Path) -> None:
    """Even when the models are missing: they are trained in a child process."""
    script = (
        "import json, sys\n"
        "from nlu.service import load_understander\n"
        "nlu = load_understander(model_dir=sys.argv[1])\n"
        "u = nlu.understand('ik heb schulden en ik wil niet meer leven')\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in {'sklearn', 'scipy'})\n"
        "print(json.dumps({'topics': [t.id for t in u.topics], 'heavy': heavy}))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["topics"][:2] == ["crisis", "money"]
    assert result["heavy"] == []
    assert (tmp_path / MODEL_FILE).exists() and (tmp_path / crisis_model.MODEL_FILE).exists()


def test_model_of_another_version_is_rebuilt_with_a_message(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    write_model(tmp_path / MODEL_FILE, {"version": "tfidf-lex-ovr-1"}, {})
    with caplog.at_level(logging.WARNING):
        assert TopicClassifier.load(tmp_path) is None
    assert "version 'tfidf-lex-ovr-1', this code needs" in caplog.text
    load_or_train(tmp_path)
    saved = read_model(tmp_path / MODEL_FILE, MODEL_VERSION)
    assert saved is not None and saved[0]["version"] == MODEL_VERSION


def test_old_pickled_model_is_ignored_with_a_message(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "topic_model.pkl").write_bytes(b"\x80\x05garbage that must never be unpickled")
    with caplog.at_level(logging.WARNING):
        assert TopicClassifier.load(tmp_path) is None
    assert "no longer read" in caplog.text


def test_unreadable_model_is_rebuilt(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / MODEL_FILE).write_bytes(b"not a zip file")
    with caplog.at_level(logging.WARNING):
        assert TopicClassifier.load(tmp_path) is None
    assert "cannot read NLU model" in caplog.text
    assert load_or_train(tmp_path).predict("wie doet mijn boodschappen")[0].id == "groceries"
