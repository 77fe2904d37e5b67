"""Response bodies of /v1/conflicts."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel


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
