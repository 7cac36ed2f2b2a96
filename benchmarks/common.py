"""What every benchmark needs: the app as a real process, the fake Twilio in its own
process, PostgreSQL databases, RSS, /metrics parsing, results files.

Everything talks to 127.0.0.1 only; every wait is bounded.
"""

from __future__ import annotations

import json
import os
import platform
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx

from tests.fakes.twilio_server import TWILIO_TEST_SID, TWILIO_TEST_TOKEN
from tests.support.server import free_port

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
PG_BASE = os.environ.get("BENCH_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
SMS_FROM = "+3197010000000"
#: One trained NLU model for every benchmark run on this machine.
MODEL_DIR = Path(tempfile.gettempdir()) / "voordeur-bench-nlu"


# --- the fake Twilio --------------------------------------------------------------------


class TwilioProc:
    """``benchmarks._twilio_proc`` as a child process."""

    def __init__(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "benchmarks._twilio_proc"],
            cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )
        assert self.proc.stdout is not None
        self.url = self.proc.stdout.readline().strip()
        if not self.url.startswith("http"):
            raise RuntimeError("fake Twilio did not start")

    def command(self, line: str) -> None:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(line + "\n")
        self.proc.stdin.flush()
        self.proc.stdout.readline()

    def fail(self, n: int, kind: str, retry_after: int = 7) -> None:
        self.command(f"fail {n} {kind} {retry_after}")

    def clear(self) -> None:
        self.command("clear")

    def messages(self) -> list[dict[str, Any]]:
        """Every accepted message, oldest first (through the fake's list API)."""
        r = httpx.get(
            f"{self.url}/2010-04-01/Accounts/{TWILIO_TEST_SID}/Messages.json",
            params={"PageSize": "10000000"}, auth=(TWILIO_TEST_SID, TWILIO_TEST_TOKEN), timeout=60,
        )
        r.raise_for_status()
        return list(reversed(r.json()["messages"]))

    def close(self) -> None:
        if self.proc.poll() is None:
            try:
                self.command("quit")
                self.proc.wait(timeout=10)
            except Exception:
                self.proc.kill()
                self.proc.wait(timeout=10)

    def __enter__(self) -> TwilioProc:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# --- the app -----------------------------------------------------------------------------


def app_env(database_url: str, twilio_url: str, port: int, **extra: str) -> dict[str, str]:
    env = {
        "DATABASE_URL": database_url,
        "TWILIO_ACCOUNT_SID": TWILIO_TEST_SID,
        "TWILIO_AUTH_TOKEN": TWILIO_TEST_TOKEN,
        "TWILIO_SMS_FROM": SMS_FROM,
        "TWILIO_API_BASE_URL": twilio_url,
        "PUBLIC_BASE_URL": f"http://127.0.0.1:{port}",
        "NLU_MODEL_DIR": str(MODEL_DIR),
        "SCHEDULER_TICK_SECONDS": "1",
        "INBOUND_RATE_PER_MINUTE": "100000",
        # A helpline at this volume sends through a messaging service with several
        # numbers, not one long code: no send limit, so the outbox keeps up (or shows
        # that it does not) and its work is part of what is measured.
        "OUTBOX_RATE_SMS": "0",
    }
    env.update(extra)
    return env


class App:
    """``python -m bot.cli run [--workers N]`` as a real process."""

    def __init__(self, env: dict[str, str], port: int, workers: int = 1, log: Path | None = None) -> None:
        # BENCH_PATCH (benchmarks._patched_run) measures a proposed fix without editing the app.
        patch = env.get("BENCH_PATCH") or os.environ.get("BENCH_PATCH")
        self.module = "benchmarks._patched_run" if patch else "bot.cli"
        self.port = port
        self.workers = workers
        self.env = {**os.environ, "PYTHONPATH": str(ROOT), **env}
        self.log = log
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 180.0) -> App:
        out = open(self.log, "ab") if self.log else subprocess.DEVNULL
        args = [sys.executable, "-m", self.module, "run", "--port", str(self.port)]
        if self.workers > 1:
            args += ["--workers", str(self.workers)]
        self.proc = subprocess.Popen(args, cwd=ROOT, env=self.env, stdout=out, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        ok = 0
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"voordeur run exited with {self.proc.returncode}; see {self.log}")
            try:
                if httpx.get(f"{self.url}/readyz", timeout=2).status_code == 200:
                    ok += 1
                    # with several workers, each must have finished its lifespan
                    if ok >= (3 if self.workers > 1 else 1):
                        if self.workers > 1:
                            time.sleep(2)
                        return self
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        self.kill()
        raise RuntimeError("voordeur run did not become ready")

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def pids(self) -> list[int]:
        """The main process and all its descendants."""
        return [self.pid, *descendants(self.pid)]

    def kill(self) -> None:
        """SIGKILL the whole process tree (workers too)."""
        if self.proc and self.proc.poll() is None:
            kids = descendants(self.proc.pid)
            self.proc.send_signal(signal.SIGKILL)
            for k in kids:
                try:
                    os.kill(k, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            self.proc.wait(timeout=30)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()

    def metrics(self) -> str:
        return httpx.get(f"{self.url}/metrics", timeout=30).text


def descendants(pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry))
    out: list[int] = []
    todo = [pid]
    while todo:
        p = todo.pop()
        for c in children.get(p, []):
            out.append(c)
            todo.append(c)
    return out


