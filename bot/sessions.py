"""Server-side console sessions: a random token in the cookie, only its hash in the DB.

A session ends when it has not been used for :data:`IDLE` or is older than
:data:`MAX_AGE`, whichever comes first. Each session carries its own CSRF token.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from storage.models import Staff, StaffSession

__all__ = [
    "IDLE",
    "MAX_AGE",
    "NewSession",
    "csrf_ok",
    "end_session",
    "find_session",
    "start_session",
]

IDLE = timedelta(hours=2)
MAX_AGE = timedelta(hours=12)
#: last_seen_at is written at most this often, so reading pages does not write each time.
_TOUCH_EVERY = timedelta(minutes=1)


@dataclass(frozen=True, slots=True)
class NewSession:
    token: str
    csrf: str
    expires_at: datetime


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def start_session(s: Session, staff_id: int, now: datetime) -> NewSession:
    """Create a session for a staff member who just logged in (caller commits)."""
    s.execute(delete(StaffSession).where(StaffSession.expires_at <= now))
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    expires = now + MAX_AGE
    s.add(
        StaffSession(
            token_hash=_hash(token),
            staff_id=staff_id,
            csrf_token=csrf,
            created_at=now,
            last_seen_at=now,
            expires_at=expires,
        )
    )
    s.flush()
    return NewSession(token=token, csrf=csrf, expires_at=expires)


def find_session(s: Session, token: str | None, now: datetime) -> tuple[StaffSession, Staff] | None:
    """The live session and its (active) staff member for a cookie token, or None."""
    if not token or len(token) > 128:
        return None
    row = s.scalar(select(StaffSession).where(StaffSession.token_hash == _hash(token)))
    if row is None:
        return None
    if row.expires_at <= now or now - row.last_seen_at > IDLE:
        s.delete(row)
        return None
    staff = s.get(Staff, row.staff_id)
    if staff is None or not staff.active:
        s.delete(row)
        return None
    if now - row.last_seen_at >= _TOUCH_EVERY:
        row.last_seen_at = now
    return row, staff


def end_session(s: Session, token: str | None) -> None:
    if token:
        s.execute(delete(StaffSession).where(StaffSession.token_hash == _hash(token)))


def csrf_ok(expected: str, given: str | None) -> bool:
    return bool(given) and hmac.compare_digest(expected.encode(), (given or "").encode())
