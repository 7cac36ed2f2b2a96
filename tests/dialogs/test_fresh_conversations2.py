"""Faults found by playing fresh conversations, second round: each test is one thing a
person did (numbered lists, days ruled out, devices, coming back much later...)."""

from __future__ import annotations

from dialogs.api import HandOff, ScheduleFollowUp, Who
from dialogs.harness import EngineConversation
from tests.dialogs.walk import saved_plan as _plan
from tests.dialogs.walk import walk_to as _at

# --- a list of one's own needs keeps its order ------------------------------------------


def test_a_numbered_list_of_needs_is_offered_in_the_persons_order(engine, nlu):
    c = EngineConversation(engine, nlu)
    c.say("1. de tuin\n2. boodschappen")
    replies = c.say("ja")
    assert c.state.step == "choose_first"
    assert replies[-1].options == ("Klusjes", "Boodschappen")
    assert replies[-1].text.index("klusjes") < replies[-1].text.index("boodschappen")


def test_one_to_what_first_is_the_need_the_person_numbered_one(engine, nlu):
    c = EngineConversation(engine, nlu)
    c.say("1. de tuin 2. boodschappen")
    c.say("ja")
    c.say("1")
    assert c.state.slots["current_topic"] == "odd_jobs"


def test_two_to_what_first_is_the_second_need_of_the_list(engine, nlu):
    c = EngineConversation(engine, nlu)
    c.say("ik heb twee vragen: 1 mijn tuin is een bende 2 wie doet mijn boodschappen")
    c.say("ja")
    c.say("2")
    assert c.state.slots["current_topic"] == "groceries"


def test_a_third_ask_named_at_what_first_comes_first(engine, nlu):
    c = EngineConversation(engine, nlu)
    c.say("de boodschappen, de tuin en een brief die ik niet snap")
    c.say("ja")
    assert c.state.step == "choose_first"
    assert len(c.state.slots["topics"]) == 3
    third = c.state.slots["topics"][2]
    word = {"groceries": "de boodschappen", "odd_jobs": "de tuin", "money": "die brief"}[third]
    c.say(f"eerst {word}")
    assert c.state.slots["current_topic"] == third
    assert c.state.slots["topics"][0] == third



# --- "wie ben jij?", "ben je een robot?" --------------------------------------------------


def test_are_you_a_robot_is_answered_and_the_question_comes_again(engine, nlu):
    c = _at(engine, nlu, "own_strength")
    replies = c.say("ben je een robot?")
    assert replies[0].text.startswith("Ik ben de computer van")
    assert replies[-1].text == "Wat lukt u nu nog zelf?"
    assert c.state.step == "own_strength"
    assert "own_strength" not in c.state.slots
    assert not [e for e in c.effects() if isinstance(e, HandOff)]


def test_who_are_you_is_not_taken_as_the_answer(engine, nlu):
    c = _at(engine, nlu, "difference")
    c.say("wie ben jij eigenlijk")
    assert c.state.step == "difference"
    assert "difference" not in c.state.slots


def test_who_are_you_as_a_first_message_gets_the_welcome_once(engine, nlu):
    c = EngineConversation(engine, nlu)
    replies = c.say("wie ben jij?")
    text = " ".join(r.text for r in replies)
    assert text.count("computer") == 1
    assert c.state.step == "welcome"


def test_i_want_no_robot_still_asks_for_a_person(engine, nlu):
    c = _at(engine, nlu, "own_strength")
    c.say("ik wil geen robot")
    assert c.state.step == "handed_off"
    assert [e for e in c.effects() if isinstance(e, HandOff)]


def test_who_are_you_in_english_is_answered_in_english(engine, nlu):
    c = EngineConversation(engine, nlu)
    for line in ("can someone clean my house", "yes", "yes"):
        c.say(line)
    replies = c.say("are you a real person?")
    assert replies[0].text.startswith("I am the computer of")
    assert c.state.step == "difference"


# --- a bare yes to an open question ---------------------------------------------------------


def test_a_bare_yes_to_what_can_you_still_do_is_asked_again_with_an_example(engine, nlu):
    c = _at(engine, nlu, "own_strength")
    replies = c.say("ja hoor")
    assert c.state.step == "own_strength"
    assert "Bijvoorbeeld" in replies[-1].text
    c.say("de afwas")
    c.say("nee")
    c.say("ja graag")
    c.say("Oost")
    items = _plan(c).items
    assert [i.what for i in items if i.who is Who.SELF] == ["de afwas"]


# --- a phone line: hesitations and words said twice -------------------------------------------


def test_hesitations_and_repeats_of_speech_stay_out_of_the_plan(engine, nlu):
    c = _at(engine, nlu, "own_strength", first="eh kan iemand eh mijn huis mijn huis schoonmaken")
    c.say("eh de afwas de afwas lukt nog")
    c.say("nee nee")
    c.say("ja graag")
    c.say("eh oost")
    items = _plan(c).items
    assert [i.what for i in items if i.who is Who.SELF] == ["de afwas lukt nog"]
    c.say("volgende week")
    [handoff] = [e for e in c.effects() if isinstance(e, HandOff)]
    assert "kan iemand mijn huis schoonmaken" in handoff.summary


