"""Sync endpoints: push, pull, the post-sync check, case-number blocks, conflicts, regions."""

from __future__ import annotations

import json
import logging
import time
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from pydantic_core import to_json
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from sync.protocol import KINDS
from sync.protocol.wire import MAX_PAGE
from sync.server import changes
from sync.server.context import CurrentActor, state
from sync.server.database import writer
from sync.server.db import Conflict, NumberBlockGrant, Record, ServerRegion, SyncState
from sync.server.errors import ApiError
from sync.server.schemas import (
    ConflictOut,
    PullResponse,
    PushRequest,
    PushResponse,
    RegionOut,
    ReserveRequest,
    ReserveResponse,
    SummaryResponse,
)
from sync.server.validate import UUID_RE

log = logging.getLogger("advisor_server.sync")
RETRIES = 3


def _retryable(exc: IntegrityError | OperationalError) -> bool:
    if isinstance(exc, IntegrityError):
        return True
    return getattr(exc.orig, "sqlstate", None) in ("40P01", "40001")  # deadlock, serialisation


router = APIRouter(prefix="/v1", tags=["sync"])


@router.post("/changes", response_model=PushResponse)
def push(body: PushRequest, who: CurrentActor, request: Request) -> PushResponse:
    """Push one batch of changes (columnar, at most 5000); one transaction; idempotent."""
    started = time.perf_counter()
    incoming = changes.parse_batch(body.changes)
    for attempt in range(RETRIES):
        try:
            with writer(state(request).engine) as conn:
                result = changes.apply_push(conn, who, incoming)
            break
        except (IntegrityError, OperationalError) as exc:
            # PostgreSQL: another push created one of these records first (a unique key), or two
            # pushes locked each other's records (a deadlock). The transaction was rolled back
            # whole; judging again sees what the other one stored.
            if attempt == RETRIES - 1 or not _retryable(exc):
                raise
            log.info("push retried", extra={"account_id": who.account_id, "error": type(exc.orig).__name__})
    log.info(
        "push",
        extra={
            "account_id": who.account_id,
            "changes": len(incoming),
            "accepted": result.accepted,
            "duplicates": result.duplicates,
            "problems": len(result.problems),
            "ms": round((time.perf_counter() - started) * 1000, 1),
        },
    )
    return PushResponse(**result.body())


@router.get("/changes", response_model=PullResponse)
def pull(
    who: CurrentActor,
    request: Request,
    after: Annotated[int, Query(ge=0, le=2**62, description="cursor: the last seq already held")] = 0,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1000,
    kinds: Annotated[
        str | None, Query(max_length=1000, description="comma-separated kinds, default all")
    ] = None,
) -> Response:
    """Changes after the cursor in the account's scope, ordered by the server sequence."""
    wanted = None
    if kinds:
        wanted = [k for k in kinds.split(",") if k]
        unknown = [k for k in wanted if k not in KINDS]
        if unknown:
            raise ApiError(422, "unknown_kind", f"未知的记录类型：{'、'.join(u[:32] for u in unknown[:5])}")
    with state(request).engine.connect() as conn:
        page = changes.pull(conn, who.scope, after, limit, wanted)
    # Serialised here in one pass (pydantic-core); the page has exactly PullResponse's shape.
    return Response(to_json(page), media_type="application/json")


@router.get("/summary", response_model=SummaryResponse)
def summary(who: CurrentActor, request: Request) -> SummaryResponse:
    """Per table count and digest of (id, rev) in the scope, for the check after a sync."""
    with state(request).engine.connect() as conn:
        return SummaryResponse(**changes.summary(conn, who.scope))


@router.post("/numbers/reserve", response_model=ReserveResponse)
def reserve_numbers(body: ReserveRequest, who: CurrentActor, request: Request) -> ReserveResponse:
    """Reserve a block of case numbers for a committee and year; blocks never overlap city-wide."""
    if not UUID_RE.fullmatch(body.committee_id):
        raise ApiError(404, "committee_not_found", "调委会不存在或不在本账号的区域内（请先同步调委会）")
    with writer(state(request).engine) as conn:
        committee = conn.execute(
            select(Record.scope, Record.deleted).where(
                Record.kind == "committees", Record.id == body.committee_id
            )
        ).first()
        if committee is None or committee.deleted or not who.scope.can_read("committees", committee.scope):
            raise ApiError(404, "committee_not_found", "调委会不存在或不在本账号的区域内（请先同步调委会）")
        conn.execute(
            select(SyncState.value).where(SyncState.name == "numbers").with_for_update()
        ).scalar_one()
        top = conn.execute(
            select(func.max(NumberBlockGrant.last)).where(
                NumberBlockGrant.committee_id == body.committee_id, NumberBlockGrant.year == body.year
            )
        ).scalar()
        first = (top or 0) + 1
        last = first + body.size - 1
        conn.execute(
            NumberBlockGrant.__table__.insert().values(
                committee_id=body.committee_id,
                year=body.year,
                first=first,
                last=last,
                account_id=who.account_id,
                device_id=who.device_id,
            )
        )
        conn.execute(update(SyncState).where(SyncState.name == "numbers").values(value=SyncState.value + 1))
    log.info("numbers reserved", extra={"account_id": who.account_id, "size": body.size})
    return ReserveResponse(committee_id=body.committee_id, year=body.year, first=first, last=last)


@router.get("/conflicts", response_model=list[ConflictOut])
def list_conflicts(who: CurrentActor, request: Request) -> list[ConflictOut]:
    """Open conflicts of this account's devices, for a person to resolve."""
    with Session(state(request).engine) as session:
        rows = session.scalars(
            select(Conflict)
            .where(Conflict.account_id == who.account_id, Conflict.status == "open")
            .order_by(Conflict.id)
            .limit(1000)
        )
        return [
            ConflictOut(
                id=c.id,
                kind=c.kind,
                record_id=c.record_id,
                rev=c.rev,
                base_rev=c.base_rev,
                server_rev=c.server_rev,
                reason=c.reason,
                device_id=c.device_id,
                deleted=c.deleted,
                payload=json.loads(c.payload),
                created_at=c.created_at.isoformat() + "Z",
            )
            for c in rows
        ]


@router.post("/conflicts/{conflict_id}/resolve", status_code=204)
def resolve_conflict(conflict_id: int, who: CurrentActor, request: Request) -> None:
    """Mark a conflict handled (the person re-entered what was needed as a new revision)."""
    if not 0 < conflict_id < 2**31:
        raise ApiError(404, "conflict_not_found", "冲突记录不存在")
    with writer(state(request).engine) as conn:
        done = conn.execute(
            update(Conflict)
            .where(Conflict.id == conflict_id, Conflict.account_id == who.account_id)
            .values(status="resolved")
        ).rowcount
    if not done:
        raise ApiError(404, "conflict_not_found", "冲突记录不存在")


@router.get("/regions", response_model=list[RegionOut])
def regions(who: CurrentActor, request: Request) -> list[RegionOut]:
    """The regions this account works in, and those above them (for the local region tree)."""
    with Session(state(request).engine) as session:
        query = select(ServerRegion).order_by(ServerRegion.code)
        if not who.scope.everything:
            query = query.where(ServerRegion.code.in_(sorted(who.scope.regions | who.scope.above)))
        return [
            RegionOut(code=r.code, name=r.name, level=r.level, parent_code=r.parent_code)
            for r in session.scalars(query)
        ]
