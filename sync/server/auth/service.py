"""Login once per device, get an opaque token; logout revokes it; a token names the actor."""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.exc import IntegrityError

from sync.server.auth import repository
from sync.server.auth.schemas import AccountInfo, LoginRequest, LoginResponse, RatingKey
from sync.server.database import Db
from sync.server.db import utcnow
from sync.server.errors import ApiError
from sync.server.regions.scope import Scope, assigned_regions, scope_of
from sync.server.security import (
    clear_failures,
    locked_out,
    new_token,
    record_failure,
    token_expiry,
    token_hash,
    verify_password,
)

log = logging.getLogger("advisor_server.auth")
SEEN_EVERY = timedelta(minutes=10)  # last_seen_at is refreshed at most this often (cheap no-op sync)


@dataclass
class Actor:
    """Who is asking: the account and device of a valid token, and the account's scope."""

    account_id: int
    username: str
    role: str
    device_id: str
    scope: Scope
    device_no: int = 0  # the device row (a new one at each login): the number in its 评价码


def identify(db: Db, authorization: str | None) -> Actor:
    """The actor of a ``Bearer`` token; 401 when missing, unknown, expired, revoked or disabled."""
    if not authorization or not authorization.startswith("Bearer ") or len(authorization) > 200:
        raise ApiError(
            401, "not_logged_in", "需要登录：请求缺少设备令牌", headers={"WWW-Authenticate": "Bearer"}
        )
    digest = token_hash(authorization[7:].strip())
    now = utcnow()
    with db.read() as conn:
        row = repository.device_by_token(conn, digest)
        if row is None or row.revoked_at is not None or row.expires_at <= now or row.disabled:
            reason = "设备令牌无效、已过期或已被吊销，请重新登录"
            raise ApiError(401, "invalid_token", reason, headers={"WWW-Authenticate": "Bearer"})
        scope = scope_of(conn, row.account_id, row.role)
    if row.last_seen_at is None or now - row.last_seen_at > SEEN_EVERY:
        with db.write() as conn:
            repository.touch_device(conn, row.id, now)
    return Actor(
        account_id=row.account_id,
        username=row.username,
        role=row.role,
        device_id=row.device_id,
        scope=scope,
        device_no=row.id,
    )


def login(db: Db, body: LoginRequest, address: str) -> LoginResponse:
    with db.session() as session:
        if locked_out(session, body.username, address):
            log.warning("login throttled", extra={"account_id": None})
            raise ApiError(
                429, "too_many_attempts", "登录失败次数过多，请 15 分钟后再试", headers={"Retry-After": "900"}
            )
        account = repository.account_by_name(session, body.username)
        ok = verify_password(account.password_hash if account else None, body.password)
        if not ok or account is None or account.disabled:
            _remember_failure(db, body.username, address)
            log.info("login failed", extra={"account_id": account.id if account else None})
            raise ApiError(401, "bad_credentials", "用户名或密码不正确")
        account_id, role, username = account.id, account.role, account.username
        regions = assigned_regions(session, account_id)
    token, digest = new_token()
    expires = token_expiry()
    with db.write_session() as session:
        clear_failures(session, username)
        # One live token per installation: logging in again replaces the old one.
        repository.revoke_live_tokens(session, account_id, body.device_id)
        key = secrets.token_hex(32)
        device_no = repository.add_device(
            session, account_id, body.device_id, body.device_name, digest, expires, rating_key=key
        )
    log.info("login", extra={"account_id": account_id})
    return LoginResponse(
        token=token,
        expires_at=expires.isoformat() + "Z",
        account=AccountInfo(username=username, role=role, regions=regions),
        rating=RatingKey(key=key, device_no=device_no),
    )


def rating_key(db: Db, who: Actor) -> RatingKey:
    """The 评价码 key of the asking device; one logged in before keys existed gets one now."""
    with db.write() as conn:
        key = repository.rating_key(conn, who.device_no, secrets.token_hex(32))
    return RatingKey(key=key, device_no=who.device_no)


def _remember_failure(db: Db, username: str, address: str) -> None:
    for _attempt in range(3):  # two workers may create the same counter row at once
        try:
            with db.write_session() as session:
                record_failure(session, username, address)
            return
        except IntegrityError:
            continue


def logout(db: Db, who: Actor) -> None:
    with db.write_session() as session:
        repository.revoke_live_tokens(session, who.account_id, who.device_id)
    log.info("logout", extra={"account_id": who.account_id})


def me(db: Db, who: Actor) -> AccountInfo:
    with db.session() as session:
        return AccountInfo(
            username=who.username, role=who.role, regions=assigned_regions(session, who.account_id)
        )
