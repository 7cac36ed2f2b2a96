"""One regex for many alternatives, dispatched on the first character.

Python's ``re`` tries the alternatives of ``a|b|c|...`` one after another at every
position. With a few hundred crisis patterns that is most of the crisis check's time on
a long message. :func:`first_char_alternation` groups the alternatives by the characters
they can start with, so at a position only the alternatives that can start with the
character there are tried. Within a character's group the alternatives keep their
order, so every match (start and end) is the same as the plain alternation's.

How a group is entered: where the reading can tell, each alternative is rewritten with
its first character taken off (its *derivative* for that character: ``(?:hij|ze) slaat``
for ``h`` is ``(?:ij) slaat``), and the group is written ``h(?:...)``. A branch that
starts with a plain character is the cheapest thing the regex engine knows: it passes
over it after one comparison, without entering it (a lookahead ``(?=h)`` costs a full
call into the matcher at every position, and a long person alternation at the front of
twenty patterns is then tried only for the names that start with the letter there).
Where the reading cannot tell (a lookbehind, an escape, a repeated group), the
alternative keeps its place in the group behind a lookahead ``(?=h)``; an alternative
whose first characters cannot be worked out at all is put in every group (and in a last
group for all other characters).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

try:  # the regex parser of the standard library (private, but stable since 3.11)
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - a Python without it gets the plain alternation
    _sre_parse = None  # type: ignore[assignment]

__all__ = [
    "NO_MATCH",
    "compile_words",
    "derivative",
    "first_char_alternation",
    "first_chars",
    "top_level_split",
]

_ZERO_WIDTH = {"AT", "ASSERT", "ASSERT_NOT"}
_REPEATS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}
#: Characters that are not a plain literal at the start of a pattern.
_SPECIAL = frozenset(".^$*+?{}[]\\|()")
_QUANTIFIERS = frozenset("*+?{")
_LITERAL_ESCAPE = re.compile(r"\\u[0-9a-fA-F]{4}")


class _NoMatch:
    """The derivative of a pattern that cannot start with the character."""


NO_MATCH = _NoMatch()


def first_char_alternation(alternatives: list[str], flags: int = 0) -> re.Pattern[str]:
    """``(?:alt1|alt2|...)`` with the same matches, grouped by first character.

    No capturing groups or backreferences in ``alternatives`` (a group would be written
    more than once). With ``re.IGNORECASE`` or ``re.VERBOSE`` the plain alternation is
    returned."""
    return re.compile(_dispatched(alternatives, flags)[0], flags)


def _dispatched(alternatives: list[str], flags: int) -> tuple[str, int]:
    """The source of :func:`first_char_alternation` and how many of its branches are
    entered through a lookahead (the alternatives the derivatives cannot read)."""
    plain = "(?:" + "|".join(f"(?:{a})" for a in alternatives) + ")"
    # "a|b" as one alternative is the alternatives a and b, in that order
    alternatives = [branch for a in alternatives for branch in top_level_split(a)]
    firsts = [first_chars(a) for a in alternatives]
    chars = sorted({c for f in firsts if f for c in f})
    if not chars or flags & (re.IGNORECASE | re.VERBOSE):
        return plain, len(alternatives)
    branches: list[str] = []
    looked_ahead = 0
    for c in chars:
        derived: list[str] = []  # a run of derivatives, written as one c(?:...) branch
        for a, f in zip(alternatives, firsts, strict=True):
            if f is not None and c not in f:
                continue
            d = derivative(a, c)
            if d is NO_MATCH:
                continue
            if isinstance(d, str):
                derived.append(d)
                continue
            if derived:
                branches.append(_derived_branch(c, derived))
                derived = []
            branches.append(f"(?={re.escape(c)})(?:{a})")
            looked_ahead += 1
        if derived:
            branches.append(_derived_branch(c, derived))
    unknown = [a for a, f in zip(alternatives, firsts, strict=True) if f is None]
    if unknown:
        known = "".join(re.escape(c) for c in chars)
        branches.append(f"(?![{known}])(?:" + "|".join(f"(?:{a})" for a in unknown) + ")")
        looked_ahead += 1
    return "(?:" + "|".join(branches) + ")", looked_ahead


def compile_words(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, with the same matches, faster where ``pattern``
    starts at a word boundary in every alternative (``\\bvan ...|\\bdoor ...``,
    ``\\b(?:van|door) ...``): the boundary is tested once, then only what can start
    with the character there is tried (:func:`first_char_alternation`). Two or more such
    alternatives are always rewritten (the engine otherwise enters each one at every
    position); one is rewritten when every branch then starts with a plain character
    (a branch behind a lookahead costs more than the group it replaces). Any other
    pattern is compiled as it is."""
    alternatives = top_level_split(pattern)
    if flags & (re.IGNORECASE | re.VERBOSE) or not all(a.startswith("\\b") for a in alternatives):
        return re.compile(pattern, flags)
    inner, looked_ahead = _dispatched([a[2:] for a in alternatives], flags)
    if len(alternatives) == 1 and looked_ahead:
        return re.compile(pattern, flags)
    return re.compile("\\b" + inner, flags)


