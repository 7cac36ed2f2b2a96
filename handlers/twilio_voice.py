"""The phone line through Twilio Voice: a spoken menu with keypad and speech.

Every turn is a ``<Gather input="dtmf speech">`` around a ``<Say>`` of the bot's replies,
with at most two options spoken as "Zeg ja, of druk 1. Zeg nee, of druk 2.". The answer
(1/2 mapped to the option, or the recognised speech) goes through the pipeline as an
:class:`Inbound` with ``provider_id = "<CallSid>:<step>"``.

Keys: ``9`` repeats the last question; ``0`` or the word "mens" sends the text "mens"
through the pipeline (the dialog records the handoff and the call-back task) and then,
during opening hours and with ON_DUTY_PHONE set, connects the call with ``<Dial>``;
outside them the bot's answer (when someone calls back) is spoken and the call ends.
Silence: asked once more, then a polite goodbye.

The call starts as if the person said "hallo": the pipeline greets them like in a chat.

The state of a call (step, silence count, the two options, the last prompt) travels in
the ``action`` URL's query. Twilio signs the full URL, so a caller cannot change it.
"""

from __future__ import annotations

import logging
import re
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from fastapi import APIRouter, HTTPException, Request, Response
from twilio.twiml.voice_response import Gather, VoiceResponse

from bot.messages import Channel, Inbound
from bot.ports import TurnResult
from config.profile import Profile
from handlers._web import hand_to_pipeline, read_twilio_form, services_of, to_e164
from handlers.render import speakable, voice_prompt

__all__ = ["GATHER_PATH", "GREETING_TEXT", "HUMAN_TEXT", "VOICE_PATH", "is_open", "router"]

log = logging.getLogger(__name__)

VOICE_PATH = "/webhooks/twilio/voice"
GATHER_PATH = "/webhooks/twilio/voice/gather"
#: What the pipeline receives when a call starts.
GREETING_TEXT = "hallo"
#: What the pipeline receives when the caller asks for a person (0 or "mens").
HUMAN_TEXT = "mens"
_MAX_SAY_IN_URL = 1500

_VOICES = {"nl": ("nl-NL", "Polly.Lotte"), "en": ("en-GB", "Polly.Amy")}
_TEXTS = {
    "nl": {
        "menu": "Wilt u iemand spreken? Zeg mens, of druk 0. Herhalen? Druk 9.",
        "not_heard": "Ik heb u niet gehoord.",
        "goodbye_silent": "Ik heb u niet gehoord. U kunt altijd opnieuw bellen. Tot ziens.",
        "connecting": "Ik verbind u met een medewerker. Een moment, alstublieft.",
        "no_answer": "Er neemt nu niemand op. Wij bellen u terug. Tot ziens.",
        "closed": "Wij zijn nu gesloten. Wij bellen u terug. Wij zijn open: {hours}.",
        "goodbye": "Tot ziens.",
        "passed_on": "Dank u. Ik heb het doorgegeven.",
        "error": "Er ging iets mis. Bel later opnieuw, alstublieft. Tot ziens.",
        "hidden": "Wij zien uw nummer niet. Bel met een zichtbaar nummer, of stuur ons een "
        "bericht. Tot ziens.",
    },
    "en": {
        "menu": "Want to talk to a person? Say human, or press 0. To repeat, press 9.",
        "not_heard": "I did not hear you.",
        "goodbye_silent": "I did not hear you. You can always call again. Goodbye.",
        "connecting": "I am connecting you with a colleague. One moment, please.",
        "no_answer": "Nobody can answer right now. We will call you back. Goodbye.",
        "closed": "We are closed now. We will call you back. We are open {hours}.",
        "goodbye": "Goodbye.",
        "passed_on": "Thank you. I have passed it on.",
        "error": "Something went wrong. Please call again later. Goodbye.",
        "hidden": "We cannot see your number. Please call with your number shown, or send "
        "us a message. Goodbye.",
    },
}
_REPEAT_WORDS = {"herhaal", "herhalen", "nog een keer", "opnieuw", "repeat", "again"}
_HUMAN_WORDS = {"mens", "medewerker", "human", "person"}
#: A caller who says the number instead of pressing it.
_SPOKEN_DIGITS = {
    "1": "1",
    "een": "1",
    "één": "1",
    "eén": "1",
    "one": "1",
    "2": "2",
    "twee": "2",
    "two": "2",
    "0": "0",
    "nul": "0",
    "zero": "0",
    "9": "9",
    "negen": "9",
    "nine": "9",
}

