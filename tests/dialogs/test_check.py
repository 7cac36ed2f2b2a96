"""``dialogs check``: the shipped dialogs are valid and easy to read; bad texts are caught."""

from __future__ import annotations

from pathlib import Path

from dialogs.check import check, readability
from dialogs.cli import main


def _flow(tmp_path: Path, ask_nl: str, label_nl: str = "Ja", extra_option: str = "") -> Path:
    path = tmp_path / "probe.yaml"
    path.write_text(
        f"""flow: probe
start: start
steps:
  start:
    ask: {{nl: "{ask_nl}", en: "Are you well?"}}
    options:
      - label: {{nl: "{label_nl}", en: "Yes"}}
        next: done
      - label: {{nl: "Nee", en: "No"}}
        next: done
{extra_option}  done:
    say: {{nl: "Dank u.", en: "Thank you."}}
    end: true
""",
        encoding="utf-8",
    )
    return path


def test_shipped_dialogs_have_no_errors_and_read_easily():
    report = check()
    assert report.errors == []
    assert report.median >= 75
    assert min(report.scores) >= 60


def test_douma_constants_are_used_for_dutch():
    # Short everyday Dutch scores high; long words and sentences score low.
    assert readability("Wat lukt u nu nog zelf?") > 90
    assert (
        readability(
            "Gemeentelijke maatschappelijke ondersteuningsvoorzieningen vereisen een "
            "geïndividualiseerde beoordelingsprocedure conform toepasselijke regelgeving."
        )
        < 30
    )


def test_characters_outside_gsm7_are_errors(tmp_path):
    report = check([_flow(tmp_path, "Gaat het goed met uw financiële zaken?")])
    assert any("GSM-7" in f.reason and f.step == "start" for f in report.errors)


def test_option_labels_longer_than_four_words_are_errors(tmp_path):
    report = check([_flow(tmp_path, "Gaat het goed?", label_nl="Ja het gaat heel erg goed")])
    assert any("more than 4 words" in f.reason for f in report.errors)


def test_jargon_is_an_error(tmp_path):
    report = check([_flow(tmp_path, "Heeft u een indicatie voor de Wmo?")])
    assert any("jargon" in f.reason for f in report.errors)


def test_cli_check_rejects_three_options_naming_file_and_step(tmp_path, capsys):
    extra = '      - label: {nl: "Soms", en: "Sometimes"}\n        next: done\n'
    path = _flow(tmp_path, "Gaat het goed?", extra_option="")
    text = path.read_text().replace(
        "        next: done\n  done:", "        next: done\n" + extra + "  done:"
    )
    path.write_text(text)
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out
    assert "probe.yaml" in out and "'start'" in out and "at most two" in out


def test_cli_check_passes_on_shipped_dialogs(capsys):
    assert main(["check"]) == 0
    assert "0 errors" in capsys.readouterr().out
