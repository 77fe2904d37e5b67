"""Push and pull of records: the heart of the sync server.

Push: a batch is parsed and checked without touching the database (fields, types, scope), then
applied in one transaction that first takes the ``seq`` row lock. Holding that lock until commit
means sequence numbers are handed out in commit order, so a pull that has seen seq N has seen
every change below N: the cursor can never skip a change committed late. The unique key of
``revisions`` (kind, id, rev) is what makes a resend a no-op; a different payload for a revision
already seen is stored as a conflict. Nothing a device sends is dropped: refused and losing
versions go to ``conflicts``.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, and_, bindparam, delete, insert, or_, select, tuple_, update
from sqlalchemy.dialects import postgresql, sqlite

from sync.protocol import KINDS, META_FIELDS, PARENTS, canonical_json, payload_hash, table_digest
from sync.protocol.wire import MAX_BATCH
from sync.server.db import Conflict, Record, Revision, SyncState
from sync.server.errors import ApiError
from sync.server.scope import ROSTER_KINDS, ROSTER_ROLES, Scope

log = logging.getLogger("advisor_server.changes")

PULL_META = ("id", "rev", "scope", "owner", "device_id", "created_at", "updated_at", "deleted")
CHUNK = 500
# After an agreement is signed only these may change; anything else is a new version (design.md).
SIGNED_MUTABLE = {"performed", "status", "pdf_sha256"}


@dataclass
class Incoming:
    kind: str
    id: str
    rev: int
    base_rev: int
    scope: str
    deleted: bool
    created_at: str | None
    updated_at: str | None
    payload: dict[str, Any]
    text: str = ""
    hash: str = ""


@dataclass
class Actor:
    account_id: int
    username: str
    role: str
    device_id: str
    scope: Scope


@dataclass
class PushResult:
    accepted: int = 0
    duplicates: int = 0
    problems: list[dict[str, Any]] = field(default_factory=list)
    seq: int = 0

    def body(self) -> dict[str, Any]:
        return {
            "accepted": self.accepted,
            "duplicates": self.duplicates,
            "conflicts": sum(1 for p in self.problems if p["status"] == "conflict"),
            "rejected": sum(1 for p in self.problems if p["status"] == "rejected"),
            "problems": self.problems,
            "seq": self.seq,
        }


REASONS = {
    "stale_base": "该记录在服务器上已被修改（两处基于同一版本修改），两个版本都已保留，请人工处理",
    "rev_reused": "同一版本号的内容与服务器已收到的不同，已作为冲突保留",
    "not_owner": "该记录归其他账号所有，本账号不能修改；本次修改已作为冲突保留",
    "role": "本账号的角色不能新建或修改此类记录（法律明白人名册由司法所维护）",
    "parent_missing": "所属的上级记录（案件、活动或法律明白人）在服务器上不存在，请先同步上级记录",
    "scope_mismatch": "记录的所属村与其上级记录不一致",
    "signed_immutable": "协议书已签署，不能再修改，请作为新版本另行生成",
}


# --- parsing ---------------------------------------------------------------------------------------


def _meta_error(name: str, message: str) -> str:
    return f"{name}：{message}"


def parse_batch(changes: dict[str, Any]) -> list[Incoming]:
    """Every change of a columnar batch, checked; ApiError 422 listing each bad row and field."""
    errors: list[dict[str, Any]] = []
    out: list[Incoming] = []
    seen: set[tuple[str, str]] = set()
    total = 0
    for kind, block in changes.items():
        spec = KINDS.get(kind)
        if spec is None:
            errors.append({"kind": kind, "message": f"未知的记录类型“{kind}”"})
            continue
        fields = block.fields
        unknown = [f for f in fields if f not in META_FIELDS and f not in spec.fields]
        missing = [f for f in ("id", "rev", "scope") if f not in fields]
        if len(set(fields)) != len(fields):
            errors.append({"kind": kind, "message": "字段名重复"})
            continue
        if unknown or missing:
            msg = "；".join(
                [f"未知字段：{'、'.join(unknown)}"] * bool(unknown) + [f"缺少字段：{'、'.join(missing)}"] * bool(missing)
            )
            errors.append({"kind": kind, "message": msg})
            continue
        total += len(block.rows)
        if total > MAX_BATCH:
            raise ApiError(413, "batch_too_large", f"一批最多 {MAX_BATCH} 条修改，请分批推送")
        payload_fields = [f for f in fields if f in spec.fields]
        for n, row in enumerate(block.rows):
            if len(row) != len(fields):
                errors.append({"kind": kind, "row": n, "message": f"该行有 {len(row)} 个值，字段有 {len(fields)} 个"})
                continue
            values = dict(zip(fields, row, strict=True))
            row_errors = _check_meta(values)
            payload = {f: values[f] for f in payload_fields}
            deleted = values.get("deleted") is True
            row_errors.update(spec.check_payload(payload, deleted=deleted))
            if not row_errors:
                _check_region(kind, spec, values, payload, row_errors)
            if row_errors:
                errors.append({"kind": kind, "row": n, "id": values.get("id"), "fields": row_errors})
                continue
            key = (kind, values["id"])
            if key in seen:
                errors.append({"kind": kind, "row": n, "id": values["id"], "message": "同一批中记录重复"})
                continue
            seen.add(key)
            text = canonical_json(payload)
            out.append(
                Incoming(
                    kind=kind,
                    id=values["id"],
                    rev=values["rev"],
                    base_rev=values.get("base_rev") or 0,
                    scope=values["scope"],
                    deleted=deleted,
                    created_at=values.get("created_at"),
                    updated_at=values.get("updated_at"),
                    payload=payload,
                    text=text,
                    hash=payload_hash(payload, deleted),
                )
            )
    if errors:
        raise ApiError(422, "invalid_changes", "推送的数据有误，整批未保存", details=errors[:200])
    return out


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_meta(values: dict[str, Any]) -> dict[str, str]:
    errors: dict[str, str] = {}
    rid = values.get("id")
    try:
        if not isinstance(rid, str) or str(uuid.UUID(rid)) != rid.lower() or len(rid) != 36:
            raise ValueError
    except ValueError:
        errors["id"] = _meta_error("id", "应为 UUID（36 位）")
    rev = values.get("rev")
    if not _is_int(rev) or not 1 <= rev < 2**31:
        errors["rev"] = _meta_error("rev", "版本号应为正整数")
    base = values.get("base_rev", 0)
    if base is not None and (not _is_int(base) or not 0 <= base < 2**31 or (_is_int(rev) and base >= rev)):
        errors["base_rev"] = _meta_error("base_rev", "基础版本号应为小于版本号的非负整数")
    scope = values.get("scope")
    if not isinstance(scope, str) or not scope.isdigit() or not 6 <= len(scope) <= 12 or not scope.isascii():
        errors["scope"] = _meta_error("scope", "所属区划代码应为 6–12 位数字")
    if values.get("deleted") not in (None, True, False):
        errors["deleted"] = _meta_error("deleted", "应为是或否（true/false）")
    for name in ("created_at", "updated_at", "owner", "device_id"):
        value = values.get(name)
        if value is not None and (not isinstance(value, str) or len(value) > 40 if name.endswith("_at") else
                                  not isinstance(value, str) or len(value) > 64):
            errors[name] = _meta_error(name, "格式不对")
    return errors


def _check_region(kind: str, spec, values: dict[str, Any], payload: dict[str, Any], errors: dict[str, str]) -> None:  # noqa: ANN001
    own = payload.get("region_code")
    if spec.has_region and own is not None and own != values["scope"]:
        errors["scope"] = _meta_error("scope", "应与记录的所在村（region_code）相同")
    parent = PARENTS.get(kind)
    if parent is not None and isinstance(parent[1], dict):
        target = payload.get("target_kind")
        if target is not None and target not in parent[1]:
            errors["target_kind"] = f"target_kind：“{target}”不在可选范围内（{'、'.join(parent[1])}）"


def parent_of(change: Incoming) -> tuple[str, str] | None:
    spec = PARENTS.get(change.kind)
    if spec is None:
        return None
    field_name, parent_kind = spec
    if isinstance(parent_kind, dict):
        parent_kind = parent_kind.get(change.payload.get("target_kind") or "")
    parent_id = change.payload.get(field_name)
    if parent_kind is None or parent_id is None:
        return None
    return parent_kind, parent_id


# --- applying ---------------------------------------------------------------------------------------


def _insert(conn: Connection, table):  # noqa: ANN001, ANN202
    if conn.dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


def _chunks(items: list, size: int = CHUNK) -> Iterable[list]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _load_records(conn: Connection, keys: Iterable[tuple[str, str]]) -> dict[tuple[str, str], Any]:
    by_kind: dict[str, list[str]] = {}
    for kind, rid in keys:
        by_kind.setdefault(kind, []).append(rid)
    found = {}
    cols = (Record.kind, Record.id, Record.rev, Record.scope, Record.owner, Record.payload, Record.deleted)
    for kind, ids in by_kind.items():
        for chunk in _chunks(sorted(set(ids))):
            for row in conn.execute(select(*cols).where(Record.kind == kind, Record.id.in_(chunk))):
                found[(row.kind, row.id)] = row
    return found


def check_scope(actor: Actor, changes: list[Incoming], existing: dict[tuple[str, str], Any]) -> None:
    """403 for the whole batch when any change, or the record it replaces, lies outside the scope."""
    outside = [c for c in changes if not actor.scope.can_write(c.scope)]
    outside += [
        c for c in changes if (rec := existing.get((c.kind, c.id))) is not None and not actor.scope.can_write(rec.scope)
    ]
    if outside:
        log.warning(
            "scope refused",
            extra={"account_id": actor.account_id, "device": actor.device_id, "refused": len(outside),
                   "kinds": sorted({c.kind for c in outside})},
        )
        raise ApiError(403, "out_of_scope", "推送中有记录不属于本账号负责的区域，整批未保存",
                       details=[{"kind": c.kind, "id": c.id} for c in outside[:50]])


def lock_sequence(conn: Connection) -> int:
    return conn.execute(select(SyncState.value).where(SyncState.name == "seq").with_for_update()).scalar_one()


def apply_push(conn: Connection, actor: Actor, changes: list[Incoming]) -> PushResult:
    """Apply a parsed batch inside the caller's write transaction (see module docstring)."""
    result = PushResult()
    counter = lock_sequence(conn)
    existing = _load_records(conn, [(c.kind, c.id) for c in changes])
    check_scope(actor, changes, existing)
    parents = _load_records(conn, [p for c in changes if (p := parent_of(c)) is not None])

    now_rows = [
        {"kind": c.kind, "record_id": c.id, "rev": c.rev, "hash": c.hash, "status": "accepted",
         "account_id": actor.account_id}
        for c in changes
    ]
    inserted: set[tuple[str, str, int]] = set()
    for chunk in _chunks(now_rows):
        stmt = _insert(conn, Revision).on_conflict_do_nothing().returning(
            Revision.kind, Revision.record_id, Revision.rev
        )
        inserted.update(tuple(r) for r in conn.execute(stmt, chunk))

    resent = [c for c in changes if (c.kind, c.id, c.rev) not in inserted]
    stored = _stored_revisions(conn, resent)
    batch_accepted: dict[tuple[str, str], Incoming] = {}
    accepted: list[Incoming] = []
    conflicts: list[tuple[Incoming, str, int | None]] = []
    rejected: list[tuple[Incoming, str, int | None]] = []
    for c in changes:
        key = (c.kind, c.id)
        rec = existing.get(key)
        if (c.kind, c.id, c.rev) not in inserted:
            old_hash, _status = stored[(c.kind, c.id, c.rev)]
            if old_hash == c.hash:
                result.duplicates += 1
            else:
                conflicts.append((c, "rev_reused", rec.rev if rec else None))
            continue
        reason = _judge(actor, c, rec, parents, batch_accepted)
        if reason is None:
            accepted.append(c)
            batch_accepted[key] = c
        elif reason in ("role", "parent_missing", "scope_mismatch", "signed_immutable"):
            rejected.append((c, reason, rec.rev if rec else None))
        else:
            conflicts.append((c, reason, rec.rev if rec else None))

    seq = counter
    new_rows, update_rows = [], []
    for c in accepted:
        seq += 1
        row = {
            "kind": c.kind, "id": c.id, "rev": c.rev, "scope": c.scope, "device_id": actor.device_id,
            "created_at": c.created_at, "updated_at": c.updated_at, "deleted": c.deleted,
            "payload": c.text, "hash": c.hash, "seq": seq,
        }
        if (c.kind, c.id) in existing:
            update_rows.append({f"b_{k}": v for k, v in row.items()})
        else:
            new_rows.append({**row, "owner": actor.username})
    if new_rows:
        conn.execute(insert(Record), new_rows)
    if update_rows:
        conn.execute(
            update(Record)
            .where(Record.kind == bindparam("b_kind"), Record.id == bindparam("b_id"))
            .values({k: bindparam(f"b_{k}") for k in ("rev", "scope", "device_id", "created_at", "updated_at",
                                                      "deleted", "payload", "hash", "seq")}),
            update_rows,
        )
    if seq != counter:
        conn.execute(update(SyncState).where(SyncState.name == "seq").values(value=seq))
    result.accepted = len(accepted) + result.duplicates
    result.seq = seq

    losers = conflicts + rejected
    if losers:
        _keep_losers(conn, actor, losers)
    # Only accepted revisions keep their key: a losing or refused change is judged again when
    # sent again (the owner or the parent may have changed by then); its copy in ``conflicts`` is
    # deduplicated by (kind, id, rev, hash).
    drop = [{"b_kind": c.kind, "b_id": c.id, "b_rev": c.rev} for c, _r, _s in losers if (c.kind, c.id, c.rev) in inserted]
    if drop:
        conn.execute(
            delete(Revision).where(Revision.kind == bindparam("b_kind"), Revision.record_id == bindparam("b_id"),
                                   Revision.rev == bindparam("b_rev")),
            drop,
        )
    for c, reason, server_rev in conflicts:
        result.problems.append(_problem(c, "conflict", reason, server_rev))
    for c, reason, server_rev in rejected:
        result.problems.append(_problem(c, "rejected", reason, server_rev))
    return result


