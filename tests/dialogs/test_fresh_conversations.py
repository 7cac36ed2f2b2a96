"""Faults found by playing fresh conversations: each test is one thing a person did."""

from __future__ import annotations

import re

import pytest

from dialogs.api import HandOff, Who
from dialogs.harness import EngineConversation
from tests.dialogs.walk import saved_plan as _plan
from tests.dialogs.walk import walk_to as _at


def test_a_helper_named_at_is_there_someone_is_not_asked_who_again(engine, nlu):
    c = _at(engine, nlu, "network")
    replies = c.say("mijn dochter Els komt elke zaterdag")
    text = " ".join(r.text for r in replies)
    assert "Wie kan u helpen" not in text
    assert c.state.step == "network_easier"
    c.say("als ik het haar zelf vraag")
    c.say("ja graag")
    c.say("Tuinzigt")
    items = _plan(c).items
    assert any(i.who is Who.NETWORK and "dochter" in i.what for i in items)


def test_yes_with_a_helper_named_is_asked_only_with_what(engine, nlu):
    c = _at(engine, nlu, "network")
    replies = c.say("ja mijn zoon")
    assert c.state.step == "network_what"
    assert "Waarmee kan die persoon" in replies[-1].text
    c.say("de boodschappen op zaterdag")
    assert c.state.step == "network_easier"
    c.say("niks")
    c.say("ja graag")
    c.say("Tuinzigt")
    items = _plan(c).items
    assert any(i.who is Who.NETWORK and "zoon" in i.what and "zaterdag" in i.what for i in items)


def test_an_english_helper_named_is_not_asked_who_again(engine, nlu):
    c = EngineConversation(engine, nlu)
    for line in ("can someone clean my house", "yes", "yes", "it would be tidy", "I can do the dishes"):
        c.say(line)
    assert c.state.step == "network"
    c.say("my daughter could help on Saturdays")
    assert c.state.step == "network_easier"


def test_a_plain_yes_is_still_asked_who(engine, nlu):
    c = _at(engine, nlu, "network")
    replies = c.say("ja")
    assert c.state.step == "network_who"
    assert "Wie kan u helpen" in replies[-1].text


def test_maybe_without_a_helper_is_still_asked_who(engine, nlu):
    c = _at(engine, nlu, "network")
    c.say("misschien wel")
    assert c.state.step == "network_who"


# --- "ff bellen": a call asked for where a person is offered is a yes ----------------


def _to_volunteer_offer(engine, nlu) -> EngineConversation:
    c = _at(engine, nlu, "network")
    c.say("nee")
    assert c.state.step == "volunteer_offer", c.state.step
    return c


def test_ff_bellen_where_a_volunteer_is_offered_takes_the_offer(engine, nlu):
    c = _to_volunteer_offer(engine, nlu)
    replies = c.say("ff bellen")
    assert c.state.slots.get("wants") == "volunteer"
    assert c.state.step == "neighbourhood"
    assert "wijk" in replies[-1].text


def test_mens_where_a_social_worker_is_offered_takes_the_offer(engine, nlu):
    c = _to_volunteer_offer(engine, nlu)
    c.say("nee")
    assert c.state.step == "professional_instead"
    c.say("bel me maar")
    assert c.state.slots.get("wants") == "professional"


def test_ff_bellen_where_no_person_is_offered_asks_for_a_person(engine, nlu):
    c = _at(engine, nlu, "own_strength")
    replies = c.say("ff bellen")
    assert c.state.step == "handed_off"
    assert "medewerker" in replies[0].text
    assert any(isinstance(e, HandOff) for e in c.effects())


def test_ff_bellen_to_shall_i_ask_a_person_hands_off_once(engine, nlu):
    c = _at(engine, nlu, "own_strength")
    c.say("???")
    c.say("...")
    assert c.state.step == "offer_human", c.state.step
    c.effects()
    c.say("ff bellen")
    assert c.state.step == "handed_off"
    assert len([e for e in c.effects() if isinstance(e, HandOff)]) == 1


def test_asking_for_a_social_worker_where_a_volunteer_is_offered_is_not_a_yes(engine, nlu):
    c = _to_volunteer_offer(engine, nlu)
    c.say("ik wil een hulpverlener spreken")
    assert c.state.slots.get("wants") != "volunteer"
    assert c.state.step == "handed_off"