# --- changing one's mind at an open question --------------------------------------------------


def test_no_actually_something_else_at_an_open_question_takes_the_new_ask(engine, nlu):
    c = _at(engine, nlu, "difference", first="ik wil hulp met de tuin")
    replies = c.say("nee toch niet, ik wil eigenlijk iemand om mee te praten, ik ben zo alleen")
    assert c.state.slots["topics"] == ["loneliness"]
    assert c.state.step == "reflect"
    assert "contact met anderen" in replies[-1].text


def test_an_answer_that_names_another_need_without_a_change_of_mind_is_a_need_behind(engine, nlu):
    c = _at(engine, nlu, "difference", first="ik wil hulp met de tuin")
    c.say("dan kan ik weer buiten zitten, ik ben zo alleen")
    assert c.state.slots["topics"] == ["odd_jobs"]
    assert "loneliness" in c.state.slots["deeper"]


# --- days ruled out, in the conversation ---------------------------------------------------


def test_not_tomorrow_but_the_day_after_is_when_we_come_back(engine, nlu):
    c = _at(engine, nlu, "network")
    for line in ("nee", "ja graag", "Oost"):
        c.say(line)
    assert c.state.step == "followup_offer"
    c.say("morgen niet, overmorgen wel")
    [due] = [e.due for e in c.effects() if isinstance(e, ScheduleFollowUp)]
    assert (due.date() - c.now.date()).days == 2


# --- a thumbs up, "hallo??" again and again ---------------------------------------------------


def test_a_thumbs_up_to_may_we_keep_your_messages_is_a_yes(engine, nlu):
    c = EngineConversation(engine, nlu)
    c.say("kan iemand de boodschappen voor mij doen")
    c.say("\U0001f44d")
    assert c.state.slots.get("consent") is True or c.person.consent is True
    assert c.state.step == "reflect"


def test_hallo_again_and_again_offers_a_person(engine, nlu):
    c = _at(engine, nlu, "difference")
    replies = c.say("hallo??")
    assert replies[0].text == "Hallo. Hier waren we gebleven."
    replies = c.say("hallo??")
    assert c.state.step == "offer_human"
    assert replies[-1].options == ("Ja, graag", "Nee, verder")


# --- a day named in the ask -------------------------------------------------------------------


def test_a_ride_needed_tomorrow_is_flagged_for_the_helper(engine, nlu):
    c = EngineConversation(engine, nlu)
    c.say("kan iemand mij morgen naar het ziekenhuis rijden")
    answers = {"welcome": "ja", "reflect": "ja", "difference": "dan ben ik op tijd", "own_strength": "ik kan lopen"}
    answers |= {"network": "nee", "volunteer_offer": "ja graag", "neighbourhood": "Oost", "followup_offer": "volgende week"}
    while c.state.step in answers:
        c.say(answers[c.state.step])
    [handoff] = [e for e in c.effects() if isinstance(e, HandOff)]
    assert "LET OP: Nodig: dinsdag 24 november, eerder dan de gewone termijn." in handoff.summary


def test_no_day_in_the_ask_adds_no_needed_line(engine, nlu):
    c = _at(engine, nlu, "network")
    for line in ("nee", "ja graag", "Oost", "volgende week"):
        c.say(line)
    [handoff] = [e for e in c.effects() if isinstance(e, HandOff)]
    assert "Nodig" not in handoff.summary


# --- the follow-up: nobody came, a new step --------------------------------------------------


def test_a_new_step_after_nobody_came_goes_to_a_coordinator(engine, nlu):
    c = _at(engine, nlu, "network")
    for line in ("nee", "ja graag", "Oost", "over een paar dagen"):
        c.say(line)
    c.effects()
    c.event("followup_due", about="household")
    c.say("nee niemand gekomen")
    assert c.state.step == "not_better"
    c.say("een nieuwe stap")
    for line in ("ik kan afwassen", "nee", "ja graag", "volgende week"):
        c.say(line)
    [handoff] = [e for e in c.effects() if isinstance(e, HandOff)]
    assert handoff.role.value == "coordinator"
    assert "De eerdere afspraak hielp niet" in handoff.summary


def test_a_followup_that_went_well_keeps_the_volunteer_for_a_new_question(engine, nlu):
    c = _at(engine, nlu, "network")
    for line in ("nee", "ja graag", "Oost", "over een paar dagen"):
        c.say(line)
    c.event("followup_due", about="household")
    c.say("ja die vrijwilliger is geweest")
    assert c.state.step == "what_helped"
    assert not c.state.slots.get("plan_not_working")


def test_a_plan_kept_without_its_day_reads_as_a_whole_sentence(engine, nlu):
    from dialogs.harness import person_from

    person = person_from(
        {"returning": True, "consent": True, "open_plan": [{"who": "volunteer", "what": "de boodschappen"}]}
    )
    c = EngineConversation(engine, nlu, person=person)
    replies = c.say("er is nog niemand geweest voor de boodschappen")
    text = " ".join(r.text for r in replies)
    assert "- Een vrijwilliger helpt met de boodschappen." in text
    assert "Uiterlijk  " not in text and "Uiterlijk neemt" not in text
