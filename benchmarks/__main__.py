"""Run every benchmark: ``python -m benchmarks [--quick]`` (``make bench``).

Order: load and memory, faults, follow-ups at scale, turn cost. Each writes its JSON
to benchmarks/results/ and prints a small table. ``--only NAME`` runs one of them.
"""

from __future__ import annotations

import argparse
import time

from benchmarks import faults, followups, load, turn_cost

BENCHMARKS = {
    "load": load.main,
    "faults": faults.main,
    "followups": followups.main,
    "turn_cost": turn_cost.main,
}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    p.add_argument("--quick", action="store_true", help="shorter runs (a few minutes in all)")
    p.add_argument("--only", choices=sorted(BENCHMARKS))
    args = p.parse_args(argv)
    failed = []
    for name, fn in BENCHMARKS.items():
        if args.only and name != args.only:
            continue
        print(f"\n=== {name} ===", flush=True)
        t = time.monotonic()
        sub = ["--quick"] if args.quick and name != "turn_cost" else []
        if name == "turn_cost" and args.quick:
            sub = ["--messages", "200"]
        try:
            code = fn(sub)
        except Exception as e:  # one broken benchmark must not hide the others' results
            print(f"{name} failed: {type(e).__name__}: {e}")
            code = 1
        print(f"=== {name}: {time.monotonic() - t:.0f}s ===", flush=True)
        if code:
            failed.append(name)
    if failed:
        print("failed:", ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
