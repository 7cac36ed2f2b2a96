"""A turn's statements run on the driver's cursor: SQLAlchemy compiles, the turn executes.

``connection.execute(statement, params)`` spends 20-40 us of SQLAlchemy's own work per
statement even when its compiled cache hits: the cache key, an execution context,
parameter processing set up anew, a result object and its metadata. A turn runs about
ten statements, so that was more than the database's own work. :class:`Prepared` keeps
what SQLAlchemy compiled for a statement (per dialect and per set of parameter names):
the SQL text, the order of its parameters, the type processors of its binds and
results, the column defaults it fills in; running it is then one ``cursor.execute``.

What stays SQLAlchemy's: the connection and its transaction (the session's, so a
statement here commits or rolls back with the turn), the cursor events (statement
counters see every statement), and the handling of driver errors
(``Connection._cursor_execute``): an ``IntegrityError`` or ``OperationalError`` arrives
wrapped as SQLAlchemy's, and a lost PostgreSQL connection is invalidated in the pool.

Only for plain statements: no expanding ``IN`` parameters, no ORM entities in a
``SELECT`` (rows are tuples of column values).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import Any
from weakref import WeakKeyDictionary

from sqlalchemy import Connection, inspect
from sqlalchemy.orm import Session, make_transient_to_detached

__all__ = ["Prepared", "columns_of", "loaded", "session_connection"]

_Processor = Callable[[Any], Any] | None
_REQUIRED = object()


class _Plan:
    """One compiled form of a statement: for one dialect and one set of parameter names."""

    __slots__ = ("binds", "defaults", "named", "results", "sql")

    def __init__(self, statement: Any, dialect: Any, keys: Sequence[str] | None) -> None:
        compiled = statement.compile(dialect=dialect, column_keys=keys)
        if compiled.post_compile_params or compiled.literal_execute_params:
            raise ValueError("expanding or literal parameters need SQLAlchemy's execute")
        if getattr(compiled, "update_prefetch", None):
            raise ValueError("columns with an onupdate need SQLAlchemy's execute")
        self.sql: str = compiled.string
        processors = compiled._bind_processors
        self.named = compiled.positiontup is None  # PostgreSQL's psycopg: %(name)s
        names = dict.fromkeys(compiled.bind_names.values()) if self.named else compiled.positiontup
        escaped = compiled.escaped_bind_names
        #: Binds with a value of their own (a literal in the statement, LIMIT 1).
        fixed = {name: b.value for name, b in compiled.binds.items() if not b.required}
        if any(b.callable is not None for b in compiled.binds.values()):
            raise ValueError("callable binds need SQLAlchemy's execute")
        #: (parameter name, name in the SQL text, bind processor, fixed value), in SQL order.
        self.binds: tuple[tuple[str, str, _Processor, Any], ...] = tuple(
            (name, escaped.get(name, name), processors.get(name), fixed.get(name, _REQUIRED))
            for name in names
        )
        #: Python-side column defaults of an INSERT (SQLAlchemy fills them in the same way).
        self.defaults: tuple[tuple[str, Any], ...] = tuple(
            (col.key, col.default) for col in getattr(compiled, "insert_prefetch", ())
        )
        self.results: list[Any] | None = None
        if compiled._result_columns:
            self.results = [entry[3] for entry in compiled._result_columns]

    def parameters(self, values: Mapping[str, Any]) -> Any:
        if self.defaults:
            values = dict(values)
            for key, default in self.defaults:
                if key not in values:
                    values[key] = default.arg(None) if default.is_callable else default.arg
        get = values.get
        out = [
            v if proc is None else proc(v)
            for name, _sql, proc, fixed in self.binds
            for v in ((values[name] if fixed is _REQUIRED else get(name, fixed)),)
        ]
        if self.named:
            return {sql: v for (_n, sql, _p, _f), v in zip(self.binds, out, strict=True)}
        return out

    def row_processors(self, dialect: Any, description: Any) -> list[_Processor]:
        assert self.results is not None
        return [
            type_._cached_result_processor(dialect, column[1])
            for type_, column in zip(self.results, description, strict=True)
        ]


class Prepared:
    """A Core statement compiled once per dialect and parameter names, run on the cursor.

    Built at module level (like the statements it wraps); thread-safe in the way the
    turn uses it (a plan computed twice by two threads is the same plan)."""

    __slots__ = ("_plans", "_rows", "statement")

    def __init__(self, statement: Any) -> None:
        self.statement = statement
        self._plans: WeakKeyDictionary[Any, dict[Any, _Plan]] = WeakKeyDictionary()
        self._rows: WeakKeyDictionary[Any, dict[Any, list[_Processor]]] = WeakKeyDictionary()

    def _plan(self, dialect: Any, keys: tuple[str, ...] | None) -> _Plan:
        plans = self._plans.get(dialect)
        if plans is None:
            plans = self._plans.setdefault(dialect, {})
        plan = plans.get(keys)
        if plan is None:
            plan = plans[keys] = _Plan(self.statement, dialect, keys)
        return plan

    def execute(self, conn: Connection, values: Mapping[str, Any], *, keys: bool = False) -> Any:
        """Run the statement once; returns the driver's cursor (closed by the caller, or
        by :meth:`all` / :meth:`one` / :meth:`last_id`). ``keys``: an INSERT or UPDATE
        whose columns are the keys of ``values`` (compiled once per set of keys)."""
        plan = self._plan(conn.dialect, tuple(values) if keys else None)
        cursor = conn.connection.cursor()
        conn._cursor_execute(cursor, plan.sql, plan.parameters(values))
        return cursor

    def execute_many(self, conn: Connection, rows: Sequence[Mapping[str, Any]]) -> None:
        """An INSERT of several rows with the same keys (the driver's executemany)."""
        plan = self._plan(conn.dialect, tuple(rows[0]))
        params = [plan.parameters(r) for r in rows]
        cursor = conn.connection.cursor()
        try:
            _execute_many(conn, cursor, plan.sql, params)
        finally:
            cursor.close()

    def all(self, conn: Connection, values: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        """The rows of a SELECT, each a tuple with its columns' result types applied."""
        cursor = self.execute(conn, values)
        try:
            fetched = cursor.fetchall()
            if not fetched:
                return []
            procs = self._processors(conn.dialect, cursor.description)
        finally:
            cursor.close()
        if not any(procs):
            return [tuple(r) for r in fetched]
        return [
            tuple(v if p is None or v is None else p(v) for p, v in zip(procs, r, strict=True))
            for r in fetched
        ]

    def one(self, conn: Connection, values: Mapping[str, Any]) -> tuple[Any, ...] | None:
        """The first row of a SELECT (see :meth:`all`), or None."""
        rows = self.all(conn, values)
        return rows[0] if rows else None

    def _processors(self, dialect: Any, description: Any) -> list[_Processor]:
        by_dialect = self._rows.get(dialect)
        if by_dialect is None:
            by_dialect = self._rows.setdefault(dialect, {})
        types = tuple(column[1] for column in description)
        procs = by_dialect.get(types)
        if procs is None:
            procs = by_dialect[types] = self._plan(dialect, None).row_processors(
                dialect, description
            )
        return procs


def _execute_many(conn: Connection, cursor: Any, sql: str, params: list[Any]) -> None:
    """``Connection._cursor_execute`` for executemany: events, driver, error handling."""
    try:
        if conn._has_events or conn.engine._has_events:
            for fn in conn.dispatch.before_cursor_execute:
                sql, params = fn(conn, cursor, sql, params, None, True)
        conn.dialect.do_executemany(cursor, sql, params, None)
        if conn._has_events or conn.engine._has_events:
            conn.dispatch.after_cursor_execute(conn, cursor, sql, params, None, True)
    except BaseException as e:  # noqa: BLE001 - re-raised, wrapped (as SQLAlchemy does)
        conn._handle_dbapi_exception(e, sql, params, cursor, None)


_CONNECTION = "voordeur_connection"


def session_connection(session: Session) -> Connection:
    """The session's connection in its current transaction (``Session.connection()``,
    which costs ~10 us a call, looked up once per transaction)."""
    transaction = session.get_transaction()
    cached = session.info.get(_CONNECTION)
    if cached is not None and cached[0] is transaction and transaction is not None:
        return cached[1]  # type: ignore[no-any-return]
    conn = session.connection()
    session.info[_CONNECTION] = (session.get_transaction(), conn)
    return conn


def columns_of(model: Any) -> tuple[Any, ...]:
    """The columns of a mapped class, in the order :func:`loaded` takes them."""
    return tuple(attr.columns[0] for attr in _attributes(model))


def loaded(session: Session, model: Any, values: Sequence[Any], *, refresh: bool = False) -> Any:
    """The instance of ``model`` for a row of its :func:`columns_of`, in ``session`` as
    if the session had loaded it with a query (``make_transient_to_detached``: no
    history, nothing to flush until it changes). An instance the session already holds
    is returned instead, as a query returns it; ``refresh`` (a query with
    ``populate_existing``, e.g. read again under a row lock): that instance's values are
    expired, so they are read again when used."""
    mapper = _mapper(model)
    keys = _attributes(model)
    pk = values[_pk_position(model)]
    existing = session.identity_map.get(mapper.identity_key_from_primary_key((pk,)))
    if existing is not None:
        if refresh:
            session.expire(existing)
        return existing
    obj = mapper.class_manager.new_instance()
    obj.__dict__.update(zip((attr.key for attr in keys), values, strict=True))
    make_transient_to_detached(obj)
    session.add(obj)
    return obj


@cache
def _mapper(model: Any) -> Any:
    return inspect(model)


@cache
def _attributes(model: Any) -> tuple[Any, ...]:
    return tuple(_mapper(model).column_attrs)


@cache
def _pk_position(model: Any) -> int:
    (pk,) = _mapper(model).primary_key
    return [attr.columns[0] for attr in _attributes(model)].index(pk)
