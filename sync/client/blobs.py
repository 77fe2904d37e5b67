"""Attachment files by SHA-256: upload before the record, download after it; both resume."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import Connection, select

from advisor_app.domain.models import Attachment
from sync.client.errors import SyncError
from sync.client.transport import Transport

CHUNK = 1024 * 1024


def blob_path(data_dir: Path, sha: str) -> Path:
    return data_dir / "attachments" / sha[:2] / sha


def upload(transport: Transport, data_dir: Path, sha: str, chunk: int = CHUNK) -> bool:
    """Send the file from where the server stands; False when this device does not have it."""
    path = blob_path(data_dir, sha)
    if not path.exists():
        return False
    total = path.stat().st_size
    status = transport.json("GET", f"/v1/attachments/{sha}/status")
    received = status["received"]
    with path.open("rb") as fh:
        while not status["complete"]:
            transport.check_cancel()
            fh.seek(received)
            data = fh.read(chunk)
            try:
                status = transport.json_raw_put(f"/v1/attachments/{sha}", data, offset=received, total=total)
            except SyncError as exc:
                if exc.code == "wrong_offset" and isinstance(exc.details, dict):
                    received = int(exc.details["received"])  # an earlier reply was lost: go on from there
                    continue
                raise
            received = status["received"]
    return True


def missing(conn: Connection, data_dir: Path) -> list[str]:
    shas = conn.execute(select(Attachment.sha256).where(Attachment.deleted.is_(False)).distinct()).scalars()
    return [s for s in shas if not blob_path(data_dir, s).exists()]


def download(transport: Transport, data_dir: Path, sha: str) -> bool:
    """Fetch one file, resuming a part file with a Range request; False when the server lacks it."""
    target = blob_path(data_dir, sha)
    part = target.with_suffix(".part")
    target.parent.mkdir(parents=True, exist_ok=True)
    have = part.stat().st_size if part.exists() else 0
    headers = {"Range": f"bytes={have}-"} if have else {}
    try:
        response = transport.request("GET", f"/v1/attachments/{sha}", headers=headers, ok=(200, 206))
    except SyncError as exc:
        if exc.status == 404:
            return False
        raise
    mode = "ab" if response.status_code == 206 else "wb"
    with part.open(mode) as fh:
        fh.write(response.content)
    digest = hashlib.sha256()
    with part.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    if digest.hexdigest() != sha:
        part.unlink(missing_ok=True)
        raise SyncError("下载的附件与其 SHA-256 不符，已丢弃，下次同步重新下载", code="hash_mismatch")
    part.replace(target)
    return True
