"""Reading the Rasa 3 training data (``nlu/data/nlu.yml``) and hashing it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import yaml

from nlu.api import TOPICS

__all__ = ["DEFAULT_DATA", "Example", "data_hash", "load_examples"]

#: The training data shipped with the package.
DEFAULT_DATA = Path(__file__).parent / "data" / "nlu.yml"


@dataclass(frozen=True, slots=True)
class Example:
    """One training sentence and its intent (a topic id or a control intent)."""

    text: str
    intent: str


def load_examples(path: Path | str = DEFAULT_DATA, topics_only: bool = True) -> tuple[Example, ...]:
    """All examples in a Rasa 3 NLU YAML file; with ``topics_only`` just topic intents."""
    doc = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    examples: list[Example] = []
    for block in doc.get("nlu", []):
        intent = block.get("intent")
        if not intent or (topics_only and intent not in TOPICS):
            continue
        for line in str(block.get("examples", "")).splitlines():
            line = line.strip()
            if line.startswith("- "):
                text = line[2:].strip()
                if text:
                    examples.append(Example(text, intent))
    return tuple(examples)


def data_hash(path: Path | str = DEFAULT_DATA, extra: str = "") -> str:
    """SHA-256 of the training file (plus ``extra``, e.g. a model version)."""
    h = hashlib.sha256(Path(path).read_bytes())
    h.update(extra.encode())
    return h.hexdigest()
