"""Load and validate the YAML dialogs (``dialogs/flows/*.yaml``).

Loading fails with a :class:`DialogError` naming the file, the step and the reason
for: unknown step references, unreachable steps, dead ends, more than two options,
missing translations, unknown placeholders, unknown conditions or effects.
"""

from __future__ import annotations

import string
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from dialogs.model import (
    EXPECT_KINDS,
    LANGUAGES,
    Branch,
    DialogError,
    Dialogs,
    EffectSpec,
    Flow,
    Option,
    Step,
    Text,
    TopicInfo,
)
from dialogs.yamlread import read_yaml

__all__ = [
    "CONDITIONS",
    "EFFECTS",
    "PLACEHOLDERS",
    "default_paths",
    "load_dialogs",
    "placeholders_in",
]

#: Placeholders texts may use: profile values and values computed from the conversation.
PLACEHOLDERS: frozenset[str] = frozenset(
    {
        # from the organisation profile
        "org_name", "org_short", "org_phone", "org_website", "opening_hours",
        "crisis_emergency", "crisis_suicide", "crisis_violence",
        # from the conversation
        "name_part", "topic_names", "topic_phrase", "topic_1", "topic_2",
        "deeper_phrase", "help_phrase", "plan_text", "open_plan_text",
        "followup_day", "handoff_day", "neighbourhood", "about", "expected",
        # who the questions are about: the writer, or the relative they write for
        "person", "for_part", "self_word", "home",
        # only in the plan_* messages: one agreement
        "what", "when",
    }
)  # fmt: skip

#: Conditions usable in ``when:``; those marked True take an argument (``topic_is: money``).
CONDITIONS: Mapping[str, bool] = {
    "topic_is": True,
    "several_topics": False,
    "deeper_need_found": False,
    "has_ask": False,
    "has_network": False,
    "helper_named": False,
    "helper_told": False,
    "writer_helps": False,
    "has_neighbourhood": False,
    "needs_professional": False,
    "wants_volunteer": False,
    "wants_professional": False,
    "wants_help": False,
    "scale_low": False,
    "heavy": False,
    "asked_again": False,
    "has_open_plan": False,
}

#: Effects usable in ``effects:``.
EFFECTS: frozenset[str] = frozenset(
    {
        "handoff", "schedule_followup", "save_plan", "close", "record_consent",
        "record_needs", "set_neighbourhood", "record_feedback", "confirm_deeper",
        "erase_contact", "choose_topic", "ask_deeper",
    }
)  # fmt: skip

_STEP_KEYS = frozenset(
    {"say", "ask", "simpler", "options", "expect", "save", "next", "on_no", "otherwise",
     "effects", "end", "waiting", "relief_answers"}
)  # fmt: skip
_SPECIAL_TARGETS = frozenset({"back", "onward"})


def default_paths() -> list[Path]:
    """The shipped dialog files, in name order."""
    folder = Path(str(resources.files("dialogs.flows")))
    return sorted(folder.glob("*.yaml"))


def placeholders_in(text: str) -> list[str]:
    """The ``{names}`` used in a text."""
    return [name for _, name, _, _ in string.Formatter().parse(text) if name]