def _judge(actor: Actor, c: Incoming, rec, parents: dict, batch: dict) -> str | None:  # noqa: ANN001
    """None when the change wins, else the reason it does not (see REASONS)."""
    if c.kind in ROSTER_KINDS and actor.role not in ROSTER_ROLES:
        return "role"
    parent_key = parent_of(c)
    if parent_key is not None:
        parent = batch.get(parent_key) or parents.get(parent_key)
        if parent is None:
            return "parent_missing"
        if parent.scope != c.scope:
            return "scope_mismatch"
        parent_owner = actor.username if parent_key in batch else parent.owner
        if parent_owner != actor.username and rec is None:
            return "not_owner"
    if rec is None:
        return None
    if rec.owner != actor.username:
        return "not_owner"
    if c.rev <= rec.rev or c.base_rev != rec.rev:
        return "stale_base"
    if c.kind == "agreements" and not rec.deleted:
        old = json.loads(rec.payload)
        if old.get("status") == "已签署":
            changed = {k for k in set(old) | set(c.payload) if old.get(k) != c.payload.get(k)}
            if changed - SIGNED_MUTABLE or c.deleted:
                return "signed_immutable"
    return None


def _stored_revisions(conn: Connection, changes: list[Incoming]) -> dict[tuple[str, str, int], tuple[str, str]]:
    out = {}
    for chunk in _chunks(changes):
        keys = [(c.kind, c.id, c.rev) for c in chunk]
        rows = conn.execute(
            select(Revision.kind, Revision.record_id, Revision.rev, Revision.hash, Revision.status).where(
                tuple_(Revision.kind, Revision.record_id, Revision.rev).in_(keys)
            )
        )
        for row in rows:
            out[(row.kind, row.record_id, row.rev)] = (row.hash, row.status)
    return out


