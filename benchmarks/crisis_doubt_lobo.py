"""Where "Not sure: ask" should start, judged leave-one-batch-out.

Run: ``python -m benchmarks.crisis_doubt_lobo [--scored lobo.json] [--json out.json]``
(about four minutes on two cores; with ``--scored`` the output of
``python -m benchmarks.crisis_lobo --json`` is read instead of training again).

The dialog asks one safety question (:mod:`nlu.crisis_doubt`) when the crisis check
found nothing but

* a phrase of :data:`nlu.crisis_doubt.PHRASES` is the message or its last clause
  (asked wherever it is written), or
* the crisis model scores the message in ``[band start, THRESHOLD)`` and the message
  stands on its own (a first message, the ask, "hoe gaat het nu?").

Since round 16 the model trains on every batch, so the band cannot be judged on batches
it saw: each crisis batch is scored by a model trained on all the others
(:func:`benchmarks.crisis_lobo.lobo`), pooled as there (dev, retired, fresh). For each band start the report gives

* **missed asked**: of the crises the check (rules + model at the threshold) missed,
  how many would get the question;
* **look-alikes asked**: of the near misses the check left quiet, the share that would;
* **first messages asked**: the share of ordinary first messages that would: the topic
  examples of ``nlu.yml`` scored by 5-fold cross-validation (a model that never saw
  them), and any extra topic files given with ``--topics`` (scored by the model trained
  on everything, which never saw them either, as long as they are not folded in yet).

Look-alikes and first messages both stand on their own, so the band applies to all of
them. The held-out batches are never read.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.crisis_lobo import (
    DEV_BATCHES,
    FRESH_BATCHES,
    RETIRED_BATCHES,
    Scored,
    batch_texts,
    lobo,
    score_texts,
    verdict,
    write_scored,
)
from nlu.crisis import DOUBT_FROM
from nlu.crisis_doubt import doubt
from nlu.crisis_model import THRESHOLD, CrisisModel, nlu_texts
from nlu.training_data import load_examples

__all__ = ["BANDS", "Asked", "asked", "extra_batches", "first_messages", "main"]

#: Band starts compared (the band ends at the model's threshold).
BANDS = (0.5, 0.55, 0.6, 0.65, 0.7)


@dataclass(frozen=True, slots=True)
class Asked:
    """At one band start: how many texts the check left quiet, and how many of them
    the phrases, the model band and either would ask about."""

    quiet: int
    total: int
    phrase: int
    band: int
    either: int

    def share(self, n: int) -> float:
        return n / self.quiet if self.quiet else 0.0


def _leans(s: Scored, start: float) -> bool:
    return s.rule is None and s.model is not None and start <= s.model[0] < THRESHOLD


def asked(scored: Iterable[Scored], start: float, *, gold: str) -> Asked:
    """Texts of ``gold`` ("crisis" or "none") the check left quiet, and which get a question."""
    quiet = phrase = band = either = total = 0
    for s in scored:
        if (s.gold == "none") != (gold == "none"):
            continue
        total += 1
        if verdict(s, THRESHOLD) is not None:
            continue
        quiet += 1
        p = doubt(s.text) is not None
        b = _leans(s, start)
        phrase += p
        band += b
        either += p or b
    return Asked(quiet, total, phrase, band, either)


def first_messages(batches: Sequence[Path], topic_files: Sequence[Path], folds: int = 5) -> dict[str, list[Scored]]:
    """Ordinary first messages scored by models that never saw them (see the module doc)."""
    crisis_t: list[str] = []
    crisis_l: list[str] = []
    for path in batches:
        t, lab = batch_texts(path)
        crisis_t += t
        crisis_l += lab
    nlu_t, nlu_l = nlu_texts()
    topical = {e.text for e in load_examples() if e.intent not in ("crisis", "other")}
    out: dict[str, list[Scored]] = {"nlu.yml topics (CV)": []}
    for k in range(folds):
        keep = [i for i in range(len(nlu_t)) if i % folds != k or nlu_l[i] != "none"]
        test = [i for i in range(len(nlu_t)) if i % folds == k and nlu_t[i] in topical]
        model = CrisisModel.train(data=(crisis_t + [nlu_t[i] for i in keep], crisis_l + [nlu_l[i] for i in keep]))
        out["nlu.yml topics (CV)"] += score_texts([nlu_t[i] for i in test], ["none"] * len(test), model)
    if topic_files:
        full = CrisisModel.train(data=(crisis_t + nlu_t, crisis_l + nlu_l))
        for path in topic_files:
            texts = [e.text for e in load_examples(path) if e.intent not in ("crisis", "other")]
            out[path.name] = score_texts(texts, ["none"] * len(texts), full)
    return out


def extra_batches(names: Sequence[str]) -> tuple[Path, ...]:
    return tuple(Path(n) for n in names)


def _row(label: str, a: Asked, what: str) -> str:
    return (
        f"  {label:<22} {a.quiet:5d} quiet of {a.total:5d} {what}: phrases {a.phrase:4d} ({a.share(a.phrase):6.1%}), "
        f"band {a.band:4d} ({a.share(a.band):6.1%}), either {a.either:4d} ({a.share(a.either):6.1%})"
    )


def report(scored: dict[str, list[Scored]], ordinary: dict[str, list[Scored]], new: Sequence[str] = ()) -> list[str]:
    dev_names = {p.name for p in DEV_BATCHES}
    retired_names = {p.name for p in RETIRED_BATCHES}
    fresh_names = {p.name for p in FRESH_BATCHES}
    pools = {
        "retired": [s for n, rows in scored.items() if n in retired_names for s in rows],
        "dev": [s for n, rows in scored.items() if n in dev_names for s in rows],
        "fresh": [s for n, rows in scored.items() if n in fresh_names for s in rows],
        **{n: scored[n] for n in new if n in scored},
    }
    lines = [f"Not sure: ask, LOBO (the check at {THRESHOLD}; shipped band start {DOUBT_FROM})"]
    for start in BANDS:
        lines.append(f"band from {start}:")
        for name, rows in pools.items():
            lines.append(_row(f"{name} crises", asked(rows, start, gold="crisis"), "missed"))
            lines.append(_row(f"{name} look-alikes", asked(rows, start, gold="none"), "near misses"))
        for name, rows in ordinary.items():
            lines.append(_row(name, asked(rows, start, gold="none"), "first msgs"))
    return lines


def _load_scored(path: Path) -> dict[str, list[Scored]]:
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {
        name: [Scored(t, g, r, None if m is None else (float(m[0]), str(m[1]))) for t, g, r, m in rows]
        for name, rows in raw.items()
        if name.startswith("crisis_")
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.crisis_doubt_lobo", description=__doc__)
    p.add_argument("--scored", help="LOBO readings from `python -m benchmarks.crisis_lobo --json`")
    p.add_argument("--batch", action="append", default=[], help="an extra crisis batch (a new writer) for LOBO")
    p.add_argument("--topics", action="append", default=[], help="a topic file (Rasa 3) of first messages not trained on")
    p.add_argument("--json", help="write the readings to this file")
    args = p.parse_args(argv)
    started = time.perf_counter()
    batches = DEV_BATCHES + RETIRED_BATCHES + FRESH_BATCHES + extra_batches(args.batch)
    if args.scored:
        scored = _load_scored(Path(args.scored))
    else:
        scored = lobo(batches, lambda data: CrisisModel.train(data=data), progress=lambda m: print(m, file=sys.stderr))
    ordinary = first_messages(batches, [Path(t) for t in args.topics])
    print("\n".join(report(scored, ordinary, [Path(b).name for b in args.batch])))
    print(f"({time.perf_counter() - started:.0f} s)")
    if args.json:
        write_scored(Path(args.json), {**scored, **ordinary})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
