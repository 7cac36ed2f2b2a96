"""Understanding what people write: crisis, control words, answers, topics.

Public entry points (import from the submodules; nothing heavy loads at import):

- :mod:`nlu.api` - the contract (Understanding, TopicScore, CrisisKind, Control).
- :func:`nlu.service.load_understander` - the in-process or Rasa-backed NLU.
- :mod:`nlu.answers` - yes/no, option choice, 0-10 scale, dates, phone numbers, language.
- :func:`nlu.crisis.detect`, :func:`nlu.control.detect_control`, :func:`nlu.control.detect_social`.
- :mod:`nlu.cli` - ``voordeur nlu train|parse|evaluate``.
"""
