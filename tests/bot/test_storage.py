"""Storage: migrations, constraints and time handling on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
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


def test_sqlite_keeps_datetimes_as_the_same_utc_text_as_before(sqlite_url: str) -> None:
    """The text SQLAlchemy's own SQLite DATETIME writes (databases written before keep
    sorting and comparing with new rows), converted to UTC, with microseconds."""
    from datetime import timedelta, timezone

    from sqlalchemy import text

    db = Database(sqlite_url)
    db.upgrade()
    at = datetime(2026, 11, 23, 10, 0, 0, 5, tzinfo=timezone(timedelta(hours=1)))
    with db.session() as s, s.begin():
        s.add(Contact(created_at=at, last_activity_at=datetime(2026, 3, 29, 1, 59, tzinfo=UTC)))
    with db.session() as s:
        raw = s.execute(text("SELECT created_at, last_activity_at FROM contacts")).one()
        assert tuple(raw) == ("2026-11-23 09:00:00.000005", "2026-03-29 01:59:00.000000")
        since = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
        assert s.scalar(select(Contact.created_at).where(Contact.created_at > since)) == at
        assert s.scalar(select(Contact.id).where(Contact.created_at > at)) is None
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


@pytest.fixture
def cipher() -> Iterator[None]:
    from bot.crypto import TextCipher, new_key
    from storage.types import set_cipher

    set_cipher(TextCipher([new_key()]))
    yield
    set_cipher(None)


def test_write_changes_writes_changed_columns_plainly_and_detaches(
    db_url: str, cipher: None
) -> None:
    from sqlalchemy import event, text

    from storage.models import Conversation
    from storage.rows import write_changes

    db = Database(db_url)
    db.upgrade()
    now = datetime.now(UTC)
    with db.session() as s, s.begin():
        c = Contact(created_at=now, language="nl", name="Els")
        s.add(c)
        s.flush()
        conv = Conversation(contact_id=c.id, owner="bot", state={"step": "a"}, topics=[],
                            literal_topics=[], deeper_topics=[], created_at=now, updated_at=now)
        s.add(conv)
        cid = c.id
    with db.session() as s, s.begin():
        c = s.get(Contact, cid)
        conv = s.scalar(select(Conversation).where(Conversation.contact_id == cid))
        assert c is not None and conv is not None
        assert write_changes(s, c) is False  # nothing changed: left alone
        c.name, c.language = "Els de Vries", "en"
        conv.state = {"step": "b", "flow": "intake"}
        statements: list[str] = []

        @event.listens_for(db.engine, "before_cursor_execute")
        def _seen(_c, _cur, statement, *_a):  # type: ignore[no-untyped-def]
            statements.append(statement)

        assert write_changes(s, conv) is True
        assert write_changes(s, c) is True
        assert c not in s and conv not in s  # detached: the commit flushes nothing more
        event.remove(db.engine, "before_cursor_execute", _seen)
    assert [st.split()[0] for st in statements] == ["UPDATE", "UPDATE"]
    assert "name" in statements[1] and "created_at" not in statements[1]
    with db.session() as s:
        c = s.get(Contact, cid)
        assert c is not None and (c.name, c.language) == ("Els de Vries", "en")
        conv = s.scalar(select(Conversation).where(Conversation.contact_id == cid))
        assert conv is not None and conv.state == {"step": "b", "flow": "intake"}
        # Column types still apply: the name is stored encrypted, not as plain text.
        raw = s.execute(text("SELECT name FROM contacts WHERE id = :i"), {"i": cid}).scalar()
        assert raw and "Vries" not in raw
    db.dispose()


def test_write_changes_skips_columns_set_to_the_value_they_had(db_url: str) -> None:
    """As the flush would: the turn sets the language on every message; only a column
    that really changed is written, and nothing at all when none did."""
    from sqlalchemy import event

    from storage.rows import write_changes

    db = Database(db_url)
    db.upgrade()
    now = datetime.now(UTC)
    with db.session() as s, s.begin():
        c = Contact(created_at=now, language="nl", last_channel="sms")
        s.add(c)
        s.flush()
        cid = c.id
    statements: list[str] = []

    def _seen(_c, _cur, statement, *_a):  # type: ignore[no-untyped-def]
        statements.append(" ".join(statement.split()))

    event.listen(db.engine, "before_cursor_execute", _seen)
    try:
        with db.session() as s, s.begin():
            c = s.get(Contact, cid)
            assert c is not None
            c.language, c.last_channel, c.last_activity_at = "nl", "sms", now
            assert write_changes(s, c) is True and c not in s
        with db.session() as s, s.begin():
            c = s.get(Contact, cid)
            assert c is not None
            c.language, c.last_channel, c.last_activity_at = "nl", "sms", now
            assert write_changes(s, c) is True and c not in s  # detached all the same
    finally:
        event.remove(db.engine, "before_cursor_execute", _seen)
    updates = [st for st in statements if st.startswith("UPDATE")]
    assert len(updates) == 1, updates
    assert "last_activity_at" in updates[0] and "language" not in updates[0], updates
    with db.session() as s:
        c = s.get(Contact, cid)
        assert c is not None and c.last_activity_at == now and c.language == "nl"
    db.dispose()


def test_insert_id_returns_the_new_rows_key(db_url: str) -> None:
    from storage.rows import append, insert_id

    db = Database(db_url)
    db.upgrade()
    now = datetime.now(UTC)
    with db.session() as s, s.begin():
        first = insert_id(s, Contact, {"created_at": now, "stat_key": "a"})
        append(s, Contact, {"created_at": now, "stat_key": "b"})
        third = insert_id(s, Contact, {"created_at": now, "stat_key": "c"})
    with db.session() as s:
        keys = {key: id_ for key, id_ in s.execute(select(Contact.stat_key, Contact.id))}
    assert keys["a"] == first and keys["c"] == third and first < keys["b"] < third
    db.dispose()


def test_write_changes_leaves_loaded_relationships_to_the_flush(db_url: str) -> None:
    from storage.rows import write_changes

    db = Database(db_url)
    db.upgrade()
    now = datetime.now(UTC)
    with db.session() as s, s.begin():
        c = Contact(created_at=now)
        s.add(c)
        s.flush()
        s.add(Identity(contact_id=c.id, channel="sms", address="+31612345670", created_at=now))
        cid = c.id
    with db.session() as s, s.begin():
        c = s.get(Contact, cid)
        assert c is not None
        ident = c.identities[0]  # loaded: detaching the contact would take it along
        ident.phone = "+31612345670"
        c.language = "en"
        assert write_changes(s, c) is False
        assert c in s
    with db.session() as s:
        c = s.get(Contact, cid)
        assert c is not None and c.language == "en" and c.identities[0].phone == "+31612345670"
    db.dispose()


def _other_process_can_lock(path: str) -> bool:
    """Whether another process could take the write lock file right now (no waiting)."""
    import subprocess
    import sys

    code = (
        "import fcntl, os, sys\n"
        "fd = os.open(sys.argv[1], os.O_RDWR | os.O_CREAT)\n"
        "try:\n"
        "    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)\n"
        "except BlockingIOError:\n"
        "    sys.exit(1)\n"
    )
    return subprocess.run([sys.executable, "-c", code, path], check=False).returncode == 0


def test_sqlite_writers_of_all_processes_queue_on_one_lock_file(sqlite_url: str) -> None:
    """SQLite: processes that write (the web process and its turn process) wait on a
    lock file for the length of a write transaction, woken when it ends, instead of
    polling SQLite's lock (which let one of them starve the other). Reads take none."""
    db = Database(sqlite_url)
    db.upgrade()
    lock = sqlite_url.removeprefix("sqlite:///") + ".writelock"
    try:
        assert _other_process_can_lock(lock)
        with db.session() as s, s.begin():
            s.add(Contact(created_at=datetime.now(UTC), stat_key="lock-test"))
            s.flush()
            assert not _other_process_can_lock(lock), "held for the whole write transaction"
            with db.reader() as r:  # a reader meanwhile: no lock, no waiting
                assert r.scalar(select(Contact.id).limit(1)) is None
        assert _other_process_can_lock(lock), "given back at the end of the transaction"
        with pytest.raises(IntegrityError), db.session() as s, s.begin():
            s.add(Identity(contact_id=999_999, channel="sms", address="+31600000000", created_at=datetime.now(UTC)))
        assert _other_process_can_lock(lock), "given back after a rollback too"
    finally:
        db.dispose()
