"""Fill in dialog texts: placeholders, dates for people, the plan and the summary.

Everything here is pure: the time comes from the event, values from the slots,
the person context and the organisation profile.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from babel.dates import format_date

from config.hours import next_allowed
from config.profile import Profile
from dialogs.api import PersonContext, PlanItem, Who
from dialogs.model import Dialogs
from dialogs.needs import all_topics
from dialogs.relatives import RELATIVES

__all__ = [
    "Scene",
    "fill",
    "followup_due",
    "handoff_by",
    "local",
    "people_day",
    "plan_lines",
    "summary",
    "values",
]

_LOCALES = {"nl": "nl_NL", "en": "en_GB"}


@dataclass(frozen=True, slots=True)
class Scene:
    """What a text may draw on in one turn."""

    dialogs: Dialogs
    profile: Profile
    person: PersonContext
    now: datetime
    language: str
    slots: Mapping[str, Any]
    extra: Mapping[str, str] | None = None


def local(profile: Profile, moment: datetime) -> datetime:
    """The moment in the organisation's time zone (naive moments count as local)."""
    tz = ZoneInfo(profile.timezone)
    return moment.replace(tzinfo=tz) if moment.tzinfo is None else moment.astimezone(tz)


def people_day(moment: datetime, language: str) -> str:
    """A day as people say it: "vrijdag 27 november" (the day in ``moment``'s own zone)."""
    return _people_day(moment.date(), language)


@lru_cache(maxsize=256)
def _people_day(day: date, language: str) -> str:
    # Babel's formatting costs a quarter of a millisecond; a turn renders several days.
    return format_date(day, "EEEE d MMMM", locale=_LOCALES.get(language, "nl_NL"))


def handoff_by(profile: Profile, now: datetime, working_days: int = 2) -> datetime:
    """The latest moment someone contacts the person: a few opening days ahead."""
    day = local(profile, now).date()
    open_days = set(profile.opening_hours) or {0, 1, 2, 3, 4}
    left = working_days
    while left:
        day += timedelta(days=1)
        if day.weekday() in open_days:
            left -= 1
    return datetime.combine(day, time(17, 0), tzinfo=ZoneInfo(profile.timezone))


def followup_due(profile: Profile, now: datetime, days: int) -> datetime:
    """A follow-up ``days`` ahead at ten in the morning, local time, moved into the
    contact hours (no Sundays or public holidays): the day the person is told is the
    day the follow-up is really sent."""
    day: date = local(profile, now).date() + timedelta(days=days)
    return next_allowed(
        datetime.combine(day, time(10, 0), tzinfo=ZoneInfo(profile.timezone)), profile
    )


def _join(parts: list[str], language: str) -> str:
    word = " and " if language == "en" else " en "
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + word + parts[-1]


#: At most this many topics are named in one sentence; the rest stay in the summary.
MAX_NAMED = 3


def _phrases(scene: Scene, ids: list[str]) -> str:
    topics = scene.dialogs.topics
    parts = [topics[t].phrase.get(scene.language) for t in ids if t in topics][:MAX_NAMED]
    return _join(parts, scene.language)


def _name(scene: Scene, tid: str | None) -> str:
    info = scene.dialogs.topics.get(tid or "other") or scene.dialogs.topics.get("other")
    return info.name.get(scene.language) if info else str(tid)


#: A person's own words in a plan line are cut to this length, so the plan fits a message.
PLAN_WORDS_CHARS = 60


def _short(text: str) -> str:
    text = " ".join(text.split()).rstrip(".")
    if len(text) <= PLAN_WORDS_CHARS:
        return text
    first = re.split(r"[,;.!?]", text)[0].strip()
    if 0 < len(first) <= PLAN_WORDS_CHARS:
        return first
    return text[:PLAN_WORDS_CHARS].rsplit(" ", 1)[0]


def plan_lines(scene: Scene, items: list[PlanItem]) -> str:
    """The plan as short lines, one per agreement."""
    lines = []
    for item in items:
        template = scene.dialogs.message(f"plan_{item.who.value}").get(scene.language)
        if not item.when:
            # A plan kept without its day (an older plan): the sentence about the day
            # is left out rather than shown as "Uiterlijk  neemt die contact op."
            template = " ".join(p for p in re.split(r"(?<=\.)\s+", template) if "{when}" not in p)
        lines.append(
            template.format(
                what=_short(item.what),
                when=item.when or "",
                **_person_values(scene.slots.get("for_whom"), scene.language),
            )
        )
    return "\n".join(lines)


