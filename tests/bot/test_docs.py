"""The configuration page lists every setting there is."""

from dataclasses import fields
from pathlib import Path

from config.settings import Settings

DOC = Path(__file__).resolve().parents[2] / "docs" / "configuration.md"


def test_every_setting_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = [f.name.upper() for f in fields(Settings) if f.name != "extra" and f"`{f.name.upper()}`" not in text]
    assert not missing, f"document these settings in docs/configuration.md: {missing}"
