"""Column types shared by the models."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime, Text
from sqlalchemy.types import TypeDecorator

__all__ = ["SecretText", "UTCDateTime", "set_cipher"]


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware datetimes stored as UTC (SQLite keeps no offsets)."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

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
