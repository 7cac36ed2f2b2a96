"""The shipped dialog test scripts pass and together visit every step."""

from __future__ import annotations

import pytest

from dialogs.harness import default_understander, for_script, steps_of
from dialogs.testing import default_scripts, run_scripts

from .conftest import KeywordNLU


def _run(engine, nlu):
    results = run_scripts(default_scripts(), lambda s: for_script(engine, nlu, s))
    failures = [f for r in results for f in r.failures]
    visited = set().union(*(r.visited for r in results))
    return results, failures, visited


def test_there_are_scripts_in_dutch_and_english():
    names = [p.name for p in default_scripts()]
    assert sum(n.startswith("nl_") for n in names) >= 10
    assert sum(n.startswith("en_") for n in names) >= 10


def test_scripts_pass_with_a_keyword_nlu_and_cover_every_step(engine):
    _, failures, visited = _run(engine, KeywordNLU())
    assert failures == []
    assert steps_of(engine) - visited == set()


@pytest.mark.slow
def test_scripts_pass_with_the_real_nlu(engine, tmp_path_factory):
    nlu = default_understander(str(tmp_path_factory.mktemp("nlu")))
    _, failures, visited = _run(engine, nlu)
    assert failures == []
    assert steps_of(engine) - visited == set()


def test_a_failing_expectation_is_reported(engine, tmp_path):
    script = tmp_path / "bad.yaml"
    script.write_text('name: bad\nturns:\n  - say: "hallo"\n    expect: {contains: "banaan"}\n')
    [result] = run_scripts([script], lambda s: for_script(engine, KeywordNLU(), s))
    assert not result.ok and "banaan" in result.failures[0]
