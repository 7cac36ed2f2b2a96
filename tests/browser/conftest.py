"""Browser test fixtures: Debian's Chromium driven by Playwright against a real uvicorn
server on 127.0.0.1. Never ``playwright install``: it downloads its own browser."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.console.conftest import tuesday_morning
from tests.console.support import ShiftedClock, understander
from tests.support.browser import launched_chromium


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launched_chromium() as b:
        yield b


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class LiveServer:
    url: str
    app: Any

    @property
    def services(self) -> Any:
        return self.app.state.services


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[LiveServer]:
    """The real app under uvicorn in a thread, on a free port.

    SQLite only: these tests are about what Chromium shows and does; the console's
    routes and data on PostgreSQL are the console tests' (tests/console, both databases),
    and a second Chromium run per test would only add time."""
    import uvicorn

    from bot.app import create_app
    from config.settings import Settings

    app = create_app(
        Settings(database_url=f"sqlite:///{tmp_path}/b.db"),
        clock=ShiftedClock(tuesday_morning()),
        nlu=understander(),
        tick_seconds=3600,
    )
    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(
            app, host="127.0.0.1", port=port, log_level="warning", timeout_graceful_shutdown=1
        )
    )
    thread = threading.Thread(target=server.run, name="uvicorn-test", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield LiveServer(f"http://127.0.0.1:{port}", app)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
