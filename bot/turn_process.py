"""Turns in a process of their own (``TURN_PROCESS=true``), so one worker uses two cores.

One Python process runs one thread of Python at a time. Under load the web process spent
about 60 % of its CPU in turns (NLU, dialog, SQL) and the rest on HTTP and on sending the
replies, all on one core while the second core of a small machine stayed idle. With this
setting the web process gives each inbound message to a child process, which runs the
same ``Pipeline.respond`` on its own database connection and answers with the result;
the web process keeps HTTP, signatures, the per-person order, the outbox, the scheduler
and the console.

What does not change: a message is acknowledged only after the child committed it; one
person's messages are handed over one at a time (the web process holds the per-person
lock around the call); on SQLite the child is the only process running turns, so turns
still write one at a time. When the child dies, the messages it was working on are
answered 503 (the provider sends them again), and a new child is started; a message
committed just before the crash is recognised by its provider id and not answered twice.
When the web process dies, the child reads the end of its input, finishes the turn it is
in and exits.

The protocol is private to these two processes: length-prefixed pickles over the child's
stdin and stdout (the child's own prints go to stderr).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import pickle
import signal
import struct
import sys
from dataclasses import dataclass
from itertools import count
from typing import Any, BinaryIO

from bot.messages import Inbound
from bot.ports import TurnResult
from config.settings import Settings

__all__ = ["TurnProcess", "TurnProcessDown"]

log = logging.getLogger("voordeur.turns")

_HEADER = struct.Struct("!I")
#: Loading the NLU model and dialogs in the child takes a few seconds; a first start
#: that trains the model takes longer, but the web process trains it before it starts
#: the child.
START_TIMEOUT = 180.0
STOP_TIMEOUT = 15.0


class TurnProcessDown(RuntimeError):
    """The turn process is not running (starting again): the message was not stored."""


@dataclass(frozen=True, slots=True)
class _Answer:
    request: int
    result: TurnResult | None
    events: tuple[tuple[str, dict[str, Any]], ...]
    error: str | None = None


# --- the web process's side ---------------------------------------------------------


class TurnProcess:
    """Starts the child, hands it messages and reads its answers (on the event loop)."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._proc: asyncio.subprocess.Process | None = None
        self._reader: asyncio.Task[None] | None = None
        self._pending: dict[int, asyncio.Future[_Answer]] = {}
        self._ids = count(1)
        self._stopping = False
        self._restarting: asyncio.Task[None] | None = None
        self._spawned: asyncio.subprocess.Process | None = None
        #: How many times a child was started (1 after a clean start).
        self.starts = 0

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    async def spawn(self) -> None:
        """Start the child's interpreter, which imports its libraries while the web
        process builds its own core; :meth:`start` then gives it the settings."""
        if self._spawned is None:
            self._spawned = await asyncio.create_subprocess_exec(
                sys.executable,
                "-c",
                # Not ``-m``: answers must pickle as bot.turn_process._Answer, not __main__.
                "from bot.turn_process import main; raise SystemExit(main())",
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
                limit=1 << 22,
            )

    async def start(self) -> None:
        """Start the child (if :meth:`spawn` did not) and wait until it has loaded
        everything it needs."""
        self._stopping = False
        await self.spawn()
        proc, self._spawned = self._spawned, None
        assert proc is not None and proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(_frame(self.settings))
        try:
            ready = await asyncio.wait_for(_read_frame(proc.stdout), START_TIMEOUT)
        except (TimeoutError, asyncio.IncompleteReadError) as e:
            with contextlib.suppress(ProcessLookupError):
                proc.kill()
            await proc.wait()
            raise RuntimeError(f"the turn process did not start ({type(e).__name__})") from e
        if ready != "ready":
            with contextlib.suppress(ProcessLookupError):
                proc.kill()
            await proc.wait()
            raise RuntimeError(f"the turn process did not start: {ready}")
        self._proc = proc
        self.starts += 1
        self._reader = asyncio.create_task(self._read(proc), name="voordeur-turn-reader")
        log.info("turn process %d started", proc.pid)

    async def respond(
        self, inbound: Inbound
    ) -> tuple[TurnResult, tuple[tuple[str, dict[str, Any]], ...]]:
        """The child's ``Pipeline.respond`` for one message, and the live events it raised."""
        proc = self._proc
        if proc is None or proc.stdin is None or proc.returncode is not None:
            raise TurnProcessDown("turn process not running")
        request = next(self._ids)
        future: asyncio.Future[_Answer] = asyncio.get_running_loop().create_future()
        self._pending[request] = future
        try:
            proc.stdin.write(_frame((request, inbound)))
            answer = await future
        finally:
            self._pending.pop(request, None)
        if answer.error is not None:
            raise TurnProcessDown(answer.error)
        assert answer.result is not None
        return answer.result, answer.events

    async def _read(self, proc: asyncio.subprocess.Process) -> None:
        assert proc.stdout is not None
        try:
            while True:
                answer = await _read_frame(proc.stdout)
                future = self._pending.get(answer.request)
                if future is not None and not future.done():
                    future.set_result(answer)
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        except Exception:  # a broken frame: the child cannot be trusted any more
            log.exception("turn process sent something unreadable; ending it")
            with contextlib.suppress(ProcessLookupError):
                proc.kill()
        code = await proc.wait()
        self._proc = None
        for future in list(self._pending.values()):
            if not future.done():
                future.set_exception(TurnProcessDown(f"turn process exited ({code})"))
        if self._stopping:
            return
        log.error("turn process %d exited with %s; starting a new one", proc.pid, code)
        self._restarting = asyncio.create_task(self._restart())

    async def _restart(self) -> None:
        delay = 0.5
        while not self._stopping:
            try:
                await self.start()
                return
            except Exception:
                log.exception("turn process failed to start; trying again in %.0f s", delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, 30.0)

    async def stop(self) -> None:
        """Let the child finish what it was given, then end it (kill after a timeout)."""
        self._stopping = True
        if self._restarting is not None:
            self._restarting.cancel()
        if self._spawned is not None:  # spawned, never started: it waits for settings
            spawned, self._spawned = self._spawned, None
            if spawned.stdin is not None:
                spawned.stdin.close()
            await spawned.wait()
        proc = self._proc
        if proc is None:
            return
        if proc.stdin is not None:
            proc.stdin.close()
        try:
            await asyncio.wait_for(proc.wait(), STOP_TIMEOUT)
        except TimeoutError:
            log.error("turn process %d did not stop; killing it", proc.pid)
            with contextlib.suppress(ProcessLookupError):
                proc.kill()
            await proc.wait()
        if self._reader is not None:
            await asyncio.gather(self._reader, return_exceptions=True)
        self._proc = None


