"""Admin work of the city 司法局: regions, committees, accounts, devices, ownership hand-over.

The rules and the Chinese refusals; the SQL is in ``admin.repository``. Driven by ``cli.py``."""

from __future__ import annotations

import csv
import json
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from advisor_app.domain.vocab import terms
from sync.protocol import PARENTS, canonical_json, kind_spec, payload_hash
from sync.server.admin import repository
from sync.server.changes.repository import load_records, take_sequence, take_sequences
from sync.server.database import write_session
from sync.server.db import Device, ServerRegion
from sync.server.regions.scope import ROLES, code_prefix
from sync.server.security import MIN_PASSWORD, hash_password

LEVELS = ("city", "county", "township", "village")


class AdminError(ValueError):
    """A refusal with a Chinese message, printed by the CLI."""


def import_regions(engine: Engine, path: Path) -> int:
    """Upsert the 区划代码 tree from a CSV (code, name, parent_code, level[, source])."""
    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    problems = []
    for n, row in enumerate(rows, start=2):
        code = (row.get("code") or "").strip()
        if not code.isdigit() or len(code) != 12:
            problems.append(f"第 {n} 行：区划代码“{code}”应为 12 位数字")
        if (row.get("level") or "").strip() not in LEVELS:
            problems.append(f"第 {n} 行：级别应为 {'/'.join(LEVELS)}")
        if not (row.get("name") or "").strip():
            problems.append(f"第 {n} 行：名称不能为空")
    if problems:
        raise AdminError("；".join(problems[:20]))
    known = {r["code"].strip() for r in rows}
    with write_session(engine) as session:
        known |= repository.region_codes(session)
        for n, row in enumerate(rows, start=2):
            parent = (row.get("parent_code") or "").strip() or None
            if parent and parent not in known:
                raise AdminError(f"第 {n} 行：上级区划“{parent}”不存在")
            # Scopes are code ranges (regions.scope): a region's code must lie under its parent's.
            if parent and not row["code"].strip().startswith(code_prefix(parent)):
                raise AdminError(
                    f"第 {n} 行：区划代码“{row['code'].strip()}”不在上级区划“{parent}”的代码之下"
                )
            repository.put_region(
                session,
                row["code"].strip(),
                row["name"].strip(),
                parent,
                row["level"].strip(),
                (row.get("source") or "").strip(),
            )
    return len(rows)


def _region(session: Session, code: str) -> ServerRegion:
    region = repository.region(session, code)
    if region is None:
        raise AdminError(f"区划“{code}”不存在，请先导入区划代码")
    return region


def add_user(engine: Engine, name: str, role: str, regions: list[str], password: str) -> int:
    if role not in ROLES:
        raise AdminError(f"角色应为 {'/'.join(ROLES)}")
    if len(password) < MIN_PASSWORD:
        raise AdminError(f"密码至少 {MIN_PASSWORD} 位")
    if role != "city" and not regions:
        raise AdminError("请用 --region 指定负责的区划")
    with write_session(engine) as session:
        if repository.account_id(session, name) is not None:
            raise AdminError(f"用户“{name}”已存在")
        for code in regions:
            region = _region(session, code)
            if role == "township" and region.level != "township":
                raise AdminError(f"司法所账号应分配乡镇级区划，“{code}”是 {region.level}")
            if role == "county" and region.level != "county":
                raise AdminError(f"县司法局账号应分配县级区划，“{code}”是 {region.level}")
        return repository.add_account(session, name, role, hash_password(password), dict.fromkeys(regions))


def set_password(engine: Engine, name: str, password: str, *, revoke_devices: bool = True) -> None:
    if len(password) < MIN_PASSWORD:
        raise AdminError(f"密码至少 {MIN_PASSWORD} 位")
    with write_session(engine) as session:
        account = repository.account(session, name)
        if account is None:
            raise AdminError(f"用户“{name}”不存在")
        account.password_hash = hash_password(password)
        if revoke_devices:
            repository.revoke_devices(session, Device.account_id == account.id)


def list_users(engine: Engine) -> list[dict[str, Any]]:
    with Session(engine) as session:
        return [
            {"username": a.username, "role": a.role, "regions": codes, "disabled": a.disabled}
            for a, codes in repository.accounts_with_regions(session)
        ]