def rss_mb(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of one process."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except OSError:
        return 0.0


def memory(app: App) -> dict[str, Any]:
    per = {str(p): round(rss_mb(p), 1) for p in app.pids()}
    return {"total_mb": round(sum(per.values()), 1), "per_process_mb": per}


# --- databases ---------------------------------------------------------------------------


def pg_create() -> tuple[str, str]:
    import psycopg

    base = PG_BASE.replace("postgresql+psycopg://", "postgresql://")
    name = f"bench_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    head, _, _ = PG_BASE.rpartition("/")
    return f"{head}/{name}", name


def pg_drop(name: str) -> None:
    import psycopg

    base = PG_BASE.replace("postgresql+psycopg://", "postgresql://")
    for _ in range(30):
        try:
            with psycopg.connect(base, autocommit=True, connect_timeout=3) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            return
        except Exception:
            time.sleep(1)


def pg_available() -> str | None:
    try:
        import psycopg

        with psycopg.connect(PG_BASE.replace("postgresql+psycopg://", "postgresql://"), connect_timeout=2):
            return None
    except Exception as e:
        return f"PostgreSQL not reachable: {type(e).__name__}"


def pg_restart() -> None:
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart"],
        check=True, timeout=120, capture_output=True,
    )


def prepare_db(url: str) -> None:
    from storage.db import Database

    db = Database(url)
    db.upgrade()
    db.dispose()


def warm_nlu() -> float:
    """Train the NLU model once into MODEL_DIR (outside any timed part)."""
    t = time.monotonic()
    for attempt in range(3):  # a free port can be taken between choosing and binding it
        with tempfile.TemporaryDirectory() as d:
            port = free_port()
            app = App(app_env(f"sqlite:///{d}/warm.db", "http://127.0.0.1:9", port), port)
            try:
                app.start(timeout=600)
            except RuntimeError:
                if attempt == 2:
                    raise
                continue
            app.stop()
            break
    return time.monotonic() - t


def postgres_cpu_seconds() -> float:
    """CPU seconds of all PostgreSQL server processes (to show the database's share)."""
    total = 0.0
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/comm") as f:
                    if f.read().strip() != "postgres":
                        continue
            except OSError:
                continue
            total += cpu_seconds(int(entry))
    return total


# --- metrics -----------------------------------------------------------------------------


def histogram(text: str, name: str) -> list[tuple[float, float]]:
    """Cumulative buckets (le, count) of the first occurrence of a histogram."""
    seen: dict[float, float] = {}
    for line in text.splitlines():
        if not line.startswith(name + "_bucket{"):
            continue
        labels, _, value = line.rpartition(" ")
        le = labels.split('le="', 1)[1].split('"', 1)[0]
        key = float("inf") if le == "+Inf" else float(le)
        if key not in seen:  # multiprocess output first, the worker's own copy after it
            seen[key] = float(value)
    return sorted(seen.items())


def hist_diff(after: list[tuple[float, float]], before: list[tuple[float, float]]) -> list[tuple[float, float]]:
    b = dict(before)
    return [(le, c - b.get(le, 0.0)) for le, c in after]


def hist_quantile(buckets: list[tuple[float, float]], q: float) -> float | None:
    """Prometheus' histogram_quantile: linear within the bucket."""
    if not buckets or buckets[-1][1] <= 0:
        return None
    total = buckets[-1][1]
    rank = q * total
    prev_le, prev_c = 0.0, 0.0
    for le, c in buckets:
        if c >= rank:
            if le == float("inf"):
                return prev_le
            if c == prev_c:
                return le
            return prev_le + (le - prev_le) * (rank - prev_c) / (c - prev_c)
        prev_le, prev_c = le, c
    return prev_le


def percentile(values: list[float], q: float) -> float | None:
    if not values:
        return None
    v = sorted(values)
    i = min(len(v) - 1, max(0, int(round(q * (len(v) - 1)))))
    return v[i]


# --- results -----------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "loadavg_at_write": open("/proc/loadavg").read().split()[:3],
        "commit": _git_head(),
    }


def _git_head() -> str | None:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                             text=True, timeout=10)
        return out.stdout.strip() or None
    except (OSError, subprocess.SubprocessError):
        return None


def write_result(name: str, data: dict[str, Any]) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps({"machine": machine(), **data}, indent=2, default=str) + "\n")
    return path


def table(rows: list[list[Any]], header: list[str]) -> str:
    cells = [[str(c) for c in header]] + [[("-" if c is None else str(c)) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths)) for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def wait_until(pred: Callable[[], bool], timeout: float, step: float = 0.5) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if pred():
            return True
        time.sleep(step)
    return pred()
