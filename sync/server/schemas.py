"""Request and response bodies of the HTTP API (they make the OpenAPI schema)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from sync.protocol.wire import MAX_BATCH


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LoginRequest(Strict):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=256)
    device_id: str = Field(min_length=1, max_length=64, description="the installation's device id")
    device_name: str = Field(default="", max_length=128)


class AccountInfo(BaseModel):
    username: str
    role: str
    regions: list[str]


class LoginResponse(BaseModel):
    token: str
    expires_at: str
    account: AccountInfo


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
    changes: dict[str, dict[str, Any]]


class TableCheck(BaseModel):
    count: int
    digest: str


class SummaryResponse(BaseModel):
    seq: int
    tables: dict[str, TableCheck]


class ReserveRequest(Strict):
    committee_id: str = Field(min_length=36, max_length=36)
    year: int = Field(ge=2000, le=2100)
    size: int = Field(default=100, ge=1, le=1000)


class ReserveResponse(BaseModel):
    committee_id: str
    year: int
    first: int
    last: int


class ConflictOut(BaseModel):
    id: int
    kind: str
    record_id: str
    rev: int
    base_rev: int
    server_rev: int | None
    reason: str
    device_id: str
    deleted: bool
    payload: dict[str, Any]
    created_at: str


class UploadStatus(BaseModel):
    sha256: str
    received: int
    complete: bool


class RegionOut(BaseModel):
    code: str
    name: str
    level: str
    parent_code: str | None


class Health(BaseModel):
    status: str
    database: str
    protocol: int