def list_devices(engine: Engine, name: str | None = None) -> list[dict[str, Any]]:
    with Session(engine) as session:
        return [
            {
                "id": d.id,
                "user": user,
                "device_id": d.device_id,
                "name": d.name,
                "created_at": d.created_at,
                "last_seen_at": d.last_seen_at,
                "expires_at": d.expires_at,
                "revoked": d.revoked_at is not None,
            }
            for d, user in repository.devices(session, name)
        ]


def revoke_device(engine: Engine, device_row_id: int) -> int:
    with write_session(engine) as session:
        if repository.device(session, device_row_id) is None:
            raise AdminError(f"设备 {device_row_id} 不存在")
        return repository.revoke_devices(session, Device.id == device_row_id)


def add_committee(engine: Engine, name: str, short_name: str, kind: str, region_code: str, owner: str) -> str:
    """Create a 调委会 record on the server; devices pull it like any record."""
    if kind not in terms("committee_kinds"):
        raise AdminError(f"调委会类别应为：{'、'.join(terms('committee_kinds'))}")
    payload = {"name": name, "short_name": short_name, "kind": kind, "region_code": region_code}
    problems = kind_spec("committees").check_payload(payload, deleted=False)
    if problems:
        raise AdminError("；".join(problems.values()))
    with write_session(engine) as session:
        _region(session, region_code)
        if repository.account_id(session, owner) is None:
            raise AdminError(f"用户“{owner}”不存在")
        seq = take_sequence(session.connection(), 1)
        rid = str(uuid.uuid4())
        now = datetime.now(UTC).replace(tzinfo=None).isoformat(timespec="seconds")
        repository.add_record(
            session,
            kind="committees",
            id=rid,
            rev=1,
            scope=region_code,
            owner=owner,
            device_id="server",
            created_at=now,
            updated_at=now,
            deleted=False,
            payload=canonical_json(payload),
            hash=payload_hash(payload, False),
            seq=seq,
        )
        return rid


def list_committees(engine: Engine) -> list[dict[str, Any]]:
    with Session(engine) as session:
        return [
            {"id": rid, "owner": owner, **json.loads(payload)}
            for rid, owner, payload in repository.committees(session)
        ]


def _children(session: Session, kind: str, rid: str) -> list[tuple[str, str]]:
    """Records that hang under (kind, rid): a case's parties, sessions, agreements, …"""
    found = []
    for child_kind, (_field, parent_kind) in PARENTS.items():
        kinds = parent_kind.values() if isinstance(parent_kind, dict) else [parent_kind]
        if kind in kinds:
            found += [(child_kind, cid) for cid in repository.child_ids(session, child_kind, rid)]
    return found


def transfer(
    engine: Engine,
    to_user: str,
    *,
    record: tuple[str, str] | None = None,
    from_user: str | None = None,
    region: str | None = None,
) -> int:
    """Hand records over to ``to_user``: one record with everything under it, or all of an account's.

    Each moved record gets a new sequence number so devices pull the new owner.
    """
    with write_session(engine) as session:
        if repository.account_id(session, to_user) is None:
            raise AdminError(f"用户“{to_user}”不存在")
        if record is not None:
            if not repository.record_exists(session, record):
                raise AdminError(f"记录 {record[0]}:{record[1]} 不存在")
            keys, frontier = [record], [record]
            while frontier:
                frontier = [c for k in frontier for c in _children(session, *k)]
                keys += frontier
        elif from_user:
            keys = repository.keys_owned_by(session, from_user, region)
        else:
            raise AdminError("请指定 --record KIND:ID 或 --from USER")
        conn = session.connection()
        # The records first, then the sequence: the order a push takes its locks in, so a
        # hand-over and a push of the same records queue instead of deadlocking.
        load_records(conn, keys, lock="update")
        repository.hand_over(session, keys, to_user, take_sequences(conn, len(keys)))
        return len(keys)


def counts(engine: Engine) -> dict[str, int]:
    with Session(engine) as session:
        return repository.counts_by_kind(session)
