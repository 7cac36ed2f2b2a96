"""The phone line: spoken menu, keypad and speech, a person on 0, silence."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qs, urlsplit

from bot.messages import Channel, Inbound, Reply
from bot.ports import TurnResult
from tests.handlers.conftest import (
    ON_DUTY,
    FixedClock,
    Harness,
    always_open,
    make_settings,
    never_open,
    replies,
)

CALL = "CA" + "7" * 32


def call(**extra: str) -> dict[str, str]:
    params = {
        "CallSid": CALL,
        "AccountSid": "AC" + "0" * 32,
        "From": "+31612345678",
        "To": "+3197010000003",
        "CallStatus": "ringing",
        "Direction": "inbound",
    }
    params.update(extra)
    return params


def twiml(response: Any) -> ET.Element:
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/xml")
    return ET.fromstring(response.text)


def gather_of(root: ET.Element) -> ET.Element:
    gather = root.find("Gather")
    assert gather is not None, ET.tostring(root)
    return gather


def action_path(gather: ET.Element) -> str:
    parts = urlsplit(gather.attrib["action"])
    return f"{parts.path}?{parts.query}"


def start_call(h: Harness) -> ET.Element:
    h.pipeline.result = replies(
        ("Goedendag, u belt met het buurtteam. Wilt u hulp?", ("Ja", "Nee"))
    )
    return twiml(h.twilio_post("/webhooks/twilio/voice", call()))


def test_a_call_starts_as_hallo_and_speaks_the_greeting_with_options(harness: Harness) -> None:
    root = start_call(harness)
    (inbound,) = harness.pipeline.received
    assert inbound == Inbound(Channel.VOICE, "+31612345678", "hallo", provider_id=f"{CALL}:0")
    gather = gather_of(root)
    assert gather.attrib["input"] == "dtmf speech"
    assert gather.attrib["language"] == "nl-NL"
    assert gather.attrib["numDigits"] == "1"
    assert gather.attrib["speechTimeout"] == "auto"
    assert gather.attrib["actionOnEmptyResult"] == "true"
    assert gather.attrib["timeout"] == "8"
    say = gather.find("Say")
    assert say is not None and say.attrib == {"language": "nl-NL", "voice": "Polly.Lotte"}
    assert say.text is not None
    assert say.text.startswith(
        "Goedendag, u belt met het buurtteam. Wilt u hulp? Zeg ja, of druk 1. Zeg nee, of druk 2."
    )
    assert "of druk 0" in say.text and "Druk 9" in say.text
    query = parse_qs(urlsplit(gather.attrib["action"]).query)
    assert query["step"] == ["1"] and query["o1"] == ["Ja"] and query["o2"] == ["Nee"]


def test_pressing_1_answers_with_the_first_option(harness: Harness) -> None:
    action = action_path(gather_of(start_call(harness)))
    harness.pipeline.result = replies(("Fijn. Gaat het om boodschappen?", ("Ja", "Nee")))
    root = twiml(harness.twilio_post(action, call(Digits="1")))
    assert harness.pipeline.received[-1] == Inbound(
        Channel.VOICE, "+31612345678", "Ja", provider_id=f"{CALL}:1"
    )
    say = gather_of(root).find("Say")
    assert (
        say is not None
        and say.text == "Fijn. Gaat het om boodschappen? Zeg ja, of druk 1. Zeg nee, of druk 2."
    )
    assert parse_qs(urlsplit(gather_of(root).attrib["action"]).query)["step"] == ["2"]


def test_speech_is_passed_on_as_said(harness: Harness) -> None:
    action = action_path(gather_of(start_call(harness)))
    harness.pipeline.result = replies(("Dank u.", ()))
    harness.twilio_post(
        action, call(SpeechResult="Ik heb hulp nodig met de tuin.", Confidence="0.9")
    )
    assert harness.pipeline.received[-1].text == "Ik heb hulp nodig met de tuin."


def test_9_repeats_the_question_without_the_pipeline(harness: Harness) -> None:
    first = gather_of(start_call(harness))
    root = twiml(harness.twilio_post(action_path(first), call(Digits="9")))
    assert len(harness.pipeline.received) == 1
    assert gather_of(root).find("Say").text == first.find("Say").text  # type: ignore[union-attr]


def test_silence_asks_once_more_then_says_goodbye(harness: Harness) -> None:
    action = action_path(gather_of(start_call(harness)))
    again = twiml(harness.twilio_post(action, call()))
    said = gather_of(again).find("Say").text  # type: ignore[union-attr]
    assert said is not None and said.startswith("Ik heb u niet gehoord. Goedendag")
    bye = twiml(harness.twilio_post(action_path(gather_of(again)), call()))
    assert bye.find("Gather") is None
    assert "Tot ziens" in (bye.find("Say").text or "")  # type: ignore[union-attr]
    assert bye.find("Hangup") is not None
    assert len(harness.pipeline.received) == 1


def test_0_during_opening_hours_tells_the_pipeline_and_dials_on_duty(profile: Any) -> None:
    h = Harness(make_settings(), always_open(profile))
    action = action_path(gather_of(start_call(h)))
    h.pipeline.result = replies(("Ik zoek een medewerker voor u.", ()))
    root = twiml(h.twilio_post(action, call(Digits="0")))
    assert h.pipeline.received[-1].text == "mens"
    assert root.findtext("Dial") == ON_DUTY
    assert "verbind" in (root.find("Say").text or "")  # type: ignore[union-attr]


def test_saying_mens_works_like_0(profile: Any) -> None:
    h = Harness(make_settings(), always_open(profile))
    action = action_path(gather_of(start_call(h)))
    root = twiml(h.twilio_post(action, call(SpeechResult="Een mens, graag.")))
    assert h.pipeline.received[-1].text == "mens"
    assert root.findtext("Dial") == ON_DUTY


def test_0_outside_opening_hours_says_when_we_call_back(profile: Any) -> None:
    h = Harness(make_settings(), never_open(profile))
    action = action_path(gather_of(start_call(h)))
    h.pipeline.result = replies(("Wij bellen u morgen om 9 uur terug.", ("Goed", "Liever niet")))
    root = twiml(h.twilio_post(action, call(Digits="0")))
    assert h.pipeline.received[-1].text == "mens"
    assert root.find("Dial") is None
    said = root.find("Say").text or ""  # type: ignore[union-attr]
    assert said == "Wij bellen u morgen om 9 uur terug. Tot ziens."
    assert root.find("Hangup") is not None


def test_opening_hours_follow_the_clock_in_amsterdam(profile: Any) -> None:
    h = Harness(make_settings(), profile)  # Monday to Friday 09:00-17:00
    h.services.clock = FixedClock(datetime(2026, 11, 23, 8, 30, tzinfo=UTC))  # Mon 09:30 local
    action = action_path(gather_of(start_call(h)))
    assert twiml(h.twilio_post(action, call(Digits="0"))).findtext("Dial") == ON_DUTY
    h.services.clock = FixedClock(datetime(2026, 11, 22, 12, 0, tzinfo=UTC))  # Sunday
    h.pipeline.result = TurnResult(stored=True)
    root = twiml(h.twilio_post(action, call(Digits="0", CallSid="CA" + "8" * 32)))
    assert root.find("Dial") is None
    assert "maandag tot en met vrijdag" in (root.find("Say").text or "")  # type: ignore[union-attr]


def test_no_on_duty_phone_never_dials(profile: Any) -> None:
    h = Harness(make_settings(on_duty_phone=None), always_open(profile))
    action = action_path(gather_of(start_call(h)))
    assert twiml(h.twilio_post(action, call(Digits="0"))).find("Dial") is None


def test_pipeline_failure_apologises_and_hangs_up(harness: Harness) -> None:
    harness.pipeline.fail = True
    root = twiml(harness.twilio_post("/webhooks/twilio/voice", call()))
    assert "Er ging iets mis" in (root.find("Say").text or "")  # type: ignore[union-attr]
    assert root.find("Hangup") is not None


def test_hidden_number_is_told_politely(harness: Harness) -> None:
    root = twiml(harness.twilio_post("/webhooks/twilio/voice", call(From="anonymous")))
    assert "zichtbaar nummer" in (root.find("Say").text or "")  # type: ignore[union-attr]
    assert harness.pipeline.received == []


def test_stopped_contact_hears_only_goodbye(harness: Harness) -> None:
    harness.pipeline.result = TurnResult(stored=True, stopped=True, replies=(Reply("x"),))
    root = twiml(harness.twilio_post("/webhooks/twilio/voice", call()))
    assert root.find("Gather") is None and root.find("Hangup") is not None


def test_forged_voice_requests_are_refused(harness: Harness) -> None:
    assert harness.twilio_post("/webhooks/twilio/voice", call(), token="x").status_code == 403
    assert (
        harness.twilio_post(
            "/webhooks/twilio/voice/gather?step=1&o1=Ja", call(Digits="1"), token="x"
        ).status_code
        == 403
    )
    assert harness.pipeline.received == []


def test_a_changed_action_url_breaks_the_signature(harness: Harness) -> None:
    from tests.fakes import TWILIO_TEST_TOKEN, sign_twilio

    signature = sign_twilio(
        TWILIO_TEST_TOKEN,
        "http://testserver/webhooks/twilio/voice/gather?step=1&o1=Ja",
        call(Digits="1"),
    )
    response = harness.twilio_post(
        "/webhooks/twilio/voice/gather?step=1&o1=Stuur+geld", call(Digits="1"), signature=signature
    )
    assert response.status_code == 403


def test_voice_without_callsid_is_a_bad_request(harness: Harness) -> None:
    params = call()
    del params["CallSid"]
    assert harness.twilio_post("/webhooks/twilio/voice", params).status_code == 400


def test_action_url_is_absolute_behind_a_proxy(profile: Any) -> None:
    h = Harness(make_settings(public_base_url="https://voordeur.example"), profile)
    root = start_call(h)
    assert (
        gather_of(root)
        .attrib["action"]
        .startswith("https://voordeur.example/webhooks/twilio/voice/gather?")
    )
    # and Twilio calling that URL passes the check
    assert h.twilio_post(action_path(gather_of(root)), call(Digits="2")).status_code == 200
    assert h.pipeline.received[-1].text == "Nee"


def test_saying_the_number_works_like_pressing_it(harness: Harness) -> None:
    action = action_path(gather_of(start_call(harness)))
    harness.twilio_post(action, call(SpeechResult="Twee."))
    assert harness.pipeline.received[-1].text == "Nee"


def test_english_menu_on_request(profile: Any) -> None:
    h = Harness(make_settings(), profile)
    h.pipeline.result = replies(("Hello, do you want help?", ("Yes", "No")))
    root = twiml(h.twilio_post("/webhooks/twilio/voice?lang=en", call()))
    gather = gather_of(root)
    assert gather.attrib["language"] == "en-GB"
    say = gather.find("Say")
    assert say is not None and say.attrib["voice"] == "Polly.Amy"
    assert (say.text or "").startswith("Hello, do you want help? Say yes, or press 1.")


def test_a_long_prompt_keeps_its_question_for_repeating(harness: Harness) -> None:
    long_text = "Dit is uitleg over wat wij doen. " * 80 + "Wilt u hulp?"
    harness.pipeline.result = replies((long_text, ("Ja", "Nee")))
    root = twiml(harness.twilio_post("/webhooks/twilio/voice", call()))
    action = gather_of(root).attrib["action"]
    assert len(action) < 6000
    again = twiml(harness.twilio_post(action_path(gather_of(root)), call(Digits="9")))
    said = gather_of(again).find("Say").text or ""  # type: ignore[union-attr]
    assert "Wilt u hulp? Zeg ja, of druk 1." in said
    assert len(said) <= 1500


def test_no_answer_from_the_bot_is_acknowledged(harness: Harness) -> None:
    action = action_path(gather_of(start_call(harness)))
    harness.pipeline.result = TurnResult(stored=True)
    root = twiml(harness.twilio_post(action, call(SpeechResult="Mijn buurvrouw is ziek.")))
    said = gather_of(root).find("Say").text or ""  # type: ignore[union-attr]
    assert said.startswith("Dank u. Ik heb het doorgegeven.")
