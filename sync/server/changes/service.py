"""Push and pull of records: the heart of the sync server (the rules; the SQL is in ``repository``).

Push: a batch is parsed and checked without touching the database (``changes.validate``), then
applied in one transaction. The records being replaced are read under row locks (PostgreSQL; on
SQLite the whole transaction is the one writer), the revisions are claimed, every change is
judged, and only then is the ``seq`` row locked to number the accepted changes, which are written
right before commit. Holding that lock until commit means sequence numbers become visible in
commit order, so a pull that has seen seq N has seen every change below N: the cursor can never
skip a change committed late. The unique key of ``revisions`` (kind, id, rev) is what makes a
resend a no-op; a different payload for a revision already seen is stored as a conflict. Nothing
a device sends is dropped: refused and losing versions go to ``conflicts``.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from typing import Any

from pydantic_core import PydanticSerializationError, from_json, to_json
from sqlalchemy import Connection

from advisor_app.domain.retention_rules import SIGNED_MUTABLE, is_retention_strip
from advisor_app.domain.statuses import AgreementStatus
from sync.protocol import KINDS, PARENTS, PROTOCOL_VERSION, record_check, table_digest
from sync.server.attachments import service as attachment_files
from sync.server.auth.service import Actor
from sync.server.changes import repository
from sync.server.changes.repository import PULL_META, RecordRow, RevisionClaim
from sync.server.changes.validate import Incoming
from sync.server.conflicts import repository as conflict_store
from sync.server.db import utcnow
from sync.server.errors import ApiError
from sync.server.regions.scope import ROSTER_KINDS, ROSTER_ROLES, Scope

log = logging.getLogger("advisor_server.changes")

# SIGNED_MUTABLE (advisor_app.domain.retention_rules): after an agreement is signed only these may
# change; anything else is a new version (design.md), except a retention strip of an archived case.


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
    "appeal_role": "评价的申诉由司法所裁定：本账号不能写入裁定结果",
    "attachment_unproven": "附件记录所指的文件尚未由本账号上传，或文件大小与服务器保存的不符：请先上传文件再同步",
}
REFUSALS = (
    "role",
    "parent_missing",
    "scope_mismatch",
    "signed_immutable",
    "attachment_unproven",
    "appeal_role",
)


# --- judging ----------------------------------------------------------------------------------------


def parent_of(change: Incoming) -> tuple[str, str] | None:
    spec = PARENTS.get(change.kind)
    if spec is None:
        return None
    field_name, parents = spec
    # a dict: the parent's kind depends on the record's target_kind (e.g. a rating's service)
    parent_kind = (
        parents.get(change.payload.get("target_kind") or "") if isinstance(parents, dict) else parents
    )
    parent_id = change.payload.get(field_name)
    if parent_kind is None or parent_id is None:
        return None
    return parent_kind, parent_id


# --- applying ---------------------------------------------------------------------------------------


def check_scope(actor: Actor, changes: list[Incoming], existing: dict[tuple[str, str], Any]) -> None:
    """403 for the whole batch when any change, or the record it replaces, lies outside the scope."""
    outside = [c for c in changes if not actor.scope.can_write(c.scope)]
    outside += [
        c
        for c in changes
        if (rec := existing.get((c.kind, c.id))) is not None and not actor.scope.can_write(rec.scope)
    ]
    if outside:
        log.warning(
            "scope refused",
            extra={
                "account_id": actor.account_id,
                "device": actor.device_id,
                "refused": len(outside),
                "kinds": sorted({c.kind for c in outside}),
            },
        )
        raise ApiError(
            403,
            "out_of_scope",
            "推送中有记录不属于本账号负责的区域，整批未保存",
            details=[{"kind": c.kind, "id": c.id} for c in outside[:50]],
        )


def apply_push(conn: Connection, actor: Actor, changes: list[Incoming]) -> PushResult:
    """Apply a parsed batch inside the caller's write transaction (see module docstring)."""
    result = PushResult()
    # Row locks on the records being replaced (PostgreSQL): a second push of the same records
    # waits here and then judges against what the first one stored.
    existing = repository.load_records(conn, [(c.kind, c.id) for c in changes], lock="update")
    check_scope(actor, changes, existing)
    parents = repository.load_records(
        conn, [p for c in changes if (p := parent_of(c)) is not None], lock="share"
    )

    unproven = _unproven_attachments(conn, actor, changes)

    now = utcnow()
    inserted = repository.claim_revisions(
        conn, [RevisionClaim(c.kind, c.id, c.rev, c.hash) for c in changes], actor.account_id, now
    )
    resent = [c for c in changes if (c.kind, c.id, c.rev) not in inserted]
    stored = repository.held_revisions(conn, [(c.kind, c.id) for c in resent]) if resent else {}
    batch_accepted: dict[tuple[str, str], Incoming] = {}
    accepted: list[Incoming] = []
    conflicts: list[tuple[Incoming, str, int | None]] = []
    rejected: list[tuple[Incoming, str, int | None]] = []
    for c in changes:
        key = (c.kind, c.id)
        rec = existing.get(key)
        if resent and (c.kind, c.id, c.rev) not in inserted:
            if stored.get((c.kind, c.id, c.rev)) == c.hash:
                result.duplicates += 1
            else:
                conflicts.append((c, "rev_reused", rec.rev if rec else None))
            continue
        reason = _judge(actor, c, rec, parents, batch_accepted, unproven)
        if reason is None:
            accepted.append(c)
            batch_accepted[key] = c
        elif reason in REFUSALS:
            rejected.append((c, reason, rec.rev if rec else None))
        else:
            conflicts.append((c, reason, rec.rev if rec else None))

    losers = conflicts + rejected
    if losers:
        _keep_losers(conn, actor, losers)
        # Only accepted revisions keep their key: a losing or refused change is judged again when
        # sent again (the owner or the parent may have changed by then); its copy in ``conflicts``
        # is deduplicated by (kind, id, rev, hash).
        repository.drop_revisions(
            conn, [(c.kind, c.id, c.rev) for c, _r, _s in losers if (c.kind, c.id, c.rev) in inserted]
        )

    # Last: number the accepted changes and write them. From here until commit readers stop
    # below these numbers (repository.take_sequences); on SQLite the ``seq`` row is locked.
    touched = {(c.scope, c.kind) for c in accepted}
    touched |= {(rec.scope, rec.kind) for c in accepted if (rec := existing.get((c.kind, c.id))) is not None}
    repository.lock_checks(conn, touched)
    seqs = repository.take_sequences(conn, len(accepted))
    last = seqs[-1] if seqs else repository.high_water(conn)
    new_rows: list[RecordRow] = []
    update_rows: list[RecordRow] = []
    for c, seq in zip(accepted, seqs, strict=True):
        row = RecordRow(
            kind=c.kind,
            id=c.id,
            rev=c.rev,
            scope=c.scope,
            owner=actor.username,  # kept as stored when the record is replaced
            device_id=actor.device_id,
            created_at=c.created_at,
            updated_at=c.updated_at,
            deleted=c.deleted,
            payload=c.text,
            hash=c.hash,
            seq=seq,
            parent_id=_parent_id(c),
            sha256=c.payload.get("sha256") if c.kind == "attachments" else None,
        )
        (update_rows if (c.kind, c.id) in existing else new_rows).append(row)
    repository.insert_records(conn, new_rows)
    repository.update_records(conn, update_rows)
    result.accepted = len(accepted) + result.duplicates
    result.seq = last
    for c, reason, server_rev in conflicts:
        result.problems.append(_problem(c, "conflict", reason, server_rev))
    for c, reason, server_rev in rejected:
        result.problems.append(_problem(c, "rejected", reason, server_rev))
    return result