router = APIRouter()


def is_open(profile: Profile, now: datetime) -> bool:
    """True during the organisation's opening hours (in its own time zone)."""
    local = now.astimezone(ZoneInfo(profile.timezone))
    span = profile.opening_hours.get(local.weekday())
    return span is not None and span[0] <= local.time() < span[1]


def _lang(value: str | None) -> str:
    return value if value in _VOICES else "nl"


def _twiml(vr: VoiceResponse) -> Response:
    return Response(content=str(vr), media_type="text/xml")


def _say(target: Any, text: str, lang: str) -> None:
    language, voice = _VOICES[lang]
    target.say(text, language=language, voice=voice)


def _action_url(settings: Any, state: dict[str, str]) -> str:
    query = urlencode(state)
    base = settings.public_base_url.rstrip("/") if settings.public_base_url else ""
    return f"{base}{GATHER_PATH}?{query}"


def _gather(
    settings: Any, prompt: str, state: dict[str, str], lang: str, hints: str
) -> VoiceResponse:
    vr = VoiceResponse()
    gather = Gather(
        input="dtmf speech",
        language=_VOICES[lang][0],
        num_digits=1,
        speech_timeout="auto",
        timeout=8,
        action=_action_url(settings, state),
        method="POST",
        action_on_empty_result=True,
        hints=hints,
    )
    _say(gather, prompt, lang)
    vr.append(gather)
    return vr


def _prompt_of(result: TurnResult, lang: str) -> tuple[str, tuple[str, ...]]:
    """The spoken text of this turn's replies and the options of the last one."""
    spoken = [voice_prompt(r.text, r.options, lang) for r in result.replies]
    options = result.replies[-1].options if result.replies else ()
    return " ".join(s for s in spoken if s), options


def _ask(
    settings: Any, prompt: str, options: tuple[str, ...], step: int, lang: str, silence: int = 0
) -> VoiceResponse:
    state = {"step": str(step), "silence": str(silence), "lang": lang}
    for i, option in enumerate(options, start=1):
        state[f"o{i}"] = option
    if prompt:
        state["say"] = _tail(prompt, _MAX_SAY_IN_URL)
    words = ["ja", "nee", "mens", "herhaal", *(o.lower() for o in options)]
    hints = ", ".join(dict.fromkeys(words))
    return _gather(settings, prompt, state, lang, hints)


def _tail(prompt: str, limit: int) -> str:
    """The last whole sentences of ``prompt`` within ``limit`` characters (the question)."""
    if len(prompt) <= limit:
        return prompt
    sentences = re.split(r"(?<=[.!?])\s+", prompt)
    kept: list[str] = []
    size = 0
    for sentence in reversed(sentences):
        if kept and size + len(sentence) + 1 > limit:
            break
        kept.insert(0, sentence)
        size += len(sentence) + 1
    return " ".join(kept)[-limit:]


