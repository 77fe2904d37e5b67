"""Request and response bodies of /v1/changes and /v1/summary."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from sync.protocol.wire import MAX_BATCH
from sync.server.schemas import Strict


class Columns(Strict):
    """Changes of one kind: field names once, then one row of values per record."""

    fields: list[str] = Field(max_length=200)
    rows: list[list[Any]] = Field(max_length=MAX_BATCH)


class PushRequest(Strict):
    changes: dict[str, Columns] = Field(description="record kind -> columnar changes")


class Problem(BaseModel):
    kind: str
    id: str
    rev: int
    status: str  # conflict / rejected
    reason: str
    message: str
    server_rev: int | None = None


class PushResponse(BaseModel):
    accepted: int
    duplicates: int
    conflicts: int
    rejected: int
    problems: list[Problem]
    seq: int


class PullResponse(BaseModel):
    cursor: int
    more: bool
    count: int
    skipped: int = Field(
        default=0, description="stored rows of this page the server could not serve (left out, logged)"
    )
    changes: dict[str, dict[str, Any]]


class TableCheck(BaseModel):
    count: int
    digest: str


class SummaryResponse(BaseModel):
    seq: int
    check: str | None = Field(
        default=None, description="protocol 2: xor64 (sync.protocol.table_check); absent in protocol 1"
    )
    tables: dict[str, TableCheck]