def _parent_id(c: Incoming) -> str | None:
    spec = PARENTS.get(c.kind)
    value = c.payload.get(spec[0]) if spec is not None else None
    return value if isinstance(value, str) else None


def _attachment_claim(c: Incoming) -> tuple[str, int] | None:
    """(sha256, size) a live attachment record names; None for other changes and tombstones.

    A malformed pair (validation refuses it before this) claims nothing anybody holds."""
    if c.kind != "attachments" or c.deleted:
        return None
    sha, size = c.payload.get("sha256"), c.payload.get("size")
    if not isinstance(sha, str) or not isinstance(size, int) or isinstance(size, bool):
        return ("", -1)
    return sha, size


def _unproven_attachments(conn: Connection, actor: Actor, changes: list[Incoming]) -> set[tuple[str, int]]:
    """Attachment records of the batch naming a file the account has not proved it holds
    (attachments.service: uploaded the bytes, or can read the file already) at the stored size."""
    claims: dict[str, set[int]] = {}
    for c in changes:
        claim = _attachment_claim(c)
        if claim is not None:
            claims.setdefault(claim[0], set()).add(claim[1])
    return attachment_files.unproven(conn, actor, claims) if claims else set()


def _judge(  # noqa: PLR0911 - one reason per rule
    actor: Actor,
    c: Incoming,
    rec,  # noqa: ANN001
    parents: dict,
    batch: dict,
    unproven: set[tuple[str, int]],
) -> str | None:
    """None when the change wins, else the reason it does not (see REASONS)."""
    if c.kind in ROSTER_KINDS and actor.role not in ROSTER_ROLES:
        return "role"
    claim = _attachment_claim(c)
    if claim is not None and claim in unproven:
        return "attachment_unproven"
    if _decides_own_appeal(actor, c, rec):
        return "appeal_role"
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
    if rec.owner != actor.username and not _follow_up_by_reviewer(actor, c, rec):
        return "not_owner"
    if c.rev <= rec.rev or c.base_rev != rec.rev:
        return "stale_base"
    if c.kind == "agreements" and not rec.deleted:
        old = json.loads(rec.payload)
        if old.get("status") == AgreementStatus.SIGNED:
            changed = {k for k in set(old) | set(c.payload) if old.get(k) != c.payload.get(k)}
            if (changed - SIGNED_MUTABLE or c.deleted) and not is_retention_strip(
                old, c.payload, case_status=_case_status(old, parents, batch), deleted=c.deleted
            ):
                return "signed_immutable"
    return None


