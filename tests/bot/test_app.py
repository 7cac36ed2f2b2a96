"""The web app end to end: web chat, health, metrics, headers, bad input, database down."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from bot.app import create_app
from config.settings import Secret, Settings
from tests.fakes.twilio_server import TWILIO_TEST_SID, TWILIO_TEST_TOKEN, twilio_headers

CHAT = {"X-Voordeur-Chat": "1"}


@pytest.fixture
def client(db_url: str, understander) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    app = create_app(Settings(database_url=db_url), nlu=understander)
    with TestClient(app) as c:
        yield c


def wait_messages(client: TestClient, after: int = 0, want: int = 1, timeout: float = 10) -> list[dict]:
    deadline = time.monotonic() + timeout
    got: list[dict] = []
    while time.monotonic() < deadline:
        got = client.get(f"/chat/messages?after={after}").json()["messages"]
        if len([m for m in got if m["from"] != "person"]) >= want:
            return got
        time.sleep(0.1)
    return got


def test_web_chat_round_trip_with_two_buttons(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "Typ hier uw bericht" in page.text
    assert "vd_chat" in page.cookies
    r = client.post("/chat/send", json={"text": "hallo, ik zoek hulp", "id": "m1"}, headers=CHAT)
    assert r.status_code == 200, r.text
    msgs = wait_messages(client, want=2)
    assert msgs[0] == {**msgs[0], "from": "person", "text": "hallo, ik zoek hulp"}
    bot = [m for m in msgs if m["from"] == "bot"]
    assert bot and all(len(m["options"]) <= 2 for m in bot)
    assert bot[-1]["options"], "the consent question offers two buttons"


def test_the_same_web_chat_message_twice_is_answered_once(client: TestClient) -> None:
    client.get("/")
    for _ in range(2):
        assert client.post("/chat/send", json={"text": "hallo", "id": "same"}, headers=CHAT).status_code == 200
    msgs = wait_messages(client, want=2)
    time.sleep(0.5)
    msgs = client.get("/chat/messages").json()["messages"]
    assert [m["from"] for m in msgs].count("person") == 1


def test_the_longest_chat_cookie_and_message_id_are_stored(client: TestClient) -> None:
    """Cookie (up to 64) + ":" + message id (up to 64) was 129 characters, one more than
    the provider id column holds: PostgreSQL refused it, so that chat got 503 'busy'."""
    client.cookies.set("vd_chat", "a" * 64)
    r = client.post("/chat/send", json={"text": "hallo", "id": "b" * 64}, headers=CHAT)
    assert r.status_code == 200, r.text
    assert wait_messages(client)[0]["from"] == "person"


@pytest.mark.parametrize(
    ("body", "headers", "status"),
    [
        (b"not json", CHAT, 400),
        (b'{"text": ""}', CHAT, 400),
        (b'{"text": "hoi"}', {}, 403),
        (b'{"text": "' + b"x" * 20000 + b'"}', CHAT, 413),
    ],
)
def test_bad_web_chat_requests_get_a_clear_4xx(client: TestClient, body: bytes, headers: dict, status: int) -> None:
    client.get("/")
    r = client.post("/chat/send", content=body, headers={**headers, "Content-Type": "application/json"})
    assert r.status_code == status
    assert "error" in r.json() and "Traceback" not in r.text


def test_a_message_id_no_row_can_have_is_a_400(client: TestClient) -> None:
    """PostgreSQL's INTEGER ends at 2**31 - 1; a larger ``after`` was an error there."""
    client.get("/")
    client.post("/chat/send", json={"text": "hallo", "id": "a1"}, headers=CHAT)
    wait_messages(client)
    for after in (str(2**31), str(2**63), str(10**30), "-5"):
        r = client.get(f"/chat/messages?after={after}")
        assert r.status_code == 400 and "after" in r.json()["error"], (after, r.text)
    assert client.get("/chat/messages?after=0").status_code == 200


def test_health_readiness_and_metrics(client: TestClient) -> None:
    assert client.get("/healthz").json() == {"status": "alive"}
    ready = client.get("/readyz")
    assert ready.status_code == 200 and ready.json()["migrations"] == "current"
    client.get("/")
    client.post("/chat/send", json={"text": "hallo", "id": "x"}, headers=CHAT)
    wait_messages(client)
    text = client.get("/metrics").text
    assert 'voordeur_inbound_messages_total{channel="webchat"} 1.0' in text
    assert "voordeur_turn_seconds_bucket" in text and "voordeur_outbox_depth" in text


def test_every_page_has_security_headers(client: TestClient) -> None:
    for path in ("/", "/healthz", "/chat/messages"):
        r = client.get(path)
        assert "default-src 'self'" in r.headers["content-security-policy"]
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"


def test_chat_cookie_is_httponly_and_strict(client: TestClient) -> None:
    cookie = client.get("/").headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=strict" in cookie


