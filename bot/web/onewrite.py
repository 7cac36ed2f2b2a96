"""One write per HTTP response: uvicorn's httptools protocol, with the response head held
until its body follows.

uvicorn writes a response's head and its body in two calls to the transport. On a socket
each is a system call, and on loopback or a busy host each wakes the reader: under load
the two writes were a fifth of the web process's time (py-spy, 300 webhooks a second),
the head's alone 16 %. :class:`OneWriteHttpToolsProtocol` gives uvicorn a transport that
collects whatever is written during one turn of the event loop and writes it at the end
of that turn (``loop.call_soon``): head and body leave together, nothing waits longer
than the turn in which it was written (a streamed response's head goes out at once too).
Select it with ``uvicorn.run(..., http=PROTOCOL)``.
"""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

__all__ = ["PROTOCOL", "OneWriteHttpToolsProtocol", "OneWriteTransport"]

#: uvicorn's ``http`` setting for this protocol (an import string works with workers too).
PROTOCOL = "bot.web.onewrite:OneWriteHttpToolsProtocol"


class OneWriteTransport:
    """A transport whose writes during one event-loop turn leave in one write."""

    __slots__ = ("_held", "_loop", "_transport")

    def __init__(self, transport: Any, loop: asyncio.AbstractEventLoop) -> None:
        self._transport = transport
        self._loop = loop
        self._held: list[bytes] = []

    def write(self, data: bytes | bytearray | memoryview) -> None:
        if not data:
            return
        if not self._held:
            self._loop.call_soon(self._flush)
        self._held.append(bytes(data))

    def writelines(self, lines: Any) -> None:
        for data in lines:
            self.write(data)

    def _flush(self) -> None:
        held = self._held
        if not held:
            return
        self._held = []
        if not self._transport.is_closing():
            self._transport.write(held[0] if len(held) == 1 else b"".join(held))

    def close(self) -> None:
        self._flush()
        self._transport.close()

    def write_eof(self) -> None:
        self._flush()
        self._transport.write_eof()

    def get_write_buffer_size(self) -> int:
        return self._transport.get_write_buffer_size() + sum(len(d) for d in self._held)

    def __getattr__(self, name: str) -> Any:  # everything else is the socket's transport
        return getattr(self._transport, name)


class OneWriteHttpToolsProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol writing each response in one go."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        # uvloop's transports do not derive from asyncio.Transport: no isinstance check.
        super().connection_made(OneWriteTransport(transport, self.loop))  # type: ignore[arg-type]
