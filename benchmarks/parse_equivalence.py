"""Check that a speed change leaves every parse exactly as it was.

Two steps, run from the repository root::

    # 1. dump what each tree makes of the same texts (models trained from scratch)
    .venv/bin/python -m benchmarks.parse_equivalence dump --root /tmp/parse_base --out /tmp/base.jsonl
    .venv/bin/python -m benchmarks.parse_equivalence dump --root . --out /tmp/new.jsonl
    # 2. compare
    .venv/bin/python -m benchmarks.parse_equivalence compare /tmp/base.jsonl /tmp/new.jsonl

``--root`` is the tree whose ``nlu`` package is imported (e.g. a ``git worktree`` of the
commit before the change). The texts always come from ``--texts-from`` (default: this
tree's ``nlu/data/*.yml``, held-out files left out), so both dumps read the same messages:
every string in every data file (training examples, crisis positives and near misses,
development and evaluation sets), each also in capitals,
plus the benchmark's messages with typos and two needs in one.

Per text the dump holds the parse (language, topics with confidences, crisis and its
kind, control, social, the safety question's doubt and lean), the crisis check for an
answer about relief, the crisis model's unrounded score and kind, and the classifier's
unrounded scores with and without the ``crisis`` class. ``compare``
requires strings to be equal and numbers equal to within 1e-9.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parents[1]
TOLERANCE = 1e-9


def _strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def data_texts(data_dir: Path) -> list[str]:
    """Every message in the data files of ``data_dir``, in file order, without repeats.

    Held-out files (``*holdout*``) are never read: they judge the NLU and must stay
    unseen by anyone working on it, speed work included."""
    out: dict[str, None] = {}
    for path in sorted(data_dir.glob("*.yml")):
        if "holdout" in path.name:
            continue
        doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        if "nlu" in doc:  # Rasa training data: examples are "- text" lines of a block
            for block in doc["nlu"]:
                for line in str(block.get("examples", "")).splitlines():
                    line = line.strip()
                    if line.startswith("- ") and line[2:].strip():
                        out.setdefault(line[2:].strip(), None)
        else:  # crisis sets (positives, near misses) and topic sets (messages with gold)
            for text in _strings([doc.get("positives"), doc.get("near_misses")]):
                if text.strip():
                    out.setdefault(text, None)
            for item in doc.get("messages") or []:
                text = item["text"] if isinstance(item, dict) else item
                if str(text).strip():
                    out.setdefault(str(text), None)
    return list(out)


def all_texts(data_dir: Path, extra: int) -> list[str]:
    """The data texts, each also in capitals, and ``extra`` benchmark variants."""
    texts = data_texts(data_dir)
    out = dict.fromkeys(texts)
    out.update(dict.fromkeys(t.upper() for t in texts))
    if extra:
        from benchmarks.nlu_bench import messages

        out.update(dict.fromkeys(messages(extra)))
    return list(out)


def dump(root: Path, texts_from: Path, out: Path, extra: int) -> int:
    """Train both models of the tree at ``root`` and write its reading of every text."""
    texts = all_texts(texts_from, extra)  # read with this tree's helpers, before the switch
    sys.path.insert(0, str(root.resolve()))
    for name in [m for m in sys.modules if m == "nlu" or m.startswith("nlu.")]:
        del sys.modules[name]
    import nlu
    from nlu import crisis_model
    from nlu.classifier import load_or_train
    from nlu.crisis import model_reading
    from nlu.service import LocalNLU, crisis_of

    if Path(nlu.__file__).resolve().parents[1] != root.resolve():
        raise SystemExit(f"imported {nlu.__file__}, not the tree at {root}")
    with tempfile.TemporaryDirectory() as tmp:
        crisis_model.load_or_train(tmp)
        classifier = load_or_train(tmp, retrain=True)
    understander = LocalNLU(classifier)
    started = time.perf_counter()
    with out.open("w", encoding="utf-8") as fh:
        for text in texts:
            u = understander.understand(text)
            relief = crisis_of(text.strip(), relief_answer=True) if text.strip() else None
            row = {
                "text": text,
                "language": u.language,
                "topics": [[t.id, t.confidence] for t in u.topics],
                "crisis": u.crisis is not None,
                "crisis_kind": None if u.crisis is None else str(u.crisis),
                "control": None if u.control is None else str(u.control),
                "social": u.social,
                "relief_crisis": None if relief is None else str(relief),
                "doubt": None if u.crisis_doubt is None else str(u.crisis_doubt),
                "lean": None if u.crisis_lean is None else str(u.crisis_lean),
                "crisis_model": _reading(model_reading(text.strip())) if text.strip() else None,
                "scores": classifier.probabilities(text) if text.strip() else {},
                "scores_no_crisis": (
                    classifier.probabilities(text, exclude=("crisis",)) if text.strip() else {}
                ),
            }
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(texts)} texts from {root} in {time.perf_counter() - started:.1f} s -> {out}")
    return 0


def _reading(reading: Any) -> list[Any] | None:
    """The crisis model's (score, kind) before its threshold, or None when it may not judge."""
    return None if reading is None else [float(reading[0]), str(reading[1])]


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return (
            isinstance(a, (int, float)) and isinstance(b, (int, float)) and abs(a - b) <= TOLERANCE
        )
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    return bool(a == b)


def compare(base: Path, new: Path) -> int:
    """Print every text whose reading differs; exit 1 when any does."""
    rows_a = [json.loads(line) for line in base.read_text(encoding="utf-8").splitlines()]
    rows_b = [json.loads(line) for line in new.read_text(encoding="utf-8").splitlines()]
    if [r["text"] for r in rows_a] != [r["text"] for r in rows_b]:
        print("the two dumps hold different texts")
        return 1
    differ = 0
    for a, b in zip(rows_a, rows_b):
        fields = [k for k in a if not _same(a[k], b.get(k))]
        if fields:
            differ += 1
            if differ <= 20:
                print(f"DIFFERENT {fields}: {a['text']!r}")
                for k in fields:
                    print(f"  base {a[k]!r}\n  new  {b.get(k)!r}")
    print(f"{len(rows_a)} texts, {len(rows_a) - differ} identical, {differ} different")
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--root", type=Path, default=HERE)
    d.add_argument("--texts-from", type=Path, default=HERE / "nlu" / "data")
    d.add_argument("--out", type=Path, required=True)
    d.add_argument("--extra", type=int, default=3000, help="benchmark messages added")
    c = sub.add_parser("compare")
    c.add_argument("base", type=Path)
    c.add_argument("new", type=Path)
    args = parser.parse_args(argv)
    if args.command == "dump":
        return dump(args.root, args.texts_from, args.out, args.extra)
    return compare(args.base, args.new)


if __name__ == "__main__":
    sys.exit(main())
