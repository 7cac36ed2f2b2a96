"""The Twilio REST client as our senders use it: a base-URL switch and error mapping.

The twilio library has no base-URL setting (its hosts are fixed), so
:class:`BaseUrlHttpClient` rewrites scheme and host of every request when
``TWILIO_API_BASE_URL`` is set; tests and benchmarks point it at
``tests.fakes.FakeTwilioServer``. The library's client is synchronous: calls run in a
worker thread (``asyncio.to_thread``).
"""

from __future__ import annotations

import asyncio
import logging
import threading
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import requests
from twilio.base.exceptions import TwilioException
from twilio.http.http_client import TwilioHttpClient
from twilio.http.response import Response
from twilio.rest import Client

from handlers.base import (
    ChannelError,
    PermanentFailure,
    RateLimited,
    RecipientBlocked,
    TemporaryFailure,
)

__all__ = [
    "BLOCKED_CODES",
    "DEFAULT_RETRY_AFTER",
    "BaseUrlHttpClient",
    "TwilioMessaging",
    "WindowClosed",
    "map_twilio_error",
]

log = logging.getLogger(__name__)

#: Seconds to wait after a 429 without a Retry-After header.
DEFAULT_RETRY_AFTER = 30.0

#: Twilio error codes after which this person must not get more messages on the channel:
#: 21610 the person sent STOP (Twilio blocks further sends itself),
#: 21614 the 'To' number is not a mobile number (cannot receive SMS),
#: 63024 invalid WhatsApp recipient.
BLOCKED_CODES = frozenset({21610, 21614, 63024})


_NO_ENV = {"VOORDEUR_SETTINGS_ONLY": "1"}


class WindowClosed(PermanentFailure):
    """WhatsApp refused free text outside the 24-hour window (error 63016): send a template."""


#: Free-form WhatsApp message outside the 24-hour customer service window.
WINDOW_CLOSED_CODE = 63016


class BaseUrlHttpClient(TwilioHttpClient):
    """A TwilioHttpClient that can send every request to another base URL.

    It also remembers, per thread, the ``Retry-After`` header of the last response, which
    the library's exception does not carry.
    """

    def __init__(self, base_url: str | None = None, timeout: float | None = 15.0) -> None:
        super().__init__(timeout=timeout)
        self._base = urlsplit(base_url) if base_url else None
        self._local = threading.local()

    @property
    def last_retry_after(self) -> str | None:
        """Retry-After of the last response received in this thread."""
        return getattr(self._local, "retry_after", None)

    def request(self, method: str, url: str, *args: Any, **kwargs: Any) -> Response:  # type: ignore[override]
        if self._base is not None:
            parts = urlsplit(url)
            prefix = self._base.path.rstrip("/")
            url = urlunsplit(
                (self._base.scheme, self._base.netloc, prefix + parts.path, parts.query, "")
            )
        self._local.retry_after = None
        response = super().request(method, url, *args, **kwargs)
        headers = response.headers or {}
        self._local.retry_after = headers.get("Retry-After") or headers.get("retry-after")
        return response

    def close(self) -> None:
        if self.session is not None:
            self.session.close()


def _seconds(raw: str | None) -> float:
    try:
        value = float(raw) if raw else DEFAULT_RETRY_AFTER
    except ValueError:
        value = DEFAULT_RETRY_AFTER  # an HTTP date; waiting the default is close enough
    return max(value, 0.0)


def map_twilio_error(exc: TwilioException, retry_after: str | None = None) -> ChannelError:
    """Turn a Twilio REST error into our error tree.

    429 -> RateLimited, 5xx -> TemporaryFailure, an opted-out or unreachable recipient
    (:data:`BLOCKED_CODES`) -> RecipientBlocked, any other 4xx -> PermanentFailure.
    """
    status = int(getattr(exc, "status", 0) or 0)
    code = getattr(exc, "code", None)
    msg = getattr(exc, "msg", None) or getattr(exc, "title", None) or str(exc)
    reason = f"twilio {status} code {code}: {msg}"
    if status == 429 or code == 20429:
        return RateLimited(reason, _seconds(retry_after))
    if code == WINDOW_CLOSED_CODE:
        return WindowClosed(reason)
    if code is not None and int(code) in BLOCKED_CODES:
        return RecipientBlocked(reason)
    if status >= 500 or status == 0:
        return TemporaryFailure(reason)
    return PermanentFailure(reason)


@dataclass(frozen=True, slots=True)
class _Created:
    sid: str
    status: str


class TwilioMessaging:
    """One Twilio REST client for sending messages.

    Open with :meth:`start`, close with :meth:`stop` (in the app's lifespan).
    """

    def __init__(self, account_sid: str, auth_token: str, api_base_url: str | None = None) -> None:
        self._account_sid = account_sid
        self._auth_token = auth_token
        self._api_base_url = api_base_url
        self._http: BaseUrlHttpClient | None = None
        self._client: Client | None = None

    async def start(self) -> None:
        self._http = BaseUrlHttpClient(self._api_base_url)
        # Our settings are the only source: a non-empty mapping keeps the library from
        # reading TWILIO_EDGE / TWILIO_REGION from os.environ (an empty one falls back).
        self._client = Client(
            self._account_sid, self._auth_token, http_client=self._http, environment=_NO_ENV
        )

    async def stop(self) -> None:
        if self._http is not None:
            await asyncio.to_thread(self._http.close)
        self._http = None
        self._client = None

    def _create_blocking(self, fields: dict[str, Any]) -> _Created:
        assert self._client is not None and self._http is not None
        try:
            message = self._client.messages.create(**fields)
        except TwilioException as exc:
            raise map_twilio_error(exc, self._http.last_retry_after) from exc
        except requests.RequestException as exc:
            raise TemporaryFailure(f"twilio unreachable: {exc.__class__.__name__}") from exc
        return _Created(sid=str(message.sid), status=str(message.status or "queued"))

    def _find_blocking(self, to: str, sender: str, body: str | None, since: datetime) -> str | None:
        assert self._client is not None
        key = "messaging_service_sid" if sender.startswith("MG") else "from_"
        try:
            recent = self._client.messages.list(
                to=to, limit=50, **({key: sender} if key == "from_" else {})
            )
        except (TwilioException, requests.RequestException) as exc:
            raise TemporaryFailure(f"twilio lookup failed: {exc.__class__.__name__}") from exc
        for m in recent:
            created = m.date_created
            if created is not None and created < since:
                continue
            if body is None or (m.body or "") == body:
                return str(m.sid)
        return None

    async def find_sent(
        self, to: str, sender: str, body: str | None, since: datetime
    ) -> str | None:
        """The sid of a message Twilio accepted for ``to`` with this body since ``since``.

        Used after a crash to learn whether a message that was being sent got there."""
        if self._client is None:
            raise TemporaryFailure("twilio client not started")
        return await asyncio.to_thread(self._find_blocking, to, sender, body, since)

    async def create(self, **fields: Any) -> _Created:
        """``messages.create(**fields)`` in a worker thread; raises a ChannelError on failure."""
        if self._client is None:
            raise TemporaryFailure("twilio client not started")
        fields = {k: v for k, v in fields.items() if v is not None}
        return await asyncio.to_thread(self._create_blocking, fields)
