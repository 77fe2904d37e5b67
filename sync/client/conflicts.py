"""冲突: losing versions kept on this device, and how a person resolves them.

Three ways out: keep theirs (the server's version stays, which it already is locally), keep mine
(my version becomes a new revision on top of the server's), or field by field. A signed agreement
never changes: on one, only what the server also lets change after signing may come from mine,
or the whole of a retention strip of an archived case's agreement (the server's same exception,
``advisor_app.domain.retention_rules``).

A conflict the server kept (a push that lost) is also on the server's list for the account
(``GET /v1/conflicts``). Resolving happens here, maybe offline; the next sync marks the same
conflicts resolved on the server (``settle_on_server``), so both lists agree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select, update

from advisor_app.domain.fields import label
from advisor_app.domain.models import SYNCABLE, Case, SyncConflict, SyncRecordState, utcnow
from advisor_app.domain.retention_rules import SIGNED, SIGNED_MUTABLE, is_retention_strip
from advisor_app.store import Store
from sync.client.errors import SyncError
from sync.client.records import from_wire, payload_fields, to_wire

if TYPE_CHECKING:  # `advisor conflicts` lists and resolves locally: no HTTP library for that
    from sync.client.transport import Transport

SETTLED_SETTING = "sync_conflicts_settled_at"  # resolved_at of the last conflict settled on the server
SERVER_LIST_LIMIT = 1000  # GET /v1/conflicts answers at most this many, oldest first


@dataclass
class ConflictView:
    id: int
    kind: str
    record_id: str
    reason: str
    message: str
    mine: dict[str, Any]
    theirs: dict[str, Any] | None
    mine_rev: int
    theirs_rev: int | None
    created_at: datetime

    def differing(self) -> list[tuple[str, str, Any, Any]]:
        """(field, Chinese label, mine, theirs) for every field the two versions disagree on."""
        theirs = self.theirs or {}
        names = [f for f in [*payload_fields(self.kind), "deleted"] if self.mine.get(f) != theirs.get(f)]
        return [(f, "已删除" if f == "deleted" else label(f), self.mine.get(f), theirs.get(f)) for f in names]


def open_conflicts(store: Store) -> list[ConflictView]:
    with store.session() as s:
        rows = s.scalars(
            select(SyncConflict).where(SyncConflict.status == "open").order_by(SyncConflict.id)
        ).all()
        return [_view(r) for r in rows]


def _view(r: SyncConflict) -> ConflictView:
    return ConflictView(
        r.id,
        r.kind,
        r.record_id,
        r.reason,
        r.message,
        dict(r.mine),
        dict(r.theirs) if r.theirs else None,
        r.mine_rev,
        r.theirs_rev,
        r.created_at,
    )


def keep_theirs(store: Store, conflict_id: int) -> None:
    _resolve(store, conflict_id, {}, "theirs")


def keep_mine(store: Store, conflict_id: int) -> None:
    _resolve(store, conflict_id, None, "mine")


def merge(store: Store, conflict_id: int, choice: dict[str, str]) -> None:
    """``choice``: field -> "mine" or "theirs"; fields not named stay as they are (the server's)."""
    _resolve(store, conflict_id, choice, "merged")


def _resolve(store: Store, conflict_id: int, choice: dict[str, str] | None, how: str) -> None:
    with store.session() as s:
        conflict = s.get(SyncConflict, conflict_id)
        if conflict is None or conflict.status != "open":
            raise LookupError("该冲突不存在或已处理")
        model = SYNCABLE[conflict.kind]
        record = s.get(model, conflict.record_id)
        mine = conflict.mine
        fields = [*payload_fields(conflict.kind), "deleted"]
        take = (
            fields if choice is None else [f for f, side in choice.items() if side == "mine" and f in fields]
        )
        if take and record is not None:
            current = {f: getattr(record, f) for f in ("status",)} if conflict.kind == "agreements" else {}
            if current.get("status") == SIGNED or (conflict.theirs or {}).get("status") == SIGNED:
                frozen = [
                    f
                    for f in take
                    if f not in SIGNED_MUTABLE and _differs(record, f, mine.get(f), conflict.kind)
                ]
                if frozen and not _retention_strip(s, record, conflict.kind, {f: mine.get(f) for f in take}):
                    raise ValueError(
                        "协议书已签署，不能修改（"
                        + "、".join(label(f) for f in frozen[:5])
                        + "）；如需变更，请另行生成新版本协议书"
                    )
            for f in take:
                value = bool(mine.get(f)) if f == "deleted" else from_wire(conflict.kind, f, mine.get(f))
                setattr(record, f, value)
            # The verdict was about the refused revision; the resolution is sent again even when its
            # new revision number happens to equal the refused one's (reverted, then re-edited once).
            s.execute(
                update(SyncRecordState)
                .where(
                    SyncRecordState.kind == conflict.kind,
                    SyncRecordState.record_id == conflict.record_id,
                    SyncRecordState.state.in_(("rejected", "conflict")),
                )
                .values(pushed_rev=0)
            )
        conflict.status = "resolved"
        conflict.resolution = how
        conflict.resolved_at = utcnow()
        s.flush()
        if record is not None and not s.scalar(
            select(SyncConflict.id)
            .where(
                SyncConflict.kind == conflict.kind,
                SyncConflict.record_id == conflict.record_id,
                SyncConflict.status == "open",
            )
            .limit(1)
        ):
            # Nothing of mine left to send: the record is what the server holds, no longer in conflict.
            s.execute(
                update(SyncRecordState)
                .where(
                    SyncRecordState.kind == conflict.kind,
                    SyncRecordState.record_id == conflict.record_id,
                    SyncRecordState.server_rev == record.rev,
                )
                .values(state="sent", reason=None, message=None, field=None)
            )


def _retention_strip(s, record: Any, kind: str, taken: dict[str, Any]) -> bool:  # noqa: ANN001
    """Whether taking these fields of mine turns the signed agreement into its retention strip."""
    old = {f: to_wire(getattr(record, f)) for f in payload_fields(kind)}
    new = {**old, **{f: v for f, v in taken.items() if f != "deleted"}}
    case = s.get(Case, record.case_id)
    return is_retention_strip(
        old,
        new,
        case_status=case.status if case is not None and not case.deleted else None,
        deleted=bool(taken.get("deleted", record.deleted)),
    )


def _differs(record: Any, name: str, wire_value: Any, kind: str) -> bool:
    return getattr(record, name) != (
        bool(wire_value) if name == "deleted" else from_wire(kind, name, wire_value)
    )


def settle_on_server(
    store: Store, transport: Transport, write: Callable[[Callable[[], Any]], Any] | None = None
) -> int:
    """Resolve on the server the conflicts resolved on this device since the last sync; how many.
    ``write(fn)`` runs the database write (SyncClient.write: the app's database worker).

    Matched by (kind, record id, revision), the key of the version the server kept. Costs no
    request when nothing was resolved here since the last time."""
    since = store.setting(SETTLED_SETTING)
    with store.session() as s:
        query = select(
            SyncConflict.kind, SyncConflict.record_id, SyncConflict.mine_rev, SyncConflict.resolved_at
        ).where(SyncConflict.status == "resolved", SyncConflict.resolved_at.is_not(None))
        if since:
            query = query.where(SyncConflict.resolved_at > datetime.fromisoformat(since))
        resolved = s.execute(query).all()
        if not resolved:
            return 0
        still_open = set(
            s.execute(
                select(SyncConflict.kind, SyncConflict.record_id, SyncConflict.mine_rev).where(
                    SyncConflict.status == "open"
                )
            ).all()
        )
    wanted = {(k, rid, rev) for k, rid, rev, _at in resolved} - still_open
    done = 0
    listed = transport.json("GET", "/v1/conflicts") or []
    found = set()
    for conflict in listed:
        key = (conflict["kind"], conflict["record_id"], conflict["rev"])
        if key not in wanted:
            continue
        found.add(key)
        try:
            transport.json("POST", f"/v1/conflicts/{int(conflict['id'])}/resolve", ok=(200, 204))
        except SyncError as exc:
            if exc.status != 404:  # resolved meanwhile from another device of the account
                raise
        done += 1
    # A full list may have left some out: ask again next time rather than forget them.
    if len(listed) < SERVER_LIST_LIMIT or found >= wanted:
        # resolved_at is never None here (the query asks for it), the column is nullable
        settled = max(at for *_key, at in resolved if at is not None).isoformat()
        (write or (lambda fn: fn()))(lambda: store.set_setting(SETTLED_SETTING, settled))
    return done
