"""Alembic migrations of the local store, run programmatically (no alembic.ini needed).

Opening a store that is already at head must stay cheap (it is on the app's start-up path), so the
head is read from the migration file names (``NNNN_*.py``, numbered in order; a test checks that
this agrees with Alembic) and the current revision with one SELECT; Alembic itself is imported
only when an upgrade is due. SQLAlchemy too is imported inside the functions that take an engine:
the head is also what ``store.direct`` (the driver alone) compares a store with.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from advisor_app.store.backup import backup_file

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Engine

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_NUMBERED = re.compile(r"^(\d{4})_\w+\.py$")


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def revisions() -> list[str]:
    """Every revision id, oldest first."""
    names = (_NUMBERED.match(p.name) for p in (MIGRATIONS / "versions").iterdir())
    return sorted(m.group(1) for m in names if m)


def head_revision() -> str:
    return revisions()[-1]


def current_revision(engine: Engine) -> str | None:
    from advisor_app.store.plain_sql import driver

    with engine.connect() as conn:
        return revision_of(driver(conn))


def revision_of(conn: Any) -> str | None:
    """The store's Alembic revision read on a DB-API connection (the engine's or the CLI's direct
    store's); sqlite_master rather than SQLAlchemy's inspector: no reflection machinery at start-up."""
    known = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
    ).fetchone()
    if known is None:
        return None
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def upgrade(
    engine: Engine, db_path: Path, revision: str = "head", *, key: bytes | None = None
) -> Path | None:
    """Bring the store to ``revision``; back the file up first when it already holds a schema.

    Returns the backup's path, if one was made.
    """
    current = current_revision(engine)
    target = head_revision() if revision == "head" else revision
    if current == target:
        return None
    backup = None
    if current is not None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")  # pc-time: a file name on this PC
        backup = backup_file(db_path, db_path.parent / "backups" / f"升级前-{stamp}-{current}.db", key=key)
    from alembic import command

    command.upgrade(alembic_config(engine), revision)
    return backup
