"""Topic readings that went wrong in played conversations (fresh round)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("message", "topic"),
    [
        # Wanting someone to talk to is no offer to volunteer.
        ("ik wil graag met iemand praten over mijn situatie", "loneliness"),
        ("ik wil even met iemand praten, het gaat niet zo goed", "loneliness"),
        # A broken leg is no repair job.
        ("I broke my leg", "health"),
    ],
)
def test_played_messages_are_read_as_their_topic(understander, message: str, topic: str) -> None:
    assert understander.understand(message).top == topic


# Computers, tablets, phones and e-mail (round 2): a device to set up or fix at home is a
# small job for a handy volunteer (odd_jobs), learning to use it is activities, and
# DigiD and online forms stay money. None of these sentences is in the training data.
@pytest.mark.parametrize(
    ("message", "topic"),
    [
        ("wie helpt me met mijn tablet", "odd_jobs"),
        ("mijn e-mail doet het niet", "odd_jobs"),
        ("mijn mail werkt niet", "odd_jobs"),
        ("help met mijn mobiel", "odd_jobs"),
        ("my laptop won't start", "odd_jobs"),
        ("ik wil leren appen", "activities"),
        ("is er een cursus voor de ipad", "activities"),
        ("ik kom niet in mijn DigiD", "money"),
        ("ik moet mijn huurtoeslag online aanvragen", "money"),
        ("ik moet iets aanvragen bij het UWV via internet", "money"),
    ],
)
def test_digital_help_goes_where_a_welfare_organisation_sends_it(understander, message: str, topic: str) -> None:
    assert understander.understand(message).top == topic


def test_a_house_that_does_not_get_clean_is_housework_not_housing(understander) -> None:
    assert understander.understand("mijn huis is niet meer schoon te krijgen ik ben 84").top == "household"


def test_a_phone_line_transcript_is_read_without_its_eh_and_repeats(understander) -> None:
    said = "eh goedemiddag ja eh ik bel eigenlijk omdat eh mijn huis mijn huis is niet meer schoon te krijgen ik ben 84"
    assert understander.understand(said).top == "household"
