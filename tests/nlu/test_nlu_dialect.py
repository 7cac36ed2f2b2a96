"""Dialect and clipped spellings are read as the standard word the topic model knows."""

from __future__ import annotations

import pytest

from nlu.dialect import respell

VOCAB = frozenset(
    "boodschappen boodschap mijn huis naar maken schoonmaken geen winkel straat voor "
    "lopen katten administratie de is een kan iemand doen".split()
)


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("kin iemand mien boadschappen doen", "kin iemand mijn boodschappen doen"),
        ("de hoes is een zooi, kin iemand schoonmoaken", "de huis is een zooi, kin iemand schoonmaken"),
        ("noar de winkel", "naar de winkel"),
        ("gain", "geen"),
        ("de straot", "de straat"),
        ("huus", "huis"),
        ("veur mien", "voor mijn"),
        ("lope", "lopen"),
        ("kattn", "katten"),
        ("admin", "administratie"),
        ("boodsch", "boodschap"),
        ("de boodsjappe", "de boodschappen"),
    ],
)
def test_dialect_and_clipped_words_become_the_known_word(said: str, read: str) -> None:
    assert respell(said, VOCAB) == read


@pytest.mark.parametrize("text", ["Kan iemand mijn huis schoonmaken?", "mn ff nie", "7 of 8", "ok"])
def test_known_words_shorthand_and_numbers_stay_as_written(text: str) -> None:
    assert respell(text, VOCAB).lower() == text.lower()


@pytest.mark.parametrize(
    ("message", "topic"),
    [
        ("kin iemand mien boadschappen doen", "groceries"),
        ("ik hoal gain boadschappen meer", "groceries"),
        ("hoi kan iem mn boodsch doen ben ziek", "groceries"),
        ("kan iemand mien hoes poetsen", "household"),
        ("wie brengt mie noar de dokter", "transport"),
        ("kan er iemand mien gras moaien", "odd_jobs"),
        ("kinne jullie mich helpe mit de boodsjappe", "groceries"),
    ],
)
def test_dialect_messages_are_read_as_their_topic(understander, message: str, topic: str) -> None:
    assert understander.understand(message).top == topic


def test_completing_a_clipped_word_equals_a_scan_of_the_vocabulary() -> None:
    """The sorted search gives what a plain scan gives: the shortest known word the
    clipped one starts, alphabetically first of equals, for every start of every word."""
    from nlu.dialect import complete

    vocabulary = frozenset(
        "boodschap boodschappen boodsch boom boot bootje tuin tuinen tuinman "
        "huishouden huis huisarts afspraak afspraken".split()
    )

    def scan(word: str) -> str | None:
        longer = sorted(w for w in vocabulary if w.startswith(word) and len(w) > len(word))
        return min(longer, key=len) if longer else None

    starts = {w[:n] for w in vocabulary for n in range(1, len(w) + 1)} | {"x", "zz", ""}
    for word in sorted(starts):
        assert complete(word, vocabulary) == scan(word), word


# "d'r" is "er" as often as "haar": what follows decides, and "haar" stays the default.
@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("ik stop d'r mee", "ik stop er mee"),
        ("ik heb d'r genoeg van", "ik heb er genoeg van"),
        ("ik heb d'r schoon genoeg van gehad", "ik heb er schoon genoeg van gehad"),
        ("ik kan d'r niet meer tegen", "ik kan er niet meer tegen"),
        ("ik wil d'r mee stoppen", "ik wil er mee stoppen"),
        ("d'r is niemand die komt", "er is niemand die komt"),
        ("toen was d'r niemand", "toen was er niemand"),
        ("is d'r iemand die kan helpen", "is er iemand die kan helpen"),
        ("d'r man is ziek", "haar man is ziek"),
        ("ik help d'r met d'r boodschappen", "ik help haar met haar boodschappen"),
        ("ik zie d'r niet meer", "ik zie haar niet meer"),
        ("ik breng d'r naar de dokter", "ik breng haar naar de dokter"),
        ("ik maak me zorgen om d'r", "ik maak me zorgen om haar"),
        ("D'r dochter woont ver weg", "haar dochter woont ver weg"),
    ],
)
def test_dr_is_er_or_haar_by_what_follows(said: str, read: str) -> None:
    from nlu.text import normalize

    assert normalize(said) == read


@pytest.mark.parametrize(
    ("said", "meant"),
    [
        ("eh de afwas de afwas lukt nog", "de afwas lukt nog"),
        ("ehm, ik kan nog koken", "ik kan nog koken"),
        ("nee nee niemand", "nee niemand"),
        ("ik heb heb een hond", "ik heb een hond"),
        ("de afwas en de was", "de afwas en de was"),
        ("eh", "eh"),
    ],
)
def test_speech_is_tidied_for_the_plan(said: str, meant: str) -> None:
    from nlu.text import tidy_spoken

    assert tidy_spoken(said) == meant


@pytest.mark.parametrize(
    ("said", "read"),
    [
        ("eh mijn huis is vies", "mijn huis is vies"),
        ("ehhm ja", "ja"),
        ("ik wil uh hulp", "ik wil hulp"),
        ("de afwas en de was", "de afwas en de was"),
    ],
)
def test_hesitations_are_left_out_of_the_reading(said: str, read: str) -> None:
    from nlu.text import normalize

    assert normalize(said) == read


def test_words_said_twice_count_once_for_the_topic_only() -> None:
    from nlu.text import normalize

    assert respell("mijn huis mijn huis is vies", VOCAB) == "mijn huis is vies"
    assert respell("ik maak er een eind aan, aan dat abonnement", VOCAB).count("aan") == 2
    assert normalize("zo zo") == "zo zo"  # the crisis check and the answers read every word
