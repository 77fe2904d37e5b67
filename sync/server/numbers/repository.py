"""SQL of case-number blocks."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, func, select, update

from sync.server.db import NumberBlockGrant, Record, SyncState, utcnow


def committee(conn: Connection, committee_id: str) -> Any:
    """(scope, deleted) of a committee record, or None."""
    return conn.execute(
        select(Record.scope, Record.deleted).where(Record.kind == "committees", Record.id == committee_id)
    ).first()


def lock_numbers(conn: Connection) -> None:
    """The ``numbers`` row lock, held until commit: grants are handed out one at a time."""
    conn.execute(select(SyncState.value).where(SyncState.name == "numbers").with_for_update()).scalar_one()


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
    conn.execute(update(SyncState).where(SyncState.name == "numbers").values(value=SyncState.value + 1))
