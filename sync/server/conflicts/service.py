"""Open conflicts of an account, and marking one handled."""

from __future__ import annotations

import json

from sync.server.auth.service import Actor
from sync.server.conflicts import repository
from sync.server.conflicts.schemas import ConflictOut
from sync.server.database import Db
from sync.server.errors import ApiError

LIST_LIMIT = 1000
# Refusals a device sends again by itself once the cause is gone (the parent arrives, the file is
# uploaded): kept on the server like every loser, but not a person's work, so not listed. The
# device keeps a 冲突 copy exactly for the others (a conflict, "role", "signed_immutable"), so the
# server's list and the device's agree.
NOT_LISTED = ("parent_missing", "scope_mismatch", "attachment_unproven")


def open_conflicts(db: Db, who: Actor) -> list[ConflictOut]:
    """Open conflicts of this account's devices, for a person to resolve."""
    with db.read() as conn:
        rows = repository.open_of_account(conn, who.account_id, LIST_LIMIT, NOT_LISTED)
    return [
        ConflictOut(
            id=c.id,
            kind=c.kind,
            record_id=c.record_id,
            rev=c.rev,
            base_rev=c.base_rev,
            server_rev=c.server_rev,
            reason=c.reason,
            device_id=c.device_id,
            deleted=c.deleted,
            payload=json.loads(c.payload),
            created_at=c.created_at.isoformat() + "Z",
        )
        for c in rows
    ]


def resolve(db: Db, who: Actor, conflict_id: int) -> None:
    """Mark a conflict handled (the person re-entered what was needed as a new revision)."""
    if not 0 < conflict_id < 2**31:
        raise ApiError(404, "conflict_not_found", "冲突记录不存在")
    with db.write() as conn:
        done = repository.mark_resolved(conn, conflict_id, who.account_id)
    if not done:
        raise ApiError(404, "conflict_not_found", "冲突记录不存在")
