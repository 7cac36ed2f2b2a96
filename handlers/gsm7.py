"""GSM-7 for SMS: keep a message in the cheap alphabet, count septets and segments, split.

One character outside GSM-7 (a "ë" in "financiële", a curly quote, an emoji) turns the
whole message into UCS-2, where a segment holds 70 characters instead of 160. So before
an SMS goes out we replace such characters with their plain forms (``ë`` -> ``e``,
``…`` -> ``...``) and drop what has no plain form (emoji). Characters that *are* in
GSM-7 (``é è à ä ö ü ñ Ç``) stay. The tables are those of 3GPP TS 23.038 (the
default alphabet and its extension table); no codec package is needed.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = [
    "GSM7_BASIC",
    "GSM7_EXTENSION",
    "MULTI_GSM7",
    "MULTI_UCS2",
    "SINGLE_GSM7",
    "SINGLE_UCS2",
    "is_gsm7",
    "segments",
    "septets",
    "split_sms",
    "to_gsm7",
]

#: The GSM 03.38 default alphabet (without ESC, which only introduces the extension).
GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
#: Characters from the extension table: each costs two septets (ESC + code).
GSM7_EXTENSION = frozenset("^{}\\[~]|€")

SINGLE_GSM7 = 160
MULTI_GSM7 = 153
SINGLE_UCS2 = 70
MULTI_UCS2 = 67

_GSM7 = GSM7_BASIC | GSM7_EXTENSION

#: Plain forms for characters that decomposition does not handle well.
_REPLACEMENTS: dict[str, str] = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "`": "'",
    "\u00b4": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u2033": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2039": "'",
    "\u203a": "'",
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "-",
    "\u2013": "-",
    "\u2014": "-",
    "\u2015": "-",
    "\u2212": "-",
    "\u2026": "...",
    "\u00a0": " ",
    "\u202f": " ",
    "\u2007": " ",
    "\u2009": " ",
    "\u200a": " ",
    "\u2002": " ",
    "\u2003": " ",
    "\u3000": " ",
    "\t": " ",
    "\f": " ",
    "\v": " ",
    "\u2022": "*",
    "\u00b7": "*",
    "\u00e7": "c",  # lower-case c cedilla is not in GSM-7 (only upper-case Ç is)
    "\u0153": "oe",
    "\u0152": "OE",
    "\u00f0": "d",
    "\u00d0": "D",
    "\u00fe": "th",
    "\u00de": "Th",
    "\u0142": "l",
    "\u0141": "L",
    "\u0111": "d",
    "\u0110": "D",
    "\u2044": "/",  # fraction slash: "½" decomposes to "1⁄2"
    "\u0131": "i",
    "\u00d7": "x",
    "\u2028": "\n",
    "\u2029": "\n",
}


def is_gsm7(text: str) -> bool:
    """True when every character of ``text`` is in the GSM-7 alphabet or its extension."""
    return all(c in _GSM7 for c in text)


def _plain(char: str) -> str:
    if char in _GSM7:
        return char
    if char in _REPLACEMENTS:
        return _REPLACEMENTS[char]
    # Compatibility decomposition: "ë" -> "e" + diaeresis, "ﬁ" -> "fi", "²" -> "2".
    # Keep the GSM-7 parts and drop combining marks and everything else (emoji).
    decomposed = unicodedata.normalize("NFKD", char)
    if decomposed == char:
        return ""
    return "".join(_plain(c) for c in decomposed if not unicodedata.combining(c))


def to_gsm7(text: str) -> str:
    """Return ``text`` in the GSM-7 alphabet: plain forms for other characters.

    Emoji and symbols without a plain form are removed; spaces left doubled by a
    removal are collapsed, and no line ends in spaces.
    """
    text = unicodedata.normalize("NFC", text)
    out = "".join(_plain(c) for c in text)
    if out == text:
        return out
    out = re.sub(r" {2,}", " ", out)
    out = re.sub(r" +([.,!?;:])", r"\1", out)
    out = re.sub(r" +\n", "\n", out)
    return out.strip(" ") if text.strip(" ") == text else out


def septets(text: str) -> int:
    """Septets ``text`` costs in GSM-7; extension characters count double.

    Raises ValueError when ``text`` is not GSM-7 (use :func:`to_gsm7` first).
    """
    total = 0
    for c in text:
        if c in GSM7_BASIC:
            total += 1
        elif c in GSM7_EXTENSION:
            total += 2
        else:
            raise ValueError(f"not a GSM-7 character: {c!r}")
    return total


def _utf16_units(c: str) -> int:
    return 2 if ord(c) > 0xFFFF else 1


def segments(text: str) -> int:
    """How many SMS segments ``text`` costs, GSM-7 when possible, else UCS-2.

    A single segment holds 160 septets (GSM-7) or 70 UTF-16 units (UCS-2); a long
    message is sent as parts of 153 or 67, and an escape pair or a surrogate pair
    is never split across two parts. An empty text is one segment.
    """
    if is_gsm7(text):
        costs = [2 if c in GSM7_EXTENSION else 1 for c in text]
        single, multi = SINGLE_GSM7, MULTI_GSM7
    else:
        costs = [_utf16_units(c) for c in text]
        single, multi = SINGLE_UCS2, MULTI_UCS2
    if sum(costs) <= single:
        return 1
    count, used = 1, 0
    for cost in costs:
        if used + cost > multi:
            count += 1
            used = 0
        used += cost
    return count


_SENTENCE_END = re.compile(r"((?<=[.!?:])[ \t]+|\s*\n\s*)")


def _cost(text: str) -> int:
    return septets(text) if is_gsm7(text) else sum(_utf16_units(c) for c in text)


def _limit_for(text: str, limit: int | None) -> int:
    if limit is not None:
        return limit
    return SINGLE_GSM7 if is_gsm7(text) else SINGLE_UCS2


def _pack(pieces: list[tuple[str, str]], limit: int) -> list[str]:
    """Greedily join (separator, piece) pairs into parts of at most ``limit``."""
    parts: list[str] = []
    current = ""
    for sep, piece in pieces:
        candidate = f"{current}{sep}{piece}" if current else piece
        if _cost(candidate) <= limit:
            current = candidate
            continue
        if current:
            parts.append(current)
        current = piece
    if current:
        parts.append(current)
    return parts


def split_sms(text: str, limit: int | None = None) -> list[str]:
    """Split ``text`` into parts that each fit one segment, at sentence boundaries.

    Sentences (ending in ``. ! ? :`` or a line break) are packed greedily into parts
    of at most ``limit`` septets (default: 160 for GSM-7, 70 for UCS-2). A sentence
    longer than a part is split between words. A single word longer than a part (a
    long link) is never cut: it becomes a part of its own that costs more than one
    segment. Whitespace at the cuts is dropped; line breaks inside a part are kept.
    """
    text = text.strip()
    if not text:
        return []
    lim = _limit_for(text, limit)
    if _cost(text) <= lim:
        return [text]
    chunks = _SENTENCE_END.split(text)
    pieces: list[tuple[str, str]] = []
    sep = ""
    for i, chunk in enumerate(chunks):
        if i % 2:
            sep = "\n" if "\n" in chunk else " "
            continue
        if not chunk:
            continue
        if _cost(chunk) <= lim:
            pieces.append((sep, chunk))
        else:
            words = chunk.split()
            pieces.append((sep, words[0]))
            pieces.extend((" ", w) for w in words[1:])
    return _pack(pieces, lim)
