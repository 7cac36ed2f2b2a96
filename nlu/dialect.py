"""Dialect and clipped spellings, read as the standard word the topic model knows.

People write the way they speak: "boadschappen", "mien hoes", "noar de winkel",
"gain geld" (Gronings, Drents, Twents), "straot" (Limburgs), "huus" (Brabants), or
they clip a word on SMS ("boodsch", "admin"). The topic model learnt standard
spellings, so an unknown word is respelled with the vowel changes these dialects make
when that gives a word the model knows. A word the model already knows is never
changed. Only the topic reading uses this; the crisis check reads the message as sent.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection
from functools import lru_cache
from itertools import combinations

from nlu.text import SHORTHAND, fold

__all__ = ["respell"]

#: Dialect vowel spellings and the standard spellings they stand for.
_VOWELS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("oa", ("aa", "oo", "a", "o")),  # boadschappen, noar, moaken, stroat
    ("ao", ("aa", "oo")),  # straot, kaomen
    ("ae", ("aa", "ee")),  # straet
    ("ie", ("ij",)),  # mien, bie, tied
    ("oe", ("ui",)),  # hoes, boeten
    ("uu", ("ui",)),  # huus
    ("ai", ("ee", "ei")),  # gain, hail
    ("ee", ("ij", "ei")),  # zeen, kleen
    ("eu", ("oo", "oe")),  # veur, deur for door
    ("sj", ("sch",)),  # boodsjappe (Limburgs)
)
#: Endings dropped in speech: "lope" for lopen, "kattn" for katten.
_ENDINGS: tuple[tuple[str, str], ...] = (("e", "en"), ("n", "en"), ("kes", "jes"), ("ke", "je"))
#: A clipped word (SMS) is completed only from this length on ("boodsch", "admin").
_MIN_CLIPPED = 5
_MIN_WORD = 3


def _variants(word: str) -> list[str]:
    """Respellings of one word: one vowel change, two, an ending, or both."""
    spots = []  # (where, length, standard spelling), by spelling, place and standard
    for dia, stds in _VOWELS:
        i = word.find(dia)  # every place, overlapping ones too ("eee"), found by str.find
        while i != -1:
            spots.extend((i, len(dia), std) for std in stds)
            i = word.find(dia, i + 1)
    out: list[str] = []
    for n in (1, 2):
        for combo in combinations(spots, n):
            starts = [c[0] for c in combo]
            if len(set(starts)) < n or any(
                a[0] < b[0] + b[1] and b[0] < a[0] + a[1] for a, b in combinations(combo, 2)
            ):
                continue  # overlapping changes
            w = word
            for i, size, std in sorted(combo, key=lambda c: -c[0]):
                w = w[:i] + std + w[i + size :]
            out.append(w)
    with_endings = [
        w[: -len(end)] + std for w in [word, *out] for end, std in _ENDINGS if w.endswith(end)
    ]
    return out + with_endings


@lru_cache(maxsize=8192)
def _respell_word(word: str, vocabulary: frozenset[str]) -> str:
    if word in vocabulary or word in SHORTHAND or len(word) < _MIN_WORD or not word.isalpha():
        return word
    for candidate in _variants(word):
        if candidate in vocabulary:
            return candidate
    if len(word) >= _MIN_CLIPPED:
        return complete(word, vocabulary) or word
    return word


def complete(word: str, vocabulary: frozenset[str]) -> str | None:
    """The shortest known word that ``word`` is the start of (alphabetically first of
    equals), or None: a clipped SMS word ("boodsch") read as the whole one."""
    words = _sorted(vocabulary)
    best: str | None = None
    i = bisect_left(words, word)
    while i < len(words) and words[i].startswith(word):  # only words with this start
        w = words[i]
        if len(w) > len(word) and (best is None or len(w) < len(best)):
            best = w
        i += 1
    return best


@lru_cache(maxsize=4)
def _sorted(vocabulary: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(vocabulary))


_LETTERS = re.compile(r"[^\W\d_]+")


def respell(text: str, vocabulary: Collection[str]) -> str:
    """``text`` with unknown dialect or clipped words as the word the model knows.

    Everything else (punctuation, numbers, known words) stays as written, so clause
    boundaries still count."""
    vocab = vocabulary if isinstance(vocabulary, frozenset) else frozenset(vocabulary)
    # "mijn huis mijn huis" (a phone line): a word said twice would count twice for the
    # topic. Only the topic reading sees this; the crisis check reads every word.
    text = _SAID_TWICE.sub(r"\1", text)
    return _LETTERS.sub(lambda m: _respell_word(fold(m.group()), vocab), text)


#: A run of one to three words said twice in a row, with nothing but spaces between.
_SAID_TWICE = re.compile(r"(?i)\b((?:[^\W\d_]+ +){0,2}[^\W\d_]+)(?: +\1\b)+")
