"""Reading the anonymous stat events of a period: the only input of the scoreboard."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot.report.period import TZ, Period
from storage.models import StatEvent

__all__ = ["Ev", "load_events"]


@dataclass(frozen=True, slots=True)
class Ev:
    """One stat event, without its row id."""

    at: datetime
    kind: str
    person: str | None = None
    channel: str | None = None
    topic: str | None = None
    neighbourhood: str | None = None
    language: str | None = None
    value: str | None = None
    number: float | None = None


def load_events(session: Session, period: Period) -> tuple[Ev, ...]:
    """All stat events in ``period``, oldest first."""
    start, until = period.bounds(TZ)
    rows = session.execute(
        select(
            StatEvent.at,
            StatEvent.kind,
            StatEvent.person_key,
            StatEvent.channel,
            StatEvent.topic,
            StatEvent.neighbourhood,
            StatEvent.language,
            StatEvent.value,
            StatEvent.number,
        )
        .where(StatEvent.at >= start, StatEvent.at < until)
        .order_by(StatEvent.at, StatEvent.id)
    )
    return tuple(Ev(*row) for row in rows)
