"""A local server that speaks enough of the Telegram Bot API for tests and benchmarks.

Point python-telegram-bot at it with ``Bot(token, base_url=server.base_url)``. It serves
``POST /bot<token>/<method>`` for getMe, sendMessage, getUpdates, setWebhook,
deleteWebhook and getWebhookInfo (form-encoded or JSON, ``reply_markup`` as a JSON
string), answers ``{"ok": true, "result": ...}`` with realistic objects, records every
call, and can fail the next calls the way Telegram does (429 with
``parameters.retry_after``, 403 "bot was blocked by the user", 400, 500).
"""

from __future__ import annotations

import itertools
import json
import threading
import time
from collections import deque
from typing import Any

from tests.fakes._server import FakeHttpServer, HttpCall, Reply

__all__ = ["TELEGRAM_TEST_TOKEN", "FakeTelegramServer"]

TELEGRAM_TEST_TOKEN = "123456789:AAH-fake_token_for_tests_only_0123456"

_FAILURES = {
    "rate_limit": lambda ra: Reply(
        429,
        {
            "ok": False,
            "error_code": 429,
            "description": f"Too Many Requests: retry after {ra}",
            "parameters": {"retry_after": ra},
        },
    ),
    "blocked": lambda ra: Reply(
        403,
        {"ok": False, "error_code": 403, "description": "Forbidden: bot was blocked by the user"},
    ),
    "bad_request": lambda ra: Reply(
        400, {"ok": False, "error_code": 400, "description": "Bad Request: chat not found"}
    ),
    "server_error": lambda ra: Reply(
        500, {"ok": False, "error_code": 500, "description": "Internal Server Error"}
    ),
}


