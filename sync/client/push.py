"""Pushing queued local changes in bounded batches, recording the server's verdict per record.

The queue is the change log after the push mark. A record whose current revision the server has
already accepted is skipped, so a sync resumed after an interruption does not resend it; a batch
whose reply was lost is sent again and the server counts it as duplicates. The push mark moves only
after every batch up to it has a reply.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine

from advisor_app.domain.models import SyncConflict, utcnow
from sync.client import codec, state
from sync.client.errors import SyncError
from sync.client.records import ENVELOPE, ORDER, ScopeResolver, load_rows, payload_fields
from sync.client.transport import Transport

# Refusals where the server kept a version this device already had (and has since overwritten
# locally): that version is pulled again so the record shows it and mine becomes the conflict copy.
REPULL = {"signed_immutable", "role", "not_owner"}


@dataclass
class Pushed:
    accepted: int = 0
    duplicates: int = 0
    conflicts: int = 0
    rejected: int = 0
    batches: int = 0
    server_seq: int = 0
    new_seqs: list[tuple[int, int]] = field(
        default_factory=list
    )  # (accepted without duplicates, seq) per batch
    repull: set[str] = field(default_factory=set)  # kinds whose server version must be fetched again


@dataclass
class Outgoing:
    kind: str
    id: str
    rev: int
    wire: dict[str, Any]


def collect(
    conn: Connection,
    kinds_ids: dict[str, list[str]],
    home_region: str | None,
    resolver: ScopeResolver | None = None,
) -> list[Outgoing]:
    """Current versions of the queued records not yet accepted by the server, parents first."""
    if resolver is None:
        resolver = ScopeResolver(conn, home_region)
    resolver.conn = conn
    out: list[Outgoing] = []
    for kind in ORDER:
        ids = kinds_ids.get(kind)
        if not ids:
            continue
        rows = codec.read_wire(conn, kind, ids)
        known = state.load_states(conn, kind, ids)
        todo = []
        for rid in ids:
            row = rows.get(rid)
            st = known.get(rid)
            if row is None:
                continue  # written then rolled back by a later migration: nothing to send
            if state.needs_sending(row["rev"], st):
                todo.append(row)
        resolver.note(kind, todo)
        scopes = resolver.scopes(kind, todo)
        for row, scope in zip(todo, scopes, strict=True):
            st = known.get(row["id"])
            row["base_rev"] = st["server_rev"] if st else 0
            row["scope"] = scope
            out.append(Outgoing(kind, row["id"], row["rev"], row))
    return out


def body_of(batch: list[Outgoing]) -> dict[str, Any]:
    changes: dict[str, dict[str, Any]] = {}
    for item in batch:
        block = changes.get(item.kind)
        if block is None:
            block = changes[item.kind] = {"fields": [*ENVELOPE, *payload_fields(item.kind)], "rows": []}
        block["rows"].append([item.wire.get(f) for f in block["fields"]])
    return {"changes": changes}


def plan(kinds_ids: dict[str, list[str]], size: int) -> list[dict[str, list[str]]]:
    """The queue cut into batches of at most ``size`` records, parents' kinds first."""
    flat = [(kind, rid) for kind in ORDER for rid in kinds_ids.get(kind, [])]
    batches = []
    for start in range(0, len(flat), max(1, size)):
        chunk: dict[str, list[str]] = {}
        for kind, rid in flat[start : start + size]:
            chunk.setdefault(kind, []).append(rid)
        batches.append(chunk)
    return batches


