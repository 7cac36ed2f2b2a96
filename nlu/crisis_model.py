"""A small dedicated crisis classifier, the second signal next to the rules.

Rules miss what nobody wrote a pattern for; character n-grams generalise over
misspellings ("wil nie meer leve") and word n-grams over phrasing. The model is
trained on the crisis examples of ``nlu.yml`` (kind taken from the rules),
``crisis_eval.yml`` and ``crisis_dev.yml`` (with their kind), against their near
misses and every other example of ``nlu.yml``. It never sees ``crisis_holdout.yml``.

Four classes: none, suicide, violence, danger. The crisis score is ``1 - p(none)``.
Inference is plain Python and one small matrix product (no scikit-learn on the hot
path), about 0.1 ms per message. The server loads it from the model directory
(:func:`load_or_train`: trained and saved there when missing or stale), so scikit-learn is
only imported to train; elsewhere it is trained on first use (about one second;
``LocalNLU`` warms it up) and kept in memory. Training is deterministic.

It only counts when the rules found nothing, the message holds a word of
:data:`DANGER_VOCABULARY` and the score reaches :data:`THRESHOLD`. The threshold was
chosen on dev batches the model had not been trained on (batch 4, then checked on
batch 7): at 0.8, rules alone 72% / 50% recall, rules OR model 86% / 68%, with false
alarms 4% / 2.6% -> 4% / 7.9%; 0.9 gave fewer false alarms but lost a third of the
gain. Missing a crisis costs more than a false alarm, so 0.8.

``crisis_dev2.yml`` is deliberately not in the training data: trained on one half of
it, the model caught no more of the other half's positives (16.5% / 27.1% either way)
and raised more of its near misses (1.3% -> 2.5%), so that batch is used for the
rules only and stays a cleaner measure of them. ``crisis_dev3.yml`` is left out for the
same reason: trained on either half, the model alone caught exactly as many of the other
half's positives (74.5% / 70.6%) with the same false alarms (0%), so it would add
training time and nothing else.
"""

from __future__ import annotations

import hashlib
import logging
import math
import re
import threading
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

from nlu.api import CrisisKind
from nlu.model_io import read_model, vocab_array, vocab_from_array, write_model
from nlu.training_data import DEFAULT_DATA

__all__ = ["THRESHOLD", "DANGER_VOCABULARY", "CrisisModel", "crisis_model", "has_danger_vocabulary", "load_or_train", "load_saved", "training_texts"]

#: The model only counts when the message holds a word from this danger vocabulary
#: (word starts, on crisis-normalised text): a message about a gift for oneself or
#: help from a partner can look like a crisis to character n-grams, never to a person.
DANGER_VOCABULARY = re.compile(
    r"\b(?:dood|doden|sterv|stierf|overlijd|leven|leef|bestaan|zelfmoord|suicid|eind|einde|"
    r"pil|pillen|tablet|medicijn|slaappil|overdos|touw|ophang|spring|brug|spoor|trein|dak|"
    r"mes|snij|gesneden|kras|verwond|pijn|bloed|wakker|slapen|afscheid|zin|nut|weg|verdwijn|"
    r"niemand|last|wereld|slaa|slaat|sloeg|geslagen|schop|trap|duw|knijp|wurg|keel|klap|"
    r"mishandel|misbruik|verkracht|aanrand|dreig|bedreig|bang|angst|durf|veilig|agressie|"
    r"agressief|geweld|stalk|achtervolg|opgesloten|sluit|vermoord|moord|afmaak|wapen|"
    r"adem|lucht|benauwd|stik|borst|hart|beroerte|flauw|bewusteloos|reageer|reageert|"
    r"gevallen|val|valt|viel|vloer|grond|opstaan|overeind|omhoog|brand|rook|vuur|vlam|gas|"
    r"koolmonoxide|verward|koorts|suiker|hypo|diabet|scheef|slap|verlamd|onwel|zweet|grauw|"
    r"blauw|vast|vermist|kwijt|help|hulp|112|113|kill|die|dead|death|suicide|hurt|hit|"
    r"beat|abuse|afraid|scared|pills|fall|fell|floor|breath|chest|fire|smoke|blood|done|"
    r"goodbye|end)"
)


def has_danger_vocabulary(normalized: str) -> bool:
    """Whether crisis-normalised text holds any word of :data:`DANGER_VOCABULARY`."""
    return DANGER_VOCABULARY.search(normalized) is not None

