"""A light load generator: signed Twilio SMS webhooks over keep-alive HTTP/1.1.

Plain asyncio streams instead of httpx: on a 2-core machine the app needs the cores, and
a hand-written request costs far less CPU than a full client. Every request is what
Twilio sends for an inbound SMS (same form fields, ``X-Twilio-Signature`` computed with
twilio's ``RequestValidator`` over ``PUBLIC_BASE_URL`` + path).

Each conversation (one phone number) walks Dutch dialogs message by message and never
has more than one message in flight, as a person waits for the answer. Un-acknowledged
webhooks (non-2xx or a connection error) are retried with the same MessageSid, as
Twilio would, until acknowledged or a bounded retry time passes.
"""

from __future__ import annotations

import asyncio
import random
import secrets
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from twilio.request_validator import RequestValidator

from tests.fakes.twilio_server import TWILIO_TEST_SID, TWILIO_TEST_TOKEN

PATH = "/webhooks/twilio/sms"
TO = "+3197010000000"

#: Dialogs as people write them (see shared/conversation-example.md).
SCRIPTS: list[list[str]] = [
    ["goedemiddag", "ja", "kan iemand mijn boodschappen doen", "ja", "dan kan ik weer zelf koken",
     "afwassen lukt nog wel", "nee mijn dochter woont ver weg", "1", "tuinzigt", "ja", "dank u wel"],
    ["goedemiddag ik ben mevr de Wit 81 jaar kan er iemand mijn huis schoonmaken het lukt me niet meer",
     "ja hoor", "ja dat klopt sinds mijn man dood is", "dan durf ik weer iemand binnen te laten voor een kopje koffie",
     "ja", "afwassen en stoffen gaat nog wel", "nee mijn zoon woont in groningen", "1", "tuinzigt", "ja"],
    ["goedemorgen", "ja", "ik weet niet goed wie mij kan helpen met de post", "mens"],
    ["ik heb vragen over geld", "ja", "ik kan mijn rekeningen niet meer betalen", "2",
     "ik wil graag met iemand praten", "mens"],
    ["ik voel me zo alleen de laatste tijd", "ja", "ja", "dan zou ik weer wat vaker lachen",
     "wandelen gaat nog", "mijn buurvrouw misschien", "1", "ja", "bedankt"],
    ["kunt u mij helpen met vervoer naar het ziekenhuis", "ja", "volgende week dinsdag", "2", "nee dank u"],
]


@dataclass
class Sent:
    sid: str
    number: str
    body: str
    seq: int
    attempts: int = 0
    statuses: list[Any] = field(default_factory=list)
    acked: bool = False
    rtt: float | None = None
    first_at: float = 0.0
    acked_at: float | None = None


@dataclass
class Conversation:
    number: str
    script_no: int
    pos: int = 0
    seq: int = 0

    def next_text(self) -> str:
        script = SCRIPTS[self.script_no % len(SCRIPTS)]
        text = script[self.pos]
        self.pos += 1
        if self.pos >= len(script):
            self.pos = 0
            self.script_no += 1
        self.seq += 1
        return text


