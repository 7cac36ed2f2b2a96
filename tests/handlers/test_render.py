"""Two options look right on every channel."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.messages import Channel
from handlers.gsm7 import is_gsm7, septets, to_gsm7
from handlers.render import (
    numbered,
    render_for,
    render_sms,
    render_telegram,
    render_terminal,
    render_webchat,
    render_whatsapp,
    share_phone_button,
    share_phone_label,
    voice_prompt,
)

OPTIONS = ("Ja", "Nee")


def test_sms_shows_numbered_options_under_the_text() -> None:
    (part,) = render_sms("Wilt u hulp bij de boodschappen?", OPTIONS)
    assert part.text == "Wilt u hulp bij de boodschappen?\n1 Ja\n2 Nee"
    assert part.segments == 1
    assert part.buttons == ()


def test_sms_is_gsm7_and_one_segment() -> None:
    (part,) = render_sms("Hulp bij financiële zaken… “nu” 😊?", OPTIONS)
    assert is_gsm7(part.text)
    assert part.text.startswith('Hulp bij financiele zaken... "nu"?')
    assert part.segments == 1


def test_long_sms_is_split_per_segment_with_options_at_the_end() -> None:
    text = " ".join(f"Dit is zin {i} van een lange uitleg over hulp." for i in range(10))
    parts = render_sms(text + " Wilt u dat?", OPTIONS)
    assert len(parts) > 1
    assert all(p.segments == 1 and septets(p.text) <= 160 for p in parts)
    assert parts[-1].text.endswith("\n1 Ja\n2 Nee")


def test_sms_without_options_has_no_numbers() -> None:
    (part,) = render_sms("Tot morgen.")
    assert part.text == "Tot morgen."


def test_whatsapp_shows_numbered_options() -> None:
    (msg,) = render_whatsapp("Zal ik iemand vragen?", OPTIONS)
    assert msg.text == "Zal ik iemand vragen?\n1 Ja\n2 Nee"
    assert msg.template_sid is None


def test_whatsapp_keeps_characters_sms_cannot_show() -> None:
    (msg,) = render_whatsapp("Financiële hulp 😊", ())
    assert msg.text == "Financiële hulp 😊"


def test_telegram_keeps_the_question_and_shows_two_buttons() -> None:
    (msg,) = render_telegram("Wilt u hulp?", OPTIONS)
    assert msg.text == "Wilt u hulp?"
    assert msg.buttons == OPTIONS


def test_telegram_long_text_has_buttons_only_on_the_last_part() -> None:
    text = "Een zin met wat woorden erin. " * 300
    parts = render_telegram(text, OPTIONS)
    assert len(parts) > 1
    assert all(len(p.text) <= 4096 for p in parts)
    assert [p.buttons for p in parts[:-1]] == [()] * (len(parts) - 1)
    assert parts[-1].buttons == OPTIONS


def test_webchat_shows_two_buttons() -> None:
    (msg,) = render_webchat("Wilt u hulp?", OPTIONS)
    assert msg.buttons == OPTIONS and msg.text == "Wilt u hulp?"


def test_terminal_shows_numbered_text() -> None:
    (msg,) = render_terminal("Wilt u hulp?", OPTIONS)
    assert msg.text == "Wilt u hulp?\n1 Ja\n2 Nee"


def test_voice_says_the_options_in_dutch() -> None:
    assert voice_prompt("Wilt u hulp?", OPTIONS) == (
        "Wilt u hulp? Zeg ja, of druk 1. Zeg nee, of druk 2."
    )


def test_voice_says_the_options_in_english() -> None:
    assert voice_prompt("Do you want help?", ("Yes", "No"), "en") == (
        "Do you want help? Say yes, or press 1. Say no, or press 2."
    )


def test_voice_drops_emoji_and_reads_lines_as_sentences() -> None:
    assert voice_prompt("Dank u 😊\nTot ziens") == "Dank u. Tot ziens."


def test_more_than_two_options_is_refused() -> None:
    with pytest.raises(ValueError):
        numbered("Kies", ("a", "b", "c"))
    with pytest.raises(ValueError):
        render_telegram("Kies", ("a", "b", "c"))


def test_render_for_picks_the_channel() -> None:
    assert render_for(Channel.SMS, "Vraag?", OPTIONS)[0].text.endswith("2 Nee")
    assert render_for(Channel.TELEGRAM, "Vraag?", OPTIONS)[0].buttons == OPTIONS
    assert "druk 1" in render_for(Channel.VOICE, "Vraag?", OPTIONS)[0].text
    assert render_for(Channel.TERMINAL, "Vraag?", OPTIONS)[0].text == "Vraag?\n1 Ja\n2 Nee"


def test_share_phone_button_round_trips() -> None:
    button = share_phone_button("Deel mijn nummer")
    assert share_phone_label(button) == "Deel mijn nummer"
    assert share_phone_label("Ja") is None


def test_share_phone_button_shows_as_its_label_on_other_channels() -> None:
    button = share_phone_button("Deel mijn nummer")
    assert render_terminal("Nummer?", (button,))[0].text == "Nummer?\n1 Deel mijn nummer"
    assert render_webchat("Nummer?", (button,))[0].buttons == ("Deel mijn nummer",)
    assert "\x00" not in button


_option = st.text(alphabet="abcdefghijklmnopqrstuvwxyz éëï'", min_size=1, max_size=20)


@settings(max_examples=200, deadline=None)
@given(
    st.text(max_size=600),
    st.lists(_option.map(str.strip).filter(bool), max_size=2).map(tuple),
)
def test_sms_parts_are_gsm7_and_fit_a_segment(text: str, options: tuple[str, ...]) -> None:
    parts = render_sms(text, options)
    for part in parts:
        assert is_gsm7(part.text)
        if septets(part.text) > 160:
            assert len(part.text.split()) == 1  # only a word too long to split
    if options:
        assert parts[-1].text.endswith(to_gsm7(numbered("", options)))


def test_the_phone_says_what_to_say_not_what_to_type() -> None:
    from handlers.render import voice_prompt

    spoken = voice_prompt("Typ MENS als u een mens wilt spreken. U kunt ons altijd een bericht sturen.")
    assert "Zeg MENS" in spoken and "Typ" not in spoken
    assert "Say HUMAN" in voice_prompt("Type HUMAN to talk to a person.", language="en")
