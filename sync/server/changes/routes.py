"""/v1/changes (push, pull) and /v1/summary: thin routes over ``changes.service``."""

from __future__ import annotations

import logging
import time
from typing import Annotated

from fastapi import APIRouter, Query, Response
from sqlalchemy.exc import IntegrityError, OperationalError

from sync.protocol import KINDS
from sync.protocol.wire import MAX_PAGE
from sync.server.changes import service
from sync.server.changes.schemas import PullResponse, PushRequest, PushResponse, SummaryResponse
from sync.server.changes.validate import parse_batch
from sync.server.context import CurrentActor, DbDep, ProtocolDep
from sync.server.errors import ApiError
from sync.server.rating_page import service as rating_page

log = logging.getLogger("advisor_server.sync")
RETRIES = 3


def _retryable(exc: IntegrityError | OperationalError) -> bool:
    if isinstance(exc, IntegrityError):
        return True
    return getattr(exc.orig, "sqlstate", None) in ("40P01", "40001")  # deadlock, serialisation


router = APIRouter(prefix="/v1", tags=["sync"])


@router.post("/changes", response_model=PushResponse)
def push(body: PushRequest, who: CurrentActor, db: DbDep) -> PushResponse:
    """Push one batch of changes (columnar, at most 5000); one transaction; idempotent."""
    started = time.perf_counter()
    incoming = parse_batch(body.changes)
    for attempt in range(RETRIES):
        try:
            with db.write() as conn:
                result = service.apply_push(conn, who, incoming)
            break
        except (IntegrityError, OperationalError) as exc:
            # PostgreSQL: another push created one of these records first (a unique key), or two
            # pushes locked each other's records (a deadlock). The transaction was rolled back
            # whole; judging again sees what the other one stored.
            if attempt == RETRIES - 1 or not _retryable(exc):
                raise
            log.info("push retried", extra={"account_id": who.account_id, "error": type(exc.orig).__name__})
    if result.accepted:  # ratings given by phone before these records arrived (rating_page)
        rating_page.link_arrived(db, incoming)
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
    db: DbDep,
    version: ProtocolDep,
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
    with db.read() as conn:
        page, skipped = service.pull(conn, who.scope, after, limit, wanted, version=version)
    # Serialised in one pass (pydantic-core); the page has exactly PullResponse's shape.
    body = service.serialize_page(page, skipped)
    if skipped:
        with db.write() as conn:
            service.remember_skipped(conn, skipped)
    return Response(body, media_type="application/json")


@router.get("/summary", response_model=SummaryResponse, response_model_exclude_none=True)
def summary(who: CurrentActor, db: DbDep, version: ProtocolDep) -> SummaryResponse:
    """Per table count and digest of (id, rev) in the scope, for the check after a sync
    (protocol 2: XOR of record checks, kept per village; protocol 1: SHA-256 of sorted lines)."""
    with db.read() as conn:
        return SummaryResponse(**service.summary(conn, who.scope, version))
