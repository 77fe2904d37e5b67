"""Record kinds that travel: the local store's syncable tables and the rules of their fields.

A kind's fields are the model's columns minus the sync metadata, which travels in the envelope
(``META_FIELDS``). The rules come from the SQLAlchemy columns so a new column reaches the wire
without a second list to keep in step.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, Numeric, String, Text

from advisor_app.domain.fields import label
from advisor_app.domain.models import SYNCABLE, SyncMixin

# Envelope columns of a change. ``scope`` is the village (or township) code the record belongs to
# for access control: its own region_code, or its parent's for records that have none.
META_FIELDS = ("id", "rev", "base_rev", "scope", "owner", "device_id", "created_at", "updated_at", "deleted")
SYNC_COLUMNS = {"id", "rev", "owner", "device_id", "created_at", "updated_at", "deleted"}
INT64 = 2**63

# Records without a region of their own take their parent's: kind -> (field, parent kind or
# {target_kind value: parent kind} when the parent's kind is named by ``target_kind``).
PARENTS: dict[str, tuple[str, str | dict[str, str]]] = {
    "case_parties": ("case_id", "cases"),
    "mediation_sessions": ("case_id", "cases"),
    "agreements": ("case_id", "cases"),
    "return_visits": ("case_id", "cases"),
    "judicial_confirmations": ("case_id", "cases"),
    "trainings": ("legal_literate_id", "legal_literates"),
    "activity_participants": ("activity_id", "activities"),
    "ratings": (
        "target_id",
        {
            "consultation": "consultations",
            "case": "cases",
            "activity": "activities",
            "agreement": "agreements",
        },
    ),
    "attachments": ("target_id", {"agreement": "agreements", "activity": "activities", "case": "cases"}),
}


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: str  # str / int / bool / date / datetime / decimal / json
    nullable: bool
    required: bool
    max_len: int | None = None

    def check(self, value: Any) -> str | None:
        """A Chinese message when ``value`` does not fit this field, else None."""
        if value is None:
            return None if self.nullable else "不能为空"
        kind = self.type
        if kind == "str":
            if not isinstance(value, str):
                return "应为文本"
            if self.max_len is not None and len(value) > self.max_len:
                return f"不能超过 {self.max_len} 个字"
        elif kind == "int":
            if isinstance(value, bool) or not isinstance(value, int) or not -INT64 <= value < INT64:
                return "应为整数"
        elif kind == "bool":
            if not isinstance(value, bool):
                return "应为是或否（true/false）"
        elif kind == "date":
            if not isinstance(value, str) or not _parses(date.fromisoformat, value):
                return "应为日期（YYYY-MM-DD）"
        elif kind == "datetime":
            if not isinstance(value, str) or not _parses(datetime.fromisoformat, value):
                return "应为时间（YYYY-MM-DDTHH:MM:SS）"
        elif kind == "decimal":
            if isinstance(value, bool) or not isinstance(value, str | int | float):
                return "应为数字"
            try:
                number = Decimal(str(value))
            except InvalidOperation:
                return "应为数字"
            if not number.is_finite() or (isinstance(value, float) and not math.isfinite(value)):
                return "应为数字"
        elif kind == "json" and not isinstance(value, list | dict):
            return "应为列表或对象"
        return None


@dataclass(frozen=True)
class KindSpec:
    name: str
    fields: dict[str, FieldSpec] = field(default_factory=dict)
    has_region: bool = False  # the payload has a region_code of its own
    region_required: bool = False

    def check_payload(self, payload: dict[str, Any], *, deleted: bool) -> dict[str, str]:
        """Field -> Chinese message for every problem of a payload."""
        errors: dict[str, str] = {}
        for name, value in payload.items():
            spec = self.fields.get(name)
            if spec is None:
                errors[name] = f"{name}：未知字段"
                continue
            problem = spec.check(value)
            if problem:
                errors[name] = f"{label(name)}：{problem}"
        if not deleted:
            for spec in self.fields.values():
                if spec.required and name_missing(payload, spec.name):
                    errors.setdefault(spec.name, f"{label(spec.name)}：不能为空")
        return errors


def name_missing(payload: dict[str, Any], name: str) -> bool:
    return payload.get(name) is None


def _parses(parse, value: str) -> bool:  # noqa: ANN001 - fromisoformat
    try:
        parse(value)
    except ValueError:
        return False
    return True


def _field_type(column) -> tuple[str, int | None]:  # noqa: ANN001 - a Column
    col_type = column.type
    if isinstance(col_type, Boolean):
        return "bool", None
    if isinstance(col_type, DateTime):
        return "datetime", None
    if isinstance(col_type, Date):
        return "date", None
    if isinstance(col_type, Numeric):
        return "decimal", None
    if isinstance(col_type, Integer):
        return "int", None
    if isinstance(col_type, JSON):
        return "json", None
    if isinstance(col_type, String | Text):
        return "str", getattr(col_type, "length", None)
    raise TypeError(f"no wire type for {column}")


def _build(name: str, model: type[SyncMixin]) -> KindSpec:
    fields: dict[str, FieldSpec] = {}
    for column in model.__table__.columns:
        if column.name in SYNC_COLUMNS:
            continue
        wire_type, max_len = _field_type(column)
        has_default = column.default is not None or column.server_default is not None
        fields[column.name] = FieldSpec(
            name=column.name,
            type=wire_type,
            nullable=bool(column.nullable),
            required=not column.nullable and not has_default,
            max_len=max_len,
        )
    region = fields.get("region_code")
    return KindSpec(
        name=name,
        fields=fields,
        has_region=region is not None,
        region_required=region is not None and not region.nullable,
    )


KINDS: dict[str, KindSpec] = {name: _build(name, model) for name, model in SYNCABLE.items()}


def kind_spec(name: str) -> KindSpec | None:
    return KINDS.get(name)
