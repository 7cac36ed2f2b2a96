"""Whatever people type, the answer readers and detectors never crash."""

from __future__ import annotations

from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from nlu.answers import choose_option, detect_language, normalize_phone, parse_when, scale, yes_no
from nlu.control import detect_control, detect_social
from nlu.crisis import detect
from nlu.dates import AMSTERDAM

NOW = datetime(2026, 11, 18, 15, 0, tzinfo=AMSTERDAM)
texts = st.text(max_size=200)
options = st.lists(st.text(min_size=1, max_size=30), min_size=1, max_size=2)


@settings(max_examples=300, deadline=None)
@given(texts)
def test_readers_accept_any_text(text: str) -> None:
    assert yes_no(text) in {True, False, None}
    value = scale(text)
    assert value is None or 0 <= value <= 10
    assert detect_language(text) in {"nl", "en"}
    phone = normalize_phone(text)
    assert phone is None or phone.startswith("+")
    detect(text)
    detect_control(text)
    assert detect_social(text) in {"greeting", "thanks", None}


@settings(max_examples=200, deadline=None)
@given(texts, options)
def test_choice_is_an_index_or_none(text: str, opts: list[str]) -> None:
    chosen = choose_option(text, opts)
    assert chosen is None or 0 <= chosen < len(opts)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789 :./-", max_size=40))
def test_parse_when_gives_an_aware_time_or_none(text: str) -> None:
    result = parse_when(text, NOW)
    assert result is None or result.tzinfo is not None
