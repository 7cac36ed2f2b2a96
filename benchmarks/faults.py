"""Faults under load: nothing acknowledged is lost, nothing is answered or sent twice.

Three runs, each with the load generator retrying un-acknowledged webhooks (non-2xx or
a connection error -> the same MessageSid again, as Twilio would):

* ``kill``: SQLite, one worker; the app gets SIGKILL in the middle of the load and is
  started again.
* ``kill_turns``: SQLite with ``TURN_PROCESS=true``; the turn process (not the app)
  gets SIGKILL in the middle of the load; the app answers 503 until a new one runs.
* ``provider``: the fake Twilio answers 500, then 429 (Retry-After), for a period
  (``--provider-seconds``, 60 by default, 15 with ``--quick``); afterwards every outbound
  message must arrive, in order per person.
* ``pgrestart``: PostgreSQL with ``--workers 2``; PostgreSQL is restarted during the
  load (``pg_ctlcluster restart``); the app must recover by itself.

The checks (all against the database and the fake Twilio's own record):

1. *lost*: an acknowledged MessageSid without a ``messages`` row (provider_id), or an
   inbound message never handled (``handled_at`` NULL) after the app settled.
2. *duplicated turns*: a turn stores its replies with ``created_at`` equal to the
   inbound message's ``handled_at`` (one ``now`` in ``Pipeline._turn``), in the same
   transaction. So for each person, every distinct ``created_at`` of the bot's outbound
   messages must be the ``handled_at`` of one of their inbound messages; a group that
   matches none is a turn run twice (or a reply from nowhere). No follow-ups fall due
   during these runs, so no other outbound exists.
3. *provider duplicates / missing / order*: for each number, the bodies the fake Twilio
   accepted, in arrival order, must equal the rendered parts of that person's outbox
   rows in id order (the order the pipeline wrote them). More at the fake = sent twice;
   fewer = lost (or not yet sent: reported separately while rows are still queued).

    python -m benchmarks.faults [--quick] [--only kill|kill_turns|provider|pgrestart] [--turn-process]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import signal
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from benchmarks.common import (
    App,
    TwilioProc,
    app_env,
    pg_available,
    pg_create,
    pg_drop,
    pg_restart,
    prepare_db,
    table,
    wait_until,
    warm_nlu,
    write_result,
)
from benchmarks.loadgen import LoadGen
from tests.support.server import free_port


def _db_state(url: str) -> dict[str, Any]:
    from sqlalchemy import select

    from storage.db import Database
    from storage.models import Identity, Message, OutboxRow

    db = Database(url)
    try:
        with (db.reader() if hasattr(db, "reader") else db.session()) as s:
            inbound = s.execute(
                select(Message.provider_id, Message.contact_id, Message.handled_at)
                .where(Message.direction == "in")
            ).all()
            outbound = s.execute(
                select(Message.contact_id, Message.created_at).where(Message.direction == "out")
            ).all()
            outbox = s.execute(
                select(OutboxRow.id, OutboxRow.address, OutboxRow.status, OutboxRow.rendered, OutboxRow.text)
                .order_by(OutboxRow.id)
            ).all()
            idents = dict(s.execute(select(Identity.contact_id, Identity.address)).all())
    finally:
        db.dispose()
    return {"inbound": inbound, "outbound": outbound, "outbox": outbox, "idents": idents}


def outbox_pending(url: str) -> int:
    from sqlalchemy import func, select

    from storage.db import Database
    from storage.models import OutboxRow

    db = Database(url)
    try:
        with (db.reader() if hasattr(db, "reader") else db.session()) as s:
            return int(s.scalar(select(func.count()).where(
                OutboxRow.status.in_(("queued", "sending", "held")))) or 0)
    finally:
        db.dispose()


def check(url: str, gen: LoadGen, tw: TwilioProc) -> dict[str, Any]:
    st = _db_state(url)
    by_sid = {pid: (cid, handled) for pid, cid, handled in st["inbound"] if pid}
    acked = [s for s in gen.sent if s.acked]
    not_acked = [s for s in gen.sent if not s.acked]
    lost_acked = [s.sid for s in acked if s.sid not in by_sid]
    unhandled = [pid for pid, (_c, h) in by_sid.items() if h is None]
    handled_at: dict[int, set[Any]] = defaultdict(set)
    for _pid, cid, h in st["inbound"]:
        if h is not None:
            handled_at[cid].add(h)
    groups: dict[int, set[Any]] = defaultdict(set)
    for cid, created in st["outbound"]:
        groups[cid].add(created)
    dup_turns = sum(len(g - handled_at[cid]) for cid, g in groups.items())
    turns_with_replies = sum(len(g) for g in groups.values())
    # provider level
    expected: dict[str, list[str]] = defaultdict(list)
    pending = 0
    statuses: dict[str, int] = defaultdict(int)
    for _id, address, status, rendered, text in st["outbox"]:
        statuses[status] += 1
        if status in ("queued", "sending", "held"):
            pending += 1
            continue
        if status != "sent":
            continue
        parts = [str(p.get("text") or "") for p in (rendered or [])] or [text or ""]
        expected[address].extend(parts)
    got: dict[str, list[str]] = defaultdict(list)
    fake = tw.messages()
    for m in fake:
        got[m["to"]].append(m["body"])
    prov_dup = prov_missing = order_bad = 0
    for number in set(expected) | set(got):
        e, g = expected.get(number, []), got.get(number, [])
        prov_dup += max(0, len(g) - len(e))
        prov_missing += max(0, len(e) - len(g))
        if len(e) == len(g) and e != g:
            order_bad += 1
    # identical consecutive bodies to one number where the outbox did not have them
    return {
        "webhooks_sent": len(gen.sent),
        "webhooks_acked": len(acked),
        "webhooks_given_up": len(not_acked),
        "retries": sum(s.attempts - 1 for s in gen.sent),
        "retry_statuses": sorted({str(x) for s in gen.sent for x in s.statuses if x != 200}),
        "lost_acked": len(lost_acked),
        "lost_acked_sample": lost_acked[:5],
        "inbound_unhandled": len(unhandled),
        "duplicate_turns": dup_turns,
        "turns_with_replies": turns_with_replies,
        "outbox_status": dict(statuses),
        "outbox_not_yet_sent": pending,
        "provider_received": len(fake),
        "provider_duplicates": prov_dup,
        "provider_missing": prov_missing,
        "provider_order_mismatch_numbers": order_bad,
    }


def _settle(url: str, tw: TwilioProc, timeout: float) -> float:
    t = time.monotonic()
    wait_until(lambda: outbox_pending(url) == 0, timeout, step=1.0)
    time.sleep(2)  # anything sent twice would arrive now
    return round(time.monotonic() - t, 1)


def _run_load(gen: LoadGen, duration: float) -> None:
    asyncio.run(gen.run(duration))


def scenario_kill(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    url = f"sqlite:///{work / 'kill.db'}"
    prepare_db(url)
    port = free_port()
    with TwilioProc() as tw:
        env = app_env(url, tw.url, port)
        app = App(env, port, log=work / "kill.log").start()
        gen = LoadGen(port, conversations=args.conversations, concurrency=8, rate=args.rate, retry_for=240)
        t = threading.Thread(target=_run_load, args=(gen, args.duration))
        t.start()
        time.sleep(args.duration / 3)
        acked_before = sum(s.acked for s in gen.sent)
        app.kill()
        killed_at = time.monotonic()
        time.sleep(1)
        app = App(env, port, log=work / "kill.log").start()
        restart_s = round(time.monotonic() - killed_at, 1)
        t.join(timeout=args.duration + 400)
        settle = _settle(url, tw, args.settle)
        try:
            result = check(url, gen, tw)
        finally:
            app.stop()
    return {"scenario": "kill", "acked_before_kill": acked_before, "down_s": restart_s,
            "settle_s": settle, **result}


def scenario_kill_turns(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    """TURN_PROCESS=true, SQLite: the turn process (not the app) gets SIGKILL mid-load;
    the app answers its messages 503 and starts a new one."""
    url = f"sqlite:///{work / 'kill-turns.db'}"
    prepare_db(url)
    port = free_port()
    with TwilioProc() as tw:
        env = app_env(url, tw.url, port, TURN_PROCESS="true")
        app = App(env, port, log=work / "kill-turns.log").start()
        try:
            gen = LoadGen(port, conversations=args.conversations, concurrency=8, rate=args.rate, retry_for=240)
            t = threading.Thread(target=_run_load, args=(gen, args.duration))
            t.start()
            time.sleep(args.duration / 3)
            acked_before = sum(s.acked for s in gen.sent)
            (child,) = [p for p in app.pids() if p != app.proc.pid]  # type: ignore[union-attr]
            os.kill(child, signal.SIGKILL)
            t.join(timeout=args.duration + 400)
            settle = _settle(url, tw, args.settle)
            result = check(url, gen, tw)
            replaced = [p for p in app.pids() if p != app.proc.pid]  # type: ignore[union-attr]
        finally:
            app.stop()
    return {"scenario": "kill_turns", "acked_before_kill": acked_before, "settle_s": settle,
            "turn_process_replaced": bool(replaced) and child not in replaced, **result}


def scenario_provider(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    url = f"sqlite:///{work / 'provider.db'}"
    prepare_db(url)
    port = free_port()
    with TwilioProc() as tw:
        app = App(app_env(url, tw.url, port), port, log=work / "provider.log").start()
        try:
            gen = LoadGen(port, conversations=args.conversations, concurrency=8, rate=args.rate, retry_for=120)
            duration = args.provider_seconds + 10
            t = threading.Thread(target=_run_load, args=(gen, duration))
            t.start()
            time.sleep(3)
            half = args.provider_seconds / 2
            received_before = len(tw.messages())
            tw.fail(10_000_000, "server_error")
            time.sleep(half)
            tw.clear()
            tw.fail(10_000_000, "rate_limit", retry_after=5)
            time.sleep(half)
            tw.clear()
            during = len(tw.messages()) - received_before
            t.join(timeout=duration + 200)
            settle = _settle(url, tw, args.settle)
            result = check(url, gen, tw)
        finally:
            app.stop()
    return {"scenario": "provider", "fail_seconds": args.provider_seconds, "accepted_during_failures": during,
            "settle_s": settle, **result}


def scenario_pgrestart(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    reason = pg_available()
    if reason:
        return {"scenario": "pgrestart", "skipped": reason}
    url, name = pg_create()
    try:
        prepare_db(url)
        port = free_port()
        with TwilioProc() as tw:
            app = App(app_env(url, tw.url, port), port, workers=2, log=work / "pg.log").start()
            try:
                gen = LoadGen(port, conversations=args.conversations, concurrency=8, rate=args.rate, retry_for=240)
                t = threading.Thread(target=_run_load, args=(gen, args.duration))
                t.start()
                time.sleep(args.duration / 3)
                t0 = time.monotonic()
                pg_restart()
                restart_s = round(time.monotonic() - t0, 1)
                t.join(timeout=args.duration + 400)
                after = [s for s in gen.sent if s.first_at > t0 + restart_s and s.acked]
                settle = _settle(url, tw, args.settle)
                result = check(url, gen, tw)
                ready = wait_until(lambda: _ready(app), 30)
            finally:
                app.stop()
    finally:
        pg_drop(name)
    return {"scenario": "pgrestart", "restart_s": restart_s, "acked_after_restart": len(after),
            "ready_after": ready, "settle_s": settle, **result}


def _ready(app: App) -> bool:
    import httpx

    try:
        return httpx.get(f"{app.url}/readyz", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


SCENARIOS = {"kill": scenario_kill, "kill_turns": scenario_kill_turns, "provider": scenario_provider,
             "pgrestart": scenario_pgrestart}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.faults", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true")
    p.add_argument("--only", choices=sorted(SCENARIOS))
    p.add_argument("--duration", type=float, help="seconds of load (kill, pgrestart)")
    p.add_argument("--provider-seconds", type=float, help="seconds the fake Twilio fails (half 500, half 429)")
    p.add_argument("--rate", type=float, default=8.0,
                   help="inbound msg/s; the outbox sends SMS at 10/s per process, so more would never drain")
    p.add_argument("--conversations", type=int, default=100)
    p.add_argument("--settle", type=float, default=300.0, help="max seconds to wait for the outbox to drain")
    p.add_argument("--turn-process", action="store_true",
                   help="every scenario with TURN_PROCESS=true (kill_turns always has it)")
    args = p.parse_args(argv)
    if args.turn_process:
        os.environ["TURN_PROCESS"] = "true"  # App passes the environment on
    if args.duration is None:
        args.duration = 20.0 if args.quick else 45.0
    if args.provider_seconds is None:
        args.provider_seconds = 15.0 if args.quick else 60.0
    warm_nlu()
    work = Path(tempfile.mkdtemp(prefix="voordeur-bench-faults-"))
    results = []
    try:
        for name, fn in SCENARIOS.items():
            if args.only and name != args.only:
                continue
            print(f"fault scenario {name} ...", flush=True)
            results.append(fn(args, work))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    rows = []
    for r in results:
        if "skipped" in r:
            rows.append([r["scenario"], "skipped"] + [None] * 8)
            continue
        rows.append([r["scenario"], r["webhooks_acked"], r["retries"], r["lost_acked"], r["inbound_unhandled"],
                     r["duplicate_turns"], r["provider_duplicates"], r["provider_missing"],
                     r["provider_order_mismatch_numbers"], r["outbox_not_yet_sent"]])
    print(table(rows, ["scenario", "acked", "retries", "lost", "unhandled", "dup turns", "dup sent",
                       "missing sent", "order bad", "unsent"]))
    name = "faults-quick" if args.quick else "faults"
    if args.only:
        name += f"-{args.only}"
    if args.turn_process:
        name += "-turn-process"
    print("written", write_result(name, {"benchmark": "faults", "turn_process": args.turn_process, "quick": args.quick, "results": results}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
