"""Online backup and restore of the store (SQLite backup API: consistent while the app runs)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

MARKER_TABLES = {"alembic_version", "consultations", "cases", "settings"}


class NotAStoreError(ValueError):
    """The file is not a 乡村法律服务工作台 store."""


def backup_file(source: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        with dst:
            src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


def check_store_file(path: Path) -> None:
    """Raise :class:`NotAStoreError` unless ``path`` is an intact SQLite store of ours."""
    if not path.is_file():
        raise NotAStoreError(f"文件不存在：{path}")
    with path.open("rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            raise NotAStoreError("不是 SQLite 数据库文件")
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not MARKER_TABLES <= tables:
            raise NotAStoreError("不是本软件的数据文件（缺少数据表）")
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise NotAStoreError("数据文件已损坏（完整性检查未通过）")
    except sqlite3.DatabaseError as exc:
        raise NotAStoreError(f"无法读取数据文件：{exc}") from exc
    finally:
        conn.close()


def restore_file(source: Path, target: Path) -> None:
    """Replace the store at ``target`` with ``source`` after checking it; the old one is kept aside."""
    check_store_file(source)
    if target.exists():
        backup_file(target, target.with_suffix(".before-restore.db"))
    backup_file(source, target)
