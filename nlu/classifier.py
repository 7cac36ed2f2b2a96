"""The in-process topic classifier: TF-IDF on characters and words, linear model.

Character n-grams (2-5, within word boundaries) carry misspellings and SMS spelling
("boodschappe", "helpe"); word uni- and bigrams carry phrases. A one-vs-rest logistic
regression gives each topic its own probability, so a message can hold several
topics. Messages are also split into clauses, each clause classified, and the scores
merged: "ik heb schulden en ik voel me alleen" yields money and loneliness.

Gibberish and off-topic text must not come out as a confident topic: besides the
``other`` class there is a vocabulary guard (how much of the text's words and
character 4-grams occur in the training data) and a probability threshold.

scikit-learn fits the model; scoring runs on :class:`~nlu.scorer.LinearScorer` and the
saved model is plain arrays (:mod:`nlu.model_io`), so only training imports scikit-learn
and scipy (together about 90 MB of memory a server process does not need).
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Collection, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from nlu.api import TopicScore
from nlu.control import detect_social
from nlu.lexicon import LEXICON, is_bare_call_for_help, lexicon_features
from nlu.model_io import read_model, strings, write_model
from nlu.scorer import LinearScorer
from nlu.text import SHORTHAND, normalize
from nlu.training_data import DEFAULT_DATA, Example, data_hash, load_examples

__all__ = [
    "DEFAULT_MODEL_DIR",
    "MODEL_FILE",
    "MODEL_VERSION",
    "ClassifierSettings",
    "TopicClassifier",
    "load_or_train",
    "load_saved",
    "split_clauses",
]

if TYPE_CHECKING:
    from scipy import sparse

log = logging.getLogger(__name__)

#: Bump when features, model or file format change, so saved models are rebuilt.
#: 9: plain arrays in an npz file instead of a pickle of the classes.
MODEL_VERSION = "tfidf-lex-ovr-9"
MODEL_FILE = "topic_model.npz"
_OLD_MODEL_FILE = "topic_model.pkl"
#: Where ``voordeur`` keeps its models unless NLU_MODEL_DIR says otherwise.
DEFAULT_MODEL_DIR = Path("var") / "nlu"

_SENTENCE_SPLIT = re.compile(r"[.!?;\n]+|,\s+")
_CLAUSE_SPLIT = re.compile(
    r"\s(?:en|maar|want|omdat|daarnaast|bovendien|and|but|because|also)\s"
    # ...followed by a new subject, or by a second request ("en ook met vervoer").
    r"(?=(?:ik|er|mijn|me|mn|het|de|hij|zij|ze|we|wij|i|my|there|nobody|niemand"
    r"|ook|met|voor|bij|naar|hulp|iemand|een|also|with|for|help|someone|a|the)\b)"
)
_WORD = re.compile(r"[a-z]{2,}")
_MAX_CLAUSES = 8
#: Topics that say what a whole message is about rather than a need of the writer.
_FRAMES = frozenset({"worry_other", "volunteer_offer"})


def split_clauses(text: str) -> list[str]:
    """Normalised clauses of a raw message with at least two words, at most eight.

    Sentences are split on end punctuation (before normalisation removes it), then on
    commas and conjunctions that start a new clause ("... en ik voel me alleen"). A
    clause that is only a greeting or thanks ("hi there", "alvast bedankt") names no
    need, so it is left out: scored on its own it would lend its best topic to the
    message ("hi there" read like "is there a walking group").
    """
    out: list[str] = []
    for sentence in _SENTENCE_SPLIT.split(text):
        for part in _CLAUSE_SPLIT.split(normalize(sentence)):
            part = part.strip()
            if len(part.split()) >= 2 and detect_social(part) not in ("greeting", "thanks"):
                out.append(part)
                if len(out) == _MAX_CLAUSES:  # the rest of a long message is not read
                    return out
    return out


@dataclass(frozen=True, slots=True)
class ClassifierSettings:
    """Thresholds that turn probabilities into the topics reported."""

    #: The best topic is reported when its score reaches this.
    min_top: float = 0.30
    #: Further topics are reported when their score reaches this.
    min_extra: float = 0.50
    #: Clause scores count a little less than the whole message.
    clause_weight: float = 0.9
    #: Vocabulary guard: below both coverages the text is treated as unknown.
    min_word_coverage: float = 0.34
    min_gram_coverage: float = 0.55
    C: float = 30.0
    #: A topic this close to a winning "other" (and above ``min_top``) is taken instead.
    other_margin: float = 0.25
    #: Weight of the topic-lexicon features next to the TF-IDF features.
    lexicon_weight: float = 1.0


def _with_lexicon(x: sparse.spmatrix, texts: list[str], weight: float) -> sparse.csr_matrix:
    from scipy import sparse

    lex = sparse.csr_matrix(lexicon_features(texts) * weight)
    return sparse.hstack([x, lex], format="csr")


def _fit(
    texts: list[str], labels: list[str], settings: ClassifierSettings
) -> tuple[LinearScorer, tuple[str, ...]]:
    """Fit TF-IDF features and the one-vs-rest model; return the scorer and classes.

    The only place that needs scikit-learn, hence imported here and not at the top.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.pipeline import FeatureUnion

    features = FeatureUnion(
        [
            (
                "chars",
                TfidfVectorizer(
                    analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True, min_df=1
                ),
            ),
            (
                "words",
                TfidfVectorizer(
                    analyzer="word",
                    ngram_range=(1, 2),
                    sublinear_tf=True,
                    token_pattern=r"(?u)\b\w+\b",
                ),
            ),
        ]
    )
    x = _with_lexicon(features.fit_transform(texts), texts, settings.lexicon_weight)
    model = OneVsRestClassifier(
        LogisticRegression(C=settings.C, max_iter=2000, class_weight="balanced", solver="liblinear")
    )
    model.fit(x, labels)
    scorer = LinearScorer.from_sklearn(features, model, settings.lexicon_weight)
    return scorer, tuple(str(c) for c in model.classes_)


