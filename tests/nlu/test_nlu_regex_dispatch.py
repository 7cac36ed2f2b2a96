"""The first-character alternation matches exactly what the plain alternation matches."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from nlu.regex_dispatch import first_char_alternation, first_chars

ALTERNATIVES = [
    r"(?:wil|ga) dood\b",
    r"dood(?:gaan)?\b",
    r"(?:ik|hij) (?:\w+ ){0,2}(?:slaat|sloeg)\b",
    r"s(?:laat|loeg)\b",
    r"\w+ ligt op de grond\b",  # unknown first character: in every group
    r"[0-9]+ pillen\b",
    r"(?:heel )?erg\b",
    r"x?y\b",
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
            ]
        ),
        max_size=14,
    )
)
def test_same_matches_as_the_plain_alternation(words: list[str]) -> None:
    text = " ".join(words)
    plain = [m.span() for m in _plain().finditer(text)]
    for literal_groups in (False, True):
        fast = first_char_alternation(ALTERNATIVES, literal_groups=literal_groups)
        assert [m.span() for m in fast.finditer(text)] == plain


def test_literal_groups_drop_the_lookahead_only_where_every_branch_starts_with_it() -> None:
    known = [a for a in ALTERNATIVES if not a.startswith("\\w")]  # none in every group
    pattern = first_char_alternation(known, literal_groups=True).pattern
    assert "(?=s)" not in pattern, "'s(?:laat|loeg)' starts with a plain s"
    assert "(?=d)" not in pattern
    assert "(?=w)" in pattern, "'(?:wil|ga) dood' starts with a group"
    assert "(?=y)" in pattern, "'x?y' starts with a repeat"
