"""Benchmark the local NLU: training time, model size and memory, parse latency.

Run: ``.venv/bin/python benchmarks/nlu_bench.py [--messages 3000] [--clock cpu]``. Pins itself to one
CPU where the OS allows, warms up, then times ``LocalNLU.understand`` (crisis check,
control words, small talk, language and topics) on realistic messages: the training
and crisis-evaluation sentences, plus variants with typos, shouting and two needs in
one message. Caches are cleared before each parse so every parse is a first sight.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from nlu.classifier import MODEL_FILE, TopicClassifier, load_or_train
from nlu.crisis import clear_cache as clean_cache_clear
from nlu.crisis import detect as detect_crisis
from nlu.evaluate import CRISIS_EVAL
from nlu.service import LocalNLU
from nlu.text import normalize
from nlu.training_data import load_examples


def _typo(text: str, rng: random.Random) -> str:
    chars = list(text)
    for _ in range(max(1, len(chars) // 25)):
        i = rng.randrange(len(chars))
        op = rng.choice("dsr")
        if op == "d":
            del chars[i]
        elif op == "s" and i + 1 < len(chars):
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        else:
            chars[i] = rng.choice("aeiounst")
        if not chars:
            break
    return "".join(chars) or text


def messages(n: int, seed: int = 7) -> list[str]:
    """``n`` realistic messages built from the training and crisis evaluation data."""
    rng = random.Random(seed)
    base = [e.text for e in load_examples()]
    doc = yaml.safe_load(CRISIS_EVAL.read_text(encoding="utf-8"))
    base += [t for texts in doc["positives"].values() for t in texts] + list(doc["near_misses"])
    base += ["ja", "nee dank je", "stop", "hallo", "1", "volgende week", "mens", "ok"]
    out: list[str] = []
    while len(out) < n:
        a = rng.choice(base)
        kind = rng.random()
        if kind < 0.4:
            out.append(a)
        elif kind < 0.6:
            out.append(_typo(a, rng))
        elif kind < 0.7:
            out.append(a.upper())
        else:
            out.append(f"{a}. {rng.choice(base)}")
    return out


def _forget_texts() -> None:
    """Clear every cache of text seen before, so that the next parse is a first sight."""
    normalize.cache_clear()
    clean_cache_clear()
    respelled = getattr(sys.modules.get("nlu.dialect"), "_respell_word", None)
    if respelled is not None:  # dialect respelling of unknown words (topics only)
        respelled.cache_clear()


def _rss_mb() -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=3000)
    parser.add_argument(
        "--clock",
        choices=("wall", "cpu"),
        default="wall",
        help="time parses by the wall clock (default) or by this thread's CPU time, "
        "which leaves out waiting for a core on a busy machine",
    )
    args = parser.parse_args()
    clock = time.perf_counter if args.clock == "wall" else time.thread_time
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    texts = messages(args.messages)
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        load_or_train(tmp, retrain=True)
        train_s = time.perf_counter() - started
        size_mb = (Path(tmp) / MODEL_FILE).stat().st_size / 1e6

        rss_before = _rss_mb()
        tracemalloc.start()
        model = TopicClassifier.load(tmp)
        traced_mb = tracemalloc.get_traced_memory()[0] / 1e6
        tracemalloc.stop()
        rss_after = _rss_mb()
    assert model is not None
    nlu = LocalNLU(model)

    for t in texts[:500]:  # warm-up
        nlu.understand(t)
    timings: list[float] = []
    best: list[float] = []  # per message, best of 3: without scheduler noise
    for t in texts:
        runs = []
        for _ in range(3):
            _forget_texts()
            started = clock()
            nlu.understand(t)
            runs.append((clock() - started) * 1000)
        timings.append(runs[0])
        best.append(min(runs))
    crisis_best: list[float] = []  # the crisis check alone, best of 3 per message
    for t in texts:
        runs = []
        for _ in range(3):
            _forget_texts()
            started = clock()
            detect_crisis(t)
            runs.append((clock() - started) * 1000)
        crisis_best.append(min(runs))
    crisis_best.sort()
    timings.sort()
    best.sort()
    p = lambda q: timings[min(len(timings) - 1, int(len(timings) * q))]
    b = lambda q: best[min(len(best) - 1, int(len(best) * q))]

    rows = [
        ("messages parsed", f"{len(timings)}"),
        ("parse p50", f"{p(0.50):.3f} ms"),
        ("parse p90", f"{p(0.90):.3f} ms"),
        ("parse p99", f"{p(0.99):.3f} ms"),
        ("parse max", f"{timings[-1]:.3f} ms"),
        ("parse p50, best of 3 per message", f"{b(0.50):.3f} ms"),
        ("parse p95, best of 3 per message", f"{b(0.95):.3f} ms"),
        ("parse p99, best of 3 per message", f"{b(0.99):.3f} ms"),
        ("parse mean", f"{statistics.fmean(timings):.3f} ms"),
        ("crisis check alone, mean / p99 (best of 3)", (
            f"{statistics.fmean(crisis_best):.3f} / "
            f"{crisis_best[min(len(crisis_best) - 1, int(len(crisis_best) * 0.99))]:.3f} ms"
        )),
        ("training time", f"{train_s:.2f} s"),
        ("model file", f"{size_mb:.1f} MB"),
        ("model memory (tracemalloc)", f"{traced_mb:.1f} MB"),
        ("RSS added by loading", f"{rss_after - rss_before:.1f} MB"),
        ("parse clock", args.clock),
        ("load average (1 min)", f"{os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs"),
    ]
    width = max(len(k) for k, _ in rows)
    print(f"{'metric':<{width}}  value")
    print(f"{'-' * width}  {'-' * 12}")
    for key, value in rows:
        print(f"{key:<{width}}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