def _grams(word: str, n: int = 4) -> Iterable[str]:
    w = f" {word} "
    return (w[i : i + n] for i in range(max(1, len(w) - n + 1)))


@dataclass
class TopicClassifier:
    """A trained topic model. Build with :meth:`train`, persist with :meth:`save`."""

    scorer: LinearScorer
    classes: tuple[str, ...]
    vocabulary: frozenset[str]
    grams: frozenset[str]
    settings: ClassifierSettings = field(default_factory=ClassifierSettings)
    data_hash: str = ""

    @classmethod
    def train(
        cls,
        examples: Sequence[Example],
        settings: ClassifierSettings | None = None,
        data_hash: str = "",
    ) -> TopicClassifier:
        """Fit features and model on ``examples`` (topic intents only)."""
        settings = settings or ClassifierSettings()
        texts = [normalize(e.text) for e in examples]
        labels = [e.intent for e in examples]
        scorer, classes = _fit(texts, labels, settings)
        # Known vocabulary comes from real requests only, not from the nonsense and
        # spam examples of "other".
        words = {w for t, label in zip(texts, labels) if label != "other" for w in _WORD.findall(t)}
        grams = {g for w in words for g in _grams(w)}
        return cls(
            scorer=scorer,
            classes=classes,
            vocabulary=frozenset(words),
            grams=frozenset(grams),
            settings=settings,
            data_hash=data_hash,
        )

    def coverage(self, normalized: str) -> tuple[float, float]:
        """Share of words, and of character 4-grams, that occur in the training data."""
        words = _WORD.findall(normalized)
        if not words:
            return 0.0, 0.0
        vocabulary, whole, grams = self.vocabulary, self._whole_words, self.grams
        known = known_grams = n_grams = 0
        for w in words:
            n = len(w) - 1  # the 4-grams of " w " (words have two letters or more)
            n_grams += n
            if w in whole:  # most words: every gram known, none looked up
                known += 1
                known_grams += n
                continue
            known += w in vocabulary
            padded = f" {w} "
            known_grams += sum(padded[i : i + 4] in grams for i in range(n))
        return known / len(words), known_grams / max(1, n_grams)

    @cached_property
    def _whole_words(self) -> frozenset[str]:
        """Known words all of whose 4-grams are known (after training: every one)."""
        grams = self.grams
        return frozenset(w for w in self.vocabulary if all(g in grams for g in _grams(w)))

    def probabilities(self, text: str, exclude: Collection[str] = ()) -> dict[str, float]:
        """Merged per-topic scores for the whole message and its clauses.

        Classes in ``exclude`` are dropped from every row (whole text and each clause)
        and each row renormalised before merging.
        """
        t = normalize(text)
        clauses = split_clauses(text)
        batch = [t] + (clauses if len(clauses) > 1 else [])
        p = self.scorer.predict_proba(batch)
        keep = [i for i, c in enumerate(self.classes) if c not in exclude]
        if len(keep) < len(self.classes):
            p = p[:, keep]
            p = p / np.maximum(p.sum(axis=1, keepdims=True), 1e-12)
        classes = [self.classes[i] for i in keep]
        scores = p[0].copy()
        if len(batch) > 1:
            clause_best = p[1:].max(axis=0) * self.settings.clause_weight
            # "other" only counts for the whole message: a short clause often looks
            # like nothing in particular.
            if "other" in classes:
                clause_best[classes.index("other")] = 0.0
            scores = np.maximum(scores, clause_best)
            # A message about someone else, or an offer to help, is framed as a whole:
            # its clauses name that person's needs ("zijn tuin is een puinhoop"), which
            # are no ask of the writer's own. When the whole message reads as the frame,
            # the frame stays first and the needs follow.
            whole_best = classes[int(np.argmax(p[0]))]
            if whole_best in _FRAMES:
                i = classes.index(whole_best)
                scores[i] = min(1.0, max(float(scores[i]), float(scores.max()) + 1e-3))
        return {c: float(s) for c, s in zip(classes, scores)}

    def predict(self, text: str, exclude: Collection[str] = ()) -> tuple[TopicScore, ...]:
        """Topics present in ``text``, best first; empty when nothing fits (``other``).

        Topics in ``exclude`` are left out and the rest renormalised: the service
        excludes ``crisis`` when the crisis rules found none, so the classifier's
        crisis class cannot push a real need below the thresholds.
        """
        t = normalize(text)
        if is_bare_call_for_help(t):
            return ()
        words, grams = self.coverage(t)
        s = self.settings
        if words < s.min_word_coverage and grams < s.min_gram_coverage:
            return ()
        scores = self.probabilities(text, exclude)
        ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)
        best_id, best = ranked[0]
        if best_id == "other" and len(ranked) > 1:
            # "other" must win clearly; short real requests otherwise drift into it.
            runner_id, runner = ranked[1]
            if runner >= s.min_top and runner >= best - s.other_margin:
                best_id, best = runner_id, runner
                ranked = ranked[1:]
        if best_id == "other" or best < s.min_top:
            return ()
        out = [TopicScore(best_id, round(best, 3))]
        for topic, score in ranked[1:]:
            if topic == "other" or score < s.min_extra:
                continue
            out.append(TopicScore(topic, round(score, 3)))
        return tuple(out)

    def save(self, model_dir: Path | str) -> Path:
        """Write the model to ``model_dir`` and return the file path.

        Only what scoring needs is stored, as arrays and a JSON header: loading it needs
        neither scikit-learn nor these classes to keep their layout.
        """
        scorer_meta, arrays = self.scorer.to_arrays()
        meta = {
            "version": MODEL_VERSION,
            "data_hash": self.data_hash,
            "classes": list(self.classes),
            "settings": asdict(self.settings),
            "scorer": scorer_meta,
        }
        arrays["vocabulary"] = strings(sorted(self.vocabulary))
        arrays["grams"] = strings(sorted(self.grams))
        return write_model(Path(model_dir) / MODEL_FILE, meta, arrays)

    @classmethod
    def load(cls, model_dir: Path | str) -> TopicClassifier | None:
        """The saved model, or ``None`` when missing, unreadable or of another version."""
        path = Path(model_dir) / MODEL_FILE
        _mention_old_pickle(path)
        saved = read_model(path, MODEL_VERSION)
        if saved is None:
            return None
        meta, arrays = saved
        try:
            return cls(
                scorer=LinearScorer.from_arrays(meta["scorer"], arrays),
                classes=tuple(meta["classes"]),
                vocabulary=frozenset(arrays["vocabulary"].tolist()),
                grams=frozenset(arrays["grams"].tolist()),
                settings=ClassifierSettings(**meta["settings"]),
                data_hash=meta["data_hash"],
            )
        except (KeyError, TypeError, ValueError) as exc:
            log.warning("cannot read NLU model %s (%s); it will be rebuilt", path, exc)
            return None


