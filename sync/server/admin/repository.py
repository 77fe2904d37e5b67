"""SQL of the admin work: regions, accounts, devices, committee records, ownership."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, cast

from sqlalchemy import CursorResult, bindparam, func, select, update
from sqlalchemy.orm import Session

from sync.server.db import Account, AccountRegion, Device, Record, ServerRegion, utcnow


def region_codes(session: Session) -> set[str]:
    return set(session.scalars(select(ServerRegion.code)))


def put_region(session: Session, code: str, name: str, parent: str | None, level: str, source: str) -> None:
    session.merge(ServerRegion(code=code, name=name, parent_code=parent, level=level, source=source))


def region(session: Session, code: str) -> ServerRegion | None:
    return session.get(ServerRegion, code)


def account_id(session: Session, username: str) -> int | None:
    return session.scalar(select(Account.id).where(Account.username == username))


def account(session: Session, username: str) -> Account | None:
    return session.scalar(select(Account).where(Account.username == username))


def add_account(
    session: Session, username: str, role: str, password_hash: str, regions: Iterable[str]
) -> int:
    new = Account(username=username, role=role, password_hash=password_hash)
    session.add(new)
    session.flush()
    for code in regions:
        session.add(AccountRegion(account_id=new.id, region_code=code))
    return new.id


def accounts_with_regions(session: Session) -> list[tuple[Account, list[str]]]:
    out = []
    for acc in session.scalars(select(Account).order_by(Account.username)):
        codes = session.scalars(select(AccountRegion.region_code).where(AccountRegion.account_id == acc.id))
        out.append((acc, sorted(codes)))
    return out


def devices(session: Session, username: str | None) -> list[tuple[Device, str]]:
    query = (
        select(Device, Account.username).join(Account, Account.id == Device.account_id).order_by(Device.id)
    )
    if username:
        query = query.where(Account.username == username)
    return [(d, user) for d, user in session.execute(query)]


def device(session: Session, device_row_id: int) -> Device | None:
    return session.get(Device, device_row_id)


def revoke_devices(session: Session, condition: Any) -> int:
    """Revoke the live tokens matching ``condition``; how many."""
    # An UPDATE's result is a CursorResult (it has rowcount); Session.execute is typed as Result.
    result = session.execute(
        update(Device).where(condition, Device.revoked_at.is_(None)).values(revoked_at=utcnow())
    )
    return cast(CursorResult[Any], result).rowcount


def add_record(session: Session, **values: Any) -> None:
    session.add(Record(**values))


def committees(session: Session) -> list[tuple[str, str, str]]:
    """(id, owner, payload) of the live committees."""
    return list(
        session.execute(
            select(Record.id, Record.owner, Record.payload).where(
                Record.kind == "committees", Record.deleted.is_(False)
            )
        )
    )


def record_exists(session: Session, key: tuple[str, str]) -> bool:
    return session.get(Record, key) is not None


def child_ids(session: Session, child_kind: str, parent_id: str) -> list[str]:
    return list(
        session.scalars(select(Record.id).where(Record.parent_id == parent_id, Record.kind == child_kind))
    )


def keys_owned_by(session: Session, owner: str, region_code: str | None) -> list[tuple[str, str]]:
    query = select(Record.kind, Record.id).where(Record.owner == owner)
    if region_code:
        query = query.where(Record.scope == region_code)
    return [(k, i) for k, i in session.execute(query)]


def hand_over(session: Session, keys: list[tuple[str, str]], to_user: str, seqs: list[int]) -> None:
    """Give these records to ``to_user``, numbered ``seqs`` (one each, in order)."""
    if not keys:
        return
    session.connection().execute(
        update(Record)
        .where(Record.kind == bindparam("b_kind"), Record.id == bindparam("b_id"))
        .values(owner=to_user, seq=bindparam("b_seq")),
        [{"b_kind": kind, "b_id": rid, "b_seq": seqs[n]} for n, (kind, rid) in enumerate(keys)],
    )


def counts_by_kind(session: Session) -> dict[str, int]:
    return {kind: n for kind, n in session.execute(select(Record.kind, func.count()).group_by(Record.kind))}
