"""Plain inserts on the session's connection, for rows nobody reads back in the turn.

The ORM's unit of work (identity map, flush, ``RETURNING id`` per object) cost more than
half of a turn's CPU for rows that are only ever appended: the event log, anonymous
statistics, outbound messages and their outbox rows. These run as statements compiled
once (:mod:`storage.fast`) on the session's connection and transaction, so they commit
or roll back with the turn. Column types still apply (encryption of ``SecretText``, UTC
datetimes, JSON) and so do column defaults.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from sqlalchemy import Table, bindparam, insert, inspect, update
from sqlalchemy.orm import Session

from storage.fast import Prepared, session_connection

__all__ = ["append", "append_many", "insert_id", "write_changes"]


def append(session: Session, model: Any, values: Mapping[str, Any]) -> None:
    """Insert one row; nothing is read back."""
    _insert(model.__table__).execute(session_connection(session), values, keys=True).close()


def append_many(session: Session, model: Any, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert several rows in one statement (executemany); all rows have the same keys."""
    if rows:
        _insert(model.__table__).execute_many(session_connection(session), rows)


def insert_id(session: Session, model: Any, values: Mapping[str, Any]) -> int:
    """Insert one row and return its new primary key.

    The key comes the cheapest way the database has: SQLite's last row id (no
    ``RETURNING`` and no result rows to process), PostgreSQL's ``RETURNING id``."""
    conn = session_connection(session)
    table = model.__table__
    if conn.dialect.name == "sqlite":
        cursor = _insert(table).execute(conn, values, keys=True)
        new_id = cursor.lastrowid
    else:
        cursor = _insert_returning(table).execute(conn, values, keys=True)
        (new_id,) = cursor.fetchone()
    cursor.close()
    return int(new_id)


@cache
def _insert(table: Table) -> Prepared:
    # Built once per table: building a statement costs more than running it. Inline:
    # no RETURNING of the new key on PostgreSQL, which nothing here reads.
    return Prepared(insert(table).inline())


@cache
def _insert_returning(table: Table) -> Prepared:
    (pk,) = table.primary_key.columns
    return Prepared(insert(table).returning(pk))


def write_changes(session: Session, obj: Any) -> bool:
    """Write a loaded object's changed columns with one plain UPDATE, then detach it.

    For the end of a turn: the person's contact and conversation rows change on every
    message, and the unit of work cost more to flush them than the UPDATEs themselves.
    Only call this when nothing in the transaction reads the object again (its later
    reads would come from the database, which by then holds the new values). Returns
    False, and leaves the object to the session's flush, when a relationship changed
    or one is loaded (detaching would take related objects along).
    """
    state = inspect(obj)
    if not state.persistent or not state.modified:
        return False
    columns, relationships, statement = _shape(state.mapper)
    current = state.dict
    changed = state.committed_state  # attribute -> its value before the change
    if any(key not in columns for key in changed) or any(key in current for key in relationships):
        return False
    # An attribute set to the value it had is not written (as the flush would skip it).
    values = {
        columns[key]: current[key]
        for key, old in changed.items()
        if key in current and current[key] != old
    }
    if values:
        values["_pk"] = state.identity[0]
        statement.execute(session_connection(session), values, keys=True).close()
    session.expunge(obj)
    return True


@cache
def _shape(mapper: Any) -> tuple[dict[str, str], frozenset[str], Prepared]:
    """Per mapped class, once: attribute -> column key of its columns, the names of its
    relationships, and the UPDATE by primary key (its SET clause follows the keys of
    each call's parameters)."""
    columns = {attr.key: attr.columns[0].key for attr in mapper.column_attrs}
    relationships = frozenset(rel.key for rel in mapper.relationships)
    table = mapper.local_table
    (pk,) = table.primary_key.columns
    return columns, relationships, Prepared(update(table).where(pk == bindparam("_pk")))
