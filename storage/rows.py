"""Plain inserts on the session's connection, for rows nobody reads back in the turn.

The ORM's unit of work (identity map, flush, ``RETURNING id`` per object) cost more than
half of a turn's CPU for rows that are only ever appended: the event log, anonymous
statistics, outbound messages and their outbox rows. These go through SQLAlchemy Core
on the same connection and transaction, so they commit or roll back with the turn.
Column types still apply (encryption of ``SecretText``, UTC datetimes, JSON) and so do
column defaults.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

__all__ = ["append", "append_many", "insert_id"]


def append(session: Session, model: Any, values: Mapping[str, Any]) -> None:
    """Insert one row; nothing is read back."""
    session.connection().execute(insert(model.__table__), [dict(values)])


def append_many(session: Session, model: Any, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert several rows in one statement (executemany)."""
    if rows:
        session.connection().execute(insert(model.__table__), [dict(r) for r in rows])


def insert_id(session: Session, model: Any, values: Mapping[str, Any]) -> int:
    """Insert one row and return its new primary key."""
    table = model.__table__
    result = session.connection().execute(insert(table).values(**values).returning(table.c.id))
    return int(result.scalar_one())
