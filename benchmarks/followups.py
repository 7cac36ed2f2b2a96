"""Follow-ups at scale (issue #7): 100,000 scheduled follow-ups, 10,000 due at once.

1. Seed N people (contact, SMS identity, conversation) each with one pending follow-up
   (SQLAlchemy Core bulk inserts, rows shaped as in tests/bot/test_exactly_once.py), all
   due days ahead.
2. Start `voordeur run` (SCHEDULER_TICK_SECONDS=1, SMS to the fake Twilio); RSS idle
   with them in the database.
3. Move M of them to ``now + 3 s`` in one UPDATE, and wait until all M are fired.
   Lateness = ``fired_at - due_at`` (p50/p99/max), fired per second, RSS while firing,
   and how many of the resulting SMS reached the fake Twilio meanwhile.

    python -m benchmarks.followups [--quick] [--db sqlite|postgresql] [--total N] [--due M]
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from benchmarks.common import (
    App,
    TwilioProc,
    app_env,
    memory,
    percentile,
    pg_available,
    pg_create,
    pg_drop,
    prepare_db,
    table,
    warm_nlu,
    write_result,
)
from tests.support.server import free_port

TOPICS = ["groceries", "household", "loneliness", "transport", "money", "paperwork"]
HOODS = ["Tuinzigt", "Bloemenbuurt", "Oud-West", "De Hoven"]


def seed(url: str, total: int, batch: int = 5000) -> float:
    from sqlalchemy import insert

    from storage.db import Database
    from storage.models import Contact, Conversation, FollowUp, Identity

    db = Database(url)
    db.upgrade()
    now = datetime.now(UTC)
    t = time.monotonic()
    try:
        for start in range(1, total + 1, batch):
            ids = range(start, min(start + batch, total + 1))
            contacts, idents, convs, fus = [], [], [], []
            for i in ids:
                number = f"+3162{i:07d}"
                topic = TOPICS[i % len(TOPICS)]
                contacts.append(dict(id=i, created_at=now - timedelta(days=3), name=f"Persoon {i}", language="nl",
                                     neighbourhood=HOODS[i % len(HOODS)], consent=True,
                                     consent_at=now - timedelta(days=3), consent_version="2026-1",
                                     stopped=False, last_channel="sms", last_inbound_at=now - timedelta(days=3),
                                     last_activity_at=now - timedelta(days=3), source="inbound",
                                     stat_key=f"{i:08x}"))
                idents.append(dict(id=i, contact_id=i, channel="sms", address=number, phone=number,
                                   created_at=now - timedelta(days=3)))
                convs.append(dict(id=i, contact_id=i, owner="bot", state={}, topics=[topic],
                                  literal_topics=[topic], deeper_topics=[], language="nl", channel="sms",
                                  created_at=now - timedelta(days=3), updated_at=now - timedelta(days=3)))
                fus.append(dict(id=i, contact_id=i, conversation_id=i,
                                due_at=now + timedelta(days=2, minutes=i % 10_000),
                                about="de boodschappen" if topic == "groceries" else "de hulp", status="pending",
                                attempts=0, created_at=now - timedelta(days=3)))
            with db.engine.begin() as conn:
                conn.execute(insert(Contact), contacts)
                conn.execute(insert(Identity), idents)
                conn.execute(insert(Conversation), convs)
                conn.execute(insert(FollowUp), fus)
        if not db.is_sqlite:
            with db.engine.begin() as conn:
                for table_name in ("contacts", "identities", "conversations", "followups"):
                    conn.exec_driver_sql(
                        f"SELECT setval(pg_get_serial_sequence('{table_name}', 'id'), {total + 1})")
                conn.exec_driver_sql("ANALYZE")
    finally:
        db.dispose()
    return time.monotonic() - t


def make_due(url: str, m: int, after: float) -> datetime:
    from sqlalchemy import update

    from storage.db import Database
    from storage.models import FollowUp

    db = Database(url)
    due = datetime.now(UTC) + timedelta(seconds=after)
    try:
        with db.session() as s, s.begin():
            s.execute(update(FollowUp).where(FollowUp.id <= m).values(due_at=due))
    finally:
        db.dispose()
    return due


def _reader(db: Any) -> Any:
    """A read-only session where storage offers one (SQLite: no write lock, so polling
    never waits behind the scheduler, which re-takes the write lock for every follow-up)."""
    return db.reader() if hasattr(db, "reader") else db.session()


def fired_state(url: str, m: int) -> tuple[int, list[float]]:
    from sqlalchemy import select

    from storage.db import Database
    from storage.models import FollowUp

    db = Database(url)
    try:
        with _reader(db) as s:
            rows = s.execute(select(FollowUp.status, FollowUp.due_at, FollowUp.fired_at)
                             .where(FollowUp.id <= m)).all()
    finally:
        db.dispose()
    late = [(f - d).total_seconds() for st, d, f in rows if f is not None]
    return sum(1 for st, _d, _f in rows if st == "pending"), late


def pending_count(url: str, m: int) -> int:
    from sqlalchemy import func, select

    from storage.db import Database
    from storage.models import FollowUp

    db = Database(url)
    try:
        with _reader(db) as s:
            return int(s.scalar(select(func.count()).where(FollowUp.id <= m, FollowUp.status == "pending")) or 0)
    finally:
        db.dispose()


def run(url: str, label: str, args: argparse.Namespace, work: Path, workers: int) -> dict[str, Any]:
    prepare_db(url)
    seed_s = seed(url, args.total)
    print(f"{label}: seeded {args.total} follow-ups in {seed_s:.1f}s", flush=True)
    port = free_port()
    with TwilioProc() as tw:
        app = App(app_env(url, tw.url, port), port, workers=workers, log=work / f"{label}.log").start()
        try:
            time.sleep(5)
            idle = memory(app)
            due = make_due(url, args.due, after=3.0)
            t0 = time.monotonic()
            rss_max = idle["total_mb"]
            progress: list[tuple[float, int]] = []
            deadline = t0 + args.timeout
            pending = args.due
            while time.monotonic() < deadline:
                time.sleep(2)
                rss_max = max(rss_max, memory(app)["total_mb"])
                pending = pending_count(url, args.due)
                progress.append((round(time.monotonic() - t0, 1), args.due - pending))
                if pending == 0:
                    break
            elapsed = time.monotonic() - t0
            firing = memory(app)
            delivered = len(tw.messages())
        finally:
            app.stop()
    pending, late = fired_state(url, args.due)
    fired = len(late)
    first_fire = min(late) if late else None
    return {
        "scenario": label,
        "workers": workers,
        "total_followups": args.total,
        "due_at_once": args.due,
        "seed_seconds": round(seed_s, 1),
        "fired": fired,
        "still_pending_at_timeout": pending,
        "lateness_s": {"p50": _r(percentile(late, 0.5)), "p99": _r(percentile(late, 0.99)),
                       "max": _r(max(late) if late else None), "min": _r(first_fire)},
        "fired_per_s": round(fired / max(max(late) - (first_fire or 0), 1e-6), 1) if late else None,
        "wall_s_until_all_fired": round(elapsed, 1),
        "rss_idle_with_followups": idle,
        "rss_while_firing": firing,
        "rss_max_mb": round(rss_max, 1),
        "sms_delivered_meanwhile": delivered,
        "progress_fired": progress[:: max(1, len(progress) // 30)],
        "due_at": due.isoformat(),
    }


def _r(v: float | None) -> float | None:
    return None if v is None else round(v, 2)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.followups", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true", help="20,000 follow-ups, 2,000 due")
    p.add_argument("--db", choices=["sqlite", "postgresql", "both"], default="sqlite")
    p.add_argument("--total", type=int)
    p.add_argument("--due", type=int)
    p.add_argument("--timeout", type=float, default=900.0, help="max seconds to wait for all due to fire")
    args = p.parse_args(argv)
    args.total = args.total or (20_000 if args.quick else 100_000)
    args.due = args.due or (2_000 if args.quick else 10_000)
    warm_nlu()
    work = Path(tempfile.mkdtemp(prefix="voordeur-bench-fu-"))
    results = []
    try:
        if args.db in ("sqlite", "both"):
            results.append(run(f"sqlite:///{work / 'fu.db'}", "sqlite-1-worker", args, work, 1))
        if args.db in ("postgresql", "both"):
            reason = pg_available()
            if reason:
                results.append({"scenario": "postgresql-2-workers", "skipped": reason})
            else:
                url, name = pg_create()
                try:
                    results.append(run(url, "postgresql-2-workers", args, work, 2))
                finally:
                    pg_drop(name)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    rows = [[r["scenario"], r.get("total_followups"), r.get("due_at_once"), r.get("fired"),
             (r.get("lateness_s") or {}).get("p50"), (r.get("lateness_s") or {}).get("p99"),
             r.get("fired_per_s"), (r.get("rss_idle_with_followups") or {}).get("total_mb"), r.get("rss_max_mb")]
            for r in results]
    print(table(rows, ["scenario", "follow-ups", "due", "fired", "late p50 s", "late p99 s", "fired/s",
                       "RSS idle MB", "RSS max MB"]))
    name = "followups-quick" if args.quick else "followups"
    if args.db != "sqlite":
        name += f"-{args.db}"
    if os.environ.get("BENCH_PATCH"):  # benchmark-only experiment (benchmarks/_patched_run.py)
        name += "-patch-" + os.environ["BENCH_PATCH"].replace(",", "-")
    print("written", write_result(name, {"benchmark": "followups", "quick": args.quick, "results": results}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
