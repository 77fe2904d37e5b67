"""Checking a pushed columnar batch before anything touches the database.

The rules are the shared field schema (``sync.protocol.kinds``): the same one a client applies
pulled rows by, so what is stored here every client can apply. A batch is checked column by column:
each field of a kind has a checker built once (type, length, enum, date and timestamp spelling,
JSON limits, control characters) that looks at a whole column in one pass, so 5,000 valid rows cost
a few comprehensions instead of 100,000 generic per-value calls. A column checker only answers "all
fine and canonical"; when any column of a block is not, the block is checked again row by row by
:func:`_row_errors`, which writes the Chinese message for every bad row and field, and a block
without errors is then normalized (a timestamp with an offset to naive UTC, a decimal to its scale,
a NOT NULL field left out or null to its declared default). Declared defaults missing as whole
columns (an older client that does not know a newer column) are filled on the fast path.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic_core import PydanticSerializationError, to_json

from sync.protocol import KINDS, META_FIELDS, PARENTS
from sync.protocol.kinds import (
    BAD_TEXT,
    FIELD_CHECKS,
    INT32,
    KindSpec,
    canonical_timestamp,
    field_checker,
    parse_timestamp,
    timestamps_ok,
)
from sync.protocol.wire import MAX_BATCH
from sync.server.errors import ApiError

UUID_RE = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")
MAX_REV = INT32
# The same spelling as sync.protocol.canonical_json, built once instead of once per call.
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


@dataclass(slots=True)
class Incoming:
    kind: str
    id: str
    rev: int
    base_rev: int
    scope: str
    deleted: bool
    created_at: str | None
    updated_at: str | None
    payload: dict[str, Any]
    text: str = ""  # canonical JSON of the payload, as stored
    hash: str = ""  # sync.protocol.payload_hash(payload, deleted)


def hash_of(text: str, deleted: bool) -> str:
    """``payload_hash`` from the canonical text already made: ``{"d":…,"p":…}`` spelled by hand
    is byte for byte what canonical_json makes of that dict (keys sorted, no spaces)."""
    data = ('{"d":true,"p":' if deleted else '{"d":false,"p":') + text + "}"
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


# --- column checkers: True when every value of the column is fine ---------------------------------

Column = Sequence[Any]
ColumnCheck = Callable[[Column], bool]


__all__ = ["Incoming", "field_checker", "hash_of", "parse_batch"]


def _id_ok(col: Column) -> bool:
    return all(type(v) is str and len(v) == 36 and UUID_RE.fullmatch(v) for v in col)


def _rev_ok(col: Column) -> bool:
    return all(type(v) is int for v in col) and min(col) >= 1 and max(col) < MAX_REV


def _scope_ok(col: Column) -> bool:
    return all(type(v) is str and 6 <= len(v) <= 12 and v.isascii() and v.isdigit() for v in col)


def _text_ok(limit: int) -> ColumnCheck:
    return lambda col: all(
        v is None or (type(v) is str and len(v) <= limit and not BAD_TEXT.search(v)) for v in col
    )


def _time_ok(col: Column) -> bool:
    """Canonical naive-UTC timestamps (or none): stored as sent; anything else takes the slow path."""
    values = [v for v in col if v is not None]
    return not values or timestamps_ok(values)


META_CHECKS: dict[str, ColumnCheck] = {
    "id": _id_ok,
    "rev": _rev_ok,
    "scope": _scope_ok,
    "deleted": lambda col: all(v is None or v is True or v is False for v in col),
    "created_at": _time_ok,
    "updated_at": _time_ok,
    "owner": _text_ok(64),
    "device_id": _text_ok(64),
}


@dataclass(frozen=True)
class KindChecks:
    spec: KindSpec
    columns: dict[str, ColumnCheck]


_CHECKS: dict[str, KindChecks] = {name: KindChecks(spec, FIELD_CHECKS[name]) for name, spec in KINDS.items()}


def _block_ok(kind: str, fields: list[str], rows: list[list[Any]]) -> bool:
    """True when every row of the block would pass :func:`_row_errors` and no id repeats."""
    checks = _CHECKS[kind]
    spec = checks.spec
    width = len(fields)
    if not all(len(r) == width for r in rows):
        return False
    cols = dict(zip(fields, zip(*rows, strict=True), strict=True))
    for name, col in cols.items():
        check = META_CHECKS.get(name) or checks.columns.get(name)
        if check is not None and not check(col):
            return False
    if "base_rev" in cols:
        base = cols["base_rev"]
        if not all(
            b is None or (type(b) is int and 0 <= b < r) for b, r in zip(base, cols["rev"], strict=True)
        ):
            return False
    deleted = cols.get("deleted")
    live = len(rows) if deleted is None else sum(1 for d in deleted if d is not True)
    if live and any(f.required and f.name not in cols for f in spec.fields.values()):
        return False
    if spec.has_region and "region_code" in cols:
        if any(
            own is not None and own != s for own, s in zip(cols["region_code"], cols["scope"], strict=True)
        ):
            return False
    parent = PARENTS.get(kind)
    if parent is not None and isinstance(parent[1], dict) and "target_kind" in cols:
        allowed = parent[1]
        if any(t is not None and t not in allowed for t in cols["target_kind"]):
            return False
    return len(set(cols["id"])) == len(rows)


# --- the row-by-row path: exact messages for refused batches ----------------------------------------


def _meta_error(name: str, message: str) -> str:
    return f"{name}：{message}"


def _check_meta(values: dict[str, Any]) -> dict[str, str]:
    errors: dict[str, str] = {}
    rid = values.get("id")
    if not isinstance(rid, str) or len(rid) != 36 or not UUID_RE.fullmatch(rid):
        errors["id"] = _meta_error("id", "应为 UUID（36 位）")
    rev = values.get("rev")
    rev_int = rev if isinstance(rev, int) and not isinstance(rev, bool) else None
    if rev_int is None or not 1 <= rev_int < MAX_REV:
        errors["rev"] = _meta_error("rev", "版本号应为正整数")
    base = values.get("base_rev", 0)
    if base is not None and (
        isinstance(base, bool)
        or not isinstance(base, int)
        or not 0 <= base < MAX_REV
        or (rev_int is not None and base >= rev_int)
    ):
        errors["base_rev"] = _meta_error("base_rev", "基础版本号应为小于版本号的非负整数")
    scope = values.get("scope")
    if not isinstance(scope, str) or not scope.isdigit() or not 6 <= len(scope) <= 12 or not scope.isascii():
        errors["scope"] = _meta_error("scope", "所属区划代码应为 6–12 位数字")
    if values.get("deleted") not in (None, True, False):
        errors["deleted"] = _meta_error("deleted", "应为是或否（true/false）")
    for name in ("created_at", "updated_at"):
        value = values.get(name)
        if value is not None and parse_timestamp(value) is None:
            errors[name] = _meta_error(name, "应为时间（YYYY-MM-DDTHH:MM:SS，可带时区）")
    for name in ("owner", "device_id"):
        value = values.get(name)
        if value is not None and (not isinstance(value, str) or len(value) > 64 or BAD_TEXT.search(value)):
            errors[name] = _meta_error(name, "格式不对")
    return errors


def _check_region(
    kind: str, spec: KindSpec, values: dict[str, Any], payload: dict[str, Any], errors: dict[str, str]
) -> None:
    own = payload.get("region_code")
    if spec.has_region and own is not None and own != values["scope"]:
        errors["scope"] = _meta_error("scope", "应与记录的所在村（region_code）相同")
    parent = PARENTS.get(kind)
    if parent is not None and isinstance(parent[1], dict):
        target = payload.get("target_kind")
        if target is not None and target not in parent[1]:
            errors["target_kind"] = f"target_kind：“{target}”不在可选范围内（{'、'.join(parent[1])}）"


def _row_errors(kind: str, spec: KindSpec, fields: list[str], rows: list[list[Any]]) -> list[dict[str, Any]]:
    errors: list[dict[str, Any]] = []
    payload_fields = [f for f in fields if f in spec.fields]
    seen: set[str] = set()
    for n, row in enumerate(rows):
        if len(row) != len(fields):
            errors.append(
                {"kind": kind, "row": n, "message": f"该行有 {len(row)} 个值，字段有 {len(fields)} 个"}
            )
            continue
        values = dict(zip(fields, row, strict=True))
        row_errors = _check_meta(values)
        payload = {f: values[f] for f in payload_fields}
        row_errors.update(spec.check_payload(payload, deleted=values.get("deleted") is True))
        if not row_errors:
            _check_region(kind, spec, values, payload, row_errors)
        if row_errors:
            errors.append({"kind": kind, "row": n, "id": values.get("id"), "fields": row_errors})
            continue
        if values["id"] in seen:
            errors.append({"kind": kind, "row": n, "id": values["id"], "message": "同一批中记录重复"})
            continue
        seen.add(values["id"])
    return errors


# --- building the changes ---------------------------------------------------------------------------


def _canonical(payload: dict[str, Any]) -> str:
    """canonical_json of a payload whose keys are already sorted and whose values are only text,
    int64s, booleans, nulls and lists of text: pydantic-core writes exactly the same bytes there
    (same escapes, no spaces), four times faster. Anything else goes to the json module."""
    try:
        return to_json(payload).decode("utf-8")
    except (PydanticSerializationError, UnicodeDecodeError):
        return _CANONICAL.encode(payload)


def _plain(
    spec: KindSpec, payload_fields: list[str], payload_index: list[int], rows: list[list[Any]]
) -> bool:
    """True when every payload value of the block is of a kind :func:`_canonical` spells exactly."""
    for name, i in zip(payload_fields, payload_index, strict=True):
        kind = spec.fields[name].type
        if kind == "json":
            if not all(
                v is None or (type(v) is list and all(type(x) is str for x in v))
                for v in (r[i] for r in rows)
            ):
                return False
        elif kind == "decimal":
            if not all(v is None or type(v) is str for v in (r[i] for r in rows)):
                return False
    return True


def _incoming(
    kind: str, spec: KindSpec, fields: list[str], rows: list[list[Any]], checked: bool
) -> list[Incoming]:
    index = {f: i for i, f in enumerate(fields)}
    # Payload keys in sorted order: what canonical JSON needs, so no encoder has to sort.
    payload_fields = sorted(f for f in fields if f in spec.fields)
    payload_index = [index[f] for f in payload_fields]
    i_id, i_rev, i_scope = index["id"], index["rev"], index["scope"]
    i_base, i_del = index.get("base_rev"), index.get("deleted")
    i_created, i_updated = index.get("created_at"), index.get("updated_at")
    # ``checked``: the column checks passed, so str / int / bool fields hold exactly those types.
    encode = (
        _canonical if checked and _plain(spec, payload_fields, payload_index, rows) else _CANONICAL.encode
    )
    out = []
    for row in rows:
        payload = dict(zip(payload_fields, [row[i] for i in payload_index], strict=True))
        deleted = i_del is not None and row[i_del] is True
        text = encode(payload)
        out.append(
            Incoming(
                kind,
                row[i_id],
                row[i_rev],
                (row[i_base] or 0) if i_base is not None else 0,
                row[i_scope],
                deleted,
                row[i_created] if i_created is not None else None,
                row[i_updated] if i_updated is not None else None,
                payload,
                text,
                hash_of(text, deleted),
            )
        )
    return out


def _with_default_columns(
    spec: KindSpec, fields: list[str], rows: list[list[Any]]
) -> tuple[list[str], list[list[Any]]]:
    """A NOT NULL field with a declared default that the sender left out (an older client that does
    not know the column): added as a column holding the default, so it is never stored as null."""
    missing = [name for name in spec.defaults if name not in fields]
    if not missing:
        return fields, rows
    tail = [spec.fields[name].default_value() for name in missing]  # one value per column, never mutated
    return fields + missing, [[*row, *tail] for row in rows]


def _normalized(spec: KindSpec, fields: list[str], rows: list[list[Any]]) -> list[list[Any]]:
    """Rows that passed the row checks, in canonical spelling: timestamps in naive UTC, decimals at
    their scale, nulls of NOT NULL fields with a declared default replaced by it."""
    plan: list[tuple[int, Any]] = []
    for i, name in enumerate(fields):
        if name in ("created_at", "updated_at"):
            plan.append((i, lambda v: None if v is None else canonical_timestamp(v)))
        elif name in spec.fields:
            field_spec = spec.fields[name]
            if field_spec.type in ("datetime", "decimal") or (
                not field_spec.nullable and field_spec.has_default
            ):
                plan.append((i, field_spec.normalize))
    if not plan:
        return rows
    out = []
    for row in rows:
        row = list(row)
        for i, normalize in plan:
            row[i] = normalize(row[i])
        out.append(row)
    return out


def parse_batch(changes: dict[str, Any]) -> list[Incoming]:
    """Every change of a columnar batch, checked; ApiError 422 listing each bad row and field."""
    errors: list[dict[str, Any]] = []
    out: list[Incoming] = []
    total = 0
    for kind, block in changes.items():
        spec = KINDS.get(kind)
        if spec is None:
            errors.append({"kind": kind, "message": f"未知的记录类型“{kind}”"})
            continue
        fields = block.fields
        unknown = [f for f in fields if f not in META_FIELDS and f not in spec.fields]
        missing = [f for f in ("id", "rev", "scope") if f not in fields]
        if len(set(fields)) != len(fields):
            errors.append({"kind": kind, "message": "字段名重复"})
            continue
        if unknown or missing:
            msg = "；".join(
                [f"未知字段：{'、'.join(unknown)}"] * bool(unknown)
                + [f"缺少字段：{'、'.join(missing)}"] * bool(missing)
            )
            errors.append({"kind": kind, "message": msg})
            continue
        rows = block.rows
        total += len(rows)
        if total > MAX_BATCH:
            raise ApiError(413, "batch_too_large", f"一批最多 {MAX_BATCH} 条修改，请分批推送")
        if not rows:
            continue
        fields, rows = _with_default_columns(spec, list(fields), rows)
        checked = _block_ok(kind, fields, rows)
        if not checked:
            found = _row_errors(kind, spec, fields, rows)
            if found:
                errors += found
                continue
            rows = _normalized(spec, fields, rows)
        if not errors:
            try:
                out += _incoming(kind, spec, fields, rows, checked)
            except UnicodeEncodeError:  # a lone surrogate ("\\ud800") is valid JSON but not text
                errors.append({"kind": kind, "message": "文本中含有无效字符（孤立的代理码位）"})
    if errors:
        raise ApiError(422, "invalid_changes", "推送的数据有误，整批未保存", details=errors[:200])
    return out
