"""SQL of the conflicts table."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select, update
from sqlalchemy.dialects import postgresql, sqlite

from sync.server.db import Conflict


def keep(conn: Connection, rows: list[dict[str, Any]]) -> None:
    """Store losing or refused changes; a copy already kept (kind, id, rev, hash) is not doubled."""
    dialect_insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    conn.execute(dialect_insert(Conflict).on_conflict_do_nothing(), rows)


def open_of_account(conn: Connection, account_id: int, limit: int, leave_out: tuple[str, ...]) -> list[Any]:
    """Open conflicts of an account, oldest first, except those with a reason in ``leave_out``."""
    return list(
        conn.execute(
            select(Conflict.__table__)
            .where(
                Conflict.account_id == account_id,
                Conflict.status == "open",
                Conflict.reason.not_in(leave_out),
            )
            .order_by(Conflict.id)
            .limit(limit)
        )
    )


def mark_resolved(conn: Connection, conflict_id: int, account_id: int) -> int:
    """Rows changed: 0 when the conflict is not this account's."""
    return conn.execute(
        update(Conflict)
        .where(Conflict.id == conflict_id, Conflict.account_id == account_id)
        .values(status="resolved")
    ).rowcount