class _Reader:
    def __init__(self, file: str) -> None:
        self.file = file

    def fail(self, step: str | None, reason: str) -> DialogError:
        return DialogError(self.file, step, reason)

    def text(self, raw: Any, step: str | None, what: str) -> Text:
        if isinstance(raw, str):
            raise self.fail(step, f"{what} needs a text per language (nl: ..., en: ...)")
        if not isinstance(raw, Mapping):
            raise self.fail(step, f"{what} must be texts per language (nl: ..., en: ...)")
        unknown = set(raw) - set(LANGUAGES)
        if unknown:
            raise self.fail(step, f"{what}: unknown language {min(unknown)!r}")
        for lang in LANGUAGES:
            value = raw.get(lang)
            if not isinstance(value, str) or not value.strip():
                raise self.fail(step, f"{what}: missing translation {lang!r}")
            try:
                names = placeholders_in(value)
            except ValueError as exc:
                raise self.fail(step, f"{what} ({lang}): broken braces: {exc}") from None
            for name in names:
                if name not in PLACEHOLDERS:
                    raise self.fail(step, f"{what} ({lang}): unknown placeholder {{{name}}}")
        return Text({lang: str(raw[lang]).strip() for lang in LANGUAGES})

    def branches(self, raw: Any, step: str, what: str) -> tuple[Branch, ...]:
        if raw is None:
            return ()
        if isinstance(raw, str):
            return (Branch(raw),)
        if not isinstance(raw, list):
            raise self.fail(step, f"{what} must be a step name or a list of 'when'/'go'")
        out: list[Branch] = []
        for item in raw:
            if not isinstance(item, Mapping) or "go" not in item:
                raise self.fail(step, f"{what}: each choice needs 'go: step'")
            when = item.get("when")
            cond: str | None = None
            arg: str | None = None
            if isinstance(when, Mapping) and len(when) == 1:
                cond, value = next(iter(when.items()))
                arg = str(value)
            elif isinstance(when, str):
                cond = when
            elif when is not None:
                raise self.fail(step, f"{what}: 'when' must be a condition name")
            if cond is not None:
                if cond not in CONDITIONS:
                    raise self.fail(step, f"{what}: unknown condition {cond!r}")
                if CONDITIONS[cond] != (arg is not None):
                    raise self.fail(step, f"{what}: condition {cond!r} used wrongly")
            out.append(Branch(str(item["go"]), cond, arg))
        if out[-1].condition is not None:
            raise self.fail(step, f"{what}: the last choice needs no 'when' (the default way on)")
        return tuple(out)

    def effects(self, raw: Any, step: str) -> tuple[EffectSpec, ...]:
        if raw is None:
            return ()
        if not isinstance(raw, list):
            raise self.fail(step, "effects must be a list")
        out: list[EffectSpec] = []
        for item in raw:
            if isinstance(item, str):
                name, params = item, {}
            elif isinstance(item, Mapping) and len(item) == 1:
                name, value = next(iter(item.items()))
                params = dict(value) if isinstance(value, Mapping) else {"value": value}
            else:
                raise self.fail(step, f"effect {item!r} is not understood")
            if name not in EFFECTS:
                raise self.fail(step, f"unknown effect {name!r}")
            out.append(EffectSpec(str(name), params))
        return tuple(out)

    def step(self, flow: str, sid: str, raw: Any) -> Step:
        if not isinstance(raw, Mapping):
            raise self.fail(sid, "a step must be a mapping")
        unknown = set(raw) - _STEP_KEYS
        if unknown:
            raise self.fail(sid, f"unknown key {min(unknown)!r}")
        says = raw.get("say")
        say_list = says if isinstance(says, list) else ([says] if says is not None else [])
        options_raw = raw.get("options") or []
        if len(options_raw) > 2:
            raise self.fail(sid, f"{len(options_raw)} options; a question has at most two")
        options = []
        for i, o in enumerate(options_raw, 1):
            if not isinstance(o, Mapping) or "label" not in o or "next" not in o:
                raise self.fail(sid, f"option {i} needs 'label' and 'next'")
            options.append(
                Option(
                    label=self.text(o["label"], sid, f"option {i} label"),
                    next=self.branches(o["next"], sid, f"option {i} next"),
                    save=dict(o.get("save") or {}),
                    effects=self.effects(o.get("effects"), sid),
                )
            )
        expect = raw.get("expect")
        if expect is not None and expect not in EXPECT_KINDS:
            raise self.fail(
                sid, f"expect {expect!r} is unknown; use one of {', '.join(EXPECT_KINDS)}"
            )
        ask = self.text(raw["ask"], sid, "ask") if "ask" in raw else None
        if (options or expect) and ask is None:
            raise self.fail(sid, "options or expect need an 'ask' text")
        if ask is not None and not options and expect is None:
            raise self.fail(sid, "a question needs 'options' or 'expect'")
        return Step(
            id=sid,
            flow=flow,
            say=tuple(self.text(s, sid, "say") for s in say_list),
            ask=ask,
            simpler=self.text(raw["simpler"], sid, "simpler") if "simpler" in raw else None,
            options=tuple(options),
            expect=expect,
            save=raw.get("save"),
            next=self.branches(raw.get("next"), sid, "next"),
            on_no=self.branches(raw.get("on_no"), sid, "on_no"),
            otherwise=self.branches(raw.get("otherwise"), sid, "otherwise"),
            effects=self.effects(raw.get("effects"), sid),
            end=bool(raw.get("end", False)),
            waiting=self.text(raw["waiting"], sid, "waiting") if "waiting" in raw else None,
            relief_answers=self.relief_answers(raw, sid, ask),
        )

    def relief_answers(self, raw: Mapping[str, Any], sid: str, ask: Text | None) -> bool:
        value = raw.get("relief_answers", False)
        if not isinstance(value, bool):
            raise self.fail(sid, "relief_answers is true or false")
        if value and ask is None:
            raise self.fail(sid, "relief_answers belongs to a question (a step with 'ask')")
        return value


