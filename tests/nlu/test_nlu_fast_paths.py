"""The fast paths of parsing read every training sentence exactly as the plain way does.

The full before/after check over all data files is ``benchmarks/parse_equivalence.py``;
these tests hold each fast path to a plain reference on the training sentences.
"""

from __future__ import annotations

import math
import re
from collections import Counter

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from nlu.classifier import TopicClassifier, split_clauses
from nlu.lexicon import LEXICON, _compiled, lexicon_features
from nlu.scorer import LinearScorer, _words
from nlu.text import _REPEAT, _REPEAT1, _STRETCHED, SHORTHAND, normalize
from nlu.training_data import load_examples

TEXTS = [e.text for e in load_examples()]


def _plain_lexicon(text: str) -> list[int]:
    """Matches per topic of one stem alternation, as the lexicon was first written."""
    return [
        len(re.findall(r"\b(?:ge)?(?:" + "|".join(p.removeprefix(r"\b") for p in pats) + ")", text))
        for pats in LEXICON.values()
    ]


def _plain_decision(scorer: LinearScorer, text: str, lexicon_row: np.ndarray) -> np.ndarray:
    """One row scored the textbook way: sparse tf-idf vectors as dicts, then dot products."""
    lo, hi = scorer.char_range
    chars: Counter[int] = Counter()
    for word in text.split():
        w = f" {word} "
        for n in range(lo, hi + 1):
            grams = [w] if len(w) <= n else [w[i : i + n] for i in range(len(w) - n + 1)]
            chars.update(scorer.char_vocab[g] for g in grams if g in scorer.char_vocab)
            if len(w) <= n:
                break
    words = Counter(
        scorer.word_vocab[g] for g in _words(text, *scorer.word_range) if g in scorer.word_vocab
    )
    out = scorer.bias.copy()
    for counts, idf, offset in (
        (chars, scorer.char_idf, 0),
        (words, scorer.word_idf, len(scorer.char_idf)),
    ):
        vals = {i: (1 + math.log(c)) * idf[i] for i, c in counts.items()}
        norm = math.sqrt(sum(v * v for v in vals.values()))
        for i, v in vals.items():
            out += v / norm * scorer.weights[i + offset]
    lex_start = len(scorer.char_idf) + len(scorer.word_idf)
    return out + lexicon_row * scorer.lexicon_weight @ scorer.weights[lex_start:]


def test_lexicon_counts_are_those_of_the_plain_alternation() -> None:
    for text in TEXTS:
        rows = [normalize(text), *split_clauses(text)]
        plain = np.log1p(np.array([_plain_lexicon(t) for t in rows], dtype=np.float64))
        assert np.array_equal(lexicon_features(rows), plain), text
        assert [len(p.findall(rows[0])) for p in _compiled()] == _plain_lexicon(rows[0])


@pytest.mark.parametrize("upper", [False, True])
def test_scorer_gives_the_scores_of_plain_sparse_vectors(
    classifier: TopicClassifier, upper: bool
) -> None:
    scorer = classifier.scorer
    for text in TEXTS[::6]:
        text = text.upper() if upper else text
        clauses = split_clauses(text)
        batch = [normalize(text)] + (clauses if len(clauses) > 1 else [])
        lex = lexicon_features(batch)
        fast = scorer.decisions(batch, lex)
        plain = np.vstack([_plain_decision(scorer, t, lex[i]) for i, t in enumerate(batch)])
        np.testing.assert_allclose(fast, plain, rtol=0, atol=1e-9, err_msg=text)


def test_a_message_of_unknown_words_only_scores_as_bias_and_lexicon(
    classifier: TopicClassifier,
) -> None:
    scorer = classifier.scorer
    lex = lexicon_features(["qqxz", ""])
    np.testing.assert_allclose(
        scorer.decisions(["qqxz", ""], lex),
        np.vstack([_plain_decision(scorer, t, lex[i]) for i, t in enumerate(["qqxz", ""])]),
        atol=1e-12,
    )


@given(
    st.sampled_from(sorted(SHORTHAND)),
    st.lists(st.integers(min_value=1, max_value=5), min_size=12, max_size=12),
)
def test_stretched_shorthand_is_found_as_by_collapsing_letters(key: str, runs: list[int]) -> None:
    word = _REPEAT.sub(r"\1\1", "".join(ch * n for ch, n in zip(key, runs)))
    collapsed = SHORTHAND.get(word) or SHORTHAND.get(_REPEAT1.sub(r"\1", word))
    assert (SHORTHAND.get(word) or _STRETCHED.get(word)) == collapsed
