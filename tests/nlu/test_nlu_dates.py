"""Dates and times in Dutch and English, relative to a fixed moment."""

from __future__ import annotations

from datetime import datetime

import pytest

from nlu.answers import parse_when
from nlu.dates import AMSTERDAM

# Wednesday 18 November 2026, 15:00 in Amsterdam.
NOW = datetime(2026, 11, 18, 15, 0, tzinfo=AMSTERDAM)


def at(month: int, day: int, hour: int = 10, minute: int = 0, year: int = 2026) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=AMSTERDAM)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("morgen", at(11, 19)),
        ("overmorgen", at(11, 20)),
        ("dinsdag", at(11, 24)),
        ("aanstaande dinsdag", at(11, 24)),
        ("volgende week dinsdag", at(11, 24)),
        ("volgende week vrijdag", at(11, 27)),
        ("vrijdag", at(11, 20)),
        ("over drie dagen", at(11, 21)),
        ("over 3 dagen", at(11, 21)),
        ("volgende week", at(11, 25)),
        ("over een paar dagen", at(11, 21)),
        ("morgenmiddag", at(11, 19, 14)),
        ("half drie", at(11, 19, 14, 30)),
        ("om 10 uur", at(11, 19, 10)),
        ("om 16 uur", at(11, 18, 16)),
        ("3 december om 10 uur", at(12, 3, 10)),
        ("14 december", at(12, 14)),
        ("zaterdag 10:30", at(11, 21, 10, 30)),
        ("1 januari", at(1, 1, year=2027)),
        ("tomorrow at 3pm", at(11, 19, 15)),
        ("kwart over vier", at(11, 18, 16, 15)),
        ("morgen om half 11", at(11, 19, 10, 30)),
        ("vanavond", at(11, 18, 19)),
    ],
)
def test_parse_when(text: str, expected: datetime) -> None:
    assert parse_when(text, NOW) == expected


@pytest.mark.parametrize("text", ["later", "straks", "blabla", "", "geen idee"])
def test_not_a_date(text: str) -> None:
    assert parse_when(text, NOW) is None


def test_result_is_aware_in_amsterdam() -> None:
    result = parse_when("morgen", NOW)
    assert result is not None and result.tzinfo is not None
    assert result.utcoffset() == at(11, 19).utcoffset()


def test_tomorrow_across_spring_dst_keeps_wall_clock() -> None:
    now = datetime(2026, 3, 28, 12, 0, tzinfo=AMSTERDAM)  # CET, DST starts next night
    result = parse_when("morgen om 10 uur", now)
    assert result == datetime(2026, 3, 29, 10, 0, tzinfo=AMSTERDAM)
    assert result is not None and result.utcoffset().total_seconds() == 7200


def test_autumn_dst() -> None:
    now = datetime(2026, 10, 24, 20, 0, tzinfo=AMSTERDAM)  # CEST, DST ends next night
    result = parse_when("morgen", now)
    assert result is not None and result.utcoffset().total_seconds() == 3600
    assert (result.hour, result.minute) == (10, 0)


def test_time_in_dst_gap_is_still_valid() -> None:
    now = datetime(2026, 3, 28, 12, 0, tzinfo=AMSTERDAM)
    result = parse_when("morgen om 2:30", now)
    assert result is not None and result.day == 29


def test_fallback_understands_other_formats() -> None:
    result = parse_when("december 24", NOW)
    assert result == at(12, 24)


# Said the way people answer "when shall I ask how it goes?" (NOW is a Wednesday 15:00).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("volgende week dinsdag na de lunch", at(11, 24, 13, 30)),
        ("nee liever volgende week dinsdag na de lunch", at(11, 24, 13, 30)),
        ("next tuesday after lunch", at(11, 24, 13, 30)),
        ("vrijdag voor de lunch", at(11, 20, 11)),
        ("donderdagmiddag", at(11, 19, 14)),
        ("zondagavond", at(11, 22, 19)),
        ("vrijdagmorgen", at(11, 20, 10)),
        ("woensdag over een week", at(11, 25)),
        ("over een dag of 3", at(11, 21)),
        ("over een week of twee", at(12, 2)),
        ("rond een uur of 2", at(11, 19, 14)),
        ("na het weekend", at(11, 23)),
        ("eind van de week", at(11, 20)),
        ("een dezer dagen", at(11, 21)),
        ("over een weekje", at(11, 25)),
        ("over een maand", at(12, 18)),
    ],
)
def test_followup_moments_in_everyday_words(text: str, expected: datetime) -> None:
    assert parse_when(text, NOW) == expected


