"""Channels end to end through the real app, with the real Telegram and Twilio client
libraries talking to local servers that speak their HTTP APIs."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from bot.app import create_app
from bot.clock import SimClock
from config.settings import Secret, Settings
from storage.models import Contact, Conversation, Message
from tests.fakes import TELEGRAM_TEST_TOKEN, FakeTelegramServer
from tests.fakes.twilio_server import (
    TWILIO_TEST_SID,
    TWILIO_TEST_TOKEN,
    FakeTwilioServer,
    twilio_headers,
)

from .conftest import MONDAY_10

BASE = "https://voordeur.example"
PHONE = "+31612345678"
SMS_FROM, WA_FROM = "+3197010000000", "+3197010000001"


def wait(pred, timeout: float = 15.0) -> bool:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if pred():
            return True
        time.sleep(0.05)
    return pred()


@pytest.fixture
def twilio() -> Iterator[FakeTwilioServer]:
    with FakeTwilioServer() as t:
        yield t


def twilio_settings(url: str, twilio: FakeTwilioServer, **extra) -> Settings:  # type: ignore[no-untyped-def]
    return Settings(
        database_url=url, public_base_url=BASE, twilio_account_sid=TWILIO_TEST_SID,
        twilio_auth_token=Secret(TWILIO_TEST_TOKEN), twilio_sms_from=SMS_FROM, twilio_whatsapp_from=WA_FROM,
        twilio_api_base_url=twilio.url, **extra,
    )


def post_twilio(client: TestClient, path: str, params: dict[str, str]) -> object:
    return client.post(path, data=params, headers=twilio_headers(TWILIO_TEST_TOKEN, BASE + path, params))


def test_run_starts_telegram_polling_and_answers_with_two_buttons(db_url: str, understander) -> None:  # type: ignore[no-untyped-def]
    with FakeTelegramServer() as tg:
        settings = Settings(database_url=db_url, telegram_bot_token=Secret(TELEGRAM_TEST_TOKEN),
                            telegram_api_base_url=tg.base_url)
        with TestClient(create_app(settings, nlu=understander)) as client:
            assert "telegram" in client.get("/readyz").json()["channels"]
            tg.push_text(4242, "hallo, ik heb een vraag")
            assert wait(lambda: any(c for c in tg.calls_to("sendMessage")))
            def keyboards() -> list[list[list[dict]]]:
                marks = [c.get("reply_markup") for c in tg.calls_to("sendMessage")]
                return [m["keyboard"] for m in marks if isinstance(m, dict) and m.get("keyboard")]

            assert wait(lambda: bool(keyboards()))
            assert all(str(c["chat_id"]) == "4242" for c in tg.calls_to("sendMessage"))
            rows = keyboards()[-1]
            assert sum(len(r) for r in rows) == 2, "two buttons"


def test_one_person_on_sms_whatsapp_and_phone_is_one_thread(db_url: str, twilio: FakeTwilioServer, understander) -> None:  # type: ignore[no-untyped-def]
    with TestClient(create_app(twilio_settings(db_url, twilio), nlu=understander)) as client:
        r = post_twilio(client, "/webhooks/twilio/sms", {"From": PHONE, "To": SMS_FROM, "Body": "hallo",
                                                         "MessageSid": "SM" + "a" * 32})
        assert r.status_code == 200
        assert wait(lambda: any(m["To"] == PHONE for m in twilio.messages))
        r = post_twilio(client, "/webhooks/twilio/whatsapp", {"From": f"whatsapp:{PHONE}", "To": f"whatsapp:{WA_FROM}",
                                                              "Body": "ja hoor", "MessageSid": "SM" + "b" * 32})
        assert r.status_code == 200
        assert wait(lambda: any(m["To"] == f"whatsapp:{PHONE}" for m in twilio.messages)), "reply on WhatsApp"
        call = {"From": PHONE, "To": SMS_FROM, "CallSid": "CA" + "c" * 32, "AccountSid": TWILIO_TEST_SID}
        voice = post_twilio(client, "/webhooks/twilio/voice", call)
        assert voice.status_code == 200 and "<Gather" in voice.text and "<Say" in voice.text
        db = client.app.state.services.core.db  # type: ignore[attr-defined]
        with db.session() as s:
            assert s.scalar(select(func.count()).select_from(Contact)) == 1
            assert s.scalar(select(func.count()).select_from(Conversation)) == 1
            channels = set(s.scalars(select(Message.channel).where(Message.direction == "in")))
        assert channels == {"sms", "whatsapp", "voice"}, "the staff see one thread"


def test_followup_outside_the_whatsapp_window_sends_the_template_first(db_url: str, twilio: FakeTwilioServer, understander) -> None:  # type: ignore[no-untyped-def]
    clock = SimClock(MONDAY_10)
    settings = twilio_settings(db_url, twilio, twilio_whatsapp_template_sid="HX" + "1" * 32)
    with TestClient(create_app(settings, clock=clock, nlu=understander)) as client:
        services = client.app.state.services  # type: ignore[attr-defined]
        sid = iter(range(100))

        def wa(text: str) -> None:
            p = {"From": f"whatsapp:{PHONE}", "To": f"whatsapp:{WA_FROM}", "Body": text,
                 "MessageSid": f"SM{next(sid):032d}"}
            assert post_twilio(client, "/webhooks/twilio/whatsapp", p).status_code == 200

        wa("hallo")
        wa("ja")

        def drained() -> bool:
            from storage.models import OutboxRow

            with services.core.db.session() as s:
                return not s.scalar(select(func.count()).where(OutboxRow.status.in_(("queued", "sending"))))

        assert wait(drained), "the replies inside the window went out first"
        # A follow-up promised for in three days, long after the 24-hour window closed.
        with services.core.db.session() as s, s.begin():
            from storage.models import FollowUp

            contact = s.scalar(select(Contact))
            conv = s.scalar(select(Conversation))
            s.add(FollowUp(contact_id=contact.id, conversation_id=conv.id, due_at=clock.now() + timedelta(days=3),
                           about="groceries", status="pending", created_at=clock.now()))
        before = len(twilio.messages)
        clock.advance(timedelta(days=3, minutes=1))
        services.core.jobs.tick()
        services.dispatcher.wake()
        assert wait(lambda: len(twilio.messages) > before)
        time.sleep(0.5)
        new = twilio.messages[before:]
        assert [m.get("ContentSid") for m in new] == ["HX" + "1" * 32], "only the approved template"
        assert not new[0].get("Body"), "no free text outside the window (Twilio error 63016)"
        wa("ja graag")  # the person answers the template: the window is open again
        assert wait(lambda: any("Hoe gaat het" in m.get("Body", "") for m in twilio.messages[before:]))


def test_run_with_telegram_and_twilio_settings_starts_every_channel(db_url: str, twilio: FakeTwilioServer, understander) -> None:  # type: ignore[no-untyped-def]
    with FakeTelegramServer() as tg:
        settings = twilio_settings(db_url, twilio, telegram_bot_token=Secret(TELEGRAM_TEST_TOKEN),
                                   telegram_api_base_url=tg.base_url,
                                   telegram_webhook_secret=Secret("hook-secret_1"))
        with TestClient(create_app(settings, nlu=understander)) as client:
            ready = client.get("/readyz").json()
            assert ready["status"] == "ready"
            assert set(ready["channels"]) == {"webchat", "telegram", "sms", "whatsapp", "voice"}
            assert tg.calls_to("getMe"), "the Telegram client started"
            assert tg.webhook_url == BASE + "/webhooks/telegram", "with a public URL: webhook mode"
