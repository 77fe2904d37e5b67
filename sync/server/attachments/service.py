"""Attachment files by SHA-256, by proof: resumable upload in chunks, download within scope.

A device sends ``PUT /v1/attachments/{sha256}?offset=N&total=T`` with the next chunk; the server
appends it to a part file of that account and, when ``total`` bytes are there, checks the hash and
moves the file into the blob store. After an interruption the device asks for the status and
continues from ``received``.

Knowing a SHA-256 is not having the file. An account *knows* a file when it uploaded its bytes
(``blob_uploaders``) or can read it: a live attachment record in its scope names it. Only a
reader may download; only a knower may push an attachment record naming the file (with the
stored size; ``changes.service``). ``status`` and ``PUT`` answer a non-knower as if the server had
never seen the file: the bytes are required, verified, and only then is the account recorded as an
uploader. So deduplication saves disk, never the proof, and is no oracle.
"""

from __future__ import annotations

import hashlib
import logging
import os
from pathlib import Path

from sqlalchemy import Connection

from sync.server.attachments import repository
from sync.server.attachments.schemas import UploadStatus
from sync.server.auth.service import Actor
from sync.server.context import Settings
from sync.server.database import Db
from sync.server.errors import ApiError

log = logging.getLogger("advisor_server.attachments")
NOT_FOUND = "附件不存在或不在本账号的区域内"


def _paths(settings: Settings, sha: str, who: Actor) -> tuple[Path, Path]:
    root = settings.data_dir / "blobs"
    return root / sha[:2] / sha, root / "parts" / f"{sha}.{who.account_id}.part"


def readers_scopes_allow(who: Actor, scopes: set[str]) -> bool:
    return any(who.scope.can_read("attachments", s) for s in scopes)


def knows(conn: Connection, who: Actor, sha: str) -> bool:
    """Uploaded the bytes, or can read the file through a record in scope."""
    if sha in repository.uploaded_by(conn, [sha], who.account_id):
        return True
    return readers_scopes_allow(who, repository.referring_scopes(conn, [sha]).get(sha, set()))


def status(db: Db, settings: Settings, sha: str, who: Actor) -> UploadStatus:
    final, part = _paths(settings, sha, who)
    if final.exists():
        with db.read() as conn:
            known = knows(conn, who, sha)
        if known:
            return UploadStatus(sha256=sha, received=final.stat().st_size, complete=True)
    # Not this account's to know about: only its own partial upload counts.
    return UploadStatus(sha256=sha, received=part.stat().st_size if part.exists() else 0, complete=False)


def check_upload(
    db: Db, settings: Settings, sha: str, who: Actor, offset: int, total: int
) -> UploadStatus | None:
    """Refuse a chunk that cannot be taken; the current status when there is nothing to take."""
    if total > settings.max_attachment:
        raise ApiError(
            413, "attachment_too_large", f"附件超过上限（{settings.max_attachment // (1024 * 1024)} MB）"
        )
    now = status(db, settings, sha, who)
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
    if final.exists():
        part.unlink()  # the same bytes (same SHA-256) are stored already: this upload was the proof
    else:
        final.parent.mkdir(parents=True, exist_ok=True)
        os.replace(part, final)
    with db.write() as conn:
        repository.add_blob(conn, sha, total, who.account_id)
    log.info("attachment stored", extra={"account_id": who.account_id, "size": total})
    return UploadStatus(sha256=sha, received=total, complete=True)


def readable_file(db: Db, settings: Settings, sha: str, who: Actor) -> Path:
    """The stored file, when a live attachment record in this account's scope refers to it."""
    final, _part = _paths(settings, sha, who)
    with db.read() as conn:
        scopes = repository.referring_scopes(conn, [sha]).get(sha, set())
    if not final.exists() or not readers_scopes_allow(who, scopes):
        raise ApiError(404, "attachment_not_found", NOT_FOUND)
    return final


def unproven(conn: Connection, who: Actor, claims: dict[str, set[int]]) -> set[tuple[str, int]]:
    """Of the (sha256, size) pairs a push's attachment records name, those this account may not
    name: the file is not stored at that size, or the account neither uploaded nor can read it."""
    shas = set(claims)
    sizes = repository.blob_sizes(conn, shas)
    mine = repository.uploaded_by(conn, shas, who.account_id)
    unknown = shas - mine
    readable = {
        sha
        for sha, scopes in repository.referring_scopes(conn, unknown).items()
        if readers_scopes_allow(who, scopes)
    }
    bad = set()
    for sha, claimed in claims.items():
        for size in claimed:
            if sizes.get(sha) != size or (sha not in mine and sha not in readable):
                bad.add((sha, size))
    return bad
