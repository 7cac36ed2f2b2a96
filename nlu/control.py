"""Words the front door understands at every turn: a person, stop, delete, my data.

A control word only counts when the message is essentially that command: "stop" and
"STOP!" stop, "ik wil stoppen met roken" does not. Small talk ("hallo", "dank je")
is recognised separately by :func:`detect_social`.
"""

from __future__ import annotations

import re

from nlu.api import Control
from nlu.text import normalize

__all__ = ["detect_control", "detect_social"]

_POLITE = (
    r"(?:(?:ik )?(?:wil|wil graag|zou graag|zou willen|wil even|wil liever|wens|wilt u|kunt u|kun je|kan ik|mag ik|"
    r"heb liever|heb graag|had liever|had graag|kan ik niet|kan dat niet|kunnen we niet|ik heb|"
    r"geef|verbind|verbind door|door met|i need|i'd rather|i would rather|i prefer|give|put me through|"
    r"kan|kunnen|kun|kunt)|please|graag|alsjeblieft|alstublieft|even|nu|aub|"
    r"i want(?: to)?|i'd like(?: to)?|i would like(?: to)?|can i|could i|can you|could you|let me|"
    r"hallo|hoi|hi|hey|nee|ok|oke|ja|sorry|maar|toch|gewoon|liever|nou|dan|het|de|een|me|mij|mijn|u|jullie|"
    r"dat|er|wel|met|van|voor|op|aan|over|in|graag|dank je|please)"
)

