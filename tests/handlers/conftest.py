"""Fixtures for channel adapter tests: a small app with a recording pipeline and outbox."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime, time
from types import SimpleNamespace
from typing import Any
from urllib.parse import urlencode

import pytest
from fastapi import FastAPI
from fastapi.responses import JSONResponse
from fastapi.testclient import TestClient
from starlette.exceptions import HTTPException as StarletteHTTPException

from bot.messages import Inbound, Reply
from bot.ports import TurnResult
from bot.web.plain import VoordeurApp
from config.profile import Profile, load_profile
from config.settings import Secret, Settings
from handlers import telegram, twilio_sms, twilio_status, twilio_voice, twilio_whatsapp
from tests.fakes import (
    TELEGRAM_TEST_TOKEN,
    TWILIO_TEST_SID,
    TWILIO_TEST_TOKEN,
    FakeTelegramServer,
    FakeTwilioServer,
    twilio_headers,
)

TELEGRAM_SECRET = "webhook-secret_123"
ON_DUTY = "+31201234567"


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@dataclass
class RecordingPipeline:
    """Stores what it is given; answers with ``result`` (or ``answer(inbound)``)."""

    result: TurnResult = field(default_factory=lambda: TurnResult(stored=True))
    answer: Callable[[Inbound], TurnResult] | None = None
    received: list[Inbound] = field(default_factory=list)
    fail: bool = False

    async def handle(self, inbound: Inbound) -> TurnResult:
        if self.fail:
            raise RuntimeError("database is down")
        self.received.append(inbound)
        return self.answer(inbound) if self.answer else self.result


@dataclass
class RecordingOutbox:
    statuses: list[tuple[str, str, str | None]] = field(default_factory=list)

    async def record_status(self, provider_id: str, status: str, error_code: str | None) -> None:
        self.statuses.append((provider_id, status, error_code))


@dataclass
class FixedClock:
    at: datetime

    def now(self) -> datetime:
        return self.at


def make_settings(**overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "telegram_bot_token": Secret(TELEGRAM_TEST_TOKEN),
        "telegram_webhook_secret": Secret(TELEGRAM_SECRET),
        "twilio_account_sid": TWILIO_TEST_SID,
        "twilio_auth_token": Secret(TWILIO_TEST_TOKEN),
        "twilio_sms_from": "+3197010000001",
        "twilio_whatsapp_from": "+3197010000002",
        "twilio_whatsapp_template_sid": "HX" + "ab" * 16,
        "on_duty_phone": ON_DUTY,
    }
    values.update(overrides)
    return Settings(**values)


def always_open(profile: Profile) -> Profile:
    return replace(
        profile, opening_hours={d: (time(0, 0), time(23, 59, 59, 999999)) for d in range(7)}
    )


def never_open(profile: Profile) -> Profile:
    return replace(profile, opening_hours={})


class Harness:
    """An app with all channel routers, a recording pipeline and outbox, and a client."""

    def __init__(self, settings: Settings, profile: Profile, *, plain: bool = False) -> None:
        self.pipeline = RecordingPipeline()
        self.outbox = RecordingOutbox()
        self.app = VoordeurApp() if plain else FastAPI()
        for module in (telegram, twilio_sms, twilio_whatsapp, twilio_voice, twilio_status):
            self.app.include_router(module.router)
        if plain:  # the app's short way in for webhooks (bot.web.install)
            self.app.plain_post(twilio_sms.SMS_PATH, twilio_sms.sms_webhook)
            self.app.plain_post(twilio_whatsapp.WHATSAPP_PATH, twilio_whatsapp.whatsapp_webhook)
            self.app.plain_post(twilio_sms.STATUS_PATH, twilio_status.status_webhook)
        self.app.add_exception_handler(StarletteHTTPException, _error_json)  # as bot.web
        self.services = SimpleNamespace(
            settings=settings, profile=profile, pipeline=self.pipeline, outbox=self.outbox
        )
        self.app.state.services = self.services
        self.client = TestClient(self.app, raise_server_exceptions=False)

    @property
    def base(self) -> str:
        return (self.services.settings.public_base_url or "http://testserver").rstrip("/")

    def twilio_post(
        self,
        path: str,
        params: dict[str, str],
        *,
        token: str = TWILIO_TEST_TOKEN,
        signature: str | None = None,
    ) -> Any:
        """POST a form signed the way Twilio signs it (``path`` may carry a query)."""
        headers = twilio_headers(token, self.base + path, params)
        if signature is not None:
            headers["X-Twilio-Signature"] = signature
        return self.client.post(path, content=urlencode(params), headers=headers)


@pytest.fixture
def profile() -> Profile:
    return load_profile()


async def _error_json(request: Any, exc: StarletteHTTPException) -> JSONResponse:
    return JSONResponse({"error": exc.detail}, status_code=exc.status_code, headers=exc.headers)


@pytest.fixture(params=["fastapi", "plain"])
def harness(profile: Profile, request: pytest.FixtureRequest) -> Iterator[Harness]:
    """Every webhook test runs through FastAPI's routing and through the plain way in."""
    h = Harness(make_settings(), profile, plain=request.param == "plain")
    with h.client:
        yield h


@pytest.fixture
def tg() -> Iterator[FakeTelegramServer]:
    with FakeTelegramServer() as server:
        yield server


@pytest.fixture
def tw() -> Iterator[FakeTwilioServer]:
    with FakeTwilioServer() as server:
        yield server


def replies(*items: tuple[str, tuple[str, ...]]) -> TurnResult:
    return TurnResult(stored=True, replies=tuple(Reply(t, o) for t, o in items))
