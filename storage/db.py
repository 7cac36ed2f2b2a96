"""Database engine, sessions and migrations.

SQLite by default (WAL, busy timeout, foreign keys, real transactions); PostgreSQL with
``postgresql+psycopg://`` URLs. The same code runs on both.
"""

from __future__ import annotations

import fcntl
import os
from importlib import resources
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

__all__ = ["Database", "make_engine", "normalise_url"]


def normalise_url(url: str) -> str:
    """Accept ``postgres://`` and ``postgresql://`` and use psycopg 3 for them."""
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


#: Execution option of a SQLite read connection whose lookups need no shared snapshot.
_SINGLE_READS = "voordeur_single_reads"
#: The pool record's file descriptor of the write lock file (see make_engine).
_LOCK_FD = "voordeur_write_lock_fd"


def _sqlite_setup(engine: Engine, *, writer: bool = True, lock_path: str | None = None) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, record: Any) -> None:
        if lock_path is not None:
            record.info[_LOCK_FD] = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        # Let SQLAlchemy, not pysqlite, decide where transactions begin.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA busy_timeout=10000")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        # Erased data is overwritten on disk, not just unlinked from the b-tree.
        cur.execute("PRAGMA secure_delete=ON")
        if not writer:
            cur.execute("PRAGMA query_only=ON")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # Writers take the write lock at the start (IMMEDIATE), so two writers never
        # deadlock; readers take none: in WAL mode they never wait for a writer.
        if not writer and conn.get_execution_options().get(_SINGLE_READS):
            return  # each lookup is its own statement: no snapshot needed
        fd = conn.connection.info.get(_LOCK_FD)
        if fd is not None:  # wait for writers of other processes, woken when they finish
            fcntl.flock(fd, fcntl.LOCK_EX)
        # On the cursor (SQLAlchemy's cursor events and error handling, not its
        # statement execution: a third of a short turn's own SQLAlchemy work).
        cursor = conn.connection.cursor()
        try:
            conn._cursor_execute(cursor, "BEGIN IMMEDIATE" if writer else "BEGIN", ())
        finally:
            cursor.close()

    if lock_path is not None:

        @event.listens_for(engine, "checkin")
        def _on_checkin(_dbapi_conn: Any, record: Any) -> None:
            # The transaction is over (committed or rolled back) when the connection
            # comes back to the pool: the next writer, in any process, may begin.
            fd = record.info.get(_LOCK_FD) if record is not None else None
            if fd is not None:
                fcntl.flock(fd, fcntl.LOCK_UN)

        @event.listens_for(engine, "close")
        def _on_close(_dbapi_conn: Any, record: Any) -> None:
            fd = record.info.pop(_LOCK_FD, None) if record is not None else None
            if fd is not None:
                os.close(fd)  # also releases the lock


def make_engine(url: str, *, writer: bool = True, **kwargs: Any) -> Engine:
    url = normalise_url(url)
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        db = u.database
        if db and db != ":memory:":
            Path(db).parent.mkdir(parents=True, exist_ok=True)
        if writer and db and db != ":memory:" and "poolclass" not in kwargs:
            # One write connection per process: threads queue for it in the pool (FIFO,
            # woken at once) instead of colliding on SQLite's lock, whose busy handler
            # polls with sleeps of up to 100 ms. That sleeping made the tail latency.
            kwargs = {"pool_size": 1, "max_overflow": 0, "pool_timeout": 30, **kwargs}
        # Several processes may write (TURN_PROCESS, a CLI command beside the app): they
        # queue on a lock file (flock, woken as soon as it is free) for the same reason.
        # Between two processes SQLite's own polling let one of them starve: the turn
        # process began its next transaction before the web process's dispatcher woke.
        lock_path = f"{db}.writelock" if writer and db and db != ":memory:" else None
        engine = create_engine(url, connect_args={"timeout": 10}, hide_parameters=True, **kwargs)
        _sqlite_setup(engine, writer=writer, lock_path=lock_path)
        return engine
    # hide_parameters: a database error never carries a message text into the logs.
    return create_engine(
        url, pool_pre_ping=True, pool_size=10, max_overflow=10, hide_parameters=True, **kwargs
    )


def _alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("storage").joinpath("migrations")))
    cfg.set_main_option("sqlalchemy.url", normalise_url(url).replace("%", "%%"))
    return cfg


class Database:
    """One engine and its session factory, owned by the app."""

    def __init__(self, url: str) -> None:
        self.url = normalise_url(url)
        self.engine = make_engine(self.url)
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)
        # SQLite: reads on their own engine, without the write lock. PostgreSQL: the same.
        self._read_engine = make_engine(self.url, writer=False) if self.is_sqlite else self.engine
        self.readers = sessionmaker(self._read_engine, expire_on_commit=False)
        # The read engine with read_connection's options, built once (options given to
        # each connection cost a copy of it, on every lookup).
        self._lookups = self._read_engine.execution_options(
            **({_SINGLE_READS: True} if self.is_sqlite else {"isolation_level": "AUTOCOMMIT"})
        )

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    def session(self) -> Session:
        """A session that may write (on SQLite it holds the write lock while open)."""
        return self.sessions()

    def reader(self) -> Session:
        """A read-only session; on SQLite it never waits for writers (WAL)."""
        return self.readers()

    def read_connection(self) -> Connection:
        """A plain read-only connection (no ORM session) for quick lookups.

        Each lookup is one statement, without a BEGIN before it and a ROLLBACK when the
        connection goes back to the pool (PostgreSQL: autocommit; SQLite: no BEGIN).
        Several lookups on it do not share one snapshot."""
        # SQLite: no BEGIN either, each statement reads on its own.
        return self._lookups.connect()

    def upgrade(self) -> None:
        """Apply all migrations (``voordeur db upgrade``)."""
        cfg = _alembic_config(self.url)
        with self.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    def current_revision(self) -> str | None:
        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def head_revision(self) -> str | None:
        return ScriptDirectory.from_config(_alembic_config(self.url)).get_current_head()

    def is_current(self) -> bool:
        return self.current_revision() == self.head_revision()

    def dispose(self) -> None:
        self.engine.dispose()
        if self._read_engine is not self.engine:
            self._read_engine.dispose()
