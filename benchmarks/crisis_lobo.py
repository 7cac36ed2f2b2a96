"""Leave-one-batch-out (LOBO) evaluation of the crisis detector: rules + model.

Run: ``python -m benchmarks.crisis_lobo [--json out.json]`` (about three minutes on two cores).

For each crisis batch B (``crisis_eval.yml``, ``crisis_dev.yml`` .. ``crisis_dev9.yml``,
the retired held-out batches ``crisis_retired*.yml`` and ``crisis_train7.yml``) the crisis model is trained on
every *other* batch plus ``nlu.yml`` (as in production) and B is scored with the rules
first and the model when the rules find nothing. Recall, false alarms on B's near misses
and wrong-kind counts are pooled in two groups:

* **dev** (``crisis_eval`` and the dev batches): the rules were tuned on these, so their
  share of the recall flatters the detector;
* **retired** (the old held-out batches): the rules were never tuned on them; this is the
  honest pool;
* **fresh** (``crisis_train7.yml`` on: training batches of new writers, round 17): never
  tuned on either; held out here, they say how the detector meets a new writer.

Ordinary messages are scored as well: every non-crisis example of ``nlu.yml`` by 5-fold
cross-validation (the model trained on all batches and the other folds), and, with the
model trained on everything, ``topic_eval.yml``, ``topic_dev.yml`` and the person-side
texts of the dialog test scripts (turns that do not expect a crisis reply). The report
gives how many of them the model raises and the highest model score among them: the
margin under the threshold.

The held-out batches (``crisis_holdout9.yml``, ``crisis_holdout10.yml``) are never read
here. Each text's model reading (score and kind, before the threshold) is kept, so any
threshold is evaluated without retraining (:func:`pooled`).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from nlu.crisis import model_reading, rule_kinds, taken_to_escape
from nlu.crisis_model import THRESHOLD, CrisisModel, batch_texts, nlu_texts

__all__ = [
    "DEV_BATCHES",
    "FRESH_BATCHES",
    "RETIRED_BATCHES",
    "Pool",
    "Scored",
    "lobo",
    "main",
    "ordinary_texts",
    "pooled",
    "score_batch",
    "score_ordinary",
]

DATA = ROOT / "nlu" / "data"
#: Batches the rules were tuned on (LOBO flatters the rules here).
DEV_BATCHES = tuple(
    DATA / name for name in ("crisis_eval.yml", "crisis_dev.yml", *(f"crisis_dev{n}.yml" for n in range(2, 10)))
)
#: Old held-out batches, retired into training in round 16 (the rules never saw them).
RETIRED_BATCHES = tuple(DATA / f"crisis_retired{n}.yml" for n in (1, 3, 4, 5, 6, 7, 8))
#: Training batches of new writers (round 17 on): never judges, never tuned on either.
FRESH_BATCHES = (DATA / "crisis_train7.yml",)
TOPIC_SETS = (DATA / "topic_eval.yml", DATA / "topic_dev.yml")
DIALOG_SCRIPTS = ROOT / "dialogs" / "scripts"
_CRISIS_REPLY = ("113", "112", "crisis", "Veilig Thuis")

Trainer = Callable[[tuple[list[str], list[str]]], CrisisModel]


@dataclass(frozen=True, slots=True)
class Scored:
    """One text as the detector reads it: gold label ("none" or a kind), the rules'
    first kind, and the model's (score, kind) before the threshold (``None`` when a
    framing gate keeps the model out)."""

    text: str
    gold: str
    rule: str | None
    model: tuple[float, str] | None


@dataclass(slots=True)
class Pool:
    """Pooled counts over scored batches at one threshold."""

    positives: int = 0
    caught_rules: int = 0
    caught: int = 0
    wrong_kind: int = 0
    near_misses: int = 0
    alarms_rules: int = 0
    alarms: int = 0
    by_kind: dict[str, list[int]] = field(default_factory=dict)  # kind -> [caught, n]

    @property
    def recall_rules(self) -> float:
        return self.caught_rules / self.positives if self.positives else 0.0

    @property
    def recall(self) -> float:
        return self.caught / self.positives if self.positives else 0.0

    @property
    def false_alarms_rules(self) -> float:
        return self.alarms_rules / self.near_misses if self.near_misses else 0.0

    @property
    def false_alarms(self) -> float:
        return self.alarms / self.near_misses if self.near_misses else 0.0


def _threshold(thresholds: float | dict[str, float], kind: str) -> float:
    return thresholds if isinstance(thresholds, float) else thresholds[kind]


def verdict(s: Scored, thresholds: float | dict[str, float]) -> str | None:
    """The detector's kind for a scored text: the rules', else the model's at threshold."""
    if s.rule is not None:
        return s.rule
    if s.model is not None and s.model[0] >= _threshold(thresholds, s.model[1]):
        if s.model[1] == "danger" and taken_to_escape(s.text):
            return "suicide"
        return s.model[1]
    return None


