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
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, func, select

from advisor_app.domain import record_kinds
from advisor_app.domain.models import SyncQuarantine, utcnow
from sync.client.records import chunks

TABLE = SyncQuarantine.__table__


@dataclass
class Quarantined:
    kind: str
    record_id: str
    rev: int
    field: str | None
    reason: str
    quarantined_at: Any

    @property
    def kind_label(self) -> str:
        return record_kinds.name_of(self.kind)


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


def count(conn: Connection) -> int:
    return conn.execute(select(func.count()).select_from(TABLE)).scalar_one()


def listing(conn: Connection, limit: int = 500) -> list[Quarantined]:
    rows = conn.execute(
        select(
            TABLE.c.kind,
            TABLE.c.record_id,
            TABLE.c.rev,
            TABLE.c.field,
            TABLE.c.reason,
            TABLE.c.quarantined_at,
        )
        .order_by(TABLE.c.quarantined_at.desc(), TABLE.c.kind, TABLE.c.record_id)
        .limit(limit)
    ).all()
    return [Quarantined(*row) for row in rows]
