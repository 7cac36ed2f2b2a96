"""Dutch and English dates and times in free text ("volgende week dinsdag om half drie").

Our own rules cover what dateparser gets wrong or misses (see shared/notes-libraries.md:
"om 10 uur" is 20:00 there, "3 december om 10 uur" lands in 2110, "half drie" and
"morgenmiddag" are not understood); dateparser is the fallback. A day without a time
gets 10:00. Results are aware datetimes in Europe/Amsterdam.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from nlu.text import fold

__all__ = ["AMSTERDAM", "parse_when"]

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
DEFAULT_TIME = time(10, 0)

_WEEKDAYS = {
    "maandag": 0,
    "dinsdag": 1,
    "woensdag": 2,
    "donderdag": 3,
    "vrijdag": 4,
    "zaterdag": 5,
    "zondag": 6,
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
    "ma": 0,
    "di": 1,
    "wo": 2,
    "do": 3,
    "vr": 4,
    "za": 5,
    "zo": 6,
    "mon": 0,
    "tue": 1,
    "wed": 2,
    "thu": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}
_FULL_WEEKDAY = r"maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_MONTHS = {
    "januari": 1,
    "jan": 1,
    "january": 1,
    "februari": 2,
    "feb": 2,
    "february": 2,
    "maart": 3,
    "mrt": 3,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "mei": 5,
    "may": 5,
    "juni": 6,
    "jun": 6,
    "june": 6,
    "juli": 7,
    "jul": 7,
    "july": 7,
    "augustus": 8,
    "aug": 8,
    "august": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "oktober": 10,
    "okt": 10,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_NUM = {
    "een": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
    "tien": 10,
    "elf": 11,
    "twaalf": 12,
    "veertien": 14,
    "one": 1,
    "a": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}
_NUMWORD = "|".join(sorted(_NUM, key=len, reverse=True))
_N = rf"(\d{{1,2}}|{_NUMWORD})"

_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}})(?:e|ste|de)?\s+({_MONTH_RE})\.?(?:\s+(\d{{4}}))?\b")
_MONTH_DAY = re.compile(rf"\b({_MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(\d{{4}}))?")
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[-/](\d{1,2})(?:[-/](\d{2,4}))?\b")
_IN_DAYS = re.compile(rf"\b(?:over|in|binnen)\s+{_N}\s+(dag|dagen|day|days|week|weken|weeks)\b")
_FEW_DAYS = re.compile(
    r"\b(?:over|in)\s+(?:een\s+paar|enkele|a\s+few|a\s+couple\s+of|couple\s+of)\s+(?:dagen|days)\b"
)
_NEXT_WEEK_DAY = re.compile(
    rf"\b(?:volgende\s+week|next\s+week)\s+(?:op\s+)?({_FULL_WEEKDAY})\b|\b({_FULL_WEEKDAY})\s+(?:volgende\s+week|next\s+week)\b"
    # English "next Tuesday" is the Tuesday of next week ("this Tuesday" is the coming one).
    r"|\bnext\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
)
_NEXT_WEEK = re.compile(r"\b(?:volgende\s+week|next\s+week|komende\s+week|volgende\s+weekend)\b")
_WEEKDAY = re.compile(
    rf"\b(?:aanstaande\s+|komende\s+|volgende\s+|next\s+|this\s+|deze\s+|a\.?s\.?\s+|op\s+)?({_FULL_WEEKDAY}|ma|di|wo|do|vr|za|zo)\b"
)
_ABBREV_OK = re.compile(
    r"\b(?:ma|di|wo|do|vr|za|zo)\b[\s-]*(?:\d|om\b|ochtend|morgen|middag|avond|'?s\b)"
)

_CLOCK = re.compile(r"\b([01]?\d|2[0-3])[:.]([0-5]\d)\b(?:\s*(am|pm|uur|u)\b)?")
_HOUR = re.compile(r"\b(?:om\s+)?(\d{1,2}|" + _NUMWORD + r")\s*(?:uur|u|h|o'?clock)\b")
_OM_HOUR = re.compile(r"\bom\s+(\d{1,2}|" + _NUMWORD + r")\b(?!\s*(?:dag|dagen|week|weken))")
_AMPM = re.compile(r"\b(\d{1,2})\s*(am|pm|a\.m\.|p\.m\.)")
_HALF = re.compile(rf"\bhalf\s+{_N}\b")
_KWART = re.compile(rf"\bkwart\s+(over|voor)\s+{_N}\b")
_PART = re.compile(
    r"(ochtend|morgens|morning|middag|middags|afternoon|avond|avonds|evening|tonight)"
)
#: "donderdagmiddag", "vrijdagmorgen": a weekday glued to a part of the day.
_GLUED_PART = re.compile(rf"\b({_FULL_WEEKDAY})(ochtend|morgen|middag|avond)\b")
#: "na de lunch", "after lunch", "na het middageten": early afternoon.
_AFTER_LUNCH = re.compile(
    r"\b(?:na|after)\s+(?:de\s+|het\s+|the\s+)?(?:lunch|middageten|koffie\s*tijd|lunchtime)\b|\bna\s+twaalven\b"
)
#: "na het eten", "na het avondeten", "after dinner": the evening.
_AFTER_DINNER = re.compile(
    r"\b(?:na|after)\s+(?:het\s+|de\s+)?(?:eten|avondeten|warm\s+eten|warme\s+maaltijd|dinner|supper|tea)\b"
)
#: "voor de lunch", "before lunch": late morning.
_BEFORE_LUNCH = re.compile(r"\b(?:voor|before)\s+(?:de\s+|het\s+)?(?:lunch|middageten|lunchtime)\b")
#: "een uur of 2", "rond een uur of drie": about that hour.
_ABOUT_HOUR = re.compile(rf"\b(?:een\s+)?uur\s+of\s+{_N}\b")
#: "over een dag of 3", "over een week of twee": about that many days or weeks.
_ABOUT_DAYS = re.compile(rf"(?:\b(?:over|in)\s+|^)(?:een\s+)?(dag|week)\s+of\s+{_N}\b")
#: "woensdag over een week", "over een week op woensdag": that weekday next week.
_WEEKDAY_IN_A_WEEK = re.compile(
    rf"\b({_FULL_WEEKDAY})\s+over\s+een\s+week\b|\bover\s+een\s+week\s+(?:op\s+)?({_FULL_WEEKDAY})\b"
)
_A_WEEK = re.compile(r"\b(?:over|in)\s+(?:een\s+|a\s+)?weekje\b")
_A_MONTH = re.compile(r"\b(?:over|in)\s+(?:een|a|1)\s+(?:maand|maandje|month)\b")
_SOME_DAYS = re.compile(r"\b(?:een\s+)?dezer\s+dagen\b|\bin\s+the\s+next\s+few\s+days\b")
_AFTER_WEEKEND = re.compile(r"\b(?:na\s+het\s+weekend|after\s+the\s+weekend)\b")
_END_OF_WEEK = re.compile(
    r"\b(?:eind|einde|aan\s+het\s+eind)\s+(?:van\s+)?(?:de|deze)\s+week\b|\bend\s+of\s+(?:the|this)\s+week\b"
)
_PART_TIME = {
    "ochtend": 10,
    "morgens": 10,
    "morning": 10,
    "middag": 14,
    "middags": 14,
    "afternoon": 14,
    "avond": 19,
    "avonds": 19,
    "evening": 19,
    "tonight": 19,
}
#: Not a moment: vague words, and a bare number (an option picked with "2" is no
#: February; dateparser would read it as a month).
_NOT_A_DATE = re.compile(
    r"^\s*(?:later|straks|ooit|binnenkort|soon|sometime|weet niet|geen idee|\d{1,2})\s*$"
)


def _num(token: str) -> int:
    return int(token) if token.isdigit() else _NUM[token]


#: Today, tomorrow and the day after, by name; the group says how many days ahead.
_NAMED_DAY = re.compile(
    r"\b(?:(?P<two>overmorgen|day after tomorrow)|(?P<one>morgen(?:ochtend|middag|avond|vroeg)?|tomorrow)"
    r"|(?P<zero>vandaag|today|vanmiddag|vanavond|vanochtend|vanmorgen|tonight))\b"
)


def _named_day(t: str, today: date) -> date | None:
    """The first of today, tomorrow or the day after that is not ruled out ("morgen
    niet, overmorgen wel" is the day after tomorrow)."""
    mornings = bool(re.search(r"\bmorgens\b", t))  # "'s morgens" is a part of the day
    for m in _NAMED_DAY.finditer(t):
        if m.group("one") and mornings:
            continue
        if _ruled_out(t, m.start(), m.end()):
            continue
        return today + timedelta(days=2 if m.group("two") else 1 if m.group("one") else 0)
    return None


def _relative_day(t: str, today: date) -> date | None:
    found = _named_day(t, today)
    if found is not None:
        return found
    if _FEW_DAYS.search(t) or _SOME_DAYS.search(t):
        return today + timedelta(days=3)
    m = _ABOUT_DAYS.search(t)
    if m:
        return today + timedelta(days=_num(m.group(2)) * (7 if m.group(1) == "week" else 1))
    m = _WEEKDAY_IN_A_WEEK.search(t)
    if m:
        wd = _WEEKDAYS[m.group(1) or m.group(2)]
        monday = today - timedelta(days=today.weekday()) + timedelta(days=7)
        return monday + timedelta(days=wd)
    if _A_WEEK.search(t):
        return today + timedelta(days=7)
    if _A_MONTH.search(t):
        return today + timedelta(days=30)
    if _AFTER_WEEKEND.search(t):
        return today + timedelta(days=7 - today.weekday())
    if _END_OF_WEEK.search(t):
        return today + timedelta(days=(4 - today.weekday()) % 7 or 7)
    m = _IN_DAYS.search(t)
    if m:
        n = _num(m.group(1))
        unit = m.group(2)
        return today + timedelta(days=n * (7 if unit.startswith("we") else 1))
    m = _NEXT_WEEK_DAY.search(t)
    if m:
        wd = _WEEKDAYS[m.group(1) or m.group(2) or m.group(3)]
        monday = today - timedelta(days=today.weekday()) + timedelta(days=7)
        return monday + timedelta(days=wd)
    return None


#: "de 4e", "op de 20ste": that day of this month, or of the next when it is past.
_DAY_OF_MONTH = re.compile(r"\bde\s+(\d{1,2})(?:e|ste|de)\b(?!\s+(?:keer|week|dag|maand))")
#: "begin december", "half december", "eind van de maand", "begin volgende maand".
_PART_OF_MONTH = re.compile(
    rf"\b(begin|half|halverwege|midden|mid|eind|einde|aan\s+het\s+eind\s+van|end\s+of|"
    rf"beginning\s+of|early|late|the\s+middle\s+of)\s+(?:van\s+)?(?:de\s+|deze\s+|the\s+|this\s+)?"
    rf"({_MONTH_RE}|maand|month|volgende\s+maand|next\s+month)\b"
)
_PART_DAY = {"begin": 1, "beginning of": 1, "early": 1, "half": 15, "halverwege": 15,
             "midden": 15, "mid": 15, "the middle of": 15}  # fmt: skip
_THIS_WEEK = re.compile(r"\b(?:deze\s+week(?:\s+nog)?|nog\s+deze\s+week|this\s+week|later\s+this\s+week)\b")
_WEEKEND = re.compile(
    r"\b(?:in\s+het|dit|komend|this|at\s+the|over\s+the)\s+weekend\b"
    r"(?!\s+(?:niet|not|is\s+lastig|kan\s+(?:ik\s+)?niet))"
)
_AFTER_CHRISTMAS = re.compile(r"\b(?:na\s+(?:de\s+)?kerst(?:mis|dagen)?|after\s+christmas)\b")


def _month_part(t: str, today: date) -> date | None:
    m = _PART_OF_MONTH.search(t)
    if not m:
        return None
    part, what = re.sub(r"\s+", " ", m.group(1)), m.group(2)
    if what in ("maand", "month"):
        year, month = today.year, today.month
    elif what.startswith(("volgende", "next")):
        year, month = today.year + today.month // 12, today.month % 12 + 1
    else:
        month = _MONTHS[what]
        year = today.year + (1 if month < today.month else 0)
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
    if part in _PART_DAY:
        day = _PART_DAY[part]
    elif what in ("maand", "month"):
        day = last
    else:
        day = min(28, last)
    found = date(year, month, day)
    return found if found >= today else None


def _day_of_month(t: str, today: date) -> date | None:
    m = _DAY_OF_MONTH.search(t)
    if not m:
        return None
    day = int(m.group(1))
    year, month = today.year, today.month
    for _ in range(3):
        try:
            found = date(year, month, day)
        except ValueError:
            found = None
        if found is not None and found >= today:
            return found
        year, month = year + month // 12, month % 12 + 1
    return None


def _loose_day(t: str, today: date) -> date | None:
    """This week, the weekend, after Christmas: a day near what was meant."""
    if _AFTER_CHRISTMAS.search(t):
        return date(today.year, 12, 27) if today < date(today.year, 12, 27) else None
    if _WEEKEND.search(t):
        return today + timedelta(days=(5 - today.weekday()) % 7 or 7)
    if _THIS_WEEK.search(t):
        friday = today + timedelta(days=(4 - today.weekday()) % 7)
        return friday if friday > today else today + timedelta(days=1)
    return None


def _absolute_day(t: str, today: date) -> date | None:
    found = _month_part(t, today) or _day_of_month(t, today)
    if found is not None:
        return found
    m = _DAY_MONTH.search(t)
    if m:
        day, month, year = int(m.group(1)), _MONTHS[m.group(2)], m.group(3)
    else:
        m = _MONTH_DAY.search(t)
        if m:
            day, month, year = int(m.group(2)), _MONTHS[m.group(1)], m.group(3)
        else:
            m = _NUMERIC_DATE.search(t)
            if not m:
                return None
            day, month, year = int(m.group(1)), int(m.group(2)), m.group(3)
    y = int(year) if year else today.year
    if year and len(year) == 2:
        y = 2000 + y
    try:
        d = date(y, month, day)
    except ValueError:
        return None
    if not year and d < today:
        try:
            d = date(y + 1, month, day)
        except ValueError:
            return None
    return d


#: "zaterdag niet", "morgen kan ik niet", "morgen ben ik er niet", "tomorrow is no
#: good": a "not" in the few words after a day, before the clause turns ("maar",
#: "wel", a comma), rules that day out.
_DAY_NOT_AFTER = re.compile(
    r"(?:\s+(?!(?:maar|wel|but|dan|then|als|if|want|omdat|because)\b)[\w']+){0,4}?\s*"
    r"\b(?:niet|geen|not|no|nee|can'?t|cannot|won'?t|doesn'?t|don'?t)\b"
)
#: "morgen wel", "vrijdag lukt wel": this day suits, whatever "niet" came before.
_DAY_AFFIRMED = re.compile(r"\s+(?:(?:kan|lukt|past|gaat|is)\s+(?:het\s+|ik\s+)?)?wel\b")
#: "niet vandaag", "liever niet op vrijdag", "not on Friday".
_DAY_NOT_BEFORE = re.compile(r"(?:(?P<prev>[\w']+)\s+)?\b(?:niet|not)\s+(?:op\s+|on\s+)?$")
#: Stands in for a day that was ruled out, so that its "niet" stays its own.
_RULED_OUT = "xdagx"
#: A word that names (part of) a day: in "morgen niet overmorgen wel" (a phone line
#: gives no commas) the "niet" after "morgen" is about "morgen", not "overmorgen".
_DAY_WORD = re.compile(
    rf"(?:{_FULL_WEEKDAY}|overmorgen|morgen(?:ochtend|middag|avond|vroeg)?|tomorrow|vandaag|today|"
    rf"vanmiddag|vanavond|vanochtend|vanmorgen|tonight|ochtend|middag|avond|morning|afternoon|evening|{_RULED_OUT})"
)


def _ruled_out(t: str, start: int, end: int) -> bool:
    """True when the day named at ``t[start:end]`` is said not to suit."""
    if _DAY_AFFIRMED.match(t, end):
        return False  # "vandaag lukt niet morgen wel": "wel" says this one suits
    if _DAY_NOT_AFTER.match(t, end):
        return True
    m = _DAY_NOT_BEFORE.search(t, 0, start)
    return bool(m) and not (m.group("prev") and _DAY_WORD.fullmatch(m.group("prev")))


#: A day by name with the part of the day said right after it ("morgen middag").
_ANY_DAY = re.compile(
    rf"\b(?:{_FULL_WEEKDAY}|overmorgen|morgen(?:ochtend|middag|avond|vroeg)?|tomorrow|vandaag|today|"
    rf"vanmiddag|vanavond|vanochtend|vanmorgen|tonight)\b(?:\s+(?:ochtend|middag|avond|morning|afternoon|evening)\b)?"
)


def _without_ruled_out(t: str) -> str:
    """``t`` without the days said not to suit, and their parts of the day: "morgen
    middag niet" names no moment, so no rule (nor the fallback) finds one in it."""
    return _ANY_DAY.sub(lambda m: _RULED_OUT if _ruled_out(t, m.start(), m.end()) else m.group(0), t)


def _weekday(t: str, today: date) -> date | None:
    for m in _WEEKDAY.finditer(t):
        word = m.group(1)
        if len(word) == 2 and not _ABBREV_OK.search(t[m.start(1) :]):
            continue
        if _ruled_out(t, m.start(1), m.end()):
            continue
        ahead = (_WEEKDAYS[word] - today.weekday()) % 7 or 7
        return today + timedelta(days=ahead)
    if _NEXT_WEEK.search(t):
        return today + timedelta(days=7)
    return None


def _pm_if_daytime(hour: int, t: str) -> int:
    if re.search(r"\b(?:ochtend|morgens|'s ochtends|am|morning|vroeg)\b", t):
        return hour
    if (
        re.search(r"\b(?:avond|avonds|middag|middags|pm|evening|afternoon|tonight)\b", t)
        and hour < 12
    ):
        return hour + 12
    # Nobody books a visit at 3 in the night: 1-6 without a part of day is afternoon.
    return hour + 12 if 1 <= hour <= 6 else hour


def _time_of_day(t: str) -> time | None:
    m = _CLOCK.search(t)
    if m:
        hour, minute = int(m.group(1)), int(m.group(2))
        if m.group(3) == "pm" and hour < 12:
            hour += 12
        elif m.group(3) != "am" and hour <= 12:
            hour = _pm_if_daytime(hour, t)
        return time(hour % 24, minute)
    m = _AMPM.search(t)
    if m:
        hour = int(m.group(1)) % 12
        return time(hour + (12 if m.group(2).startswith("p") else 0), 0)
    m = _KWART.search(t)
    if m:
        hour = _pm_if_daytime(_num(m.group(2)), t)
        if m.group(1) == "over":
            return time(hour % 24, 15)
        return time((hour - 1) % 24, 45)
    m = _HALF.search(t)
    if m:
        hour = _pm_if_daytime(_num(m.group(1)), t)
        return time((hour - 1) % 24, 30)
    m = _ABOUT_HOUR.search(t)
    if m:
        return time(_pm_if_daytime(_num(m.group(1)), t) % 24, 0)
    m = _HOUR.search(t) or _OM_HOUR.search(t)
    if m:
        hour = _num(m.group(1))
        if 0 <= hour <= 24:
            return time(_pm_if_daytime(hour, t) % 24, 0)
    if _AFTER_LUNCH.search(t):
        return time(13, 30)
    if _AFTER_DINNER.search(t):
        return time(19, 0)
    if _BEFORE_LUNCH.search(t):
        return time(11, 0)
    m = _PART.search(t)
    if m:
        return time(_PART_TIME[m.group(1)], 0)
    return None


def _localize(day: date, at: time) -> datetime:
    naive = datetime.combine(day, at)
    # Round-trip through UTC so a wall time inside the spring-forward gap becomes valid.
    return naive.replace(tzinfo=AMSTERDAM).astimezone(UTC).astimezone(AMSTERDAM)


def _fallback(text: str, now: datetime) -> datetime | None:
    import dateparser  # slow import; only needed when our rules found nothing

    settings = {
        "PREFER_DATES_FROM": "future",
        "RELATIVE_BASE": now.replace(tzinfo=None),
        "TIMEZONE": "Europe/Amsterdam",
        "RETURN_AS_TIMEZONE_AWARE": True,
    }
    try:
        found = dateparser.parse(text, languages=["nl", "en"], settings=settings)
    except (ValueError, OverflowError):
        return None
    if found is None or abs(found.year - now.year) > 1:
        return None
    found = found.astimezone(AMSTERDAM)
    if not re.search(r"\d[:.]\d|\buur\b|\d\s*(?:am|pm)\b", fold(text)):
        found = _localize(found.date(), DEFAULT_TIME)
    return found


#: "na dinsdag", "na morgen", "after Friday": the day after the day named.
_AFTER_NAMED_DAY = re.compile(rf"\b(?:na|after)\s+(?:{_FULL_WEEKDAY}|overmorgen|morgen|tomorrow)\b")


def parse_when(text: str, now: datetime, *, fallback: bool = True) -> datetime | None:
    """The moment meant by ``text``, relative to the aware ``now``; ``None`` if none.

    Examples: "morgen", "volgende week dinsdag", "over drie dagen", "half drie",
    "3 december om 10 uur", "zaterdag 10:30", "na dinsdag" (Wednesday). A day without a
    time is at 10:00; a time without a day is today when still ahead, otherwise
    tomorrow. ``fallback=False`` uses only our own rules (no dateparser): for a moment
    mentioned along the way in a longer message.
    """
    if now.tzinfo is None:
        now = now.replace(tzinfo=AMSTERDAM)
    local_now = now.astimezone(AMSTERDAM)
    today = local_now.date()
    t = re.sub(r"\s+", " ", fold(text)).strip()
    t = _GLUED_PART.sub(
        lambda m: f"{m.group(1)} {'ochtend' if m.group(2) == 'morgen' else m.group(2)}", t
    )
    if not t or _NOT_A_DATE.match(t):
        return None
    kept = _without_ruled_out(t)
    if kept != t:
        t = text = kept
    day = (
        _relative_day(t, today)
        or _absolute_day(t, today)
        or _weekday(t, today)
        or _loose_day(t, today)
    )
    if day is not None and _AFTER_NAMED_DAY.search(t):
        day += timedelta(days=1)
    at = _time_of_day(t)
    if day is None and at is None:
        return _fallback(text, local_now) if fallback else None
    if day is None:
        assert at is not None
        candidate = _localize(today, at)
        return candidate if candidate > local_now else _localize(today + timedelta(days=1), at)
    return _localize(day, at or DEFAULT_TIME)
