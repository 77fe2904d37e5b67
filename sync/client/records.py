"""Local rows <-> wire rows: value conversion per field type, and each record's scope.

Reading and writing go through SQLAlchemy Core on the store's tables (no ORM objects), so a batch
of 5000 records costs one query per kind, not one object per record.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, select

from advisor_app.domain.models import SYNCABLE
from sync.client.local_status import chunks
from sync.protocol import KINDS, PARENTS

ENVELOPE = ("id", "rev", "base_rev", "scope", "deleted", "created_at", "updated_at")
PULL_META = ("id", "rev", "scope", "owner", "device_id", "created_at", "updated_at", "deleted")
ORDER = list(SYNCABLE)  # parents before children: the server accepts a child after its parent in one batch


def payload_fields(kind: str) -> list[str]:
    return list(KINDS[kind].fields)


def to_wire(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def from_wire(kind: str, name: str, value: Any) -> Any:
    if value is None:
        return None
    spec = KINDS[kind].fields.get(name)
    wire_type = spec.type if spec else ("datetime" if name in ("created_at", "updated_at") else None)
    if wire_type == "datetime":
        parsed = datetime.fromisoformat(value)
        return parsed if parsed.tzinfo is None else parsed.astimezone(UTC).replace(tzinfo=None)
    if wire_type == "date":
        return date.fromisoformat(value)
    if wire_type == "decimal":
        return Decimal(str(value))
    return value


def load_rows(conn: Connection, kind: str, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Full local rows of ``kind`` by id (every column, Python values)."""
    table = SYNCABLE[kind].__table__
    out: dict[str, dict[str, Any]] = {}
    for chunk in chunks(list(ids)):
        for row in conn.execute(select(table).where(table.c.id.in_(chunk))).mappings():
            out[row["id"]] = dict(row)
    return out


def wire_payload(kind: str, row: dict[str, Any]) -> dict[str, Any]:
    return {f: to_wire(row.get(f)) for f in payload_fields(kind)}


class ScopeResolver:
    """The region code a record is filed under for access (docs/sync-protocol.md, ``scope``).

    Own ``region_code``, else the parent's (a case party takes its case's village), looked up in
    batches and cached for one sync; persons without a region take the installation's home region.
    """

    def __init__(self, conn: Connection, home_region: str | None) -> None:
        self.conn = conn
        self.home = home_region
        self.cache: dict[tuple[str, str], str | None] = {}

    def note(self, kind: str, rows: Iterable[dict[str, Any]]) -> None:
        """Rows about to be sent are parents of later rows: remember their scope without a query."""
        if "region_code" in KINDS[kind].fields:
            for row in rows:
                self.cache[(kind, row["id"])] = row.get("region_code") or (
                    self.home if kind == "persons" else None
                )

    def scopes(self, kind: str, rows: list[dict[str, Any]]) -> list[str | None]:
        if "region_code" in KINDS[kind].fields:
            return [r.get("region_code") or (self.home if kind == "persons" else None) for r in rows]
        refs = [self._parent_ref(kind, r) for r in rows]
        self._resolve([ref for ref in refs if ref is not None])
        return [self.cache.get(ref) if ref is not None else self.home for ref in refs]

    @staticmethod
    def _parent_ref(kind: str, row: dict[str, Any]) -> tuple[str, str] | None:
        spec = PARENTS.get(kind)
        if spec is None:
            return None
        field_name, parents = spec
        # a dict: the parent's kind depends on the record's target_kind (e.g. a rating's service)
        parent_kind = parents.get(row.get("target_kind") or "") if isinstance(parents, dict) else parents
        parent_id = row.get(field_name)
        if parent_kind is None or parent_id is None:
            return None
        return parent_kind, parent_id

    def _resolve(self, refs: list[tuple[str, str]]) -> None:
        wanted: dict[str, set[str]] = {}
        for kind, rid in refs:
            if (kind, rid) not in self.cache:
                wanted.setdefault(kind, set()).add(rid)
        for kind, ids in wanted.items():
            table = SYNCABLE[kind].__table__
            if "region_code" in KINDS[kind].fields:
                for chunk in chunks(sorted(ids)):
                    for rid, code in self.conn.execute(
                        select(table.c.id, table.c.region_code).where(table.c.id.in_(chunk))
                    ):
                        self.cache[(kind, rid)] = code or (self.home if kind == "persons" else None)
                continue
            rows = list(load_rows(self.conn, kind, ids).values())
            parents = {row["id"]: self._parent_ref(kind, row) for row in rows}
            self._resolve([p for p in parents.values() if p is not None])
            for rid, ref in parents.items():
                self.cache[(kind, rid)] = self.cache.get(ref) if ref is not None else None
        for kind, ids in wanted.items():
            for rid in ids:
                self.cache.setdefault((kind, rid), None)