def test_sms_webhook_answers_like_every_route(db_url: str, understander) -> None:  # type: ignore[no-untyped-def]
    """The SMS webhook takes the app's short way in (bot.web.plain): the same security
    headers, the same JSON errors, and the message stored and answered."""
    from tests.fakes.twilio_server import FakeTwilioServer

    with FakeTwilioServer() as tw:
        settings = Settings(
            database_url=db_url, twilio_account_sid=TWILIO_TEST_SID,
            twilio_auth_token=Secret(TWILIO_TEST_TOKEN), twilio_sms_from="+3197010000000",
            twilio_api_base_url=tw.url, public_base_url="https://voordeur.example",
        )
        params = {"From": "+31612345678", "To": "+3197010000000", "Body": "hallo",
                  "MessageSid": "SM" + "3" * 32, "AccountSid": TWILIO_TEST_SID}
        url = "https://voordeur.example/webhooks/twilio/sms"
        with TestClient(create_app(settings, nlu=understander)) as c:
            forged = c.post("/webhooks/twilio/sms", data=params,
                            headers=twilio_headers("not-the-token", url, params))
            assert forged.status_code == 403
            assert forged.json() == {"error": "invalid Twilio signature"}
            ok = c.post("/webhooks/twilio/sms", data=params, headers=twilio_headers(TWILIO_TEST_TOKEN, url, params))
            assert ok.status_code == 200 and ok.text.endswith("<Response/>")
            for r in (forged, ok):
                assert r.headers["x-content-type-options"] == "nosniff"
                assert r.headers["strict-transport-security"].startswith("max-age=")
            deadline = time.monotonic() + 10
            while not tw.messages and time.monotonic() < deadline:
                time.sleep(0.05)
            assert tw.messages and tw.messages[0]["To"] == "+31612345678", "the reply went out"


def test_webhooks_answer_503_while_the_database_is_down(pg_url: str, understander) -> None:  # type: ignore[no-untyped-def]
    """PostgreSQL only, by nature: a database server that goes away (the test drops the
    database under the running app); a SQLite file cannot go down that way."""
    import psycopg

    from tests.conftest import PG_URL

    settings = Settings(
        database_url=pg_url, twilio_account_sid=TWILIO_TEST_SID,
        twilio_auth_token=Secret(TWILIO_TEST_TOKEN),
        twilio_sms_from="+3197010000000", public_base_url="https://voordeur.example",
    )
    app = create_app(settings, nlu=understander)
    params = {"From": "+31612345678", "To": "+3197010000000", "Body": "hallo", "MessageSid": "SM" + "1" * 32,
              "AccountSid": TWILIO_TEST_SID}
    url = "https://voordeur.example/webhooks/twilio/sms"
    with TestClient(app) as c:
        ok = c.post("/webhooks/twilio/sms", data=params, headers=twilio_headers(TWILIO_TEST_TOKEN, url, params))
        assert ok.status_code == 200
        name = pg_url.rsplit("/", 1)[1]
        base = PG_URL.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        params2 = {**params, "MessageSid": "SM" + "2" * 32, "Body": "nog een vraag"}
        down = c.post("/webhooks/twilio/sms", data=params2, headers=twilio_headers(TWILIO_TEST_TOKEN, url, params2))
        assert down.status_code == 503, "not acknowledged: Twilio will retry"
        assert c.get("/readyz").status_code == 503
        c.cookies.set("vd_chat", "a" * 32)
        chat = c.post("/chat/send", json={"text": "hallo"}, headers=CHAT)
        assert chat.status_code == 503 and chat.json()["error"] == "busy"
        with psycopg.connect(base, autocommit=True) as conn:  # let the fixture drop it again
            conn.execute(f'CREATE DATABASE "{name}"')


def test_metrics_with_several_workers_are_valid_prometheus(db_url: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    import os
    import subprocess
    import sys

    code = (
        "from datetime import datetime, timezone\n"
        "from bot.metrics import Metrics\n"
        "from storage.db import Database\n"
        f"db = Database({db_url!r}); db.upgrade()\n"
        "m = Metrics(db, lambda: datetime.now(timezone.utc))\n"
        "m.inbound.labels('sms').inc(); m.turn.observe(0.01)\n"
        "print(m.render().decode())\n"
    )
    (tmp_path / "prom").mkdir()
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(tmp_path / "prom")}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True,
                         cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__)))).stdout
    types = [ln for ln in out.splitlines() if ln.startswith("# TYPE")]
    assert len(types) == len(set(types)), "each metric described once"
    assert 'voordeur_inbound_messages_total{channel="sms"} 1.0' in out
    assert "voordeur_outbox_depth" in out


def test_sqlite_refuses_several_workers(sqlite_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    """SQLite only, by nature: one process holds its write lock, so `voordeur run
    --workers 2` stops before starting anything and says to use PostgreSQL."""
    from bot.app import serve

    assert serve(Settings(database_url=sqlite_url), host="127.0.0.1", port=1, workers=2) == 2
    assert "PostgreSQL" in capsys.readouterr().out


def test_startup_objects_are_kept_out_of_full_garbage_collections(db_url: str, understander) -> None:  # type: ignore[no-untyped-def]
    """The NLU model and everything built at start are frozen: a full GC pass skips them."""
    import gc

    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    with TestClient(create_app(Settings(database_url=db_url), nlu=understander)) as c:
        assert gc.get_freeze_count() > 10_000
        assert c.get("/healthz").status_code == 200
