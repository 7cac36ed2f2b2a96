"""Follow-ups are sent exactly once: after a SIGKILL, and with two app processes.

The app runs as a real process (`voordeur run`) sending SMS with the real Twilio
client to a local server that speaks Twilio's Messages API, which counts what arrives.
"""

from __future__ import annotations

import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from storage.db import Database
from storage.models import Contact, Conversation, FollowUp, Identity
from tests.fakes.twilio_server import TWILIO_TEST_SID, TWILIO_TEST_TOKEN, FakeTwilioServer
from tests.support.server import AppProcess

pytestmark = pytest.mark.slow

N = 60


def seed_due_followups(url: str, n: int) -> list[str]:
    db = Database(url)
    db.upgrade()
    now = datetime.now(UTC)
    numbers = [f"+3161{i:07d}" for i in range(n)]
    with db.session() as s, s.begin():
        for number in numbers:
            c = Contact(created_at=now, consent=True, last_channel="sms", last_activity_at=now, stat_key=number[-8:])
            s.add(c)
            s.flush()
            s.add(Identity(contact_id=c.id, channel="sms", address=number, phone=number, created_at=now))
            conv = Conversation(contact_id=c.id, owner="bot", state={}, topics=["groceries"], literal_topics=[],
                                deeper_topics=[], created_at=now, updated_at=now)
            s.add(conv)
            s.flush()
            s.add(FollowUp(contact_id=c.id, conversation_id=conv.id, due_at=now - timedelta(minutes=1),
                           about="de boodschappen", status="pending", created_at=now))
    db.dispose()
    return numbers


def env_for(url: str, twilio: FakeTwilioServer, model_dir: Path) -> dict[str, str]:
    return {
        "DATABASE_URL": url,
        "TWILIO_ACCOUNT_SID": TWILIO_TEST_SID,
        "TWILIO_AUTH_TOKEN": TWILIO_TEST_TOKEN,
        "TWILIO_SMS_FROM": "+3197010000000",
        "TWILIO_API_BASE_URL": twilio.url,
        "SCHEDULER_TICK_SECONDS": "1",
        "NLU_MODEL_DIR": str(model_dir),
    }


def wait_for(predicate, timeout: float) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return predicate()


def test_followups_due_during_a_sigkill_are_sent_exactly_once(tmp_path: Path) -> None:
    """SQLite only, as one process is all SQLite runs: a restart knows every 'sending'
    row was cut off and settles it at once. On PostgreSQL other workers may still be
    sending, so a restarted one waits STUCK_AFTER (2 minutes) before it settles a dead
    one's rows: minutes per run. PostgreSQL's exactly-once is the two-worker test below."""
    url = f"sqlite:///{tmp_path / 'kill.db'}"
    numbers = seed_due_followups(url, N)
    with FakeTwilioServer() as twilio:
        env = env_for(url, twilio, tmp_path / "nlu")
        app = AppProcess(env, log=tmp_path / "app.log").start()
        assert wait_for(lambda: len(twilio.messages) >= N // 4, 60), "sending started"
        app.kill()
        sent_before = len(twilio.messages)
        app = AppProcess(env, log=tmp_path / "app.log").start()
        try:
            assert wait_for(lambda: len({m["To"] for m in twilio.messages}) >= N, 90)
            time.sleep(2)  # anything sent twice would arrive now
        finally:
            app.stop()
    per_person = Counter(m["To"] for m in twilio.messages)
    assert set(per_person) == set(numbers), "every follow-up reached its person"
    parts = set(per_person.values())
    assert len(parts) == 1, f"each person got the same number of parts, exactly once: {parts}"
    assert sent_before < len(twilio.messages), "the kill really happened mid-way"
    db = Database(url)
    with db.session() as s:
        from sqlalchemy import func, select

        fired = s.scalar(select(func.count()).where(FollowUp.status == "fired", FollowUp.attempts == 1))
    db.dispose()
    assert fired == N


def test_two_workers_on_postgresql_send_each_followup_once(pg_url: str, tmp_path: Path) -> None:
    """PostgreSQL only, by nature: several worker processes need a database server."""
    with FakeTwilioServer() as twilio:
        env = env_for(pg_url, twilio, tmp_path / "nlu")
        a = AppProcess(env, log=tmp_path / "a.log")
        b = AppProcess(env, log=tmp_path / "b.log")
        a.start()
        b.start()
        # Seed once both run, so both schedulers race for the same due follow-ups.
        numbers = seed_due_followups(pg_url, N)
        try:
            assert wait_for(lambda: len({m["To"] for m in twilio.messages}) >= N, 90)
            time.sleep(3)
        finally:
            a.stop()
            b.stop()
    per_person = Counter(m["To"] for m in twilio.messages)
    assert set(per_person) == set(numbers)
    assert len(set(per_person.values())) == 1, "nobody got a follow-up twice"
