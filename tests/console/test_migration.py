"""Migration 0002 adds the console's sessions table and queue indexes, and can be undone."""

from __future__ import annotations

from alembic import command
from sqlalchemy import inspect

from storage.db import Database, _alembic_config


def test_upgrade_and_downgrade_0002(empty_db_url: str) -> None:
    db = Database(empty_db_url)
    db.upgrade()
    insp = inspect(db.engine)
    assert "staff_sessions" in insp.get_table_names()
    assert "ix_handoffs_offered" in {i["name"] for i in insp.get_indexes("handoffs")}
    assert "ix_conversations_held" in {i["name"] for i in insp.get_indexes("conversations")}
    cfg = _alembic_config(db.url)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0001")
    assert "staff_sessions" not in inspect(db.engine).get_table_names()
    db.upgrade()
    assert "staff_sessions" in inspect(db.engine).get_table_names()
    db.dispose()