def _mention_old_pickle(path: Path) -> None:
    """Say why a model saved by an older version (a pickle) is ignored and rebuilt."""
    old = path.with_name(_OLD_MODEL_FILE)
    if old.exists() and not path.exists():
        log.warning(
            "ignoring %s: models before version 9 were pickles and are no longer read; "
            "%s will be trained (the old file can be deleted)",
            old,
            path.name,
        )


def _expected_hash(data_path: Path) -> str:
    # The lexicon and the shorthand table shape the features: when either changes, a
    # saved model is stale.
    extra = MODEL_VERSION + repr(sorted(LEXICON.items())) + repr(sorted(SHORTHAND.items()))
    return data_hash(data_path, extra=extra)


def load_saved(
    model_dir: Path | str | None = None, data_path: Path | str | None = None
) -> TopicClassifier | None:
    """The model saved in ``model_dir`` (default ``var/nlu``) if it is of this version and
    was trained on ``data_path``, else ``None``. Never trains, so never imports
    scikit-learn."""
    directory = Path(model_dir) if model_dir is not None else DEFAULT_MODEL_DIR
    data = Path(data_path) if data_path is not None else DEFAULT_DATA
    model = TopicClassifier.load(directory)
    if model is None or model.data_hash != _expected_hash(data):
        return None
    return model


def load_or_train(
    model_dir: Path | str | None = None,
    data_path: Path | str | None = None,
    retrain: bool = False,
) -> TopicClassifier:
    """Load the model from ``model_dir`` (default ``var/nlu``), training it first when
    it is missing, of an older version, or trained on other data than ``data_path``."""
    if not retrain:
        model = load_saved(model_dir, data_path)
        if model is not None:
            return model
    directory = Path(model_dir) if model_dir is not None else DEFAULT_MODEL_DIR
    data = Path(data_path) if data_path is not None else DEFAULT_DATA
    started = time.perf_counter()
    model = TopicClassifier.train(load_examples(data), data_hash=_expected_hash(data))
    model.save(directory)
    log.info("trained NLU model in %.1f s into %s", time.perf_counter() - started, directory)
    return model