def _keep_losers(conn: Connection, actor: Actor, losers: list[tuple[Incoming, str, int | None]]) -> None:
    rows = [
        {"kind": c.kind, "record_id": c.id, "rev": c.rev, "base_rev": c.base_rev, "server_rev": server_rev,
         "reason": reason, "status": "open", "scope": c.scope, "account_id": actor.account_id,
         "device_id": actor.device_id, "deleted": c.deleted, "payload": c.text, "hash": c.hash}
        for c, reason, server_rev in losers
    ]
    conn.execute(_insert(conn, Conflict).on_conflict_do_nothing(), rows)
    log.info("changes kept as conflicts", extra={"account_id": actor.account_id, "count": len(rows),
                                                 "reasons": sorted({r["reason"] for r in rows})})


def _problem(c: Incoming, status: str, reason: str, server_rev: int | None) -> dict[str, Any]:
    return {"kind": c.kind, "id": c.id, "rev": c.rev, "status": status, "reason": reason,
            "message": REASONS[reason], "server_rev": server_rev}


# --- reading ---------------------------------------------------------------------------------------


def _scope_filter(scope: Scope):  # noqa: ANN202
    if scope.everything:
        return None
    clauses = [Record.scope.in_(sorted(scope.regions))] if scope.regions else []
    if scope.above:
        clauses.append(and_(Record.kind == "committees", Record.scope.in_(sorted(scope.above))))
    return or_(*clauses) if clauses else Record.scope.is_(None)


