"""The fake provider servers behave like the real APIs where our code depends on it."""

from __future__ import annotations

import base64

import httpx

from tests.fakes import (
    TELEGRAM_TEST_TOKEN,
    TWILIO_TEST_SID,
    TWILIO_TEST_TOKEN,
    FakeTelegramServer,
    FakeTwilioServer,
)


def test_telegram_fake_accepts_json_and_records_the_call(tg: FakeTelegramServer) -> None:
    url = f"{tg.base_url}{TELEGRAM_TEST_TOKEN}/sendMessage"
    body = {"chat_id": 7, "text": "Hoi", "reply_markup": '{"remove_keyboard": true}'}
    answer = httpx.post(url, json=body).json()
    assert answer["ok"] is True
    assert answer["result"]["chat"]["id"] == 7 and answer["result"]["text"] == "Hoi"
    assert tg.sent_messages[0]["reply_markup"] == {"remove_keyboard": True}


def test_telegram_fake_refuses_a_wrong_token_and_unknown_methods(tg: FakeTelegramServer) -> None:
    assert httpx.post(f"{tg.base_url}1:nope/getMe").status_code == 401
    assert httpx.post(f"{tg.base_url}{TELEGRAM_TEST_TOKEN}/sendDice").status_code == 404


def test_telegram_fake_forgets_updates_below_the_offset(tg: FakeTelegramServer) -> None:
    url = f"{tg.base_url}{TELEGRAM_TEST_TOKEN}/getUpdates"
    first = tg.push_text(7, "een")
    second = tg.push_text(7, "twee")
    got = httpx.post(url, data={"timeout": "0"}).json()["result"]
    assert [u["update_id"] for u in got] == [first["update_id"], second["update_id"]]
    got = httpx.post(url, data={"offset": str(second["update_id"]), "timeout": "0"}).json()
    assert [u["update_id"] for u in got["result"]] == [second["update_id"]]


def test_telegram_fake_fails_on_request(tg: FakeTelegramServer) -> None:
    url = f"{tg.base_url}{TELEGRAM_TEST_TOKEN}/sendMessage"
    tg.fail_next(1, "rate_limit", retry_after=5)
    answer = httpx.post(url, data={"chat_id": "7", "text": "x"})
    assert answer.status_code == 429
    assert answer.json()["parameters"] == {"retry_after": 5}
    assert httpx.post(url, data={"chat_id": "7", "text": "x"}).status_code == 200


def _auth(sid: str = TWILIO_TEST_SID, token: str = TWILIO_TEST_TOKEN) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"{sid}:{token}".encode()).decode()}


def test_twilio_fake_creates_a_message(tw: FakeTwilioServer) -> None:
    url = f"{tw.url}/2010-04-01/Accounts/{TWILIO_TEST_SID}/Messages.json"
    answer = httpx.post(
        url, data={"To": "+31612345678", "From": "+3197010000001", "Body": "Hoi"}, headers=_auth()
    )
    assert answer.status_code == 201
    assert answer.json()["status"] == "queued"
    assert answer.json()["sid"] == tw.messages[0]["_sid"]


def test_twilio_fake_checks_auth_and_fields(tw: FakeTwilioServer) -> None:
    url = f"{tw.url}/2010-04-01/Accounts/{TWILIO_TEST_SID}/Messages.json"
    fields = {"To": "+31612345678", "From": "+3197010000001"}
    assert httpx.post(url, data=fields, headers=_auth(token="x")).status_code == 401
    missing = httpx.post(url, data=fields, headers=_auth())
    assert missing.status_code == 400 and missing.json()["code"] == 21602
    tw.fail_next(1, "rate_limit", retry_after=4)
    limited = httpx.post(url, data={**fields, "Body": "x"}, headers=_auth())
    assert limited.status_code == 429 and limited.headers["Retry-After"] == "4"
    assert tw.messages == []
