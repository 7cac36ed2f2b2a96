"""``voordeur run`` with an experimental SQLite change, to measure a proposed fix
without editing storage/ (benchmark-only; selected by BENCH_PATCH):

* ``sqlite_write_lock``: one process-wide lock around SQLite transactions, so worker
  threads queue for the database instead of polling SQLite's write lock (BEGIN
  IMMEDIATE + busy_timeout sleeps 1, 2, 5 ... 100 ms between tries).
* ``indexes``: the missing contact_id indexes (see benchmarks/turn_cost.py).
"""

from __future__ import annotations

import os
import threading
from typing import Any


def _patch_write_lock() -> None:
    from sqlalchemy import event

    import storage.db as sdb

    original = sdb._sqlite_setup
    lock = threading.Lock()

    def setup(engine: Any) -> None:
        original(engine)

        @event.listens_for(engine, "begin", insert=True)
        def _take(conn: Any) -> None:
            if not conn.info.get("bench_locked"):
                lock.acquire(timeout=30)
                conn.info["bench_locked"] = True

        def _give(conn: Any) -> None:
            if conn.info.pop("bench_locked", False):
                try:
                    lock.release()
                except RuntimeError:
                    pass

        event.listen(engine, "commit", _give)
        event.listen(engine, "rollback", _give)

    sdb._sqlite_setup = setup


def main() -> int:
    patches = set(filter(None, os.environ.get("BENCH_PATCH", "").split(",")))
    if "sqlite_write_lock" in patches:
        _patch_write_lock()
    if "indexes" in patches:
        from storage.db import Database
        from config.settings import load_settings
        from benchmarks.turn_cost import PROPOSED_INDEXES

        db = Database(load_settings().database_url)
        db.upgrade()
        with db.engine.begin() as conn:
            for ddl in PROPOSED_INDEXES:
                conn.exec_driver_sql(ddl)
        db.dispose()
    from bot.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    raise SystemExit(main())
