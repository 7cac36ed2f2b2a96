"""Live updates for the console and the web chat (Server-Sent Events).

In-process fan-out: publishers call :meth:`Hub.publish` from any thread; each SSE
client has a queue. With several workers a client also polls the database, so no
update depends on which process it landed on.
"""

from __future__ import annotations

import asyncio
from collections import defaultdict
from typing import Any

__all__ = ["Hub"]


class Hub:
    def __init__(self) -> None:
        self._subs: defaultdict[str, set[asyncio.Queue[dict[str, Any]]]] = defaultdict(set)
        self._loop: asyncio.AbstractEventLoop | None = None

    def bind(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop

    def subscribe(self, topic: str) -> asyncio.Queue[dict[str, Any]]:
        q: asyncio.Queue[dict[str, Any]] = asyncio.Queue(maxsize=100)
        self._subs[topic].add(q)
        return q

    def unsubscribe(self, topic: str, q: asyncio.Queue[dict[str, Any]]) -> None:
        self._subs[topic].discard(q)
        if not self._subs[topic]:
            self._subs.pop(topic, None)

    def publish(self, topic: str, data: dict[str, Any]) -> None:
        """Thread-safe: may be called from a turn's worker thread."""
        loop = self._loop
        if loop is None or loop.is_closed():
            return
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is loop:
            self._deliver(topic, data)
        else:
            loop.call_soon_threadsafe(self._deliver, topic, data)

    def _deliver(self, topic: str, data: dict[str, Any]) -> None:
        for q in list(self._subs.get(topic, ())):
            if q.full():
                continue  # a slow client polls the database anyway
            q.put_nowait(data)
