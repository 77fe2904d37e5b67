"""/v1/attachments: upload status, resumable upload, download."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import FileResponse
from starlette.concurrency import run_in_threadpool

from sync.server.attachments import service
from sync.server.attachments.schemas import UploadStatus
from sync.server.context import CurrentActor, DbDep, state

router = APIRouter(prefix="/v1/attachments", tags=["attachments"])
ShaParam = Annotated[
    str, PathParam(pattern=r"^[0-9a-f]{64}$", description="SHA-256 of the file, lower-case hex")
]


@router.get("/{sha256}/status", response_model=UploadStatus)
def upload_status(sha256: ShaParam, who: CurrentActor, request: Request, db: DbDep) -> UploadStatus:
    """How much of the file the server holds for this account (complete only when it knows the file)."""
    return service.status(db, state(request).settings, sha256, who)


@router.put("/{sha256}", response_model=UploadStatus)
async def upload_chunk(
    sha256: ShaParam,
    who: CurrentActor,
    request: Request,
    db: DbDep,
    offset: Annotated[int, Query(ge=0, le=2**40)],
    total: Annotated[int, Query(ge=1, le=2**40, description="size of the whole file in bytes")],
) -> UploadStatus:
    """Append the body (application/octet-stream) at ``offset``; complete when ``total`` is reached."""
    settings = state(request).settings
    done = await run_in_threadpool(service.check_upload, db, settings, sha256, who, offset, total)
    if done is not None:
        return done
    chunk = await request.body()
    # File writes, hashing and the database are blocking: off the event loop.
    return await run_in_threadpool(service.append_chunk, db, settings, sha256, who, offset, total, chunk)


@router.get("/{sha256}", response_class=FileResponse)
def download(sha256: ShaParam, who: CurrentActor, request: Request, db: DbDep) -> FileResponse:
    """The file, when an attachment record in this account's scope refers to it."""
    path = service.readable_file(db, state(request).settings, sha256, who)
    return FileResponse(path, media_type="application/octet-stream")
