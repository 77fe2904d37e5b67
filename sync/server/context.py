"""Per-process server state and the request dependencies: the database, the protocol, who is asking."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from fastapi import Depends, Header, Request
from sqlalchemy import Engine

from sync.protocol.wire import PROTOCOL_HEADER, SUPPORTED_VERSIONS
from sync.server.auth.service import Actor, identify
from sync.server.database import Db
from sync.server.errors import ApiError


@dataclass
class Settings:
    database_url: str
    data_dir: Path
    max_body: int = 16 * 1024 * 1024
    max_chunk: int = 8 * 1024 * 1024
    max_attachment: int = 25 * 1024 * 1024
    numbers_per_day: int = 500  # case numbers per committee in 24 hours (ADVISOR_SERVER_NUMBERS_PER_DAY)


@dataclass
class ServerState:
    settings: Settings
    engine: Engine


def state(request: Request) -> ServerState:
    return request.app.state.server


def database(request: Request) -> Db:
    """The request's database handle (FastAPI caches it per request: the actor and the route share it)."""
    return Db(state(request).engine)


DbDep = Annotated[Db, Depends(database)]


def protocol(
    x_advisor_protocol: Annotated[
        str | None, Header(alias=PROTOCOL_HEADER, description="protocol version, 1 or 2 (default 1)")
    ] = None,
) -> int:
    if x_advisor_protocol is None:
        return 1
    value = x_advisor_protocol.strip()
    # ASCII digits, a few of them: int() of a 5,000-digit or a non-ASCII digit string raises.
    if not (value.isascii() and value.isdigit() and len(value) <= 6) or int(value) not in SUPPORTED_VERSIONS:
        raise ApiError(
            400,
            "unsupported_protocol",
            f"不支持的协议版本“{x_advisor_protocol[:20]}”，服务器支持：{sorted(SUPPORTED_VERSIONS)}，请升级客户端",
        )
    return int(value)


ProtocolDep = Annotated[int, Depends(protocol)]


def actor(
    request: Request,
    db: DbDep,
    authorization: Annotated[str | None, Header(description="Bearer <device token>")] = None,
    _version: int = Depends(protocol),
) -> Actor:
    who = identify(db, authorization)
    request.state.account_id = who.account_id
    return who


CurrentActor = Annotated[Actor, Depends(actor)]
