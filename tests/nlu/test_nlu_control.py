"""Control words at every turn, and small talk."""

from __future__ import annotations

import pytest

from nlu.api import Control
from nlu.control import detect_control, detect_social


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mens", Control.HUMAN),
        ("medewerker", Control.HUMAN),
        ("bellen", Control.HUMAN),
        ("ik wil een mens spreken", Control.HUMAN),
        ("echt persoon", Control.HUMAN),
        ("human", Control.HUMAN),
        ("agent", Control.HUMAN),
        ("kan iemand mij bellen?", Control.HUMAN),
        ("kunt u mij terugbellen", Control.HUMAN),
        ("I want to talk to a human", Control.HUMAN),
        ("stop", Control.STOP),
        ("STOP", Control.STOP),
        ("Stop!", Control.STOP),
        ("afmelden", Control.STOP),
        ("start", Control.START),
        ("aanmelden", Control.START),
        ("verwijder mijn gegevens", Control.DELETE),
        ("wis", Control.DELETE),
        ("wis mijn gegevens", Control.DELETE),
        ("delete my data", Control.DELETE),
        ("mijn gegevens verwijderen", Control.DELETE),
        ("mijn gegevens", Control.MY_DATA),
        ("inzien", Control.MY_DATA),
        ("wat weten jullie van mij?", Control.MY_DATA),
        ("mijn plan", Control.MY_PLAN),
        ("english please", Control.LANGUAGE_EN),
        ("in english", Control.LANGUAGE_EN),
        ("Do you speak English?", Control.LANGUAGE_EN),
        ("nederlands", Control.LANGUAGE_NL),
        ("in het nederlands", Control.LANGUAGE_NL),
    ],
)
def test_control_word(text: str, expected: Control) -> None:
    assert detect_control(text) is expected


@pytest.mark.parametrize(
    "text",
    [
        "ik wil stoppen met roken",
        "mijn moeder belt nooit meer",
        "ik wil met iemand praten over mijn eenzaamheid",
        "ik kan niet meer stoppen met piekeren, stop het maar eens",
        "ik voel me alleen",
        "wie kan mijn boodschappen doen",
        "mijn gegevens bij de gemeente kloppen niet, kan iemand helpen met die brief",
    ],
)
def test_a_story_is_not_a_command(text: str) -> None:
    assert detect_control(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hallo", "greeting"),
        ("Goedemorgen!", "greeting"),
        ("hoi", "greeting"),
        ("dank je wel", "thanks"),
        ("bedankt voor de hulp", "thanks"),
        ("Thanks!", "thanks"),
        ("hoi, ik heb hulp nodig met boodschappen", None),
        ("ik voel me alleen", None),
    ],
)
def test_social(text: str, expected: str | None) -> None:
    assert detect_social(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "i want to talk to a real person",
        "ik heb liever een echt persoon aan de lijn",
        "kan ik niet gewoon iemand spreken?",
        "can i speak to someone",
        "geef me een mens",
        "MENSS",
        "verbind me door met een medewerker",
        "ik wil iemand spreken van het buurtteam",
        "is er iemand die ik kan bellen",
        "ik heb een vraag voor een medewerker",
        "liever persoonlijk contact",
    ],
)
def test_asking_for_a_person_in_own_words_reaches_a_person(text: str) -> None:
    assert detect_control(text) is Control.HUMAN


@pytest.mark.parametrize(
    "text",
    [
        "hou maar op",
        "stop met die berichten",
        "ik wil geen berichten meer ontvangen",
        "stop er maar mee",
    ],
)
def test_stopping_in_own_words_stops(text: str) -> None:
    assert detect_control(text) is Control.STOP


@pytest.mark.parametrize(
    "text",
    [
        "ik zoek iemand van de thuiszorg",
        "is er een vrijwilliger",
        "ik heb een vrijwilliger nodig voor de tuin",
        "i need someone to talk to",
        "kan iemand mij bellen over de huur",
        "hou op met zeuren",
        "stop met roken",
    ],
)
def test_a_request_that_names_a_helper_is_not_a_control_word(text: str) -> None:
    assert detect_control(text) is None


# "ben je een robot?" is a question about who writes back, answered by the dialog;
# "ik wil geen robot" asks for a person.
@pytest.mark.parametrize(
    "text",
    ["wie ben jij", "ben je een robot?", "Ben jij een mens of een robot?", "wie ben jij eigenlijk",
     "is dit een computer?", "met wie praat ik", "wie zijn jullie?", "are you a bot?", "who are you"],
)
def test_who_are_you_is_a_question_not_a_call_for_a_person(text: str) -> None:
    assert detect_control(text) is None
    assert detect_social(text) == "who"


@pytest.mark.parametrize("text", ["wie kan mij helpen", "wie ben jij om dat te zeggen, ik heb schulden"])
def test_a_question_with_who_in_it_is_no_who_are_you(text: str) -> None:
    assert detect_social(text) is None
