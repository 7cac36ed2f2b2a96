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
from functools import cache
from typing import Any

from sqlalchemy import Insert, Table, insert
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
    result = session.connection().execute(_returning_id(model.__table__), dict(values))
    return int(result.scalar_one())


@cache
def _returning_id(table: Table) -> Insert:
    # Built once per table: building a statement costs more than running it.
    return insert(table).returning(table.c.id)
