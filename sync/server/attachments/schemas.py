"""Response bodies of /v1/attachments."""

from __future__ import annotations

from pydantic import BaseModel


class UploadStatus(BaseModel):
    sha256: str
    received: int
    complete: bool
