"""The Rasa backend against a local server that replays recorded Rasa 3.6 responses."""

from __future__ import annotations

import json
import logging
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from nlu.api import Control, CrisisKind
from nlu.rasa import RasaNLU, RasaUnavailable, topics_from_response
from nlu.service import LocalNLU

FIXTURES = Path(__file__).parent / "fixtures"
GROCERIES = json.loads((FIXTURES / "model-parse-groceries.json").read_text())
GIBBERISH = json.loads((FIXTURES / "model-parse-gibberish.json").read_text())


class _RasaHandler(BaseHTTPRequestHandler):
    requests: ClassVar[list[dict[str, str]]] = []

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length", 0))
        body = json.loads(self.rfile.read(length))
        type(self).requests.append(body)
        if self.path != "/model/parse":
            self.send_error(404)
            return
        answer = GIBBERISH if body["text"] == GIBBERISH["text"] else GROCERIES
        answer = {**answer, "text": body["text"]}
        data = json.dumps(answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:  # silence test output
        pass


@pytest.fixture
def rasa_url() -> Iterator[str]:
    _RasaHandler.requests = []
    server = HTTPServer(("127.0.0.1", 0), _RasaHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def closed_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def test_fixture_response_maps_to_topics() -> None:
    topics = topics_from_response(GROCERIES)
    assert [t.id for t in topics] == ["groceries"]
    assert topics[0].confidence == pytest.approx(0.99999988, rel=1e-6)


def test_rasa_topic_reaches_the_dialog(rasa_url: str, nlu: LocalNLU) -> None:
    rasa = RasaNLU(rasa_url, fallback=nlu)
    u = rasa.understand("wie kan mijn boodschappe doen")
    assert u.top == "groceries"
    assert _RasaHandler.requests == [{"text": "wie kan mijn boodschappe doen"}]


def test_rasa_certainty_on_gibberish_is_not_trusted(rasa_url: str, nlu: LocalNLU) -> None:
    u = RasaNLU(rasa_url, fallback=nlu).understand("xq zzzz")
    assert u.top == "other" and u.topics == ()


def test_crisis_is_detected_in_process_whatever_rasa_says(rasa_url: str, nlu: LocalNLU) -> None:
    u = RasaNLU(rasa_url, fallback=nlu).understand(
        "ik zie het niet meer zitten, en mijn boodschappen"
    )
    assert u.crisis is CrisisKind.SUICIDE and u.top == "crisis"


def test_control_words_do_not_need_rasa(rasa_url: str, nlu: LocalNLU) -> None:
    u = RasaNLU(rasa_url, fallback=nlu).understand("stop")
    assert u.control is Control.STOP
    assert _RasaHandler.requests == []


def test_unreachable_rasa_falls_back_with_a_warning(
    closed_url: str, nlu: LocalNLU, caplog: pytest.LogCaptureFixture
) -> None:
    rasa = RasaNLU(closed_url, fallback=nlu, timeout=0.5)
    with caplog.at_level(logging.WARNING, logger="nlu.rasa"):
        u = rasa.understand("wie kan mijn boodschappen doen")
    assert u.top == "groceries"
    assert any("unavailable" in r.getMessage() for r in caplog.records)


def test_unreachable_rasa_without_fallback_raises(closed_url: str) -> None:
    with pytest.raises(RasaUnavailable) as info:
        RasaNLU(closed_url, timeout=0.5).understand("wie kan mijn boodschappen doen")
    assert info.value.url == closed_url


def test_crisis_is_caught_even_when_rasa_is_down(closed_url: str) -> None:
    u = RasaNLU(closed_url, timeout=0.5).understand("mijn man slaat me")
    assert u.crisis is CrisisKind.VIOLENCE
