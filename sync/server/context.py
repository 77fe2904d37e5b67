"""Per-process server state and the request dependencies (who is asking, which protocol)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Annotated

from fastapi import Depends, Header, Request
from sqlalchemy import Engine, select, update

from sync.protocol.wire import PROTOCOL_HEADER, SUPPORTED_VERSIONS
from sync.server.changes import Actor
from sync.server.database import writer
from sync.server.db import Account, Device, utcnow
from sync.server.errors import ApiError
from sync.server.scope import scope_of
from sync.server.security import token_hash

SEEN_EVERY = timedelta(minutes=10)  # last_seen_at is refreshed at most this often (cheap no-op sync)


@dataclass
class Settings:
    database_url: str
    data_dir: Path
    max_body: int = 16 * 1024 * 1024
    max_chunk: int = 8 * 1024 * 1024
    max_attachment: int = 25 * 1024 * 1024


@dataclass
class ServerState:
    settings: Settings
    engine: Engine


def state(request: Request) -> ServerState:
    return request.app.state.server


def protocol(
    x_advisor_protocol: Annotated[
        str | None, Header(alias=PROTOCOL_HEADER, description="protocol version, 1")
    ] = None,
) -> int:
    if x_advisor_protocol is None:
        return 1
    if not x_advisor_protocol.strip().isdigit() or int(x_advisor_protocol) not in SUPPORTED_VERSIONS:
        raise ApiError(
            400,
            "unsupported_protocol",
            f"不支持的协议版本“{x_advisor_protocol[:20]}”，服务器支持：{sorted(SUPPORTED_VERSIONS)}，请升级客户端",
        )
    return int(x_advisor_protocol)


def actor(
    request: Request,
    authorization: Annotated[str | None, Header(description="Bearer <device token>")] = None,
    _version: int = Depends(protocol),
) -> Actor:
    if not authorization or not authorization.startswith("Bearer ") or len(authorization) > 200:
        raise ApiError(
            401, "not_logged_in", "需要登录：请求缺少设备令牌", headers={"WWW-Authenticate": "Bearer"}
        )
    digest = token_hash(authorization[7:].strip())
    srv = state(request)
    now = utcnow()
    with srv.engine.connect() as conn:
        row = conn.execute(
            select(
                Device.id,
                Device.device_id,
                Device.expires_at,
                Device.revoked_at,
                Device.last_seen_at,
                Account.id.label("account_id"),
                Account.username,
                Account.role,
                Account.disabled,
            )
            .join(Account, Account.id == Device.account_id)
            .where(Device.token_hash == digest)
        ).first()
        if row is None or row.revoked_at is not None or row.expires_at <= now or row.disabled:
            reason = "设备令牌无效、已过期或已被吊销，请重新登录"
            raise ApiError(401, "invalid_token", reason, headers={"WWW-Authenticate": "Bearer"})
        scope = scope_of(conn, row.account_id, row.role)
    if row.last_seen_at is None or now - row.last_seen_at > SEEN_EVERY:
        with writer(srv.engine) as conn:
            conn.execute(update(Device).where(Device.id == row.id).values(last_seen_at=now))
    request.state.account_id = row.account_id
    return Actor(
        account_id=row.account_id, username=row.username, role=row.role, device_id=row.device_id, scope=scope
    )


CurrentActor = Annotated[Actor, Depends(actor)]
