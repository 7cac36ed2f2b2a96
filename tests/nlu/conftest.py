"""Shared fixtures for the NLU tests: one model trained per session into a temp dir."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlu.classifier import TopicClassifier, load_or_train
from nlu.service import LocalNLU


@pytest.fixture(scope="session")
def model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("nlu-model")


@pytest.fixture(scope="session")
def classifier(model_dir: Path) -> TopicClassifier:
    return load_or_train(model_dir)


@pytest.fixture(scope="session")
def nlu(classifier: TopicClassifier) -> LocalNLU:
    return LocalNLU(classifier)
