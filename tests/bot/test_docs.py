"""The configuration page lists every setting there is."""

from dataclasses import fields
from pathlib import Path

from config.settings import Settings

DOC = Path(__file__).resolve().parents[2] / "docs" / "configuration.md"


def test_every_setting_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = [f.name.upper() for f in fields(Settings) if f.name != "extra" and f"`{f.name.upper()}`" not in text]
    assert not missing, f"document these settings in docs/configuration.md: {missing}"


def test_outbox_rates_come_from_the_settings() -> None:
    """OUTBOX_RATE_* reach the dispatcher's limits; nonsense is refused with the name."""
    import pytest

    from bot.app import DEFAULT_RATES, outbox_rates
    from config.settings import ConfigError, load_settings

    assert outbox_rates(load_settings(environ={})) == DEFAULT_RATES
    rates = outbox_rates(load_settings(environ={"OUTBOX_RATE_SMS": "1", "OUTBOX_RATE_TELEGRAM": "0"}))
    assert rates["sms"] == 1.0 and rates["telegram"] == 0.0 and rates["whatsapp"] == 20.0
    for bad in ("fast", "-1", "nan"):
        with pytest.raises(ConfigError, match="OUTBOX_RATE_SMS"):
            load_settings(environ={"OUTBOX_RATE_SMS": bad})
