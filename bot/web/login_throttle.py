"""Failed console logins counted per client address.

The account lock (``bot.staff``) stops guessing one person's password; it does not stop
one address trying a few passwords on every account (password spraying). After
``LIMIT`` failed logins from one address within ``WINDOW``, that address gets a plain
"too many attempts" page until the window has passed, whatever account it names.
Counted in memory per process (with several workers each counts its own share); the
client address is the one uvicorn reports, behind a proxy the forwarded one.
"""

from __future__ import annotations

import threading
from collections import OrderedDict, deque
from datetime import datetime, timedelta

__all__ = ["LIMIT", "WINDOW", "LoginThrottle"]

LIMIT = 20
WINDOW = timedelta(minutes=15)
#: Addresses remembered at most (the oldest are forgotten first): memory stays bounded.
MAX_ADDRESSES = 10_000


class LoginThrottle:
    def __init__(self, limit: int = LIMIT, window: timedelta = WINDOW) -> None:
        self.limit = limit
        self.window = window
        self._failures: OrderedDict[str, deque[datetime]] = OrderedDict()
        self._lock = threading.Lock()

    def blocked(self, address: str, now: datetime) -> bool:
        with self._lock:
            times = self._failures.get(address)
            if times is None:
                return False
            self._expire(times, now)
            if not times:
                del self._failures[address]
                return False
            return len(times) >= self.limit

    def failed(self, address: str, now: datetime) -> None:
        with self._lock:
            times = self._failures.pop(address, None) or deque()
            self._expire(times, now)
            times.append(now)
            self._failures[address] = times  # most recent last
            while len(self._failures) > MAX_ADDRESSES:
                self._failures.popitem(last=False)

    def _expire(self, times: deque[datetime], now: datetime) -> None:
        while times and now - times[0] >= self.window:
            times.popleft()
