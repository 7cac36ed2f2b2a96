"""`voordeur staff add`: what the staff table cannot hold is refused with a message.

The console's form limits these fields; the command line did not, and PostgreSQL (not
SQLite) refused the row with a database error and a traceback.
"""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from bot.cli import build_parser
from storage.db import Database
from storage.models import Staff


def _staff_add(db_url: str, monkeypatch: pytest.MonkeyPatch, *argv: str) -> int:
    monkeypatch.setenv("DATABASE_URL", db_url)
    args = build_parser().parse_args(["staff", "add", *argv, "--password", "correct horse battery"])
    return int(args.func(args))


@pytest.mark.parametrize("argv", [
    ["a" * 65, "--role", "volunteer"],
    ["anna", "--name", "A" * 121, "--role", "volunteer"],
    ["anna", "--role", "volunteer", "--max-open", str(2**31)],
    ["anna", "--role", "volunteer", "--max-open", "0"],
])
def test_what_the_table_cannot_hold_is_refused(
    db_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], argv: list[str]
) -> None:
    assert _staff_add(db_url, monkeypatch, *argv) == 2
    assert capsys.readouterr().err.strip()
    db = Database(db_url)
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Staff)) == 0
    db.dispose()


def test_a_good_staff_member_is_added(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert _staff_add(db_url, monkeypatch, "a" * 64, "--name", "A" * 120, "--role", "volunteer",
                      "--max-open", "100") == 0