# 差评回访 is the township's job (domain.md §4): a township or city account may record the follow-up
# of a rating in its scope that a village account owns — those fields only (docs/rating.md).
FOLLOW_UP_FIELDS = frozenset({"follow_up_note", "followed_up_on", "followed_up_by", "follow_up_action"})
# 申诉 of a rating: the village files it (appeal_reason, appeal_filed_on, status 申诉中), the township
# decides it (these fields, status 申诉成立 / 申诉不成立); nobody else writes a decision.
APPEAL_DECISION_FIELDS = frozenset(
    {"appeal_status", "appeal_decided_by", "appeal_decided_on", "appeal_decision"}
)
REVIEWER_FIELDS = FOLLOW_UP_FIELDS | APPEAL_DECISION_FIELDS
REVIEWER_ROLES = ("township", "city")
DECIDED = ("申诉成立", "申诉不成立")


def _follow_up_by_reviewer(actor: Actor, c: Incoming, rec) -> bool:  # noqa: ANN001
    if c.kind != "ratings" or actor.role not in REVIEWER_ROLES or c.deleted or rec.deleted:
        return False
    old = json.loads(rec.payload)
    changed = {k for k in set(old) | set(c.payload) if old.get(k) != c.payload.get(k)}
    return bool(changed) and changed <= REVIEWER_FIELDS


def _decides_own_appeal(actor: Actor, c: Incoming, rec) -> bool:  # noqa: ANN001
    """A village account setting a 申诉 decision (its own rating's, or a new one's): refused (role)."""
    if c.kind != "ratings" or actor.role in REVIEWER_ROLES or c.deleted:
        return False
    old = json.loads(rec.payload) if rec is not None else {}
    return c.payload.get("appeal_status") in DECIDED and any(
        old.get(k) != c.payload.get(k) for k in APPEAL_DECISION_FIELDS
    )


