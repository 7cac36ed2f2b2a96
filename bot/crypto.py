"""Encryption at rest for message texts, notes and plan texts.

``ENCRYPTION_KEY`` holds one or more Fernet keys separated by commas; the first
encrypts, all decrypt (so keys can be rotated: put the new key first, run
``voordeur keys rotate``, then drop the old key). Fernet is authenticated encryption
(AES-128-CBC with HMAC-SHA256) from the ``cryptography`` package.
"""

from __future__ import annotations

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from sqlalchemy import select, update

from config.settings import ConfigError, Secret

__all__ = ["ENCRYPTED_COLUMNS", "PREFIX", "TextCipher", "cipher_from_setting", "new_key", "rotate"]

PREFIX = "enc1:"


def new_key() -> str:
    return Fernet.generate_key().decode("ascii")


class TextCipher:
    def __init__(self, keys: list[str]) -> None:
        if not keys:
            raise ConfigError("ENCRYPTION_KEY", "no key given")
        try:
            self._fernet = MultiFernet([Fernet(k.strip().encode("ascii")) for k in keys])
        except (ValueError, TypeError):
            raise ConfigError(
                "ENCRYPTION_KEY", "each key must be 32 url-safe base64 bytes (voordeur keys new)"
            ) from None

    def encrypt(self, text: str) -> str:
        return PREFIX + self._fernet.encrypt(text.encode("utf-8")).decode("ascii")

    def decrypt(self, value: str) -> str:
        if not value.startswith(PREFIX):
            return value  # stored before encryption was switched on
        try:
            return self._fernet.decrypt(value[len(PREFIX) :].encode("ascii")).decode("utf-8")
        except InvalidToken:
            raise ConfigError(
                "ENCRYPTION_KEY", "a stored text cannot be decrypted with these keys"
            ) from None


def cipher_from_setting(secret: Secret | None) -> TextCipher | None:
    if secret is None:
        return None
    return TextCipher([k for k in secret.get().split(",") if k.strip()])


def _columns():  # type: ignore[no-untyped-def]
    from storage.models import Base
    from storage.types import SecretText

    for mapper in Base.registry.mappers:
        table = mapper.local_table
        for col in table.columns:
            if isinstance(col.type, SecretText):
                yield table, col


ENCRYPTED_COLUMNS = "every column of type SecretText in storage/models.py"


def rotate(db, batch: int = 500) -> int:  # type: ignore[no-untyped-def]
    """Re-encrypt every secret text with the first key (and encrypt plain leftovers).

    The cipher must be installed (``storage.types.set_cipher``) with all keys."""
    n = 0
    pk_name = "id"
    for table, col in _columns():
        pk = table.c[pk_name]
        last = 0
        while True:
            with db.engine.begin() as conn:
                rows = conn.execute(
                    select(pk, col).where(pk > last, col.is_not(None)).order_by(pk).limit(batch)
                ).all()
                if not rows:
                    break
                for rid, plain in rows:
                    # The column type decrypted with any key; writing encrypts with the first.
                    conn.execute(update(table).where(pk == rid).values({col.name: plain}))
                    n += 1
                last = rows[-1][0]
    return n
