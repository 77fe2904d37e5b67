"""Shared bases of the HTTP bodies (each domain keeps its own in ``<domain>/schemas.py``) and /health."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Health(BaseModel):
    status: str
    database: str
    protocol: int
