"""Each HTTP response leaves in one write: the head waits for its body, never longer
than the event-loop turn in which it was written."""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from typing import Any

import httpx
import uvicorn

from bot.web.onewrite import PROTOCOL, OneWriteTransport
from tests.support.server import free_port


class RecordingTransport(asyncio.Transport):
    def __init__(self) -> None:
        super().__init__()
        self.writes: list[bytes] = []
        self.closed = False

    def write(self, data: Any) -> None:
        self.writes.append(bytes(data))

    def is_closing(self) -> bool:
        return self.closed

    def close(self) -> None:
        self.closed = True

    def get_extra_info(self, name: str, default: Any = None) -> Any:
        return {"peername": ("127.0.0.1", 5)}.get(name, default)


def test_head_and_body_written_in_one_turn_leave_in_one_write() -> None:
    async def run() -> RecordingTransport:
        raw = RecordingTransport()
        t = OneWriteTransport(raw, asyncio.get_running_loop())
        t.write(b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n")
        t.write(b"ok")
        assert raw.writes == [], "nothing leaves before the turn ends"
        await asyncio.sleep(0)
        t.write(b"later")  # a later turn: its own write
        await asyncio.sleep(0)
        assert t.get_extra_info("peername") == ("127.0.0.1", 5)
        return raw

    raw = asyncio.run(run())
    assert raw.writes == [b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok", b"later"]


def test_closing_sends_what_was_held_first() -> None:
    async def run() -> RecordingTransport:
        raw = RecordingTransport()
        t = OneWriteTransport(raw, asyncio.get_running_loop())
        t.write(b"bye")
        t.close()
        await asyncio.sleep(0)
        return raw

    raw = asyncio.run(run())
    assert raw.writes == [b"bye"] and raw.closed


async def _app(scope: Any, receive: Any, send: Any) -> None:
    if scope["type"] != "http":
        return
    if scope["path"] == "/stream":  # a streamed answer: the head goes out before the body
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"first", "more_body": True})
        await asyncio.sleep(0.2)
        await send({"type": "http.response.body", "body": b"second"})
        return
    body = b"hello " + scope["path"].encode()
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


def test_a_real_server_answers_in_one_segment_and_streams() -> None:
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(_app, host="127.0.0.1", port=port, http=PROTOCOL,
                                           log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 10
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.02)
        with socket.create_connection(("127.0.0.1", port)) as sock:
            for path in ("/a", "/b"):  # keep-alive: two answers on one connection
                sock.sendall(f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
                time.sleep(0.1)  # both writes, if there were two, would have arrived
                got = sock.recv(65536)
                assert got.startswith(b"HTTP/1.1 200") and got.endswith(b"hello " + path.encode())
        with httpx.stream("GET", f"http://127.0.0.1:{port}/stream", timeout=5) as r:
            started = time.monotonic()
            chunks = [(c, time.monotonic() - started) for c in r.iter_bytes()]
        assert b"".join(c for c, _ in chunks) == b"firstsecond"
        assert chunks[0][0].startswith(b"first") and chunks[0][1] < 0.15, "the first part did not wait"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
