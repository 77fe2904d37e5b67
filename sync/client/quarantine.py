"""隔离: pulled revisions this device cannot apply, set aside so one bad record never stops a sync.

A row the shared field schema refuses (``sync.protocol.row_problems``) or the local database will
not take is kept in ``sync_quarantine`` with its reason and the wire row as received; the rest of the
page is applied and the cursor moves on. A later revision of the record that applies replaces it
(the entry is dropped). The post-sync check counts a quarantined revision as held, so quarantine
never turns into a re-pull on every sync.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, delete, select

from advisor_app.domain.models import SyncQuarantine, utcnow

# Counting and listing are read by `advisor sync-status` without the models: they live there.
from sync.client.local_status import Quarantined, chunks
from sync.client.local_status import quarantine_count as count
from sync.client.local_status import quarantine_listing as listing

__all__ = ["TABLE", "Quarantined", "clear", "count", "held", "key_of", "listing", "put", "release"]

TABLE = SyncQuarantine.__table__


def key_of(row: dict[str, Any]) -> tuple[str, int]:
    """(record id, rev) to file a row under, even when the row's own are malformed."""
    rid = row.get("id")
    rev = row.get("rev")
    if type(rid) is not str:
        rid = json.dumps(rid, ensure_ascii=False, default=str)
    return rid[:36], rev if type(rev) is int and 0 <= rev < 2**31 else 0


def put(conn: Connection, kind: str, row: dict[str, Any], problems: dict[str, str]) -> None:
    """Set ``row`` aside (replacing an older entry of the same record)."""
    rid, rev = key_of(row)
    field = next(iter(problems), None)
    reason = "；".join(problems.values())[:2000]
    text = json.dumps(row, ensure_ascii=False, default=str)
    conn.exec_driver_sql(
        "INSERT INTO sync_quarantine (kind, record_id, rev, field, reason, row, quarantined_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(kind, record_id) DO UPDATE SET rev=excluded.rev,"
        " field=excluded.field, reason=excluded.reason, row=excluded.row,"
        " quarantined_at=excluded.quarantined_at",
        (kind, rid, rev, field, reason, text, utcnow().strftime("%Y-%m-%d %H:%M:%S.%f")),
    )


def release(conn: Connection, kind: str, ids: Iterable[str]) -> None:
    """A revision of these records applied: their quarantined versions are superseded."""
    for chunk in chunks(list(ids)):
        conn.execute(delete(TABLE).where(TABLE.c.kind == kind, TABLE.c.record_id.in_(chunk)))


def clear(conn: Connection) -> None:
    conn.execute(delete(TABLE))


def held(conn: Connection, kind: str) -> dict[str, int]:
    """Record id -> quarantined revision, for the post-sync check (the revision counts as held)."""
    return dict(conn.execute(select(TABLE.c.record_id, TABLE.c.rev).where(TABLE.c.kind == kind)).all())
