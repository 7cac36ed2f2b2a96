"""Storage: migrations, constraints and time handling on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import inspect, select
from sqlalchemy.exc import IntegrityError

from storage.db import Database, normalise_url
from storage.models import Contact, Identity, Message


def test_migrations_create_every_table_and_are_current(empty_db_url: str) -> None:
    db = Database(empty_db_url)
    db.upgrade()
    tables = set(inspect(db.engine).get_table_names())
    for t in ("contacts", "identities", "conversations", "messages", "conversation_events",
              "plans", "plan_items", "followups", "handoffs", "staff", "outbox", "tasks",
              "notes", "audit_log", "stat_events"):
        assert t in tables
    assert db.is_current()
    db.upgrade()  # idempotent
    db.dispose()


def test_identity_is_unique_per_channel_and_address(db_url: str) -> None:
    db = Database(db_url)
    db.upgrade()
    now = datetime.now(UTC)
    with db.session() as s, s.begin():
        c = Contact(created_at=now)
        s.add(c)
        s.flush()
        s.add(Identity(contact_id=c.id, channel="sms", address="+31612345678", created_at=now))
    with pytest.raises(IntegrityError), db.session() as s, s.begin():
        c2 = Contact(created_at=now)
        s.add(c2)
        s.flush()
        s.add(Identity(contact_id=c2.id, channel="sms", address="+31612345678", created_at=now))
    db.dispose()


def test_provider_message_id_is_unique_per_channel(db_url: str) -> None:
    db = Database(db_url)
    db.upgrade()
    now = datetime.now(UTC)
    kw = {"direction": "in", "text": "hoi", "author": "person", "created_at": now, "options": []}
    with db.session() as s, s.begin():
        s.add(Message(channel="sms", provider_id="SM1", **kw))
        s.add(Message(channel="whatsapp", provider_id="SM1", **kw))  # other channel: fine
    with pytest.raises(IntegrityError), db.session() as s, s.begin():
        s.add(Message(channel="sms", provider_id="SM1", **kw))
    db.dispose()


def test_times_come_back_aware_in_utc(db_url: str) -> None:
    db = Database(db_url)
    db.upgrade()
    at = datetime(2026, 11, 23, 10, 0, tzinfo=UTC)
    with db.session() as s, s.begin():
        s.add(Contact(created_at=at))
    with db.session() as s:
        got = s.scalar(select(Contact.created_at))
    assert got == at and got.tzinfo is not None
    db.dispose()


def test_sqlite_runs_in_wal_mode_with_foreign_keys(sqlite_url: str) -> None:
    """SQLite only: WAL and the foreign-keys pragma are SQLite settings (PostgreSQL
    always enforces foreign keys and has no journal mode to choose)."""
    db = Database(sqlite_url)
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    db.dispose()


def test_postgres_urls_use_psycopg3() -> None:
    assert normalise_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_url("sqlite:///x.db") == "sqlite:///x.db"


def test_migrations_upgrade_from_every_earlier_revision(empty_db_url: str) -> None:
    from alembic import command
    from alembic.script import ScriptDirectory

    from storage.db import _alembic_config

    db = Database(empty_db_url)
    cfg = _alembic_config(db.url)
    revisions = [r.revision for r in ScriptDirectory.from_config(cfg).walk_revisions()][::-1]
    assert revisions[0] == "0001" and len(revisions) >= 3
    for rev in revisions:
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, "base")
        with db.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, rev)
        db.upgrade()  # from this revision to head
        assert db.is_current(), f"upgrade from {rev} did not reach head"
    db.dispose()
