"""Request and response bodies of /v1/numbers."""

from __future__ import annotations

from pydantic import BaseModel, Field

from sync.server.schemas import Strict


class ReserveRequest(Strict):
    committee_id: str = Field(min_length=36, max_length=36)
    year: int = Field(ge=2000, le=2100)
    size: int = Field(default=100, ge=1, le=1000)


class ReserveResponse(BaseModel):
    committee_id: str
    year: int
    first: int
    last: int
