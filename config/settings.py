"""Typed settings, loaded once from the environment (and an optional YAML file).

Only this module reads the environment. Secrets are wrapped in :class:`Secret`, which
never shows its value in ``repr`` or logs. A channel without its settings is off.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import yaml

__all__ = ["ConfigError", "Secret", "Settings", "load_settings"]


class ConfigError(Exception):
    """A setting is missing or wrong; carries the setting's name."""

    def __init__(self, key: str, reason: str) -> None:
        super().__init__(f"{key}: {reason}")
        self.key = key
        self.reason = reason


class Secret:
    """A secret value that does not show itself in repr, str or logs."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def get(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('**********')"

    __str__ = __repr__

    def __bool__(self) -> bool:
        return bool(self._value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)


def _secret(value: str | None) -> Secret | None:
    return Secret(value) if value else None


@dataclass(frozen=True)
class Settings:
    """Every setting of the front door. See docs/configuration.md for the table."""

    #: "local" (default: may run without an encryption key) or "production".
    mode: str = "local"
    database_url: str = "sqlite:///var/voordeur.db"
    host: str = "127.0.0.1"
    port: int = 8000
    #: The URL at which providers reach this app (behind a proxy: the public https URL).
    public_base_url: str | None = None
    profile_path: str | None = None
    nlu_backend: str = "local"
    rasa_url: str | None = None
    nlu_model_dir: str | None = None
    encryption_key: Secret | None = None
    log_json: bool = False
    #: uvicorn's access log (one line per HTTP request, with the client's IP address).
    access_log: bool = False
    #: Show the anonymous scoreboard to everyone at /scoreboard (off: 404).
    public_scoreboard: bool = False

    telegram_bot_token: Secret | None = None
    telegram_webhook_secret: Secret | None = None
    telegram_api_base_url: str = "https://api.telegram.org/bot"

    twilio_account_sid: str | None = None
    twilio_auth_token: Secret | None = None
    twilio_sms_from: str | None = None
    twilio_whatsapp_from: str | None = None
    twilio_whatsapp_template_sid: str | None = None
    twilio_api_base_url: str | None = None
    on_duty_phone: str | None = None

    handoff_pickup_minutes: int = 15
    followup_silence_hours: int = 48
    retention_months: int = 12
    inbound_rate_per_minute: int = 20
    #: Outbound messages per second per channel and process (the provider's limit for
    #: your sender: a Twilio long code does about 1 SMS/s, a short code or a
    #: messaging service with several numbers more). 0 means no limit.
    outbox_rate_sms: float = 10.0
    outbox_rate_whatsapp: float = 20.0
    outbox_rate_telegram: float = 25.0
    #: Outbound messages being sent at the same moment per process (to different
    #: people; one person's messages always go one after another, in order).
    outbox_concurrency: int = 8
    #: How often the scheduler looks for due follow-ups, escalations and campaigns.
    scheduler_tick_seconds: int = 15
    #: Run turns in a child process (bot/turn_process.py): the web process keeps HTTP,
    #: sending and the scheduler, so one worker uses two cores.
    turn_process: bool = False
    extra: Mapping[str, Any] = field(default_factory=dict)

    @property
    def telegram_enabled(self) -> bool:
        return self.telegram_bot_token is not None

    @property
    def twilio_enabled(self) -> bool:
        return bool(self.twilio_account_sid and self.twilio_auth_token)

    @property
    def sms_enabled(self) -> bool:
        return self.twilio_enabled and bool(self.twilio_sms_from)

    @property
    def whatsapp_enabled(self) -> bool:
        return self.twilio_enabled and bool(self.twilio_whatsapp_from)

    @property
    def voice_enabled(self) -> bool:
        return self.twilio_enabled

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    def enabled_channels(self) -> list[str]:
        on = ["webchat"]
        if self.telegram_enabled:
            on.append("telegram")
        if self.sms_enabled:
            on.append("sms")
        if self.whatsapp_enabled:
            on.append("whatsapp")
        if self.voice_enabled:
            on.append("voice")
        return on


_SECRETS = {
    "encryption_key",
    "telegram_bot_token",
    "telegram_webhook_secret",
    "twilio_auth_token",
}
_INTS = {
    "port",
    "handoff_pickup_minutes",
    "followup_silence_hours",
    "retention_months",
    "inbound_rate_per_minute",
    "scheduler_tick_seconds",
    "outbox_concurrency",
}
_FLOATS = {"outbox_rate_sms", "outbox_rate_whatsapp", "outbox_rate_telegram"}
_BOOLS = {"log_json", "access_log", "public_scoreboard", "turn_process"}


def _cast(key: str, raw: Any) -> Any:
    if key in _SECRETS:
        return _secret(str(raw))
    if key in _INTS:
        try:
            return int(raw)
        except (TypeError, ValueError):
            raise ConfigError(key.upper(), f"must be a whole number, got {raw!r}") from None
    if key in _FLOATS:
        try:
            value = float(raw)
        except (TypeError, ValueError):
            raise ConfigError(key.upper(), f"must be a number, got {raw!r}") from None
        if not value >= 0:  # also refuses NaN
            raise ConfigError(key.upper(), f"must be 0 or more, got {raw!r}")
        return value
    if key in _BOOLS:
        return str(raw).strip().lower() in {"1", "true", "yes", "on"}
    return str(raw)


def load_settings(
    environ: Mapping[str, str] | None = None, config_file: str | Path | None = None
) -> Settings:
    """Build settings from a YAML file (``VOORDEUR_CONFIG``) overlaid by the environment.

    Environment names are the field names in capitals (``DATABASE_URL``,
    ``TWILIO_AUTH_TOKEN``); in the YAML file they are lower case.
    """
    env = dict(os.environ if environ is None else environ)
    values: dict[str, Any] = {}
    path = config_file or env.get("VOORDEUR_CONFIG")
    if path:
        p = Path(path)
        if not p.is_file():
            raise ConfigError("VOORDEUR_CONFIG", f"file not found: {p}")
        data = yaml.safe_load(p.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            raise ConfigError("VOORDEUR_CONFIG", "must be a mapping of settings")
        values.update({str(k).lower(): v for k, v in data.items()})
    known = {f.name for f in fields(Settings)} - {"extra"}
    for name in known:
        raw = env.get(name.upper())
        if raw is not None and raw != "":
            values[name] = raw
    # VOORDEUR_ prefixed names for the generic ones, handy in shared environments.
    for name in ("mode", "host", "port", "profile_path"):
        raw = env.get(f"VOORDEUR_{name.upper()}")
        if raw:
            values[name] = raw
    unknown = set(values) - known
    kwargs = {k: _cast(k, v) for k, v in values.items() if k in known}
    settings = Settings(**kwargs, extra={k: values[k] for k in unknown})
    if settings.mode not in {"local", "production"}:
        raise ConfigError("MODE", "must be 'local' or 'production'")
    if settings.mode == "production" and settings.encryption_key is None:
        raise ConfigError("ENCRYPTION_KEY", "is required in production mode")
    if settings.nlu_backend not in {"local", "rasa"}:
        raise ConfigError("NLU_BACKEND", "must be 'local' or 'rasa'")
    if settings.nlu_backend == "rasa" and not settings.rasa_url:
        raise ConfigError("RASA_URL", "is required when NLU_BACKEND=rasa")
    return settings
