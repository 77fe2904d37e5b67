"""SQL of the phone page: device keys, ratings given by phone, the records they rate, rate limits."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, select, update

from sync.server.db import Account, Device, LoginFailure, PhoneRating, Record, ServerRegion


def device_key(conn: Connection, device_no: int) -> Any:
    """The device row of a 评价码 with its account (key, revoked_at, account id, role), or None."""
    return conn.execute(
        select(
            Device.id,
            Device.rating_key,
            Device.revoked_at,
            Account.id.label("account_id"),
            Account.role,
            Account.username,
        )
        .join(Account, Account.id == Device.account_id)
        .where(Device.id == device_no)
    ).first()


def phone_rating(conn: Connection, device_no: int, kind: str, ref: int) -> Any:
    return conn.execute(
        select(PhoneRating).where(
            PhoneRating.device_no == device_no, PhoneRating.kind == kind, PhoneRating.ref == ref
        )
    ).first()


def add_phone_rating(conn: Connection, values: dict[str, Any]) -> int:
    return conn.execute(
        PhoneRating.__table__.insert().values(**values).returning(PhoneRating.id)
    ).scalar_one()


def waiting_for(conn: Connection, refs: Iterable[int]) -> list[Any]:
    """Ratings by phone not yet linked whose reference is one of ``refs`` (few: the page is slow to use)."""
    wanted = sorted(set(refs))
    out: list[Any] = []
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        out += conn.execute(
            select(PhoneRating).where(PhoneRating.ref.in_(chunk), PhoneRating.record_id.is_(None))
        ).all()
    return out


def any_waiting(conn: Connection) -> bool:
    return (
        conn.execute(select(PhoneRating.id).where(PhoneRating.record_id.is_(None)).limit(1)).first()
        is not None
    )


def mark_linked(conn: Connection, phone_id: int, record_id: str, rating_id: str, when: datetime) -> None:
    conn.execute(
        update(PhoneRating)
        .where(PhoneRating.id == phone_id)
        .values(record_id=record_id, rating_id=rating_id, linked_at=when)
    )


def records_with_ref(conn: Connection, kind: str, hex_prefix: str) -> list[Any]:
    """Records of ``kind`` whose id starts with these 10 hex digits: a range on the primary key
    (kind, id), whose bounds are whole UUID spellings so any collation orders them alike."""
    low = f"{hex_prefix[:8]}-{hex_prefix[8:10]}00-0000-0000-000000000000"
    high = f"{hex_prefix[:8]}-{hex_prefix[8:10]}ff-ffff-ffff-ffffffffffff"
    return list(
        conn.execute(
            select(
                Record.kind, Record.id, Record.rev, Record.scope, Record.owner, Record.payload, Record.deleted
            ).where(Record.kind == kind, Record.id >= low, Record.id <= high)
        ).all()
    )


def region_name(conn: Connection, code: str) -> str | None:
    return conn.execute(select(ServerRegion.name).where(ServerRegion.code == code)).scalar()


def count_hit(conn: Connection, key: str, window: timedelta, now: datetime) -> int:
    """One more request under ``key`` in the current window; the count so far (the login
    throttle's table: one row per key, shared by every worker)."""
    row = conn.execute(
        select(LoginFailure.window_start, LoginFailure.count).where(LoginFailure.key == key).with_for_update()
    ).first()
    if row is None:
        conn.execute(LoginFailure.__table__.insert().values(key=key, window_start=now, count=1))
        return 1
    window_start, count = row  # unpacked: ``row.count`` reads as tuple.count to a type checker
    if now - window_start >= window:
        conn.execute(update(LoginFailure).where(LoginFailure.key == key).values(window_start=now, count=1))
        return 1
    conn.execute(update(LoginFailure).where(LoginFailure.key == key).values(count=LoginFailure.count + 1))
    return count + 1


def hits(conn: Connection, key: str, window: timedelta, now: datetime) -> int:
    """Requests counted under ``key`` in the current window (no new hit)."""
    row = conn.execute(
        select(LoginFailure.window_start, LoginFailure.count).where(LoginFailure.key == key)
    ).first()
    if row is None:
        return 0
    window_start, count = row
    return 0 if now - window_start >= window else count