def _frame(obj: object) -> bytes:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    return _HEADER.pack(len(data)) + data


async def _read_frame(stream: asyncio.StreamReader) -> Any:
    (size,) = _HEADER.unpack(await stream.readexactly(_HEADER.size))
    return pickle.loads(await stream.readexactly(size))


# --- the child's side ----------------------------------------------------------------


def _read_exact(stream: BinaryIO, size: int) -> bytes | None:
    chunks = bytearray()
    while len(chunks) < size:
        chunk = stream.read(size - len(chunks))
        if not chunk:
            return None
        chunks += chunk
    return bytes(chunks)


def _receive(stream: BinaryIO) -> Any:
    header = _read_exact(stream, _HEADER.size)
    if header is None:
        return None
    (size,) = _HEADER.unpack(header)
    body = _read_exact(stream, size)
    return None if body is None else pickle.loads(body)


def serve_turns(inp: BinaryIO, out: BinaryIO) -> int:
    """The child's loop: settings first, then one message at a time until the input ends."""
    # Imported before the settings arrive: meanwhile the web process builds its core.
    from sqlalchemy.exc import InterfaceError, OperationalError

    from bot.logsafe import setup_logging
    from bot.services import build_core

    settings: Settings = _receive(inp)
    if settings is None:
        return 0
    setup_logging(json_logs=settings.log_json)
    try:
        core = build_core(settings, upgrade=False)
    except Exception as e:
        log.exception("turn process could not start")
        out.write(_frame(f"{type(e).__name__}: {e}"))
        out.flush()
        return 1
    events: list[tuple[str, dict[str, Any]]] = []
    core.pipeline.on_event = lambda kind, data: events.append((kind, data))
    out.write(_frame("ready"))
    out.flush()
    while True:
        message = _receive(inp)
        if message is None:
            break
        request, inbound = message
        events.clear()
        try:
            answer = _Answer(request, core.pipeline.respond(inbound), tuple(events))
        except (OperationalError, InterfaceError) as e:
            answer = _Answer(request, None, (), f"database unavailable: {type(e).__name__}")
        except Exception as e:  # respond() stores and answers with a fallback itself
            log.exception("turn failed in the turn process")
            answer = _Answer(request, None, (), f"turn failed: {type(e).__name__}")
        out.write(_frame(answer))
        out.flush()
    core.db.dispose()
    return 0


def main() -> int:
    # Ctrl-C and a service manager's SIGTERM reach the whole process group: the web
    # process decides when turns stop (it closes our input after its last request).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    # The protocol owns stdout: keep a private copy and send everything else to stderr.
    out = os.fdopen(os.dup(1), "wb", buffering=1 << 16)
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    return serve_turns(sys.stdin.buffer, out)