def test_ff_bellen_after_the_handoff_is_passed_on_not_a_second_handoff(engine, nlu):
    c = _to_volunteer_offer(engine, nlu)
    for line in ("ja graag", "Tuinzigt", "volgende week"):
        c.say(line)
    assert c.state.step == "handed_off"
    c.effects()
    replies = c.say("ff bellen?")
    assert "Ik geef uw bericht door" in replies[0].text
    assert not [e for e in c.effects() if isinstance(e, HandOff)]


# --- changing one's mind ---------------------------------------------------------------


def test_no_with_the_new_ask_in_it_takes_that_ask(engine, nlu):
    c = EngineConversation(engine, nlu)
    c.say("ik zoek iemand om een keer bij op bezoek te gaan")
    c.say("ja")
    assert c.state.step == "reflect"
    replies = c.say("nee toch niet, ik wil eigenlijk hulp met de tuin")
    text = " ".join(r.text for r in replies)
    assert "Waar zoekt u dan hulp bij" not in text
    assert c.state.slots["topics"] == ["odd_jobs"]
    assert "klusjes" in text


def test_a_plain_no_still_asks_what_then(engine, nlu):
    c = EngineConversation(engine, nlu)
    c.say("ik zoek iemand om een keer bij op bezoek te gaan")
    c.say("ja")
    replies = c.say("nee, iets anders")
    assert "Waar zoekt u dan hulp bij" in replies[-1].text


# --- coming back -------------------------------------------------------------------------


def test_a_greeting_days_later_is_not_taken_as_the_answer(engine, nlu):
    c = _at(engine, nlu, "own_strength")
    replies = c.say("hallo ben ik weer")
    assert c.state.step == "own_strength"
    assert "own_strength" not in c.state.slots
    assert replies[0].text == "Hallo. Hier waren we gebleven."
    assert replies[-1].text == "Wat lukt u nu nog zelf?"


def test_a_greeting_to_a_yes_no_question_asks_it_again_not_sorry(engine, nlu):
    c = _at(engine, nlu, "network")
    replies = c.say("goedemorgen")
    assert c.state.step == "network"
    assert "Sorry" not in " ".join(r.text for r in replies)
    assert replies[-1].options == ("Ja", "Nee")


def test_a_message_after_the_worry_handoff_is_passed_on_not_asked_again(engine, nlu):
    c = EngineConversation(engine, nlu)
    for line in ("ik maak me zorgen om mijn buurman", "ja", "hij komt niet meer buiten", "nee"):
        c.say(line)
    assert any(isinstance(e, HandOff) for e in c.effects())
    replies = c.say("hij is ook erg vergeetachtig geworden, ik maak me echt zorgen om hem")
    assert "Ik geef uw bericht door" in replies[0].text
    assert "Wat ziet u" not in " ".join(r.text for r in replies)
    assert not [e for e in c.effects() if isinstance(e, HandOff)]


def test_a_message_after_the_volunteer_offer_handoff_is_passed_on(engine, nlu):
    c = EngineConversation(engine, nlu)
    for line in ("ik wil graag vrijwilliger worden", "ja", "boodschappen doen", "Tuinzigt", "dinsdagmiddag"):
        c.say(line)
    assert any(isinstance(e, HandOff) for e in c.effects())
    replies = c.say("ik wil ook wel helpen, ik kan ook rijden")
    assert "Ik geef uw bericht door" in replies[0].text


# --- the neighbourhood ----------------------------------------------------------------


def test_yes_with_the_neighbourhood_in_it_is_not_asked_the_neighbourhood(engine, nlu):
    c = _to_volunteer_offer(engine, nlu)
    replies = c.say("ja graag, ik woon in Tuinzigt")
    assert "In welke wijk" not in " ".join(r.text for r in replies)
    assert c.state.slots.get("neighbourhood") == "Tuinzigt"
    assert c.state.step == "followup_offer"


def test_a_known_neighbourhood_as_the_answer_to_the_volunteer_offer_is_a_yes(engine, nlu):
    c = _to_volunteer_offer(engine, nlu)
    c.say("Tuinzigt")
    assert c.state.slots.get("wants") == "volunteer"
    assert c.state.slots.get("neighbourhood") == "Tuinzigt"


