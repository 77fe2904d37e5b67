"""/v1/numbers: reserve a block of case numbers."""

from __future__ import annotations

from fastapi import APIRouter, Request

from sync.server.context import CurrentActor, DbDep, state
from sync.server.numbers import service
from sync.server.numbers.schemas import ReserveRequest, ReserveResponse

router = APIRouter(prefix="/v1", tags=["sync"])


@router.post("/numbers/reserve", response_model=ReserveResponse)
def reserve_numbers(body: ReserveRequest, who: CurrentActor, db: DbDep, request: Request) -> ReserveResponse:
    """Reserve a block of case numbers for a committee and year; blocks never overlap city-wide.

    Only for committees the account numbers cases for; at most ``numbers_per_day`` per committee
    in 24 hours (a block is cut short to what is left; 409 ``number_cap`` when nothing is)."""
    return service.reserve(db, who, body, state(request).settings.numbers_per_day)
