"""Fast inference for the trained TF-IDF + one-vs-rest logistic regression model.

scikit-learn's ``transform`` and ``predict_proba`` cost milliseconds per call in
validation and sparse-matrix overhead; a chat message has a few hundred n-grams. This
scorer keeps the fitted vocabularies, idf weights and coefficients as plain dicts and
arrays and computes exactly the same probabilities in well under a millisecond. It is
also what gets saved (:meth:`LinearScorer.to_arrays`), so scoring never needs
scikit-learn: it is imported for type hints only.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from nlu.lexicon import lexicon_features
from nlu.model_io import vocab_array, vocab_from_array

if TYPE_CHECKING:
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.pipeline import FeatureUnion

__all__ = ["LinearScorer"]

_TOKEN = re.compile(r"(?u)\b\w+\b")
_SPACES = re.compile(r"\s\s+")
_EMPTY_IDX = np.zeros(0, dtype=np.intp)
_EMPTY_VAL = np.zeros(0, dtype=np.float64)


def _char_wb(text: str, lo: int, hi: int) -> list[str]:
    """The n-grams of scikit-learn's ``char_wb`` analyzer, in the same way."""
    grams: list[str] = []
    for word in _SPACES.sub(" ", text).split():
        w = f" {word} "
        size = len(w)
        for n in range(lo, hi + 1):
            offset = 0
            grams.append(w[offset : offset + n])
            while offset + n < size:
                offset += 1
                grams.append(w[offset : offset + n])
            if offset == 0:
                break
    return grams


def _words(text: str, lo: int, hi: int) -> list[str]:
    tokens = _TOKEN.findall(text)
    grams = list(tokens) if lo == 1 else []
    for n in range(max(2, lo), hi + 1):
        grams.extend(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return grams


@dataclass(frozen=True)
class LinearScorer:
    """Vocabularies, idf weights and one coefficient row per feature (columns: classes)."""

    char_vocab: dict[str, int]
    char_idf: np.ndarray
    char_range: tuple[int, int]
    word_vocab: dict[str, int]
    word_idf: np.ndarray
    word_range: tuple[int, int]
    weights: np.ndarray  # (n_features, n_classes)
    bias: np.ndarray  # (n_classes,)
    lexicon_weight: float

    @classmethod
    def from_sklearn(
        cls, features: FeatureUnion, model: OneVsRestClassifier, lexicon_weight: float
    ) -> LinearScorer:
        """Take over a fitted FeatureUnion (chars, words) and one-vs-rest model."""
        chars = dict(features.transformer_list)["chars"]
        words = dict(features.transformer_list)["words"]
        coef = np.vstack([est.coef_.ravel() for est in model.estimators_])
        bias = np.array([float(est.intercept_[0]) for est in model.estimators_])
        return cls(
            char_vocab={k: int(v) for k, v in chars.vocabulary_.items()},
            char_idf=chars.idf_.astype(np.float64),
            char_range=tuple(chars.ngram_range),
            word_vocab={k: int(v) for k, v in words.vocabulary_.items()},
            word_idf=words.idf_.astype(np.float64),
            word_range=tuple(words.ngram_range),
            weights=np.ascontiguousarray(coef.T, dtype=np.float64),
            bias=bias,
            lexicon_weight=lexicon_weight,
        )

    def to_arrays(self) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
        """``(settings, arrays)`` to save: JSON-able n-gram ranges and weight, and the
        vocabularies (in index order), idf weights and coefficients as arrays."""
        meta = {
            "char_range": list(self.char_range),
            "word_range": list(self.word_range),
            "lexicon_weight": self.lexicon_weight,
        }
        arrays = {
            "char_vocab": vocab_array(self.char_vocab),
            "char_idf": self.char_idf,
            "word_vocab": vocab_array(self.word_vocab),
            "word_idf": self.word_idf,
            "weights": self.weights,
            "bias": self.bias,
        }
        return meta, arrays

    @classmethod
    def from_arrays(cls, meta: dict[str, Any], arrays: dict[str, np.ndarray]) -> LinearScorer:
        """The scorer :meth:`to_arrays` described; scores exactly as the saved one."""
        lo, hi = meta["char_range"]
        wlo, whi = meta["word_range"]
        return cls(
            char_vocab=vocab_from_array(arrays["char_vocab"]),
            char_idf=arrays["char_idf"].astype(np.float64),
            char_range=(int(lo), int(hi)),
            word_vocab=vocab_from_array(arrays["word_vocab"]),
            word_idf=arrays["word_idf"].astype(np.float64),
            word_range=(int(wlo), int(whi)),
            weights=np.ascontiguousarray(arrays["weights"], dtype=np.float64),
            bias=arrays["bias"].astype(np.float64),
            lexicon_weight=float(meta["lexicon_weight"]),
        )

    def _char_block(self, text: str, cache: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
        """Feature indices and tf-idf values (l2-normalised) of the character block.

        ``char_wb`` n-grams never cross a word, so each word's indices are computed once
        per message and shared by the whole text and its clauses.
        """
        parts = []
        for word in text.split():
            arr = cache.get(word)
            if arr is None:
                vocab = self.char_vocab
                found = [vocab[g] for g in _char_wb(word, *self.char_range) if g in vocab]
                arr = np.asarray(found, dtype=np.intp)
                cache[word] = arr
            parts.append(arr)
        if not parts:
            return _EMPTY_IDX, _EMPTY_VAL
        idx, counts = np.unique(np.concatenate(parts), return_counts=True)
        if idx.size == 0:
            return _EMPTY_IDX, _EMPTY_VAL
        vals = (1.0 + np.log(counts)) * self.char_idf[idx]
        return idx, vals / np.sqrt(vals @ vals)

    def _word_block(self, text: str) -> tuple[list[int], list[float]]:
        vocab = self.word_vocab
        counts = Counter(g for g in _words(text, *self.word_range) if g in vocab)
        if not counts:
            return [], []
        idx = [vocab[g] for g in counts]
        vals = [(1.0 + math.log(c)) * float(self.word_idf[i]) for i, c in zip(idx, counts.values())]
        norm = math.sqrt(sum(v * v for v in vals))
        offset = len(self.char_idf)
        return [i + offset for i in idx], [v / norm for v in vals]

    def decision(
        self, text: str, lexicon_row: np.ndarray, cache: dict[str, np.ndarray] | None = None
    ) -> np.ndarray:
        """Per-class decision values for one normalised text."""
        ci, cv = self._char_block(text, {} if cache is None else cache)
        wi, wv = self._word_block(text)
        out = self.bias.copy()
        if ci.size:
            out += cv @ self.weights[ci]
        if wi:
            out += np.asarray(wv) @ self.weights[wi]
        lex_start = len(self.char_idf) + len(self.word_idf)
        out += (lexicon_row * self.lexicon_weight) @ self.weights[lex_start:]
        return out

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Like ``OneVsRestClassifier.predict_proba``: sigmoids normalised to sum 1."""
        lex = lexicon_features(list(texts))
        cache: dict[str, np.ndarray] = {}
        rows = np.vstack([self.decision(t, lex[i], cache) for i, t in enumerate(texts)])
        p = 1.0 / (1.0 + np.exp(-rows))
        return p / p.sum(axis=1, keepdims=True)
