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
from pathlib import Path

from sync.server.attachments import repository
from sync.server.attachments.schemas import UploadStatus
from sync.server.auth.service import Actor
from sync.server.context import Settings
from sync.server.database import Db
from sync.server.errors import ApiError

log = logging.getLogger("advisor_server.attachments")


def _paths(settings: Settings, sha: str, who: Actor) -> tuple[Path, Path]:
    root = settings.data_dir / "blobs"
    return root / sha[:2] / sha, root / "parts" / f"{sha}.{who.account_id}.part"


def status(settings: Settings, sha: str, who: Actor) -> UploadStatus:
    final, part = _paths(settings, sha, who)
    if final.exists():
        return UploadStatus(sha256=sha, received=final.stat().st_size, complete=True)
    return UploadStatus(sha256=sha, received=part.stat().st_size if part.exists() else 0, complete=False)


def check_upload(settings: Settings, sha: str, who: Actor, offset: int, total: int) -> UploadStatus | None:
    """Refuse a chunk that cannot be taken; the current status when there is nothing to take."""
    if total > settings.max_attachment:
        raise ApiError(
            413, "attachment_too_large", f"附件超过上限（{settings.max_attachment // (1024 * 1024)} MB）"
        )
    now = status(settings, sha, who)
    if now.complete:
        return now
    if offset != now.received:
        raise ApiError(
            409, "wrong_offset", f"续传位置应为 {now.received}", details={"received": now.received}
        )
    return None


def append_chunk(
    db: Db, settings: Settings, sha: str, who: Actor, offset: int, total: int, chunk: bytes
) -> UploadStatus:
    """Append a chunk at ``offset``; at ``total`` bytes check the hash and store the file."""
    if offset + len(chunk) > total:
        raise ApiError(422, "beyond_total", "上传的数据超过了声明的文件大小")
    final, part = _paths(settings, sha, who)
    part.parent.mkdir(parents=True, exist_ok=True)
    with part.open("ab") as fh:
        fh.write(chunk)
        fh.flush()
        os.fsync(fh.fileno())
    received = offset + len(chunk)
    if received < total:
        return UploadStatus(sha256=sha, received=received, complete=False)
    digest = hashlib.sha256()
    with part.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    if digest.hexdigest() != sha:
        part.unlink(missing_ok=True)
        raise ApiError(422, "hash_mismatch", "文件内容与 SHA-256 不符，已丢弃，请重新上传")
    final.parent.mkdir(parents=True, exist_ok=True)
    os.replace(part, final)
    with db.write() as conn:
        repository.add_blob(conn, sha, total, who.account_id)
    log.info("attachment stored", extra={"account_id": who.account_id, "size": total})
    return UploadStatus(sha256=sha, received=total, complete=True)


def readable_file(db: Db, settings: Settings, sha: str, who: Actor) -> Path:
    """The stored file, when an attachment record in this account's scope refers to it."""
    final, _part = _paths(settings, sha, who)
    with db.read() as conn:
        scopes = repository.referring_scopes(conn, sha)
    if not final.exists() or not any(who.scope.can_read("attachments", s) for s in scopes):
        raise ApiError(404, "attachment_not_found", "附件不存在或不在本账号的区域内")
    return final
