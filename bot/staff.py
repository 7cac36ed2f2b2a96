"""Staff accounts: volunteers, professionals and coordinators."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import VerificationError, VerifyMismatchError
from sqlalchemy import select
from sqlalchemy.orm import Session

from storage.models import Staff

__all__ = ["LOCK_AFTER", "LOCK_FOR", "ROLES", "check_password", "create_staff", "find_staff"]

ROLES = ("volunteer", "professional", "coordinator")
LOCK_AFTER = 5
LOCK_FOR = timedelta(minutes=15)
#: What the staff table holds (PostgreSQL refuses more; SQLite stored anything).
MAX_USERNAME, MAX_NAME, MAX_OPEN = 64, 120, 100
_hasher = PasswordHasher()


@dataclass(frozen=True, slots=True)
class LoginResult:
    staff_id: int | None
    reason: str | None = None


def create_staff(
    s: Session,
    *,
    username: str,
    name: str,
    role: str,
    now: datetime,
    password: str | None = None,
    neighbourhoods: list[str] | None = None,
    skills: list[str] | None = None,
    languages: list[str] | None = None,
    max_open: int = 5,
) -> Staff:
    if role not in ROLES:
        raise ValueError(f"role must be one of {', '.join(ROLES)}")
    if not username or not username.replace("-", "").replace("_", "").replace(".", "").isalnum():
        raise ValueError("username: letters, digits, '-', '_' and '.' only")
    if len(username) > MAX_USERNAME or len(name) > MAX_NAME:
        raise ValueError(f"username: at most {MAX_USERNAME} characters, name at most {MAX_NAME}")
    if not 1 <= max_open <= MAX_OPEN:
        raise ValueError(f"max open: from 1 to {MAX_OPEN}")
    if s.scalar(select(Staff).where(Staff.username == username)) is not None:
        raise ValueError(f"username {username!r} exists already")
    staff = Staff(
        username=username,
        name=name,
        role=role,
        password_hash=_hasher.hash(password) if password else None,
        neighbourhoods=neighbourhoods or [],
        skills=skills or [],
        languages=languages or ["nl"],
        max_open=max_open,
        active=True,
        created_at=now,
    )
    s.add(staff)
    s.flush()
    return staff


def find_staff(s: Session, username: str) -> Staff | None:
    return s.scalar(select(Staff).where(Staff.username == username))


def check_password(s: Session, username: str, password: str, now: datetime) -> LoginResult:
    """Verify a login; lock the account for a while after repeated failures."""
    staff = find_staff(s, username)
    if staff is None or not staff.active or not staff.password_hash:
        _hasher.hash("spend-the-same-time")  # do not reveal which usernames exist
        return LoginResult(None, "unknown")
    if staff.locked_until is not None and staff.locked_until > now:
        return LoginResult(None, "locked")
    try:
        _hasher.verify(staff.password_hash, password)
    except (VerifyMismatchError, VerificationError):
        staff.failed_logins += 1
        if staff.failed_logins >= LOCK_AFTER:
            staff.locked_until = now + LOCK_FOR
            staff.failed_logins = 0
        return LoginResult(None, "wrong")
    staff.failed_logins = 0
    staff.locked_until = None
    if _hasher.check_needs_rehash(staff.password_hash):
        staff.password_hash = _hasher.hash(password)
    return LoginResult(staff.id)
