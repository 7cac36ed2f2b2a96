"""Load and memory: signed Twilio SMS webhooks against a running `voordeur run`.

Scenarios: (a) SQLite, one worker; (b) PostgreSQL, ``--workers 2``. For each: RSS idle,
a short warm-up, then a measured closed-loop run (``--concurrency`` webhooks in flight,
one per conversation at most) reporting sustained inbound messages per second, the
webhook round trip (p50/p99, measured by the generator: request written -> 200 read,
which includes signature check, storing the inbound, NLU, dialog and storing the replies
in the outbox) and ``voordeur_turn_seconds`` from /metrics (pipeline only: lock wait,
store, turn; no HTTP, no signature). RSS is sampled every second and summed over all
processes of the app (uvicorn's supervisor and its workers).

    python -m benchmarks.load [--quick] [--only sqlite|postgresql] [--duration S] [--turn-process]

``--turn-process`` runs the app with TURN_PROCESS=true (turns in a child process).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks.common import (
    App,
    TwilioProc,
    app_env,
    cpu_seconds,
    hist_diff,
    hist_quantile,
    histogram,
    memory,
    percentile,
    pg_available,
    pg_create,
    pg_drop,
    postgres_cpu_seconds,
    prepare_db,
    table,
    warm_nlu,
    write_result,
)
from benchmarks.loadgen import LoadGen
from tests.support.server import free_port


def _ms(v: float | None) -> float | None:
    return None if v is None else round(v * 1000, 1)


def outbox_counts(url: str) -> dict[str, int]:
    from sqlalchemy import func, select

    from storage.db import Database
    from storage.models import OutboxRow

    db = Database(url)
    try:
        with (db.reader() if hasattr(db, "reader") else db.session()) as s:
            return {k: int(v) for k, v in s.execute(
                select(OutboxRow.status, func.count()).group_by(OutboxRow.status)).all()}
    finally:
        db.dispose()


async def _sampled_run(gen: LoadGen, app: App, duration: float) -> dict[str, Any]:
    samples: list[float] = []
    stop = asyncio.Event()

    async def sampler() -> None:
        while not stop.is_set():
            samples.append(memory(app)["total_mb"])
            try:
                await asyncio.wait_for(stop.wait(), 1.0)
            except TimeoutError:
                pass

    task = asyncio.create_task(sampler())
    await gen.run(duration)
    stop.set()
    await task
    return {"rss_samples_mb": samples}


class _Syscalls:
    """``perf stat`` counting system calls and context switches of each process."""

    EVENTS = "raw_syscalls:sys_enter,context-switches"

    def __init__(self, pids: list[int]) -> None:
        import subprocess

        self.procs = {
            p: subprocess.Popen(["perf", "stat", "-x", ",", "-e", self.EVENTS, "-p", str(p)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            for p in pids
        }

    def stop(self) -> dict[int, dict[str, float]]:
        import signal

        out: dict[int, dict[str, float]] = {}
        for p, proc in self.procs.items():
            proc.send_signal(signal.SIGINT)
            _, err = proc.communicate(timeout=30)
            got: dict[str, float] = {}
            for line in err.splitlines():
                fields = line.split(",")
                if len(fields) > 2 and fields[0].replace(".", "").isdigit():
                    got["syscalls" if "sys_enter" in fields[2] else "context_switches"] = float(fields[0])
            out[p] = got
        return out


def run_scenario(name: str, url: str, workers: int, args: argparse.Namespace, workdir: Path) -> dict[str, Any]:
    prepare_db(url)
    port = free_port()
    extra: dict[str, str] = {"BENCH_PATCH": args.patch} if args.patch else {}
    if args.turn_process:
        extra["TURN_PROCESS"] = "true"
    if workers > 1:
        mp = workdir / f"prom-{name}"
        mp.mkdir(exist_ok=True)
        extra["PROMETHEUS_MULTIPROC_DIR"] = str(mp)
    with TwilioProc() as tw:
        app = App(app_env(url, tw.url, port, **extra), port, workers=workers, log=workdir / f"{name}.log")
        app.start()
        try:
            time.sleep(3)
            idle = memory(app)
            gen = LoadGen(port, conversations=args.conversations, concurrency=args.concurrency,
                          rate=args.rate, retry_for=10)
            asyncio.run(gen.run(args.warmup))
            before = histogram(app.metrics(), "voordeur_turn_seconds")
            per0 = {p: cpu_seconds(p) for p in app.pids()}
            tw0 = cpu_seconds(tw.proc.pid)
            cpu_app0 = sum(per0.values())
            cpu_pg0 = postgres_cpu_seconds()
            ru0 = resource.getrusage(resource.RUSAGE_SELF)
            n0 = len(gen.sent)
            delivered0 = len(tw.messages())
            counters = _Syscalls([*app.pids(), tw.proc.pid]) if args.syscalls else None
            t0 = time.monotonic()
            sampled = asyncio.run(_sampled_run(gen, app, args.duration))
            t1 = time.monotonic()
            counted = counters.stop() if counters is not None else {}
            ru1 = resource.getrusage(resource.RUSAGE_SELF)
            per1 = {p: cpu_seconds(p) for p in app.pids()}
            tw1 = cpu_seconds(tw.proc.pid)
            cpu_app1 = sum(per1.values())
            cpu_pg1 = postgres_cpu_seconds()
            after = histogram(app.metrics(), "voordeur_turn_seconds")
            load_mem = memory(app)
            sent = gen.sent[n0:]
            acked = [s for s in sent if s.acked]
            rtts = [s.rtt for s in acked if s.rtt is not None]
            failed = [s for s in sent if not s.acked]
            elapsed = t1 - t0
            turn = hist_diff(after, before)
            delivered = len(tw.messages())
        finally:
            app.stop()
    outbox = outbox_counts(url)
    gen_cpu = (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)
    return {
        "scenario": name,
        "workers": workers,
        "conversations": args.conversations,
        "concurrency": args.concurrency,
        "target_rate": args.rate,
        "duration_s": round(elapsed, 1),
        "inbound_acked": len(acked),
        "inbound_not_acked": len(failed),
        "not_acked_statuses": sorted({str(x) for s in failed for x in s.statuses})[:10],
        "msg_per_s": round(len(acked) / elapsed, 1),
        "webhook_rtt_ms": {"p50": _ms(percentile(rtts, 0.5)), "p90": _ms(percentile(rtts, 0.9)),
                           "p99": _ms(percentile(rtts, 0.99)), "max": _ms(max(rtts) if rtts else None)},
        "turn_seconds_ms": {"p50": _ms(hist_quantile(turn, 0.5)), "p99": _ms(hist_quantile(turn, 0.99)),
                            "count": turn[-1][1] if turn else 0,
                            "buckets": [[le, c] for le, c in turn]},
        "cpu": {"app_cores": round((cpu_app1 - cpu_app0) / elapsed, 2),
                "generator_cores": round(gen_cpu / elapsed, 2),
                "postgres_cores": round((cpu_pg1 - cpu_pg0) / elapsed, 2) if workers > 1 else None,
                "fake_twilio_cores": round((tw1 - tw0) / elapsed, 2),
                # The benchmark's own helpers share the cores: what they cost per message.
                "generator_cpu_ms_per_msg": round(1000 * gen_cpu / max(len(acked), 1), 2),
                "fake_twilio_cpu_ms_per_msg": round(1000 * (tw1 - tw0) / max(len(acked), 1), 2),
                "app_cpu_ms_per_msg": round(1000 * (cpu_app1 - cpu_app0) / max(len(acked), 1), 1),
                # Per process (web process, its turn process, uvicorn's workers): which
                # one is the limit.
                "cpu_ms_per_msg_by_process": {str(p): round(1000 * (per1[p] - per0.get(p, 0.0))
                                                            / max(len(acked), 1), 2) for p in per1},
                "loadavg_after": open("/proc/loadavg").read().split()[:3]},
        # System calls and context switches per acknowledged message, by process (perf):
        # a socket write or a thread hand-off costs the same on a busy machine.
        "per_msg_by_process": {str(p): {k: round(v / max(len(acked), 1), 2) for k, v in c.items()}
                               for p, c in counted.items()},
        "rss_idle": idle,
        "rss_load": load_mem,
        "rss_load_max_mb": max(sampled["rss_samples_mb"]) if sampled["rss_samples_mb"] else None,
        "outbox_after": outbox,
        "fake_twilio_received": delivered,
        # No send limit in the benchmark (app_env): this is what the outbox kept up with.
        "outbox_sent_per_s_during_load": round((delivered - delivered0) / elapsed, 1),
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.load", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true", help="short runs (10 s)")
    p.add_argument("--only", choices=["sqlite", "postgresql"])
    p.add_argument("--duration", type=float)
    p.add_argument("--warmup", type=float, default=5.0)
    p.add_argument("--conversations", type=int, default=500)
    p.add_argument("--concurrency", type=int, default=16)
    p.add_argument("--rate", type=float, default=None, help="pace to this many msg/s (default: as fast as acked)")
    p.add_argument("--turn-process", action="store_true", help="TURN_PROCESS=true (turns in a child process)")
    p.add_argument("--syscalls", action="store_true",
                   help="count system calls and context switches per message with perf")
    p.add_argument("--patch", default="", help="benchmark-only experiment: sqlite_write_lock,indexes")
    args = p.parse_args(argv)
    if args.duration is None:
        args.duration = 10.0 if args.quick else 40.0
    if args.quick:
        args.warmup = min(args.warmup, 3.0)
    print(f"NLU model ready in {warm_nlu():.1f}s")
    workdir = Path(tempfile.mkdtemp(prefix="voordeur-bench-load-"))
    results: list[dict[str, Any]] = []
    try:
        if args.only in (None, "sqlite"):
            results.append(run_scenario("sqlite-1-worker", f"sqlite:///{workdir / 'load.db'}", 1, args, workdir))
        if args.only in (None, "postgresql"):
            reason = pg_available()
            if reason:
                results.append({"scenario": "postgresql-2-workers", "skipped": reason})
            else:
                url, name = pg_create()
                try:
                    results.append(run_scenario("postgresql-2-workers", url, 2, args, workdir))
                finally:
                    pg_drop(name)
    finally:
        if not os.environ.get("BENCH_KEEP"):
            shutil.rmtree(workdir, ignore_errors=True)
        else:
            print(f"kept {workdir}")
    rows = []
    for r in results:
        if "skipped" in r:
            rows.append([r["scenario"], "skipped: " + r["skipped"]] + [None] * 10)
            continue
        rows.append([r["scenario"], r["msg_per_s"], r["webhook_rtt_ms"]["p50"], r["webhook_rtt_ms"]["p99"],
                     r["turn_seconds_ms"]["p50"], r["turn_seconds_ms"]["p99"], r["inbound_not_acked"],
                     r["rss_idle"]["total_mb"], r["rss_load_max_mb"],
                     f'{r["cpu"]["app_cores"]}/{r["cpu"]["generator_cores"]}',
                     r["outbox_sent_per_s_during_load"], r["outbox_after"].get("queued", 0)])
        print(f'{r["scenario"]}: CPU ms per message by process {r["cpu"]["cpu_ms_per_msg_by_process"]}, '
              f'load generator {r["cpu"]["generator_cpu_ms_per_msg"]}, fake Twilio {r["cpu"]["fake_twilio_cpu_ms_per_msg"]}')
        if r["per_msg_by_process"]:
            print(f'{r["scenario"]}: per message by process {r["per_msg_by_process"]} (the last: fake Twilio)')
    print(table(rows, ["scenario", "msg/s", "rtt p50 ms", "rtt p99 ms", "turn p50 ms", "turn p99 ms",
                       "not acked", "RSS idle MB", "RSS load MB", "CPU app/gen",
                       "sent/s", "left queued"]))
    name = "load-quick" if args.quick else "load"
    if args.rate:
        name += f"-rate{int(args.rate)}"
    if args.concurrency != 16:
        name += f"-c{args.concurrency}"
    if args.turn_process:
        name += "-turn-process"
        for r in results:
            r["turn_process"] = True
    if args.patch:
        name += "-patch-" + args.patch.replace(",", "-")
        for r in results:
            r["patch"] = args.patch
    print("written", write_result(name, {"benchmark": "load", "quick": args.quick, "results": results}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
