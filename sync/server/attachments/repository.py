"""SQL of stored blobs, of who uploaded them, and of the attachment records that refer to them."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import Connection, select
from sqlalchemy.dialects import postgresql, sqlite

from sync.server.db import Blob, BlobUploader, Record, utcnow


def _insert(conn: Connection):  # noqa: ANN202
    return postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert


def add_blob(conn: Connection, sha256: str, size: int, account_id: int) -> None:
    """Remember a stored file and that this account uploaded its bytes (two uploads may race)."""
    now = utcnow()
    insert = _insert(conn)
    conn.execute(
        insert(Blob)
        .values(sha256=sha256, size=size, account_id=account_id, created_at=now)
        .on_conflict_do_nothing()
    )
    conn.execute(
        insert(BlobUploader)
        .values(sha256=sha256, account_id=account_id, created_at=now)
        .on_conflict_do_nothing()
    )


def blob_sizes(conn: Connection, shas: Collection[str]) -> dict[str, int]:
    """Size of each of these files the server holds."""
    if not shas:
        return {}
    return dict(conn.execute(select(Blob.sha256, Blob.size).where(Blob.sha256.in_(sorted(shas)))).all())


def uploaded_by(conn: Connection, shas: Collection[str], account_id: int) -> set[str]:
    """Which of these files this account uploaded."""
    if not shas:
        return set()
    return set(
        conn.execute(
            select(BlobUploader.sha256).where(
                BlobUploader.account_id == account_id, BlobUploader.sha256.in_(sorted(shas))
            )
        ).scalars()
    )


def referring_scopes(conn: Connection, shas: Collection[str]) -> dict[str, set[str]]:
    """sha256 -> scopes of the live attachment records naming it."""
    if not shas:
        return {}
    found: dict[str, set[str]] = {}
    rows = conn.execute(
        select(Record.sha256, Record.scope).where(
            Record.sha256.in_(sorted(shas)), Record.kind == "attachments", Record.deleted.is_(False)
        )
    )
    for sha, scope in rows:
        if sha is not None:  # never None under the IN filter; the column itself is nullable
            found.setdefault(sha, set()).add(scope)
    return found