def _derived_branch(c: str, derived: list[str]) -> str:
    return re.escape(c) + "(?:" + "|".join(derived) + ")"


def derivative(pattern: str, c: str) -> str | _NoMatch | None:
    """``pattern`` after its first character ``c``: ``c + derivative`` matches what
    ``pattern`` matches from a position holding ``c``, trying the ways in the same
    order. :data:`NO_MATCH` when ``pattern`` cannot start with ``c``; ``None`` when
    this reading does not follow the pattern (then nothing is rewritten).

    Read: a plain character (or ``\\uXXXX``); ``\\w`` and ``\\d``, alone or greedy ``*``
    and ``+``; a non-capturing
    group ``(?:a|b|)``, not repeated or greedy optional, whose branches are read the same
    way; a lookbehind or word boundary in front of any of these."""
    if not pattern:
        return None
    ch = pattern[0]
    if ch not in _SPECIAL:
        if pattern[1:2] and pattern[1] in _QUANTIFIERS:
            return None
        return pattern[1:] if ch == c else NO_MATCH
    if pattern.startswith(("\\w", "\\d")):
        return _class_derivative(pattern, c)
    if pattern.startswith("\\u") and _LITERAL_ESCAPE.match(pattern):
        literal = chr(int(pattern[2:6], 16))
        if pattern[6:7] in _QUANTIFIERS:
            return None
        return pattern[6:] if literal == c else NO_MATCH
    if pattern.startswith("(?:"):
        return _group_derivative(pattern, c)
    if pattern.startswith(("(?<!", "(?<=", "\\b")):
        return _assertion_derivative(pattern, c)
    return None


def _assertion_derivative(pattern: str, c: str) -> str | _NoMatch | None:
    """A lookbehind or word boundary before the first character, checked one character
    later: ``(?<!is )`` before ``c`` is ``(?<!(?:is )c)`` after it, ``\\b`` before a
    word character is ``(?<!\\wc)`` after it (no word character before it)."""
    if pattern.startswith("\\b"):
        end = 1
        if c.isalnum() or c == "_":
            check = f"(?<!\\w{re.escape(c)})"
        else:
            check = f"(?<=\\w{re.escape(c)})"
    else:
        end = _closing(pattern)
        if end is None:
            return None
        check = f"{pattern[:4]}(?:{pattern[4:end]}){re.escape(c)})"
    after = derivative(pattern[end + 1 :], c)
    return after if not isinstance(after, str) else check + after


def _class_derivative(pattern: str, c: str) -> str | _NoMatch | None:
    """``\\w`` (what ``str.isalnum`` accepts, and ``_``) or ``\\d`` (``str.isdecimal``),
    alone or repeated greedily (``*``, ``+``)."""
    repeat, rest = pattern[2:3], pattern[3:]
    if pattern[1] == "w":
        member = c.isalnum() or c == "_"
    else:
        member = c.isdecimal()
    if repeat in ("*", "+") and rest[:1] not in ("?", "+"):
        if not member:
            return NO_MATCH if repeat == "+" else derivative(rest, c)
        if repeat == "+":
            return pattern[:2] + "*" + rest
        # greedy: first the ways where \w* takes c (longest first), then the rest alone
        after = derivative(rest, c)
        if after is None:
            return None
        return pattern if after is NO_MATCH else f"(?:{pattern}|{after})"
    if repeat and repeat in _QUANTIFIERS:
        return None
    return pattern[2:] if member else NO_MATCH