class Conn:
    """One keep-alive HTTP/1.1 connection."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def post(self, path: str, body: bytes, headers: dict[str, str], timeout: float) -> int:
        if self.writer is None:
            self.reader, self.writer = await asyncio.wait_for(
                asyncio.open_connection(self.host, self.port), timeout)
        assert self.reader is not None
        head = [f"POST {path} HTTP/1.1", f"Host: {self.host}:{self.port}", f"Content-Length: {len(body)}"]
        head += [f"{k}: {v}" for k, v in headers.items()]
        self.writer.write(("\r\n".join(head) + "\r\n\r\n").encode() + body)
        try:
            return await asyncio.wait_for(self._response(), timeout)
        except BaseException:
            self.close()
            raise

    async def _response(self) -> int:
        assert self.reader is not None
        status_line = await self.reader.readline()
        if not status_line:
            raise ConnectionResetError("closed")
        status = int(status_line.split()[1])
        length = 0
        close = False
        while True:
            line = await self.reader.readline()
            if line in (b"\r\n", b"\n", b""):
                break
            k, _, v = line.decode("latin-1").partition(":")
            k = k.strip().lower()
            if k == "content-length":
                length = int(v)
            elif k == "connection" and v.strip().lower() == "close":
                close = True
        if length:
            await self.reader.readexactly(length)
        if close:
            self.close()
        return status

    def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


class LoadGen:
    def __init__(
        self,
        port: int,
        *,
        conversations: int = 500,
        concurrency: int = 32,
        rate: float | None = None,
        public_base: str | None = None,
        number_prefix: str = "+3161",
        retry_for: float = 180.0,
        request_timeout: float = 30.0,
        seed: int = 7,
    ) -> None:
        self.port = port
        self.url = (public_base or f"http://127.0.0.1:{port}").rstrip("/") + PATH
        self.validator = RequestValidator(TWILIO_TEST_TOKEN)
        rnd = random.Random(seed)
        self.convs = [
            Conversation(f"{number_prefix}{i:07d}", rnd.randrange(len(SCRIPTS)))
            for i in range(conversations)
        ]
        self.concurrency = concurrency
        self.rate = rate
        self.retry_for = retry_for
        self.request_timeout = request_timeout
        self.sent: list[Sent] = []
        self._slot = 0
        self._t0 = 0.0
        self.paused = asyncio.Event()
        self.paused.set()

    def _payload(self, s: Sent) -> tuple[bytes, dict[str, str]]:
        params = {
            "ToCountry": "NL", "ToState": "", "SmsMessageSid": s.sid, "NumMedia": "0", "ToCity": "",
            "FromZip": "", "SmsSid": s.sid, "FromState": "", "SmsStatus": "received", "FromCity": "",
            "Body": s.body, "FromCountry": "NL", "To": TO, "ToZip": "", "NumSegments": "1",
            "MessageSid": s.sid, "AccountSid": TWILIO_TEST_SID, "From": s.number, "ApiVersion": "2010-04-01",
        }
        sig = self.validator.compute_signature(self.url, params)
        return urlencode(params).encode(), {
            "Content-Type": "application/x-www-form-urlencoded",
            "X-Twilio-Signature": sig,
            "I-Twilio-Idempotency-Token": s.sid,
            "User-Agent": "TwilioProxy/1.1",
        }

    async def _pace(self) -> None:
        if not self.rate:
            return
        at = self._t0 + self._slot / self.rate
        self._slot += 1
        delay = at - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)

    async def _deliver(self, conn: Conn, s: Sent, deadline_retry: float) -> None:
        body, headers = self._payload(s)
        backoff = 0.2
        while True:
            s.attempts += 1
            t = time.monotonic()
            try:
                status: Any = await conn.post(PATH, body, headers, self.request_timeout)
            except (TimeoutError, OSError, ConnectionError, asyncio.IncompleteReadError, ValueError, IndexError) as e:
                status = type(e).__name__
            s.statuses.append(status)
            if isinstance(status, int) and 200 <= status < 300:
                s.acked = True
                s.acked_at = time.monotonic()
                s.rtt = s.acked_at - t
                return
            if time.monotonic() > deadline_retry:
                return
            await asyncio.sleep(backoff)
            backoff = min(backoff * 2, 2.0)

    async def _worker(self, queue: asyncio.Queue[Conversation], stop_at: float) -> None:
        conn = Conn("127.0.0.1", self.port)
        try:
            while time.monotonic() < stop_at:
                try:
                    conv = queue.get_nowait()
                except asyncio.QueueEmpty:
                    await asyncio.sleep(0.005)
                    continue
                await self.paused.wait()
                await self._pace()
                if time.monotonic() >= stop_at:
                    queue.put_nowait(conv)
                    break
                s = Sent(sid="SM" + secrets.token_hex(16), number=conv.number, body=conv.next_text(),
                         seq=conv.seq, first_at=time.monotonic())
                self.sent.append(s)
                await self._deliver(conn, s, s.first_at + self.retry_for)
                queue.put_nowait(conv)
        finally:
            conn.close()

    async def run(self, duration: float) -> None:
        queue: asyncio.Queue[Conversation] = asyncio.Queue()
        for c in self.convs:
            queue.put_nowait(c)
        self._t0 = time.monotonic()
        self._slot = 0
        stop_at = self._t0 + duration
        await asyncio.gather(*(self._worker(queue, stop_at) for _ in range(self.concurrency)))

    # --- summaries -----------------------------------------------------------------

    def window(self, t_from: float, t_to: float) -> list[Sent]:
        return [s for s in self.sent if s.acked_at is not None and t_from <= s.acked_at <= t_to]