_HUMAN_CORE = (
    r"(?:een )?(?:echt(?:e)? )?(?:mens|mensen|persoon|medewerker|medewerkster|hulpverlener|"
    r"iemand van (?:de )?\w+|vrijwilliger|echte persoon|levend mens|real person|human|agent|"
    r"operator|someone real|a person|a human|real human|a real person|a real human|someone|somebody|anyone|"
    r"a member of staff|staff|iemand echt|echt iemand|mens+|persoonlijk contact|persoonlijk gesprek|"
    r"(?:een )?vraag voor (?:een )?(?:mens|medewerker|hulpverlener))"
)
_HUMAN = re.compile(
    rf"^(?:{_POLITE} )*(?:"
    rf"(?:spreken|praten|chatten|bellen|talk|speak|chat) (?:met|to|with) {_HUMAN_CORE}|"
    rf"{_HUMAN_CORE}(?: (?:spreken|praten|aan de lijn|aan de telefoon|bellen|please|graag|alsjeblieft))?|"
    r"(?:is er )?iemand (?:die|om) ik (?:kan|mag) (?:bellen|spreken)|"
    r"(?:iemand|jullie|u|een medewerker|iemand van jullie|someone|somebody|you) (?:mij |me )?(?:even |terug |nu )?(?:bellen|opbellen|terugbellen|call me|call|bel)(?: mij| me)?(?: terug)?|"
    r"(?:mij |me )?(?:even |terug )?(?:bellen|opbellen|terugbellen|bel mij|bel me|bel mij terug|bel me terug|call me|phone me)(?: terug| back)?(?: aub| alsjeblieft| alstublieft| please| graag)?|"
    r"(?:ik wil |wil )?(?:iemand )?(?:aan de lijn|aan de telefoon)|"
    r"(?:met )?iemand (?:spreken|praten)|"
    r"(?:ik wil )?(?:geen|niet met een) (?:bot|robot|computer|chatbot)(?: meer)?(?: praten)?"
    r")(?: (?:spreken|praten|aub|alsjeblieft|alstublieft|please|graag|nu|even|svp|maar|hoor|dan|aan de lijn|aan de telefoon))*"
    r"(?: (?:van|bij|from|at) (?:het |de |jullie|the |your )?\w*)?$"
)
_STOP = re.compile(
    r"^(?:stop|stoppen|stop maar|stop ermee|stop nu|hou op|houd op|afmelden|uitschrijven|"
    r"unsubscribe|stopall|quit|cancel|end|opt ?out|geen berichten meer|stuur (?:me |mij )?geen berichten meer|"
    r"ik wil (?:me |mij )?afmelden|meld (?:me|mij) af|ik wil stoppen|ik stop|ik wil geen berichten meer|"
    r"stop met (?:sturen|berichten|appen|sms(?:en)?)|ik wil stoppen met (?:deze|dit|de) (?:chat|gesprek|berichten|dienst)|"
    r"laat me met rust|laat mij met rust|stop alstublieft|stop aub|stop please|please stop|"
    r"hou (?:nou |nu |maar |er maar |er )?(?:op|mee op)|stop er (?:maar )?mee|"
    r"stop (?:met )?(?:die|deze|de|je|jullie) (?:berichten|smsjes|sms|appjes|vragen)|"
    r"ik wil geen (?:berichten|sms|smsjes|appjes) meer(?: (?:ontvangen|krijgen|hebben))?)"
    r"(?: (?:aub|alsjeblieft|alstublieft|please|nu|graag|dank je|bedankt))*$"
)
_START = re.compile(
    r"^(?:start|starten|begin|beginnen|aanmelden|opnieuw|opnieuw beginnen|"
    r"ik wil (?:me |mij )?aanmelden|meld (?:me|mij) aan|unstop|restart|opnieuw starten)"
    r"(?: (?:aub|alsjeblieft|alstublieft|please|graag))*$"
)
_DELETE = re.compile(
    rf"^(?:{_POLITE} )*(?:"
    r"(?:verwijder|verwijderen|wis|wissen|delete|erase|remove|vernietig|gooi)(?: (?:al |alle )?(?:mijn|me|m|my|de|alle|al mijn) "
    r"(?:gegevens|data|info|informatie|berichten|persoonsgegevens|account|dossier|chat|gesprekken|personal data))?(?: weg| uit)?|"
    r"(?:mijn|me|al mijn|alle|my) (?:gegevens|data|persoonsgegevens|account) (?:verwijderen|wissen|weg|delete|deleten|laten verwijderen|vernietigen)|"
    r"(?:ik wil )?vergeten worden|recht op vergetelheid|forget me"
    r")(?: (?:aub|alsjeblieft|alstublieft|please|graag|nu|svp))*$"
)
_MY_DATA = re.compile(
    rf"^(?:{_POLITE} )*(?:"
    r"(?:mijn|me|m|my) (?:gegevens|data|persoonsgegevens|dossier)(?: (?:inzien|zien|bekijken|opvragen))?|"
    r"inzien|inzage|(?:gegevens|data) (?:inzien|opvragen|bekijken)|"
    r"wat (?:weten|hebben|bewaren|hebt|weet) (?:jullie|u|je) (?:van|over) (?:mij|me)(?: opgeslagen| bewaard)?|"
    r"welke gegevens (?:hebben|bewaren|hebt|heeft) (?:jullie|u|je)(?: van mij| over mij)?|"
    r"what (?:do you know|data do you have) about me|show (?:me )?my data|see my data"
    r")(?: (?:aub|alsjeblieft|alstublieft|please|graag|zien|inzien))*\??$"
)
_MY_PLAN = re.compile(
    rf"^(?:{_POLITE} )*(?:mijn|me|m|my|het|ons) (?:plan|plannetje|hulpplan|afspraken)(?: (?:zien|bekijken|inzien|tonen|sturen|please|aub|graag))*\??$"
    r"|^(?:wat is|hoe ziet) mijn plan(?: eruit)?\??$|^show (?:me )?my plan$"
)
_LANG_EN = re.compile(
    r"^(?:(?:in )?english(?: please| pls| plz)?|(?:can|could) (?:we|you) (?:speak|talk|write|continue) (?:in )?english(?: please)?|"
    r"do you speak english|i (?:don'?t|do not) (?:speak|understand) dutch|no dutch|"
    r"(?:please )?(?:speak|talk|write|answer) (?:in )?english(?: please)?|spreek je engels|spreekt u engels|"
    r"(?:in het )?engels(?: graag| alsjeblieft| aub)?|english only|i speak english|only english)\??$"
)
_LANG_NL = re.compile(
    r"^(?:(?:in (?:het )?)?(?:nederlands|dutch)(?: graag| alsjeblieft| aub| please)?|"
    r"(?:kunnen we|kan het|graag|liever|spreek|praat|schrijf) (?:in (?:het )?)?nederlands(?: graag| verder| praten| spreken| alsjeblieft)?|"
    r"spreek je nederlands|spreekt u nederlands|(?:please )?(?:speak|in) dutch(?: please)?|"
    r"terug naar (?:het )?nederlands|ik spreek nederlands|gewoon nederlands)\??$"
)

