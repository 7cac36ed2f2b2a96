"""Logs without personal data: phone numbers, tokens and e-mail addresses are masked
in every record, whatever logger wrote it, and JSON logs as an option."""

from __future__ import annotations

import json
import logging
import re

__all__ = ["JsonFormatter", "MaskingFilter", "mask", "setup_logging"]

_PATTERNS = (
    (re.compile(r"bot\d{3,}:[A-Za-z0-9_-]{20,}"), "bot<token>"),
    (
        re.compile(
            r"(?<![\w:])(?!\d{4}-\d\d-\d\d)(?:whatsapp:)?(?:\+|00)?\d(?:[ -]?\d){8,14}(?![\w])"
        ),
        "<number>",
    ),
    (re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"), "<email>"),
    (re.compile(r"(?i)(auth_token|password|secret|token)=([^&\s]+)"), r"\1=<hidden>"),
)


def mask(text: str) -> str:
    for pattern, repl in _PATTERNS:
        text = pattern.sub(repl, text)
    return text


class MaskingFilter(logging.Filter):
    """Rewrites each record's message with personal data masked."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken format string must not lose the record
            message = str(record.msg)
        record.msg = mask(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = mask(record.exc_text)
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        body = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_text:
            body["exception"] = record.exc_text
        return json.dumps(body, ensure_ascii=False)


def setup_logging(json_logs: bool = False, level: int = logging.INFO) -> None:
    """Configure the root logger: masking on every handler, optional JSON lines."""
    root = logging.getLogger()
    root.setLevel(level)
    if not root.handlers:
        root.addHandler(logging.StreamHandler())
    for handler in root.handlers:
        if not any(isinstance(f, MaskingFilter) for f in handler.filters):
            handler.addFilter(MaskingFilter())
        handler.setFormatter(
            JsonFormatter()
            if json_logs
            else logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
        )
    # httpx logs every request URL at INFO (a Telegram URL carries the bot token).
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        for handler in logging.getLogger(name).handlers:
            handler.addFilter(MaskingFilter())
