"""YAML reading for files written by people: ``Yes``, ``No``, ``on`` stay words.

PyYAML follows YAML 1.1, where ``en: No`` would become ``False``. In dialog files
only ``true`` and ``false`` are booleans; everything else is text.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

__all__ = ["read_yaml"]


class _Loader(yaml.SafeLoader):
    """A safe loader whose booleans are only ``true`` and ``false``."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)


def read_yaml(path: str | Path) -> Any:
    """Parse one YAML file with the dialog rules for booleans."""
    text = Path(path).read_text(encoding="utf-8")
    return yaml.load(text, Loader=_Loader)