def _topics(reader: _Reader, raw: Any) -> dict[str, TopicInfo]:
    out = {}
    if not isinstance(raw, Mapping):
        raise reader.fail(None, "topics must be a mapping of topic id to texts")
    for tid, t in raw.items():
        if not isinstance(t, Mapping):
            raise reader.fail(None, f"topic {tid!r} must be a mapping")
        out[str(tid)] = TopicInfo(
            id=str(tid),
            name=reader.text(t.get("name"), f"topic {tid}", "name"),
            phrase=reader.text(t.get("phrase"), f"topic {tid}", "phrase"),
            followup=reader.text(t.get("followup"), f"topic {tid}", "followup"),
            role=str(t.get("role", "volunteer")),
            kind=str(t.get("kind", "ask")),
        )
    return out


def _flow(reader: _Reader, data: Mapping[str, Any]) -> Flow:
    fid = data.get("flow")
    if not isinstance(fid, str):
        raise reader.fail(None, "the file needs 'flow: name'")
    steps_raw = data.get("steps") or {}
    if not isinstance(steps_raw, Mapping):
        raise reader.fail(None, "'steps' must be a mapping of step names")
    steps = {str(k): reader.step(fid, str(k), v) for k, v in steps_raw.items()}
    start = data.get("start")
    if steps and start not in steps:
        raise reader.fail(None, f"start step {start!r} does not exist")
    entries = tuple(str(e) for e in data.get("entries") or ())
    for e in entries:
        if e not in steps:
            raise reader.fail(e, "listed in 'entries' but there is no such step")
    messages = {
        str(k): reader.text(v, f"message {k}", "text")
        for k, v in (data.get("messages") or {}).items()
    }
    return Flow(fid, reader.file, str(start or ""), steps, entries, messages)


def _targets(step: Step) -> Iterable[Branch]:
    yield from step.next
    yield from step.on_no
    yield from step.otherwise
    for o in step.options:
        yield from o.next


def _resolve(flows: Mapping[str, Flow], flow: str, target: str) -> tuple[str, str] | None:
    if "." in target:
        f, s = target.split(".", 1)
    else:
        f, s = flow, target
    if f in flows and s in flows[f].steps:
        return f, s
    return None


def _validate(flows: Mapping[str, Flow]) -> None:
    reached: set[tuple[str, str]] = set()
    todo: list[tuple[str, str]] = []
    for f in flows.values():
        for s in (f.start, *f.entries) if f.steps else ():
            todo.append((f.id, s))
    for f in flows.values():
        for step in f.steps.values():
            for b in _targets(step):
                if b.goto in _SPECIAL_TARGETS:
                    continue
                if _resolve(flows, f.id, b.goto) is None:
                    raise DialogError(f.file, step.id, f"goes to unknown step {b.goto!r}")
            way_on = step.next or step.options or step.expect or step.end or step.waiting
            if not way_on:
                raise DialogError(f.file, step.id, "dead end: no next step, no question, no end")
            if step.expect and not (step.next or step.end):
                raise DialogError(f.file, step.id, "dead end: a free answer needs 'next'")
    while todo:
        key = todo.pop()
        if key in reached:
            continue
        reached.add(key)
        step = flows[key[0]].steps[key[1]]
        for b in _targets(step):
            r = _resolve(flows, key[0], b.goto)
            if r:
                todo.append(r)
    for f in flows.values():
        for sid in f.steps:
            if (f.id, sid) not in reached:
                raise DialogError(f.file, sid, "unreachable: no step leads here")


def load_dialogs(paths: Iterable[str | Path] | None = None, with_defaults: bool = False) -> Dialogs:
    """Read and validate dialog files (default: the shipped ones).

    With ``with_defaults``, the shipped files fill in what the given files do not
    define, so that one changed or new file can be checked with the rest around it.
    """
    given = [Path(p) for p in paths] if paths is not None else default_paths()
    flows: dict[str, Flow] = {}
    topics: dict[str, TopicInfo] = {}
    files = [(p, True) for p in given]
    if with_defaults and paths is not None:
        names = {p.resolve() for p in given}
        files += [(p, False) for p in default_paths() if p.resolve() not in names]
    for p, own in files:
        reader = _Reader(p.name)
        try:
            data = read_yaml(p)
        except (yaml.YAMLError, OSError) as exc:  # name the file with the parser's message
            raise DialogError(p.name, None, f"not valid YAML: {exc}") from None
        if not isinstance(data, Mapping):
            raise reader.fail(None, "the file must be a mapping")
        if "topics" in data and (own or not topics):
            for tid, info in _topics(reader, data["topics"]).items():
                topics.setdefault(tid, info)
        if "flow" in data:
            if not own and data.get("flow") in flows:
                continue
            flow = _flow(reader, data)
            if flow.id in flows:
                raise reader.fail(None, f"flow {flow.id!r} is defined twice")
            flows[flow.id] = flow
    _validate(flows)
    return Dialogs(flows, topics)
