"""Cost of one turn in-process, without HTTP: SQL statements and transactions per
inbound message, and CPU time split into NLU, pipeline (database + dialog).

    python -m benchmarks.turn_cost [--db sqlite|postgresql] [--messages N]
"""

from __future__ import annotations

import argparse
import secrets
import statistics
import tempfile
import time
from collections import Counter
from datetime import UTC
from pathlib import Path
from typing import Any

from sqlalchemy import event

from benchmarks.common import MODEL_DIR, pg_create, pg_drop, table, warm_nlu, write_result
from benchmarks.loadgen import SCRIPTS


def preload(url: str, n: int) -> None:
    """Fill the database with n old messages of n/20 other people (a year of traffic)."""
    from datetime import datetime, timedelta

    from sqlalchemy import insert

    from storage.db import Database
    from storage.models import Contact, Conversation, Identity, Message

    db = Database(url)
    db.upgrade()
    old = datetime.now(UTC) - timedelta(days=200)
    people = max(1, n // 20)
    with db.engine.begin() as conn:
        conn.execute(insert(Contact), [dict(id=i, created_at=old, consent=True, last_channel="sms", stat_key=f"{i:08x}")
                                       for i in range(1, people + 1)])
        conn.execute(insert(Identity), [dict(contact_id=i, channel="sms", address=f"+3164{i:07d}",
                                             phone=f"+3164{i:07d}", created_at=old) for i in range(1, people + 1)])
        conn.execute(insert(Conversation), [dict(id=i, contact_id=i, owner="closed", state={}, topics=[],
                                                 literal_topics=[], deeper_topics=[], created_at=old, updated_at=old,
                                                 closed_at=old) for i in range(1, people + 1)])
        for start in range(0, n, 20000):
            conn.execute(insert(Message), [dict(conversation_id=1 + j % people, contact_id=1 + j % people,
                                                direction="in" if j % 2 else "out", channel="sms",
                                                text="oud bericht", options=[], author="person", created_at=old)
                                           for j in range(start, min(n, start + 20000))])
    db.dispose()


#: The indexes proposed for storage (not in the migrations yet): the flood check and
#: address_for filter on contact_id, which no index covers.
PROPOSED_INDEXES = [
    "CREATE INDEX IF NOT EXISTS ix_bench_messages_contact ON messages (contact_id, direction, created_at)",
    "CREATE INDEX IF NOT EXISTS ix_bench_identities_contact ON identities (contact_id, channel)",
    "CREATE INDEX IF NOT EXISTS ix_bench_followups_contact ON followups (contact_id, status)",
]


def add_indexes(url: str) -> None:
    from storage.db import Database

    db = Database(url)
    db.upgrade()
    with db.engine.begin() as conn:
        for ddl in PROPOSED_INDEXES:
            conn.exec_driver_sql(ddl)
    db.dispose()


def measure(url: str, n: int) -> dict[str, Any]:
    from bot.messages import Channel, Inbound
    from bot.services import build_core
    from config.settings import load_settings

    settings = load_settings(environ={"DATABASE_URL": url, "NLU_MODEL_DIR": str(MODEL_DIR),
                                      "INBOUND_RATE_PER_MINUTE": "100000"})
    core = build_core(settings)
    stmts: Counter[str] = Counter()

    @event.listens_for(core.db.engine, "before_cursor_execute")
    def _count(conn: Any, cursor: Any, statement: str, *a: Any) -> None:
        stmts[statement.split()[0].upper()] += 1

    nlu_time = 0.0
    orig = core.pipeline.nlu.understand

    def timed(*a: Any, **k: Any) -> Any:
        nonlocal nlu_time
        t = time.process_time()
        try:
            return orig(*a, **k)
        finally:
            nlu_time += time.process_time() - t

    core.pipeline.nlu.understand = timed  # type: ignore[method-assign]
    texts = [t for s in SCRIPTS for t in s]
    walls: list[float] = []
    cpu0 = time.process_time()
    for i in range(n):
        number = f"+3163{i // len(texts):07d}"
        inbound = Inbound(channel=Channel.SMS, address=number, text=texts[i % len(texts)],
                          provider_id="SM" + secrets.token_hex(16))
        t = time.perf_counter()
        core.pipeline.handle_sync(inbound)
        walls.append(time.perf_counter() - t)
    cpu = time.process_time() - cpu0
    core.db.dispose()
    total = sum(stmts.values())
    return {
        "messages": n,
        "sql_statements_per_message": round(total / n, 1),
        "by_kind_per_message": {k: round(v / n, 1) for k, v in stmts.most_common()},
        "wall_ms_mean": round(1000 * statistics.mean(walls), 2),
        "wall_ms_p50": round(1000 * statistics.median(walls), 2),
        "cpu_ms_per_message": round(1000 * cpu / n, 2),
        "nlu_cpu_ms_per_message": round(1000 * nlu_time / n, 2),
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.turn_cost")
    p.add_argument("--db", choices=["sqlite", "postgresql"], default="sqlite")
    p.add_argument("--messages", type=int, default=600)
    p.add_argument("--preload", type=int, default=0, help="old messages in the database first")
    p.add_argument("--with-indexes", action="store_true", help="add the proposed indexes first")
    args = p.parse_args(argv)
    warm_nlu()
    if args.db == "sqlite":
        with tempfile.TemporaryDirectory() as d:
            url = f"sqlite:///{Path(d) / 'tc.db'}"
            if args.preload:
                preload(url, args.preload)
            if args.with_indexes:
                add_indexes(url)
            r = measure(url, args.messages)
    else:
        url, name = pg_create()
        try:
            if args.preload:
                preload(url, args.preload)
            if args.with_indexes:
                add_indexes(url)
            r = measure(url, args.messages)
        finally:
            pg_drop(name)
    r["db"] = args.db
    r["preloaded_messages"] = args.preload
    r["proposed_indexes"] = args.with_indexes
    print(table([[args.db, r["sql_statements_per_message"], r["wall_ms_p50"], r["cpu_ms_per_message"],
                  r["nlu_cpu_ms_per_message"]]],
                ["db", "SQL/msg", "wall p50 ms", "CPU ms/msg", "NLU CPU ms/msg"]))
    print(r["by_kind_per_message"])
    print("written", write_result(f"turn-cost-{args.db}" + (f"-preload{args.preload}" if args.preload else "")
                 + ("-indexed" if args.with_indexes else ""), {"benchmark": "turn_cost", "result": r}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
