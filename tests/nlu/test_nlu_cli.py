"""The ``voordeur nlu`` commands: train, parse (JSON lines), evaluate wiring."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import pytest

from nlu.classifier import MODEL_FILE
from nlu.cli import main, register


def test_register_adds_subcommands_with_func() -> None:
    parser = argparse.ArgumentParser()
    register(parser.add_subparsers(dest="command"))
    for command in ("train", "parse", "evaluate"):
        args = parser.parse_args(["nlu", command])
        assert callable(args.func)


def test_train_writes_the_model(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from nlu import crisis_model

    assert main(["nlu", "train", "--model-dir", str(tmp_path)]) == 0
    assert (tmp_path / MODEL_FILE).exists()
    assert (tmp_path / crisis_model.MODEL_FILE).exists(), "the crisis model is built too"
    err = capsys.readouterr().err
    assert "trained on" in err and "crisis model ready" in err


def test_parse_arguments_print_one_json_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", "--model-dir", str(tmp_path), "wie", "doet", "mijn", "boodschappen"]) == 0
    line = json.loads(capsys.readouterr().out)
    assert line["text"] == "wie doet mijn boodschappen"
    assert line["topics"][0]["id"] == "groceries"
    assert line["crisis"] is False and line["crisis_kind"] is None
    assert line["language"] == "nl"


def test_parse_reads_one_message_per_stdin_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("ik wil dood\n\nasdfgh\n"))
    assert main(["nlu", "parse", "--model-dir", str(tmp_path)]) == 0
    lines = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [x["crisis_kind"] for x in lines] == ["suicide", None]
    assert lines[1]["topics"] == []


def test_parse_says_when_the_dialog_would_ask_about_safety(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("ik kan niet meer\nik kan niet meer lopen\n"))
    assert main(["nlu", "parse", "--model-dir", str(tmp_path)]) == 0
    first, second = (json.loads(x) for x in capsys.readouterr().out.splitlines())
    assert first["crisis"] is False and first["crisis_doubt"] == "suicide"
    assert second["crisis_doubt"] is None
