"""Short answers: yes/no, one of two options, a score, a phone number, the language."""

from __future__ import annotations

import pytest

from nlu.answers import (
    choose_option,
    detect_language,
    list_items,
    listed_topics,
    normalize_phone,
    scale,
    yes_no,
)


@pytest.mark.parametrize(
    "text",
    [
        "ja",
        "Ja hoor",
        "jazeker",
        "klopt",
        "is goed",
        "graag",
        "prima",
        "ok",
        "Oké!",
        "yes",
        "sure",
        "Jaaa",
        "ja graag!",
        "ja maar ik heb geen auto",
        "dat klopt helemaal",
        "zeker",
        "doe maar",
        "👍",
        "yes please",
        "ja, dat is goed",
        "akkoord",
    ],
)
def test_yes_is_understood(text: str) -> None:
    assert yes_no(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "nee",
        "Nee dank je",
        "liever niet",
        "niet nodig",
        "nope",
        "no thanks",
        "nee, iets anders",
        "klopt niet",
        "neee",
        "nee hoor",
        "hoeft niet",
        "zeker niet",
        "dat wil ik niet",
        "no",
        "👎",
        "nah",
        "laat maar",
    ],
)
def test_no_is_understood(text: str) -> None:
    assert yes_no(text) is False


@pytest.mark.parametrize(
    "text", ["ik weet het niet", "misschien", "banaan", "", "wat bedoel je", "geen idee"]
)
def test_unclear_answer_is_none(text: str) -> None:
    assert yes_no(text) is None


YES_NO = ["Ja, graag", "Nee"]
WHEN = ["Over een paar dagen", "Volgende week"]
BETTER = ["Beter", "Niet beter"]


@pytest.mark.parametrize(
    ("text", "options", "expected"),
    [
        ("1", YES_NO, 0),
        ("2", YES_NO, 1),
        ("1.", WHEN, 0),
        ("optie 2", WHEN, 1),
        ("de eerste", WHEN, 0),
        ("de tweede", WHEN, 1),
        ("first", WHEN, 0),
        ("second", WHEN, 1),
        ("ja", YES_NO, 0),
        ("ja hoor", YES_NO, 0),
        ("nee dank je", YES_NO, 1),
        ("NEE", YES_NO, 1),
        ("ja, graag", YES_NO, 0),
        ("volgende week", WHEN, 1),
        ("volgnde week graag", WHEN, 1),
        ("paar dagen", WHEN, 0),
        ("over een paar dagen", WHEN, 0),
        ("beter", BETTER, 0),
        ("niet beter", BETTER, 1),
        ("Niet Béter", BETTER, 1),
        ("een beetje beter", BETTER, 0),
        ("ja", BETTER, 0),
        ("nee", BETTER, 1),
        ("iets anders", ["Ja, dat klopt", "Nee, iets anders"], 1),
        ("klopt", ["Ja, dat klopt", "Nee, iets anders"], 0),
        ("liever chatten", ["Bellen", "Chatten"], 1),
    ],
)
def test_choose_option(text: str, options: list[str], expected: int) -> None:
    assert choose_option(text, options) == expected


@pytest.mark.parametrize(
    ("text", "options"),
    [("3", YES_NO), ("banaan", BETTER), ("ik weet het niet", YES_NO), ("ja", WHEN), ("", WHEN)],
)
def test_unclear_choice_is_none(text: str, options: list[str]) -> None:
    assert choose_option(text, options) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7", 7),
        ("een 6", 6),
        ("zes", 6),
        ("7/10", 7),
        ("ongeveer 5", 5),
        ("a 3", 3),
        ("tien", 10),
        ("0", 0),
        ("ik geef het een 8", 8),
        ("een zeven", 7),
        ("7,5", 8),
    ],
)
def test_scale(text: str, expected: int) -> None:
    assert scale(text) == expected


@pytest.mark.parametrize("text", ["11", "geen idee", "", "veel"])
def test_scale_none(text: str) -> None:
    assert scale(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "ik kom 1x per week maar woon ver weg",
        "2 keer per week komt mijn zoon",
        "om 3 uur gaat het beter",
        "sinds 2 jaar",
        "twee keer per week",
        "ik heb 3 kinderen",
    ],
)
def test_a_number_that_counts_something_is_no_score(text: str) -> None:
    assert scale(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("ze komt 1x per week, ik geef het een 4", 4), ("2 keer per week, een zes", 6)],
)
def test_the_score_beside_a_number_that_counts(text: str, expected: int) -> None:
    assert scale(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "06 12345678",
        "+31 6 1234 5678",
        "0031612345678",
        "06-12345678",
        "31612345678",
        "whatsapp:+31612345678",
    ],
)
def test_phone_numbers_become_e164(text: str) -> None:
    assert normalize_phone(text) == "+31612345678"


@pytest.mark.parametrize("text", ["06 1234567", "hallo", "", "whatsapp:"])
def test_invalid_phone_is_none(text: str) -> None:
    assert normalize_phone(text) is None


