"""Applying pulled pages to the local store, one page per transaction with the cursor.

A pulled version replaces the local one unless the local record holds a change the server has not
accepted; then the local version is kept as a conflict copy (冲突) for a person to resolve and the
server's version is shown. Foreign keys are checked by the server (a parent may arrive on a later
page, since a changed record moves to a higher sequence), so the page is written with SQLite's
foreign-key enforcement off for that connection.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from advisor_app.domain.models import SYNCABLE, Region, SyncConflict, utcnow
from advisor_app.store import search
from tests.compat.client_v1.client import codec, state
from tests.compat.client_v1.client.records import ORDER, PULL_META, load_rows, wire_payload
from tests.compat.client_v1.protocol import decode_columns


@dataclass
class Applied:
    written: int = 0
    same: int = 0
    conflicts: int = 0
    ids: dict[str, set[str]] = field(default_factory=dict)


@contextmanager
def remote_connection(engine: Engine) -> Iterator[Connection]:
    """A write transaction for pulled data: foreign keys off on this connection only."""
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        conn.commit()  # the pragma works only outside a transaction; end SQLAlchemy's autobegin
        try:
            with conn.begin():
                yield conn
        finally:
            conn.exec_driver_sql("PRAGMA foreign_keys=ON")
            conn.commit()


def apply_page(conn: Connection, changes: dict[str, dict[str, Any]], result: Applied) -> None:
    kinds = sorted(changes, key=lambda k: ORDER.index(k) if k in ORDER else len(ORDER))
    reindex_consultations: list[str] = []
    reindex_cases: list[str] = []
    for kind in kinds:
        if kind not in SYNCABLE:
            continue  # a kind this version does not know yet: the next upgrade pulls it again
        rows = decode_columns(changes[kind])
        if not rows:
            continue
        ids = [r["id"] for r in rows]
        result.ids.setdefault(kind, set()).update(ids)
        local = _local_revs(conn, kind, ids)
        known = state.load_states(conn, kind, ids)
        write, states, losers = [], [], []
        for row in rows:
            rid, rev = row["id"], row["rev"]
            mine = local.get(rid)
            st = known.get(rid)
            server_rev = st["server_rev"] if st else 0
            if (
                mine is not None
                and mine == rev
                and not (st and st["state"] == "conflict" and st["pushed_rev"] == rev)
            ):
                result.same += 1  # our own change coming back, or already applied
                states.append(state.state_row(kind, rid, rev))
                continue
            if (
                mine is not None
                and st is not None
                and rev <= server_rev
                and mine >= server_rev
                and st["state"] == "sent"
            ):
                result.same += 1  # older than what we hold
                continue
            pending = mine is not None and mine != server_rev
            if pending:
                losers.append(rid)
                states.append(
                    state.state_row(
                        kind,
                        rid,
                        rev,
                        "conflict",
                        mine,
                        reason=(st or {}).get("reason") or "stale_base",
                        message=(st or {}).get("message"),
                    )
                )
            else:
                states.append(state.state_row(kind, rid, rev))
            write.append(row)
        if losers:
            _keep_mine(conn, kind, losers, {r["id"]: r for r in write})
            result.conflicts += len(losers)
        if write:
            _upsert(conn, kind, write)
            result.written += len(write)
            if kind == "consultations":
                reindex_consultations += [r["id"] for r in write]
            elif kind == "cases":
                reindex_cases += [r["id"] for r in write]
            elif kind == "case_parties":
                reindex_cases += [r["case_id"] for r in write if r.get("case_id")]
        state.save_states(conn, states)
    search.reindex(conn, "consultation", reindex_consultations)
    search.reindex(conn, "case", reindex_cases)


def _local_revs(conn: Connection, kind: str, ids: list[str]) -> dict[str, int]:
    table = SYNCABLE[kind].__table__
    out = {}
    for start in range(0, len(ids), 500):
        for rid, rev in conn.execute(
            select(table.c.id, table.c.rev).where(table.c.id.in_(ids[start : start + 500]))
        ):
            out[rid] = rev
    return out


def _upsert(conn: Connection, kind: str, rows: list[dict[str, Any]]) -> None:
    codec.upsert_wire(conn, kind, rows)


def _keep_mine(conn: Connection, kind: str, ids: list[str], theirs: dict[str, dict[str, Any]]) -> None:
    """The local versions that lost: into sync_conflicts (an open one for the record gets theirs)."""
    mine_rows = load_rows(conn, kind, ids)
    for rid in ids:
        mine = mine_rows[rid]
        their_row = theirs[rid]
        their_payload = {k: v for k, v in their_row.items() if k not in PULL_META}
        their_payload["deleted"] = bool(their_row.get("deleted"))
        open_row = conn.execute(
            select(SyncConflict.id).where(
                SyncConflict.kind == kind,
                SyncConflict.record_id == rid,
                SyncConflict.status == "open",
                SyncConflict.mine_rev == mine["rev"],
            )
        ).first()
        if open_row is not None:
            conn.execute(
                update(SyncConflict)
                .where(SyncConflict.id == open_row[0])
                .values(theirs=their_payload, theirs_rev=their_row["rev"])
            )
            continue
        payload = wire_payload(kind, mine)
        payload["deleted"] = bool(mine["deleted"])
        conn.execute(
            SyncConflict.__table__.insert().values(
                kind=kind,
                record_id=rid,
                reason="stale_base",
                message="服务器上的版本与本机的修改同时存在：本机版本已另存为冲突，请选择保留哪一个",
                mine=payload,
                mine_rev=mine["rev"],
                theirs=their_payload,
                theirs_rev=their_row["rev"],
                status="open",
                created_at=utcnow(),
            )
        )


def save_regions(conn: Connection, regions: list[dict[str, Any]]) -> None:
    """The account's regions and those above, so pulled records name their villages."""
    if not regions:
        return
    table = Region.__table__
    rows = [
        {
            "code": r["code"],
            "name": r["name"],
            "level": r["level"],
            "parent_code": r.get("parent_code"),
            "source": "市级服务器",
        }
        for r in regions
    ]
    stmt = sqlite_insert(table).values(rows)
    stmt = stmt.on_conflict_do_update(
        index_elements=["code"],
        set_={
            "name": stmt.excluded.name,
            "level": stmt.excluded.level,
            "parent_code": stmt.excluded.parent_code,
        },
    )
    conn.execute(stmt)
