"""``voordeur report --from --to --format csv|json|html [--by ...]`` on stdout."""

from __future__ import annotations

import argparse
import csv
import io
import json

import pytest

from bot.report.cli import register, run_report
from storage.db import Database


def _run(url: str, *argv: str) -> tuple[int, str]:
    parser = argparse.ArgumentParser(prog="voordeur")
    register(parser.add_subparsers(dest="cmd"))
    args = parser.parse_args(["report", *argv])
    out = io.StringIO()
    code = args.func(args, out=out, database_url=url)
    return code, out.getvalue()


def test_csv_overall_only_by_default(seeded_db: Database) -> None:
    code, out = _run(seeded_db.url, "--from", "2026-11-01", "--to", "2026-11-30", "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["dimension"] for r in rows} == {"totaal"}
    assert next(r for r in rows if r["measure"] == "people")["value"] == "19"


def test_csv_by_neighbourhood_hides_the_small_one(seeded_db: Database) -> None:
    code, out = _run(seeded_db.url, "--from", "2026-11-01", "--to", "2026-11-30", "--by", "neighbourhood")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    people = {r["group"]: r["value"] for r in rows
              if r["dimension"] == "neighbourhood" and r["measure"] == "people"}
    assert people == {"Noord": "10", "Oost": "< 5", "Zuid": "< 5"}


def test_json_with_two_breakdowns(seeded_db: Database) -> None:
    code, out = _run(seeded_db.url, "--from", "2026-11-01", "--to", "2026-11-30", "--format", "json",
                     "--by", "topic", "--by", "channel")
    assert code == 0
    doc = json.loads(out)
    assert set(doc["by"]) == {"topic", "channel"}
    assert doc["by"]["channel"]["sms"]["people"] == 10
    assert doc["overall"]["pairs"] == {"household->loneliness": 7, "groceries->transport": 5}


def test_html_is_a_whole_page_with_charts(seeded_db: Database) -> None:
    code, out = _run(seeded_db.url, "--from", "2026-11-01", "--to", "2026-11-30", "--format", "html")
    assert code == 0
    assert out.startswith("<!doctype html>") and out.count("<svg") >= 10
    assert "Per wijk" in out and "Per taal" in out
    # a file read without the server: the stylesheet is in the page itself
    assert "<style>" in out and ".sb-note" in out and "/static/scoreboard.css" not in out
    assert "<form" not in out


def test_a_bad_date_is_refused_with_exit_code_2(db_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _run(db_url, "--from", "2026-02-30")
    assert code == 2 and out == ""
    assert "no such day" in capsys.readouterr().err


def test_the_handler_is_registered_as_func() -> None:
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers(dest="cmd"))
    args = parser.parse_args(["report", "--format", "json"])
    assert args.func is run_report and args.by is None