def test_landline_is_valid() -> None:
    assert normalize_phone("020 123 4567") == "+31201234567"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hello I need help with shopping", "en"),
        ("I am lonely", "en"),
        ("can someone help me", "en"),
        ("hallo", "nl"),
        ("Hi", "nl"),
        ("help", "nl"),
        ("ik heb hulp nodig met boodschappen", "nl"),
        ("kan iemd me helpe", "nl"),
    ],
)
def test_detect_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ik denk het wel", True),
        ("ik denk van wel", True),
        ("eigenlijk wel", True),
        ("jah", True),
        ("nou vooruit dan maar, als het moet dan is het goed hoor", True),
        ("jao", True),
        ("no problem", True),
        ("geen probleem hoor", True),
        ("geen bezwaar", True),
        ("dat mag", True),
        ("van mij mag het", True),
        ("I'd rather not", False),
        ("mag ik eerst iets vragen", None),
        ("dat mag niet", None),
        ("joa hoor", True),
        ("nee jo", False),
        ("denk het niet", False),
        ("ik denk van niet", False),
        ("eigenlijk niet", False),
        ("neuh", False),
        ("ja en nee", None),
        ("jein", None),
        ("kweenie", None),
        ("weet ik veel", None),
    ],
)
def test_hedged_yes_and_no_in_everyday_words(text: str, expected: bool | None) -> None:
    assert yes_no(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("het gaat wel hoor, er is iemand geweest", 0),
        ("er is een aardige meneer geweest", 0),
        ("much better thanks", 0),
        ("er is nog niemand geweest", 1),
        ("ik heb niks gehoord", 1),
        ("niemand heeft gebeld", 1),
        ("het is zwaar", 1),
        ("not great", 1),
    ],
)
def test_how_it_goes_now_in_own_words(text: str, expected: int) -> None:
    assert choose_option(text, ["Beter", "Niet beter"]) == expected


def test_how_it_goes_words_do_not_answer_other_yes_no_questions() -> None:
    assert choose_option("het gaat wel", ["Ja", "Nee"]) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("een zesje", 6),
        ("een dikke voldoende", 7),
        ("een onvoldoende", 4),
        ("voldoende", 6),
        ("gaat wel", 5),
        ("slecht", 3),
        ("heel slecht", 2),
        ("heel goed", 8),
        ("een", 1),
    ],
)
def test_a_score_in_school_marks_and_words(text: str, expected: int) -> None:
    assert scale(text) == expected


@pytest.mark.parametrize(
    "text",
    ["wat doen jullie met mijn gegevens", "hoe lang bewaren jullie het?", "wie leest dit mee", "why do you need that"],
)
def test_a_question_back_is_no_yes_or_no(text: str) -> None:
    assert yes_no(text) is None


@pytest.mark.parametrize("text", ["wat fijn, ja", "wat goed, graag", "waarom niet", "why not"])
def test_yes_that_starts_like_a_question_is_still_yes(text: str) -> None:
    assert yes_no(text) is True


@pytest.mark.parametrize("text", ["nei", "nae"])
def test_dialect_no(text: str) -> None:
    assert yes_no(text) is False


@pytest.mark.parametrize("text", ["mwah gaat wel", "meh, not really", "zo zo", "matig"])
def test_a_hedge_about_how_it_goes_is_not_better(text: str) -> None:
    from nlu.answers import better_or_not

    assert better_or_not(text) is False


# --- a list of the person's own needs (fresh conversations, round 2) --------------------


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("1. boodschappen 2. tuin", ["boodschappen", "tuin"]),
        ("1) hulp bij mijn administratie\n2) iemand om mee te praten",
         ["hulp bij mijn administratie", "iemand om mee te praten"]),
        ("ik heb twee vragen: 1 de tuin is een bende 2 wie doet mijn boodschappen",
         ["de tuin is een bende", "wie doet mijn boodschappen"]),
        ("1 boodschappen\n2 tuin\n3 mijn post", ["boodschappen", "tuin", "mijn post"]),
        ("- de tuin\n- boodschappen", ["de tuin", "boodschappen"]),
    ],
)
def test_a_list_of_needs_is_read_item_by_item_in_order(text: str, items: list[str]) -> None:
    assert list_items(text) == items


@pytest.mark.parametrize(
    "text",
    ["ik heb 1 zoon en 2 dochters", "om 1 uur of 2 uur", "ik ben 1 dag weg en 2 dagen thuis", "2. tuin 1. boodschappen"],
)
def test_numbers_in_a_sentence_are_no_list(text: str) -> None:
    assert list_items(text) == []


def test_the_persons_numbering_orders_the_topics() -> None:
    assert listed_topics("1. de tuin 2. boodschappen", ["groceries", "odd_jobs"]) == ("odd_jobs", "groceries")


def test_an_item_the_whole_reading_missed_is_added_in_its_place() -> None:
    assert listed_topics("1. boodschappen 2. tuin", ["groceries"]) == ("groceries", "odd_jobs")


def test_no_list_keeps_the_ranking() -> None:
    assert listed_topics("boodschappen en de tuin", ["odd_jobs", "groceries"]) == ("odd_jobs", "groceries")


def test_first_followed_by_the_choice_is_no_ordinal() -> None:
    assert choose_option("eerst de tuin", ["Boodschappen", "Klusjes"]) is None
    assert choose_option("eerst", ["Boodschappen", "Klusjes"]) == 0
    assert choose_option("de eerste", ["Boodschappen", "Klusjes"]) == 0


def test_a_thumbs_up_or_down_picks_yes_or_no() -> None:
    assert choose_option("\U0001f44d", ["Ja", "Nee"]) == 0
    assert choose_option("\U0001f44e", ["Ja", "Nee"]) == 1
    assert choose_option("\U0001f44d", ["Over een paar dagen", "Volgende week"]) is None
