"""Online backup and restore of the store (SQLite backup API: consistent while the app runs).

An encrypted store's backups are encrypted with the same key (SQLCipher copies pages between two
connections keyed alike); a plain backup restored into an installation with a key is encrypted
when the store is next opened.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from advisor_app.store import crypto

MARKER_TABLES = {"alembic_version", "consultations", "cases", "settings"}


class NotAStoreError(ValueError):
    """The file is not a 乡村法律服务工作台 store."""


def backup_file(source: Path, target: Path, *, key: bytes | None = None) -> Path:
    """Copy the store at ``source`` to ``target`` (``key``: the source's SQLCipher key, if any)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove(target)
    src = crypto.connect(source, key)
    dst = crypto.connect(target, key)
    try:
        with dst:
            src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def check_store_file(path: Path, *, key: bytes | None = None) -> None:
    """Raise :class:`NotAStoreError` unless ``path`` is an intact store of ours (readable with ``key``)."""
    if not path.is_file():
        raise NotAStoreError(f"文件不存在：{path}")
    encrypted = crypto.is_encrypted(path)
    if encrypted and key is None:
        raise NotAStoreError("不是 SQLite 数据库文件（或是加密的数据文件，而本机没有它的密钥）")
    conn = crypto.connect(path, key if encrypted else None)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not MARKER_TABLES <= tables:
            raise NotAStoreError("不是本软件的数据文件（缺少数据表）")
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise NotAStoreError("数据文件已损坏（完整性检查未通过）")
    except (sqlite3.DatabaseError, _cipher_error()) as exc:
        message = "加密的数据文件，密钥不符" if encrypted else f"无法读取数据文件：{exc}"
        raise NotAStoreError(message) from exc
    finally:
        conn.close()


def restore_file(source: Path, target: Path, *, key: bytes | None = None) -> None:
    """Replace the store at ``target`` with ``source`` after checking it; the old one is kept aside.

    ``key`` is this installation's store key: an encrypted backup must have been made with it.
    """
    check_store_file(source, key=key)
    if target.exists():
        backup_file(
            target, target.with_suffix(".before-restore.db"), key=key if crypto.is_encrypted(target) else None
        )
    backup_file(source, target, key=key if crypto.is_encrypted(source) else None)


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def _cipher_error() -> type[Exception]:
    try:
        import sqlcipher3

        return sqlcipher3.DatabaseError
    except ImportError:  # pragma: no cover - the dependency is declared
        return sqlite3.DatabaseError
