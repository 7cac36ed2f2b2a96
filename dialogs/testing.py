"""Dialog test scripts: conversations with expectations, run against a conversation.

A script (``dialogs/scripts/*.yaml``) is a list of turns. Each turn is what the person
writes (``say:``) or something that happens (``event:``), and what must come back
(``expect:``). See ``docs/dialogs.md`` for the format. The runner works with any
:class:`Conversation`; :class:`dialogs.harness.EngineConversation` is the in-memory
one, the pipeline can offer one with a database behind it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

from dialogs.api import HandOff, RecordNeeds, SavePlan, ScheduleFollowUp
from dialogs.yamlread import read_yaml

__all__ = [
    "Conversation",
    "ReplyLike",
    "Script",
    "ScriptResult",
    "default_scripts",
    "load_script",
    "run_script",
    "run_scripts",
]

#: Effects the pipeline answers with a message of its own.
_PIPELINE_ANSWERS = frozenset({"ReportPlan", "ReportStoredData"})

#: Characters allowed in an SMS without switching to the expensive alphabet.
_MAX_CHARS = 320


class ReplyLike(Protocol):
    text: str
    options: tuple[str, ...]


class Conversation(Protocol):
    """One person talking to the front door."""

    def say(self, text: str) -> Sequence[ReplyLike]: ...

    def event(self, kind: str, **params: Any) -> Sequence[ReplyLike]: ...

    def effects(self) -> Sequence[Any]: ...


@dataclass(frozen=True, slots=True)
class Script:
    name: str
    file: str
    person: Mapping[str, Any]
    turns: tuple[Mapping[str, Any], ...]
    #: The language the conversation is already in (for scripts that start with an event).
    language: str | None = None


@dataclass(slots=True)
class ScriptResult:
    script: Script
    failures: list[str] = field(default_factory=list)
    visited: set[str] = field(default_factory=set)
    transcript: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def load_script(path: str | Path) -> Script:
    data = read_yaml(path)
    p = Path(path)
    if not isinstance(data, Mapping) or not isinstance(data.get("turns"), list):
        raise ValueError(f"{p.name}: a script needs 'turns:' (a list)")  # noqa: TRY004
    return Script(
        name=str(data.get("name", p.stem)),
        file=p.name,
        person=dict(data.get("person") or {}),
        turns=tuple(data["turns"]),
        language=data.get("language"),
    )


def default_scripts() -> list[Path]:
    folder = Path(str(resources.files("dialogs"))) / "scripts"
    return sorted(folder.glob("*.yaml"))


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _check(expect: Mapping[str, Any], replies: Sequence[ReplyLike], effects: Sequence[Any],
           where: str) -> list[str]:  # fmt: skip
    fails: list[str] = []
    text = "\n".join(r.text for r in replies).lower()
    for want in _as_list(expect.get("contains")):
        if str(want).lower() not in text:
            fails.append(f"{where}: expected text containing {want!r}")
    for unwanted in _as_list(expect.get("not_contains")):
        if str(unwanted).lower() in text:
            fails.append(f"{where}: text should not contain {unwanted!r}")
    if "options" in expect:
        got = list(replies[-1].options) if replies else []
        if [o.lower() for o in got] != [str(o).lower() for o in _as_list(expect["options"])]:
            fails.append(f"{where}: expected options {expect['options']!r}, got {got!r}")
    if expect.get("no_reply") and replies:
        fails.append(f"{where}: expected no reply, got {replies[0].text!r}")
    names = {type(e).__name__ for e in effects}
    for name in _as_list(expect.get("effects")):
        if name not in names:
            fails.append(f"{where}: expected effect {name}, got {sorted(names)}")
    for name in _as_list(expect.get("no_effects")):
        if name in names:
            fails.append(f"{where}: effect {name} should not happen")
    if "handoff" in expect:
        fails += _check_handoff(expect["handoff"] or {}, effects, where)
    if expect.get("followup") and not any(isinstance(e, ScheduleFollowUp) for e in effects):
        fails.append(f"{where}: expected a follow-up to be scheduled")
    if "plan" in expect:
        plans = [e for e in effects if isinstance(e, SavePlan)]
        whos = {i.who.value for p in plans for i in p.items}
        for who in _as_list(expect["plan"]):
            if who not in whos:
                fails.append(f"{where}: expected a plan item for {who}, got {sorted(whos)}")
    if "needs" in expect:
        needs = [e for e in effects if isinstance(e, RecordNeeds)]
        got = {t for n in needs for t in (*n.literal, *n.deeper)}
        for t in _as_list(expect["needs"]):
            if t not in got:
                fails.append(f"{where}: expected need {t!r} recorded, got {sorted(got)}")
    return fails


def _check_handoff(want: Mapping[str, Any], effects: Sequence[Any], where: str) -> list[str]:
    handoffs = [e for e in effects if isinstance(e, HandOff)]
    if not handoffs:
        return [f"{where}: expected a handoff"]
    h = handoffs[-1]
    fails = []
    for key in ("role", "priority"):
        if key in want and str(getattr(h, key).value) != str(want[key]):
            fails.append(f"{where}: handoff {key} {getattr(h, key).value}, expected {want[key]}")
    if "crisis_kind" in want and str(h.crisis_kind) != str(want["crisis_kind"]):
        fails.append(f"{where}: crisis kind {h.crisis_kind}, expected {want['crisis_kind']}")
    for t in _as_list(want.get("topics")):
        if t not in h.topics:
            fails.append(f"{where}: handoff topics {h.topics} lack {t!r}")
    for s in _as_list(want.get("summary")):
        if str(s).lower() not in h.summary.lower():
            fails.append(f"{where}: handoff summary lacks {s!r}: {h.summary}")
    return fails


def _invariants(replies: Sequence[ReplyLike], where: str) -> list[str]:
    fails = []
    for r in replies:
        if len(r.options) > 2:
            fails.append(f"{where}: more than two options")
        if len(r.text) > _MAX_CHARS:
            fails.append(f"{where}: message longer than {_MAX_CHARS} characters")
    return fails


def run_script(script: Script, conversation: Conversation) -> ScriptResult:
    """Play one script; collect failures and the transcript."""
    result = ScriptResult(script)
    for i, turn in enumerate(script.turns, 1):
        where = f"{script.file} turn {i}"
        if "say" in turn:
            said = str(turn["say"])
            result.transcript.append(f"> {said}")
            replies = conversation.say(said)
            effects = list(conversation.effects())
            # The pipeline answers ReportPlan / ReportStoredData itself (it knows what
            # is stored); the pure engine only asks for it.
            reported = any(type(e).__name__ in _PIPELINE_ANSWERS for e in effects)
            silent_ok = bool((turn.get("expect") or {}).get("no_reply")) or reported
            if not replies and not silent_ok:
                result.failures.append(f"{where}: no answer to {said!r} (dead end)")
        elif "event" in turn:
            params = {k: v for k, v in turn.items() if k not in ("event", "expect")}
            result.transcript.append(f"({turn['event']} {params or ''})")
            replies = list(conversation.event(str(turn["event"]), **params))
            effects = list(conversation.effects())
        else:
            result.failures.append(f"{where}: a turn needs 'say' or 'event'")
            continue
        for r in replies:
            opts = "".join(f"\n   {n} {o}" for n, o in enumerate(r.options, 1))
            result.transcript.append(f"< {r.text}{opts}")
        for e in effects:
            result.transcript.append(f"  [{type(e).__name__}]")
        result.failures += _invariants(replies, where)
        result.failures += _check(turn.get("expect") or {}, replies, effects, where)
    result.visited = set(getattr(conversation, "visited", set()))
    return result


def run_scripts(
    paths: Iterable[str | Path],
    make: Callable[[Script], Conversation],
) -> list[ScriptResult]:
    """Run scripts, each against a fresh conversation made for the script."""
    return [run_script(s, make(s)) for s in (load_script(p) for p in paths)]
