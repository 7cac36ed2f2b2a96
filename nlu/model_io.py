"""Saved models as plain data: numpy arrays and a JSON header in one ``.npz`` file.

The running server only needs vocabularies, weights and a few settings to score a
message. Storing exactly those (read with ``allow_pickle=False``) keeps scikit-learn and
scipy out of the server process, makes a saved model independent of how the Python
classes are laid out, and loading a model file can never run code.
"""

from __future__ import annotations

import json
import logging
import os
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["read_model", "strings", "vocab_array", "vocab_from_array", "write_model"]

log = logging.getLogger(__name__)

_META = "meta"


def write_model(path: Path, meta: Mapping[str, Any], arrays: Mapping[str, np.ndarray]) -> Path:
    """Write ``meta`` (JSON-able) and ``arrays`` to ``path`` atomically; return ``path``.

    Written to a temporary file of this process first and moved into place, so workers
    starting together neither read half a model nor write into each other's file.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    with tmp.open("wb") as fh:  # a file object: numpy adds no ".npz" suffix
        np.savez(fh, **{_META: np.array(json.dumps(dict(meta)))}, **arrays)
    tmp.replace(path)
    return path


def read_model(path: Path, version: str) -> tuple[dict[str, Any], dict[str, np.ndarray]] | None:
    """``(meta, arrays)`` of the model at ``path``, or ``None`` when it is missing,
    unreadable or of another ``version`` (each logged, so a rebuild is explained)."""
    if not path.exists():
        return None
    try:
        with np.load(path, allow_pickle=False) as npz:
            arrays = {name: npz[name] for name in npz.files}
        meta = json.loads(str(arrays.pop(_META)[()]))
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        log.warning("cannot read NLU model %s (%s); it will be rebuilt", path, exc)
        return None
    found = meta.get("version") if isinstance(meta, dict) else None
    if found != version:
        log.warning(
            "NLU model %s is version %r, this code needs %r; it will be rebuilt",
            path,
            found,
            version,
        )
        return None
    return meta, arrays


def strings(items: Iterable[str]) -> np.ndarray:
    """A unicode array (no Python objects, so it loads without pickle)."""
    return np.array(list(items), dtype=np.str_)


def vocab_array(vocab: Mapping[str, int], start: int = 0) -> np.ndarray:
    """The keys of ``vocab`` in index order; indices must run ``start, start+1, ...``."""
    keys = sorted(vocab, key=vocab.__getitem__)
    if [vocab[k] for k in keys] != list(range(start, start + len(keys))):
        raise ValueError("vocabulary indices are not contiguous")
    return strings(keys)


def vocab_from_array(keys: np.ndarray, start: int = 0) -> dict[str, int]:
    """Inverse of :func:`vocab_array`: ``{key: index}`` with plain ``str`` and ``int``."""
    return {key: i for i, key in enumerate(keys.tolist(), start)}
