"""Measures from the seeded stat events, with the answers worked out by hand."""

from __future__ import annotations

import pytest

from bot.report import build_scoreboard, compute_scoreboard
from bot.report.board import secondary_hidden
from bot.report.cells import Unit, people, share
from bot.report.raw import compute_raw, percentile
from storage.db import Database
from tests.report.seed import PERIOD, seed_events


@pytest.fixture(scope="module")
def board():  # type: ignore[no-untyped-def]
    return build_scoreboard(PERIOD, [e for e in seed_events() if PERIOD.start <= e.at.date() <= PERIOD.end])


def texts(m, *keys):  # type: ignore[no-untyped-def]
    return {k: getattr(m, k).text for k in keys}


def test_reach_counts_unique_people_first_returning_outreach_and_several_topics(board) -> None:  # type: ignore[no-untyped-def]
    m = board.overall
    assert texts(m, "people", "first_contacts", "returning", "outreach", "outreach_responded",
                 "several_topics") == {
        "people": "19", "first_contacts": "13", "returning": "6", "outreach": "10",
        "outreach_responded": "5", "several_topics": "12",
    }


def test_the_question_behind_the_question_differs_and_its_pairs_are_counted(board) -> None:  # type: ignore[no-untyped-def]
    m = board.overall
    assert m.with_first_ask.text == "17"
    assert m.deeper_differs.text == "12"
    assert m.deeper_differs_share.value == pytest.approx(100 * 12 / 17)
    assert [(b.key, b.cell.text) for b in m.pairs] == [
        ("household->loneliness", "7"),
        ("groceries->transport", "5"),
    ]
    assert m.pairs[0].label == "Huishouden → Contact en eenzaamheid"


def test_own_strength_shares_of_plans_and_without_professional(board) -> None:  # type: ignore[no-untyped-def]
    m = board.overall
    assert m.plans.text == "19"
    assert m.plans_self_share.value == pytest.approx(100 * 12 / 19)
    assert m.plans_network_share.value == pytest.approx(100 * 6 / 19)
    assert m.with_result.text == "19"
    assert m.without_professional_share.value == pytest.approx(100 * 13 / 19)


def test_synergy_who_helped_and_helpers_per_plan(board) -> None:  # type: ignore[no-untyped-def]
    m = board.overall
    assert {b.key: b.cell.text for b in m.plan_who} == {
        "self": "12", "network": "6", "volunteer": "7", "professional": "6"}
    assert {b.key: b.cell.text for b in m.helped_by} == {
        "self": "< 5", "network": "5", "volunteer": "5", "professional": "6"}
    assert {b.key: b.cell.text for b in m.helpers_per_plan} == {
        "1": "7", "2": "12", "3": "< 5", "4": "< 5"}
    assert m.helpers_per_plan_mean.text == "1,6"


def test_satisfaction_counts_the_last_answer_of_each_person(board) -> None:  # type: ignore[no-untyped-def]
    m = board.overall
    assert texts(m, "satisfied_yes", "satisfied_no", "satisfied_share") == {
        "satisfied_yes": "9", "satisfied_no": "5", "satisfied_share": "64%"}
    assert texts(m, "better", "not_better", "better_share") == {
        "better": "6", "not_better": "6", "better_share": "50%"}


def test_speed_medians_p90_follow_ups_on_time_and_tasks(board) -> None:  # type: ignore[no-untyped-def]
    m = board.overall
    assert texts(m, "wait_median", "wait_p90", "first_reply_median", "first_reply_p90") == {
        "wait_median": "5 min", "wait_p90": "9 min", "first_reply_median": "6 min", "first_reply_p90": "12 min"}
    assert texts(m, "followups_fired", "followups_on_time_share", "tasks_opened", "tasks_done") == {
        "followups_fired": "10", "followups_on_time_share": "80%", "tasks_opened": "6", "tasks_done": "5"}


def test_effort_is_minutes_per_person_reached(board) -> None:  # type: ignore[no-untyped-def]
    m = board.overall
    assert m.volunteer_minutes_per_person.value == pytest.approx(300 / 19)
    assert m.volunteer_minutes_per_person.text == "15,8 min"
    assert m.staff_minutes_per_person.text == "6 min"


def test_breakdown_per_neighbourhood_hides_the_small_one_and_the_next_smallest(board) -> None:  # type: ignore[no-untyped-def]
    hoods = {g.key: g.measures for g in board.breakdown("neighbourhood").groups}
    assert set(hoods) == {"Noord", "Zuid", "Oost"}
    assert hoods["Noord"].people.text == "10"
    assert hoods["Oost"].people.text == "< 5"
    # 19 - 10 would give Zuid's and then Oost's number: Zuid is hidden as well.
    assert hoods["Zuid"].people.text == "< 5"
    assert hoods["Oost"].people.value is None


def test_breakdowns_per_topic_channel_and_language(board) -> None:  # type: ignore[no-untyped-def]
    topics = {g.key: g.measures.people.text for g in board.breakdown("topic").groups}
    assert topics == {"household": "7", "loneliness": "7", "money": "< 5", "groceries": "6",
                      "transport": "5", "health": "< 5", "onbekend": "< 5"}
    channels = {g.key: g.measures.people.text for g in board.breakdown("channel").groups}
    assert channels == {"sms": "10", "whatsapp": "6", "webchat": "< 5"}
    langs = {g.key: g.measures for g in board.breakdown("language").groups}
    assert langs["nl"].people.text == "13" and langs["en"].people.text == "6"
    assert langs["en"].wait_median.text == "< 5"


def test_a_group_of_few_people_shows_no_number_at_all(board) -> None:  # type: ignore[no-untyped-def]
    oost = next(g for g in board.breakdown("neighbourhood").groups if g.key == "Oost").measures
    for key, cell in oost.cells():
        assert cell.hidden, key
    for _key, bars in oost.distributions():
        assert all(b.cell.hidden for b in bars)


def test_the_scoreboard_reads_the_same_from_the_database(seeded_db: Database, board) -> None:  # type: ignore[no-untyped-def]
    from_db = compute_scoreboard(seeded_db.session, PERIOD)
    assert from_db == board


def test_small_cell_helpers() -> None:
    assert people(4).text == "< 5" and people(0).text == "< 5" and people(5).text == "5"
    assert people(1234).text == "1.234"
    assert share(5, 4).hidden and share(4, 50).hidden and share(5, 5).text == "50%"
    assert share(5, 5).unit is Unit.PERCENT
    assert secondary_hidden(19, {"a": 10, "b": 6, "c": 3}) == {"b", "c"}
    assert secondary_hidden(30, {"a": 10, "b": 6, "c": 3, "d": 4, "e": 7}) == {"c", "d"}
    assert secondary_hidden(4, {"a": 4}) == {"a"}
    assert secondary_hidden(20, {"a": 10, "b": 10}) == set()


def test_nearest_rank_percentiles() -> None:
    assert percentile([], 50) is None
    assert percentile([3.0], 90) == 3.0
    assert percentile(range(1, 11), 50) == 5
    assert percentile(range(1, 11), 90) == 9
    assert percentile(range(1, 101), 90) == 90


def test_events_without_a_person_count_nowhere_per_person() -> None:
    raw = compute_raw([e for e in seed_events() if e.person is None])
    assert raw.people == 0 and raw.first_contacts == 0
