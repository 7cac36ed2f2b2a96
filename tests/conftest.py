"""Shared fixtures: real databases (SQLite always, PostgreSQL where reachable)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

PG_URL = os.environ.get("TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _pg_reachable() -> str | None:
    """None when reachable, else the reason."""
    try:
        import psycopg
    except ImportError:
        return "psycopg not installed"
    try:
        url = PG_URL.replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(url, connect_timeout=2):
            return None
    except Exception as e:  # any failure means: not reachable here
        return f"PostgreSQL not reachable at {PG_URL.split('@')[-1]}: {type(e).__name__}"


_PG_REASON = _pg_reachable()


def _fresh_pg_database() -> tuple[str, str]:
    import psycopg

    base = PG_URL.replace("postgresql+psycopg://", "postgresql://")
    name = f"vd_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    head, _, _ = PG_URL.rpartition("/")
    return f"{head}/{name}", name


def _drop_pg_database(name: str) -> None:
    import psycopg

    base = PG_URL.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """A fresh, empty database URL: SQLite file, and PostgreSQL when reachable."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'voordeur.db'}"
        return
    if _PG_REASON is not None:
        pytest.skip(_PG_REASON)
    url, name = _fresh_pg_database()
    try:
        yield url
    finally:
        _drop_pg_database(name)


@pytest.fixture(scope="session")
def understander(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """The real in-process NLU, trained once per test session into a temp folder."""
    from nlu.service import load_understander

    return load_understander(backend="local", model_dir=str(tmp_path_factory.mktemp("nlu-model")))


@pytest.fixture
def sqlite_url(tmp_path) -> str:  # type: ignore[no-untyped-def]
    return f"sqlite:///{tmp_path / 'voordeur.db'}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    if _PG_REASON is not None:
        pytest.skip(_PG_REASON)
    url, name = _fresh_pg_database()
    try:
        yield url
    finally:
        _drop_pg_database(name)
