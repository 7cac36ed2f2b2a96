"""The ``dialogs`` command group: ``check`` the dialog files, ``test`` them with scripts.

``bot/cli.py`` calls :func:`register`; meanwhile ``python -m dialogs.cli check`` works
on its own.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from typing import Any

from dialogs.check import MIN_MEDIAN, check
from dialogs.model import DialogError
from dialogs.testing import Conversation, Script, default_scripts, run_scripts

__all__ = ["ConversationFactory", "cmd_check", "cmd_test", "main", "register"]

#: Makes a fresh conversation for a script (its ``person:`` and ``language:``).
ConversationFactory = Callable[[Script], Conversation]


def cmd_check(args: argparse.Namespace) -> int:
    """Validate dialogs and check texts; 1 when there is any error."""
    report = check(args.paths or None)
    for finding in report.findings:
        if finding.level == "error" or args.verbose:
            print(finding)
    warnings = len(report.warnings)
    print(
        f"{report.messages} Dutch messages; Flesch-Douma median {report.median:.0f} "
        f"(at least {MIN_MEDIAN:.0f}), lowest {min(report.scores, default=0):.0f}; "
        f"{len(report.errors)} errors, {warnings} warnings"
        + ("" if args.verbose or not warnings else " (-v shows them)")
    )
    return 1 if report.errors else 0


def _engine_factory() -> ConversationFactory:
    from config.profile import load_profile
    from dialogs.engine import Engine
    from dialogs.harness import default_understander, for_script
    from dialogs.loader import load_dialogs

    engine = Engine(load_dialogs(), load_profile())
    nlu = default_understander()

    def make(script: Script) -> Conversation:
        return for_script(engine, nlu, script)

    return make


def cmd_test(args: argparse.Namespace, factory: ConversationFactory | None = None) -> int:
    """Run dialog test scripts; 1 on a failure or, for the full set, below 100% coverage."""
    paths = args.scripts or default_scripts()
    try:
        make = factory or _engine_factory()
    except DialogError as exc:
        print(f"ERROR: {exc}")
        return 1
    results = run_scripts(paths, make)
    failed = 0
    visited: set[str] = set()
    for r in results:
        visited |= r.visited
        mark = "ok  " if r.ok else "FAIL"
        print(f"{mark} {r.script.file}: {r.script.name}")
        if not r.ok:
            failed += 1
            for f in r.failures:
                print(f"     {f}")
            if args.verbose:
                print("\n".join(f"       {line}" for line in r.transcript))
    code = 1 if failed else 0
    all_steps = _all_steps()
    if visited and all_steps:
        missing = sorted(all_steps - visited)
        pct = 100 * (len(all_steps) - len(missing)) / len(all_steps)
        print(f"step coverage {pct:.0f}% ({len(all_steps) - len(missing)}/{len(all_steps)})")
        if missing:
            print("     not visited: " + ", ".join(missing))
            if not args.scripts:
                code = 1
    print(f"{len(results) - failed} of {len(results)} scripts passed")
    return code


def _all_steps() -> set[str]:
    from dialogs.loader import load_dialogs

    try:
        d = load_dialogs()
    except DialogError:
        return set()
    return {f"{f.id}.{s}" for f in d.flows.values() for s in f.steps}


def register(
    subparsers: Any, conversation_factory: Callable[[], ConversationFactory] | None = None
) -> None:
    """Add ``dialogs check`` and ``dialogs test`` to a CLI's subparsers.

    ``conversation_factory``, when given, is called once by ``dialogs test`` and must
    return a function that makes a fresh :class:`~dialogs.testing.Conversation` for a
    script (for example one backed by the full pipeline and a database). Without it
    the scripts run against the pure engine with the real in-process NLU.
    """
    group = subparsers.add_parser("dialogs", help="check and test the dialogs")
    sub = group.add_subparsers(dest="dialogs_command", required=True)
    c = sub.add_parser("check", help="validate dialog files and check their texts")
    c.add_argument("paths", nargs="*", metavar="PATH", help="dialog files (default: shipped)")
    c.add_argument("-v", "--verbose", action="store_true", help="show warnings too")
    c.set_defaults(func=cmd_check)
    t = sub.add_parser("test", help="run dialog test scripts")
    t.add_argument("scripts", nargs="*", metavar="SCRIPT", help="scripts (default: all)")
    t.add_argument("-v", "--verbose", action="store_true", help="show transcripts of failures")
    if conversation_factory is None:
        t.set_defaults(func=cmd_test)
    else:
        t.set_defaults(func=lambda args: cmd_test(args, conversation_factory()))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dialogs.cli")
    subparsers = parser.add_subparsers(dest="command", required=True)
    register(subparsers)
    args = parser.parse_args(["dialogs", *(argv if argv is not None else sys.argv[1:])])
    return int(args.func(args))


if __name__ == "__main__":
    sys.exit(main())
