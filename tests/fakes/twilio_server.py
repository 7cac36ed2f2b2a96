"""A local server that speaks Twilio's Messages API, and webhook signing for tests.

Point our senders at it with ``api_base_url=server.url`` (TWILIO_API_BASE_URL). It
serves ``POST /2010-04-01/Accounts/{AccountSid}/Messages.json`` (form fields To, From,
MessagingServiceSid, Body, ContentSid, ContentVariables, StatusCallback), checks basic
auth, answers 201 with a message resource (``sid`` SM + 32 hex, ``status`` "queued"),
records every call, and can fail the next calls with 429 (Retry-After header), 500, or
400 with a Twilio error code (21610: the person unsubscribed).
"""

from __future__ import annotations

import base64
import secrets
import time
from collections import deque
from collections.abc import Mapping
from email.utils import formatdate
from typing import Any

from twilio.request_validator import RequestValidator

from tests.fakes._server import FakeHttpServer, HttpCall, Reply

__all__ = [
    "TWILIO_TEST_SID",
    "TWILIO_TEST_TOKEN",
    "FakeTwilioServer",
    "sign_twilio",
    "twilio_headers",
]

TWILIO_TEST_SID = "AC" + "0123456789abcdef" * 2
TWILIO_TEST_TOKEN = "fake-twilio-auth-token-for-tests"


def sign_twilio(auth_token: str, url: str, params: Mapping[str, str]) -> str:
    """The ``X-Twilio-Signature`` Twilio would send for a POST of ``params`` to ``url``."""
    return RequestValidator(auth_token).compute_signature(url, dict(params))


def twilio_headers(auth_token: str, url: str, params: Mapping[str, str]) -> dict[str, str]:
    """Headers for a signed, form-encoded Twilio webhook request."""
    return {
        "X-Twilio-Signature": sign_twilio(auth_token, url, params),
        "Content-Type": "application/x-www-form-urlencoded",
    }


def _error(status: int, code: int, message: str) -> dict[str, Any]:
    return {
        "code": code,
        "message": message,
        "more_info": f"https://www.twilio.com/docs/errors/{code}",
        "status": status,
    }


_FAILURES = {
    "rate_limit": (429, 20429, "Too Many Requests"),
    "server_error": (500, 20500, "Internal Server Error"),
    "unsubscribed": (400, 21610, "Attempt to send to unsubscribed recipient"),
    "not_mobile": (400, 21614, "'To' number is not a valid mobile number"),
    "bad_request": (400, 21211, "Invalid 'To' Phone Number"),
}


