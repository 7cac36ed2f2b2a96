"""Fixtures for console tests: the real app on a database of the test's own (SQLite, and
PostgreSQL where reachable), people who write in the web chat, and staff who log in
to the console.

Every request carries its own Cookie header and the client's cookie jar is emptied
after each response, so one TestClient can play several people and staff at once.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from bot.app import create_app
from bot.staff import create_staff
from config.settings import Settings
from tests.console.support import KeywordNlu, ShiftedClock, understander

CSRF_RE = re.compile(r'name="csrf" value="([^"]+)"')
PASSWORD = "correct horse battery"


def csrf_of(html: str) -> str:
    m = CSRF_RE.search(html)
    assert m, "no csrf field on the page"
    return m.group(1)


class Browser:
    """One TestClient shared by many actors; each actor keeps its own cookies."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self._lock = threading.Lock()

    def request(self, method: str, url: str, cookies: dict[str, str], **kw: Any) -> httpx.Response:
        headers = dict(kw.pop("headers", {}) or {})
        if cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in cookies.items())
        resp = self.client.request(method, url, headers=headers, follow_redirects=False, **kw)
        with self._lock:
            for k, v in resp.cookies.items():
                cookies[k] = v
            self.client.cookies.clear()
        return resp


@dataclass
class Person:
    browser: Browser
    cookies: dict[str, str]

    def say(self, text: str) -> httpx.Response:
        r = self.browser.request(
            "POST",
            "/chat/send",
            self.cookies,
            json={"text": text},
            headers={"X-Voordeur-Chat": "1"},
        )
        assert r.status_code == 200, r.text
        return r

    def messages(self) -> list[dict[str, Any]]:
        return self.browser.request("GET", "/chat/messages", self.cookies).json()["messages"]


@dataclass
class StaffMember:
    browser: Browser
    id: int
    username: str
    name: str
    cookies: dict[str, str]
    csrf: str = ""

    def get(self, url: str, **kw: Any) -> httpx.Response:
        kw.setdefault("headers", {"Accept": "text/html"})
        return self.browser.request("GET", url, self.cookies, **kw)

    def post(
        self, url: str, data: dict[str, Any] | None = None, *, csrf: bool = True
    ) -> httpx.Response:
        form = dict(data or {})
        if csrf:
            form.setdefault("csrf", self.csrf)
        return self.browser.request("POST", url, self.cookies, data=form)


@dataclass
class Console:
    app: FastAPI
    browser: Browser

    @property
    def services(self) -> Any:
        return self.app.state.services

    @property
    def db(self) -> Any:
        return self.services.core.db

    def person(self) -> Person:
        p = Person(self.browser, {})
        self.browser.request("GET", "/", p.cookies)
        assert "vd_chat" in p.cookies
        return p

    def add_staff(self, username: str, role: str, name: str | None = None, **kw: Any) -> int:
        now = self.services.core.clock.now()
        with self.db.session() as s, s.begin():
            st = create_staff(
                s,
                username=username,
                name=name or username.title(),
                role=role,
                now=now,
                password=PASSWORD,
                **kw,
            )
            return st.id

    def login(self, username: str, password: str = PASSWORD) -> httpx.Response:
        cookies: dict[str, str] = {}
        page = self.browser.request("GET", "/console/login", cookies)
        return self.browser.request(
            "POST",
            "/console/login",
            cookies,
            data={"username": username, "password": password, "csrf": csrf_of(page.text)},
        )

    def staff(self, username: str, role: str, **kw: Any) -> StaffMember:
        sid = self.add_staff(username, role, **kw)
        return self.log_in_as(sid, username)

    def log_in_as(self, sid: int, username: str) -> StaffMember:
        cookies: dict[str, str] = {}
        page = self.browser.request("GET", "/console/login", cookies)
        r = self.browser.request(
            "POST",
            "/console/login",
            cookies,
            data={"username": username, "password": PASSWORD, "csrf": csrf_of(page.text)},
        )
        assert r.status_code == 303, r.text
        member = StaffMember(
            self.browser, sid, username, username.title(), {"vd_console": cookies["vd_console"]}
        )
        member.csrf = csrf_of(member.get("/console").text)
        return member

    def handoff_from_chat(self, *texts: str) -> tuple[Person, int]:
        """A person says hello, agrees to storage, writes ``texts`` and asks for a human;
        returns the person and their conversation id."""
        from sqlalchemy import select

        from storage.models import Conversation, Identity

        p = self.person()
        for t in ("hallo", "ja", *texts):
            p.say(t)
        p.say("mens")
        with self.db.session() as s:
            cid = s.scalar(
                select(Identity.contact_id).where(Identity.address == p.cookies["vd_chat"])
            )
            conv = s.scalar(
                select(Conversation.id)
                .where(Conversation.contact_id == cid)
                .order_by(Conversation.id.desc())
            )
        assert conv is not None
        return p, conv


def tuesday_morning() -> datetime:
    """A Tuesday at 10:00 in Amsterdam: inside opening hours."""
    return datetime(2026, 11, 24, 9, 0, tzinfo=UTC)


@pytest.fixture
def console(db_url: str, cheap_passwords: None) -> Iterator[Console]:
    clock = ShiftedClock(tuesday_morning())
    app = create_app(
        Settings(database_url=db_url),
        clock=clock,
        nlu=understander(),
        tick_seconds=3600,
    )
    with TestClient(app) as client:
        yield Console(app, Browser(client))


__all__ = ["PASSWORD", "Console", "KeywordNlu", "Person", "StaffMember", "csrf_of", "timedelta"]
