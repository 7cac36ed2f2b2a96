"""Fast inference for the trained TF-IDF + one-vs-rest logistic regression model.

scikit-learn's ``transform`` and ``predict_proba`` cost milliseconds per call in
validation and sparse-matrix overhead; a chat message has a few hundred n-grams. This
scorer keeps the fitted vocabularies, idf weights and coefficients as plain dicts and
arrays and computes the same probabilities (to rounding, about 1e-15) in a fraction of
a millisecond: the whole message and its clauses in one pass, the n-grams of the
model's own words looked up once at load. It is also what gets saved (:meth:`LinearScorer.to_arrays`), so scoring never needs
scikit-learn: it is imported for type hints only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import TYPE_CHECKING, Any

import numpy as np

from nlu.lexicon import lexicon_features
from nlu.model_io import vocab_array, vocab_from_array

if TYPE_CHECKING:
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.pipeline import FeatureUnion

__all__ = ["LinearScorer"]

_TOKEN = re.compile(r"(?u)\b\w+\b")


def _tokens(text: str) -> list[str]:
    """``\\w+`` runs of ``text``: its words split at spaces when it has nothing else (a
    normalised text mostly has not; ``isalnum`` is what ``\\w`` accepts, but ``_``)."""
    return text.split() if text.replace(" ", "").isalnum() else _TOKEN.findall(text)


def _words(text: str, lo: int, hi: int) -> Iterable[str]:
    """Word n-grams from ``lo`` to ``hi`` tokens, as the analyzer lists them."""
    tokens = _tokens(text)
    grams: Iterable[str] = tokens if lo == 1 else ()
    for n in range(max(2, lo), hi + 1):
        grams = chain(grams, map(" ".join, zip(*(tokens[k:] for k in range(n)))))
    return grams


def _counts(n_rows: int, n_cols: int, row_sizes: list[int], cols: Iterable[int]) -> np.ndarray:
    """A (rows x cols) table of counts from the columns hit by each row, row after row
    (``row_sizes[r]`` of them for row ``r``)."""
    flat = np.fromiter(cols, dtype=np.intp, count=sum(row_sizes))
    cells = np.repeat(np.arange(n_rows, dtype=np.intp) * n_cols, row_sizes) + flat
    return np.bincount(cells, minlength=n_rows * n_cols).reshape(n_rows, n_cols)


#: 1 + log(count), TF-IDF's sublinear term frequency, for the counts a message has.
_SUBLINEAR = np.concatenate([[0.0], 1.0 + np.log(np.arange(1, 256, dtype=np.float64))])


def _sublinear(counts: np.ndarray) -> np.ndarray:
    """``1 + log(count)`` where the count is positive, else 0 (whole-number counts)."""
    if counts.size and counts.max() >= len(_SUBLINEAR):
        present = counts > 0
        tf = np.log(counts, out=np.zeros(counts.shape), where=present)
        return np.where(present, 1.0 + tf, 0.0)
    return _SUBLINEAR.take(counts)


def _l2_rows(x: np.ndarray) -> np.ndarray:
    """``x`` with each nonzero row scaled to unit length (in place)."""
    norms = np.sqrt(np.einsum("ij,ij->i", x, x))
    norms[norms == 0] = 1.0
    x /= norms[:, None]
    return x


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
    #: n-gram indices of every word the model knows as a word feature, found once at
    #: load: most words of a message are among them.
    _known: dict[str, np.ndarray] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        known = {
            w: np.asarray(self._char_grams(w), dtype=np.intp)
            for w in self.word_vocab
            if " " not in w
        }
        object.__setattr__(self, "_known", known)

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

    def _char_grams(self, word: str) -> list[int]:
        """Vocabulary indices of the ``char_wb`` n-grams of one word (with repeats)."""
        lo, hi = self.char_range
        w = f" {word} "
        size = len(w)
        if size <= lo:
            grams = [w]
        else:
            # Up to the first n that reaches the padded word's length: that n yields the
            # whole padded word once and the analyzer stops there.
            top = min(hi, size)
            grams = [w[i : i + n] for n in range(lo, top + 1) for i in range(size - n + 1)]
        return [i for i in map(self.char_vocab.get, grams) if i is not None]

    def decisions(self, texts: Sequence[str], lexicon_rows: np.ndarray) -> np.ndarray:
        """Per-class decision values, one row per normalised text.

        All rows of a message (the whole text and its clauses) are scored together. A
        clause repeats words of the whole text, so each distinct word's n-grams are
        looked up once (an array per word the model knows, made at load); the rows'
        n-gram counts are then (rows x words) @ (words x n-grams), and one product with
        the weights of the n-grams present scores all rows: no per-row sparse vectors,
        no repeated gathers of weight rows. Python loops only over words; the rest is a
        fixed number of numpy calls per message, whatever its length.
        """
        n_rows = len(texts)
        n_char = len(self.char_idf)
        splits = [text.split() for text in texts]
        distinct = dict.fromkeys(chain.from_iterable(splits))
        n_words = len(distinct)
        word_ids = dict(zip(distinct, range(n_words)))
        grams = [
            found if found is not None else np.asarray(self._char_grams(word), dtype=np.intp)
            for word, found in zip(distinct, map(self._known.get, distinct))
        ]
        words_in_row = _counts(
            n_rows, n_words, [len(words) for words in splits],
            map(word_ids.__getitem__, chain.from_iterable(splits)),
        )  # fmt: skip
        # Character block: counts per (row, n-gram), sublinear tf times idf, l2 per row.
        # The n-grams present become columns 0..n_cols-1 (through a position table:
        # cheaper than sorting them with np.unique).
        found = np.concatenate(grams) if grams else np.zeros(0, dtype=np.intp)
        seen = np.zeros(n_char, dtype=bool)
        seen[found] = True
        columns = np.flatnonzero(seen)
        n_cols = len(columns)
        position = np.empty(n_char, dtype=np.intp)
        position[columns] = np.arange(n_cols)
        in_word = _counts(n_words, n_cols, [len(g) for g in grams], position[found])
        # Small whole numbers: exact in floating point, and a float product is BLAS's.
        counts = (words_in_row.astype(np.float64) @ in_word.astype(np.float64)).astype(np.intp)
        x = _l2_rows(_sublinear(counts) * self.char_idf.take(columns))
        out = x @ self.weights.take(columns, axis=0)
        # Word block: the same, with word uni- and bigrams counted in Python (few).
        vocab = self.word_vocab.get
        word_cols: dict[int, int] = {}  # feature -> column, in order of first sight
        new_col = word_cols.setdefault
        cells = [
            [new_col(i, len(word_cols)) for i in map(vocab, _words(text, *self.word_range)) if i is not None]
            for text in texts
        ]  # fmt: skip
        if word_cols:
            n_wcols = len(word_cols)
            wcounts = _counts(n_rows, n_wcols, [len(c) for c in cells], chain.from_iterable(cells))
            wfeatures = np.fromiter(word_cols, dtype=np.intp, count=n_wcols)
            xw = _l2_rows(_sublinear(wcounts) * self.word_idf.take(wfeatures))
            out += xw @ self.weights.take(wfeatures + n_char, axis=0)
        lex_start = n_char + len(self.word_idf)
        out += (lexicon_rows * self.lexicon_weight) @ self.weights[lex_start:]
        out += self.bias
        return out

    def predict_proba(self, texts: Sequence[str]) -> np.ndarray:
        """Like ``OneVsRestClassifier.predict_proba``: sigmoids normalised to sum 1."""
        rows = self.decisions(texts, lexicon_features(list(texts)))
        p = 1.0 / (1.0 + np.exp(-rows))
        return p / p.sum(axis=1, keepdims=True)
