"""Not sure it is a crisis: the messages after which the dialog asks.

The crisis check (:mod:`nlu.crisis`) decides yes or no. Some messages sit between: "ik
kan niet meer", "ik ben op", "I'm done with everything" are often tiredness and
sometimes the first words of someone who wants to die. Crisis lines do not guess then;
they ask, straight out ("Denkt u erover om uzelf iets aan te doen?"): asking does not put
the idea in anyone's head, and it is the safest way to find out. voordeur does the same
(``common.safety_*`` in ``dialogs/flows/common.yaml``): a clear "no" and the message is
handled as usual; a "yes", or anything else, is a crisis.

Two signals, read when the crisis check found nothing:

- :func:`doubt`: phrases that crisis lines treat as a reason to ask (:data:`PHRASES`), as
  the whole message or its last clause, so "ik kan niet meer lopen" or "ik ben op de
  markt" do not count. Asked wherever they are written.
- :func:`lean`: the crisis model just under its threshold (:func:`nlu.crisis.model_doubt`),
  with the same exceptions as the model's own alarm (past, settled, answer-shaped, ...).
  Asked only where a message stands on its own (a first message, an answer to "what can
  we help with", "hoe gaat het nu?"): in the middle of making a plan the model reads
  answers such as "als ik het haar zelf vraag" (0.72) as leaving.

Neither is asked while a crisis is being handled (the dialog checks that).

Where the band starts (:data:`nlu.crisis.DOUBT_FROM`). Session 6 chose 0.7 on the seven
retired batches before the model trained on them. Since round 16 the model trains on every
batch, so round 17 measured it again leave-one-batch-out (``python -m
benchmarks.crisis_doubt_lobo``: each batch scored by a model trained on all the others;
ordinary first messages are the topic examples of ``nlu.yml`` by 5-fold cross-validation
and, apart, the 660 topic messages of the session-7 writer scored by a model trained
without them). Asked about (model band, with the phrases in brackets where they add):

=========  =============  =============  ===========  ==============  ==============
band from  missed crises  look-alikes    look-alikes  first messages  new writer's
           retired/fresh  retired/fresh  dev          nlu.yml (CV)    first messages
=========  =============  =============  ===========  ==============  ==============
0.5        23/58, 16/31   2.1, 2.2 %     4.3 %        1.4 (1.7) %     2.3 (2.8) %
0.55       20/58, 16/31   1.7, 1.1 %     3.7 %        1.1 (1.4) %     1.8 (2.3) %
0.6        18/58, 15/31   1.1, 0.4 %     2.9 %        0.9 (1.2) %     1.4 (1.8) %
**0.65**   12/58, 11/31   0.6, 0.4 %     2.0 %        0.8 (1.0) %     0.9 (1.4) %
0.7        11/58, 8/31    0.3, 0.4 %     1.2 %        0.4 (0.6) %     0.8 (1.2) %
=========  =============  =============  ===========  ==============  ==============

The rule: the widest band that asks after at most 3 % of the look-alikes of every pool and
adds at most one question per hundred ordinary first messages in every set (the phrases
are asked anywhere and counted apart). 0.6 asks about four more missed crises of the new
writer but after 1.4 % of that writer's first messages; 0.65 is the start. The phrases
asked about none of the crises the check missed in any pool (those are caught when they
hold such a phrase) and after 0.3-0.5 % of first messages, mostly carers who are "op";
phrases learned from the endings of positive messages against near misses (LOBO, before
round 17's batch) would have added 3 of 65 missed crises for 0.6-0.75 % more first
messages: the model band does more per question, so the list stays short and by hand.
"""

from __future__ import annotations

import re

from nlu.api import CrisisKind
from nlu.text import normalize

__all__ = ["PHRASES", "doubt", "lean"]

_END = r"(?: (?:hoor|echt|meer|zo|nu|nou|gewoon|allemaal|anymore|really|now))*$"
#: Phrases that are tiredness as often as despair, by the kind of crisis they may hide.
#: Matched against the normalised text (lower case, no punctuation, shorthand written out).
PHRASES: dict[CrisisKind, re.Pattern[str]] = {
    CrisisKind.SUICIDE: re.compile(
        r"(?:^|\b(?:en|maar|and|but|ik weet het niet) )(?:"
        r"ik (?:kan|kan het|kan dit) (?:echt |gewoon |bijna |zo )?niet meer"
        r"|ik ben (?:helemaal |echt |zo )?op"
        r"|ik red het (?:echt |gewoon )?niet meer"
        r"|ik ben (?:het|alles) (?:zo |echt |helemaal )?zat"
        r"|ik heb de strijd gestreden|de strijd is gestreden"
        r"|niemand (?:mist|zou) me(?: missen)?"
        r"|i (?:cant|can not|cannot) (?:do this|take it|go on|cope)(?: any ?more)?"
        r"|im done with (?:everything|it all)"
        r"|nobody would miss me"
        r")" + _END
    ),
    CrisisKind.VIOLENCE: re.compile(
        r"(?:^|\b(?:en|maar|and|but) )(?:"
        r"(?:hij|zij|ze|mijn (?:man|vrouw|vriend|vriendin|partner|zoon|dochter|ex)) (?:wordt|is) "
        r"(?:soms |vaak |steeds )?(?:zo |heel )?(?:boos|agressief|driftig)(?: op (?:mij|me))?"
        r"|(?:he|she|my (?:husband|wife|partner|son|daughter|boyfriend)) (?:gets|is) "
        r"(?:sometimes |often )?(?:so |very )?(?:angry|aggressive)(?: with me)?"
        r")" + _END
    ),
    CrisisKind.DANGER: re.compile(
        r"(?:^|\b(?:en|maar|and|but) )(?:"
        r"ik voel me (?:helemaal |echt |heel |zo )?(?:niet goed|beroerd|heel raar|raar)"
        r"|i feel (?:really |very |so )?(?:unwell|ill|strange|awful)"
        r")" + _END
    ),
}


def doubt(text: str) -> CrisisKind | None:
    """The crisis a phrase of :data:`PHRASES` may hide (ask wherever it is written)."""
    t = normalize(text)
    if not t:
        return None
    for kind, pattern in PHRASES.items():
        if pattern.search(t):
            return kind
    return None


def lean(text: str, *, relief_answer: bool = False) -> CrisisKind | None:
    """The kind the crisis model leans to just under its threshold (ask only where the
    message stands on its own: the dialog decides). Never for an answer that describes
    relief ("dan ben ik overal op tijd"): the model reads such answers as leaving."""
    if relief_answer:
        return None
    from nlu.crisis import model_doubt

    return model_doubt(text)