def test_a_day_is_not_taken_as_the_neighbourhood(engine, nlu):
    c = _to_volunteer_offer(engine, nlu)
    c.say("ja graag")
    assert c.state.step == "neighbourhood"
    c.say("overmorgen na het eten")
    assert c.state.step == "neighbourhood"
    assert not c.state.slots.get("neighbourhood")


# --- what the question is about -------------------------------------------------------


def test_a_message_clearly_about_caring_is_a_caring_question(dialogs):
    from dialogs.needs import split_topics

    literal, behind = split_topics(
        ["caregiver", "household"], dialogs.topics, {"caregiver": 0.96, "household": 0.63}
    )
    assert literal == ["caregiver"] and behind == ["household"]


def test_cleaning_with_loneliness_behind_stays_a_cleaning_question(dialogs):
    from dialogs.needs import split_topics

    literal, behind = split_topics(
        ["loneliness", "household"], dialogs.topics, {"loneliness": 0.9, "household": 0.8}
    )
    assert literal == ["household"] and behind == ["loneliness"]


def test_a_question_about_data_at_consent_is_no_consent(engine, nlu):
    c = EngineConversation(engine, nlu)
    c.say("kan iemand mijn huis schoonmaken")
    replies = c.say("wat doen jullie met mijn gegevens?")
    assert c.state.step == "welcome"
    assert not c.state.slots.get("consent")
    assert replies[0].text == "Ik zeg het anders."
    assert "alleen om u te helpen" in replies[-1].text


def test_my_plan_in_the_middle_of_the_intake_asks_one_question(engine, nlu):
    c = _at(engine, nlu, "own_strength")
    replies = c.say("mijn plan")
    assert [r.text.count("?") for r in replies if "?" in r.text] == [1]
    assert replies[-1].text == "Wat lukt u nu nog zelf?"


def test_my_plan_as_a_first_message_starts_the_conversation(engine, nlu):
    c = EngineConversation(engine, nlu)
    c.say("mijn plan")
    assert c.state.step == "welcome"


def test_no_after_all_at_who_can_help_goes_on_to_other_help(engine, nlu):
    c = _at(engine, nlu, "network")
    c.say("ja")
    assert c.state.step == "network_who"
    replies = c.say("nee eigenlijk niet")
    assert c.state.step == "volunteer_offer"
    assert "makkelijker" not in " ".join(r.text for r in replies)


def test_a_helper_named_in_dialect_is_not_asked_who_again(engine, nlu):
    c = _at(engine, nlu, "network")
    c.say("mien zeun komt zaterdag")
    assert c.state.step == "network_easier"


# --- a relative writes for someone ------------------------------------------------------


def test_a_daughter_writing_for_her_father_is_asked_about_him(engine, nlu):
    c = EngineConversation(engine, nlu)
    c.say("mijn vader van 90 woont alleen en kan niet meer schoonmaken, kan er iemand helpen?")
    replies = c.say("ja")
    assert "voor uw vader" in replies[-1].text
    replies = c.say("ja")
    assert "anders voor uw vader" in replies[-1].text
    replies = c.say("dan is het weer netjes bij hem")
    answers = {"deeper_check": "nee", "exception": "op zondag", "scale": "5"}
    answers |= {"scale_higher": "meer hulp", "coping": "het gaat"}
    while c.state.step in answers:  # "woont alleen": company, and the scale, asked once
        replies = c.say(answers[c.state.step])
    assert replies[-1].text == "Wat lukt uw vader nu nog zelf?"
    c.say("hij kan nog afwassen")
    c.say("nee")
    replies = c.say("ja graag")
    assert replies[-1].text == "In welke wijk woont uw vader?"


def test_an_english_son_writing_for_his_mother_is_asked_about_her(engine, nlu):
    c = EngineConversation(engine, nlu)
    c.say("Hello, I am writing for my mother, she can't clean her house anymore")
    replies = c.say("yes")
    assert "for your mother" in replies[-1].text
    c.say("yes")
    replies = c.say("it would be tidy")
    assert replies[-1].text == "What can your mother still do on her own?"


