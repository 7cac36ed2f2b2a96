"""The Twilio REST client as our senders use it: a base-URL switch and error mapping.

The twilio library's own asynchronous HTTP client (aiohttp) does the requests: no
worker thread per send, and about a third of the CPU of the synchronous client
(0.37 against 1.1-1.3 ms a message, measured against the local Twilio server). The
library has no base-URL setting (its hosts are fixed), so :class:`BaseUrlHttpClient`
rewrites scheme and host of every request when ``TWILIO_API_BASE_URL`` is set; tests
and benchmarks point it at ``tests.fakes.FakeTwilioServer``.
"""

from __future__ import annotations

import base64
import contextvars
import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import aiohttp
from twilio.base.exceptions import TwilioException
from twilio.http.async_http_client import AsyncTwilioHttpClient
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


#: Retry-After of the last Twilio response in this task (each send runs in its own).
_RETRY_AFTER: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "twilio_retry_after", default=None
)


class BaseUrlHttpClient(AsyncTwilioHttpClient):
    """The library's aiohttp client, able to send every request to another base URL.

    It also remembers the ``Retry-After`` header of the last response (in a context
    variable: the library's exception does not carry it), and sends the credentials as
    an Authorization header (aiohttp's ``auth`` argument is deprecated).
    """

    def __init__(self, base_url: str | None = None, timeout: float | None = 15.0) -> None:
        super().__init__(timeout=timeout)
        self._base = urlsplit(base_url) if base_url else None

    @property
    def last_retry_after(self) -> str | None:
        """Retry-After of the last response received in this task."""
        return _RETRY_AFTER.get()

    async def request(  # type: ignore[override]
        self,
        method: str,
        url: str,
        params: Any = None,
        data: Any = None,
        headers: dict[str, str] | None = None,
        auth: tuple[str, str] | None = None,
        timeout: float | None = None,
        allow_redirects: bool = False,
    ) -> Response:
        if self._base is not None:
            parts = urlsplit(url)
            prefix = self._base.path.rstrip("/")
            url = urlunsplit(
                (self._base.scheme, self._base.netloc, prefix + parts.path, parts.query, "")
            )
        headers = dict(headers or {})
        if auth is not None:
            token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
            headers["Authorization"] = f"Basic {token}"
        # The library's own request() passes no timeout to aiohttp unless each call
        # gives one (and logs every request at INFO): ours always has the limit.
        limit = aiohttp.ClientTimeout(total=timeout if timeout is not None else self.timeout)
        assert self.session is not None
        _RETRY_AFTER.set(None)
        async with self.session.request(
            method.upper(),
            url,
            params=params,
            data=data,
            headers=headers,
            timeout=limit,
            allow_redirects=allow_redirects,
        ) as got:
            response = Response(got.status, await got.text(), got.headers)
            _RETRY_AFTER.set(got.headers.get("Retry-After"))
        return response


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

    def __init__(
        self,
        account_sid: str,
        auth_token: str,
        api_base_url: str | None = None,
        timeout: float = 15.0,
    ) -> None:
        self._timeout = timeout
        self._account_sid = account_sid
        self._auth_token = auth_token
        self._api_base_url = api_base_url
        self._http: BaseUrlHttpClient | None = None
        self._client: Client | None = None
        self._messages: Any = None

    async def start(self) -> None:
        self._http = BaseUrlHttpClient(self._api_base_url, timeout=self._timeout)
        # Our settings are the only source: a non-empty mapping keeps the library from
        # reading TWILIO_EDGE / TWILIO_REGION from os.environ (an empty one falls back).
        self._client = Client(
            self._account_sid, self._auth_token, http_client=self._http, environment=_NO_ENV
        )
        # ``client.messages`` builds the account's context and list anew on every access.
        self._messages = self._client.messages

    async def stop(self) -> None:
        if self._http is not None:
            await self._http.close()
        self._http = None
        self._client = None
        self._messages = None

    async def find_sent(
        self, to: str, sender: str, body: str | None, since: datetime
    ) -> str | None:
        """The sid of a message Twilio accepted for ``to`` with this body since ``since``.

        Used after a crash to learn whether a message that was being sent got there."""
        if self._client is None:
            raise TemporaryFailure("twilio client not started")
        key = "messaging_service_sid" if sender.startswith("MG") else "from_"
        try:
            recent = await self._messages.list_async(
                to=to, limit=50, **({key: sender} if key == "from_" else {})
            )
        except (TwilioException, aiohttp.ClientError, TimeoutError) as exc:
            raise TemporaryFailure(f"twilio lookup failed: {exc.__class__.__name__}") from exc
        for m in recent:
            created = m.date_created
            if created is not None and created < since:
                continue
            if body is None or (m.body or "") == body:
                return str(m.sid)
        return None

    async def create(self, **fields: Any) -> _Created:
        """``messages.create(**fields)``; raises a ChannelError on failure."""
        if self._messages is None or self._http is None:
            raise TemporaryFailure("twilio client not started")
        fields = {k: v for k, v in fields.items() if v is not None}
        try:
            message = await self._messages.create_async(**fields)
        except TwilioException as exc:
            raise map_twilio_error(exc, self._http.last_retry_after) from exc
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise TemporaryFailure(f"twilio unreachable: {exc.__class__.__name__}") from exc
        return _Created(sid=str(message.sid), status=str(message.status or "queued"))
