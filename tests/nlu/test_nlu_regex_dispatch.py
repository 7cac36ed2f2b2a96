"""The first-character alternation matches exactly what the plain alternation matches."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from nlu.regex_dispatch import (
    NO_MATCH,
    compile_words,
    derivative,
    first_char_alternation,
    first_chars,
)

ALTERNATIVES = [
    r"(?:wil|ga) dood\b",
    r"dood(?:gaan)?\b",
    r"(?:ik|hij) (?:\w+ ){0,2}(?:slaat|sloeg)\b",
    r"s(?:laat|loeg)\b",
    r"\w+ ligt op de grond\b",  # unknown first character: in every group
    r"[0-9]+ pillen\b",
    r"(?:heel )?erg\b",
    r"x?y\b",
    # what the derivatives read: optional and nested groups, empty branches, a
    # lookbehind or boundary in front, \w* and \d+, two alternatives in one
    r"(?:(?:mijn |m )?(?:zoon|zus)|)\b(?:slaat|ligt)\b",
    r"(?<!niet )(?<!\bik )\bdood\b(?! gaan)",
    r"\w*slaat\w*",
    r"\d+ (?:pillen|keer)",
    r"ik ga\b|hij ligt",
    r"\bo(?:ma|pa)?\b",
    r"\u20ac ?\d",
]


def _plain() -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(f"(?:{a})" for a in ALTERNATIVES) + ")")


def test_first_characters_are_read_from_the_pattern() -> None:
    assert first_chars(r"(?:wil|ga) dood") == frozenset("wg")
    assert first_chars(r"(?:heel )?erg") == frozenset("he")
    assert first_chars(r"[0-9]+ x") == frozenset("0123456789")
    assert first_chars(r"\w+ ligt") is None
    assert first_chars(r"(?:a)?") is None, "can match nothing"


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "ik",
                "hij",
                "wil",
                "ga",
                "dood",
                "doodgaan",
                "slaat",
                "sloeg",
                "heel",
                "erg",
                "12",
                "pillen",
                "ligt",
                "op",
                "de",
                "grond",
                "oma",
                "y",
                "xy",
                "zo",
                "mijn",
                "m",
                "zoon",
                "zus",
                "niet",
                "gaan",
                "oma",
                "o",
                "opa",
                "uitslaat",
                "3",
                "keer",
                "\u20ac",
                "\u20ac5",
            ]
        ),
        max_size=14,
    )
)
def test_same_matches_as_the_plain_alternation(words: list[str]) -> None:
    text = " ".join(words)
    plain = [m.span() for m in _plain().finditer(text)]
    fast = first_char_alternation(ALTERNATIVES)
    assert [m.span() for m in fast.finditer(text)] == plain
    at_words = "|".join(rf"\b{a}" for a in ALTERNATIVES)
    assert [m.span() for m in compile_words(at_words).finditer(text)] == [
        m.span() for m in re.finditer(at_words, text)
    ]
    for start in range(len(text)):  # from any position, as findall(text, pos) starts
        assert _span(fast.search(text, start)) == _span(_plain().search(text, start))


def _span(m: re.Match[str] | None) -> tuple[int, int] | None:
    return None if m is None else m.span()


def test_groups_start_with_their_character_where_the_pattern_can_be_read() -> None:
    pattern = first_char_alternation(ALTERNATIVES).pattern
    assert "(?=s)" not in pattern, "'s(?:laat|loeg)' starts with a plain s"
    assert "(?=w)" not in pattern, "'(?:wil|ga) dood' is read as 'w(?:il) dood'"
    assert "|w(?:(?:il) dood\\b|" in pattern
    assert "(?=y)" in pattern, "'x?y' starts with a repeat: behind a lookahead"
    assert "(?=0)" in pattern, "'[0-9]+' is a class: behind a lookahead"


def test_a_lookbehind_in_front_is_checked_after_the_first_character() -> None:
    assert derivative(r"(?<!niet )dood", "d") == "(?<!(?:niet )d)ood"
    assert derivative(r"\bdood", "d") == r"(?<!\wd)ood"
    assert derivative(r"(?:mijn )?zus", "z") == "us"
    assert derivative(r"(?:mijn )?zus", "m") == "(?:ijn )zus"
    assert derivative(r"\w*x", "x") == r"(?:\w*x|)"
    assert derivative(r"dood", "x") is NO_MATCH
    assert derivative(r"[a-z]+", "a") is None, "classes are not read"


def test_compile_words_rewrites_only_alternatives_that_all_start_at_a_boundary() -> None:
    assert compile_words(r"\bdood\b|\bsterven\b").pattern.startswith(r"\b(?:d(?:")
    assert compile_words(r"\bdood\b|sterven").pattern == r"\bdood\b|sterven"
    assert compile_words(r"\b(?:dood|sterven)\b").pattern.startswith(r"\b(?:d(?:")
    one_unreadable = r"\b(?:[0-9]+ pillen|dood)\b"
    assert compile_words(one_unreadable).pattern == one_unreadable, "a lookahead: kept"