class FakeTwilioServer(FakeHttpServer):
    """Fake Twilio REST API. Use as a context manager: ``with FakeTwilioServer() as tw: ...``."""

    def __init__(
        self, account_sid: str = TWILIO_TEST_SID, auth_token: str = TWILIO_TEST_TOKEN
    ) -> None:
        super().__init__()
        self.account_sid = account_sid
        self.auth_token = auth_token
        self._failures: deque[tuple[str, int | None]] = deque()
        #: Seconds each message creation takes (a real API answers in 100-300 ms).
        self.latency = 0.0
        self._in_flight = 0
        #: The most message creations that were being answered at the same moment.
        self.max_in_flight = 0

    def fail_next(self, n: int, kind: str, *, retry_after: int | None = 7) -> None:
        """Fail the next ``n`` message creations.

        ``kind``: "rate_limit" (429, with a Retry-After header unless retry_after is
        None), "server_error" (500), "unsubscribed" (400, code 21610), "not_mobile"
        (400, 21614) or "bad_request" (400, 21211).
        """
        if kind not in _FAILURES:
            raise ValueError(f"unknown failure kind {kind!r}")
        with self._lock:
            self._failures.extend((kind, retry_after) for _ in range(n))

    @property
    def messages(self) -> list[dict[str, Any]]:
        """Form fields of every accepted message creation, in order."""
        with self._lock:
            return [c.params for c in self.calls if c.params.get("_sid")]

    def handle(self, call: HttpCall) -> Reply:
        path = call.path.split("?")[0]
        expected = f"/2010-04-01/Accounts/{self.account_sid}/Messages.json"
        if path != expected or call.method not in ("POST", "GET"):
            return Reply(404, _error(404, 20404, "The requested resource was not found"))
        if not self._authorised(call.headers.get("authorization", "")):
            return Reply(401, _error(401, 20003, "Authenticate"))
        if call.method == "GET":
            return self._list(call)
        if self.latency:
            with self._lock:
                self._in_flight += 1
                self.max_in_flight = max(self.max_in_flight, self._in_flight)
            time.sleep(self.latency)
            with self._lock:
                self._in_flight -= 1
        with self._lock:
            failure = self._failures.popleft() if self._failures else None
        if failure is not None:
            kind, retry_after = failure
            status, code, message = _FAILURES[kind]
            headers = (
                {"Retry-After": str(retry_after)}
                if kind == "rate_limit" and retry_after is not None
                else {}
            )
            return Reply(status, _error(status, code, message), headers)
        p = call.params
        if not p.get("To"):
            return Reply(400, _error(400, 21604, "A 'To' phone number is required."))
        if not (p.get("From") or p.get("MessagingServiceSid")):
            return Reply(400, _error(400, 21603, "A 'From' phone number is required."))
        if not (p.get("Body") or p.get("ContentSid") or p.get("MediaUrl")):
            return Reply(400, _error(400, 21602, "Message body is required."))
        sid = "SM" + secrets.token_hex(16)
        p["_sid"] = sid
        now = formatdate(usegmt=True)
        p["_created"] = now
        return Reply(201, self._resource(p))

    def _list(self, call: HttpCall) -> Reply:
        """GET Messages.json: the accepted messages, newest first, filtered by To/From."""
        from urllib.parse import parse_qs

        query = {k: v[0] for k, v in parse_qs(call.path.partition("?")[2]).items()}
        with self._lock:
            found = [
                self._resource(c.params)
                for c in reversed(self.calls)
                if c.params.get("_sid")
                and c.params.get("To") == query.get("To", c.params.get("To"))
                and c.params.get("From") == query.get("From", c.params.get("From"))
            ]
        size = int(query.get("PageSize", "50"))
        uri = f"/2010-04-01/Accounts/{self.account_sid}/Messages.json"
        return Reply(
            200,
            {
                "messages": found[:size],
                "end": max(len(found[:size]) - 1, 0),
                "first_page_uri": uri,
                "next_page_uri": None,
                "page": 0,
                "page_size": size,
                "previous_page_uri": None,
                "start": 0,
                "uri": uri,
            },
        )

    def _resource(self, p: Mapping[str, Any]) -> dict[str, Any]:
        sid = p["_sid"]
        now = p.get("_created") or formatdate(usegmt=True)
        return {
            "account_sid": self.account_sid,
            "api_version": "2010-04-01",
            "body": p.get("Body", ""),
            "date_created": now,
            "date_sent": None,
            "date_updated": now,
            "direction": "outbound-api",
            "error_code": None,
            "error_message": None,
            "from": p.get("From"),
            "messaging_service_sid": p.get("MessagingServiceSid"),
            "num_media": "0",
            "num_segments": "1",
            "price": None,
            "price_unit": "USD",
            "sid": sid,
            "status": "queued",
            "subresource_uris": {
                "media": f"/2010-04-01/Accounts/{self.account_sid}/Messages/{sid}/Media.json"
            },
            "to": p.get("To"),
            "uri": f"/2010-04-01/Accounts/{self.account_sid}/Messages/{sid}.json",
        }

    def _authorised(self, header: str) -> bool:
        if not header.startswith("Basic "):
            return False
        try:
            user, _, password = base64.b64decode(header[6:]).decode().partition(":")
        except (ValueError, UnicodeDecodeError):
            return False
        return user == self.account_sid and password == self.auth_token
