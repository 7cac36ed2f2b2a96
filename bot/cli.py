"""The ``voordeur`` command. Only this module exits the process."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Sequence
from datetime import UTC, datetime

from config.settings import ConfigError, load_settings

__all__ = ["build_parser", "main"]


def _cmd_run(args: argparse.Namespace) -> int:
    from bot.app import serve

    settings = load_settings()
    return serve(settings, host=args.host, port=args.port, workers=args.workers)


def _cmd_db_upgrade(args: argparse.Namespace) -> int:
    from storage.db import Database

    settings = load_settings()
    db = Database(settings.database_url)
    db.upgrade()
    print(f"database at revision {db.current_revision()}")
    db.dispose()
    return 0


def _cmd_simulate(args: argparse.Namespace) -> int:
    from bot.simulate import run_script

    if args.script == "-":
        return run_script(sys.stdin, sys.stdout)
    with open(args.script, encoding="utf-8") as f:
        return run_script(f, sys.stdout)


def _cmd_chat(args: argparse.Namespace) -> int:
    from bot.chat import chat

    return chat(args.number)


def _cmd_staff(args: argparse.Namespace) -> int:
    from sqlalchemy import select

    from bot.staff import create_staff, find_staff
    from storage.db import Database
    from storage.models import Staff

    settings = load_settings()
    db = Database(settings.database_url)
    db.upgrade()
    now = datetime.now(UTC)
    try:
        if args.staff_cmd == "add":
            password = args.password
            if password is None:
                if not sys.stdin.isatty():
                    password = sys.stdin.readline().rstrip("\n")
                else:
                    password = getpass.getpass("Password: ")
            if len(password) < 10:
                print("password: use at least 10 characters", file=sys.stderr)
                return 2
            with db.session() as s, s.begin():
                staff = create_staff(
                    s,
                    username=args.username,
                    name=args.name or args.username,
                    role=args.role,
                    now=now,
                    password=password,
                    neighbourhoods=_csv(args.neighbourhoods),
                    skills=_csv(args.skills),
                    languages=_csv(args.languages) or ["nl"],
                    max_open=args.max_open,
                )
                print(f"added {staff.role} {staff.username}")
        elif args.staff_cmd == "list":
            with db.session() as s:
                for st in s.scalars(select(Staff).order_by(Staff.username)):
                    state = "active" if st.active else "disabled"
                    hoods = ",".join(st.neighbourhoods or []) or "-"
                    print(f"{st.username}\t{st.role}\t{state}\t{st.name}\t{hoods}")
        elif args.staff_cmd == "disable":
            with db.session() as s, s.begin():
                st = find_staff(s, args.username)
                if st is None:
                    print(f"no staff member {args.username!r}", file=sys.stderr)
                    return 1
                st.active = False
                print(f"disabled {st.username}")
    except ValueError as e:
        print(str(e), file=sys.stderr)
        return 2
    finally:
        db.dispose()
    return 0


def _cmd_keys(args: argparse.Namespace) -> int:
    from bot.crypto import cipher_from_setting, new_key, rotate
    from storage.db import Database
    from storage.types import set_cipher

    if args.keys_cmd == "new":
        print(new_key())
        return 0
    settings = load_settings()
    cipher = cipher_from_setting(settings.encryption_key)
    if cipher is None:
        print("ENCRYPTION_KEY is not set: nothing to rotate to", file=sys.stderr)
        return 2
    db = Database(settings.database_url)
    db.upgrade()
    set_cipher(cipher)
    try:
        n = rotate(db)
    finally:
        set_cipher(None)
        db.dispose()
    print(f"re-encrypted {n} texts with the first key")
    return 0


def _cmd_campaign(args: argparse.Namespace) -> int:
    from datetime import date, time
    from zoneinfo import ZoneInfo

    from sqlalchemy import select

    from bot.app import DEFAULT_RATES
    from bot.campaigns import create_campaign, progress
    from config.profile import load_profile
    from storage.db import Database
    from storage.models import Campaign

    settings = load_settings()
    profile = load_profile(settings.profile_path)
    db = Database(settings.database_url)
    db.upgrade()
    tz = ZoneInfo(profile.timezone)
    try:
        if args.campaign_cmd == "create":
            start = datetime.combine(date.fromisoformat(args.start), time(0, 0), tz)
            end = datetime.combine(date.fromisoformat(args.end), time(23, 59), tz)
            with open(args.csv, encoding="utf-8") as f:
                text = f.read()
            with db.session() as s, s.begin():
                report = create_campaign(
                    s,
                    name=args.name,
                    flow=args.flow,
                    csv_text=text,
                    window_start=start,
                    window_end=end,
                    profile=profile,
                    now=datetime.now(UTC),
                    per_second=DEFAULT_RATES["sms"],
                )
            print(f"campaign {report.campaign_id}: {report.added} people planned")
            for line, reason in report.skipped:
                print(f"  line {line} skipped: {reason}")
        else:
            with db.session() as s:
                for c in s.scalars(select(Campaign).order_by(Campaign.id)):
                    p = progress(s, c.id)
                    done = ", ".join(f"{k} {v}" for k, v in sorted(p.items())) or "empty"
                    print(f"{c.id}\t{c.name}\t{c.flow}\t{c.status}\t{done}")
    except (ValueError, OSError) as e:
        print(str(e), file=sys.stderr)
        return 2
    finally:
        db.dispose()
    return 0


def _csv(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="voordeur", description="The front door for help and care.")
    sub = p.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="start the front door (web chat, console, channels)")
    run.add_argument("--host", default=None)
    run.add_argument("--port", type=int, default=None)
    run.add_argument("--workers", type=int, default=1)
    run.set_defaults(func=_cmd_run)

    db = sub.add_parser("db", help="database tasks")
    dbsub = db.add_subparsers(dest="db_cmd", required=True)
    up = dbsub.add_parser("upgrade", help="apply migrations")
    up.set_defaults(func=_cmd_db_upgrade)

    chat = sub.add_parser("chat", help="talk to the front door in the terminal (as on SMS)")
    chat.add_argument("--number", default="+31600000000", help="the phone number you play")
    chat.set_defaults(func=_cmd_chat)

    sim = sub.add_parser("simulate", help="run a JSONL script through the whole pipeline")
    sim.add_argument("script", help="a .jsonl file, or - for standard input")
    sim.set_defaults(func=_cmd_simulate)

    staff = sub.add_parser("staff", help="staff accounts")
    ssub = staff.add_subparsers(dest="staff_cmd", required=True)
    add = ssub.add_parser("add", help="add a volunteer, professional or coordinator")
    add.add_argument("username")
    add.add_argument("--name")
    add.add_argument("--role", choices=("volunteer", "professional", "coordinator"), required=True)
    add.add_argument("--password", help="or type it when asked (or one line on stdin)")
    add.add_argument("--neighbourhoods", help="comma-separated")
    add.add_argument("--skills", help="comma-separated")
    add.add_argument("--languages", help="comma-separated, e.g. nl,en")
    add.add_argument("--max-open", type=int, default=5)
    add.set_defaults(func=_cmd_staff)
    ls = ssub.add_parser("list", help="list staff")
    ls.set_defaults(func=_cmd_staff)
    dis = ssub.add_parser("disable", help="disable a staff account")
    dis.add_argument("username")
    dis.set_defaults(func=_cmd_staff)

    camp = sub.add_parser("campaign", help="outreach campaigns (check-ins for people who agreed)")
    csub = camp.add_subparsers(dest="campaign_cmd", required=True)
    cc = csub.add_parser(
        "create", help="import a CSV (name, phone, neighbourhood) and plan check-ins"
    )
    cc.add_argument("--name", required=True)
    cc.add_argument("--flow", default="checkin", help="the dialog to start (default: checkin)")
    cc.add_argument("--csv", required=True)
    cc.add_argument("--from", dest="start", required=True, help="first day, YYYY-MM-DD")
    cc.add_argument("--to", dest="end", required=True, help="last day, YYYY-MM-DD")
    cc.set_defaults(func=_cmd_campaign)
    csub.add_parser("list", help="campaigns and their progress").set_defaults(func=_cmd_campaign)

    keys = sub.add_parser("keys", help="encryption keys for texts at rest")
    ksub = keys.add_subparsers(dest="keys_cmd", required=True)
    ksub.add_parser("new", help="print a new key for ENCRYPTION_KEY").set_defaults(func=_cmd_keys)
    ksub.add_parser(
        "rotate", help="re-encrypt all texts with the first key in ENCRYPTION_KEY"
    ).set_defaults(func=_cmd_keys)

    from bot.dialog_runner import pipeline_factory
    from bot.report import cli as report_cli
    from dialogs import cli as dialogs_cli
    from nlu import cli as nlu_cli

    # `dialogs test` runs the scripts through the whole pipeline and a database.
    dialogs_cli.register(sub, conversation_factory=pipeline_factory)
    nlu_cli.register(sub)
    report_cli.register(sub)
    return p


def main(argv: Sequence[str] | None = None) -> None:
    from bot.logsafe import setup_logging

    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        setup_logging(json_logs=load_settings().log_json)
        code = args.func(args)
    except ConfigError as e:
        print(f"configuration error: {e}", file=sys.stderr)
        code = 2
    except KeyboardInterrupt:
        code = 130
    sys.exit(code)


if __name__ == "__main__":
    main()
