"""Shared fixtures: real databases (SQLite always, PostgreSQL where reachable).

Every test that touches a database takes ``db_url`` (or a fixture built on it, such as
``core``, ``console`` or ``seeded_db``) and so runs twice: ``[sqlite]`` and
``[postgresql]``. PostgreSQL is ``TEST_DATABASE_URL`` (default: the development
machines' server on 127.0.0.1:5432, database ``test``); where it cannot be reached the
PostgreSQL variants skip and say why, they never fail.
"""

from __future__ import annotations

import hashlib
import os
import socket
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

PG_URL = os.environ.get("TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")

#: The databases every database test runs on (PostgreSQL skips when not reachable).
DATABASES = ("sqlite", "postgresql")


def _libpq(url: str) -> str:
    """The URL as psycopg itself takes it (without SQLAlchemy's driver name)."""
    return url.replace("postgresql+psycopg://", "postgresql://")


def _pg_reachable() -> str | None:
    """None when reachable, else the reason."""
    try:
        import psycopg
    except ImportError:
        return "psycopg not installed"
    try:
        with psycopg.connect(_libpq(PG_URL), connect_timeout=2) as conn:
            row = conn.execute(
                "SELECT rolcreatedb OR rolsuper FROM pg_roles WHERE rolname = current_user"
            ).fetchone()
            if not (row and row[0]):
                return f"PostgreSQL at {PG_URL.split('@')[-1]}: this user may not create databases"
            return None
    except Exception as e:  # noqa: BLE001 - any failure means: not reachable here
        # The driver's own words ("Connection refused", "database ... does not exist"):
        # the first line after its "failed:"; it never holds the password.
        detail = str(e).splitlines()[0].rpartition("failed: ")[2].strip() if str(e) else ""
        return (
            f"PostgreSQL not reachable at {PG_URL.split('@')[-1]} (TEST_DATABASE_URL): "
            f"{type(e).__name__}{': ' + detail if detail else ''}"
        )


_PG_REASON = _pg_reachable()


#: Test databases are named vd_<host>_<pid>_<random>: a run that was killed leaves its
#: databases behind, and a later run on this host drops those of processes now gone.
_HOST = hashlib.sha256(socket.gethostname().encode()).hexdigest()[:6]
_PREFIX = f"vd_{_HOST}_"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _drop_leftover_pg_databases() -> None:
    """Drop this host's test databases whose pytest process is gone (killed runs)."""
    import psycopg

    with psycopg.connect(_libpq(PG_URL), autocommit=True) as conn:
        names = [r[0] for r in conn.execute(
            "SELECT datname FROM pg_database WHERE datname LIKE %s", (_PREFIX + "%",)
        )]
        for name in names:
            pid = name[len(_PREFIX):].split("_")[0]
            if pid.isdigit() and not _pid_alive(int(pid)):
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _fresh_pg_database() -> tuple[str, str]:
    import psycopg

    name = f"{_PREFIX}{os.getpid()}_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(_libpq(PG_URL), autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
        # A throwaway database need not survive a crash of the server: commits that do
        # not wait for the disk made PostgreSQL tests about twice as fast. What other
        # sessions see, and when, is unchanged.
        conn.execute(f'ALTER DATABASE "{name}" SET synchronous_commit = off')
    head, _, _ = PG_URL.rpartition("/")
    return f"{head}/{name}", name


