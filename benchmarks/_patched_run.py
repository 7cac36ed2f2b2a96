"""``voordeur run`` with an experimental SQLite change, to measure a proposed fix
without editing storage/ (benchmark-only; selected by BENCH_PATCH):

* ``sqlite_write_lock``: one process-wide lock around SQLite transactions, so worker
  threads queue for the database instead of polling SQLite's write lock (BEGIN
  IMMEDIATE + busy_timeout sleeps 1, 2, 5 ... 100 ms between tries).
* ``indexes``: the missing contact_id indexes (see benchmarks/turn_cost.py).
* ``dispatcher_offload``: ``Dispatcher._finish`` / ``_retry`` (called synchronously on
  the event loop in ``_send_row``) run in a worker thread instead, as if the calls were
  ``await asyncio.to_thread(self._finish, ...)``.
* ``no_autocheckpoint``: ``PRAGMA wal_autocheckpoint=0`` on every SQLite connection
  (no checkpoint inside a committing turn; only to see whether checkpoints make the tail).
* ``gc_freeze``: ``gc.freeze()`` once the app has started (the NLU model, dialogs and
  libraries, ~190,000 tracked objects, leave the collector's sight; a full collection
  of them takes ~100 ms with the GIL held).
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

    def setup(engine: Any, *a: Any, **k: Any) -> None:
        original(engine, *a, **k)
        if not k.get("writer", True):
            return  # read-only engine (storage/db.py since 01d0e5a): no write lock

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


def _patch_dispatcher_offload() -> None:
    import asyncio
    import functools

    from bot.outbox import Dispatcher

    for name in ("_finish", "_retry"):
        original = getattr(Dispatcher, name)

        def wrapper(self: Any, *a: Any, _original: Any = original, **k: Any) -> None:
            try:
                loop = asyncio.get_running_loop()
            except RuntimeError:
                return _original(self, *a, **k)
            loop.run_in_executor(None, functools.partial(_original, self, *a, **k))
            return None

        setattr(Dispatcher, name, wrapper)


def _patch_no_autocheckpoint() -> None:
    from sqlalchemy import event

    import storage.db as sdb

    original = sdb._sqlite_setup

    def setup(engine: Any, *a: Any, **k: Any) -> None:
        original(engine, *a, **k)

        @event.listens_for(engine, "connect")
        def _no_ckpt(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.execute("PRAGMA wal_autocheckpoint=0")

    sdb._sqlite_setup = setup


def _patch_gc_freeze() -> None:
    import gc

    import bot.metrics as m

    original = m.Metrics.__init__

    def init(self: Any, *a: Any, **k: Any) -> None:
        original(self, *a, **k)  # built in the lifespan, after the core and the NLU
        gc.collect()
        gc.freeze()

    m.Metrics.__init__ = init  # type: ignore[method-assign]


def main() -> int:
    patches = set(filter(None, os.environ.get("BENCH_PATCH", "").split(",")))
    if "sqlite_write_lock" in patches:
        _patch_write_lock()
    if "no_autocheckpoint" in patches:
        _patch_no_autocheckpoint()
    if "gc_freeze" in patches:
        _patch_gc_freeze()
    if "dispatcher_offload" in patches:
        _patch_dispatcher_offload()
    if "indexes" in patches:
        from benchmarks.turn_cost import PROPOSED_INDEXES
        from config.settings import load_settings
        from storage.db import Database

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
