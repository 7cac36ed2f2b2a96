"""`voordeur simulate`: the whole pipeline from a JSONL script, as other tools use it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.simulate import Simulator, parse_duration

ROOT = Path(__file__).resolve().parents[2]


def run_cli(*args: str, stdin: str | None = None, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *args],
        check=False,  # the tests look at the exit code themselves
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=ROOT,
        env=env,
    )


def lines(out: str) -> list[dict]:
    return [json.loads(ln) for ln in out.splitlines() if ln.strip()]


def test_greeting_question_and_mens_give_messages_and_a_handoff(script_dir: Path) -> None:
    """SQLite only, as `voordeur simulate` is: it always runs on a fresh SQLite file of
    its own. The same pipeline on PostgreSQL is what the in-process tests below run."""
    proc = run_cli("simulate", str(script_dir / "mens.jsonl"))
    assert proc.returncode == 0, proc.stderr
    out = lines(proc.stdout)
    messages = [o for o in out if o["type"] == "message"]
    handoffs = [o for o in out if o["type"] == "handoff"]
    assert messages and all(len(m["options"]) <= 2 for m in messages)
    assert all(m["to"] == "+31612345678" and m["channel"] == "sms" for m in messages)
    assert len(handoffs) == 1
    h = handoffs[0]
    assert h["contact"] == "+31612345678"
    assert h["role"] in ("volunteer", "professional", "coordinator")
    assert h["priority"] in ("normal", "urgent") and isinstance(h["summary"], str)
    assert [o["type"] for o in out].count("ready") == 3
    for o in out:
        assert "t" in o and "+01:00" in o["t"]


def test_stdin_mode_answers_each_line_before_reading_the_next() -> None:
    """SQLite only, like the command itself (see above)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "simulate", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert proc.stdin and proc.stdout
    try:
        proc.stdin.write(json.dumps({"channel": "sms", "from": "0612345678", "text": "hallo"}) + "\n")
        proc.stdin.flush()
        seen = []
        while True:
            item = json.loads(proc.stdout.readline())
            seen.append(item)
            if item["type"] == "ready":
                break
        assert any(i["type"] == "message" for i in seen)
        # The program is still waiting for us: a conversation can go on.
        proc.stdin.write(json.dumps({"channel": "sms", "from": "0612345678", "text": "mens"}) + "\n")
        proc.stdin.flush()
        more = []
        while True:
            item = json.loads(proc.stdout.readline())
            more.append(item)
            if item["type"] == "ready":
                break
        assert any(i["type"] == "handoff" for i in more)
    finally:
        proc.stdin.close()
        proc.wait(timeout=60)
    assert proc.returncode == 0


def test_bad_lines_get_a_clear_error_and_the_run_goes_on(db_url: str, understander) -> None:  # type: ignore[no-untyped-def]
    import io

    from bot.simulate import run_script

    sim = Simulator(nlu=understander, database_url=db_url)
    try:
        buf = io.StringIO()
        code = run_script(
            ["not json", '{"advance": "soon"}', '{"channel": "sms", "from": "12", "text": "hoi"}',
             '{"channel": "sms", "from": "0612345678", "text": "hoi"}'],
            buf,
            sim,
        )
    finally:
        sim.close()
    out = lines(buf.getvalue())
    errors = [o for o in out if o["type"] == "error"]
    assert len(errors) == 3 and code == 1
    assert "15m" in errors[1]["reason"] and "phone" in errors[2]["reason"]
    assert any(o["type"] == "message" for o in out), "the valid line is still answered"


def test_staff_take_reply_release_in_the_simulator(db_url: str, understander) -> None:  # type: ignore[no-untyped-def]
    sim = Simulator(nlu=understander, database_url=db_url)
    try:
        person = {"channel": "sms", "from": "0612345678"}
        sim.feed({**person, "text": "hallo"})
        sim.feed({**person, "text": "mens"})
        sim.feed({"staff": "anna", "action": "take", "contact": "+31612345678"})
        out = sim.feed({"staff": "anna", "action": "reply", "contact": "+31612345678", "text": "Dag, met Anna."})
        assert any(o["type"] == "message" and o["text"].startswith("Dag, met Anna") for o in out)
        quiet = sim.feed({**person, "text": "fijn dat u er bent"})
        assert not [o for o in quiet if o["type"] == "message"], "the bot is silent while Anna holds it"
        back = sim.feed({"staff": "anna", "action": "release", "contact": "+31612345678"})
        assert any(o["type"] == "message" for o in back), "the bot takes over again"
    finally:
        sim.close()


@pytest.mark.parametrize(("text", "seconds"), [("15m", 900), ("2h", 7200), ("3d", 259200)])
def test_durations(text: str, seconds: int) -> None:
    assert parse_duration(text).total_seconds() == seconds
