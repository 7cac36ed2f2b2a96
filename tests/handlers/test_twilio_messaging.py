"""SMS and WhatsApp through Twilio: webhooks, status callbacks and senders."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.messages import Channel
from bot.ports import TurnResult
from handlers.base import (
    PermanentFailure,
    RateLimited,
    RecipientBlocked,
    Rendered,
    TemporaryFailure,
)
from handlers.render import render_sms
from handlers.twilio_client import DEFAULT_RETRY_AFTER, TwilioMessaging
from handlers.twilio_sms import TwilioSmsSender
from handlers.twilio_whatsapp import TwilioWhatsAppSender, window_open
from tests.fakes import TWILIO_TEST_SID, TWILIO_TEST_TOKEN, FakeTwilioServer
from tests.handlers.conftest import Harness, make_settings

SID = "SM" + "1" * 32


def sms(**extra: str) -> dict[str, str]:
    params = {
        "MessageSid": SID,
        "SmsSid": SID,
        "AccountSid": TWILIO_TEST_SID,
        "From": "+31612345678",
        "To": "+3197010000001",
        "Body": "Ik zoek hulp",
        "NumMedia": "0",
        "FromCountry": "NL",
    }
    params.update(extra)
    return params


# --- SMS webhook ------------------------------------------------------------------------


def test_an_sms_reaches_the_pipeline_and_gets_empty_twiml(harness: Harness) -> None:
    response = harness.twilio_post("/webhooks/twilio/sms", sms())
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/xml")
    assert response.text.endswith("<Response/>")
    (inbound,) = harness.pipeline.received
    assert (inbound.channel, inbound.address, inbound.text, inbound.provider_id) == (
        Channel.SMS,
        "+31612345678",
        "Ik zoek hulp",
        SID,
    )


def test_a_forged_sms_is_refused(harness: Harness) -> None:
    response = harness.twilio_post("/webhooks/twilio/sms", sms(), token="not-the-token")
    assert response.status_code == 403
    assert harness.pipeline.received == []


def test_a_tampered_sms_is_refused(harness: Harness) -> None:
    signed = sms()
    from tests.fakes import sign_twilio

    signature = sign_twilio(TWILIO_TEST_TOKEN, "http://testserver/webhooks/twilio/sms", signed)
    response = harness.twilio_post(
        "/webhooks/twilio/sms", sms(Body="Stuur geld"), signature=signature
    )
    assert response.status_code == 403


def test_an_unsigned_sms_is_refused(harness: Harness) -> None:
    from urllib.parse import urlencode

    response = harness.client.post(
        "/webhooks/twilio/sms",
        content=urlencode(sms()),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status_code == 403


def test_unknown_parameters_take_part_in_the_signature(harness: Harness) -> None:
    response = harness.twilio_post("/webhooks/twilio/sms", sms(NewTwilioField="x", ToCity=""))
    assert response.status_code == 200


def test_signature_is_checked_against_the_public_url(profile: Any) -> None:
    h = Harness(make_settings(public_base_url="https://voordeur.example/"), profile)
    assert h.twilio_post("/webhooks/twilio/sms?x=1", sms()).status_code == 200
    # signed for the internal URL: not what Twilio called
    from urllib.parse import urlencode

    from tests.fakes import twilio_headers

    headers = twilio_headers(TWILIO_TEST_TOKEN, "http://testserver/webhooks/twilio/sms", sms())
    assert (
        h.client.post("/webhooks/twilio/sms", content=urlencode(sms()), headers=headers).status_code
        == 403
    )


def test_sms_without_body_is_a_bad_request(harness: Harness) -> None:
    params = sms()
    del params["Body"]
    response = harness.twilio_post("/webhooks/twilio/sms", params)
    assert response.status_code == 400
    assert response.json() == {"error": "missing form field Body"}


def test_sms_from_junk_is_a_bad_request(harness: Harness) -> None:
    assert harness.twilio_post("/webhooks/twilio/sms", sms(From="hello")).status_code == 400


def test_local_number_is_normalised(harness: Harness) -> None:
    harness.twilio_post("/webhooks/twilio/sms", sms(From="06 12345678"))
    assert harness.pipeline.received[0].address == "+31612345678"


def test_oversized_sms_request_is_refused(harness: Harness) -> None:
    assert harness.twilio_post("/webhooks/twilio/sms", sms(Body="x" * 70_000)).status_code == 413


def test_sms_not_stored_is_503(harness: Harness) -> None:
    harness.pipeline.result = TurnResult(stored=False)
    assert harness.twilio_post("/webhooks/twilio/sms", sms()).status_code == 503


def test_sms_with_json_body_is_a_bad_request(harness: Harness) -> None:
    response = harness.client.post(
        "/webhooks/twilio/sms",
        content=json.dumps(sms()),
        headers={"Content-Type": "application/json", "X-Twilio-Signature": "x"},
    )
    assert response.status_code == 400


# --- WhatsApp webhook -------------------------------------------------------------------


def test_a_whatsapp_message_reaches_the_pipeline_without_prefix(harness: Harness) -> None:
    params = sms(From="whatsapp:+31612345678", To="whatsapp:+3197010000002", ProfileName="Ans")
    response = harness.twilio_post("/webhooks/twilio/whatsapp", params)
    assert response.status_code == 200
    (inbound,) = harness.pipeline.received
    assert inbound.channel is Channel.WHATSAPP
    assert inbound.address == "+31612345678"
    assert inbound.display_name == "Ans"


def test_whatsapp_webhook_refuses_forgery_and_plain_numbers(harness: Harness) -> None:
    params = sms(From="whatsapp:+31612345678")
    assert harness.twilio_post("/webhooks/twilio/whatsapp", params, token="x").status_code == 403
    assert harness.twilio_post("/webhooks/twilio/whatsapp", sms()).status_code == 400


# --- status callbacks --------------------------------------------------------------------


def test_delivery_status_reaches_the_outbox(harness: Harness) -> None:
    params = {"MessageSid": SID, "MessageStatus": "delivered", "AccountSid": TWILIO_TEST_SID}
    assert harness.twilio_post("/webhooks/twilio/status", params).status_code == 204
    failed = {"MessageSid": SID, "MessageStatus": "undelivered", "ErrorCode": "30003"}
    assert harness.twilio_post("/webhooks/twilio/status", failed).status_code == 204
    assert harness.outbox.statuses == [(SID, "delivered", None), (SID, "undelivered", "30003")]


def test_forged_or_malformed_status_is_refused(harness: Harness) -> None:
    params = {"MessageSid": SID, "MessageStatus": "delivered"}
    assert harness.twilio_post("/webhooks/twilio/status", params, token="x").status_code == 403
    assert harness.twilio_post("/webhooks/twilio/status", {"MessageSid": SID}).status_code == 400
    assert harness.outbox.statuses == []


# --- senders ----------------------------------------------------------------------------


@pytest.fixture
async def sms_sender(tw: FakeTwilioServer) -> Any:
    sender = TwilioSmsSender(
        TWILIO_TEST_SID,
        TWILIO_TEST_TOKEN,
        "+3197010000001",
        api_base_url=tw.url,
        status_callback="https://voordeur.example/webhooks/twilio/status",
    )
    await sender.start()
    yield sender
    await sender.stop()


@pytest.fixture
async def wa_sender(tw: FakeTwilioServer) -> Any:
    sender = TwilioWhatsAppSender(
        TWILIO_TEST_SID,
        TWILIO_TEST_TOKEN,
        "+3197010000002",
        api_base_url=tw.url,
        template_sid="HX" + "ab" * 16,
    )
    await sender.start()
    yield sender
    await sender.stop()


@pytest.mark.anyio
async def test_sms_is_sent_with_the_real_client(
    tw: FakeTwilioServer, sms_sender: TwilioSmsSender
) -> None:
    (rendered,) = sms_sender.render("Wilt u hulp bij financiële zaken?", ("Ja", "Nee"), "nl")
    delivery = await sms_sender.send("+31612345678", rendered)
    (sent,) = tw.messages
    assert sent["To"] == "+31612345678" and sent["From"] == "+3197010000001"
    assert sent["Body"] == "Wilt u hulp bij financiele zaken?\n1 Ja\n2 Nee"
    assert sent["StatusCallback"] == "https://voordeur.example/webhooks/twilio/status"
    assert delivery.provider_id == sent["_sid"] and delivery.status == "queued"
    assert len(delivery.provider_id) == 34 and delivery.provider_id.startswith("SM")


@pytest.mark.anyio
async def test_sms_from_a_messaging_service(tw: FakeTwilioServer) -> None:
    sender = TwilioSmsSender(
        TWILIO_TEST_SID, TWILIO_TEST_TOKEN, "MG" + "0" * 32, api_base_url=tw.url
    )
    await sender.start()
    try:
        await sender.send("+31612345678", Rendered(text="Hallo"))
    finally:
        await sender.stop()
    assert tw.messages[0]["MessagingServiceSid"] == "MG" + "0" * 32
    assert "From" not in tw.messages[0]


@pytest.mark.anyio
async def test_too_many_requests_is_rate_limited_with_retry_after(
    tw: FakeTwilioServer, sms_sender: TwilioSmsSender
) -> None:
    tw.fail_next(1, "rate_limit", retry_after=9)
    with pytest.raises(RateLimited) as caught:
        await sms_sender.send("+31612345678", Rendered(text="Hallo"))
    assert caught.value.retry_after == 9
    tw.fail_next(1, "rate_limit", retry_after=None)
    with pytest.raises(RateLimited) as caught:
        await sms_sender.send("+31612345678", Rendered(text="Hallo"))
    assert caught.value.retry_after == DEFAULT_RETRY_AFTER


@pytest.mark.anyio
async def test_unsubscribed_person_is_recipient_blocked(
    tw: FakeTwilioServer, sms_sender: TwilioSmsSender
) -> None:
    tw.fail_next(1, "unsubscribed")
    with pytest.raises(RecipientBlocked) as caught:
        await sms_sender.send("+31612345678", Rendered(text="Hallo"))
    assert "21610" in caught.value.reason


@pytest.mark.anyio
async def test_twilio_errors_map_to_temporary_and_permanent(
    tw: FakeTwilioServer, sms_sender: TwilioSmsSender
) -> None:
    tw.fail_next(1, "server_error")
    with pytest.raises(TemporaryFailure):
        await sms_sender.send("+31612345678", Rendered(text="Hallo"))
    tw.fail_next(1, "bad_request")
    with pytest.raises(PermanentFailure) as caught:
        await sms_sender.send("+31612345678", Rendered(text="Hallo"))
    assert not isinstance(caught.value, RecipientBlocked)


@pytest.mark.anyio
async def test_unreachable_twilio_is_temporary(
    tw: FakeTwilioServer, sms_sender: TwilioSmsSender
) -> None:
    tw.stop()
    with pytest.raises(TemporaryFailure):
        await sms_sender.send("+31612345678", Rendered(text="Hallo"))


@pytest.mark.anyio
async def test_long_sms_goes_out_as_one_segment_parts(
    tw: FakeTwilioServer, sms_sender: TwilioSmsSender
) -> None:
    text = " ".join(f"Dit is zin {i} over de hulp die we samen regelen." for i in range(8))
    for part in render_sms(text, ("Ja", "Nee")):
        await sms_sender.send("+31612345678", part)
    assert len(tw.messages) > 1
    assert all(len(m["Body"]) <= 160 for m in tw.messages)


@pytest.mark.anyio
async def test_whatsapp_free_text_uses_prefixed_addresses(
    tw: FakeTwilioServer, wa_sender: TwilioWhatsAppSender
) -> None:
    (rendered,) = wa_sender.render("Zal ik iemand vragen?", ("Ja", "Nee"), "nl")
    await wa_sender.send("+31612345678", rendered)
    (sent,) = tw.messages
    assert sent["To"] == "whatsapp:+31612345678"
    assert sent["From"] == "whatsapp:+3197010000002"
    assert sent["Body"] == "Zal ik iemand vragen?\n1 Ja\n2 Nee"
    assert "ContentSid" not in sent


@pytest.mark.anyio
async def test_whatsapp_template_outside_the_window_has_no_body(
    tw: FakeTwilioServer, wa_sender: TwilioWhatsAppSender
) -> None:
    rendered = wa_sender.render_template({"1": "Ans", "2": "dinsdag"})
    delivery = await wa_sender.send("+31612345678", rendered)
    (sent,) = tw.messages
    assert sent["ContentSid"] == "HX" + "ab" * 16
    assert json.loads(sent["ContentVariables"]) == {"1": "Ans", "2": "dinsdag"}
    assert "Body" not in sent
    assert delivery.provider_id == sent["_sid"]


def test_template_needs_a_configured_sid() -> None:
    sender = TwilioWhatsAppSender(TWILIO_TEST_SID, TWILIO_TEST_TOKEN, "+3197010000002")
    with pytest.raises(ValueError):
        sender.render_template({})


def test_whatsapp_window_is_24_hours() -> None:
    now = datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
    assert window_open(now - timedelta(hours=23, minutes=59), now)
    assert not window_open(now - timedelta(hours=24), now)
    assert not window_open(None, now)


def test_senders_from_settings() -> None:
    settings = make_settings(
        public_base_url="https://voordeur.example", twilio_api_base_url="http://127.0.0.1:9"
    )
    sms_sender = TwilioSmsSender.from_settings(settings)
    wa = TwilioWhatsAppSender.from_settings(settings)
    assert sms_sender.channel is Channel.SMS and wa.channel is Channel.WHATSAPP
    with pytest.raises(ValueError):
        TwilioSmsSender.from_settings(make_settings(twilio_sms_from=None))


@pytest.mark.anyio
async def test_wrong_credentials_are_permanent(tw: FakeTwilioServer) -> None:
    sender = TwilioSmsSender(TWILIO_TEST_SID, "wrong-token", "+3197010000001", api_base_url=tw.url)
    await sender.start()
    try:
        with pytest.raises(PermanentFailure) as caught:
            await sender.send("+31612345678", Rendered(text="Hallo"))
    finally:
        await sender.stop()
    assert "20003" in caught.value.reason
    assert tw.messages == []


@pytest.mark.anyio
async def test_concurrent_sends_each_get_their_own_outcome(
    tw: FakeTwilioServer, sms_sender: TwilioSmsSender
) -> None:
    import asyncio

    tw.fail_next(4, "rate_limit", retry_after=9)
    results = await asyncio.gather(
        *(sms_sender.send("+31612345678", Rendered(text=f"Bericht {i}")) for i in range(12)),
        return_exceptions=True,
    )
    limited = [r for r in results if isinstance(r, RateLimited)]
    assert len(limited) == 4
    assert all(r.retry_after == 9 for r in limited)
    assert len(tw.messages) == 8


@pytest.mark.anyio
async def test_a_twilio_that_does_not_answer_in_time_is_a_temporary_failure(tw: FakeTwilioServer) -> None:
    """Every request has a time limit (the library's async client sets none by itself)."""
    messaging = TwilioMessaging(TWILIO_TEST_SID, TWILIO_TEST_TOKEN, tw.url, timeout=0.2)
    await messaging.start()
    tw.latency = 1.0
    try:
        with pytest.raises(TemporaryFailure, match="unreachable"):
            await messaging.create(to="+31612345678", from_="+3197010000000", body="Hallo")
        tw.latency = 0.0
        created = await messaging.create(to="+31612345678", from_="+3197010000000", body="Hallo")
        assert created.sid.startswith("SM")
    finally:
        await messaging.stop()


@pytest.mark.anyio
async def test_an_unreachable_twilio_is_a_temporary_failure() -> None:
    from tests.support.server import free_port

    messaging = TwilioMessaging(TWILIO_TEST_SID, TWILIO_TEST_TOKEN, f"http://127.0.0.1:{free_port()}")
    await messaging.start()
    try:
        with pytest.raises(TemporaryFailure, match="unreachable"):
            await messaging.create(to="+31612345678", from_="+3197010000000", body="Hallo")
    finally:
        await messaging.stop()
