"""How one bot message (text plus at most two options) looks on each channel.

Pure functions, no I/O. The senders call these from their ``render`` methods; the web
chat and the terminal can call them directly.

| channel   | two options                                     |
|-----------|-------------------------------------------------|
| SMS       | "1 Ja\\n2 Nee" under the text, GSM-7, split per segment |
| WhatsApp  | "1 Ja\\n2 Nee" under the text                    |
| Telegram  | reply keyboard with two buttons                 |
| web chat  | two buttons                                     |
| voice     | "Zeg ja, of druk 1. Zeg nee, of druk 2."        |
| terminal  | numbered text                                   |
"""

from __future__ import annotations

import re
import unicodedata

from bot.messages import Channel
from handlers.base import Rendered
from handlers.gsm7 import SINGLE_GSM7, segments, septets, split_sms, to_gsm7

__all__ = [
    "TELEGRAM_MAX_CHARS",
    "TWILIO_MAX_BODY",
    "numbered",
    "render_for",
    "render_sms",
    "render_telegram",
    "render_terminal",
    "render_webchat",
    "render_whatsapp",
    "share_phone_button",
    "share_phone_label",
    "speakable",
    "voice_prompt",
]

TELEGRAM_MAX_CHARS = 4096
TWILIO_MAX_BODY = 1600
#: A button text starting with this marker asks Telegram for the person's phone number.
#: Printable ASCII, so that it can be stored anywhere (PostgreSQL text refuses NUL).
_SHARE_PHONE = "@share-phone:"


def _check(options: tuple[str, ...]) -> None:
    if len(options) > 2:
        raise ValueError(f"a message offers at most two options, got {len(options)}")


def numbered(text: str, options: tuple[str, ...]) -> str:
    """The text with the options as numbered lines under it: ``"...\\n1 Ja\\n2 Nee"``."""
    _check(options)
    lines = [f"{i} {_label(opt)}" for i, opt in enumerate(options, start=1)]
    return "\n".join([text, *lines]) if text else "\n".join(lines)


def _label(option: str) -> str:
    """What a person sees of an option (a share-phone button shows its label)."""
    return share_phone_label(option) or option


def _split_plain(text: str, limit: int) -> list[str]:
    """Split at sentence boundaries for channels that count characters, not septets."""
    if len(text) <= limit:
        return [text]
    # split_sms counts UCS-2 units for non-GSM text, which is at least the char count.
    return split_sms(text, limit=limit)


def render_sms(
    text: str, options: tuple[str, ...] = (), language: str = "nl"
) -> tuple[Rendered, ...]:
    """SMS: GSM-7 only, options numbered under the text, one segment per part where possible.

    The options stay together with the end of the text when they fit in its segment,
    else they are sent as the last part.
    """
    _check(options)
    body = to_gsm7(text).strip()
    block = to_gsm7(numbered("", options)) if options else ""
    parts = split_sms(body) if body else []
    if block:
        if parts and septets(f"{parts[-1]}\n{block}") <= SINGLE_GSM7:
            parts[-1] = f"{parts[-1]}\n{block}"
        else:
            parts.append(block)
    return tuple(Rendered(text=p, segments=segments(p)) for p in parts)


def render_whatsapp(
    text: str, options: tuple[str, ...] = (), language: str = "nl"
) -> tuple[Rendered, ...]:
    """WhatsApp: numbered options under the text (quick replies need pre-approved content)."""
    full = numbered(text.strip(), options)
    return tuple(Rendered(text=p) for p in _split_plain(full, TWILIO_MAX_BODY))


def render_telegram(
    text: str, options: tuple[str, ...] = (), language: str = "nl"
) -> tuple[Rendered, ...]:
    """Telegram: the text keeps the question; the options are reply-keyboard buttons.

    A text longer than Telegram's 4096 characters is split; the buttons go with the
    last part.
    """
    _check(options)
    parts = _split_plain(text.strip(), TELEGRAM_MAX_CHARS) or [""]
    rendered = [Rendered(text=p) for p in parts[:-1]]
    rendered.append(Rendered(text=parts[-1], buttons=tuple(options)))
    return tuple(rendered)


def render_webchat(
    text: str, options: tuple[str, ...] = (), language: str = "nl"
) -> tuple[Rendered, ...]:
    """Web chat: the text and two buttons."""
    _check(options)
    return (Rendered(text=text, buttons=tuple(_label(o) for o in options)),)


def render_terminal(
    text: str, options: tuple[str, ...] = (), language: str = "nl"
) -> tuple[Rendered, ...]:
    """Terminal and simulation: numbered text."""
    return (Rendered(text=numbered(text, options)),)


#: Written instructions, said the way they work on the phone ("Typ MENS" -> "Zeg MENS").
_SPOKEN_VERBS = (
    (re.compile(r"\bTyp\b"), "Zeg"),
    (re.compile(r"\btyp\b"), "zeg"),
    (re.compile(r"\bType\b"), "Say"),
    (re.compile(r"\btype\b"), "say"),
    (re.compile(r"\bstuur (?:een|ons een) bericht\b"), "bel ons"),
    (re.compile(r"\bsend us a message\b"), "call us"),
)


def speakable(text: str) -> str:
    """Text a voice can read: no emoji or symbols, line breaks as pauses, and written
    instructions ("Typ MENS") turned into spoken ones ("Zeg MENS")."""
    for pattern, spoken_form in _SPOKEN_VERBS:
        text = pattern.sub(spoken_form, text)
    kept = "".join(
        c
        for c in unicodedata.normalize("NFC", text)
        if unicodedata.category(c) not in {"So", "Sk", "Cs", "Co", "Cn", "Cf"}
    )
    lines = [line.strip() for line in kept.splitlines() if line.strip()]
    spoken = []
    for line in lines:
        spoken.append(line if line[-1] in ".!?:;," else f"{line}.")
    return " ".join(spoken)


def voice_prompt(text: str, options: tuple[str, ...] = (), language: str = "nl") -> str:
    """What the phone says: the text, then "Zeg ja, of druk 1. Zeg nee, of druk 2."."""
    _check(options)
    sentences = [speakable(text)] if text.strip() else []
    for i, option in enumerate(options, start=1):
        said = speakable(_label(option)).rstrip(".").lower()
        if language == "en":
            sentences.append(f"Say {said}, or press {i}.")
        else:
            sentences.append(f"Zeg {said}, of druk {i}.")
    return " ".join(s for s in sentences if s)


def render_for(
    channel: Channel, text: str, options: tuple[str, ...] = (), language: str = "nl"
) -> tuple[Rendered, ...]:
    """Render for any channel (voice: one Rendered holding the spoken prompt)."""
    if channel is Channel.SMS:
        return render_sms(text, options, language)
    if channel is Channel.WHATSAPP:
        return render_whatsapp(text, options, language)
    if channel is Channel.TELEGRAM:
        return render_telegram(text, options, language)
    if channel is Channel.WEBCHAT:
        return render_webchat(text, options, language)
    if channel is Channel.VOICE:
        return (Rendered(text=voice_prompt(text, options, language)),)
    return render_terminal(text, options, language)


def share_phone_button(label: str) -> str:
    """A button text that Telegram shows as "share my phone number" (``request_contact``).

    Put it in ``Rendered.buttons``; :class:`handlers.telegram.TelegramSender` turns it
    into ``KeyboardButton(label, request_contact=True)``.
    """
    return f"{_SHARE_PHONE}{label}"


def share_phone_label(button: str) -> str | None:
    """The label of a share-phone button, or None for an ordinary button."""
    return button[len(_SHARE_PHONE) :] if button.startswith(_SHARE_PHONE) else None
