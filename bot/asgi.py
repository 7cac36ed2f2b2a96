"""ASGI entry point for several workers: ``uvicorn bot.asgi:app --workers N``."""

from bot.app import create_app
from bot.logsafe import setup_logging
from config.settings import load_settings

_settings = load_settings()
# Each worker is its own process: it needs the masking log set-up too.
setup_logging(json_logs=_settings.log_json)
app = create_app(_settings)
