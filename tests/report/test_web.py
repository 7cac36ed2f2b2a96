"""``GET /scoreboard``: off by default (404), on with PUBLIC_SCOREBOARD, period from
the query string (400 on a bad date), served by the real app."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from bot.app import create_app
from bot.clock import SimClock
from bot.web import scoreboard
from config.settings import Settings, load_settings
from storage.db import Database

END_OF_NOVEMBER = datetime(2026, 11, 30, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))


def _app(url: str, understander, public: bool) -> FastAPI:  # type: ignore[no-untyped-def]
    app = create_app(Settings(database_url=url, public_scoreboard=public),
                     clock=SimClock(END_OF_NOVEMBER), nlu=understander)
    if not any(getattr(r, "path", None) == "/scoreboard" for r in app.routes):
        app.include_router(scoreboard.router)  # until the lead wires it into bot.web.install
    return app


@pytest.fixture
def public(seeded_db: Database, understander) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    with TestClient(_app(seeded_db.url, understander, public=True)) as client:
        yield client


def test_the_setting_is_off_by_default_and_read_from_the_environment() -> None:
    assert Settings().public_scoreboard is False
    assert load_settings({}).public_scoreboard is False
    assert load_settings({"PUBLIC_SCOREBOARD": "true"}).public_scoreboard is True


def test_the_public_page_is_not_there_when_off(seeded_db: Database, understander) -> None:  # type: ignore[no-untyped-def]
    with TestClient(_app(seeded_db.url, understander, public=False)) as client:
        assert client.get("/scoreboard").status_code == 404
        assert client.get("/scoreboard?from=2026-11-01&to=2026-11-30").status_code == 404


def test_the_public_page_shows_the_last_30_days_by_default(public: TestClient) -> None:
    r = public.get("/scoreboard")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert "style-src 'self'" in r.headers["content-security-policy"]
    assert "01-11-2026 t/m 30-11-2026" in r.text
    assert "<svg" in r.text and "Mensen bereikt" in r.text
    assert '<tr><th scope="row">Mensen bereikt (stuurden ons een bericht)</th><td>19</td></tr>' in r.text


def test_the_public_page_takes_the_period_from_the_query(public: TestClient) -> None:
    r = public.get("/scoreboard", params={"from": "2026-12-01", "to": "2026-12-31"})
    assert r.status_code == 200
    assert "01-12-2026 t/m 31-12-2026" in r.text
    assert '<tr><th scope="row">Mensen bereikt (stuurden ons een bericht)</th><td>&lt; 5</td></tr>' in r.text


@pytest.mark.parametrize("query", [
    {"from": "2026-13-01"},
    {"from": "1-11-2026"},
    {"to": "gisteren"},
    {"from": "2026-11-30", "to": "2026-11-01"},
    {"from": "2000-01-01", "to": "2026-11-30"},
])
def test_a_bad_period_is_a_400(public: TestClient, query: dict[str, str]) -> None:
    r = public.get("/scoreboard", params=query)
    assert r.status_code == 400
    assert "JJJJ-MM-DD" in r.json()["error"]
