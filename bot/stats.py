"""Anonymous statistics for the scoreboard: counts without a link to a person."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session

from storage.models import Contact, StatEvent
from storage.rows import append

__all__ = ["record"]


def record(
    session: Session,
    kind: str,
    at: datetime,
    contact: Contact | None = None,
    *,
    channel: str | None = None,
    topic: str | None = None,
    value: str | None = None,
    number: float | None = None,
) -> None:
    append(
        session,
        StatEvent,
        {
            "at": at,
            "kind": kind,
            "person_key": contact.stat_key if contact is not None else None,
            "channel": channel,
            "topic": topic,
            "neighbourhood": contact.neighbourhood if contact is not None else None,
            "language": contact.language if contact is not None else None,
            "value": value,
            "number": number,
        },
    )