def _group_derivative(pattern: str, c: str) -> str | _NoMatch | None:
    end = _closing(pattern)
    if end is None:
        return None
    rest = pattern[end + 1 :]
    if rest[:1] == "?" and rest[1:2] not in ("?", "+"):
        # a greedy optional group is the group with an empty last branch
        return derivative(pattern[:end] + "|)" + rest[1:], c)
    if rest[:1] in _QUANTIFIERS:
        return None
    pieces: list[str] = []  # in the group's order: (?:d1|d2)rest, then d(rest), ...
    run: list[str] = []
    for branch in top_level_split(pattern[3:end]):
        d = derivative(branch + rest, c) if branch == "" else derivative(branch, c)
        if d is None:
            return None
        if d is NO_MATCH:
            continue
        assert isinstance(d, str)
        if branch == "":  # an empty branch: what follows the group starts here
            if run:
                pieces.append("(?:" + "|".join(run) + ")" + rest)
                run = []
            pieces.append(d)
        else:
            run.append(d)
    if run:
        pieces.append("(?:" + "|".join(run) + ")" + rest)
    if not pieces:
        return NO_MATCH
    return pieces[0] if len(pieces) == 1 else "(?:" + "|".join(pieces) + ")"


def _closing(pattern: str) -> int | None:
    """Index of the ``)`` that closes the group opened at ``pattern[0]``."""
    depth = 0
    for i, ch in _outside_classes(pattern):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return i
    return None


def top_level_split(p: str) -> list[str]:
    """Split a pattern on its top-level ``|`` (outside groups and classes)."""
    out, depth, start = [], 0, 0
    for i, ch in _outside_classes(p):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(p[start:i])
            start = i + 1
    out.append(p[start:])
    return out


def _outside_classes(pattern: str) -> Iterator[tuple[int, str]]:
    """(index, character) of the pattern's characters outside classes and escapes."""
    i, n = 0, len(pattern)
    while i < n:
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if ch == "[":  # a class: up to its closing "]" (one right after "[" or "[^" is literal)
            i += 2 if pattern[i + 1 : i + 2] == "]" else 3 if pattern[i + 1 : i + 3] == "^]" else 1
            while i < n and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
            i += 1
            continue
        yield i, ch
        i += 1


def first_chars(pattern: str) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can start with, or None when unknown (a
    pattern that can match the empty string, or one this reading does not follow)."""
    if _sre_parse is None:
        return None
    try:
        parsed = _sre_parse.parse(pattern)
    except re.error:
        return None
    found = _first(list(parsed))
    if found is None:
        return None
    chars, nullable = found
    return None if nullable or not chars else frozenset(chars)


def _first(items: list[tuple[Any, Any]]) -> tuple[set[str], bool] | None:
    """(first characters, can be empty) of a parsed sequence, or None when unknown."""
    out: set[str] = set()
    for op, av in items:
        name = str(op)
        if name in _ZERO_WIDTH:
            continue
        if name == "LITERAL":
            out.add(chr(av))
            return out, False
        if name == "IN":
            chars = _class(av)
            if chars is None:
                return None
            return out | chars, False
        if name == "SUBPATTERN":
            inner = _first(list(av[-1]))
        elif name == "BRANCH":
            inner = _branches(av[1])
        elif name in _REPEATS:
            low, _high, sub = av
            inner = _first(list(sub))
            if inner is not None and low == 0:
                inner = (inner[0], True)
        else:
            return None
        if inner is None:
            return None
        out |= inner[0]
        if not inner[1]:
            return out, False
    return out, True


def _branches(branches: list[Any]) -> tuple[set[str], bool] | None:
    out: set[str] = set()
    nullable = False
    for branch in branches:
        inner = _first(list(branch))
        if inner is None:
            return None
        out |= inner[0]
        nullable |= inner[1]
    return out, nullable


def _class(items: list[tuple[Any, Any]]) -> set[str] | None:
    chars: set[str] = set()
    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            chars.add(chr(av))
        elif name == "RANGE" and av[1] - av[0] <= 256:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:  # a negated class, \w, \d: leave it to the catch-all group
            return None
    return chars