CRISIS_EVAL = Path(__file__).parent / "data" / "crisis_eval.yml"
CRISIS_DEV = Path(__file__).parent / "data" / "crisis_dev.yml"
CLASSES = ("none", "suicide", "violence", "danger")
_KINDS = {"suicide": CrisisKind.SUICIDE, "violence": CrisisKind.VIOLENCE, "danger": CrisisKind.DANGER}
_TOKEN = re.compile(r"\b\w+\b")
CHAR_RANGE = (3, 5)
#: Crisis probability from which the model raises a crisis on its own.
THRESHOLD = 0.8
WORD_RANGE = (1, 2)


def _char_grams(text: str) -> list[str]:
    lo, hi = CHAR_RANGE
    out: list[str] = []
    for word in text.split():
        w = f" {word} "
        for n in range(lo, hi + 1):
            if len(w) < n:
                if n == lo:
                    out.append(w)
                break
            out.extend(w[i : i + n] for i in range(len(w) - n + 1))
    return out


def _word_grams(text: str) -> list[str]:
    toks = _TOKEN.findall(text)
    out = list(toks)
    out.extend(f"{a} {b}" for a, b in zip(toks, toks[1:]))
    return out


def _rule_kind(text: str) -> str | None:
    from nlu.crisis import rule_kinds

    kinds = rule_kinds(text)
    return kinds[0].value if kinds else None


def training_texts() -> tuple[list[str], list[str]]:
    """(texts, labels) for the crisis model; labels are names from :data:`CLASSES`."""
    texts: list[str] = []
    labels: list[str] = []
    for path in (CRISIS_EVAL, CRISIS_DEV):
        ev = yaml.safe_load(path.read_text(encoding="utf-8"))
        for kind, items in ev["positives"].items():
            for t in items:
                texts.append(t)
                labels.append(kind)
        for t in ev["near_misses"]:
            texts.append(t)
            labels.append("none")
    nlu = yaml.safe_load(DEFAULT_DATA.read_text(encoding="utf-8"))
    for block in nlu.get("nlu", []):
        intent = block.get("intent")
        for line in str(block.get("examples", "")).splitlines():
            line = line.strip()
            if not line.startswith("- "):
                continue
            t = line[2:].strip()
            if intent == "crisis":
                kind = _rule_kind(t)
                if kind is None:
                    continue
                texts.append(t)
                labels.append(kind)
            else:
                texts.append(t)
                labels.append("none")
    return texts, labels


