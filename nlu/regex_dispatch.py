"""One regex for many alternatives, dispatched on the first character.

Python's ``re`` tries the alternatives of ``a|b|c|...`` one after another at every
position. With a few hundred crisis patterns that is most of the crisis check's time on
a long message. :func:`first_char_alternation` groups the alternatives by the characters
they can start with and puts a one-character lookahead before each group, so at a
position only the group for the character there is tried. Within a group the
alternatives keep their order, so every match (start and end) is the same as the plain
alternation's; an alternative whose first characters cannot be worked out is put in
every group (and in a last group for all other characters).

With ``literal_groups=True`` a group whose alternatives all begin with the literal
character goes without the lookahead: the regex parser moves that shared character to
the front of the group, and the engine passes over a branch that begins with a literal
after one comparison, where entering a lookahead costs more than that.
"""

from __future__ import annotations

import re
from typing import Any

try:  # the regex parser of the standard library (private, but stable since 3.11)
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - a Python without it gets the plain alternation
    _sre_parse = None  # type: ignore[assignment]

__all__ = ["first_char_alternation", "first_chars"]

_ZERO_WIDTH = {"AT", "ASSERT", "ASSERT_NOT"}
_REPEATS = {"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"}


def first_char_alternation(
    alternatives: list[str], flags: int = 0, *, literal_groups: bool = False
) -> re.Pattern[str]:
    """``(?:alt1|alt2|...)`` with the same matches, grouped by first character.

    ``literal_groups``: no lookahead before a group whose alternatives all start with
    its character as a plain literal (faster where most alternatives are words)."""
    firsts = [first_chars(a) for a in alternatives]
    chars = sorted({c for f in firsts if f for c in f})
    if not chars:
        return re.compile("(?:" + "|".join(f"(?:{a})" for a in alternatives) + ")", flags)
    branches = []
    literal_groups = literal_groups and not flags & re.IGNORECASE
    for c in chars:
        group = [a for a, f in zip(alternatives, firsts, strict=True) if f is None or c in f]
        body = "(?:" + "|".join(f"(?:{a})" for a in group) + ")"
        if literal_groups and all(_starts_with_literal(a, c) for a in group):
            branches.append(body)
        else:
            branches.append(f"(?={re.escape(c)}){body}")
    unknown = [a for a, f in zip(alternatives, firsts, strict=True) if f is None]
    if unknown:
        known = "".join(re.escape(c) for c in chars)
        branches.append(f"(?![{known}])(?:" + "|".join(f"(?:{a})" for a in unknown) + ")")
    return re.compile("(?:" + "|".join(branches) + ")", flags)


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


def _starts_with_literal(pattern: str, char: str) -> bool:
    """True when the first element of ``pattern`` is the plain character ``char`` (not a
    class, group or repeat): a branch of it can only match where ``char`` stands."""
    if _sre_parse is None:
        return False
    try:
        parsed = list(_sre_parse.parse(pattern))
    except re.error:
        return False
    return bool(parsed) and str(parsed[0][0]) == "LITERAL" and parsed[0][1] == ord(char)


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