def pooled(scored: Sequence[Scored], thresholds: float | dict[str, float]) -> Pool:
    """Recall, false alarms and wrong kinds of rules alone and rules + model."""
    pool = Pool()
    for s in scored:
        got = verdict(s, thresholds)
        if s.gold == "none":
            pool.near_misses += 1
            pool.alarms_rules += s.rule is not None
            pool.alarms += got is not None
        else:
            pool.positives += 1
            pool.caught_rules += s.rule is not None
            pool.caught += got is not None
            pool.wrong_kind += got is not None and got != s.gold
            row = pool.by_kind.setdefault(s.gold, [0, 0])
            row[0] += got is not None
            row[1] += 1
    return pool


def score_texts(texts: Sequence[str], labels: Sequence[str], model: CrisisModel) -> list[Scored]:
    out = []
    for text, gold in zip(texts, labels):
        kinds = rule_kinds(text)
        reading = model_reading(text, model)
        out.append(
            Scored(
                text=text,
                gold=gold,
                rule=kinds[0].value if kinds else None,
                model=None if reading is None else (reading[0], reading[1].value),
            )
        )
    return out


def score_batch(held: Path, others: Sequence[Path], train: Trainer) -> list[Scored]:
    """Train on ``others`` (+ ``nlu.yml``) and score the held batch."""
    texts: list[str] = []
    labels: list[str] = []
    for path in others:
        t, lab = batch_texts(path)
        texts += t
        labels += lab
    t, lab = nlu_texts()
    model = train((texts + t, labels + lab))
    t, lab = batch_texts(held)
    return score_texts(t, lab, model)


def lobo(batches: Sequence[Path], train: Trainer, progress: Callable[[str], None] | None = None) -> dict[str, list[Scored]]:
    """Every batch scored by a model trained on all the others: name -> scored texts."""
    out: dict[str, list[Scored]] = {}
    for held in batches:
        if progress:
            progress(f"LOBO {held.name}")
        out[held.name] = score_batch(held, [p for p in batches if p != held], train)
    return out


def ordinary_texts() -> dict[str, list[str]]:
    """Ordinary (non-crisis) messages the model never trains on, by source."""
    out: dict[str, list[str]] = {}
    for path in TOPIC_SETS:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        out[path.name] = [m["text"] for m in doc["messages"]]
    said: list[str] = []
    for script in sorted(DIALOG_SCRIPTS.glob("*.yaml")):
        doc = yaml.safe_load(script.read_text(encoding="utf-8"))
        for turn in doc.get("turns", []):
            if "say" not in turn:
                continue
            if any(word in json.dumps(turn.get("expect", {})) for word in _CRISIS_REPLY):
                continue  # the turn expects the crisis reply: not an ordinary message
            said.append(str(turn["say"]))
    out["dialog scripts"] = said
    return out