@pytest.mark.parametrize(
    "first",
    [
        "kan iemand mijn huis schoonmaken, mijn zoon woont ver weg",
        "mijn man is overleden en ik kan het huis niet meer schoonmaken",
        "ik zorg voor mijn vader en het huishouden lukt niet meer",
    ],
)
def test_someone_asking_for_themselves_is_asked_about_themselves(engine, nlu, first):
    c = EngineConversation(engine, nlu)
    c.say(first)
    replies = c.say("ja")
    assert not re.search(r"voor uw (?:zoon|man|vader)", replies[-1].text)


@pytest.mark.parametrize(
    ("text", "exhausted"),
    [
        ("ik zorg voor haar, ik kan niet meer", True),
        ("ik kan het niet meer aan", True),
        ("mijn vader kan niet meer zelf zijn boodschappen doen", False),
        ("ik kan niet meer lopen", False),
    ],
)
def test_exhaustion_is_not_a_practical_cannot(text, exhausted):
    from dialogs.needs import signals

    assert bool(signals(text).get("exhausted")) is exhausted


def test_writing_for_a_relative_i_come_on_sundays_names_the_writer_as_helper(engine, nlu):
    c = EngineConversation(engine, nlu)
    c.say("mijn vader van 90 kan niet meer zelf schoonmaken")
    answers = {"welcome": "ja", "reflect": "ja", "reflect_both": "ja", "difference": "dan is het schoon"}
    answers |= {"deeper_check": "nee", "exception": "op zondag", "scale": "5"}
    answers |= {"scale_higher": "meer hulp", "coping": "koffie", "own_strength": "afwassen"}
    while c.state.step in answers:
        c.say(answers[c.state.step])
    assert c.state.step == "network"
    c.say("ik kom op zondag maar ik woon ver weg")
    assert c.state.step in ("volunteer_offer", "professional_offer")


def test_a_helper_named_at_what_can_you_do_is_no_own_strength_and_not_asked_again(engine, nlu):
    c = _at(engine, nlu, "own_strength")
    replies = c.say("mijn dochter doet soms de was")
    assert c.state.step == "network_easier"
    assert "Is er iemand" not in " ".join(r.text for r in replies)
    c.say("niks")
    c.say("ja graag")
    c.say("Tuinzigt")
    items = _plan(c).items
    assert [i.who for i in items] == [Who.NETWORK, Who.VOLUNTEER]


def test_a_question_back_at_an_open_question_is_passed_on_not_planned(engine, nlu):
    c = _at(engine, nlu, "own_strength")
    replies = c.say("kost dat geld?")
    assert c.state.step == "own_strength"
    assert replies[0].text == "Goede vraag. Die geef ik door aan een medewerker."
    assert replies[-1].text == "Wat lukt u nu nog zelf?"
    c.say("afwassen")
    c.say("nee")
    c.say("ja graag")
    c.say("Tuinzigt")
    items = _plan(c).items
    assert not any("kost" in i.what for i in items)
    c.say("volgende week")
    [handoff] = [e for e in c.effects() if isinstance(e, HandOff)]
    assert 'Vraagt: "kost dat geld?"' in handoff.summary


def test_no_after_the_goodbye_is_not_answered_with_you_are_welcome(engine, nlu):
    c = EngineConversation(engine, nlu)
    c.say("hallo")
    c.say("ja")
    c.say("niks")
    assert c.state.step == "goodbye"
    replies = c.say("nee")
    assert replies[-1].text == "Goed. U kunt altijd weer een bericht sturen."


def test_yes_but_a_volunteer_after_all_to_a_social_worker_offer_gets_a_volunteer(engine, nlu):
    c = _to_volunteer_offer(engine, nlu)
    c.say("nee")
    assert c.state.step == "professional_instead"
    c.say("ja toch wel een vrijwilliger")
    assert c.state.slots.get("wants") == "volunteer"
    assert c.state.step == "neighbourhood"


def test_yes_to_a_social_worker_offer_gets_a_social_worker(engine, nlu):
    c = _to_volunteer_offer(engine, nlu)
    c.say("nee")
    c.say("ja graag een hulpverlener")
    assert c.state.slots.get("wants") == "professional"


