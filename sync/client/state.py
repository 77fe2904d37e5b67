"""Local sync bookkeeping: the pull cursor, the push mark in the change log, per-record states.

A record is *queued* while the change log holds a write of it past the push mark (or the server has
not accepted its current revision), *sent* once the server accepted that revision, *rejected* or in
*conflict* with the server's reason until it is edited again or resolved.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from advisor_app.domain.models import SyncCursor, SyncRecordState, utcnow

# What is queued, refused or in conflict is read with plain SQL in one light module, shared with
# `advisor sync-status` (which must not import the models or the network client).
from sync.client.local_status import (
    CURSOR,
    RETRY_REASONS,
    load_states,
    needs_sending,
    pending_changes,
    problem_counts,
    queued_count,
    queued_records,
    retry_later,
)

__all__ = [
    "CURSOR",
    "RETRY_REASONS",
    "STATES",
    "Cursor",
    "cursor",
    "load_states",
    "needs_sending",
    "pending_changes",
    "problem_counts",
    "queued_count",
    "queued_records",
    "retry_later",
    "save_states",
    "set_cursor",
    "state_row",
]

STATES = SyncRecordState.__table__


@dataclass
class Cursor:
    server: str
    value: int
    push_mark: int
    checked_at: datetime | None


def cursor(conn: Connection, server: str) -> Cursor:
    """The cursor for ``server`` (url|account); a different server or account starts from zero."""
    row = conn.execute(select(SyncCursor).where(SyncCursor.name == CURSOR)).mappings().first()
    if row is None:
        conn.execute(SyncCursor.__table__.insert().values(name=CURSOR, server=server, value=0, push_mark=0))
        return Cursor(server, 0, 0, None)
    if row["server"] != server:
        # Another server or account: pull everything in the new scope; keep the push mark, the
        # change log still says what has never been sent anywhere.
        conn.execute(
            SyncCursor.__table__.update()
            .where(SyncCursor.name == CURSOR)
            .values(server=server, value=0, checked_at=None)
        )
        return Cursor(server, 0, row["push_mark"], None)
    return Cursor(server, row["value"], row["push_mark"], row["checked_at"])


def set_cursor(conn: Connection, **values: Any) -> None:
    conn.execute(SyncCursor.__table__.update().where(SyncCursor.name == CURSOR).values(**values))


_SAVE = (
    "INSERT INTO sync_record_states (kind, record_id, server_rev, state, pushed_rev, reason, message, field, updated_at)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(kind, record_id) DO UPDATE SET server_rev=excluded.server_rev,"
    " state=excluded.state, pushed_rev=excluded.pushed_rev, reason=excluded.reason, message=excluded.message,"
    " field=excluded.field, updated_at=excluded.updated_at"
)


def save_states(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Upsert per-record states (each dict: kind, record_id, server_rev, state, pushed_rev, reason, message, field)."""
    if not rows:
        return
    now = utcnow().strftime("%Y-%m-%d %H:%M:%S.%f")
    conn.exec_driver_sql(
        _SAVE,
        [
            (
                r["kind"],
                r["record_id"],
                r["server_rev"],
                r["state"],
                r["pushed_rev"],
                r["reason"],
                r["message"],
                r["field"],
                now,
            )
            for r in rows
        ],
    )


def state_row(
    kind: str,
    rid: str,
    server_rev: int,
    state: str = "sent",
    pushed_rev: int = 0,
    reason: str | None = None,
    message: str | None = None,
    field: str | None = None,
) -> dict[str, Any]:
    return {
        "kind": kind,
        "record_id": rid,
        "server_rev": server_rev,
        "state": state,
        "pushed_rev": pushed_rev,
        "reason": reason,
        "message": message,
        "field": field,
    }
