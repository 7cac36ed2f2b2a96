"""Fixtures for the dialog tests: loaded dialogs, the engine, a small understander.

The engine tests use a tiny keyword understander so they stay fast and independent of
the NLU model; the script tests use the real ``LocalNLU`` when it is available.
"""

from __future__ import annotations

import re

import pytest

from config.profile import load_profile
from dialogs.engine import Engine
from dialogs.loader import load_dialogs
from nlu.answers import detect_language
from nlu.api import TopicScore, Understanding
from nlu.control import detect_control, detect_social
from nlu.crisis import detect
from nlu.crisis_doubt import doubt, lean

_KEYWORDS = {
    "household": r"schoonma|huishoud|poetsen|stofzuig|clean|housework",
    "groceries": r"boodschap|shopping|groceries",
    "transport": r"vervoer|ziekenhuis|rijden|lift\b|transport|hospital",
    "odd_jobs": r"klus|lamp|tuin|repair",
    "money": r"brief|schuld|rekening|geld|formulier|letter|debt|bill",
    "loneliness": r"alleen|eenzaam|niemand|nooit meer iemand|bezoek|lonely|nobody|visit",
    "caregiver": r"mantelzorg|zorg voor mijn|mijn man is ziek|carer|caring for",
    "health": r"dokter|gezondheid|vergeet|gevallen|doctor",
    "volunteer_offer": r"vrijwilliger worden|wil helpen|help graag|volunteer",
    "worry_other": r"zorgen om|buurman|buurvrouw|worried about",
}


class KeywordNLU:
    """A small stand-in for the NLU in unit tests: keyword topics, real detectors."""

    def understand(
        self, text: str, language_hint: str | None = None, *, relief_answer: bool = False
    ) -> Understanding:
        low = text.lower()
        topics = tuple(TopicScore(t, 0.9) for t, rx in _KEYWORDS.items() if re.search(rx, low))
        crisis, control, social = detect(text), detect_control(text), detect_social(text)
        quiet = crisis is None and control is None and social is None
        return Understanding(
            text=text,
            language=detect_language(text),
            topics=topics,
            crisis=crisis,
            control=control,
            social=social,
            crisis_doubt=doubt(text) if quiet else None,
            crisis_lean=lean(text, relief_answer=relief_answer) if quiet else None,
        )


@pytest.fixture(scope="session")
def profile():
    return load_profile()


@pytest.fixture(scope="session")
def dialogs():
    return load_dialogs()


@pytest.fixture(scope="session")
def engine(dialogs, profile):
    return Engine(dialogs, profile)


@pytest.fixture()
def nlu():
    return KeywordNLU()