def values(scene: Scene) -> dict[str, str]:
    """All placeholder values for one turn."""
    s = scene.slots
    literal = [t for t in s.get("topics") or ()]
    deeper = list(s.get("deeper") or ())
    asked = set(s.get("deeper_asked") or ())
    pending = [d for d in deeper if d not in asked]
    wanted = list(s.get("deeper_wanted") or ())
    current = s.get("current_topic") or (literal[0] if literal else "other")
    about_id = s.get("about") or current
    about_info = scene.dialogs.topics.get(about_id)
    open_plan = list(scene.person.open_plan)
    out = dict(scene.profile.template_values(scene.language))
    out.update(_person_values(s.get("for_whom"), scene.language))
    out.update(
        name_part=f" {scene.person.name}" if scene.person.name else "",
        topic_names=_phrases(scene, literal or ["other"]),
        topic_phrase=_phrases(scene, [current]),
        topic_1=_name(scene, literal[0] if literal else None),
        topic_2=_name(scene, literal[1] if len(literal) > 1 else None),
        deeper_phrase=_phrases(
            scene, [s["deeper_current"]] if s.get("deeper_current") else pending[:1] or ["other"]
        ),
        help_phrase=_phrases(scene, [t for t in literal if t != "other"] + wanted)
        or _phrases(scene, ["other"]),
        plan_text=plan_lines(scene, [PlanItem(**_item(i)) for i in s.get("plan") or ()]),
        open_plan_text=plan_lines(scene, open_plan),
        followup_day=str(s.get("followup_day") or ""),
        handoff_day=people_day(handoff_by(scene.profile, scene.now), scene.language),
        neighbourhood=str(s.get("neighbourhood") or ""),
        about=about_info.followup.get(scene.language) if about_info else str(about_id),
        expected="",
    )
    if scene.extra:
        out.update(scene.extra)
    return out


def _person_values(for_whom: Any, language: str) -> dict[str, str]:
    """Who the questions are about: the writer ("u") or the relative they write for."""
    relative = RELATIVES.get(str(for_whom)) if for_whom else None
    if language == "en":
        if relative is None:
            return {"person": "you", "for_part": "", "self_word": "yourself", "home": "do you live"}
        _, who, own = relative
        return {
            "person": who,
            "for_part": f" for {who}",
            "self_word": f"on {own} own",
            "home": f"does {who} live",
        }
    if relative is None:
        return {"person": "u", "for_part": "", "self_word": "zelf", "home": "woont u"}
    who = relative[0]
    return {"person": who, "for_part": f" voor {who}", "self_word": "zelf", "home": f"woont {who}"}


def _item(raw: Mapping[str, Any]) -> dict[str, Any]:
    return {**raw, "who": Who(raw["who"])}


def fill(text: str, scene: Scene) -> str:
    """Fill placeholders; collapse the blank lines an empty value may leave."""
    filled = text.format_map(values(scene))
    return "\n".join(line.rstrip() for line in filled.splitlines() if line.strip()).strip()


def summary(scene: Scene) -> str:
    """A handoff summary a volunteer can act on without asking everything again (Dutch)."""
    s = scene.slots
    topics = scene.dialogs.topics

    def names(ids: list[str]) -> str:
        return _join([topics[t].name.get("nl").lower() for t in ids if t in topics], "nl")

    parts = []
    literal = list(s.get("topics") or ["other"])
    ask = s.get("first_ask")
    parts.append(f"Vraagt hulp bij {names(literal)}" + (f': "{ask}".' if ask else "."))
    if s.get("needed_at"):
        needed = datetime.fromisoformat(s["needed_at"])
        note = f"Nodig: {people_day(needed, 'nl')}"
        if needed < handoff_by(scene.profile, scene.now):
            note = f"LET OP: {note}, eerder dan de gewone termijn"
        parts.append(note + ".")
    if s.get("plan_not_working"):
        parts.append("De eerdere afspraak hielp niet (niet beter bij de terugvraag).")
    relative = RELATIVES.get(str(s.get("for_whom") or ""))
    if relative:
        parts.append(f"Schrijft voor {relative[0]}; de hulp is voor die persoon.")
    deeper = list(s.get("deeper") or ())
    if deeper:
        wanted = [d for d in deeper if d in set(s.get("deeper_wanted") or ())]
        rest = [d for d in deeper if d not in wanted]
        text = "Achter de vraag: " + names(deeper)
        if wanted:
            text += f" (wil hulp bij {names(wanted)})"
        elif rest:
            text += " (vraagt daar nu geen hulp bij)"
        because = s.get("difference")
        parts.append(text + (f'; zegt: "{because}".' if because else "."))
    for slot, label in (
        ("own_strength", "Doet zelf"),
        ("network_text", "Netwerk"),
        ("network_who", "Kan helpen"),
        ("network_easier", "Makkelijker vragen als"),
        ("worry_notice", "Ziet"),
        ("offer_what", "Wil graag"),
        ("offer_when", "Tijd"),
    ):
        if s.get(slot):
            parts.append(f"{label}: {s[slot]}.")
    for question in s.get("questions") or ():
        parts.append(f'Vraagt: "{question}"')
    if isinstance(s.get("scale"), int):
        parts.append(f"Cijfer nu: {s['scale']} van 10.")
    plan = [PlanItem(**_item(i)) for i in s.get("plan") or ()]
    if plan:
        who = {
            "self": "zelf",
            "network": "netwerk",
            "volunteer": "vrijwilliger",
            "professional": "hulpverlener",
        }
        parts.append(
            "Afspraak: " + "; ".join(f"{i.name or who[i.who.value]}: {i.what}" for i in plan) + "."
        )
    if s.get("neighbourhood"):
        parts.append(f"Wijk: {s['neighbourhood']}.")
    if s.get("followup_due"):
        due = datetime.fromisoformat(s["followup_due"])
        parts.append(f"Terugkoppeling {people_day(due, 'nl')}.")
    if scene.person.name:
        parts.insert(0, f"{scene.person.name}.")
    topic_line = ", ".join(all_topics(s))
    return " ".join(parts) + (f" Onderwerpen: {topic_line}." if topic_line else "")
