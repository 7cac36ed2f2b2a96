"""Loading dialog files: mistakes are reported with the file, the step and the reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from dialogs.loader import load_dialogs
from dialogs.model import DialogError

_GOOD_STEP = """
  start:
    ask: {nl: "Gaat het goed?", en: "Are you well?"}
    options:
      - label: {nl: "Ja", en: "Yes"}
        next: done
      - label: {nl: "Nee", en: "No"}
        next: done
  done:
    say: {nl: "Dank u.", en: "Thank you."}
    end: true
"""


def _write(tmp_path: Path, body: str, name: str = "mini.yaml") -> Path:
    path = tmp_path / name
    path.write_text("flow: mini\nstart: start\nsteps:\n" + body, encoding="utf-8")
    return path


def _error(tmp_path: Path, body: str) -> DialogError:
    with pytest.raises(DialogError) as info:
        load_dialogs([_write(tmp_path, body)])
    return info.value


def test_a_small_valid_flow_loads(tmp_path):
    dialogs = load_dialogs([_write(tmp_path, _GOOD_STEP)])
    step = dialogs.step("mini", "start")
    assert [o.label.get("en") for o in step.options] == ["Yes", "No"]


def test_yes_and_no_stay_words_not_booleans(tmp_path):
    body = _GOOD_STEP.replace('"Yes"', "Yes").replace('"No"', "No")
    dialogs = load_dialogs([_write(tmp_path, body)])
    assert dialogs.step("mini", "start").options[1].label.get("en") == "No"


def test_three_options_are_rejected_naming_file_and_step(tmp_path):
    body = _GOOD_STEP.replace(
        '      - label: {nl: "Nee", en: "No"}\n        next: done\n',
        '      - label: {nl: "Nee", en: "No"}\n        next: done\n'
        '      - label: {nl: "Soms", en: "Sometimes"}\n        next: done\n',
    )
    err = _error(tmp_path, body)
    assert (err.file, err.step) == ("mini.yaml", "start")
    assert "at most two" in err.reason


def test_unknown_step_reference(tmp_path):
    err = _error(
        tmp_path, _GOOD_STEP.replace("next: done\n      - label", "next: nowhere\n      - label", 1)
    )
    assert err.step == "start" and "nowhere" in err.reason


def test_unreachable_step(tmp_path):
    err = _error(
        tmp_path, _GOOD_STEP + '  lost:\n    say: {nl: "Hoi.", en: "Hi."}\n    end: true\n'
    )
    assert err.step == "lost" and "unreachable" in err.reason


def test_dead_end(tmp_path):
    err = _error(tmp_path, _GOOD_STEP.replace("    end: true\n", ""))
    assert err.step == "done" and "dead end" in err.reason


def test_missing_translation(tmp_path):
    err = _error(tmp_path, _GOOD_STEP.replace(', en: "Thank you."', ""))
    assert err.step == "done" and "'en'" in err.reason


def test_unknown_placeholder(tmp_path):
    err = _error(tmp_path, _GOOD_STEP.replace("Dank u.", "Dank u, {voornaam}."))
    assert err.step == "done" and "{voornaam}" in err.reason


def test_unknown_condition(tmp_path):
    body = _GOOD_STEP.replace(
        '        next: done\n      - label: {nl: "Nee"',
        "        next:\n          - when: is_rich\n            go: done\n          - go: done\n"
        '      - label: {nl: "Nee"',
        1,
    )
    err = _error(tmp_path, body)
    assert "is_rich" in err.reason


def test_the_shipped_dialogs_load():
    dialogs = load_dialogs()
    assert {"intake", "followup", "common", "offer", "worry", "returning", "checkin"} <= set(
        dialogs.flows
    )


def test_relief_answers_is_a_yes_or_no_on_a_question(tmp_path):
    body = _GOOD_STEP.replace('    ask: {nl: "Gaat het goed?", en: "Are you well?"}\n',
                              '    ask: {nl: "Gaat het goed?", en: "Are you well?"}\n    relief_answers: true\n')
    assert load_dialogs([_write(tmp_path, body)]).step("mini", "start").relief_answers
    assert not load_dialogs([_write(tmp_path, _GOOD_STEP)]).step("mini", "start").relief_answers
    wrong = _error(tmp_path, body.replace("relief_answers: true", "relief_answers: soms"))
    assert wrong.step == "start" and "true or false" in wrong.reason
    on_a_say = _GOOD_STEP.replace("    end: true\n", "    end: true\n    relief_answers: true\n")
    assert "question" in _error(tmp_path, on_a_say).reason


def test_only_questions_about_things_getting_better_read_answers_as_relief():
    """The crisis model needs a word about death or leaving only after these questions;
    never after a question about coping or how someone is now."""
    dialogs = load_dialogs()
    marked = sorted(
        step.key for flow in dialogs.flows.values() for step in flow.steps.values() if step.relief_answers
    )
    assert marked == [
        "followup.what_helped", "intake.difference", "intake.exception", "intake.scale_higher"
    ]
