"""The dialog engine: ``Engine.decide(state, event) -> Decision``, a pure function.

Order for a message: a crisis first (always, even while a human holds the
conversation), then control words (``mens``, ``stop``, ``verwijder mijn gegevens``,
language), then the current step of the current flow. The engine reads no clock
(time comes in the event) and does no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime, timedelta

from config.hours import next_allowed
from config.profile import Profile
from dialogs.actions import Actions
from dialogs.api import (
    Decision,
    Event,
    FollowUpDue,
    HandedBack,
    HandoffWaiting,
    OutreachStarted,
    PersonContext,
    PersonWrote,
    ScheduleFollowUp,
    SetStopped,
    State,
)
from dialogs.model import DialogError, Dialogs, EffectSpec, Option, Step
from dialogs.needs import new_deeper, signals
from dialogs.reading import Answer, read_answer
from dialogs.render import followup_due, people_day
from dialogs.turn import Turn
from nlu.answers import detect_language, parse_when, yes_no
from nlu.api import Control, CrisisKind, TopicScore, Understanding
from nlu.text import fold, tidy_spoken

__all__ = ["REQUIRED_MESSAGES", "REQUIRED_STEPS", "Engine"]

#: Steps the engine enters by name; every dialog set must have them.
REQUIRED_STEPS: tuple[str, ...] = (
    "intake.welcome", "intake.route", "intake.open_question", "intake.followup_offer",
    "returning.welcome", "followup.how_now", "followup.how_now_again",
    "common.crisis", "common.handed_off", "common.offer_human", "common.delete_confirm",
    "common.goodbye", "common.anything_else",
)  # fmt: skip
REQUIRED_MESSAGES: tuple[str, ...] = (
    "crisis_suicide", "crisis_violence", "crisis_danger", "human_open", "human_closed",
    "stopped", "started", "language_ok", "not_understood", "thanks_reply",
    "waiting_busy", "waiting_after_hours", "plan_self", "plan_network", "plan_volunteer",
    "plan_professional", "greeting_back", "bye_reply", "question_noted", "thanks_mid",
    "who_we_are",
)  # fmt: skip
_CRISIS_MESSAGE = {
    CrisisKind.SUICIDE: "crisis_suicide",
    CrisisKind.VIOLENCE: "crisis_violence",
    CrisisKind.DANGER: "crisis_danger",
}
#: The question asked when the crisis model is not sure, by the kind it leans to.
_SAFETY_STEP_OF = {
    CrisisKind.SUICIDE: "common.safety_suicide",
    CrisisKind.VIOLENCE: "common.safety_violence",
    CrisisKind.DANGER: "common.safety_danger",
}
_SAFETY_STEPS = {step: kind for kind, step in _SAFETY_STEP_OF.items()}
#: How sure the NLU must be before a topic in an answer counts as a need behind the ask
#: (the person is asked to confirm it, so a false alarm costs one question).
DEEPER_CONFIDENCE = 0.6
#: The person asks to be asked again later (a follow-up moved).
_LATER = re.compile(
    r"\b(?:later|niet nu|andere keer|een ander moment|not now|another time|some other time)\b",
    re.IGNORECASE,
)
#: A follow-up is asked for at most this far ahead; further is read as no date.
_FURTHEST_FOLLOWUP = timedelta(days=92)


def _schedules(effects: tuple[EffectSpec, ...]) -> bool:
    return any(e.name == "schedule_followup" for e in effects)


#: Asking for a professional, not just anyone: "ik wil een hulpverlener spreken".
_PROFESSIONAL_WORD = re.compile(
    r"\b(?:hulpverlener|maatschappelijk|professional|social worker|medewerker)", re.IGNORECASE
)
#: "ik woon in Noord", "I live in Zuid": a neighbourhood told along the way.
_LIVES_IN = re.compile(
    r"\b(?:ik\s+woon\s+in|wij\s+wonen\s+in|we\s+wonen\s+in|i\s+live\s+in)\s+"
    r"(?:de\s+wijk\s+|the\s+)?(?P<name>[^\W\d_][\w-]*)",
    re.IGNORECASE,
)
_NOT_A_PLACE = frozenset(
    "de het een een the a an my mijn buurt wijk huis flat de flat appartement centrum "
    "zorgcentrum verzorgingshuis bejaardenhuis hetzelfde dezelfde deze die dat this that".split()
)
#: "Ik heb nu een andere vraag": someone back with an open plan asks something new.
_NEW_QUESTION = re.compile(
    r"\b(?:(?:een |nog een )?(?:andere|nieuwe) vraag|iets anders|ook nog|nu (?:iets|wat) anders|"
    r"another question|a new question|something else|something different)\b",
    re.IGNORECASE,
)
#: Words that turn a "no" into a change of mind ("nee, eigenlijk wil ik ...").
_CHANGED_MIND = re.compile(r"\b(?:eigenlijk|toch|liever|actually|rather|instead)\b", re.IGNORECASE)
_VOLUNTEER_WORD = re.compile(r"\b(?:vrijwilliger|volunteer)")
_NEGATED = re.compile(r"\b(?:geen|niet|no|not|never|nooit)\W+(?:\w+\W+)?$")
#: A question to us: it ends in "?" and opens like one ("kost dat geld?", "is het gratis?").
_ASKS_BACK = re.compile(
    r"^\W*(?:wat|wie|waarom|hoe|waar|wanneer|welke|hoeveel|hoezo|kost|kosten|moet ik|mag ik|"
    r"krijg ik|is het|is dat|zijn er|kunnen jullie|kunt u|kan dat|kan het|komt er|"
    r"what|who|why|how|where|when|which|does it|is it|are there|can you|will you|do i)\b[^?]*\?\W*$",
    re.IGNORECASE,
)


def _asks_back(text: str) -> bool:
    t = text.strip()
    # "ik kan nog koken?" (a doubt in the answer) starts with the person, not a question word.
    return bool(_ASKS_BACK.match(t)) and len(t.split()) <= 12


#: Flows whose free answers may show a need behind the ask.
_EXPLORING = frozenset({"intake", "followup", "returning"})
#: Questions about what goes well and who helps: answers name resources ("als mijn
#: dochter er is"), not needs, so no need behind the ask is read from them.
_RESOURCES = frozenset({"exception", "own_strength", "network_who", "network_easier", "where"})


class Engine:
    """Runs the loaded dialogs for one organisation profile."""

    def __init__(self, dialogs: Dialogs, profile: Profile) -> None:
        for key in REQUIRED_STEPS:
            flow, step = key.split(".")
            if flow not in dialogs.flows or step not in dialogs.flows[flow].steps:
                raise DialogError(f"{flow}.yaml", step, "the engine needs this step")
        for name in REQUIRED_MESSAGES:
            try:
                dialogs.message(name)
            except KeyError:
                raise DialogError("common.yaml", None, f"the engine needs message {name!r}")
        self.dialogs = dialogs
        self.profile = profile

    # --- the entry point --------------------------------------------------------------

    def decide(self, state: State, event: Event) -> Decision:
        """The next turn: new state, replies, effects and log entries. Pure."""
        turn = Turn(state, event.at, event.person)
        act = Actions(self.dialogs, self.profile, turn)
        if isinstance(event, PersonWrote):
            self._person_wrote(act, event)
        elif isinstance(event, FollowUpDue):
            act.set("about", event.about)
            act.go("followup.how_now_again" if event.attempt else "followup.how_now")
        elif isinstance(event, HandedBack):
            target = {"followup": "intake.followup_offer", "close": "common.goodbye"}
            act.go(target.get(event.next or "", "common.anything_else"))
        elif isinstance(event, HandoffWaiting):
            self._waiting(act, event)
        elif isinstance(event, OutreachStarted):
            flow = event.flow if event.flow in self.dialogs.flows else "checkin"
            act.set("outreach", flow)
            act.go(f"{flow}.{self.dialogs.flows[flow].start}")
        return turn.decision()

    # --- a message from the person ------------------------------------------------------

    def _person_wrote(self, act: Actions, event: PersonWrote) -> None:
        u = event.understanding
        turn = act.turn
        if turn.state.flow is None and "language_detected" not in turn.state.slots:
            turn.language(u.language if u.language in ("nl", "en") else detect_language(u.text))
            act.set("language_detected", True)
            # "hallo" or "hello" says little: the first real sentence may still decide.
            act.set("language_guess", len(u.text.split()) < 4)
        elif turn.state.slots.get("language_guess") and len(u.text.split()) >= 4:
            act.set("language_guess", False)
            if u.language in ("nl", "en") and u.control is None and u.language != turn.state.language:
                turn.language(u.language)  # "hello", then "I need help with my taxes"
        if u.crisis is not None:
            self._crisis(act, u.crisis, event.person)
            return
        if u.control is not None:
            self._control(act, u.control, event)
            return
        if event.person.held_by_human:
            return
        step = act.current()
        if step is not None and step.key in _SAFETY_STEPS:
            self._safety_answer(act, step, u, event)
            return
        doubt = u.crisis_doubt or (u.crisis_lean if _stands_alone(step) else None)
        in_crisis = event.person.crisis_waiting or (step is not None and step.key == "common.crisis")
        if doubt is not None and not in_crisis:
            self._check_safety(act, doubt, u)
            return
        if u.social == "who" and not u.topics:
            # "ben je een robot?" is answered, and the conversation goes on where it was;
            # a first message gets the welcome, which says the same.
            if step is not None or event.person.consent:
                act.say_message("who_we_are")
            if step is None or (step.end and not step.waiting):
                if not event.person.consent:
                    self._begin(act, u, event)
            elif step.asks:
                act.ask(step)
            return
        if step is None or (step.end and not step.waiting):
            self._begin(act, u, event)
        elif step.waiting:
            act.say(step.waiting)
        elif u.social == "thanks" and not u.topics and step.asks and step.expect == "text":
            # "bedankt" to an open question is politeness, not the answer.
            act.say_message("thanks_mid")
            act.ask(step)
        elif u.social == "greeting" and not u.topics and step.asks:
            # "hallo, daar ben ik weer" (often days later) is no answer: the open
            # question comes again, so the person knows where we were. "hallo??" again
            # and again says we are not understood: it counts as a miss the second time.
            if turn.state.misses:
                self._miss(act, step)
            else:
                act.say_message("greeting_back")
                act.ask(step)
                turn.misses(1)
        elif not self._postponed(act, step, u, event.at):
            self._answer(act, step, u, event.at)

    def _postponed(self, act: Actions, step: Step, u: Understanding, now: datetime) -> bool:
        """ "Later", "volgende week", "vrijdag": the person moves the follow-up."""
        if step.flow != "followup" or step.id not in ("how_now", "how_now_again"):
            return False
        labels = [fold(act.text(o.label)) for o in step.options]
        text = fold(u.text)
        if any(label in text for label in labels):  # "beter", "niet beter" said outright
            return False
        if _LATER.search(u.text):
            due = followup_due(self.profile, now, 3)
        else:
            when = parse_when(u.text, now)
            if when is None or when <= now:
                return False
            due = next_allowed(when, self.profile)
        about = (
            act.turn.state.slots.get("about")
            or act.turn.state.slots.get("current_topic")
            or "other"
        )
        act.set("followup_due", due.isoformat())
        act.set("followup_day", people_day(due, act.turn.state.language))
        act.turn.effect(ScheduleFollowUp(due=due, about=str(about)))
        act.say_message("followup_moved")
        return True

    def _crisis(self, act: Actions, kind: CrisisKind, person: PersonContext) -> None:
        if person.crisis_waiting:
            # A professional is already being called: the message is passed on. A new
            # handoff would replace the waiting one and restart its waiting time (and
            # its escalation), and the whole crisis text again reads like a machine.
            act.say_message("crisis_again")
            return
        act.say_message(_CRISIS_MESSAGE.get(kind, "crisis_danger"))
        act.handoff(role="professional", priority="urgent", reason="crisis", crisis_kind=kind)
        act.go("common.crisis", speak=False)

    # --- not sure it is a crisis: ask ------------------------------------------------

    def _check_safety(self, act: Actions, kind: CrisisKind, u: Understanding) -> None:
        """The crisis model is not sure: ask one plain question before anything else.

        Asking about suicide or danger straight out does not put the idea in someone's
        head; it is what crisis lines do when they are not sure. The message is kept and
        handled as usual after a clear "no".
        """
        s = act.turn.state
        act.set(
            "safety_pending",
            {
                "step": f"{s.flow}.{s.step}" if s.flow and s.step else None,
                "text": u.text,
                "language": u.language,
                "topics": [[t.id, t.confidence] for t in u.topics],
                "social": u.social,
            },
        )
        act.go(_SAFETY_STEP_OF[kind])

    def _safety_answer(self, act: Actions, step: Step, u: Understanding, event: PersonWrote) -> None:
        """A clear "no" goes on with the message that raised the question (or with the
        answer, when it names a need itself); a "yes", or anything else, is a crisis:
        when in doubt, a professional calls."""
        pending = act.turn.state.slots.get("safety_pending") or {}
        act.set("safety_pending", None)
        if yes_no(u.text) is not False or not pending:
            self._crisis(act, _SAFETY_STEPS[step.key], event.person)
            return
        act.say_message("safety_no")
        back = pending.get("step")
        flow, _, sid = str(back).partition(".") if back else (None, "", None)
        act.turn.enter(flow, sid)
        if u.topics:  # "nee, ik zoek iemand voor de boodschappen": the answer says it
            again = replace(u, crisis_doubt=None, crisis_lean=None)
        else:
            again = Understanding(
                text=pending["text"],
                language=pending.get("language") or act.turn.state.language,
                topics=tuple(TopicScore(t, float(c)) for t, c in pending.get("topics") or ()),
                social=pending.get("social"),
            )
        self._person_wrote(act, replace(event, text=again.text, understanding=again))

    def _person_option(self, act: Actions, event: PersonWrote) -> int | None:
        """The option of the open question that brings in a person ("Zal ik een
        vrijwilliger zoeken?", "Mag een hulpverlener u bellen?"), if it has one."""
        step = act.current()
        if step is None or event.person.held_by_human:
            return None
        return self._offers_person(step, event.understanding.text)

    def _offers_person(self, step: Step, text: str) -> int | None:
        if not step.options:
            return None
        pro = bool(_PROFESSIONAL_WORD.search(text))
        for i, option in enumerate(step.options):
            wants = option.save.get("wants")
            if wants == "professional" or wants == "volunteer" and not pro:
                return i
            for branch in option.next:
                flow, _, sid = branch.goto.rpartition(".")
                target = self.dialogs.flows[flow or step.flow].steps.get(sid)
                if target is not None and any(e.name == "handoff" for e in target.effects):
                    return i
        return None

    def _control(self, act: Actions, control: Control, event: PersonWrote) -> None:
        if control is Control.HUMAN and (index := self._person_option(act, event)) is not None:
            # "ff bellen" or "mens" where a person is offered says yes to that offer:
            # the plan goes on with the person the question named.
            step = act.current()
            assert step is not None
            option = step.options[index]
            act.turn.misses(0)
            for name, value in option.save.items():
                act.set(name, value)
            act.run_effects(option.effects)
            if not self._other_helper_instead(act, option, step, event.understanding):
                act.follow(option.next, step)
            return
        current = act.current()
        if control is Control.HUMAN and current is not None and current.waiting:
            act.say(current.waiting)  # already with a person: passed on, not a second handoff
            return
        if control is Control.HUMAN:
            open_now = act.is_open()
            act.say_message("human_open" if open_now else "human_closed")
            act.handoff(role="auto", priority="normal", reason="asked_for_human")
            act.go("common.handed_off", speak=False)
        elif control is Control.STOP:
            act.turn.effect(SetStopped(True))
            act.say_message("stopped")
        elif control is Control.START:
            act.turn.effect(SetStopped(False))
            act.say_message("started")
            if act.current() is None:
                act.go("intake.route" if event.person.consent else "intake.welcome")
        elif control is Control.DELETE:
            act.remember_return()
            act.go("common.delete_confirm")
        elif control is Control.MY_DATA:
            act.report_data()
            self._ask_again(act, event)
        elif control is Control.MY_PLAN:
            act.report_plan()
            self._ask_again(act, event)
            if act.current() is None and not event.person.held_by_human:
                # "mijn plan" as a first message: no plan yet, so we start making one.
                self._begin(act, Understanding(text=""), event)
        elif control in (Control.LANGUAGE_EN, Control.LANGUAGE_NL):
            act.turn.language("en" if control is Control.LANGUAGE_EN else "nl")
            act.set("language_detected", True)
            act.set("language_guess", False)  # asked for outright: no guessing any more
            step = act.current()
            if step is not None and step.asks and not event.person.held_by_human:
                act.ask(step)
            elif step is None and not event.person.held_by_human:
                self._begin(act, Understanding(text=""), event)
            else:
                act.say_message("language_ok")

    @staticmethod
    def _ask_again(act: Actions, event: PersonWrote) -> None:
        """After answering an aside ("mijn plan"), the open question is asked again, so
        the person knows what the conversation was waiting for."""
        step = act.current()
        if step is not None and step.asks and not event.person.held_by_human:
            act.ask(step)

    def _begin(self, act: Actions, u: Understanding, event: PersonWrote) -> None:
        """A first message, or a new message after a conversation ended."""
        person = event.person
        had_flow = act.turn.state.flow is not None
        if had_flow and not u.topics and u.social == "thanks":
            act.say_message("thanks_reply")
            return
        if had_flow and not u.topics and u.social != "greeting" and yes_no(u.text) is not None:
            # "ok", "ja hoor" after a goodbye; "nee" gets no "graag gedaan"
            act.say_message("thanks_reply" if yes_no(u.text) else "bye_reply")
            return
        if u.topics:
            act.take_ask(u)
        if person.neighbourhood and not act.turn.state.slots.get("neighbourhood"):
            act.set("neighbourhood", person.neighbourhood)
        if person.returning and person.open_plan and person.consent and not (
            u.topics and _NEW_QUESTION.search(u.text)
        ):
            act.go("returning.welcome")
        elif person.consent or act.turn.state.slots.get("consent"):
            act.go("intake.route")
        else:
            act.go("intake.welcome")

    def _answer(self, act: Actions, step: Step, u: Understanding, now: datetime) -> None:
        answer = read_answer(step, u, act.labels(step), now, self.profile.neighbourhoods)
        place = self._place_named(step, u.text)
        if place and not act.turn.state.slots.get("neighbourhood"):
            # "ja graag, ik woon in Tuinzigt": the neighbourhood is not asked again.
            act.set("neighbourhood", place)
            if answer.kind == "miss" and (index := self._offers_person(step, "")) is not None:
                answer = Answer("option", index)  # "Tuinzigt" to "Zal ik een vrijwilliger zoeken?"
        moment = self._followup_moment(step, u, now)
        if moment is not None:
            # "volgende week dinsdag na de lunch" to "a few days or next week?": the day
            # the person named is the day we come back, whichever option it is nearest.
            index = next(i for i, o in enumerate(step.options) if _schedules(o.effects))
            option = step.options[index]
            for name, value in option.save.items():
                act.set(name, value)
            act.run_effects(
                tuple(
                    EffectSpec(e.name, {**e.params, "at": moment.isoformat()})
                    if e.name == "schedule_followup"
                    else e
                    for e in option.effects
                )
            )
            act.follow(option.next, step)
            return
        if answer.kind in ("otherwise", "miss") and u.topics:
            topics = list(act.turn.state.slots.get("topics") or ())
            picked = self._topic_picked(step, u, topics)
            if picked is not None:
                answer = Answer("option", picked)  # "de tuin eerst" for "Klusjes / Wonen"
            elif (later := self._later_topic_named(step, u, topics)) is not None:
                # "de boodschappen" when three asks were named and two offered: the
                # third is what comes first, not lost for the first option.
                act.set("topics", [later, *(t for t in topics if t != later)])
                act.set("current_topic", later)
                answer = Answer("otherwise", value=u.text)
        if answer.kind == "miss" and step.key == "common.offer_human" and step.options:
            # "hè?" or "?" to "shall I ask a person?": a person is the answer.
            answer = Answer("option", 0)
        if answer.kind == "miss":
            self._miss(act, step, confused=answer.value == "confused")
            return
        if answer.kind == "free" and step.expect == "text" and _asks_back(u.text):
            # "kost dat geld?" to "Wat lukt u nu nog zelf?": a question for a person,
            # not the answer. It goes in the summary; the open question comes again.
            act.set("questions", [*(act.turn.state.slots.get("questions") or ()), u.text.strip()])
            act.say_message("question_noted")
            act.ask(step)
            return
        if answer.kind == "free" and self._changed_mind(act, step, u):
            return
        if step.save and answer.value is not None:
            if step.expect == "topic" or step.save == "first_ask":
                act.take_ask(u)
            elif isinstance(answer.value, str) and step.expect in (None, "text"):
                # "eh de afwas de afwas lukt nog" (a phone line) goes into the plan as
                # "de afwas lukt nog".
                act.set(step.save, tidy_spoken(answer.value))
            else:
                act.set(step.save, answer.value)
        if step.flow in _EXPLORING and step.expect in (None, "text") and step.id not in _RESOURCES:
            self._notice(act, u)
        if answer.kind == "option":
            option = step.options[answer.index]
            for name, value in option.save.items():
                act.set(name, value)
            act.run_effects(option.effects)
            if self._other_helper_instead(act, option, step, u):
                return
            if self._new_ask_instead(act, option, step, u):
                return
            act.follow(option.next, step)
        elif answer.kind == "no":
            act.follow(step.on_no, step)
        elif answer.kind == "otherwise":
            act.follow(step.otherwise, step)
        else:
            act.follow(step.next, step)

    def _changed_mind(self, act: Actions, step: Step, u: Understanding) -> bool:
        """ "Nee toch niet, ik wil eigenlijk iemand om mee te praten" to an open question
        of the intake: the person changed their mind, so the new ask is the ask (and is
        checked with them), not a need behind the old one."""
        if step.flow != "intake" or step.expect not in (None, "text") or step.save == "first_ask":
            return False
        if yes_no(u.text) is not False or not _CHANGED_MIND.search(u.text):
            return False
        if not _new_topics(act, u):
            return False
        act.take_ask(u)
        act.go("intake.route")
        return True

    def _place_named(self, step: Step, text: str) -> str | None:
        """A neighbourhood named in an answer to another question: a known one by its
        name, or any after "ik woon in"."""
        if step.expect == "neighbourhood":
            return None
        t = f" {fold(text)} "
        short = len(text.split()) <= 3 or self._offers_person(step, text) is not None
        m = _LIVES_IN.search(text)
        for name in self.profile.neighbourhoods:
            if (short or m) and re.search(rf"\b{re.escape(fold(name))}\b", t):
                return name
        if m and fold(m.group("name")).split()[0] not in _NOT_A_PLACE:
            return m.group("name").strip().title()
        return None

    def _other_helper_instead(
        self, act: Actions, option: Option, step: Step, u: Understanding
    ) -> bool:
        """ "Ja, toch wel een vrijwilliger" to "Wilt u liever een hulpverlener?": the
        person chose the other helper; that is who comes, not the one asked about."""
        offered = option.save.get("wants")
        if offered not in ("volunteer", "professional"):
            index = self._offers_person(step, "")
            offered = step.options[index].save.get("wants") if index is not None else None
            if offered is None or yes_no(u.text) is False:
                return False
        text = fold(u.text)
        named = [
            role
            for role, pattern in (("volunteer", _VOLUNTEER_WORD), ("professional", _PROFESSIONAL_WORD))
            if (m := pattern.search(text)) and not _NEGATED.search(text[: m.start()])
        ]
        if len(named) != 1 or named[0] == offered:
            return False
        target = next((o for o in step.options if o.save.get("wants") == offered), None)
        if target is None:
            return False
        act.set("wants", named[0])
        act.follow(target.next, step)
        return True

    def _new_ask_instead(self, act: Actions, option: Option, step: Step, u: Understanding) -> bool:
        """ "Nee, ik wil eigenlijk hulp met de tuin": a no that already says the new ask
        is taken as that ask, instead of asking "Waar zoekt u dan hulp bij?"."""
        if not _new_topics(act, u):
            return False
        for branch in option.next:
            flow, _, sid = branch.goto.rpartition(".")
            target = self.dialogs.flows[flow or step.flow].steps.get(sid)
            if target is not None and target.expect == "topic":
                act.take_ask(u)
                act.follow(target.next, target)
                return True
        return False

    @staticmethod
    def _topic_picked(step: Step, u: Understanding, topics: Sequence[str]) -> int | None:
        """The option of a "which topic first?" question whose topic the answer is about."""
        by_topic: dict[str, int] = {}
        for i, option in enumerate(step.options):
            for e in option.effects:
                if e.name == "choose_topic":
                    n = int(e.params.get("value", 1)) - 1
                    if 0 <= n < len(topics):
                        by_topic[str(topics[n])] = i
        for t in u.topic_ids:
            if t in by_topic:
                return by_topic[t]
        return None

    @staticmethod
    def _later_topic_named(step: Step, u: Understanding, topics: Sequence[str]) -> str | None:
        """At a "which topic first?" question, an ask named that has no option of its own."""
        if not any(e.name == "choose_topic" for o in step.options for e in o.effects):
            return None
        return next((t for t in u.topic_ids if t in topics[2:]), None)

    def _followup_moment(self, step: Step, u: Understanding, now: datetime) -> datetime | None:
        """The moment named in an answer to a question that schedules a follow-up."""
        if not any(_schedules(o.effects) for o in step.options):
            return None
        when = parse_when(u.text, now)
        if when is None or when <= now or when - now > _FURTHEST_FOLLOWUP:
            return None
        return when

    def _notice(self, act: Actions, u: Understanding) -> None:
        """Free answers may show the need behind the ask, or debts, or exhaustion."""
        slots = act.turn.state.slots
        if not slots.get("topics"):
            return
        sure = [t.id for t in u.topics if t.confidence >= DEEPER_CONFIDENCE]
        fresh = new_deeper(sure, slots)
        if fresh:
            act.set("deeper", [*(slots.get("deeper") or ()), *fresh])
        for name, value in signals(u.text).items():
            act.set(name, value)

    def _miss(self, act: Actions, step: Step, confused: bool = False) -> None:
        misses = act.turn.state.misses + 1
        if misses >= 2 or step.key == "common.offer_human":
            act.remember_return()
            act.go("common.offer_human")
            return
        act.turn.misses(misses)
        # "hè?": the person did not understand us, so we say it again in other words.
        act.say_message("said_otherwise" if confused else "not_understood")
        act.ask(step, simpler=True)

    def _waiting(self, act: Actions, event: HandoffWaiting) -> None:
        if event.after_hours:
            expected = event.expected or act.values().get("opening_hours", "")
            act.say_message("waiting_after_hours", extra={"expected": expected})
        else:
            act.say_message("waiting_busy")


def _new_topics(act: Actions, u: Understanding) -> list[str]:
    """Topics an answer names with some certainty that the conversation does not have yet.

    A short answer ("eigenlijk nooit", "no not really") can get a weak topic guess from
    the classifier; only a topic of at least :data:`DEEPER_CONFIDENCE` may turn a "no"
    into a new ask, as it may add a need behind the ask.
    """
    known = set(act.turn.state.slots.get("topics") or ())
    return [
        t.id
        for t in u.topics
        if t.confidence >= DEEPER_CONFIDENCE and t.id not in known and t.id not in ("other", "crisis")
    ]


#: Questions whose answers stand on their own, like a first message.
_OPEN_CHECKS = frozenset({"followup.how_now", "followup.how_now_again", "checkin.start"})


def _stands_alone(step: Step | None) -> bool:
    """A message that is not an answer to a question of the plan: a first message, one
    after the end or while waiting, the ask itself, or "hoe gaat het nu?"."""
    return (
        step is None
        or step.end
        or bool(step.waiting)
        or step.expect == "topic"
        or step.key in _OPEN_CHECKS
    )
