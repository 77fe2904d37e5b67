"""SQL of stored blobs and of the attachment records that refer to them."""

from __future__ import annotations

from sqlalchemy import Connection, select

from sync.server.db import Blob, Record


def add_blob(conn: Connection, sha256: str, size: int, account_id: int) -> None:
    """Remember a stored file (the first uploader is kept)."""
    exists = conn.execute(select(Blob.sha256).where(Blob.sha256 == sha256)).first()
    if exists is None:
        conn.execute(Blob.__table__.insert().values(sha256=sha256, size=size, account_id=account_id))


def referring_scopes(conn: Connection, sha256: str) -> list[str]:
    """Scopes of the live attachment records naming this file."""
    return list(
        conn.execute(
            select(Record.scope).where(
                Record.sha256 == sha256, Record.kind == "attachments", Record.deleted.is_(False)
            )
        ).scalars()
    )