def _case_status(agreement: dict, parents: dict, batch: dict) -> str | None:  # noqa: ANN001
    """The status of the agreement's case as stored here; a version of it in the same batch must agree."""
    key = ("cases", agreement.get("case_id"))
    stored = parents.get(key)
    if stored is None or stored.deleted:
        return None
    status = json.loads(stored.payload).get("status")
    incoming = batch.get(key)
    if incoming is not None and (incoming.deleted or incoming.payload.get("status") != status):
        return None
    return status


def _keep_losers(conn: Connection, actor: Actor, losers: list[tuple[Incoming, str, int | None]]) -> None:
    rows = [
        {
            "kind": c.kind,
            "record_id": c.id,
            "rev": c.rev,
            "base_rev": c.base_rev,
            "server_rev": server_rev,
            "reason": reason,
            "status": "open",
            "scope": c.scope,
            "account_id": actor.account_id,
            "device_id": actor.device_id,
            "deleted": c.deleted,
            "payload": c.text,
            "hash": c.hash,
        }
        for c, reason, server_rev in losers
    ]
    conflict_store.keep(conn, rows)
    log.info(
        "changes kept as conflicts",
        extra={
            "account_id": actor.account_id,
            "count": len(rows),
            "reasons": sorted({str(r["reason"]) for r in rows}),
        },
    )


def _problem(c: Incoming, status: str, reason: str, server_rev: int | None) -> dict[str, Any]:
    return {
        "kind": c.kind,
        "id": c.id,
        "rev": c.rev,
        "status": status,
        "reason": reason,
        "message": REASONS[reason],
        "server_rev": server_rev,
    }


# --- reading ---------------------------------------------------------------------------------------


Skipped = list[tuple[str, str, int, str]]  # (kind, id, rev, reason) of rows left out of a page


def pull(
    conn: Connection,
    scope: Scope,
    after: int,
    limit: int,
    kinds: list[str] | None = None,
    *,
    version: int = PROTOCOL_VERSION,
) -> tuple[dict[str, Any], Skipped]:
    """Records changed after ``after`` in the scope, oldest first, one page.

    A stored row this server cannot serve (an unknown kind, a payload that is not a JSON object,
    too deep to read, NaN/Infinity — only a row planted around the checks or an old bug) is left
    out of the page and counted in ``skipped``; the cursor moves past it all the same, so it never
    stops a pull. The caller records it (``remember_skipped``) so the summary leaves it out too."""
    nothing = {"cursor": after, "more": False, "count": 0, "skipped": 0, "changes": {}}
    # Protocol 2: nothing written in the scope since the cursor (the villages' marks, committed
    # with their records) → one indexed read, however busy the rest of the province is. The cursor
    # stays: the post-sync check compares against the scope's mark (summary's ``seq``).
    # (A city account's scope is everything: the horizon below is its mark, two short reads.)
    if version >= 2 and after and not scope.everything and repository.scope_mark(conn, scope) <= after:
        return nothing, []
    # Read the horizon first: every seq at or below it is committed (repository.high_water), so
    # the records query, which starts later, sees all of them.
    high = repository.high_water(conn)
    if high <= after:
        return nothing, []
    rows = repository.changed_rows(conn, scope, after, high, limit + 1, kinds)
    more = len(rows) > limit
    rows = rows[:limit]
    cursor = rows[-1].seq if more else max(high, after)
    blocks: dict[str, dict[str, Any]] = {}
    columns: dict[str, tuple[str, ...]] = {}
    defaults: dict[str, list[tuple[int, Any]]] = {}
    width = len(PULL_META)
    served: list[tuple[Any, list[Any]]] = []
    skipped: list[tuple[Any, str]] = []
    for row in rows:
        kind = row[0]
        spec = KINDS.get(kind)
        if spec is None:
            skipped.append((row, "unknown_kind"))
            continue
        try:
            # pydantic-core's parser keeps repeated keys and values (field names, vocabulary terms)
            # as one string each: several times faster than json.loads on these payloads.
            payload = from_json(row.payload, allow_inf_nan=False)
        except ValueError:
            skipped.append((row, "payload_unreadable"))
            continue
        if not isinstance(payload, dict):
            skipped.append((row, "payload_not_object"))
            continue
        if kind not in columns:
            columns[kind] = tuple(spec.fields)
            defaults[kind] = [
                (width + i, spec.fields[f]) for i, f in enumerate(columns[kind]) if f in spec.defaults
            ]
        out = list(row[1 : width + 1])
        out += [payload.get(f) for f in columns[kind]]
        # A row stored before a NOT NULL column existed is served with the column's declared
        # default, as a push leaving it out would have been stored: no client ever gets a null there.
        for i, field_spec in defaults[kind]:
            if out[i] is None:
                out[i] = field_spec.default_value()
        served.append((row, out))
    for row, out in served:
        block = blocks.get(row[0])
        if block is None:
            block = blocks[row[0]] = {"fields": [*PULL_META, *columns[row[0]]], "rows": []}
        block["rows"].append(out)
    for row, reason in skipped:
        log.warning(
            "pull skipped a stored row", extra={"kind": row[0][:32], "seq": row.seq, "reason": reason}
        )
    page = {"cursor": cursor, "more": more, "count": len(served), "skipped": len(skipped), "changes": blocks}
    return page, [(row[0], row.id, row.rev, reason) for row, reason in skipped]


