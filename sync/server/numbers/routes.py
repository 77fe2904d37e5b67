"""/v1/numbers: reserve a block of case numbers."""

from __future__ import annotations

from fastapi import APIRouter

from sync.server.context import CurrentActor, DbDep
from sync.server.numbers import service
from sync.server.numbers.schemas import ReserveRequest, ReserveResponse

router = APIRouter(prefix="/v1", tags=["sync"])


@router.post("/numbers/reserve", response_model=ReserveResponse)
def reserve_numbers(body: ReserveRequest, who: CurrentActor, db: DbDep) -> ReserveResponse:
    """Reserve a block of case numbers for a committee and year; blocks never overlap city-wide."""
    return service.reserve(db, who, body)
