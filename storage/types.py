"""Column types shared by the models."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Text
from sqlalchemy.dialects import sqlite
from sqlalchemy.types import TypeDecorator, TypeEngine

__all__ = ["SecretText", "UTCDateTime", "set_cipher"]


def _sqlite_text(value: datetime | None) -> str | None:
    # SQLAlchemy's SQLite storage format, "2026-11-23 09:00:00.000000", made in C (its
    # own processor fills a dict and formats it, per value: a turn binds a dozen).
    return None if value is None else value.isoformat(" ", "microseconds")


def _utc_naive(value: datetime | None) -> datetime | None:
    """An aware datetime as naive UTC (how the column stores it); naive ones are refused."""
    if value is None:
        return None
    if value.tzinfo is None:
        raise ValueError("naive datetime given to a UTC column")
    if value.tzinfo is not UTC:
        value = value.astimezone(UTC)
    return value.replace(tzinfo=None)


def _sqlite_utc_text(value: datetime | None) -> str | None:
    # UTCDateTime.process_bind_param and then _sqlite_text, in one processor.
    return _sqlite_text(_utc_naive(value))


class _SQLiteDateTime(sqlite.DATETIME):
    """SQLite's DATETIME (same column type, same text) with a cheaper bind processor."""

    def bind_processor(self, dialect: Any) -> Any:
        return _sqlite_text


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware datetimes stored as UTC (SQLite keeps no offsets)."""

    impl = DateTime
    cache_ok = True

    def load_dialect_impl(self, dialect: Any) -> TypeEngine[Any]:
        if dialect.name == "sqlite":
            return _SQLiteDateTime()
        return super().load_dialect_impl(dialect)

    def bind_processor(self, dialect: Any) -> Any:
        if dialect.name == "sqlite":  # one function instead of a chain of three per value
            return _sqlite_utc_text
        return super().bind_processor(dialect)

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        return _utc_naive(value)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


class _Cipher:
    """The current text cipher; ``None`` means texts are stored as they are."""

    cipher: Any = None


def set_cipher(cipher: Any) -> None:
    """Install the cipher used for message texts, notes and plan texts (or None)."""
    _Cipher.cipher = cipher


class SecretText(TypeDecorator[str]):
    """Text that is encrypted at rest when a cipher is installed (see bot/crypto.py)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Any) -> str | None:
        if value is None or _Cipher.cipher is None:
            return value
        return _Cipher.cipher.encrypt(value)

    def process_result_value(self, value: str | None, dialect: Any) -> str | None:
        if value is None or _Cipher.cipher is None:
            return value
        return _Cipher.cipher.decrypt(value)