def _normal(speech: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", speech.lower()).split())


async def _turn(services: Any, inbound: Inbound) -> TurnResult | None:
    try:
        return await hand_to_pipeline(services, inbound)
    except HTTPException:
        return None  # logged by hand_to_pipeline; the caller hears an apology


def _caller(form: dict[str, str]) -> str | None:
    try:
        return to_e164(form.get("From", ""))
    except ValueError:
        return None


def _goodbye(text: str, lang: str) -> Response:
    vr = VoiceResponse()
    _say(vr, text, lang)
    vr.hangup()
    return _twiml(vr)


@router.post(VOICE_PATH)
async def voice_call(request: Request) -> Response:
    """A call starts: greet through the pipeline (as if the caller said "hallo")."""
    services = services_of(request)
    settings = services.settings
    form = await read_twilio_form(request, settings)
    form.require("CallSid", "From")
    lang = _lang(request.query_params.get("lang"))
    texts = _TEXTS[lang]
    caller = _caller(form)
    if caller is None:
        return _goodbye(texts["hidden"], lang)
    inbound = Inbound(
        channel=Channel.VOICE,
        address=caller,
        text=GREETING_TEXT,
        provider_id=f"{form['CallSid']}:0",
    )
    result = await _turn(services, inbound)
    if result is None:
        return _goodbye(texts["error"], lang)
    if result.stopped:
        return _goodbye(texts["goodbye"], lang)
    prompt, options = _prompt_of(result, lang)
    prompt = f"{prompt} {texts['menu']}".strip()
    return _twiml(_ask(settings, prompt, options, step=1, lang=lang))


def _int(value: str | None, default: int = 0) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


@router.post(GATHER_PATH)
async def voice_gather(request: Request) -> Response:
    """The caller answered (keypad or speech) or stayed silent."""
    services = services_of(request)
    settings = services.settings
    form = await read_twilio_form(request, settings)
    form.require("CallSid", "From")
    q = request.query_params
    lang = _lang(q.get("lang"))
    texts = _TEXTS[lang]
    step, silence = _int(q.get("step"), 1), _int(q.get("silence"))
    options = tuple(o for o in (q.get("o1"), q.get("o2")) if o)
    last_prompt = q.get("say", "")
    digits = form.get("Digits", "").strip()
    speech = _normal(form.get("SpeechResult", ""))
    if not digits and speech in _SPOKEN_DIGITS:
        digits, speech = _SPOKEN_DIGITS[speech], ""
    caller = _caller(form)
    if caller is None:
        return _goodbye(texts["hidden"], lang)

    if not digits and not speech:
        if silence >= 1:
            return _goodbye(texts["goodbye_silent"], lang)
        prompt = f"{texts['not_heard']} {last_prompt}".strip()
        vr = _ask(settings, prompt, options, step, lang, silence=silence + 1)
        return _twiml(vr)

    if digits == "9" or speech in _REPEAT_WORDS:
        return _twiml(_ask(settings, last_prompt, options, step, lang))

    provider_id = f"{form['CallSid']}:{step}"
    if digits == "0" or _HUMAN_WORDS & set(speech.split()):
        return await _to_human(services, caller, provider_id, lang)

    if digits in {"1", "2"} and len(options) >= int(digits):
        text = options[int(digits) - 1]
    else:
        text = digits or form.get("SpeechResult", "").strip()
    result = await _turn(services, Inbound(Channel.VOICE, caller, text, provider_id=provider_id))
    if result is None:
        return _goodbye(texts["error"], lang)
    if result.stopped:
        return _goodbye(texts["goodbye"], lang)
    if result.duplicate and not result.replies:
        return _twiml(_ask(settings, last_prompt, options, step + 1, lang))
    prompt, new_options = _prompt_of(result, lang)
    if not prompt:
        # No answer from the bot (a person holds the conversation): acknowledge, offer a person.
        prompt = f"{texts['passed_on']} {texts['menu']}"
    return _twiml(_ask(settings, prompt, new_options, step + 1, lang))


async def _to_human(services: Any, caller: str, provider_id: str, lang: str) -> Response:
    """Tell the pipeline ("mens"), then connect during opening hours or say when we call back."""
    texts = _TEXTS[lang]
    result = await _turn(
        services, Inbound(Channel.VOICE, caller, HUMAN_TEXT, provider_id=provider_id)
    )
    if result is None:
        return _goodbye(texts["error"], lang)
    # services.clock (bot.clock.Clock, optional) lets the simulator and tests set the time.
    clock = getattr(services, "clock", None)
    now = clock.now() if clock is not None else datetime.now(UTC)
    on_duty = services.settings.on_duty_phone
    vr = VoiceResponse()
    if on_duty and is_open(services.profile, now):
        _say(vr, texts["connecting"], lang)
        vr.dial(on_duty, timeout=30)
        _say(vr, texts["no_answer"], lang)  # reached only when nobody answered
    else:
        # Only the texts: options cannot be answered after this, the call ends.
        spoken = " ".join(speakable(r.text) for r in result.replies if r.text.strip())
        if not spoken:
            spoken = texts["closed"].format(hours=services.profile.opening_hours_text(lang))
        _say(vr, f"{spoken} {texts['goodbye']}", lang)
    vr.hangup()
    return _twiml(vr)
