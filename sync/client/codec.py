"""Fast paths between SQLite's stored values and the wire, for batches of thousands of rows.

SQLAlchemy's per-value type processing is most of the cost of a 10,000-record sync, so pushes read
and pulls write the driver's raw values here, converting exactly as SQLAlchemy stores them on
SQLite (datetimes as ``YYYY-MM-DD HH:MM:SS.ffffff``, dates as ISO text, JSON as text, booleans as
0/1, numerics as floats) and spelling wire values as ``isoformat()`` would.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection

from advisor_app.domain.models import SYNCABLE
from sync.protocol import KINDS

Convert = Callable[[Any], Any]


def _dt_out(raw: Any) -> Any:
    if raw is None:
        return None
    text = str(raw).replace(" ", "T", 1)
    return text[:-7] if text.endswith(".000000") else text


def _dt_in(value: Any) -> Any:
    if value is None:
        return None
    parsed = datetime.fromisoformat(value)
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed.strftime("%Y-%m-%d %H:%M:%S.%f")


def _json_out(raw: Any) -> Any:
    return None if raw is None else json.loads(raw)


def _json_in(value: Any) -> Any:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def _bool_out(raw: Any) -> Any:
    return None if raw is None else bool(raw)


def _bool_in(value: Any) -> Any:
    return None if value is None else int(bool(value))


def _decimal_out(scale: int) -> Convert:
    return lambda raw: None if raw is None else f"{float(raw):.{scale}f}"


def _decimal_in(value: Any) -> Any:
    return None if value is None else float(value)


def _same(value: Any) -> Any:
    return value


@functools.cache
def columns(kind: str) -> tuple[list[str], list[Convert], list[Convert]]:
    """Every column of ``kind``'s table, with converters raw->wire and wire->raw."""
    table = SYNCABLE[kind].__table__
    spec = KINDS[kind].fields
    names: list[str] = []
    out: list[Convert] = []
    into: list[Convert] = []
    o: Convert
    i: Convert
    for col in table.columns:
        name = col.name
        wire_type = spec[name].type if name in spec else None
        if name in ("created_at", "updated_at") or wire_type == "datetime":
            o, i = _dt_out, _dt_in
        elif name == "deleted" or wire_type == "bool":
            o, i = _bool_out, _bool_in
        elif wire_type == "json":
            o, i = _json_out, _json_in
        elif wire_type == "decimal":
            o, i = _decimal_out(getattr(col.type, "scale", None) or 0), _decimal_in
        else:
            o, i = _same, _same
        names.append(name)
        out.append(o)
        into.append(i)
    return names, out, into


def read_wire(conn: Connection, kind: str, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Rows by id with every column already in wire spelling (rev and deleted included)."""
    names, out, _ = columns(kind)
    convert = [(n, f) for n, f in zip(names, out, strict=True) if f is not _same]
    table = SYNCABLE[kind].__tablename__
    select_list = ", ".join(f'"{n}"' for n in names)
    found: dict[str, dict[str, Any]] = {}
    ids = list(ids)
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        marks = ",".join("?" * len(chunk))
        raws = conn.exec_driver_sql(
            f'SELECT {select_list} FROM "{table}" WHERE id IN ({marks})', tuple(chunk)
        ).fetchall()
        for raw in raws:
            row = dict(zip(names, raw, strict=True))
            for name, f in convert:
                row[name] = f(row[name])
            found[row["id"]] = row
    return found


@functools.cache
def _fillers(kind: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """Wire values for NOT NULL columns left empty: the model's default, and for a tombstone whose
    fields the server no longer sends, a neutral placeholder of the column's type."""
    table = SYNCABLE[kind].__table__
    spec = KINDS[kind].fields
    defaults: dict[str, Any] = {"owner": "", "device_id": "", "deleted": False}
    placeholders: dict[str, Any] = {}
    for col in table.columns:
        if col.nullable or col.name in defaults:
            continue
        field_spec = spec.get(col.name)
        if field_spec is not None and field_spec.has_default:
            # the schema's declared default: what the server fills for a client that left it out
            defaults[col.name] = field_spec.default_value()
        wire_type = spec[col.name].type if col.name in spec else None
        placeholders[col.name] = {
            "str": "",
            "int": 0,
            "bool": False,
            "date": "1970-01-01",
            "datetime": "1970-01-01T00:00:00",
            "decimal": "0",
            "json": [],
        }.get(wire_type or "", "")
    return defaults, placeholders


def upsert_wire(conn: Connection, kind: str, rows: list[dict[str, Any]]) -> None:
    """Insert or replace pulled rows (wire spelling) with one executemany."""
    names, _, into = columns(kind)
    defaults, placeholders = _fillers(kind)
    now = datetime.now(UTC).replace(tzinfo=None).isoformat()
    table = SYNCABLE[kind].__tablename__
    quoted = ", ".join(f'"{n}"' for n in names)
    updates = ", ".join(f'"{n}"=excluded."{n}"' for n in names if n != "id")
    sql = (
        f'INSERT INTO "{table}" ({quoted}) VALUES ({",".join("?" * len(names))}) '
        f"ON CONFLICT(id) DO UPDATE SET {updates}"
    )
    params = []
    for row in rows:
        values = []
        for name, f in zip(names, into, strict=True):
            value = row.get(name)
            if value is None:
                if name in ("created_at", "updated_at"):
                    value = now
                elif name in defaults:
                    value = defaults[name]
                elif row.get("deleted") and name in placeholders:
                    value = placeholders[name]
            values.append(f(value))
        params.append(tuple(values))
    conn.exec_driver_sql(sql, params)
