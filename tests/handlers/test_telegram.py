"""Telegram: webhook, parsing, sender and long polling against a local Bot API server."""

from __future__ import annotations

import asyncio
import json
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
from handlers.render import share_phone_button
from handlers.telegram import TelegramPoller, TelegramSender
from tests.fakes import TELEGRAM_TEST_TOKEN, FakeTelegramServer
from tests.handlers.conftest import TELEGRAM_SECRET, Harness, RecordingPipeline

HEADER = "X-Telegram-Bot-Api-Secret-Token"


def _update(
    tg: FakeTelegramServer, text: str | None = "Hallo", update_id: int = 501, **extra: Any
) -> dict[str, Any]:
    return {"update_id": update_id, "message": tg.message_from(4242, text, "Ans", **extra)}


def _post(h: Harness, body: Any, secret: str | None = TELEGRAM_SECRET) -> Any:
    headers = {"Content-Type": "application/json"}
    if secret is not None:
        headers[HEADER] = secret
    content = body if isinstance(body, (bytes, str)) else json.dumps(body)
    return h.client.post("/webhooks/telegram", content=content, headers=headers)


# --- webhook ------------------------------------------------------------------------


def test_a_message_reaches_the_pipeline(harness: Harness, tg: FakeTelegramServer) -> None:
    response = _post(harness, _update(tg, "Ik zoek hulp"))
    assert response.status_code == 200
    (inbound,) = harness.pipeline.received
    assert inbound.channel is Channel.TELEGRAM
    assert inbound.address == "4242"
    assert inbound.text == "Ik zoek hulp"
    assert inbound.provider_id == "update:501"
    assert inbound.display_name == "Ans"
    assert inbound.shared_phone is None


def test_wrong_secret_is_refused(harness: Harness, tg: FakeTelegramServer) -> None:
    assert _post(harness, _update(tg), secret="wrong").status_code == 403
    assert harness.pipeline.received == []


def test_missing_secret_is_refused(harness: Harness, tg: FakeTelegramServer) -> None:
    assert _post(harness, _update(tg), secret=None).status_code == 403


def test_no_secret_configured_accepts_without_header(profile: Any, tg: FakeTelegramServer) -> None:
    from tests.handlers.conftest import make_settings

    h = Harness(make_settings(telegram_webhook_secret=None), profile)
    assert _post(h, _update(tg), secret=None).status_code == 200


def test_malformed_json_is_a_bad_request_with_a_reason(harness: Harness) -> None:
    response = _post(harness, b"{not json")
    assert response.status_code == 400
    assert response.json() == {"error": "body is not valid JSON"}
    assert "Traceback" not in response.text


def test_json_that_is_no_update_is_a_bad_request(harness: Harness) -> None:
    assert _post(harness, {"hello": "world"}).status_code == 400
    assert _post(harness, [1, 2]).status_code == 400


def test_oversized_body_is_refused(harness: Harness, tg: FakeTelegramServer) -> None:
    update = _update(tg, "x" * 70_000)
    assert _post(harness, update).status_code == 413
    assert harness.pipeline.received == []


def test_non_message_updates_are_acknowledged_and_ignored(
    harness: Harness, tg: FakeTelegramServer
) -> None:
    edited = {"update_id": 7, "edited_message": tg.message_from(4242, "oeps", edit_date=1)}
    assert _post(harness, edited).status_code == 200
    sticker = {"update_id": 8, "message": tg.message_from(4242, None)}
    assert _post(harness, sticker).status_code == 200
    assert harness.pipeline.received == []


def test_not_stored_means_503_so_telegram_retries(harness: Harness, tg: FakeTelegramServer) -> None:
    harness.pipeline.result = TurnResult(stored=False)
    assert _post(harness, _update(tg)).status_code == 503


def test_pipeline_failure_means_503_without_a_stack_trace(
    harness: Harness, tg: FakeTelegramServer
) -> None:
    harness.pipeline.fail = True
    response = _post(harness, _update(tg))
    assert response.status_code == 503
    assert "database" not in response.text


