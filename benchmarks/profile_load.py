"""Profile the app under load with py-spy (``pip install py-spy`` into .venv).

    python -m benchmarks.profile_load [--seconds 15] [--out benchmarks/results/profile-sqlite.txt]
                                      [--turn-process [--target web|turn]]

Starts SQLite + one worker + fake Twilio, drives the load generator, and records
``py-spy record --format raw`` (collapsed stacks) of the app process (with
``--turn-process``: the web process, or its turn process with ``--target turn``);
prints the functions with the most samples (own and cumulative).
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from benchmarks.common import App, TwilioProc, app_env, descendants, prepare_db, warm_nlu
from benchmarks.loadgen import LoadGen
from tests.support.server import free_port


def main_thread_share(collapsed: Path, needles: list[str]) -> str:
    """Of the event loop thread's samples (stacks through uvicorn's Server.run), the
    share inside each needle: time the loop could not serve requests."""
    loop = 0
    hits = {n: 0 for n in needles}
    for line in collapsed.read_text().splitlines():
        stack, _, n = line.rpartition(" ")
        if not n.isdigit() or "Server.run (uvicorn" not in stack:
            continue
        loop += int(n)
        for needle in needles:
            if needle in stack:
                hits[needle] += int(n)
    out = [f"event loop thread samples {loop}"]
    out += [f"{100 * h / max(loop, 1):5.1f}%  in {needle}" for needle, h in hits.items()]
    return "\n".join(out)


def summarise(collapsed: Path, top: int = 40) -> str:
    own: collections.Counter[str] = collections.Counter()
    cum: collections.Counter[str] = collections.Counter()
    total = 0
    for line in collapsed.read_text().splitlines():
        stack, _, n = line.rpartition(" ")
        if not n.isdigit():
            continue
        k = int(n)
        frames = stack.split(";")
        total += k
        own[frames[-1]] += k
        for f in set(frames):
            cum[f] += k
    out = [f"total samples {total}", "", "cumulative:"]
    out += [f"{100*c/total:5.1f}%  {f}" for f, c in cum.most_common(top)]
    out += ["", "own:"] + [f"{100*c/total:5.1f}%  {f}" for f, c in own.most_common(top)]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--seconds", type=int, default=15)
    p.add_argument("--out", default="benchmarks/results/profile-sqlite.txt")
    p.add_argument("--idle", action="store_true", help="include idle threads")
    p.add_argument("--gil", action="store_true", help="only samples holding the GIL (where Python CPU goes)")
    p.add_argument("--concurrency", type=int, default=16)
    p.add_argument("--keep-raw", help="copy the collapsed stacks to this file")
    p.add_argument("--rate", type=float, help="pace the load to this many msg/s")
    p.add_argument("--sample-rate", type=int, default=200, help="py-spy samples per second")
    p.add_argument("--turn-process", action="store_true", help="TURN_PROCESS=true")
    p.add_argument("--target", choices=["web", "turn"], default="web",
                   help="with --turn-process: which process to record")
    args = p.parse_args(argv)
    warm_nlu()
    work = Path(tempfile.mkdtemp(prefix="voordeur-prof-"))
    url = f"sqlite:///{work / 'p.db'}"
    prepare_db(url)
    port = free_port()
    with TwilioProc() as tw:
        extra = {"TURN_PROCESS": "true"} if args.turn_process else {}
        app = App(app_env(url, tw.url, port, **extra), port, log=work / "app.log").start()
        try:
            gen = LoadGen(port, conversations=500, concurrency=args.concurrency, retry_for=10,
                          rate=args.rate)
            raw = work / "stacks.txt"
            pid = app.pid
            if args.turn_process and args.target == "turn":
                pid = descendants(app.pid)[0]
            cmd = [str(Path(sys.executable).parent / "py-spy"), "record", "--pid", str(pid),
                   "--duration", str(args.seconds), "--format", "raw", "--output", str(raw),
                   "--rate", str(args.sample_rate)]
            if args.idle:
                cmd.append("--idle")
            if args.gil:
                cmd.append("--gil")
            t = threading.Thread(target=subprocess.run, args=(cmd,), kwargs={"capture_output": True, "timeout": args.seconds + 60})
            t.start()
            asyncio.run(gen.run(args.seconds + 1))
            t.join()
        finally:
            app.stop()
    text = summarise(raw)
    text += "\n\n" + main_thread_share(raw, ["Dispatcher._finish", "Dispatcher._retry", "_on_begin", "do_execute",
                                             "Metrics.render", "EpollSelector.select"])
    Path(args.out).write_text(text + "\n")
    print(text)
    if args.keep_raw:
        shutil.copy(raw, args.keep_raw)
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