def test_english_next_weekday_is_in_next_week() -> None:
    # NOW is a Wednesday: "next Thursday" is not tomorrow but the Thursday after.
    assert parse_when("next thursday", NOW) == at(11, 26)
    assert parse_when("this thursday", NOW) == at(11, 19)


@pytest.mark.parametrize("text", ["1", "2", " 2 ", "12"])
def test_a_bare_number_is_an_option_not_a_month(text: str) -> None:
    assert parse_when(text, NOW) is None


# Played conversations (fresh round): days and moments as people write them.
# NOW is Wednesday 18 November 2026, 15:00.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("overmorgen na het eten", at(11, 20, 19)),
        ("woensdag na het avondeten", at(11, 25, 19)),
        ("after dinner on friday", at(11, 20, 19)),
        ("vr middag", at(11, 20, 14)),
        ("do ochtend", at(11, 19, 10)),
        ("zaterdag niet, maandag wel", at(11, 23)),
        ("niet op vrijdag, liever dinsdag", at(11, 24)),
        ("de 4e", at(12, 4)),
        ("vrijdag de 4de", at(12, 4)),
        ("op de 20ste", at(11, 20)),
        ("eind van de maand", at(11, 30)),
        ("eind deze maand", at(11, 30)),
        ("begin december", at(12, 1)),
        ("half december", at(12, 15)),
        ("midden december", at(12, 15)),
        ("eind december", at(12, 28)),
        ("begin volgende maand", at(12, 1)),
        ("deze week nog", at(11, 20)),
        ("in het weekend", at(11, 21)),
        ("na de kerst", at(12, 27)),
        ("een dag of vier", at(11, 22)),
    ],
)
def test_days_in_words_from_played_conversations(text: str, expected: datetime) -> None:
    assert parse_when(text, NOW) == expected


@pytest.mark.parametrize(
    "text", ["het weekend is lastig", "in het weekend niet", "ik doe de afwas", "de 2 kinderen", "ik kan de 3e keer"]
)
def test_words_near_a_day_that_name_no_moment(text: str) -> None:
    assert parse_when(text, NOW) is None


# Relative days ruled out, as with weekdays: the day said not to suit is no moment.
# NOW is Wednesday 18 November 2026, 15:00.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("vandaag lukt niet, morgen wel", at(11, 19)),
        ("vandaag lukt niet morgen wel", at(11, 19)),  # a phone line gives no commas
        ("niet morgen maar overmorgen", at(11, 20)),
        ("morgen niet overmorgen wel", at(11, 20)),
        ("niet overmorgen, morgen wel", at(11, 19)),
        ("morgen kan ik niet, vrijdag wel", at(11, 20)),
        ("tomorrow is no good, friday works", at(11, 20)),
        ("donderdagmiddag niet, vrijdagochtend wel", at(11, 20)),
        ("morgen als het niet regent", at(11, 19)),
        ("morgen wel", at(11, 19)),
    ],
)
def test_a_relative_day_ruled_out_gives_way_to_the_one_that_suits(text: str, expected: datetime) -> None:
    assert parse_when(text, NOW) == expected


@pytest.mark.parametrize(
    "text",
    [
        "morgen niet",
        "niet vandaag",
        "vandaag niet",
        "morgen ben ik er niet",
        "morgen heb ik geen tijd",
        "not tomorrow",
        "liever niet morgen",
        "morgenochtend niet",
        "morgen middag niet",
        "niet vanavond",
    ],
)
def test_a_relative_day_ruled_out_is_no_moment(text: str) -> None:
    assert parse_when(text, NOW) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("na dinsdag", at(11, 25)), ("na morgen", at(11, 20)), ("after friday", at(11, 21))],
)
def test_after_a_day_is_the_day_after_it(text: str, expected: datetime) -> None:
    assert parse_when(text, NOW) == expected


def test_without_the_fallback_only_our_own_rules_name_a_moment() -> None:
    assert parse_when("kan iemand mij morgen rijden", NOW, fallback=False) == at(11, 19)
    assert parse_when("mijn man is vorig jaar overleden", NOW, fallback=False) is None