def serialize_page(page: dict[str, Any], skipped: Skipped) -> bytes:
    """The page as JSON; a row that still cannot be written (a value no JSON spells) is left out
    and counted like the rows ``pull`` skipped."""
    try:
        return to_json(page)
    except PydanticSerializationError:
        pass
    for kind, block in page["changes"].items():
        keep = []
        for out in block["rows"]:
            try:
                to_json(out)
            except PydanticSerializationError:
                skipped.append((kind, out[0], out[1], "unserializable"))
                log.warning("pull skipped a stored row", extra={"kind": kind, "reason": "unserializable"})
                continue
            keep.append(out)
        page["count"] -= len(block["rows"]) - len(keep)
        page["skipped"] += len(block["rows"]) - len(keep)
        block["rows"] = keep
    page["changes"] = {k: b for k, b in page["changes"].items() if b["rows"]}
    return to_json(page)


def remember_skipped(conn: Connection, skipped: Skipped) -> None:
    """Note the revisions pull left out, so the summary leaves them out too (write transaction)."""
    repository.note_skipped(conn, skipped)


def summary(conn: Connection, scope: Scope, version: int = PROTOCOL_VERSION) -> dict[str, Any]:
    """Per kind: count and digest of (id, rev) in the scope, at a stated sequence.

    Protocol 2: from the per-village checks (villages × kinds rows, never the records); ``seq``
    is the scope's mark, and a device whose cursor is at or past it compares. Protocol 1: the
    SHA-256 of the sorted (id, rev) lines, read from every record of the scope (kept for the
    clients of protocol 1; its cost grows with the scope)."""
    if version >= 2:
        return _summary_v2(conn, scope)
    high = repository.high_water(conn)
    pairs: dict[str, list[tuple[str, int]]] = {kind: [] for kind in KINDS}
    # Revisions pull could not serve are not held by any device: leaving them out keeps the
    # post-sync check from turning them into a repair on every sync.
    skipped = repository.skipped_revisions(conn)
    for kind, rid, rev in repository.revisions_in_scope(conn, scope, high):
        held = pairs.get(kind)
        if held is not None and (kind, rid, rev) not in skipped:
            held.append((rid, rev))
    return {
        "seq": high,
        "tables": {kind: {"count": len(p), "digest": table_digest(p)} for kind, p in pairs.items()},
    }


def _summary_v2(conn: Connection, scope: Scope) -> dict[str, Any]:
    high, checks = repository.scope_checks(conn, scope)
    # Current revisions pull could not serve (a handful city-wide) are held by no device: out.
    for kind, rid, rev in repository.skipped_in_scope(conn, scope):
        if kind in checks:
            count, digest = checks[kind]
            checks[kind] = (count - 1, digest ^ record_check(kind, rid, rev))
    tables = {}
    for kind in KINDS:
        count, digest = checks.get(kind, (0, 0))
        tables[kind] = {"count": count, "digest": f"{digest & 0xFFFFFFFFFFFFFFFF:016x}"}
    return {"seq": high, "check": "xor64", "tables": tables}
