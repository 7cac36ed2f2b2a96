"""The NLU facade: one call turns a message into an :class:`~nlu.api.Understanding`.

Order of checks: crisis first (rules, always), then control words, small talk, the
language, and finally the topics from the classifier. A crisis puts ``crisis`` at the
front of the topics, whatever else the message is about.
"""

from __future__ import annotations

import logging
import multiprocessing
import time
from pathlib import Path

from nlu import crisis_model
from nlu.answers import detect_language
from nlu.api import Control, CrisisKind, TopicScore, Understander, Understanding
from nlu.classifier import DEFAULT_MODEL_DIR, TopicClassifier, load_or_train, load_saved
from nlu.control import detect_control, detect_social
from nlu.crisis import FINALITY, model_kind, rule_kinds
from nlu.crisis import detect as detect_crisis
from nlu.crisis import warm_up as warm_up_crisis
from nlu.crisis_doubt import doubt, lean
from nlu.dialect import respell
from nlu.text import normalize

__all__ = ["LocalNLU", "combine", "load_understander"]

CRISIS_TOPIC = TopicScore("crisis", 1.0)

log = logging.getLogger(__name__)


def pick_language(text: str, hint: str | None) -> str:
    """The detected language for real sentences; the hint for very short answers."""
    detected = detect_language(text)
    if hint in {"nl", "en"} and len(text.split()) < 4:
        return "en" if detected == "en" else hint
    return detected


def combine(
    text: str,
    topics: tuple[TopicScore, ...],
    crisis: CrisisKind | None,
    language_hint: str | None = None,
    commands: tuple[Control | None, str | None] | None = None,
    *,
    relief_answer: bool = False,
) -> Understanding:
    """Build the Understanding from classifier topics plus the rule-based detectors.

    Shared by the local and the Rasa backend, so both treat crisis, control words and
    small talk identically. ``commands`` passes control and social already detected.
    """
    if commands is None:
        control = detect_control(text)
        social = detect_social(text) if control is None else None
    else:
        control, social = commands
    if control is not None or social is not None:
        topics = ()
    topics = tuple(t for t in topics if t.id not in {"crisis", "other"})
    quiet = crisis is None and control is None and social is None
    if crisis is not None:
        topics = (CRISIS_TOPIC, *topics)
    return Understanding(
        text=text,
        language=pick_language(text, language_hint),
        topics=topics,
        crisis=crisis,
        control=control if crisis is None else None,
        social=social if crisis is None else None,
        crisis_doubt=doubt(text) if quiet else None,
        crisis_lean=lean(text, relief_answer=relief_answer) if quiet else None,
    )




def crisis_of(text: str, *, relief_answer: bool = False) -> CrisisKind | None:
    """The crisis check. For an answer to a question whose answers describe relief (a
    dialog step with ``relief_answers``), a hit of the crisis model alone also needs a
    word about death, life or leaving; the crisis rules count as always."""
    if not relief_answer:
        return detect_crisis(text)
    kinds = rule_kinds(text)
    if kinds:
        return kinds[0]
    kind = model_kind(text)
    return kind if kind is not None and FINALITY.search(normalize(text)) else None


class LocalNLU:
    """In-process NLU: rule-based detectors plus the trained topic classifier."""

    def __init__(self, classifier: TopicClassifier) -> None:
        self._classifier = classifier
        warm_up_crisis()  # loaded (or trained) now, not on the first message

    @property
    def classifier(self) -> TopicClassifier:
        return self._classifier

    def understand(
        self, text: str, language_hint: str | None = None, *, relief_answer: bool = False
    ) -> Understanding:
        """Read one message. Fast (well under 2 ms) once the model is loaded."""
        text = text.strip()
        if not text:
            return Understanding(text=text, language=language_hint or "nl")
        crisis = crisis_of(text, relief_answer=relief_answer)
        control = detect_control(text)
        social = detect_social(text) if control is None else None
        quick = control is not None or social is not None
        topics = (
            ()
            if quick
            else self._classifier.predict(
                respell(text, self._classifier.vocabulary),
                exclude=() if crisis else ("crisis",),
            )
        )
        return combine(text, topics, crisis, language_hint, (control, social), relief_answer=relief_answer)


def load_understander(
    backend: str = "local",
    model_dir: str | Path | None = None,
    rasa_url: str | None = None,
) -> Understander:
    """An :class:`~nlu.api.Understander` for ``backend`` ("local" or "rasa").

    The local models (topics and crisis) are loaded from ``model_dir`` (default
    ``var/nlu`` under the current directory) and trained first when missing or stale.
    The Rasa backend needs ``rasa_url`` and falls back to the local model when Rasa
    cannot be reached.
    """
    if backend == "local":
        return _local(model_dir)
    if backend == "rasa":
        if not rasa_url:
            raise ValueError("the rasa NLU backend needs rasa_url")
        from nlu.rasa import RasaNLU

        return RasaNLU(rasa_url, fallback=_local(model_dir))
    raise ValueError(f"unknown NLU backend {backend!r}; use 'local' or 'rasa'")


def _local(model_dir: str | Path | None) -> LocalNLU:
    """Both models (topics and crisis) as saved in ``model_dir``.

    Missing or stale models are trained in a child process and then loaded from disk:
    training imports scikit-learn and scipy (about 90 MB), which would otherwise stay in
    this process, a server worker, for as long as it runs.
    """
    directory = Path(model_dir) if model_dir is not None else DEFAULT_MODEL_DIR
    classifier = _load_saved(directory)
    if classifier is None:
        _train_in_child(directory)
        classifier = _load_saved(directory)
    if classifier is None:
        raise RuntimeError(f"the NLU models trained into {directory} cannot be read")
    return LocalNLU(classifier)


def _load_saved(directory: Path) -> TopicClassifier | None:
    """The saved topic model if both saved models are current (the crisis model is then
    the process-wide one), else ``None``."""
    if crisis_model.load_saved(directory) is None:
        return None
    return load_saved(directory)


def train_models(directory: str) -> None:
    """Train and save whichever model in ``directory`` is missing or stale."""
    crisis_model.load_or_train(directory)
    load_or_train(directory)


def _train_in_child(directory: Path) -> None:
    """Run :func:`train_models` in a fresh process (spawned: no copy of this one's memory)."""
    log.info("training the NLU models into %s (in a separate process)", directory)
    started = time.perf_counter()
    child = multiprocessing.get_context("spawn").Process(
        target=train_models, args=(str(directory.resolve()),), name="nlu-training"
    )
    child.start()
    child.join()
    if child.exitcode != 0:
        raise RuntimeError(f"training the NLU models failed (exit code {child.exitcode})")
    log.info("trained the NLU models in %.1f s", time.perf_counter() - started)
