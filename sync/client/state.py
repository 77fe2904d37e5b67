"""Local sync bookkeeping: the pull cursor, the push mark in the change log, per-record states.

A record is *queued* while the change log holds a write of it past the push mark (or the server has
not accepted its current revision), *sent* once the server accepted that revision, *rejected* or in
*conflict* with the server's reason until it is edited again or resolved.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select

from advisor_app.domain.models import SYNCABLE, ChangeLog, SyncConflict, SyncCursor, SyncRecordState, utcnow
from sync.client.records import chunks

CURSOR = "changes"
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


def pending_changes(conn: Connection, after: int) -> tuple[dict[str, list[str]], int]:
    """Records written since the push mark, by kind in log order, and the highest log seq seen."""
    high = conn.execute(select(func.max(ChangeLog.seq))).scalar() or 0
    out: dict[str, list[str]] = {}
    if high <= after:
        return out, high
    seen: set[tuple[str, str]] = set()
    rows = conn.execute(
        select(ChangeLog.table_name, ChangeLog.record_id)
        .where(ChangeLog.seq > after, ChangeLog.seq <= high)
        .order_by(ChangeLog.seq)
    )
    for kind, rid in rows:
        if (kind, rid) not in seen:
            seen.add((kind, rid))
            out.setdefault(kind, []).append(rid)
    return out, high


# Refusals that may pass by themselves: the parent arrives, the file gets uploaded (the upload
# runs before each batch, so an attachment record sent again brings its file along).
RETRY_REASONS = ("parent_missing", "attachment_unproven")


def retry_later(conn: Connection) -> dict[str, list[str]]:
    """Records the server refused for a reason that may pass by itself (the parent arrives later)."""
    out: dict[str, list[str]] = {}
    for kind, rid in conn.execute(
        select(STATES.c.kind, STATES.c.record_id).where(
            STATES.c.state == "rejected", STATES.c.reason.in_(RETRY_REASONS)
        )
    ):
        out.setdefault(kind, []).append(rid)
    return out


def load_states(conn: Connection, kind: str, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    out = {}
    for chunk in chunks(list(ids)):
        for row in conn.execute(
            select(STATES).where(STATES.c.kind == kind, STATES.c.record_id.in_(chunk))
        ).mappings():
            out[row["record_id"]] = dict(row)
    return out


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


def needs_sending(rev: int, st: dict[str, Any] | None) -> bool:
    """Whether a record at local revision ``rev`` goes up in the next push (one rule for the push
    and for the 待发送 count, so the count is what the next sync sends)."""
    if st is None:
        return True
    if st["server_rev"] == rev:
        return False  # the server has this revision (a resumed sync)
    # judged already; sent again only after a new edit or a resolution (a missing parent may arrive)
    return not (
        st["state"] in ("rejected", "conflict")
        and st["pushed_rev"] == rev
        and st["reason"] not in RETRY_REASONS
    )


def queued_records(conn: Connection) -> dict[str, list[str]]:
    """Records the next push will send, by kind: the change log past the push mark plus refusals
    that may pass by themselves, less what the server already holds or has judged."""
    row = conn.execute(select(SyncCursor.push_mark).where(SyncCursor.name == CURSOR)).first()
    queued, _high = pending_changes(conn, row[0] if row else 0)
    for kind, ids in retry_later(conn).items():
        have = set(queued.get(kind, []))
        queued.setdefault(kind, []).extend(i for i in ids if i not in have)
    out: dict[str, list[str]] = {}
    for kind, ids in queued.items():
        model = SYNCABLE.get(kind)
        if model is None:
            continue
        table = model.__table__
        revs: dict[str, int] = {}
        for chunk in chunks(ids):
            revs.update(conn.execute(select(table.c.id, table.c.rev).where(table.c.id.in_(chunk))).all())
        known = load_states(conn, kind, ids)
        send = [rid for rid in ids if rid in revs and needs_sending(revs[rid], known.get(rid))]
        if send:
            out[kind] = send
    return out


def queued_count(conn: Connection) -> int:
    return sum(len(ids) for ids in queued_records(conn).values())


def problem_counts(conn: Connection) -> dict[str, int]:
    rows = conn.execute(
        select(STATES.c.state, func.count()).where(STATES.c.state != "sent").group_by(STATES.c.state)
    )
    counts = {state: n for state, n in rows}
    counts["conflicts_open"] = conn.execute(
        select(func.count()).select_from(SyncConflict).where(SyncConflict.status == "open")
    ).scalar_one()
    return counts