def push_all(
    engine: Engine,
    transport: Transport,
    batches: Iterable[list[Outgoing]],
    *,
    total: int,
    progress: Callable[[int, int], None] | None = None,
    before_batch: Callable[[list[Outgoing]], None] | None = None,
    write: Callable[[Callable[[], Any]], Any] | None = None,
) -> Pushed:
    """Send the batches in order, one request in flight; the next batch is read from the store
    while the server works on the current one. ``write(fn)`` runs each database write (the
    server's verdicts recorded; SyncClient.write: the app's database worker)."""
    result = Pushed()
    written = write or (lambda fn: fn())

    def mark_refused(refused: Any, exc: SyncError) -> None:
        with engine.begin() as conn:
            _mark_refused(conn, refused, exc)

    def record(batch: list[Outgoing], reply: dict[str, Any]) -> None:
        with engine.begin() as conn:
            _record(conn, batch, reply)

    done = 0

    def send(batch: list[Outgoing]) -> None:
        nonlocal done
        if not batch:
            return
        transport.check_cancel()
        if before_batch is not None:
            before_batch(batch)
        try:
            reply = transport.json("POST", "/v1/changes", body=body_of(batch), gzip_body=True)
        except SyncError as exc:
            if exc.status == 413 and len(batch) > 1:
                half = len(batch) // 2  # the server's body limit is smaller than ours: halve
                send(batch[:half])
                send(batch[half:])
                return
            refused = _refused(exc, batch)
            if refused is None:
                raise
            failure: SyncError = exc
            written(lambda: mark_refused(refused, failure))
            bad = set(refused)
            result.rejected += len(bad)
            done += len(bad)
            send([it for it in batch if (it.kind, it.id) not in bad])
            return
        written(lambda: record(batch, reply))
        result.batches += 1
        result.accepted += reply["accepted"] - reply["duplicates"]
        result.duplicates += reply["duplicates"]
        result.conflicts += reply["conflicts"]
        result.rejected += reply["rejected"]
        result.server_seq = max(result.server_seq, reply["seq"])
        result.new_seqs.append((reply["accepted"] - reply["duplicates"], reply["seq"]))
        result.repull.update(p["kind"] for p in reply["problems"] if p["reason"] in REPULL)
        done += len(batch)
        if progress is not None:
            progress(done, total)

    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-push") as pool:
        flight = None
        for batch in batches:
            if flight is not None:
                flight.result()
            transport.check_cancel()
            flight = pool.submit(send, batch)
        if flight is not None:
            flight.result()
    return result


def _record(conn: Connection, batch: list[Outgoing], reply: dict[str, Any]) -> None:
    problems = {(p["kind"], p["id"]): p for p in reply["problems"]}
    rows = []
    for item in batch:
        p = problems.get((item.kind, item.id))
        if p is None:
            rows.append(state.state_row(item.kind, item.id, item.rev, "sent", item.rev))
            continue
        base = item.wire["base_rev"]
        rows.append(
            state.state_row(item.kind, item.id, base, p["status"], item.rev, p["reason"], p["message"])
        )
        if p["status"] == "conflict" or p["reason"] in ("signed_immutable", "role"):
            _keep_conflict(conn, item, p)
    state.save_states(conn, rows)


def _keep_conflict(conn: Connection, item: Outgoing, problem: dict[str, Any]) -> None:
    payload = {k: item.wire.get(k) for k in payload_fields(item.kind)}
    payload["deleted"] = item.wire["deleted"]
    exists = conn.execute(
        SyncConflict.__table__.select().where(
            SyncConflict.kind == item.kind,
            SyncConflict.record_id == item.id,
            SyncConflict.mine_rev == item.rev,
            SyncConflict.status == "open",
        )
    ).first()
    if exists is None:
        conn.execute(
            SyncConflict.__table__.insert().values(
                kind=item.kind,
                record_id=item.id,
                reason=problem["reason"],
                message=problem["message"],
                mine=payload,
                mine_rev=item.rev,
                theirs=None,
                theirs_rev=problem.get("server_rev"),
                status="open",
                created_at=utcnow(),
            )
        )


def _refused(exc: SyncError, batch: list[Outgoing]) -> list[tuple[str, str]] | None:
    """Records the server named when refusing the whole batch (422 bad fields, 403 out of scope)."""
    if exc.status not in (403, 422) or not isinstance(exc.details, list):
        return None
    in_batch = {(it.kind, it.id) for it in batch}
    named = []
    for d in exc.details:
        if not isinstance(d, dict):
            continue
        key = (d.get("kind"), d.get("id"))
        if key in in_batch:
            named.append(key)
        elif d.get("row") is not None and d.get("kind"):
            rows = [it for it in batch if it.kind == d["kind"]]
            if 0 <= d["row"] < len(rows):
                named.append((d["kind"], rows[d["row"]].id))
    return named or None


def _mark_refused(conn: Connection, refused: list[tuple[str, str]], exc: SyncError) -> None:
    details = {(d.get("kind"), d.get("id")): d for d in exc.details if isinstance(d, dict)}
    rows = []
    for kind, rid in refused:
        d = details.get((kind, rid), {})
        fields = d.get("fields") or {}
        field_name = next(iter(fields), None)
        message = "；".join(fields.values()) if fields else (d.get("message") or exc.message)
        current = load_rows(conn, kind, [rid]).get(rid)
        known = state.load_states(conn, kind, [rid]).get(rid)
        rows.append(
            state.state_row(
                kind,
                rid,
                known["server_rev"] if known else 0,
                "rejected",
                current["rev"] if current else 0,
                exc.code,
                message,
                field_name,
            )
        )
    state.save_states(conn, rows)
