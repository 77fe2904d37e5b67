"""Attachment files by SHA-256: resumable upload in chunks, download within scope.

A device sends ``PUT /v1/attachments/{sha256}?offset=N&total=T`` with the next chunk; the server
appends it to a part file of that account and, when ``total`` bytes are there, checks the hash and
moves the file into the blob store. After an interruption the device asks for the status and
continues from ``received``.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import FileResponse
from sqlalchemy import select

from sync.server.changes import Actor
from sync.server.context import CurrentActor, state
from sync.server.database import writer
from sync.server.db import Blob, Record
from sync.server.errors import ApiError
from sync.server.schemas import UploadStatus

log = logging.getLogger("advisor_server.attachments")
router = APIRouter(prefix="/v1/attachments", tags=["attachments"])
SHA = re.compile(r"^[0-9a-f]{64}$")
ShaParam = Annotated[
    str, PathParam(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the file, lower-case hex")
]


def _paths(request: Request, sha: str, who: Actor) -> tuple[Path, Path]:
    root = state(request).settings.data_dir / "blobs"
    return root / sha[:2] / sha, root / "parts" / f"{sha}.{who.account_id}.part"


def _status(request: Request, sha: str, who: Actor) -> UploadStatus:
    final, part = _paths(request, sha, who)
    if final.exists():
        return UploadStatus(sha256=sha, received=final.stat().st_size, complete=True)
    return UploadStatus(sha256=sha, received=part.stat().st_size if part.exists() else 0, complete=False)


@router.get("/{sha256}/status", response_model=UploadStatus)
def upload_status(sha256: ShaParam, who: CurrentActor, request: Request) -> UploadStatus:
    return _status(request, sha256, who)


@router.put("/{sha256}", response_model=UploadStatus)
async def upload_chunk(
    sha256: ShaParam,
    who: CurrentActor,
    request: Request,
    offset: Annotated[int, Query(ge=0, le=2**40)],
    total: Annotated[int, Query(ge=1, le=2**40, description="size of the whole file in bytes")],
) -> UploadStatus:
    """Append the body (application/octet-stream) at ``offset``; complete when ``total`` is reached."""
    settings = state(request).settings
    if total > settings.max_attachment:
        raise ApiError(
            413, "attachment_too_large", f"附件超过上限（{settings.max_attachment // (1024 * 1024)} MB）"
        )
    now = _status(request, sha256, who)
    if now.complete:
        return now
    if offset != now.received:
        raise ApiError(
            409, "wrong_offset", f"续传位置应为 {now.received}", details={"received": now.received}
        )
    chunk = await request.body()
    if offset + len(chunk) > total:
        raise ApiError(422, "beyond_total", "上传的数据超过了声明的文件大小")
    final, part = _paths(request, sha256, who)
    part.parent.mkdir(parents=True, exist_ok=True)
    with part.open("ab") as fh:
        fh.write(chunk)
        fh.flush()
        os.fsync(fh.fileno())
    received = offset + len(chunk)
    if received < total:
        return UploadStatus(sha256=sha256, received=received, complete=False)
    digest = hashlib.sha256()
    with part.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    if digest.hexdigest() != sha256:
        part.unlink(missing_ok=True)
        raise ApiError(422, "hash_mismatch", "文件内容与 SHA-256 不符，已丢弃，请重新上传")
    final.parent.mkdir(parents=True, exist_ok=True)
    os.replace(part, final)
    with writer(settings_engine(request)) as conn:
        exists = conn.execute(select(Blob.sha256).where(Blob.sha256 == sha256)).first()
        if exists is None:
            conn.execute(Blob.__table__.insert().values(sha256=sha256, size=total, account_id=who.account_id))
    log.info("attachment stored", extra={"account_id": who.account_id, "size": total})
    return UploadStatus(sha256=sha256, received=total, complete=True)


def settings_engine(request: Request):  # noqa: ANN201
    return state(request).engine


@router.get("/{sha256}", response_class=FileResponse)
def download(sha256: ShaParam, who: CurrentActor, request: Request) -> FileResponse:
    """The file, when an attachment record in this account's scope refers to it."""
    final, _part = _paths(request, sha256, who)
    with state(request).engine.connect() as conn:
        scopes = (
            conn.execute(
                select(Record.scope).where(
                    Record.sha256 == sha256, Record.kind == "attachments", Record.deleted.is_(False)
                )
            )
            .scalars()
            .all()
        )
    if not final.exists() or not any(who.scope.can_read("attachments", s) for s in scopes):
        raise ApiError(404, "attachment_not_found", "附件不存在或不在本账号的区域内")
    return FileResponse(final, media_type="application/octet-stream")
