"""Optional Rasa NLU backend: topics from a Rasa server, safety checks in-process.

``POST {url}/model/parse`` with ``{"text": ...}`` returns ``intent`` and
``intent_ranking`` (see shared/fixtures/rasa/). Intents named after topic ids become
topics; control intents (affirm, stop, ...) are ignored because the in-process
detectors decide those. Crisis and control detection ALWAYS run in-process: a
remote model must never be the only thing standing between a person and 112.

Rasa's DIET answers nonsense with near-certain confidence, so the same vocabulary
guard as the local classifier applies. When Rasa cannot be reached or answers
garbage, the backend logs a warning and falls back to the local classifier, if one
was given; without a fallback it raises :class:`RasaUnavailable` (except for a crisis,
which is returned without topics).
"""

from __future__ import annotations

import logging
from typing import Any

import httpx

from nlu.api import TOPICS, TopicScore, Understander, Understanding
from nlu.classifier import TopicClassifier
from nlu.control import detect_control, detect_social
from nlu.service import combine, crisis_of
from nlu.text import normalize

__all__ = ["RasaNLU", "RasaUnavailable", "topics_from_response"]

log = logging.getLogger(__name__)

#: Topic scores below this are not reported as present.
MIN_CONFIDENCE = 0.30
MIN_EXTRA = 0.35


class RasaUnavailable(RuntimeError):
    """The Rasa server could not be used; ``url`` and ``reason`` say why."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"Rasa NLU at {url} unavailable: {reason}")
        self.url = url
        self.reason = reason


def topics_from_response(payload: dict[str, Any]) -> tuple[TopicScore, ...]:
    """Topic scores from a ``/model/parse`` response, best first; unknown intents dropped."""
    ranking = payload.get("intent_ranking") or []
    if not ranking and isinstance(payload.get("intent"), dict):
        ranking = [payload["intent"]]
    scores: list[TopicScore] = []
    for item in ranking:
        name, conf = item.get("name"), item.get("confidence")
        if name in TOPICS and isinstance(conf, int | float):
            scores.append(TopicScore(str(name), float(conf)))
    scores.sort(key=lambda t: t.confidence, reverse=True)
    if not scores or scores[0].id == "other" or scores[0].confidence < MIN_CONFIDENCE:
        return ()
    return tuple(
        [scores[0]] + [t for t in scores[1:] if t.id != "other" and t.confidence >= MIN_EXTRA]
    )


class RasaNLU:
    """An :class:`~nlu.api.Understander` backed by a Rasa server's ``/model/parse``."""

    def __init__(
        self,
        url: str,
        fallback: Understander | None = None,
        timeout: float = 2.0,
        guard: TopicClassifier | None = None,
        client: httpx.Client | None = None,
    ) -> None:
        self._url = url.rstrip("/")
        self._fallback = fallback
        self._guard = guard if guard is not None else getattr(fallback, "classifier", None)
        self._client = client or httpx.Client(timeout=timeout)

    def close(self) -> None:
        """Close the HTTP client."""
        self._client.close()

    def parse(self, text: str) -> dict[str, Any]:
        """The raw ``/model/parse`` response; raises :class:`RasaUnavailable`."""
        try:
            response = self._client.post(f"{self._url}/model/parse", json={"text": text})
            response.raise_for_status()
            payload = response.json()
        except (httpx.HTTPError, ValueError) as exc:
            raise RasaUnavailable(self._url, f"{type(exc).__name__}: {exc}") from exc
        if not isinstance(payload, dict) or "intent" not in payload:
            raise RasaUnavailable(self._url, "response has no 'intent'")
        return payload

    def _known_vocabulary(self, text: str) -> bool:
        if self._guard is None:
            return True
        words, grams = self._guard.coverage(normalize(text))
        s = self._guard.settings
        return words >= s.min_word_coverage or grams >= s.min_gram_coverage

    def understand(
        self, text: str, language_hint: str | None = None, *, relief_answer: bool = False
    ) -> Understanding:
        """Crisis and control in-process, topics from Rasa (or the fallback)."""
        text = text.strip()
        if not text:
            return Understanding(text=text, language=language_hint or "nl")
        crisis = crisis_of(text, relief_answer=relief_answer)
        if detect_control(text) is not None or detect_social(text) is not None:
            return combine(text, (), crisis, language_hint, relief_answer=relief_answer)
        try:
            payload = self.parse(text)
        except RasaUnavailable as exc:
            if self._fallback is None:
                if crisis is not None:
                    # Never let a dead server swallow a crisis: answer without topics.
                    log.warning("%s; crisis detected in-process, continuing without topics", exc)
                    return combine(text, (), crisis, language_hint, relief_answer=relief_answer)
                raise
            log.warning("%s; using the local NLU for this message", exc)
            local = self._fallback.understand(text, language_hint)
            return combine(text, local.topics, crisis, language_hint, relief_answer=relief_answer)
        topics = topics_from_response(payload) if self._known_vocabulary(text) else ()
        return combine(text, topics, crisis, language_hint, relief_answer=relief_answer)