def test_writing_for_a_relative_the_writer_as_helper_is_in_the_plan(engine, nlu):
    c = EngineConversation(engine, nlu)
    c.say("mijn vader van 90 kan niet meer zelf schoonmaken")
    answers = {"welcome": "ja", "reflect": "ja", "reflect_both": "ja", "difference": "dan is het schoon"}
    answers |= {"deeper_check": "nee", "exception": "op zondag", "scale": "5"}
    answers |= {"scale_higher": "meer hulp", "coping": "koffie", "own_strength": "hij kan afwassen"}
    while c.state.step in answers:
        c.say(answers[c.state.step])
    replies = c.say("ik kom op zondag")
    assert "makkelijker" not in " ".join(r.text for r in replies)
    while c.state.step in ("volunteer_offer", "professional_offer", "neighbourhood"):
        c.say({"neighbourhood": "Oost"}.get(c.state.step, "ja graag"))
    items = _plan(c).items
    assert any(i.who is Who.NETWORK and "zondag" in i.what for i in items)


def test_back_with_an_open_plan_and_a_new_question_goes_to_the_new_question(engine, nlu):
    from dialogs.harness import person_from

    person = person_from(
        {"returning": True, "consent": True, "open_plan": [{"who": "self", "what": "ik kan lezen"}]}
    )
    c = EngineConversation(engine, nlu, person=person)
    replies = c.say("hallo ik heb nu een andere vraag, mijn tuin is een bende")
    assert "Welkom terug" not in " ".join(r.text for r in replies)
    assert c.state.slots["topics"] == ["odd_jobs"]
    assert "klusjes" in replies[-1].text


def test_back_with_an_open_plan_about_the_same_thing_sees_the_plan(engine, nlu):
    from dialogs.harness import person_from

    person = person_from(
        {"returning": True, "consent": True, "open_plan": [{"who": "volunteer", "what": "de boodschappen"}]}
    )
    c = EngineConversation(engine, nlu, person=person)
    replies = c.say("er is nog niemand geweest voor de boodschappen")
    assert "Welkom terug" in replies[0].text


def test_not_better_and_a_person_goes_to_a_coordinator(engine, nlu):
    c = _to_volunteer_offer(engine, nlu)
    for line in ("ja graag", "Tuinzigt", "over een paar dagen"):
        c.say(line)
    c.effects()
    c.event("followup_due", about="household")
    c.say("niet beter, er is niemand geweest")
    replies = c.say("een mens spreken")
    [handoff] = [e for e in c.effects() if isinstance(e, HandOff)]
    assert handoff.role.value == "coordinator"
    assert "medewerker" in replies[0].text


def test_hello_then_an_english_sentence_goes_on_in_english(engine, nlu):
    c = EngineConversation(engine, nlu)
    c.say("hallo")
    c.say("ja")
    replies = c.say("I need help with cleaning my house please")
    assert c.state.language == "en"
    assert "Is that right?" in replies[-1].text


def test_a_dutch_first_sentence_stays_dutch(engine, nlu):
    c = EngineConversation(engine, nlu)
    c.say("kan iemand mijn huis schoonmaken")
    c.say("ja")
    c.say("ok")
    assert c.state.language == "nl"


def test_thanks_to_an_open_question_is_not_the_answer(engine, nlu):
    c = _at(engine, nlu, "own_strength")
    replies = c.say("bedankt")
    assert c.state.step == "own_strength"
    assert "own_strength" not in c.state.slots
    assert [r.text for r in replies] == ["Graag gedaan.", "Wat lukt u nu nog zelf?"]


def test_a_bare_yes_to_with_what_adds_nothing_to_the_helper_in_the_plan(engine, nlu):
    c = _at(engine, nlu, "network")
    c.say("ja mijn broer misschien")
    assert c.state.step == "network_what"
    for line in ("ja", "als hij tijd heeft", "ja graag", "Tuinzigt"):
        c.say(line)
    items = _plan(c).items
    assert [i.what for i in items if i.who is Who.NETWORK] == ["ja mijn broer misschien"]


def test_bills_piling_up_are_debts():
    from dialogs.needs import signals

    assert signals("mijn rekeningen lopen op").get("debts")


def test_the_english_crisis_text_says_or_not_of(profile):
    assert " of " not in profile.template_values("en")["crisis_suicide"]
    assert profile.template_values("nl")["crisis_suicide"] == profile.crisis_suicide