def test_a_redelivered_update_is_acknowledged(harness: Harness, tg: FakeTelegramServer) -> None:
    harness.pipeline.result = TurnResult(stored=False, duplicate=True)
    assert _post(harness, _update(tg)).status_code == 200


def test_own_shared_contact_gives_the_phone_number(
    harness: Harness, tg: FakeTelegramServer
) -> None:
    contact = {"phone_number": "31612345678", "first_name": "Ans", "user_id": 4242}
    assert _post(harness, _update(tg, None, contact=contact)).status_code == 200
    (inbound,) = harness.pipeline.received
    assert inbound.shared_phone == "+31612345678"


def test_someone_elses_contact_is_not_taken_as_theirs(
    harness: Harness, tg: FakeTelegramServer
) -> None:
    contact = {"phone_number": "+31687654321", "first_name": "Piet", "user_id": 999}
    _post(harness, _update(tg, "dit is Piet", contact=contact))
    (inbound,) = harness.pipeline.received
    assert inbound.shared_phone is None
    assert inbound.text == "dit is Piet"


# --- sender ---------------------------------------------------------------------------


@pytest.fixture
async def sender(tg: FakeTelegramServer) -> Any:
    s = TelegramSender(TELEGRAM_TEST_TOKEN, base_url=tg.base_url, timeout=5)
    await s.start()
    yield s
    await s.stop()


@pytest.mark.anyio
async def test_start_checks_the_token_with_getme(
    tg: FakeTelegramServer, sender: TelegramSender
) -> None:
    assert tg.calls_to("getMe")
    assert sender.bot.username == "voordeur_test_bot"


@pytest.mark.anyio
async def test_two_options_are_a_reply_keyboard(
    tg: FakeTelegramServer, sender: TelegramSender
) -> None:
    (rendered,) = sender.render("Wilt u hulp?", ("Ja", "Nee"), "nl")
    delivery = await sender.send("4242", rendered)
    (sent,) = tg.sent_messages
    assert sent["chat_id"] == "4242" and sent["text"] == "Wilt u hulp?"
    assert sent["reply_markup"] == {
        "keyboard": [[{"text": "Ja"}, {"text": "Nee"}]],
        "resize_keyboard": True,
        "one_time_keyboard": True,
    }
    assert delivery.provider_id and delivery.provider_id.startswith("4242:")


@pytest.mark.anyio
async def test_no_options_removes_the_keyboard(
    tg: FakeTelegramServer, sender: TelegramSender
) -> None:
    await sender.send("4242", Rendered(text="Tot morgen."))
    assert tg.sent_messages[0]["reply_markup"] == {"remove_keyboard": True}


@pytest.mark.anyio
async def test_phone_request_button_asks_for_the_contact(
    tg: FakeTelegramServer, sender: TelegramSender
) -> None:
    await sender.send_phone_request("4242", "Mogen we u bellen?", "Deel mijn nummer")
    await sender.send("4242", Rendered(text="Of zo", buttons=(share_phone_button("Nummer"), "Nee")))
    first, second = tg.sent_messages
    assert first["reply_markup"]["keyboard"] == [
        [{"text": "Deel mijn nummer", "request_contact": True}]
    ]
    assert second["reply_markup"]["keyboard"] == [
        [{"text": "Nummer", "request_contact": True}, {"text": "Nee"}]
    ]


@pytest.mark.anyio
async def test_flood_control_is_rate_limited_with_retry_after(
    tg: FakeTelegramServer, sender: TelegramSender
) -> None:
    tg.fail_next(1, "rate_limit", retry_after=12)
    with pytest.raises(RateLimited) as caught:
        await sender.send("4242", Rendered(text="Hallo"))
    assert caught.value.retry_after == 12
    await sender.send("4242", Rendered(text="Hallo"))  # the next one goes through
    assert len(tg.sent_messages) == 1


