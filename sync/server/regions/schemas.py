"""Response bodies of /v1/regions."""

from __future__ import annotations

from pydantic import BaseModel


class RegionOut(BaseModel):
    code: str
    name: str
    level: str
    parent_code: str | None