@dataclass(frozen=True)
class CrisisModel:
    """Vocabularies (gram -> row), idf weights and coefficient rows as numpy arrays.

    Plain dicts of strings to ints and a few arrays: nothing for the garbage collector
    to walk, so the model adds no pauses to other requests.
    """

    char_vocab: dict[str, int]
    word_vocab: dict[str, int]  # rows offset by len(char_vocab)
    idf: list[float]  # (n_features,); floats are not tracked by the garbage collector
    weights: np.ndarray  # (n_features, n_classes)
    bias: np.ndarray  # (n_classes,)

    @classmethod
    def train(cls, C: float = 10.0) -> CrisisModel:
        from scipy import sparse
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        from nlu.crisis import clean

        raw, labels = training_texts()
        texts = [clean(t) for t in raw]
        chars = TfidfVectorizer(analyzer=_char_grams, sublinear_tf=True)
        words = TfidfVectorizer(analyzer=_word_grams, sublinear_tf=True)
        x = sparse.hstack([chars.fit_transform(texts), words.fit_transform(texts)], format="csr")
        y = np.array([CLASSES.index(lab) for lab in labels])
        model = LogisticRegression(C=C, solver="newton-cg", tol=1e-3, class_weight="balanced")
        model.fit(x, y)
        nc = len(chars.vocabulary_)
        return cls(
            char_vocab={str(g): int(i) for g, i in chars.vocabulary_.items()},
            word_vocab={str(g): int(i) + nc for g, i in words.vocabulary_.items()},
            idf=[float(v) for v in np.concatenate([chars.idf_, words.idf_])],
            weights=np.ascontiguousarray(model.coef_.T, dtype=np.float64),
            bias=model.intercept_.astype(np.float64),
        )

    def _block(self, grams: list[str], vocab: dict[str, int]) -> tuple[list[int], list[float]]:
        """Feature rows and l2-normalised sublinear tf-idf values of one block."""
        counts = Counter([vocab[g] for g in grams if g in vocab])
        if not counts:
            return [], []
        idf = self.idf
        vals = [(1.0 + math.log(c)) * idf[i] for i, c in counts.items()]
        norm = math.sqrt(sum(v * v for v in vals))
        return list(counts), [v / norm for v in vals]

    def proba(self, normalized: str) -> tuple[float, ...]:
        """Class probabilities (order of :data:`CLASSES`) of cleaned text (``crisis.clean``)."""
        ci, cv = self._block(_char_grams(normalized), self.char_vocab)
        wi, wv = self._block(_word_grams(normalized), self.word_vocab)
        out = self.bias
        if ci or wi:
            out = out + np.asarray(cv + wv) @ self.weights[ci + wi]
        m = float(out.max())
        e = [math.exp(float(v) - m) for v in out]
        total = sum(e)
        return tuple(v / total for v in e)

    def score(self, normalized: str) -> tuple[float, CrisisKind]:
        """Crisis probability ``1 - p(none)`` and the most likely crisis kind."""
        p = self.proba(normalized)
        best = max(range(1, len(CLASSES)), key=lambda k: p[k])
        return 1.0 - p[0], _KINDS[CLASSES[best]]

    def save(self, path: Path, fingerprint: str) -> Path:
        """Write vocabularies and weights (plain arrays, no scikit-learn) to ``path``."""
        nc = len(self.char_vocab)
        return write_model(
            path,
            {"version": MODEL_VERSION, "fingerprint": fingerprint},
            {
                "char_vocab": vocab_array(self.char_vocab),
                "word_vocab": vocab_array(self.word_vocab, start=nc),
                "idf": np.asarray(self.idf, dtype=np.float64),
                "weights": self.weights,
                "bias": self.bias,
            },
        )

    @classmethod
    def load(cls, path: Path, fingerprint: str) -> CrisisModel | None:
        """The model saved at ``path``, or ``None`` when missing, unreadable or stale."""
        saved = read_model(path, MODEL_VERSION)
        if saved is None:
            return None
        meta, a = saved
        if meta.get("fingerprint") != fingerprint:
            log.info("crisis model %s is stale (training data, rules or features changed)", path)
            return None
        char_vocab = vocab_from_array(a["char_vocab"])
        return cls(
            char_vocab=char_vocab,
            word_vocab=vocab_from_array(a["word_vocab"], start=len(char_vocab)),
            idf=a["idf"].tolist(),
            weights=np.ascontiguousarray(a["weights"], dtype=np.float64),
            bias=a["bias"].astype(np.float64),
        )


#: Bump when features or training change in a way :func:`training_fingerprint` cannot see.
MODEL_VERSION = "crisis-ngram-lr-1"
MODEL_FILE = "crisis_model.npz"
_NLU = Path(__file__).parent

_lock = threading.Lock()
_model: CrisisModel | None = None
log = logging.getLogger(__name__)


def training_fingerprint() -> str:
    """SHA-256 over everything that shapes the trained model: the training data, the
    rules that label ``nlu.yml``'s crisis examples, and text cleaning and features.

    Whole files are hashed (cheap, nothing parsed at start-up); an edit anywhere in them
    retrains the model: safer than missing one that matters.
    """
    files = [
        *sorted(_NLU.glob("crisis*.py")),
        _NLU / "text.py",
        *sorted((_NLU / "data").glob("*.yml")),
    ]
    h = hashlib.sha256(MODEL_VERSION.encode())
    for f in files:
        h.update(f.name.encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


def load_saved(model_dir: Path | str) -> CrisisModel | None:
    """The crisis model saved in ``model_dir`` if it is current, made the process-wide
    model; ``None`` when missing or stale. Never trains, so never imports scikit-learn."""
    global _model
    model = CrisisModel.load(Path(model_dir) / MODEL_FILE, training_fingerprint())
    if model is not None:
        with _lock:
            _model = model
    return model


def load_or_train(model_dir: Path | str) -> CrisisModel:
    """Like :func:`load_saved`, but training and saving the model when missing or stale."""
    global _model
    model = load_saved(model_dir)
    if model is None:
        path = Path(model_dir) / MODEL_FILE
        model = CrisisModel.train()
        model.save(path, training_fingerprint())
        log.info("trained the crisis model into %s", path)
        with _lock:
            _model = model
    return model


def crisis_model() -> CrisisModel:
    """The process-wide crisis model: the one last loaded from a model directory, else one
    trained in memory on first use (tests, evaluation)."""
    global _model
    with _lock:
        if _model is None:
            _model = CrisisModel.train()
        return _model