def score_ordinary(batches: Sequence[Path], train: Trainer, folds: int = 5) -> dict[str, list[Scored]]:
    """Ordinary messages scored by models that never saw them (see the module doc)."""
    crisis_t: list[str] = []
    crisis_l: list[str] = []
    for path in batches:
        t, lab = batch_texts(path)
        crisis_t += t
        crisis_l += lab
    nlu_t, nlu_l = nlu_texts()
    out: dict[str, list[Scored]] = {"nlu.yml (CV)": []}
    for k in range(folds):
        keep = [i for i in range(len(nlu_t)) if i % folds != k or nlu_l[i] != "none"]
        test = [i for i in range(len(nlu_t)) if i % folds == k and nlu_l[i] == "none"]
        model = train((crisis_t + [nlu_t[i] for i in keep], crisis_l + [nlu_l[i] for i in keep]))
        out["nlu.yml (CV)"] += score_texts([nlu_t[i] for i in test], ["none"] * len(test), model)
    full = train((crisis_t + nlu_t, crisis_l + nlu_l))
    for name, texts in ordinary_texts().items():
        out[name] = score_texts(texts, ["none"] * len(texts), full)
    return out


def _ordinary_lines(ordinary: dict[str, list[Scored]], thresholds: float | dict[str, float]) -> list[str]:
    lines = []
    for name, scored in ordinary.items():
        model_alarms = [s for s in scored if s.rule is None and verdict(s, thresholds)]
        rule_alarms = [s for s in scored if s.rule is not None]
        top = max((s.model[0] for s in scored if s.model is not None and s.rule is None), default=0.0)
        lines.append(
            f"  {name:<18} {len(scored):5d} texts: model alarms {len(model_alarms)}, rule alarms "
            f"{len(rule_alarms)}, max model score {top:.3f}"
        )
        lines += [f"    model alarm {s.model}: {s.text}" for s in model_alarms if s.model]
    return lines


def _pool_line(name: str, pool: Pool) -> str:
    kinds = ", ".join(f"{k} {c}/{n}" for k, (c, n) in pool.by_kind.items())
    return (
        f"  {name:<8} rules {pool.recall_rules:.3f} / {pool.false_alarms_rules:.3f}; rules + model "
        f"{pool.recall:.3f} / {pool.false_alarms:.3f} ({pool.positives} positives, {pool.near_misses} near misses; "
        f"wrong kind {pool.wrong_kind}; {kinds})"
    )


def report(
    scored: dict[str, list[Scored]], ordinary: dict[str, list[Scored]], thresholds: float | dict[str, float]
) -> list[str]:
    dev = [s for name, rows in scored.items() if name in {p.name for p in DEV_BATCHES} for s in rows]
    retired = [s for name, rows in scored.items() if name in {p.name for p in RETIRED_BATCHES} for s in rows]
    fresh = [s for name, rows in scored.items() if name in {p.name for p in FRESH_BATCHES} for s in rows]
    lines = [f"LOBO at threshold {thresholds} (recall / false alarms on near misses):"]
    for name, rows in scored.items():
        lines.append(_pool_line(name[7:-4], pooled(rows, thresholds)))
    lines.append("Pooled:")
    lines.append(_pool_line("dev", pooled(dev, thresholds)))
    lines.append(_pool_line("retired", pooled(retired, thresholds)))
    lines.append(_pool_line("fresh", pooled(fresh, thresholds)))
    lines.append(_pool_line("all", pooled(dev + retired + fresh, thresholds)))
    lines.append("Ordinary messages (model never trained on them):")
    lines += _ordinary_lines(ordinary, thresholds)
    return lines


def write_scored(path: Path, scored: dict[str, Sequence[Scored]]) -> None:
    """Every scored text as JSON (text, gold, rule, model per pool), for a later reading."""
    path.write_text(
        json.dumps({k: [[s.text, s.gold, s.rule, s.model] for s in v] for k, v in scored.items()}, ensure_ascii=False),
        encoding="utf-8",
    )


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.crisis_lobo", description=__doc__)
    p.add_argument("--json", help="write every scored text to this file")
    args = p.parse_args(argv)
    batches = DEV_BATCHES + RETIRED_BATCHES + FRESH_BATCHES
    started = time.perf_counter()
    scored = lobo(batches, lambda data: CrisisModel.train(data=data), progress=lambda m: print(m, file=sys.stderr))
    ordinary = score_ordinary(batches, lambda data: CrisisModel.train(data=data))
    print("\n".join(report(scored, ordinary, THRESHOLD)))
    print(f"({time.perf_counter() - started:.0f} s)")
    if args.json:
        write_scored(Path(args.json), {**scored, **ordinary})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
