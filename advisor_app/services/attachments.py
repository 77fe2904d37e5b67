"""Attachments: files kept once by SHA-256 under the data folder, linked to records."""

from __future__ import annotations

import hashlib
import mimetypes
from pathlib import Path

from advisor_app.domain.models import Attachment
from advisor_app.store import Store

MAX_BYTES = 50 * 1024 * 1024


def blob_path(store: Store, sha256: str) -> Path:
    return store.attachments_dir / sha256[:2] / sha256


def add_file(store: Store, path: Path, target_kind: str, target_id: str, purpose: str = "其他") -> Attachment:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ValueError(f"附件过大（{size // 1024 // 1024} MB），上限 {MAX_BYTES // 1024 // 1024} MB")
    return add_bytes(store, path.read_bytes(), path.name, target_kind, target_id, purpose)


def add_bytes(
    store: Store, data: bytes, filename: str, target_kind: str, target_id: str, purpose: str
) -> Attachment:
    sha = hashlib.sha256(data).hexdigest()
    target = blob_path(store, sha)
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".part")
        tmp.write_bytes(data)
        tmp.replace(target)
    mime = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    with store.session() as session:
        attachment = Attachment(
            sha256=sha,
            filename=filename,
            mime=mime,
            size=len(data),
            target_kind=target_kind,
            target_id=target_id,
            purpose=purpose,
        )
        session.add(attachment)
    return attachment
