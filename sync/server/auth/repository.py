"""SQL of accounts and device tokens."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select, update
from sqlalchemy.orm import Session

from sync.server.db import Account, Device, utcnow


def account_by_name(session: Session, username: str) -> Account | None:
    return session.scalar(select(Account).where(Account.username == username))


def revoke_live_tokens(session: Session, account_id: int, device_id: str) -> None:
    session.execute(
        update(Device)
        .where(
            Device.account_id == account_id,
            Device.device_id == device_id,
            Device.revoked_at.is_(None),
        )
        .values(revoked_at=utcnow())
    )


def add_device(
    session: Session,
    account_id: int,
    device_id: str,
    name: str,
    digest: str,
    expires: datetime,
    rating_key: str | None = None,
) -> int:
    """The new device row's number (also the device number in its 评价码)."""
    row = Device(
        account_id=account_id,
        device_id=device_id,
        name=name,
        token_hash=digest,
        expires_at=expires,
        rating_key=rating_key,
    )
    session.add(row)
    session.flush()
    return row.id


def rating_key(conn: Connection, device_row_id: int, new_key: str) -> str:
    """The device's 评价码 key, given ``new_key`` when it has none yet (logged in before there were keys)."""
    conn.execute(
        update(Device)
        .where(Device.id == device_row_id, Device.rating_key.is_(None))
        .values(rating_key=new_key)
    )
    key = conn.execute(select(Device.rating_key).where(Device.id == device_row_id)).scalar_one()
    assert key is not None  # set just above unless another request set it first
    return key


def device_by_token(conn: Connection, digest: str) -> Any:
    """The device row of a token hash with its account, or None."""
    return conn.execute(
        select(
            Device.id,
            Device.device_id,
            Device.expires_at,
            Device.revoked_at,
            Device.last_seen_at,
            Account.id.label("account_id"),
            Account.username,
            Account.role,
            Account.disabled,
        )
        .join(Account, Account.id == Device.account_id)
        .where(Device.token_hash == digest)
    ).first()


def touch_device(conn: Connection, device_row_id: int, when: datetime) -> None:
    conn.execute(update(Device).where(Device.id == device_row_id).values(last_seen_at=when))