def _drop_pg_database(name: str) -> None:
    import psycopg

    with psycopg.connect(_libpq(PG_URL), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def new_database(kind: str, folder: Path) -> Iterator[str]:
    """A brand-new database (no tables yet) of ``kind`` for as long as the block runs.

    For fixtures with a wider scope than one test, which cannot share the per-session
    PostgreSQL database that ``db_url`` empties before every test.
    """
    if kind == "sqlite":
        yield f"sqlite:///{folder / 'voordeur.db'}"
        return
    if _PG_REASON is not None:
        pytest.skip(_PG_REASON)
    url, name = _fresh_pg_database()
    try:
        yield url
    finally:
        _drop_pg_database(name)


class _ClearablePg:
    """One migrated PostgreSQL database for the session, emptied before each test.

    Creating and migrating a database per test costs about 0.7 s on PostgreSQL; deleting
    every row and restarting every sequence costs a few hundredths and leaves it as a
    freshly migrated one (ids start at 1 again).
    """

    def __init__(self, url: str, name: str) -> None:
        from sqlalchemy import MetaData

        from storage.db import Database

        self.url, self.name = url, name
        db = Database(url)
        db.upgrade()
        meta = MetaData()
        meta.reflect(db.engine)  # the tables as the migrations made them
        db.dispose()
        # Children before parents, so no foreign key ever objects.
        self.tables = [t.name for t in reversed(meta.sorted_tables) if t.name != "alembic_version"]

    def clear(self) -> None:
        import psycopg

        with psycopg.connect(_libpq(self.url), autocommit=True) as conn:
            # Sessions an earlier test left open (a pool not disposed, a thread still
            # running) must neither block the delete nor write into the next test.
            conn.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                " WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
            with conn.transaction():
                conn.execute("SET LOCAL lock_timeout = '20s'")
                for table in self.tables:
                    conn.execute(f'DELETE FROM "{table}"')
                seqs = conn.execute(
                    "SELECT schemaname, sequencename FROM pg_sequences"
                    " WHERE schemaname = current_schema()"
                ).fetchall()
                for schema, seq in seqs:
                    conn.execute(f'ALTER SEQUENCE "{schema}"."{seq}" RESTART')


@pytest.fixture(scope="session")
def _session_pg() -> Iterator[_ClearablePg]:
    if _PG_REASON is not None:
        pytest.skip(_PG_REASON)
    _drop_leftover_pg_databases()
    url, name = _fresh_pg_database()
    try:
        yield _ClearablePg(url, name)
    finally:
        _drop_pg_database(name)


@pytest.fixture(params=DATABASES)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database this test has to itself, without rows: a new SQLite file, and
    PostgreSQL where reachable (already migrated, emptied before the test).

    Code under test migrates it as usual (a no-op on PostgreSQL). A test that needs a
    database without even tables (migrations) takes ``empty_db_url``.
    """
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'voordeur.db'}"
    pg: _ClearablePg = request.getfixturevalue("_session_pg")
    pg.clear()
    return pg.url


@pytest.fixture(params=DATABASES)
def empty_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A brand-new database without tables: SQLite file, and PostgreSQL when reachable."""
    with new_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def cheap_passwords(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id with the smallest cost instead of the production one (about 0.25 s per
    hash or check here, and every staff member in a test is hashed and checked once).
    Tests with staff (the console's) are about who may do what, not the hash's cost."""
    from argon2 import PasswordHasher

    cheap = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    monkeypatch.setattr("bot.staff._hasher", cheap)
    monkeypatch.setattr("bot.web.console_admin.PasswordHasher", lambda: cheap)


@pytest.fixture(scope="session")
def nlu_model_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where the session's NLU model is trained (for app processes: NLU_MODEL_DIR)."""
    return tmp_path_factory.mktemp("nlu-model")


@pytest.fixture(scope="session")
def understander(nlu_model_dir: Path):  # type: ignore[no-untyped-def]
    """The real in-process NLU, trained once per test session into a temp folder."""
    from nlu.service import load_understander

    return load_understander(backend="local", model_dir=str(nlu_model_dir))


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """For what only SQLite has (its file on disk, its single writer); say why at the use."""
    return f"sqlite:///{tmp_path / 'voordeur.db'}"


@pytest.fixture
def pg_url(tmp_path: Path) -> Iterator[str]:
    """A brand-new PostgreSQL database of this test's own (several processes, or a test
    that drops it); skips when PostgreSQL is not reachable."""
    with new_database("postgresql", tmp_path) as url:
        yield url
