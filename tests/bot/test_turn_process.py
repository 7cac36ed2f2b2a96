"""TURN_PROCESS=true: turns run in a child process of the web process.

The child is real (``python -c 'from bot.turn_process import main ...'``), as are the
database, the NLU model and, for the app tests, ``voordeur run``, the Twilio client and
a local server speaking Twilio's Messages API.
"""

from __future__ import annotations

import asyncio
import os
import signal
import time
from collections import Counter
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select

from bot.messages import Channel, Inbound
from bot.turn_process import TurnProcess, TurnProcessDown
from config.settings import load_settings
from storage.db import Database
from storage.models import Message
from tests.fakes import TWILIO_TEST_SID, TWILIO_TEST_TOKEN, twilio_headers
from tests.fakes.twilio_server import FakeTwilioServer
from tests.support.server import AppProcess

pytestmark = pytest.mark.slow

SMS_PATH = "/webhooks/twilio/sms"


def _inbound(address: str, text: str, sid: str) -> Inbound:
    return Inbound(channel=Channel.SMS, address=address, text=text, provider_id=sid)


def _count_in(url: str) -> Counter[str]:
    db = Database(url)
    try:
        with db.session() as s:
            rows = s.execute(
                select(Message.provider_id, func.count()).where(Message.direction == "in").group_by(Message.provider_id)
            ).all()
    finally:
        db.dispose()
    return Counter({sid: n for sid, n in rows})


async def _until(predicate, timeout: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        await asyncio.sleep(0.05)
    return bool(predicate())


def test_a_turn_in_the_child_stores_answers_and_reports_its_live_events(
    db_url: str, nlu_model_dir: Path, understander
) -> None:  # type: ignore[no-untyped-def]
    settings = load_settings(environ={"DATABASE_URL": db_url, "NLU_MODEL_DIR": str(nlu_model_dir)})
    Database(db_url).upgrade()

    async def run() -> None:
        turns = TurnProcess(settings)
        await turns.start()
        try:
            assert turns.pid is not None and turns.pid != os.getpid()
            ok, _ = await turns.respond(_inbound("+31612345678", "kan iemand mijn boodschappen doen", "SM1"))
            assert ok.stored and not ok.duplicate and ok.replies, "stored and answered in the child"
            again, _ = await turns.respond(_inbound("+31612345678", "kan iemand mijn boodschappen doen", "SM1"))
            assert again.duplicate and not again.replies, "a redelivery is recognised, not answered twice"
            crisis, events = await turns.respond(_inbound("+31687654321", "ik wil niet meer leven", "SM2"))
            assert crisis.stored and crisis.replies
            kinds = [kind for kind, _ in events]
            assert "handoff" in kinds, f"the urgent handoff reaches the console's live feed: {events}"
        finally:
            await turns.stop()
        assert turns.pid is None

    asyncio.run(run())
    assert _count_in(db_url) == Counter({"SM1": 1, "SM2": 1})


def test_a_killed_child_fails_its_message_is_replaced_and_nothing_is_answered_twice(
    sqlite_url: str, nlu_model_dir: Path, understander
) -> None:  # type: ignore[no-untyped-def]
    """SQLite: what the setting is for (one worker, two cores)."""
    settings = load_settings(environ={"DATABASE_URL": sqlite_url, "NLU_MODEL_DIR": str(nlu_model_dir)})
    Database(sqlite_url).upgrade()

    async def run() -> None:
        turns = TurnProcess(settings)
        await turns.start()
        try:
            first, _ = await turns.respond(_inbound("+31611111111", "hallo", "SM10"))
            assert first.stored
            dead = turns.pid
            assert dead is not None
            os.kill(dead, signal.SIGKILL)
            with pytest.raises(TurnProcessDown):  # not stored, so not acknowledged: retried
                await turns.respond(_inbound("+31611111111", "ik heb hulp nodig met de tuin", "SM11"))
            assert await _until(lambda: turns.starts == 2, 120), "a new child was started"
            assert turns.pid not in (None, dead)
            retried, _ = await turns.respond(_inbound("+31611111111", "ik heb hulp nodig met de tuin", "SM11"))
            assert retried.stored and not retried.duplicate and retried.replies
        finally:
            await turns.stop()

    asyncio.run(run())
    assert _count_in(sqlite_url) == Counter({"SM10": 1, "SM11": 1})


def test_a_child_that_cannot_start_says_so(sqlite_url: str, nlu_model_dir: Path, tmp_path: Path) -> None:
    settings = load_settings(
        environ={"DATABASE_URL": sqlite_url, "NLU_MODEL_DIR": str(nlu_model_dir)}
    )
    # A profile that is gone by the time the child reads it (the web process read it first).
    settings = replace(settings, profile_path=str(tmp_path / "gone.yaml"))

    async def run() -> None:
        turns = TurnProcess(settings)
        turns_start = turns.start()
        with pytest.raises(RuntimeError, match="turn process did not start"):
            await asyncio.wait_for(turns_start, 120)

    asyncio.run(run())


def test_the_setting_is_read_from_the_environment() -> None:
    assert load_settings(environ={"TURN_PROCESS": "true"}).turn_process is True
    assert load_settings(environ={}).turn_process is False


def test_a_test_clock_and_a_turn_process_do_not_mix(sqlite_url: str, understander) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    from bot.app import create_app
    from bot.clock import SimClock

    settings = load_settings(environ={"DATABASE_URL": sqlite_url, "TURN_PROCESS": "true"})
    app = create_app(settings, clock=SimClock(datetime.now(UTC)), nlu=understander)
    with pytest.raises(ValueError, match="system clock"), TestClient(app):
        pass


# --- the whole app: voordeur run with TURN_PROCESS=true ---------------------------------


def _children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError):
                continue
            if ppid == pid:
                out.append(int(entry))
    return out


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def _post_sms(app: AppProcess, number: str, text: str, sid: str) -> int:
    params = {"AccountSid": TWILIO_TEST_SID, "MessageSid": sid, "From": number, "To": "+3197010000000", "Body": text}
    headers = twilio_headers(TWILIO_TEST_TOKEN, f"{app.url}{SMS_PATH}", params)
    return httpx.post(f"{app.url}{SMS_PATH}", data=params, headers=headers, timeout=30).status_code


