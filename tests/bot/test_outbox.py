"""The outbox dispatcher with the real Twilio client against a local Twilio server."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from bot.clock import SimClock
from bot.messages import Reply
from bot.outbox import Dispatcher, enqueue
from handlers.twilio_sms import TwilioSmsSender
from storage.db import Database
from storage.models import Contact, OutboxRow
from tests.fakes.twilio_server import TWILIO_TEST_SID, TWILIO_TEST_TOKEN, FakeTwilioServer

T0 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
A, B = "+31611111111", "+31622222222"


@pytest.fixture
def twilio():  # type: ignore[no-untyped-def]
    with FakeTwilioServer() as server:
        yield server


def make(db_url: str, twilio: FakeTwilioServer) -> tuple[Database, SimClock, Dispatcher, TwilioSmsSender]:
    db = Database(db_url)
    db.upgrade()
    clock = SimClock(T0)
    sender = TwilioSmsSender(TWILIO_TEST_SID, TWILIO_TEST_TOKEN, "+3197010000000", api_base_url=twilio.url)
    slept: list[float] = []

    async def no_sleep(seconds: float) -> None:
        slept.append(seconds)

    d = Dispatcher(db, {"sms": sender}, clock, rates={"sms": 1000.0}, sleep=no_sleep)
    return db, clock, d, sender


def queue(db: Database, clock: SimClock, to: str, *texts: str) -> list[int]:
    ids = []
    with db.session() as s, s.begin():
        c = Contact(created_at=clock.now())
        s.add(c)
        s.flush()
        for t in texts:
            ids.append(enqueue(s, reply=Reply(t), channel="sms", address=to, now=clock.now(),
                               contact_id=c.id, conversation_id=None).id)
    return ids


async def drain(d: Dispatcher, sender: TwilioSmsSender) -> None:
    while await d.drain_once():
        pass


def statuses(db: Database) -> list[str]:
    with db.session() as s:
        return list(s.scalars(select(OutboxRow.status).order_by(OutboxRow.id)))


def test_429_is_retried_after_the_providers_retry_after(db_url: str, twilio: FakeTwilioServer) -> None:
    db, clock, d, sender = make(db_url, twilio)

    async def run() -> None:
        await sender.start()
        try:
            queue(db, clock, A, "Hallo")
            twilio.fail_next(1, "rate_limit", retry_after=7)
            await drain(d, sender)
            assert statuses(db) == ["queued"] and not twilio.messages
            with db.session() as s:
                row = s.scalar(select(OutboxRow))
                assert row.next_try_at == T0 + timedelta(seconds=7)
            clock.advance(timedelta(seconds=6))
            await drain(d, sender)
            assert not twilio.messages, "not before Retry-After"
            clock.advance(timedelta(seconds=2))
            await drain(d, sender)
        finally:
            await sender.stop()

    asyncio.run(run())
    assert statuses(db) == ["sent"]
    assert [m["Body"] for m in twilio.messages] == ["Hallo"]
    db.dispose()


def test_provider_down_for_a_while_everything_arrives_in_order(db_url: str, twilio: FakeTwilioServer) -> None:
    db, clock, d, sender = make(db_url, twilio)

    async def run() -> None:
        await sender.start()
        try:
            queue(db, clock, A, "a1", "a2", "a3")
            queue(db, clock, B, "b1", "b2")
            twilio.fail_next(12, "server_error")
            for _ in range(40):
                await drain(d, sender)
                clock.advance(timedelta(minutes=1))
        finally:
            await sender.stop()

    asyncio.run(run())
    assert statuses(db) == ["sent"] * 5
    to_a = [m["Body"] for m in twilio.messages if m["To"] == A]
    to_b = [m["Body"] for m in twilio.messages if m["To"] == B]
    assert to_a == ["a1", "a2", "a3"] and to_b == ["b1", "b2"], "in order, each once"
    db.dispose()


def test_unsubscribed_number_fails_the_message_and_stops_the_contact(db_url: str, twilio: FakeTwilioServer) -> None:
    db, clock, d, sender = make(db_url, twilio)

    async def run() -> None:
        await sender.start()
        try:
            queue(db, clock, A, "Hallo")
            twilio.fail_next(1, "unsubscribed")
            await drain(d, sender)
        finally:
            await sender.stop()

    asyncio.run(run())
    with db.session() as s:
        row = s.scalar(select(OutboxRow))
        assert row.status == "failed" and "21610" in (row.error or "")
        assert s.get(Contact, row.contact_id).stopped
    db.dispose()


def test_after_a_crash_a_message_the_provider_already_has_is_not_sent_again(db_url: str, twilio: FakeTwilioServer) -> None:
    db, clock, d, sender = make(db_url, twilio)
    clock.set(datetime.now(UTC))  # the provider stamps messages with real time

    async def run() -> None:
        await sender.start()
        try:
            got, lost = queue(db, clock, A, "Dit kwam aan"), queue(db, clock, B, "Dit niet")
            # The crashed process had claimed both; the provider accepted only the first.
            with db.session() as s, s.begin():
                for rid in (*got, *lost):
                    s.get(OutboxRow, rid).status = "sending"
                    s.get(OutboxRow, rid).claimed_at = clock.now()
            await sender.send(A, sender.render("Dit kwam aan", (), "nl")[0])
            settled, uncertain = await d.recover()
            assert (settled, uncertain) == (2, 0)
            await drain(d, sender)
        finally:
            await sender.stop()

    asyncio.run(run())
    bodies = [(m["To"], m["Body"]) for m in twilio.messages]
    assert bodies.count((A, "Dit kwam aan")) == 1
    assert bodies.count((B, "Dit niet")) == 1
    assert statuses(db) == ["sent", "sent"]
    db.dispose()


def test_sends_to_different_people_overlap_and_each_person_keeps_their_order(
    db_url: str, twilio: FakeTwilioServer
) -> None:
    db, clock, d, sender = make(db_url, twilio)
    twilio.latency = 0.2  # a real API answers in 100-300 ms
    people = [f"+316333333{i:02d}" for i in range(8)]

    async def run() -> float:
        await sender.start()
        try:
            for to in people:
                queue(db, clock, to, f"{to} een", f"{to} twee")
            started = asyncio.get_running_loop().time()
            await drain(d, sender)
            return asyncio.get_running_loop().time() - started
        finally:
            await sender.stop()

    took = asyncio.run(run())
    assert statuses(db) == ["sent"] * 16
    assert twilio.max_in_flight > 1, "people do not wait for each other's messages"
    assert took < 16 * 0.2, f"16 sends of 0.2 s one after another would take 3.2 s, took {took:.1f}"
    for to in people:
        assert [m["Body"] for m in twilio.messages if m["To"] == to] == [f"{to} een", f"{to} twee"]
    db.dispose()


def test_stopping_puts_claimed_but_unsent_rows_back_in_the_queue(db_url: str, twilio: FakeTwilioServer) -> None:
    db, clock, _, sender = make(db_url, twilio)
    d = Dispatcher(db, {"sms": sender}, clock, concurrency=1)
    twilio.latency = 0.2
    people = [f"+316444444{i:02d}" for i in range(4)]

    async def run() -> None:
        await sender.start()
        try:
            for to in people:
                queue(db, clock, to, "Hallo")
            drain_task = asyncio.create_task(d.drain_once())
            while not twilio.calls:  # the first send is under way
                await asyncio.sleep(0.01)
            d._stopping = True  # what stop() sets: finish what is being sent, start nothing new
            await drain_task
        finally:
            await sender.stop()

    asyncio.run(run())
    assert statuses(db) == ["sent", "queued", "queued", "queued"]
    with db.session() as s:
        assert [r.attempts for r in s.scalars(select(OutboxRow).order_by(OutboxRow.id))] == [1, 0, 0, 0]
    assert len(twilio.messages) == 1
    db.dispose()


def test_a_message_of_several_parts_records_each_part_it_sent(db_url: str, twilio: FakeTwilioServer) -> None:
    """A crash between two parts must not send the first part again: progress is saved."""
    db, clock, d, sender = make(db_url, twilio)
    long_text = " ".join(f"Zin {i} van een lang bericht over de buurt." for i in range(12))

    async def run() -> None:
        await sender.start()
        try:
            queue(db, clock, A, long_text)
            parts = [p.text for p in sender.render(long_text, (), "nl")]
            assert len(parts) > 1, "the text must need several SMS"
            # the second part fails: the first is recorded as sent, the row retried
            original = twilio.handle
            count = {"n": 0}

            def second_fails(call):  # type: ignore[no-untyped-def]
                if call.method == "POST":
                    count["n"] += 1
                    if count["n"] == 2:
                        twilio.fail_next(1, "server_error")
                return original(call)

            twilio.handle = second_fails  # type: ignore[method-assign]
            await drain(d, sender)
            with db.session() as s:
                row = s.scalar(select(OutboxRow))
                assert row.status == "queued"
                assert [bool(p.get("done")) for p in row.rendered][:2] == [True, False]
            clock.advance(timedelta(minutes=5))
            await drain(d, sender)
        finally:
            await sender.stop()

    asyncio.run(run())
    assert statuses(db) == ["sent"]
    bodies = [m["Body"] for m in twilio.messages]
    assert bodies == [p.text for p in sender.render(long_text, (), "nl")], "each part once, in order"
    db.dispose()
