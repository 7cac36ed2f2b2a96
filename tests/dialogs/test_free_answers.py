"""Free answers as people give them: "hè?", a smiley, "maakt niet uit", a day in words."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from dialogs.api import HandOff, SavePlan, ScheduleFollowUp, Who
from dialogs.harness import EngineConversation

AMS = ZoneInfo("Europe/Amsterdam")


def _at(engine, nlu, step: str, *lines: str) -> EngineConversation:
    """A conversation about cleaning, walked up to ``step``."""
    c = EngineConversation(engine, nlu)
    script = [
        "kan iemand mijn huis schoonmaken",  # -> consent
        "ja",  # -> reflect
        "ja",  # -> difference
        "dan is het weer netjes",  # -> own_strength
        *lines,
    ]
    for line in script:
        if c.state.step == step:
            break
        c.say(line)
    assert c.state.step == step, c.state.step
    return c


def _to_followup(engine, nlu, own: str = "de afwas") -> EngineConversation:
    c = _at(engine, nlu, "own_strength")
    for line in (own, "nee", "ja graag", "Tuinzigt"):
        c.say(line)
    assert c.state.step == "followup_offer", c.state.step
    c.effects()
    return c


def _due(c: EngineConversation) -> datetime:
    return next(e for e in c.effects() if isinstance(e, ScheduleFollowUp)).due.astimezone(AMS)


def test_he_to_a_yes_no_question_asks_it_again_in_other_words(engine, nlu):
    c = EngineConversation(engine, nlu)
    c.say("kan iemand mijn huis schoonmaken")
    c.say("ja")
    assert c.state.step == "reflect"
    replies = c.say("hè?")
    assert c.state.step == "reflect"
    assert replies[0].text == "Ik zeg het anders."
    assert "Zeg ja of nee" in replies[-1].text


def test_what_do_you_mean_to_an_open_question_is_not_taken_as_the_answer(engine, nlu):
    c = _at(engine, nlu, "own_strength")
    replies = c.say("wat bedoelt u?")
    assert c.state.step == "own_strength"
    assert "own_strength" not in c.state.slots
    assert "Bijvoorbeeld" in replies[-1].text


def test_a_smiley_to_the_network_question_is_not_a_helper(engine, nlu):
    c = _at(engine, nlu, "own_strength")
    c.say("de afwas")
    assert c.state.step == "network"
    c.say("🙂")
    assert c.state.step == "network"
    assert "network_who" not in c.state.slots


def test_a_bare_number_to_an_open_question_is_asked_again(engine, nlu):
    c = _at(engine, nlu, "own_strength")
    c.say("2")
    assert c.state.step == "own_strength"


def test_yes_is_no_neighbourhood(engine, nlu):
    c = _at(engine, nlu, "own_strength")
    for line in ("de afwas", "nee", "ja graag"):
        c.say(line)
    assert c.state.step == "neighbourhood"
    replies = c.say("ja hoor")
    assert c.state.step == "neighbourhood"
    assert "neighbourhood" not in c.state.slots
    assert "wijk" in replies[-1].text
    c.say("Tuinzigt")
    assert c.state.slots["neighbourhood"] == "Tuinzigt"


def test_a_day_in_words_sets_the_followup_on_that_day(engine, nlu):
    c = _to_followup(engine, nlu)  # Monday 23 November
    replies = c.say("volgende week dinsdag na de lunch")
    due = _due(c)
    assert (due.date().isoformat(), due.hour, due.minute) == ("2026-12-01", 13, 30)
    assert "dinsdag 1 december" in replies[0].text


def test_no_with_another_day_moves_the_followup_not_cancels_it(engine, nlu):
    c = _to_followup(engine, nlu)
    c.say("nee liever donderdagmiddag")
    due = _due(c)
    assert (due.date().isoformat(), due.hour) == ("2026-11-26", 14)


def test_a_followup_asked_for_on_a_sunday_moves_into_contact_hours(engine, nlu):
    c = _to_followup(engine, nlu)
    c.say("zondag")
    assert _due(c).weekday() != 6


def test_dont_mind_between_two_moments_takes_the_first(engine, nlu):
    c = _to_followup(engine, nlu)
    c.say("maakt niet uit")
    assert c.state.step != "followup_offer"
    assert _due(c).date().isoformat() == "2026-11-26"


def test_plain_no_still_declines_the_followup(engine, nlu):
    c = _to_followup(engine, nlu)
    c.say("nee hoor")
    assert not [e for e in c.effects() if isinstance(e, ScheduleFollowUp)]


def test_nothing_done_oneself_is_not_put_in_the_plan(engine, nlu):
    c = _at(engine, nlu, "own_strength")
    for line in ("niks", "nee", "ja graag", "Tuinzigt"):
        c.say(line)
    plan = next(e for e in c.effects() if isinstance(e, SavePlan))
    assert Who.SELF not in {i.who for i in plan.items}
    assert plan.items  # the volunteer is still in it


def test_the_handoff_still_follows_a_day_in_words(engine, nlu):
    c = _to_followup(engine, nlu)
    c.say("over een dag of 3")
    assert any(isinstance(e, HandOff) for e in c.effects())


def _open_question(engine, nlu) -> EngineConversation:
    c = EngineConversation(engine, nlu)
    c.say("hallo")
    c.say("ja")
    assert c.state.step == "open_question"
    return c


def test_never_mind_at_the_open_question_says_goodbye_kindly(engine, nlu):
    c = _open_question(engine, nlu)
    replies = c.say("laat maar")
    assert c.state.step == "goodbye"
    assert "altijd weer een bericht" in replies[-1].text
    assert not any(isinstance(e, HandOff) for e in c.effects())


def test_not_knowing_what_to_ask_gets_examples_then_a_person(engine, nlu):
    c = _open_question(engine, nlu)
    replies = c.say("weet ik niet")
    assert c.state.step == "open_question"
    assert "Bijvoorbeeld" in replies[-1].text and "begreep" not in replies[0].text
    replies = c.say("geen idee")
    assert "mens" in replies[-1].text


def test_why_at_consent_explains_instead_of_saying_not_understood(engine, nlu):
    c = EngineConversation(engine, nlu)
    c.say("kan iemand mijn huis schoonmaken")
    replies = c.say("waarom?")
    assert c.state.step == "welcome"
    assert "begreep" not in replies[0].text
    assert "om u te helpen" in replies[-1].text and "ja of nee" in replies[-1].text


def test_a_neighbourhood_said_in_a_sentence_keeps_only_its_name(engine, nlu):
    c = _at(engine, nlu, "own_strength")
    for line in ("de afwas", "nee", "ja graag"):
        c.say(line)
    c.say("ik woon in de Vogelwijk vlak bij de kerk")
    assert c.state.slots["neighbourhood"] == "De Vogelwijk"


def test_nobody_came_at_the_followup_is_not_better(engine, nlu):
    c = _to_followup(engine, nlu)
    c.say("over een paar dagen")
    c.event("followup_due", about="household")
    assert c.state.step == "how_now"
    c.say("niemand heeft gebeld, ik heb nog niks gehoord")
    assert c.state.step == "not_better"


def test_it_goes_all_right_at_the_followup_is_better(engine, nlu):
    c = _to_followup(engine, nlu)
    c.say("over een paar dagen")
    c.event("followup_due", about="household")
    c.say("het gaat wel hoor, er is iemand geweest")
    assert c.state.step == "what_helped"


def test_not_knowing_whether_the_other_knows_still_reaches_a_worker(engine, nlu):
    c = EngineConversation(engine, nlu)
    for line in ("ik maak me zorgen om mijn buurman", "ja", "hij komt niet meer buiten"):
        c.say(line)
    assert c.state.step == "knows"
    c.say("weet ik niet")
    assert any(isinstance(e, HandOff) for e in c.effects())


def test_two_for_next_week_is_next_week_not_february(engine, nlu):
    c = _to_followup(engine, nlu)
    c.say("2")
    assert _due(c).date().isoformat() == "2026-11-30"


def test_two_for_not_better_at_the_followup_is_not_a_postponement(engine, nlu):
    c = _to_followup(engine, nlu)
    c.say("over een paar dagen")
    c.event("followup_due", about="household")
    c.say("2")
    assert c.state.step == "not_better"


def test_the_plan_quotes_what_the_person_does_in_their_own_words(engine, nlu):
    c = _at(engine, nlu, "own_strength")
    replies = []
    for line in ("ik doe zelf de afwas", "nee", "ja graag", "Tuinzigt"):
        replies = c.say(line)
    plan = next(r.text for r in replies if "Dit spreken we af" in r.text)
    assert 'Wat u zelf doet: "ik doe zelf de afwas"' in plan
    assert "U doet zelf: ik" not in plan


def test_which_first_answered_in_own_words_picks_that_topic(engine, nlu):
    c = EngineConversation(engine, nlu)
    c.say("ik moet naar het ziekenhuis en mijn lamp is kapot")
    c.say("ja")
    assert c.state.step == "choose_first"
    assert c.state.slots["topics"][:2] == ["transport", "odd_jobs"]
    c.say("eerst die lamp graag")  # neither "Vervoer" nor "Klusjes" in words
    assert c.state.slots["topics"][0] == "odd_jobs"
    assert c.state.step == "difference"


def test_dont_mind_to_consent_asks_again_without_saying_sorry(engine, nlu):
    c = EngineConversation(engine, nlu)
    c.say("kan iemand mijn huis schoonmaken")
    replies = c.say("maakt niet uit")
    assert c.state.step == "welcome"
    assert replies[0].text == "Ik zeg het anders."
    assert "ja of nee" in replies[-1].text


def _after_plan_handoff(engine, nlu) -> EngineConversation:
    c = _to_followup(engine, nlu)
    c.say("over een paar dagen")
    assert any(isinstance(e, HandOff) for e in c.effects())
    return c


def test_a_message_after_the_plan_handoff_is_passed_on_not_a_new_intake(engine, nlu):
    c = _after_plan_handoff(engine, nlu)
    replies = c.say("wanneer komt de vrijwilliger?")
    assert "Ik geef uw bericht door" in replies[0].text
    assert c.state.step == "handed_off"
    assert "Klopt dat" not in " ".join(r.text for r in replies)


def test_the_followup_still_comes_after_the_plan_handoff(engine, nlu):
    c = _after_plan_handoff(engine, nlu)
    c.event("followup_due", about="household")
    assert c.state.step == "how_now"


def test_he_to_the_offer_of_a_person_gets_a_person_not_the_same_question(engine, nlu):
    c = EngineConversation(engine, nlu)
    for line in ("hallo", "blabla", "hmm"):
        c.say(line)
    assert c.state.step == "offer_human"
    c.say("hè?")
    assert c.state.step != "offer_human"
    assert any(isinstance(e, HandOff) for e in c.effects())