class FakeTelegramServer(FakeHttpServer):
    """Fake Bot API. Use as a context manager: ``with FakeTelegramServer() as tg: ...``."""

    def __init__(
        self, token: str = TELEGRAM_TEST_TOKEN, bot_username: str = "voordeur_test_bot"
    ) -> None:
        super().__init__()
        self.token = token
        self.bot_id = int(token.split(":")[0])
        self.bot_username = bot_username
        self.webhook_url = ""
        self.webhook_secret: str | None = None
        self._message_ids = itertools.count(1)
        self._update_ids = itertools.count(10_000)
        self._updates: list[dict[str, Any]] = []
        self._cond = threading.Condition()
        self._failures: deque[tuple[str | None, str, int]] = deque()
        self._stopping = False

    @property
    def base_url(self) -> str:
        """The value for ``Bot(base_url=...)`` / TELEGRAM_API_BASE_URL (token appended)."""
        return f"{self.url}/bot"

    # --- test controls ---------------------------------------------------------------

    def fail_next(
        self, n: int, kind: str, *, retry_after: int = 3, method: str | None = "sendMessage"
    ) -> None:
        """Fail the next ``n`` calls of ``method`` (None: any method).

        ``kind``: "rate_limit" (429 + retry_after), "blocked" (403), "bad_request" (400)
        or "server_error" (500).
        """
        if kind not in _FAILURES:
            raise ValueError(f"unknown failure kind {kind!r}")
        with self._lock:
            self._failures.extend((method, kind, retry_after) for _ in range(n))

    def push_update(self, update: dict[str, Any]) -> dict[str, Any]:
        """Queue an update for getUpdates (an update_id is added when missing)."""
        update = dict(update)
        update.setdefault("update_id", next(self._update_ids))
        with self._cond:
            self._updates.append(update)
            self._cond.notify_all()
        return update

    def push_text(
        self, chat_id: int, text: str, *, first_name: str = "Ans", user_id: int | None = None
    ) -> dict[str, Any]:
        """Queue a private text message from a person."""
        return self.push_update({"message": self.message_from(chat_id, text, first_name, user_id)})

    def message_from(
        self,
        chat_id: int,
        text: str | None,
        first_name: str = "Ans",
        user_id: int | None = None,
        **extra: Any,
    ) -> dict[str, Any]:
        """A Message object as a person sends it (for webhook bodies too)."""
        uid = chat_id if user_id is None else user_id
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private", "first_name": first_name},
            "from": {"id": uid, "is_bot": False, "first_name": first_name, "language_code": "nl"},
        }
        if text is not None:
            message["text"] = text
        message.update(extra)
        return message

    def calls_to(self, method: str) -> list[dict[str, Any]]:
        """Parameters of every call to ``method`` (reply_markup decoded from JSON)."""
        with self._lock:
            return [c.params for c in self.calls if c.path.rsplit("/", 1)[-1] == method]

    @property
    def sent_messages(self) -> list[dict[str, Any]]:
        """Parameters of every successful sendMessage."""
        return [p for p in self.calls_to("sendMessage") if "_failed" not in p]

    # --- the protocol ----------------------------------------------------------------

    def _on_stop(self) -> None:
        with self._cond:
            self._stopping = True
            self._cond.notify_all()

    def _take_failure(self, method: str) -> tuple[str, int] | None:
        with self._lock:
            for i, (wanted, kind, ra) in enumerate(self._failures):
                if wanted is None or wanted == method:
                    del self._failures[i]
                    return kind, ra
        return None

    def handle(self, call: HttpCall) -> Reply:
        prefix = f"/bot{self.token}/"
        if not call.path.startswith(prefix):
            return Reply(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
        method = call.path[len(prefix) :].split("?")[0]
        params = call.params
        if isinstance(params.get("reply_markup"), str):
            params["reply_markup"] = json.loads(params["reply_markup"])
        failure = self._take_failure(method)
        if failure is not None:
            params["_failed"] = failure[0]
            return _FAILURES[failure[0]](failure[1])
        handler = getattr(self, f"_m_{method}", None)
        if handler is None:
            return Reply(404, {"ok": False, "error_code": 404, "description": "Not Found"})
        return handler(params)

    def _ok(self, result: Any) -> Reply:
        return Reply(200, {"ok": True, "result": result})

    def _bot_user(self) -> dict[str, Any]:
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": "Voordeur",
            "username": self.bot_username,
            "can_join_groups": False,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    def _m_getMe(self, params: dict[str, Any]) -> Reply:
        return self._ok(self._bot_user())

    def _m_sendMessage(self, params: dict[str, Any]) -> Reply:
        if "chat_id" not in params or not str(params.get("text", "")):
            return Reply(
                400,
                {
                    "ok": False,
                    "error_code": 400,
                    "description": "Bad Request: message text is empty",
                },
            )
        try:
            chat_id: int | str = int(params["chat_id"])
        except ValueError:
            chat_id = str(params["chat_id"])
        return self._ok(
            {
                "message_id": next(self._message_ids),
                "date": int(time.time()),
                "chat": {"id": chat_id, "type": "private"},
                "from": self._bot_user(),
                "text": params["text"],
            }
        )

    def _m_getUpdates(self, params: dict[str, Any]) -> Reply:
        offset = int(params.get("offset") or 0)
        timeout = min(float(params.get("timeout") or 0), 30.0)
        limit = int(params.get("limit") or 100)
        deadline = time.monotonic() + timeout
        with self._cond:
            if offset:
                # Telegram forgets updates below the offset: they are confirmed.
                self._updates = [u for u in self._updates if u["update_id"] >= offset]
            while not self._updates and not self._stopping:
                left = deadline - time.monotonic()
                if left <= 0:
                    break
                self._cond.wait(min(left, 0.1))
            return self._ok(list(self._updates[:limit]))

    def _m_setWebhook(self, params: dict[str, Any]) -> Reply:
        self.webhook_url = str(params.get("url", ""))
        self.webhook_secret = params.get("secret_token")
        return self._ok(True)

    def _m_deleteWebhook(self, params: dict[str, Any]) -> Reply:
        self.webhook_url = ""
        self.webhook_secret = None
        return self._ok(True)

    def _m_getWebhookInfo(self, params: dict[str, Any]) -> Reply:
        return self._ok(
            {
                "url": self.webhook_url,
                "has_custom_certificate": False,
                "pending_update_count": len(self._updates),
            }
        )
