"""Form drafts (草稿): what was typed but not saved, kept in the store's local-only ``drafts`` table.

The store is encrypted when it has a key, so drafts — often a party's name, ID number and the story
of a dispute — are too; plain files in the data folder were not. A draft write is one small UPSERT
in its own transaction: SQLite commits it atomically (a crash or power cut leaves the old draft or
the new one, never half).

Forms write drafts from the GUI thread every few seconds. A long write elsewhere (an import, a sync
page) holds SQLite's write lock, so a draft write waits at most :data:`BUSY_MS` and otherwise reports
that the store was busy: the form keeps the draft pending and tries again on its next tick, instead
of freezing the window for the store's usual 5 s busy timeout.

Drafts left as JSON files in ``<data>/drafts/`` by an older version are imported once (the newer of
file and row wins) and the files deleted.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, delete, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.exc import OperationalError

from advisor_app.domain.models import Draft
from advisor_app.store import Store

log = logging.getLogger(__name__)

BUSY_MS = 100  # longest a draft write waits for another writer (the GUI thread must not freeze)
DISCARD_BUSY_MS = 1000  # a discard follows a save the user waited for; worth a little longer


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"草稿中有无法保存的值：{type(value).__name__}")


def _plain(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` as JSON would give it back (dates as ISO text), so load() returns what was saved."""
    return json.loads(json.dumps(data, ensure_ascii=False, default=_default))


def kind_of(key: str) -> str:
    return key.split("-", 1)[0][:32]


class Drafts:
    """The drafts of one store, one row per form (``key``, e.g. ``consultation-new``)."""

    def __init__(self, store: Store):
        self.store = store
        self.folder = Path(store.data_dir) / "drafts"  # where older versions kept draft files
        if self.folder.is_dir():
            import_files(store)

    @contextmanager
    def _connection(self, busy_ms: int) -> Iterator[Connection]:
        with self.store.engine.connect() as conn:
            usual = conn.exec_driver_sql("PRAGMA busy_timeout").scalar()
            conn.exec_driver_sql(f"PRAGMA busy_timeout={int(busy_ms)}")
            try:
                yield conn
            finally:
                conn.rollback()
                conn.exec_driver_sql(f"PRAGMA busy_timeout={int(usual or 0)}")

    def save(self, key: str, data: dict[str, Any]) -> bool:
        """Keep ``data`` as the draft of ``key``; False when the store was busy (try again later)."""
        row = {
            "key": key,
            "kind": kind_of(key),
            "payload": _plain(data),
            "saved_at": datetime.now(UTC).replace(tzinfo=None),
        }
        stmt = insert(Draft).values(**row)
        stmt = stmt.on_conflict_do_update(
            index_elements=[Draft.key],
            set_={"payload": stmt.excluded.payload, "saved_at": stmt.excluded.saved_at},
        )
        try:
            with self._connection(BUSY_MS) as conn:
                conn.execute(stmt)
                conn.commit()
        except OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc):
                raise
            log.info("draft write deferred: the store is busy")
            return False
        return True

    def _row(self, key: str) -> Any:
        with self.store.engine.connect() as conn:
            found = conn.execute(select(Draft.payload, Draft.saved_at).where(Draft.key == key)).first()
        return found

    def load(self, key: str) -> dict[str, Any] | None:
        """The draft's fields, or None when there is none (or it cannot be read)."""
        try:
            row = self._row(key)
        except (OperationalError, ValueError):
            return None
        payload = row.payload if row is not None else None
        return payload if isinstance(payload, dict) else None

    def saved_at(self, key: str) -> str | None:
        """When the draft was written, local time, ``YYYY-MM-DDTHH:MM:SS``."""
        row = self._row(key)
        if row is None or row.saved_at is None:
            return None
        return (
            row.saved_at.replace(tzinfo=UTC).astimezone().replace(tzinfo=None).isoformat(timespec="seconds")
        )

    def discard(self, key: str) -> None:
        try:
            with self._connection(DISCARD_BUSY_MS) as conn:
                conn.execute(delete(Draft).where(Draft.key == key))
                conn.commit()
        except OperationalError:
            log.warning("draft discard failed: the store is busy")

    def keys(self) -> list[str]:
        with self.store.engine.connect() as conn:
            return list(conn.execute(select(Draft.key).order_by(Draft.key)).scalars())


def import_files(store: Store) -> int:
    """Move draft files of an older version into the table (once) and delete them; how many moved."""
    folder = Path(store.data_dir) / "drafts"
    if not folder.is_dir():
        return 0
    moved = 0
    for path in sorted(folder.glob("*.json")):
        try:
            content = json.loads(path.read_text(encoding="utf-8"))
            key, data = str(content["key"]), content["data"]
            saved = datetime.fromisoformat(content.get("saved_at") or "1970-01-01T00:00:00")
        except (OSError, ValueError, KeyError, TypeError):
            path.unlink(missing_ok=True)  # unreadable: nothing to offer back, and it must not stay plain
            continue
        if not isinstance(data, dict):
            path.unlink(missing_ok=True)
            continue
        # The files held local time; the table holds UTC.
        saved_utc = (saved if saved.tzinfo else saved.astimezone()).astimezone(UTC).replace(tzinfo=None)
        with store.engine.begin() as conn:
            have = conn.execute(select(Draft.saved_at).where(Draft.key == key)).scalar()
            if have is None or have < saved_utc:
                stmt = insert(Draft).values(key=key, kind=kind_of(key), payload=data, saved_at=saved_utc)
                conn.execute(
                    stmt.on_conflict_do_update(
                        index_elements=[Draft.key],
                        set_={"payload": stmt.excluded.payload, "saved_at": stmt.excluded.saved_at},
                    )
                )
                moved += 1
        path.unlink(missing_ok=True)
    for leftover in folder.glob(".draft-*.tmp"):
        leftover.unlink(missing_ok=True)
    try:
        folder.rmdir()
    except OSError:
        pass  # something else is in there; leave it
    if moved:
        log.info("imported %d draft files into the store", moved)
    return moved