@pytest.mark.anyio
async def test_blocked_bot_means_recipient_blocked(
    tg: FakeTelegramServer, sender: TelegramSender
) -> None:
    tg.fail_next(1, "blocked")
    with pytest.raises(RecipientBlocked):
        await sender.send("4242", Rendered(text="Hallo"))


@pytest.mark.anyio
async def test_bad_request_is_permanent(tg: FakeTelegramServer, sender: TelegramSender) -> None:
    tg.fail_next(1, "bad_request")
    with pytest.raises(PermanentFailure) as caught:
        await sender.send("4242", Rendered(text="Hallo"))
    assert not isinstance(caught.value, RecipientBlocked)


@pytest.mark.anyio
async def test_server_error_is_temporary(tg: FakeTelegramServer, sender: TelegramSender) -> None:
    tg.fail_next(1, "server_error")
    with pytest.raises(TemporaryFailure):
        await sender.send("4242", Rendered(text="Hallo"))


@pytest.mark.anyio
async def test_unreachable_api_is_temporary(tg: FakeTelegramServer, sender: TelegramSender) -> None:
    tg.stop()
    with pytest.raises(TemporaryFailure):
        await sender.send("4242", Rendered(text="Hallo"))


@pytest.mark.anyio
async def test_set_webhook_with_secret_reaches_the_api(
    tg: FakeTelegramServer, sender: TelegramSender
) -> None:
    await sender.bot.set_webhook(
        "https://voordeur.example/webhooks/telegram", secret_token=TELEGRAM_SECRET
    )
    assert tg.webhook_url == "https://voordeur.example/webhooks/telegram"
    assert tg.webhook_secret == TELEGRAM_SECRET


# --- long polling ---------------------------------------------------------------------


async def _wait_for(predicate: Any, seconds: float = 5.0) -> None:
    for _ in range(int(seconds / 0.02)):
        if predicate():
            return
        await asyncio.sleep(0.02)
    raise AssertionError("condition not met in time")


@pytest.mark.anyio
async def test_polling_feeds_messages_to_the_pipeline_once(
    tg: FakeTelegramServer, sender: TelegramSender
) -> None:
    pipeline = RecordingPipeline()
    poller = TelegramPoller(sender.bot, pipeline, timeout=1)
    await poller.start()
    try:
        first = tg.push_text(4242, "Hallo")
        tg.push_text(4242, "Ik zoek hulp")
        await _wait_for(lambda: len(pipeline.received) == 2)
        await asyncio.sleep(0.2)
        assert [i.text for i in pipeline.received] == ["Hallo", "Ik zoek hulp"]
        assert pipeline.received[0].provider_id == f"update:{first['update_id']}"
    finally:
        await poller.stop()
    assert tg.calls_to("deleteWebhook")


@pytest.mark.anyio
async def test_polling_does_not_skip_an_update_the_pipeline_did_not_store(
    tg: FakeTelegramServer, sender: TelegramSender
) -> None:
    pipeline = RecordingPipeline(result=TurnResult(stored=False))
    poller = TelegramPoller(sender.bot, pipeline, timeout=0)
    tg.push_text(4242, "Hallo")
    with pytest.raises(TemporaryFailure):
        await poller.poll_once()
    pipeline.result = TurnResult(stored=True)
    assert await poller.poll_once() == 1  # offered again
    assert await poller.poll_once() == 0  # and then confirmed
    assert [i.text for i in pipeline.received] == ["Hallo", "Hallo"]


def test_update_with_a_broken_message_is_a_bad_request(harness: Harness) -> None:
    broken = {"update_id": 9, "message": {"message_id": 1, "text": "hoi"}}  # no chat, no date
    response = _post(harness, broken)
    assert response.status_code == 400
    assert harness.pipeline.received == []


@pytest.mark.anyio
async def test_a_wrong_token_fails_at_start(tg: FakeTelegramServer) -> None:
    sender = TelegramSender("987654321:wrong-token", base_url=tg.base_url, timeout=5)
    with pytest.raises(PermanentFailure):
        await sender.start()
