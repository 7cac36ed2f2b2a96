"""``voordeur nlu ...``: train the topic model, parse messages, evaluate quality.

The lead wires :func:`register` into ``bot/cli.py``; ``python -m nlu.cli`` works
stand-alone through :func:`main`.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

__all__ = ["main", "register"]


def _eprint(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def _train(args: argparse.Namespace) -> int:
    from nlu import crisis_model
    from nlu.classifier import DEFAULT_MODEL_DIR, load_or_train
    from nlu.training_data import load_examples

    data = Path(args.data) if args.data else None
    _eprint(f"training NLU model from {data or 'the packaged nlu.yml'} ...")
    started = time.perf_counter()
    model = load_or_train(args.model_dir, data_path=data, retrain=True)
    n = len(load_examples(data)) if data else len(load_examples())
    _eprint(
        f"trained on {n} examples, {len(model.classes)} topics, in "
        f"{time.perf_counter() - started:.1f} s -> {Path(args.model_dir or 'var/nlu').resolve()}"
    )
    # The crisis model is built from the crisis batches and rules, not from --data; it is
    # rebuilt only when those changed (its file carries their fingerprint).
    started = time.perf_counter()
    crisis_model.load_or_train(args.model_dir or DEFAULT_MODEL_DIR)
    _eprint(f"crisis model ready in {time.perf_counter() - started:.1f} s")
    return 0


def _parse(args: argparse.Namespace) -> int:
    from nlu.service import load_understander

    nlu = load_understander(args.backend, model_dir=args.model_dir, rasa_url=args.rasa_url)
    lines = [" ".join(args.text)] if args.text else (line.rstrip("\n") for line in sys.stdin)
    for line in lines:
        if not line.strip():
            continue
        u = nlu.understand(line, language_hint=args.language)
        print(
            json.dumps(
                {
                    "text": u.text,
                    "language": u.language,
                    "topics": [
                        {"id": t.id, "confidence": round(t.confidence, 3)} for t in u.topics
                    ],
                    "crisis": u.crisis is not None,
                    "crisis_kind": u.crisis.value if u.crisis else None,
                    # Not a crisis, but the dialog asks (nlu/crisis_doubt.py).
                    "crisis_doubt": u.crisis_doubt.value if u.crisis_doubt else None,
                    "crisis_lean": u.crisis_lean.value if u.crisis_lean else None,
                    "control": u.control.value if u.control else None,
                    "social": u.social,
                },
                ensure_ascii=False,
            ),
            flush=True,
        )
    return 0


def _evaluate(args: argparse.Namespace) -> int:
    from nlu.classifier import TopicClassifier
    from nlu.evaluate import (
        TOPIC_EVAL,
        TOPIC_HOLDOUT10,
        TOPIC_HOLDOUT11,
        TOPIC_HOLDOUT12,
        TOPIC_HOLDOUT13,
        crisis_reports,
        cross_validate,
        format_crisis_report,
        held_out_report,
        latency_report,
    )
    from nlu.service import LocalNLU
    from nlu.training_data import load_examples

    examples = load_examples(args.data) if args.data else load_examples()
    report = cross_validate(examples, folds=args.folds, progress=_eprint)
    print(
        f"Topic cross-validation ({args.folds}-fold, {len(examples)} examples, top-1 of the full pipeline)"
    )
    print(f"{'topic':<16} {'prec':>6} {'recall':>6} {'f1':>6} {'n':>4}")
    for row in zip(report.labels, report.precision, report.recall, report.f1, report.support):
        print(f"{row[0]:<16} {row[1]:6.3f} {row[2]:6.3f} {row[3]:6.3f} {row[4]:4d}")
    print(f"macro F1 {report.macro_f1:.3f}   accuracy {report.accuracy:.3f}")
    print("\nConfusion matrix (rows gold, columns predicted):")
    short = [label[:5] for label in report.labels]
    print(" " * 16 + " ".join(f"{s:>5}" for s in short))
    for label, row in zip(report.labels, report.confusion):
        print(f"{label:<16}" + " ".join(f"{v:5d}" for v in row))
    if args.errors:
        print("\nErrors (gold -> predicted):")
        for text, gold, pred in report.errors:
            print(f"  {gold} -> {pred}: {text}")

    # Every crisis set, the held-out ones labelled as such (their misses are only listed
    # with --errors: reading them while tuning would spoil them).
    reports = crisis_reports()
    for report in reports:
        print("\n" + "\n".join(format_crisis_report(report, details=args.errors)))
    held_sets = [r for r in reports if r.held_out]
    if held_sets:
        print("\nHeld-out crisis sets side by side (recall / false alarms):")
        for r in held_sets:
            print(
                f"  {r.name:<24} {r.recall:.3f} / {r.false_alarm_rate:.3f}"
                f"  ({r.positives} positives, {r.near_misses} near misses)"
            )

    nlu = LocalNLU(TopicClassifier.train(examples))
    for path in (TOPIC_EVAL, TOPIC_HOLDOUT10, TOPIC_HOLDOUT11, TOPIC_HOLDOUT12, TOPIC_HOLDOUT13):
        held = held_out_report(nlu, path)
        kind = "also training data: a check, not a measure" if path == TOPIC_EVAL else "held out"
        print(
            f"\nTopic messages ({path.name}, {kind}): "
            f"top-1 accuracy {held.accuracy:.3f} on {held.n}"
        )
        if args.errors:
            for text, gold, pred in held.errors:
                print(f"  {'/'.join(gold)} -> {pred}: {text}")
    latency = latency_report(nlu, [e.text for e in examples])
    print(
        f"\nParse latency over {latency.n} parses: p50 {latency.p50_ms:.3f} ms, p99 {latency.p99_ms:.3f} ms"
    )
    return 0


def register(subparsers: argparse._SubParsersAction) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    """Add the ``nlu`` command group (train, parse, evaluate) to ``subparsers``."""
    nlu = subparsers.add_parser("nlu", help="topic model and message understanding")
    commands = nlu.add_subparsers(dest="nlu_command", required=True)

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--model-dir", default=None, help="model directory (default var/nlu)")
    common.add_argument("--data", default=None, help="Rasa 3 NLU YAML (default: packaged nlu.yml)")

    train = commands.add_parser(
        "train", parents=[common], help="train the topic model (and the crisis model if stale)"
    )
    train.set_defaults(func=_train)

    parse = commands.add_parser("parse", parents=[common], help="parse messages to JSON lines")
    parse.add_argument(
        "text", nargs="*", help="the message; without it, one message per stdin line"
    )
    parse.add_argument("--backend", choices=("local", "rasa"), default="local")
    parse.add_argument("--rasa-url", default=None)
    parse.add_argument("--language", default=None, help="language hint (nl or en)")
    parse.set_defaults(func=_parse)

    evaluate = commands.add_parser("evaluate", parents=[common], help="cross-validate and measure")
    evaluate.add_argument("--folds", type=int, default=5)
    evaluate.add_argument("--errors", action="store_true", help="list misclassified examples")
    evaluate.set_defaults(func=_evaluate)
    return nlu


def main(argv: list[str] | None = None) -> int:
    """Stand-alone entry point: ``python -m nlu.cli nlu parse "tekst"`` (or without ``nlu``)."""
    parser = argparse.ArgumentParser(prog="voordeur")
    register(parser.add_subparsers(dest="command", required=True))
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or args_list[0] != "nlu":
        args_list = ["nlu", *args_list]
    args = parser.parse_args(args_list)
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
