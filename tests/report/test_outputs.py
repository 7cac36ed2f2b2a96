"""The small-cell rule in every output: a neighbourhood of 3 people shows "< 5" in
HTML, CSV, JSON and the charts, and its exact number appears nowhere."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from bot.report import build_scoreboard, render_csv, render_html, render_json
from tests.report.seed import PERIOD, seed_events


@pytest.fixture(scope="module")
def board():  # type: ignore[no-untyped-def]
    return build_scoreboard(PERIOD, [e for e in seed_events() if PERIOD.start <= e.at.date() <= PERIOD.end])


def test_html_shows_less_than_five_for_the_small_neighbourhood(board) -> None:  # type: ignore[no-untyped-def]
    html = render_html(board)
    row = re.search(r'<tr><th scope="row">Oost</th>(.*?)</tr>', html)
    assert row is not None
    cells = re.findall(r"<td>(.*?)</td>", row.group(1))
    assert cells and all(c == "&lt; 5" for c in cells)
    assert "Oost: &lt; 5" in html  # the chart's text alternative
    assert ">Noord</text>" in html and ">10</text>" in html


def test_html_charts_draw_a_fixed_hatched_stub_for_hidden_bars(board) -> None:  # type: ignore[no-untyped-def]
    html = render_html(board)
    chart = re.search(r'<svg class="chart" id="chart-by-neighbourhood".*?</svg>', html)
    assert chart is not None
    stubs = re.findall(r'<rect x="0" y="\d+" width="(\d+)" height="18" fill="url\(#chart-by-neighbourhood-hatch\)"',
                       chart.group(0))
    assert stubs == ["24", "24"]  # Oost and Zuid: same length, whatever their numbers


def test_csv_shows_less_than_five_and_never_the_exact_number(board) -> None:  # type: ignore[no-untyped-def]
    rows = list(csv.DictReader(io.StringIO(render_csv(board))))
    oost = [r for r in rows if r["dimension"] == "neighbourhood" and r["group"] == "Oost"]
    assert oost
    assert all(r["value"] == "< 5" for r in oost)
    people = next(r for r in oost if r["measure"] == "people")
    assert people["value"] == "< 5"
    total = next(r for r in rows if r["dimension"] == "totaal" and r["measure"] == "people")
    assert total["value"] == "19"
    assert {"from", "to", "dimension", "group", "measure", "label", "unit", "value"} == set(rows[0])


def test_json_shows_less_than_five_and_never_the_exact_number(board) -> None:  # type: ignore[no-untyped-def]
    doc = json.loads(render_json(board))
    oost = doc["by"]["neighbourhood"]["Oost"]
    assert oost["people"] == "< 5"
    flat = [v for v in oost.values() if not isinstance(v, dict)]
    flat += [v for d in oost.values() if isinstance(d, dict) for v in d.values()]
    assert set(flat) == {"< 5"}
    assert doc["overall"]["people"] == 19
    assert doc["min_people"] == 5 and doc["period"] == {"from": "2026-11-01", "to": "2026-11-30"}


def test_no_output_holds_a_number_below_five_people(board) -> None:  # type: ignore[no-untyped-def]
    for row in csv.DictReader(io.StringIO(render_csv(board))):
        if row["unit"] == "people" and row["value"] != "< 5":
            assert int(row["value"]) >= 5, row


def test_the_page_uses_no_inline_styles_or_scripts(board) -> None:  # type: ignore[no-untyped-def]
    html = render_html(board, standalone=True)
    assert "<script" not in html and "<style" not in html and " style=" not in html
    assert '<html lang="nl">' in html and "/static/scoreboard.css" in html
    assert html.count("<svg") >= 10


def test_an_empty_period_renders_without_numbers() -> None:
    board = build_scoreboard(PERIOD, [])
    html = render_html(board)
    assert "Geen gegevens" in html
    assert json.loads(render_json(board))["overall"]["people"] == "< 5"


def test_the_console_gets_a_fragment_that_posts_its_period_back_to_the_console(seeded_db) -> None:  # type: ignore[no-untyped-def]
    from bot.report import scoreboard_page

    html = scoreboard_page(seeded_db.session, PERIOD)
    assert "<html" not in html and html.lstrip().startswith('<link rel="stylesheet" href="/static/scoreboard.css">')
    assert 'action="/console/scoreboard"' in html
    assert '<input type="date" name="from" value="2026-11-01"' in html
    assert html.count("<svg") >= 10


def test_every_id_on_the_page_is_unique(board) -> None:  # type: ignore[no-untyped-def]
    ids = re.findall(r'\sid="([^"]+)"', render_html(board, standalone=True))
    assert len(ids) == len(set(ids)) and len(ids) > 20
