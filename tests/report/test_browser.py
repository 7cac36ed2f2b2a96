"""In headless Chromium: the public scoreboard page draws its SVG charts with the
numbers next to the bars, styled by its own stylesheet under the strict CSP."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from storage.db import Database
from tests.support.browser import launched_chromium

pytestmark = pytest.mark.browser

SCREENSHOTS = Path("/tmp/voordeur-screenshots")


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    with launched_chromium() as b:
        yield b


@pytest.fixture
def server_url(seeded_sqlite: Database, sqlite_url: str, understander) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The real app with PUBLIC_SCOREBOARD on, under uvicorn on a free port.

    SQLite only: this test is about what Chromium draws; the same page on PostgreSQL
    is checked in test_web.py, and a second Chromium run would only add time."""
    import uvicorn

    from bot.app import create_app
    from bot.clock import SimClock
    from bot.web import scoreboard
    from config.settings import Settings

    clock = SimClock(datetime(2026, 11, 30, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam")))
    app = create_app(Settings(database_url=sqlite_url, public_scoreboard=True), clock=clock,
                     nlu=understander, tick_seconds=3600)
    if not any(getattr(r, "path", None) == "/scoreboard" for r in app.routes):
        app.include_router(scoreboard.router)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           timeout_graceful_shutdown=1))
    thread = threading.Thread(target=server.run, name="uvicorn-scoreboard", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def test_the_scoreboard_page_draws_charts_with_numbers(chromium: Any, server_url: str, tmp_path: Path) -> None:
    ctx = chromium.new_context(locale="nl-NL", viewport={"width": 1100, "height": 900})
    errors: list[str] = []
    try:
        page = ctx.new_page()
        page.on("response", lambda r: errors.append(f"{r.status} {r.url}")
                if r.status >= 400 and not r.url.endswith("/favicon.ico") else None)
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(server_url + "/scoreboard?from=2026-11-01&to=2026-11-30")
        page.get_by_role("heading", name="Scorebord").wait_for()
        charts = page.locator("svg.chart")
        assert charts.count() >= 10
        reach = page.locator("#sb-reach svg.chart")
        box = reach.bounding_box()
        assert box is not None and box["width"] > 300 and box["height"] > 100
        values = reach.locator("text.value").all_text_contents()
        assert values == ["19", "13", "6", "10", "5", "12"]
        hood = page.locator("#chart-by-neighbourhood").locator("text.value").all_text_contents()
        assert hood == ["10", "< 5", "< 5"]
        # the stylesheet applied (no inline styles are allowed by the CSP)
        assert page.locator(".sb-note").evaluate("e => getComputedStyle(e).borderLeftStyle") == "solid"
        assert not errors, errors
        SCREENSHOTS.mkdir(exist_ok=True)
        shot = tmp_path / "scoreboard.png"
        page.screenshot(path=str(shot), full_page=True)
        shutil.copy(shot, SCREENSHOTS / "scoreboard.png")
        page.screenshot(path=str(SCREENSHOTS / "scoreboard-top.png"))
        page.locator("#sb-by-neighbourhood-s").screenshot(path=str(SCREENSHOTS / "scoreboard-wijk.png"))
        page.locator("#sb-strength").screenshot(path=str(SCREENSHOTS / "scoreboard-eigen-kracht.png"))
        assert shot.stat().st_size > 20_000
    finally:
        ctx.close()
