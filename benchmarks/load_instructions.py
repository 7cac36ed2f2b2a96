"""Instructions per inbound message in the web process (``TURN_PROCESS=true``), by valgrind.

CPU time per message from ``benchmarks.load`` moves by 10-20 % when other processes
share the cores; an instruction count does not. The web process runs under callgrind
with instrumentation off (start-up at a few times native speed); after a warm-up the
count is switched on, the load generator sends signed SMS webhooks at a steady rate for
a while, and the count is dumped. The turn process and the fake Twilio run natively.
Everything the web process does is counted: the webhooks, handing them over, sending
the replies to the fake Twilio, the scheduler's ticks. Under callgrind the web process
runs ~50 times slower, so the rate is low and the dispatcher sends about one reply per
pass (at 300 msg/s it claims several at a time).

    python -m benchmarks.load_instructions [--rate 8] [--seconds 60]
"""

from __future__ import annotations

import argparse
import asyncio
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from benchmarks.common import ROOT, TwilioProc, app_env, prepare_db, warm_nlu, write_result
from benchmarks.loadgen import LoadGen
from tests.support.server import free_port


def _wait_ready(url: str, proc: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the app exited with {proc.returncode}")
        try:
            if httpx.get(f"{url}/readyz", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(1)
    raise RuntimeError("the app did not become ready under valgrind")


def _dumped(out_dir: Path) -> int:
    total = 0
    for path in glob.glob(str(out_dir / "cg.*")):
        text = Path(path).read_text(errors="replace")
        m = re.search(r"^(?:summary|totals): (\d+)", text, re.MULTILINE)
        if m:
            total += int(m.group(1))
    return total


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.load_instructions")
    p.add_argument("--rate", type=float, default=8.0, help="webhooks per second")
    p.add_argument("--seconds", type=float, default=60.0, help="counted period")
    p.add_argument("--warmup", type=float, default=15.0)
    args = p.parse_args(argv)
    if shutil.which("valgrind") is None or shutil.which("callgrind_control") is None:
        print("valgrind (callgrind_control) is not installed", file=sys.stderr)
        return 2
    warm_nlu()
    work = Path(tempfile.mkdtemp(prefix="voordeur-load-instr-"))
    url = f"sqlite:///{work / 'li.db'}"
    prepare_db(url)
    port = free_port()
    try:
        with TwilioProc() as tw:
            env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "0",
                   **app_env(url, tw.url, port, TURN_PROCESS="true")}
            cmd = ["valgrind", "--tool=callgrind", "--instr-atstart=no",
                   f"--callgrind-out-file={work / 'cg.%p'}", sys.executable,
                   "-m", "bot.cli", "run", "--port", str(port)]
            log = open(work / "app.log", "wb")  # noqa: SIM115 - the child writes it
            proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
            try:
                _wait_ready(f"http://127.0.0.1:{port}", proc, 900)
                gen = LoadGen(port, conversations=200, concurrency=4, rate=args.rate, retry_for=30,
                              request_timeout=60)
                asyncio.run(gen.run(args.warmup))
                time.sleep(2)
                subprocess.run(["callgrind_control", "-i", "on", str(proc.pid)], check=True,
                               capture_output=True)
                n0 = len([s for s in gen.sent if s.acked])
                asyncio.run(gen.run(args.seconds))
                time.sleep(2)  # replies of the last webhooks go out
                n = len([s for s in gen.sent if s.acked]) - n0
                subprocess.run(["callgrind_control", "-d", str(proc.pid)], check=True,
                               capture_output=True)
                time.sleep(2)
                instructions = _dumped(work)
            finally:
                proc.terminate()
                try:
                    proc.wait(timeout=120)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
    finally:
        if not os.environ.get("BENCH_KEEP"):
            shutil.rmtree(work, ignore_errors=True)
    per = instructions / max(n, 1)
    print(f"web process: {per / 1e6:.3f} M instructions per inbound message "
          f"({n} messages at {args.rate}/s, {instructions / 1e6:.0f} M in all)")
    r = {"rate": args.rate, "seconds": args.seconds, "messages": n, "instructions": instructions,
         "instructions_per_message": round(per)}
    print("written", write_result("load-instructions", {"benchmark": "load_instructions", "result": r}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