_ORDER: tuple[tuple[re.Pattern[str], Control], ...] = (
    (_DELETE, Control.DELETE),
    (_STOP, Control.STOP),
    (_START, Control.START),
    (_MY_DATA, Control.MY_DATA),
    (_MY_PLAN, Control.MY_PLAN),
    (_LANG_EN, Control.LANGUAGE_EN),
    (_LANG_NL, Control.LANGUAGE_NL),
    (_HUMAN, Control.HUMAN),
)


def _clean(text: str) -> str:
    t = normalize(text)
    return re.sub(r"[?:/]", " ", t).replace("  ", " ").strip()


def detect_control(text: str) -> Control | None:
    """The control command the message is, or ``None`` when it is anything else."""
    t = _clean(text)
    if not t or len(t.split()) > 12:
        return None
    for pattern, control in _ORDER:
        if pattern.match(t):
            return control
    return None


_BACK_AGAIN = (
    r"(?:(?:daar |hier )?ben ik (?:er )?weer|(?:ik )?ben (?:er )?weer(?: terug)?|ik ben terug|"
    r"(?:it'?s |its )?me again|i'?m back|again|weer terug)"
)
_GREETING = re.compile(
    r"^(?:(?:(?:hallo|hoi|hey|hee|hi|hello|goedemorgen|goedemiddag|goedenavond|goeiemorgen|"
    r"goeiemiddag|goedendag|goedemiddag|dag|daag|yo|good morning|good afternoon|good evening|"
    r"beste|geachte|moi|moin|hai|hallootjes|heey|goede morgen|goede middag)(?: (?:daar|allemaal|"
    r"there|iedereen|mevrouw|meneer|heer|team|voordeur|allen|hoe gaat het|how are you))*"
    rf"(?: {_BACK_AGAIN})?)|{_BACK_AGAIN})$"
)
_THANKS = re.compile(
    r"^(?:(?:alvast |heel |hartelijk |super |erg |ontzettend )?(?:bedankt|dank|dankjewel|dankuwel|"
    r"dank je|dank u|dank je wel|dank u wel|thanks|thank you|thx|merci|top bedankt|"
    r"fijn dank je|prima bedankt|ok bedankt|oke bedankt|oke dank je|ok thanks|many thanks|"
    r"thanks a lot|great thanks|dankjewel hoor|bedankt hoor|dank je wel hoor|fijn|top)"
    r"(?: (?:wel|hoor|voor (?:de|je|uw|jullie) hulp|for your help|so much|veel|alvast|"
    r"voor alles|nogmaals|zeer))*)$"
)


#: "wie ben jij?", "ben je een robot?", "are you a real person?": a question about who
#: writes back. It is answered (a computer, a person reads along); asking is not yet
#: asking for a person ("ik wil geen robot" is).
_WHO = re.compile(
    r"^(?:(?:hallo|hoi|hey|hi|hello|sorry|maar|en|eh|ehm|nou|ok|oke) )*(?:"
    r"wie (?:ben|bent) (?:jij|je|u)|wie zijn jullie|wat (?:ben|bent) (?:jij|je|u)(?: voor iets)?|"
    r"met wie (?:praat|spreek|chat) ik|wie (?:praat|schrijft|is) (?:er )?(?:met mij|daar)|wie is dit|"
    r"(?:ben|bent) (?:jij|je|u) (?:een )?(?:echte? )?(?:mens|persoon|robot|computer|bot|chatbot|machine)|"
    r"(?:is dit|praat ik met|chat ik met) (?:een )?(?:echte? )?(?:mens|persoon|robot|computer|bot|chatbot)|"
    r"who (?:are you|is this|am i (?:talking|speaking|chatting) (?:to|with))|what are you|"
    r"are you (?:a )?(?:real )?(?:human|person|bot|robot|computer|machine)|"
    r"is this (?:a )?(?:real )?(?:human|person|bot|robot|computer)|am i (?:talking|speaking|chatting) (?:to|with) a (?:real )?(?:human|person|bot|robot|computer)"
    r")(?: (?:eigenlijk|nou|dan|eigenlijk wel|of een mens|of een robot|of een computer|or a (?:human|person|bot|robot)|really|actually))*$"
)


def detect_social(text: str) -> str | None:
    """``"greeting"``, ``"thanks"`` or ``"who"`` (who writes back?) when the message is
    only that, else ``None``."""
    t = _clean(text)
    if not t:
        return None
    if _WHO.match(t):
        return "who"
    if _THANKS.match(t):
        return "thanks"
    if _GREETING.match(t):
        return "greeting"
    return None
