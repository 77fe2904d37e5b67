"""SQL of case-number blocks."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select
from sqlalchemy.dialects import postgresql, sqlite

from sync.server.db import NumberBlockGrant, NumberLock, Record, utcnow


def committee(conn: Connection, committee_id: str) -> Any:
    """(scope, deleted) of a committee record, or None."""
    return conn.execute(
        select(Record.scope, Record.deleted).where(Record.kind == "committees", Record.id == committee_id)
    ).first()


def lock_numbers(conn: Connection, committee_id: str) -> None:
    """The committee's row lock (``number_locks``, held until commit): its grants are handed out
    one at a time, per committee (its years and its daily cap), other committees in parallel."""
    table = NumberLock.__table__
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    conn.execute(insert(table).values(committee_id=committee_id).on_conflict_do_nothing())
    conn.execute(select(table.c.committee_id).where(table.c.committee_id == committee_id).with_for_update())


def top_granted(conn: Connection, committee_id: str, year: int) -> int | None:
    return conn.execute(
        select(func.max(NumberBlockGrant.last)).where(
            NumberBlockGrant.committee_id == committee_id, NumberBlockGrant.year == year
        )
    ).scalar()


def granted_since(conn: Connection, committee_id: str, since: datetime) -> int:
    """How many numbers of this committee were handed out since ``since`` (any year)."""
    total = conn.execute(
        select(func.coalesce(func.sum(NumberBlockGrant.last - NumberBlockGrant.first + 1), 0)).where(
            NumberBlockGrant.committee_id == committee_id, NumberBlockGrant.created_at >= since
        )
    ).scalar_one()
    return int(total or 0)


def grant(
    conn: Connection, committee_id: str, year: int, first: int, last: int, account_id: int, device_id: str
) -> None:
    conn.execute(
        NumberBlockGrant.__table__.insert().values(
            committee_id=committee_id,
            year=year,
            first=first,
            last=last,
            account_id=account_id,
            device_id=device_id,
            created_at=utcnow(),
        )
    )
