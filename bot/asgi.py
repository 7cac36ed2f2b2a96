"""ASGI entry point for several workers: ``uvicorn bot.asgi:app --workers N``."""

from bot.app import create_app
from config.settings import load_settings

app = create_app(load_settings())
