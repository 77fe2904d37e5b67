"""Login once per device, get an opaque token; logout revokes it."""

from __future__ import annotations

import logging

from fastapi import APIRouter, Depends, Request
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from sync.server.context import CurrentActor, protocol, state
from sync.server.database import write_session
from sync.server.db import Account, Device, utcnow
from sync.server.errors import ApiError
from sync.server.schemas import AccountInfo, LoginRequest, LoginResponse
from sync.server.scope import assigned_regions
from sync.server.security import (
    clear_failures,
    locked_out,
    new_token,
    record_failure,
    token_expiry,
    verify_password,
)

log = logging.getLogger("advisor_server.auth")
router = APIRouter(prefix="/v1/auth", tags=["auth"], dependencies=[Depends(protocol)])


@router.post("/login", response_model=LoginResponse)
def login(body: LoginRequest, request: Request) -> LoginResponse:
    srv = state(request)
    address = request.client.host if request.client else "unknown"
    with Session(srv.engine) as session:
        if locked_out(session, body.username, address):
            log.warning("login throttled", extra={"account_id": None})
            raise ApiError(
                429, "too_many_attempts", "登录失败次数过多，请 15 分钟后再试", headers={"Retry-After": "900"}
            )
        account = session.scalar(select(Account).where(Account.username == body.username))
        ok = verify_password(account.password_hash if account else None, body.password)
        if not ok or account is None or account.disabled:
            _remember_failure(srv.engine, body.username, address)
            log.info("login failed", extra={"account_id": account.id if account else None})
            raise ApiError(401, "bad_credentials", "用户名或密码不正确")
        account_id, role, username = account.id, account.role, account.username
        regions = assigned_regions(session, account_id)
    token, digest = new_token()
    expires = token_expiry()
    with write_session(srv.engine) as session:
        clear_failures(session, username)
        # One live token per installation: logging in again replaces the old one.
        session.execute(
            update(Device)
            .where(
                Device.account_id == account_id,
                Device.device_id == body.device_id,
                Device.revoked_at.is_(None),
            )
            .values(revoked_at=utcnow())
        )
        session.add(
            Device(
                account_id=account_id,
                device_id=body.device_id,
                name=body.device_name,
                token_hash=digest,
                expires_at=expires,
            )
        )
    log.info("login", extra={"account_id": account_id})
    return LoginResponse(
        token=token,
        expires_at=expires.isoformat() + "Z",
        account=AccountInfo(username=username, role=role, regions=regions),
    )


def _remember_failure(engine, username: str, address: str) -> None:  # noqa: ANN001
    for _attempt in range(3):  # two workers may create the same counter row at once
        try:
            with write_session(engine) as session:
                record_failure(session, username, address)
            return
        except IntegrityError:
            continue


@router.post("/logout", status_code=204)
def logout(who: CurrentActor, request: Request) -> None:
    with write_session(state(request).engine) as session:
        session.execute(
            update(Device)
            .where(
                Device.account_id == who.account_id,
                Device.device_id == who.device_id,
                Device.revoked_at.is_(None),
            )
            .values(revoked_at=utcnow())
        )
    log.info("logout", extra={"account_id": who.account_id})


@router.get("/me", response_model=AccountInfo)
def me(who: CurrentActor, request: Request) -> AccountInfo:
    with Session(state(request).engine) as session:
        return AccountInfo(
            username=who.username, role=who.role, regions=assigned_regions(session, who.account_id)
        )
