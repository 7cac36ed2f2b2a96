"""Instructions per turn, counted by valgrind: a measure a busy machine does not move.

CPU time per turn (``benchmarks.turn_cost``) varies by 20-40 % while other processes
share the cores. callgrind counts the instructions the process executes instead: the
same code gives the same count within ~0.3 %. The app is started twice under valgrind,
once with the warm-up turns only and once with N turns more; the difference divided by
N is the cost of a turn, start-up and warm-up excluded (about 50 times slower than
running natively: minutes, not seconds).

    python -m benchmarks.turn_instructions [--db sqlite|postgresql] [--turns N]
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.common import MODEL_DIR, ROOT, pg_create, pg_drop, warm_nlu, write_result
from benchmarks.loadgen import SCRIPTS


def _turns(url: str, warmup: int, turns: int) -> None:
    """The measured program: warm-up and turns in-process (as turn_cost runs them)."""
    from bot.messages import Channel, Inbound
    from bot.services import build_core
    from config.settings import load_settings

    settings = load_settings(environ={"DATABASE_URL": url, "NLU_MODEL_DIR": str(MODEL_DIR),
                                      "INBOUND_RATE_PER_MINUTE": "100000"})
    core = build_core(settings)
    texts = [t for s in SCRIPTS for t in s]
    ids = random.Random(1)  # the same provider ids in both runs
    for i in range(warmup + turns):
        inbound = Inbound(channel=Channel.SMS, address=f"+3163{i // len(texts):07d}",
                          text=texts[i % len(texts)], provider_id=f"SM{ids.getrandbits(128):032x}")
        core.pipeline.handle_sync(inbound)
    core.db.dispose()


def _count(db: str, warmup: int, turns: int) -> int:
    """Instructions of one run under callgrind (a fresh database each time)."""
    with tempfile.TemporaryDirectory() as d:
        name = None
        if db == "sqlite":
            url = f"sqlite:///{Path(d) / 'ti.db'}"
        else:
            url, name = pg_create()
        try:
            env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": "0"}
            out = subprocess.run(
                ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", sys.executable,
                 "-m", "benchmarks.turn_instructions", "--inner", url, str(warmup), str(turns)],
                cwd=ROOT, env=env, capture_output=True, text=True, check=True,
            )
        finally:
            if name:
                pg_drop(name)
    m = re.search(r"Collected : (\d+)", out.stderr)
    if m is None:
        raise RuntimeError("callgrind printed no count:\n" + out.stderr[-2000:])
    return int(m.group(1))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.turn_instructions")
    p.add_argument("--db", choices=["sqlite", "postgresql"], default="sqlite")
    p.add_argument("--turns", type=int, default=400)
    p.add_argument("--warmup", type=int, default=50)
    p.add_argument("--inner", nargs=3, metavar=("URL", "WARMUP", "TURNS"), help=argparse.SUPPRESS)
    args = p.parse_args(argv)
    if args.inner:
        url, warmup, turns = args.inner
        _turns(url, int(warmup), int(turns))
        return 0
    if shutil.which("valgrind") is None:
        print("valgrind is not installed", file=sys.stderr)
        return 2
    warm_nlu()
    base = _count(args.db, args.warmup, 0)
    full = _count(args.db, args.warmup, args.turns)
    per_turn = (full - base) / args.turns
    print(f"{args.db}: {per_turn / 1e6:.2f} M instructions per turn "
          f"({args.turns} turns after {args.warmup} of warm-up)")
    r = {"db": args.db, "turns": args.turns, "warmup": args.warmup,
         "instructions_per_turn": round(per_turn), "instructions_startup": base}
    print("written", write_result(f"turn-instructions-{args.db}",
                                  {"benchmark": "turn_instructions", "result": r}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
