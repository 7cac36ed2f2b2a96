"""SMS stays in GSM-7 and one segment where possible."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from handlers.gsm7 import (
    GSM7_BASIC,
    GSM7_EXTENSION,
    is_gsm7,
    segments,
    septets,
    split_sms,
    to_gsm7,
)


@pytest.mark.parametrize(
    ("raw", "plain"),
    [
        ("financiële", "financiele"),
        ("ruïne", "ruine"),
        ("á í ó ú â ê ô û", "a i o u a e o u"),
        ("“Ja” en ‘nee’", "\"Ja\" en 'nee'"),
        ("9–17 uur — ook", "9-17 uur - ook"),
        ("Even wachten…", "Even wachten..."),
        ("tot\u00a0ziens", "tot ziens"),
        ("Dank je 😊", "Dank je"),
        ("Fijn 👍🏽 dat u schrijft", "Fijn dat u schrijft"),
        ("façade", "facade"),
        ("½ uur", "1/2 uur"),
        ("ĳs", "ijs"),
    ],
)
def test_characters_outside_gsm7_get_plain_forms(raw: str, plain: str) -> None:
    assert to_gsm7(raw) == plain
    assert is_gsm7(to_gsm7(raw))


def test_characters_in_gsm7_stay() -> None:
    text = "café, è, à, ä, ö, ü, ñ, Ç, É, Ø, Å, ß, €5 [x] {y} ~ ^ \\ |"
    assert to_gsm7(text) == text


def test_decomposed_accents_are_recomposed_first() -> None:
    assert to_gsm7("cafe\u0301") == "café"


def test_extension_characters_count_double() -> None:
    assert septets("abc") == 3
    assert septets("€") == 2
    assert septets("[]{}~^\\|") == 16


def test_septets_refuses_non_gsm7() -> None:
    with pytest.raises(ValueError):
        septets("ë")


def test_segment_counts_gsm7() -> None:
    assert segments("") == 1
    assert segments("a" * 160) == 1
    assert segments("a" * 161) == 2
    assert segments("a" * 306) == 2
    assert segments("a" * 307) == 3
    assert segments("€" * 80) == 1
    assert segments("€" * 81) == 2


def test_escape_pair_is_not_split_across_segments() -> None:
    # 152 septets then a euro sign (2): does not fit in the first 153, moves whole.
    assert segments("a" * 152 + "€" + "a" * 151) == 2
    assert segments("a" * 152 + "€" + "a" * 152) == 3


def test_segment_counts_ucs2() -> None:
    assert segments("ë" * 70) == 1
    assert segments("ë" * 71) == 2
    assert segments("ë" * 134) == 2
    assert segments("ë" * 135) == 3


def test_one_umlaut_makes_three_segments_and_rendering_makes_one() -> None:
    text = (
        "U vroeg naar hulp bij financiële zaken. Wij kunnen samen kijken "
        "wat u zelf kunt doen en wie u daarbij kan helpen. Wilt u dat we dat doen?"
    )
    assert 130 < len(text) <= 160
    assert segments(text) == 3
    assert segments(to_gsm7(text)) == 1


def test_short_text_is_not_split() -> None:
    assert split_sms("Hallo. Hoe gaat het?") == ["Hallo. Hoe gaat het?"]


def test_long_text_splits_at_sentence_boundaries() -> None:
    sentences = [f"Dit is zin nummer {i} van een lange uitleg." for i in range(12)]
    parts = split_sms(" ".join(sentences))
    assert len(parts) > 1
    for part in parts:
        assert septets(part) <= 160
        assert part.endswith(".")
    assert " ".join(parts) == " ".join(sentences)


def test_overlong_sentence_splits_between_words() -> None:
    text = " ".join(["woord"] * 80)
    parts = split_sms(text)
    assert all(septets(p) <= 160 for p in parts)
    assert " ".join(parts) == text


def test_overlong_word_is_kept_whole() -> None:
    link = "https://voordeur.example/" + "x" * 200
    parts = split_sms(f"Kijk hier: {link} en bel ons.")
    assert link in parts


def test_line_breaks_inside_a_part_are_kept() -> None:
    text = "Eerste regel.\nTweede regel."
    assert split_sms(text) == [text]


# --- properties ---------------------------------------------------------------------

_words = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters=" \n\r\t"),
    min_size=1,
    max_size=12,
)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_output_is_always_gsm7(text: str) -> None:
    assert is_gsm7(to_gsm7(text))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=sorted((GSM7_BASIC | GSM7_EXTENSION) - {" "}), max_size=300))
def test_gsm7_text_is_unchanged(text: str) -> None:
    assert to_gsm7(text) == text


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_no_gsm7_character_is_lost(text: str) -> None:
    import unicodedata

    kept = [
        c
        for c in unicodedata.normalize("NFC", text)
        if c in GSM7_BASIC | GSM7_EXTENSION and not c.isspace()
    ]
    out = iter(to_gsm7(text))
    # every GSM-7 character of the input appears in the output, in order
    assert all(any(c == o for o in out) for c in kept)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(_words, st.sampled_from([" ", " ", ". ", "? ", "\n"])), min_size=1, max_size=120
    ),
    st.sampled_from([None, 40, 70, 160]),
)
def test_split_never_cuts_a_word_and_loses_nothing(
    pieces: list[tuple[str, str]], limit: int | None
) -> None:
    text = to_gsm7("".join(w + sep for w, sep in pieces))
    parts = split_sms(text, limit=limit)
    assert " ".join(parts).split() == text.split()
    words = set(text.split())
    for part in parts:
        assert part == part.strip()
        for word in part.split():
            assert word in words  # a cut inside a word would make a new word
    lim = limit or 160
    for part in parts:
        if len(part.split()) > 1:
            assert septets(part) <= lim
