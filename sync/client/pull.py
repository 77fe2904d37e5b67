"""Applying pulled pages to the local store, one page per transaction with the cursor.

A pulled version replaces the local one unless the local record holds a change the server has not
accepted; then the local version is kept as a conflict copy (冲突) for a person to resolve and the
server's version is shown. Foreign keys are checked by the server (a parent may arrive on a later
page, since a changed record moves to a higher sequence), so the page is written with SQLite's
foreign-key enforcement off for that connection.

A row this version cannot apply (the shared field schema refuses it, or the database does) is set
aside in the quarantine (sync.client.quarantine) with its reason; the rest of the page is applied.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DBAPIError

from advisor_app.domain.models import SYNCABLE, Region, SyncConflict, utcnow
from advisor_app.store import search
from sync.client import codec, quarantine, state
from sync.client.records import ORDER, PULL_META, load_rows, wire_payload
from sync.protocol import decode_columns, page_ok, row_problems

log = logging.getLogger("advisor.sync")


@dataclass
class Applied:
    written: int = 0
    same: int = 0
    conflicts: int = 0
    quarantined: int = 0
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
        block = changes[kind]
        rows = decode_columns(block)
        if not rows:
            continue
        result.ids.setdefault(kind, set()).update(quarantine.key_of(r)[0] for r in rows)
        if not page_ok(kind, block["fields"], block["rows"]):
            rows = _set_aside(conn, kind, rows, result)
            if not rows:
                continue
        ids = [r["id"] for r in rows]
        local = _local_revs(conn, kind, ids)
        known = state.load_states(conn, kind, ids)
        write, states, losers = [], [], []
        same: list[str] = []
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
                same.append(rid)
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
            if mine is not None and mine != server_rev:  # a pending change of ours loses
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
        mine_rows = load_rows(conn, kind, losers) if losers else {}  # before theirs overwrites them
        failed = _write(conn, kind, write, result) if write else set()
        if failed:
            write = [r for r in write if r["id"] not in failed]
            states = [s for s in states if s["record_id"] not in failed]
            losers = [rid for rid in losers if rid not in failed]
        if losers:
            _keep_mine(conn, kind, losers, {r["id"]: r for r in write}, mine_rows)
            result.conflicts += len(losers)
        quarantine.release(conn, kind, [r["id"] for r in write] + same)
        if write:
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


def _set_aside(
    conn: Connection, kind: str, rows: list[dict[str, Any]], result: Applied
) -> list[dict[str, Any]]:
    """Rows the field schema passes; the others go to quarantine with their reasons."""
    good = []
    seen: set[str] = set()
    for row in rows:
        problems = row_problems(kind, row)
        if not problems and row["id"] in seen:
            problems = {"id": "id：同一页中记录重复"}
        if problems:
            quarantine.put(conn, kind, row, problems)
            result.quarantined += 1
            log.warning("pulled %s record set aside: %s", kind, ", ".join(sorted(problems)))
            continue
        seen.add(row["id"])
        good.append(row)
    return good


def _write(conn: Connection, kind: str, rows: list[dict[str, Any]], result: Applied) -> set[str]:
    """Upsert the rows in one executemany; when the database refuses (a constraint the schema cannot
    see, e.g. a duplicate case number), row by row, quarantining the ones it refuses."""
    try:
        with conn.begin_nested():
            _upsert(conn, kind, rows)
        return set()
    except (DBAPIError, ValueError, TypeError, OverflowError):
        pass
    failed: set[str] = set()
    for row in rows:
        try:
            with conn.begin_nested():
                _upsert(conn, kind, [row])
        except (DBAPIError, ValueError, TypeError, OverflowError) as exc:
            failed.add(row["id"])
            quarantine.put(conn, kind, row, {"": f"本机数据库无法写入：{_db_reason(exc)}"})
            result.quarantined += 1
            log.warning("pulled %s record set aside: %s", kind, type(exc).__name__)
    return failed


def _db_reason(exc: Exception) -> str:
    """The database's words (they name the table and column, never a value), else the error type."""
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        return str(exc.orig.args[0] if exc.orig.args else exc.orig)[:200]
    return "数据格式无法识别"


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


def _keep_mine(
    conn: Connection,
    kind: str,
    ids: list[str],
    theirs: dict[str, dict[str, Any]],
    mine_rows: dict[str, dict[str, Any]],
) -> None:
    """The local versions that lost: into sync_conflicts (an open one for the record gets theirs)."""
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
