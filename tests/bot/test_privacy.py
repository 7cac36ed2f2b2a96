"""Encryption at rest, log masking and erasure."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from sqlalchemy import text as sql

from bot.clock import SimClock
from bot.crypto import PREFIX, TextCipher, new_key, rotate
from bot.logsafe import MaskingFilter, mask
from bot.messages import Channel, Inbound
from bot.services import build_core
from config.settings import ConfigError, Secret, Settings, load_settings
from storage.types import set_cipher

from .conftest import MONDAY_10

SECRET_WORD = "Zwanenbloemkwekerij"


@pytest.fixture(autouse=True)
def _no_cipher_after():  # type: ignore[no-untyped-def]
    yield
    set_cipher(None)


def _sqlite_bytes(url: str) -> bytes:
    """The database file and its write-ahead log, as bytes on disk."""
    path = Path(url.removeprefix("sqlite:///"))
    data = b""
    for p in (path, path.with_name(path.name + "-wal")):
        if p.exists():
            data += p.read_bytes()
    return data


def test_message_texts_are_not_in_the_database_file_in_plain_form(db_url, understander) -> None:  # type: ignore[no-untyped-def]
    key = new_key()
    core = build_core(
        Settings(database_url=db_url, encryption_key=Secret(key)), clock=SimClock(MONDAY_10), nlu=understander
    )
    core.pipeline.handle_sync(
        Inbound(channel=Channel.SMS, address="+31612345678", text=f"ik woon in de {SECRET_WORD}", provider_id="e1")
    )
    with core.db.engine.connect() as conn:
        stored = conn.execute(sql("SELECT text FROM messages WHERE direction='in'")).scalar()
    core.db.dispose()
    assert stored.startswith(PREFIX) and SECRET_WORD not in stored
    if db_url.startswith("sqlite"):  # PostgreSQL's files are the server's, not ours to read
        assert SECRET_WORD.encode() not in _sqlite_bytes(db_url)


def test_key_rotation_reencrypts_with_the_new_key(db_url, understander) -> None:  # type: ignore[no-untyped-def]
    old, new = new_key(), new_key()
    core = build_core(Settings(database_url=db_url, encryption_key=Secret(old)), clock=SimClock(MONDAY_10), nlu=understander)
    core.pipeline.handle_sync(Inbound(channel=Channel.SMS, address="+31612345678", text="geheim", provider_id="r1"))
    set_cipher(TextCipher([new, old]))
    assert rotate(core.db) > 0
    set_cipher(TextCipher([new]))  # the old key is gone now
    with core.db.session() as s:
        from sqlalchemy import select

        from storage.models import Message

        assert s.scalar(select(Message.text).where(Message.direction == "in")) == "geheim"
    core.db.dispose()


def test_production_mode_refuses_to_start_without_a_key() -> None:
    with pytest.raises(ConfigError) as e:
        load_settings({"MODE": "production"})
    assert e.value.key == "ENCRYPTION_KEY"


def test_a_bad_key_is_named() -> None:
    with pytest.raises(ConfigError) as e:
        TextCipher(["not-a-key"])
    assert e.value.key == "ENCRYPTION_KEY"


def test_secrets_never_show_in_repr() -> None:
    s = load_settings({"TWILIO_AUTH_TOKEN": "supersecret123", "TELEGRAM_BOT_TOKEN": "123:abc"})
    assert "supersecret123" not in repr(s) and "123:abc" not in repr(s)


@pytest.mark.parametrize(
    "raw",
    ["+31612345678", "06 12345678", "06-12345678", "whatsapp:+31612345678", "0031612345678"],
)
def test_phone_numbers_are_masked_in_logs(raw: str) -> None:
    assert raw not in mask(f"sending to {raw} now")
    assert "<number>" in mask(f"sending to {raw} now")


def test_masking_filter_masks_arguments_and_tracebacks(caplog) -> None:  # type: ignore[no-untyped-def]
    logger = logging.getLogger("voordeur.test")
    handler = logging.StreamHandler()
    handler.addFilter(MaskingFilter())
    logger.addHandler(handler)
    try:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed for %s", ("+31612345678",), None)
        MaskingFilter().filter(record)
        assert "+31612345678" not in record.getMessage()
    finally:
        logger.removeHandler(handler)