def _wait(predicate, timeout: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.1)
    return bool(predicate())


def test_voordeur_run_with_a_turn_process_answers_sms_and_stops_cleanly(
    sqlite_url: str, nlu_model_dir: Path, understander, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    with FakeTwilioServer() as twilio:
        env = {
            "DATABASE_URL": sqlite_url,
            "TURN_PROCESS": "true",
            "NLU_MODEL_DIR": str(nlu_model_dir),
            "TWILIO_ACCOUNT_SID": TWILIO_TEST_SID,
            "TWILIO_AUTH_TOKEN": TWILIO_TEST_TOKEN,
            "TWILIO_SMS_FROM": "+3197010000000",
            "TWILIO_API_BASE_URL": twilio.url,
        }
        app = AppProcess(env, log=tmp_path / "app.log")
        env["PUBLIC_BASE_URL"] = app.url
        app.env["PUBLIC_BASE_URL"] = app.url
        app.start()
        try:
            assert app.proc is not None
            (child,) = _children(app.proc.pid)
            with open(f"/proc/{app.proc.pid}/maps") as f:
                assert "numpy" not in f.read(), "the web process does not load the NLU models"
            statuses = [
                _post_sms(app, "+31620000001", "kan iemand mijn boodschappen doen", "SMa1"),
                _post_sms(app, "+31620000002", "ik zoek hulp in de tuin", "SMb1"),
                _post_sms(app, "+31620000001", "ja", "SMa2"),
            ]
            assert statuses == [200, 200, 200]
            assert _wait(lambda: {m["To"] for m in twilio.messages} >= {"+31620000001", "+31620000002"}, 30)
            # The web process stops; the child finishes and goes with it.
            app.stop()
            # uvicorn shuts down gracefully, then re-raises the SIGTERM it caught.
            log = (tmp_path / "app.log").read_text()
            assert "Application shutdown complete" in log
            assert SMS_PATH not in log, "no access log by default (ACCESS_LOG)"
            assert _wait(lambda: not _alive(child), 20), "the turn process ended with the app"
        finally:
            app.kill()
    assert _count_in(sqlite_url) == Counter({"SMa1": 1, "SMb1": 1, "SMa2": 1})


def test_the_turn_process_ends_when_the_app_is_killed(
    sqlite_url: str, nlu_model_dir: Path, understander, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    env = {"DATABASE_URL": sqlite_url, "TURN_PROCESS": "true", "NLU_MODEL_DIR": str(nlu_model_dir),
           "ACCESS_LOG": "true"}
    app = AppProcess(env, log=tmp_path / "app.log").start()
    assert app.proc is not None
    assert httpx.get(f"{app.url}/readyz", timeout=10).json()["turn_process"] == "running"
    (child,) = _children(app.proc.pid)
    os.kill(child, signal.SIGKILL)
    # A new child takes seconds to load the NLU model: meanwhile the app is not ready.
    def restarting() -> bool:
        r = httpx.get(f"{app.url}/readyz", timeout=10)
        return (r.status_code, r.json().get("turn_process")) == (503, "restarting")

    assert _wait(restarting, 3), "not ready while the turn process is replaced"
    assert _wait(lambda: httpx.get(f"{app.url}/readyz", timeout=10).status_code == 200, 120), "ready again"
    assert httpx.get(f"{app.url}/healthz", timeout=10).status_code == 200
    assert _wait(lambda: "GET /healthz" in (tmp_path / "app.log").read_text(), 10), "ACCESS_LOG=true logs requests"
    (child,) = _children(app.proc.pid)
    app.kill()
    assert _wait(lambda: not _alive(child), 20), "no turn process is left behind after a SIGKILL"
