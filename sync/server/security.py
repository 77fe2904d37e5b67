"""Passwords (Argon2id), opaque device tokens kept only as SHA-256, and login throttling."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from sync.server.db import LoginFailure, utcnow

_hasher = PasswordHasher()  # Argon2id, argon2-cffi's RFC 9106 low-memory profile
# Verified against when the account does not exist, so a wrong name costs as long as a wrong
# password. Made on the first login, not at import: every admin command would pay for it.
_DUMMY: str | None = None


def configure_hasher(time_cost: int, memory_cost_kib: int) -> None:
    """Change the Argon2 cost (tests use a cheap one; existing hashes still verify)."""
    global _hasher, _DUMMY
    _hasher = PasswordHasher(time_cost=time_cost, memory_cost=memory_cost_kib, parallelism=1)
    _DUMMY = None


def _dummy() -> str:
    global _DUMMY
    if _DUMMY is None:
        _DUMMY = _hasher.hash("no such account")
    return _DUMMY


TOKEN_DAYS = 180
FAIL_WINDOW = timedelta(minutes=15)
MAX_FAILS_PER_ACCOUNT = 5
MAX_FAILS_PER_ADDRESS = 30
MIN_PASSWORD = 8


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    try:
        return _hasher.verify(stored or _dummy(), password) and stored is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def new_token() -> tuple[str, str]:
    """(token for the device, hash for the database)."""
    token = secrets.token_urlsafe(32)
    return token, token_hash(token)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def token_expiry(now: datetime | None = None) -> datetime:
    return (now or utcnow()) + timedelta(days=TOKEN_DAYS)


def throttle_keys(username: str, address: str) -> list[tuple[str, int]]:
    return [(f"user:{username.lower()}", MAX_FAILS_PER_ACCOUNT), (f"addr:{address}", MAX_FAILS_PER_ADDRESS)]


def locked_out(session: Session, username: str, address: str) -> bool:
    """True while the account or the address has used up its failed attempts in the window."""
    now = utcnow()
    for key, limit in throttle_keys(username, address):
        row = session.get(LoginFailure, key)
        if row is not None and now - row.window_start < FAIL_WINDOW and row.count >= limit:
            return True
    return False


def record_failure(session: Session, username: str, address: str) -> None:
    now = utcnow()
    for key, _limit in throttle_keys(username, address):
        row = session.get(LoginFailure, key, with_for_update=True)
        if row is None:
            session.add(LoginFailure(key=key, window_start=now, count=1))
        elif now - row.window_start >= FAIL_WINDOW:
            row.window_start, row.count = now, 1
        else:
            row.count += 1


def clear_failures(session: Session, username: str) -> None:
    session.execute(delete(LoginFailure).where(LoginFailure.key == f"user:{username.lower()}"))


def failures(session: Session, username: str) -> int:
    row = session.scalar(select(LoginFailure).where(LoginFailure.key == f"user:{username.lower()}"))
    return row.count if row else 0