def pull(conn: Connection, scope: Scope, after: int, limit: int, kinds: list[str] | None = None) -> dict[str, Any]:
    """Records changed after ``after`` in the scope, oldest first, one page."""
    # Read the high-water mark first: every seq at or below it is committed (seqs are handed out
    # under the lock in commit order), so the records query, which starts later, sees all of them.
    high = conn.execute(select(SyncState.value).where(SyncState.name == "seq")).scalar_one()
    query = select(Record).where(Record.seq > after, Record.seq <= high)
    flt = _scope_filter(scope)
    if flt is not None:
        query = query.where(flt)
    if kinds:
        query = query.where(Record.kind.in_(kinds))
    rows = list(conn.execute(query.order_by(Record.seq).limit(limit + 1)).mappings())
    more = len(rows) > limit
    rows = rows[:limit]
    cursor = rows[-1]["seq"] if more else max(high, after)
    blocks: dict[str, dict[str, Any]] = {}
    for row in rows:
        kind = row["kind"]
        spec = KINDS[kind]
        block = blocks.get(kind)
        if block is None:
            block = blocks[kind] = {"fields": [*PULL_META, *spec.fields], "rows": []}
        payload = json.loads(row["payload"])
        block["rows"].append([row[m] for m in PULL_META] + [payload.get(f) for f in spec.fields])
    return {"cursor": cursor, "more": more, "count": len(rows), "changes": blocks}


def summary(conn: Connection, scope: Scope) -> dict[str, Any]:
    """Per kind: count and digest of (id, rev) in the scope, at a stated sequence."""
    high = conn.execute(select(SyncState.value).where(SyncState.name == "seq")).scalar_one()
    query = select(Record.kind, Record.id, Record.rev).where(Record.seq <= high)
    flt = _scope_filter(scope)
    if flt is not None:
        query = query.where(flt)
    pairs: dict[str, list[tuple[str, int]]] = {kind: [] for kind in KINDS}
    for kind, rid, rev in conn.execute(query):
        pairs[kind].append((rid, rev))
    return {
        "seq": high,
        "tables": {kind: {"count": len(p), "digest": table_digest(p)} for kind, p in pairs.items()},
    }


def record_visible(conn: Connection, scope: Scope, kind: str, rid: str) -> bool:
    row = conn.execute(select(Record.scope).where(Record.kind == kind, Record.id == rid)).first()
    return row is not None and scope.can_read(kind, row.scope)
