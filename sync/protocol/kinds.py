"""Record kinds that travel, and the one field schema both ends obey (docs/sync-protocol.md).

A kind's fields are the model's columns minus the sync metadata, which travels in the envelope
(``META_FIELDS``). Each field's rule (type, required or declared default, length, enum, JSON limits)
comes from the SQLAlchemy column, so a new column reaches the wire and the checks without a second
list to keep in step. The server refuses what the schema refuses and fills declared defaults; the
client applies a pulled row only when the same schema passes it, and quarantines it otherwise.
Whatever passes here, every client of this protocol version (and of the previous one) can apply.

The schema is derived on first use (:data:`KINDS`, :data:`PARENTS` and the column checks are
read-only mappings built when first read), not at import: a program that imports the protocol
for its light parts (the wire format, a date parser) does not pay for mapping the models and
reading every column.

Values on the wire are canonical: a date is ``YYYY-MM-DD``; a timestamp is naive UTC spelled as
``datetime.isoformat()`` does (``YYYY-MM-DDTHH:MM:SS[.ffffff]``; an offset is converted to UTC on
arrival, a naive one is UTC already); a decimal is a string with the column's scale.
"""

from __future__ import annotations

import math
import re
import threading
import typing
from collections.abc import Callable, Iterator, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from advisor_app.domain.fields import label
from advisor_app.domain.vocab import terms

if TYPE_CHECKING:
    from advisor_app.domain.models import SyncMixin

V = TypeVar("V")


class Derived(MutableMapping[str, V], Generic[V]):
    """A dict built by ``build()`` on first use (once, also when threads race to it).

    Code only reads it; it takes assignment so that a test can patch one entry
    (``monkeypatch.setitem``), as it could when this was a plain dict.
    """

    def __init__(self, build: Callable[[], dict[str, V]]) -> None:
        self._build = build
        self._data: dict[str, V] | None = None
        self._lock = threading.Lock()

    def _items(self) -> dict[str, V]:
        data = self._data
        if data is None:
            with self._lock:
                if self._data is None:
                    self._data = self._build()
                data = self._data
        return data

    def __getitem__(self, key: str) -> V:
        return self._items()[key]

    def __contains__(self, key: object) -> bool:
        return key in self._items()

    def get(self, key: str, default: Any = None) -> Any:
        return self._items().get(key, default)

    def __setitem__(self, key: str, value: V) -> None:
        self._items()[key] = value

    def __delitem__(self, key: str) -> None:
        del self._items()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._items())

    def __len__(self) -> int:
        return len(self._items())

    def __repr__(self) -> str:
        return repr(self._items())


# Envelope columns of a change. ``scope`` is the village (or township) code the record belongs to
# for access control: its own region_code, or its parent's for records that have none.
META_FIELDS = ("id", "rev", "base_rev", "scope", "owner", "device_id", "created_at", "updated_at", "deleted")
SYNC_COLUMNS = {"id", "rev", "owner", "device_id", "created_at", "updated_at", "deleted"}
INT64 = 2**63
INT32 = 2**31

# --- limits of the contract (docs/sync-protocol.md “Field contract”) --------------------------------
TEXT_MAX = 50_000  # a Text column without a length of its own
JSON_MAX_DEPTH = 16  # nesting of lists/objects; the parsers of both ends stop far deeper (≈200)
JSON_MAX_CHARS = 256 * 1024  # characters of a JSON value's canonical text
DATE_MIN, DATE_MAX = date(1900, 1, 1), date(2199, 12, 31)  # date arithmetic (+30 days …) stays in range
# NUL, other C0 controls but tab / newline / carriage return, DEL, and lone surrogates (not text).
BAD_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)
# A timestamp as sent: ISO date, 'T' (or a space), time to the minute at least, optional offset.
TIMESTAMP_RE = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?(?:Z|[+-]\d{2}:\d{2})?", re.ASCII
)
# The canonical spelling: naive UTC, exactly what isoformat() writes.
CANONICAL_TIMESTAMP_RE = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{6})?", re.ASCII)

# Fields the code branches on take only their vocabulary's terms. Other vocabulary fields (纠纷类型,
# 服务类型 …) stay open text: a newer vocabulary version must still travel to older clients.
ENUM_VOCABULARIES: dict[tuple[str, str], str] = {
    ("cases", "status"): "case_statuses",
    ("agreements", "status"): "agreement_statuses",
    ("agreements", "kind"): "agreement_kinds",
    ("agreements", "performed"): "performance_statuses",
    ("return_visits", "performed"): "performance_statuses",
    ("judicial_confirmations", "status"): "confirmation_statuses",
    ("consultations", "status"): "consultation_statuses",
    ("legal_literates", "status"): "roster_statuses",
    ("ratings", "grade"): "satisfaction_grades",
}


def _by_target(*singulars: str) -> dict[str, str]:
    """target_kind value -> the sync kind it names (advisor_app.domain.record_kinds)."""
    from advisor_app.domain import record_kinds  # the registry maps the models: on first use

    return {s: record_kinds.info_of(s).kind.value for s in singulars}


def _parents() -> dict[str, tuple[str, str | dict[str, str]]]:
    return {
        "case_parties": ("case_id", "cases"),
        "mediation_sessions": ("case_id", "cases"),
        "agreements": ("case_id", "cases"),
        "return_visits": ("case_id", "cases"),
        "judicial_confirmations": ("case_id", "cases"),
        "case_file_ticks": ("case_id", "cases"),
        "trainings": ("legal_literate_id", "legal_literates"),
        "activity_participants": ("activity_id", "activities"),
        "ratings": ("target_id", _by_target("consultation", "case", "activity", "agreement")),
        "attachments": ("target_id", _by_target("agreement", "activity", "case")),
    }


# Records without a region of their own take their parent's: kind -> (field, parent kind or
# {target_kind value: parent kind} when the parent's kind is named by ``target_kind``).
PARENTS: MutableMapping[str, tuple[str, str | dict[str, str]]] = Derived(_parents)


class _NoDefault:
    def __repr__(self) -> str:
        return "NO_DEFAULT"


NO_DEFAULT: Any = _NoDefault()


# --- single values ---------------------------------------------------------------------------------


def parse_date(value: Any) -> date | None:
    """The date of a canonical ``YYYY-MM-DD`` string within the contract's range, else None."""
    if type(value) is not str or len(value) != 10 or not DATE_RE.fullmatch(value):
        return None
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        return None
    return parsed if DATE_MIN <= parsed <= DATE_MAX else None


def parse_timestamp(value: Any) -> datetime | None:
    """Naive UTC of an ISO timestamp (an offset converted, a naive one taken as UTC), else None."""
    if type(value) is not str or len(value) > 40 or not TIMESTAMP_RE.fullmatch(value):
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    if parsed.tzinfo is not None:
        try:
            parsed = parsed.astimezone(UTC).replace(tzinfo=None)
        except OverflowError:
            return None
    return parsed if DATE_MIN <= parsed.date() <= DATE_MAX else None


def canonical_timestamp(value: Any) -> str | None:
    parsed = parse_timestamp(value)
    return None if parsed is None else parsed.isoformat()


def text_problem(value: str, max_len: int | None) -> str | None:
    if max_len is not None and len(value) > max_len:
        return f"不能超过 {max_len} 个字"
    if BAD_TEXT.search(value):
        return "含有不允许的控制字符（如 NUL）或无效字符"
    return None


def json_problem(value: Any, items: str | None) -> str | None:
    """Depth, size, finite numbers, clean text inside a JSON value; ``items`` = "str" for list[str]."""
    if items == "str":
        if type(value) is not list:
            return "应为文本列表"
        if not all(type(v) is str for v in value):
            return "列表中的每一项应为文本"
        if sum(len(v) + 3 for v in value) > JSON_MAX_CHARS:
            return f"内容过大（超过 {JSON_MAX_CHARS} 个字符）"
        if BAD_TEXT.search("".join(value)):
            return "含有不允许的控制字符（如 NUL）或无效字符"
        return None
    if type(value) is not list and type(value) is not dict:
        return "应为列表或对象"
    budget = [JSON_MAX_CHARS]
    return _walk(value, 1, budget)


def _walk(value: Any, depth: int, budget: list[int]) -> str | None:
    if depth > JSON_MAX_DEPTH:
        return f"嵌套层数超过 {JSON_MAX_DEPTH} 层"
    kind = type(value)
    if kind is dict:
        budget[0] -= 2
        for key, item in value.items():
            if type(key) is not str or BAD_TEXT.search(key):
                return "对象的键应为文本"
            budget[0] -= len(key) + 4
            problem = _walk(item, depth + 1, budget)
            if problem:
                return problem
    elif kind is list:
        budget[0] -= 2
        for item in value:
            problem = _walk(item, depth + 1, budget)
            if problem:
                return problem
    elif kind is str:
        budget[0] -= len(value) + 3
        if BAD_TEXT.search(value):
            return "含有不允许的控制字符（如 NUL）或无效字符"
    elif kind is float:
        if not math.isfinite(value):
            return "数字应为有限值（不能是 NaN 或 Infinity）"
        budget[0] -= 24
    elif kind is int:
        if not -INT64 <= value < INT64:
            return "整数超出范围"
        budget[0] -= 20
    elif value is not None and kind is not bool:
        return "含有不支持的值"
    if budget[0] < 0:
        return f"内容过大（超过 {JSON_MAX_CHARS} 个字符）"
    return None


# --- fields and kinds ------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: str  # str / int / bool / date / datetime / decimal / json
    nullable: bool
    required: bool  # NOT NULL without a declared default: a live record must carry it
    max_len: int | None = None
    default: Any = NO_DEFAULT  # wire value the server fills for a NOT NULL field left out or null
    enum: frozenset[str] | None = None
    items: str | None = None  # json: "str" for a list of text
    int_bits: int = 32
    precision: int | None = None  # decimal: digits in all
    scale: int = 0  # decimal: digits after the point

    @property
    def has_default(self) -> bool:
        return self.default is not NO_DEFAULT

    def default_value(self) -> Any:
        """A fresh copy of the declared default (a list is never shared between rows)."""
        value = self.default
        return list(value) if type(value) is list else dict(value) if type(value) is dict else value

    def check(self, value: Any) -> str | None:
        """A Chinese message when ``value`` does not fit this field, else None."""
        if value is None:
            return None if self.nullable or self.has_default else "不能为空"
        kind = self.type
        if kind == "str":
            if type(value) is not str:
                return "应为文本"
            problem = text_problem(value, self.max_len)
            if problem:
                return problem
            if self.enum is not None and value not in self.enum:
                return f"“{value[:20]}”不在可选范围内（{'、'.join(sorted(self.enum))}）"
        elif kind == "int":
            limit = 2 ** (self.int_bits - 1)
            if type(value) is not int or not -limit <= value < limit:
                return "应为整数" if type(value) is not int else "整数超出范围"
        elif kind == "bool":
            if type(value) is not bool:
                return "应为是或否（true/false）"
        elif kind == "date":
            if parse_date(value) is None:
                return f"应为日期（YYYY-MM-DD，{DATE_MIN.year}–{DATE_MAX.year} 年）"
        elif kind == "datetime":
            if parse_timestamp(value) is None:
                return "应为时间（YYYY-MM-DDTHH:MM:SS，可带时区）"
        elif kind == "decimal":
            return self._decimal_problem(value)
        elif kind == "json":
            return json_problem(value, self.items)
        return None

    def _decimal_problem(self, value: Any) -> str | None:
        if type(value) not in (str, int, float):
            return "应为数字"
        if type(value) is float and not math.isfinite(value):
            return "数字应为有限值（不能是 NaN 或 Infinity）"
        if type(value) is str and (len(value) > 40 or not re.fullmatch(r"-?\d+(\.\d+)?", value)):
            return "应为数字"
        try:
            number = Decimal(str(value))
        except InvalidOperation:
            return "应为数字"
        if not number.is_finite():
            return "数字应为有限值（不能是 NaN 或 Infinity）"
        if number != number.quantize(Decimal(1).scaleb(-self.scale)):
            return f"最多 {self.scale} 位小数"
        if self.precision is not None and abs(number) >= Decimal(10) ** (self.precision - self.scale):
            return "数值过大"
        return None

    def normalize(self, value: Any) -> Any:
        """The canonical wire spelling of a value that passed :meth:`check`."""
        if value is None:
            return self.default_value() if not self.nullable and self.has_default else None
        if self.type == "datetime":
            return canonical_timestamp(value)
        if self.type == "decimal":
            return str(Decimal(str(value)).quantize(Decimal(1).scaleb(-self.scale)))
        return value


@dataclass(frozen=True)
class KindSpec:
    name: str
    fields: dict[str, FieldSpec] = field(default_factory=dict)
    has_region: bool = False  # the payload has a region_code of its own
    region_required: bool = False

    @property
    def defaults(self) -> dict[str, FieldSpec]:
        """NOT NULL fields with a declared default (filled by the server when left out or null)."""
        return {n: f for n, f in self.fields.items() if not f.nullable and f.has_default}

    def check_payload(self, payload: dict[str, Any], *, deleted: bool) -> dict[str, str]:
        """Field -> Chinese message for every problem of a payload (defaults not yet filled)."""
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

    def fill_defaults(self, payload: dict[str, Any]) -> dict[str, Any]:
        """The payload with every NOT NULL field that has a declared default present (in place)."""
        for name, spec in self.defaults.items():
            if payload.get(name) is None:
                payload[name] = spec.default_value()
        return payload


def name_missing(payload: dict[str, Any], name: str) -> bool:
    return payload.get(name) is None


def check_meta(values: dict[str, Any]) -> dict[str, str]:
    """Problems of a pulled row's envelope (what a client needs to file it)."""
    errors: dict[str, str] = {}
    rid = values.get("id")
    if type(rid) is not str or not UUID_RE.fullmatch(rid):
        errors["id"] = "id：应为 UUID（36 位）"
    rev = values.get("rev")
    if type(rev) is not int or not 1 <= rev < INT32:
        errors["rev"] = "rev：版本号应为正整数"
    if values.get("deleted") not in (None, True, False):
        errors["deleted"] = "deleted：应为是或否（true/false）"
    for name in ("created_at", "updated_at"):
        value = values.get(name)
        if value is not None and parse_timestamp(value) is None:
            errors[name] = f"{label(name)}：应为时间（YYYY-MM-DDTHH:MM:SS，可带时区）"
    for name in ("owner", "device_id"):
        value = values.get(name)
        if value is not None and (type(value) is not str or text_problem(value, 64)):
            errors[name] = f"{name}：格式不对"
    return errors


UUID_RE = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", re.ASCII)


def row_problems(kind: str, row: dict[str, Any]) -> dict[str, str]:
    """Everything a client must refuse to apply in a pulled row (envelope and known fields).

    Fields this version does not know (a newer server's column) are left out, not refused; NOT NULL
    fields with a declared default may be missing (the client fills them, as the server would).
    """
    spec = KINDS[kind]
    errors = check_meta(row)
    deleted = row.get("deleted") is True
    payload = {k: v for k, v in row.items() if k in spec.fields}
    errors.update(spec.check_payload(payload, deleted=deleted))
    return errors


# --- building the schema from the models ------------------------------------------------------------


def _column_default(column: Any) -> Any:
    default = column.default
    if default is None:
        return NO_DEFAULT
    if not default.is_callable:
        # a status default is a StrEnum member (advisor_app.domain.statuses): the wire value is its text
        return default.arg.value if isinstance(default.arg, Enum) else default.arg
    made = default.arg(None)
    # list / dict factories are wire values; a clock (utcnow) is not a declared value
    return made if type(made) in (list, dict) else NO_DEFAULT


def _json_items(model: type[SyncMixin], name: str) -> str | None:
    try:
        hint = typing.get_type_hints(model).get(name)
    except Exception:  # noqa: BLE001 - an annotation that does not resolve: a free JSON value
        return None
    args = typing.get_args(hint)
    inner = args[0] if args else None
    return "str" if inner == list[str] else None


def _build(name: str, model: type[SyncMixin]) -> KindSpec:
    from sqlalchemy import JSON, BigInteger, Boolean, Date, DateTime, Integer, Numeric, String, Text

    fields: dict[str, FieldSpec] = {}
    for column in model.__table__.columns:
        if column.name in SYNC_COLUMNS:
            continue
        col_type = column.type
        extra: dict[str, Any] = {}
        if isinstance(col_type, Boolean):
            wire_type = "bool"
        elif isinstance(col_type, DateTime):
            wire_type = "datetime"
        elif isinstance(col_type, Date):
            wire_type = "date"
        elif isinstance(col_type, Numeric):
            wire_type = "decimal"
            extra = {"precision": col_type.precision, "scale": col_type.scale or 0}
        elif isinstance(col_type, Integer):
            wire_type = "int"
            extra = {"int_bits": 64 if isinstance(col_type, BigInteger) else 32}
        elif isinstance(col_type, JSON):
            wire_type = "json"
            extra = {"items": _json_items(model, column.name)}
        elif isinstance(col_type, String | Text):
            wire_type = "str"
            extra = {"max_len": getattr(col_type, "length", None) or TEXT_MAX}
            vocab = ENUM_VOCABULARIES.get((name, column.name))
            if vocab is not None:
                extra["enum"] = frozenset(terms(vocab))
        else:
            raise TypeError(f"no wire type for {column}")
        default = _column_default(column) if not column.nullable else NO_DEFAULT
        parent = PARENTS.get(name)
        if column.name == "target_kind" and parent is not None and isinstance(parent[1], dict):
            extra["enum"] = frozenset(parent[1])
        fields[column.name] = FieldSpec(
            name=column.name,
            type=wire_type,
            nullable=bool(column.nullable),
            required=not column.nullable and default is NO_DEFAULT,
            default=default,
            **extra,
        )
    region = fields.get("region_code")
    return KindSpec(
        name=name,
        fields=fields,
        has_region=region is not None,
        region_required=region is not None and not region.nullable,
    )


_SCHEMA: list[tuple[dict[str, KindSpec], dict[str, dict[str, Callable[[Sequence[Any]], bool]]]]] = []
_SCHEMA_LOCK = threading.Lock()


def _schema() -> tuple[dict[str, KindSpec], dict[str, dict[str, Callable[[Sequence[Any]], bool]]]]:
    """The kinds and their column checks, built together from the models once (so the checks
    are those of the schema as built, whatever a test patches into :data:`KINDS` later)."""
    with _SCHEMA_LOCK:
        if not _SCHEMA:
            from advisor_app.domain.models import SYNCABLE

            kinds = {name: _build(name, model) for name, model in SYNCABLE.items()}
            checks = {
                name: {f.name: field_checker(f) for f in spec.fields.values()} for name, spec in kinds.items()
            }
            _SCHEMA.append((kinds, checks))
        return _SCHEMA[0]


# Every kind that travels, in the models' order (parents before children).
KINDS: MutableMapping[str, KindSpec] = Derived(lambda: _schema()[0])


def kind_spec(name: str) -> KindSpec:
    """The spec of a kind the caller names in code (KeyError for a name that is no kind)."""
    return KINDS[name]


# --- whole columns at once (the server's bulk path; the client's page check) ------------------------

Column = Sequence[Any]
ColumnCheck = Callable[[Column], bool]


def _parses_all(parse: Callable[[Any], Any], values: list[Any]) -> bool:
    return all(parse(v) is not None for v in values)


def _dates_ok(values: list[Any]) -> bool:
    # canonical dates of the contract's years compare as text: one pass, no parsing per value
    if not all(type(v) is str and len(v) == 10 and DATE_RE.fullmatch(v) for v in values):
        return False
    low, high = min(values), max(values)
    if low < DATE_MIN.isoformat() or high > DATE_MAX.isoformat():
        return False
    try:
        for v in values:
            date.fromisoformat(v)
    except ValueError:
        return False
    return True


_TS_LOW, _TS_HIGH = DATE_MIN.isoformat(), DATE_MAX.isoformat() + "T23:59:59.999999"


_TS = r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{6})?"
# Canonical timestamps one per line: one regex over the joined column instead of one per value.
# A value holding a newline would pass it as two lines, but then fails the per-value parse below.
_TS_LINES = re.compile(f"(?:{_TS}\n)*{_TS}", re.ASCII)


def timestamps_ok(values: Sequence[Any]) -> bool:
    """Every value a canonical naive-UTC timestamp within the contract's years (one regex over the
    column and one parse per value; the years compare as text)."""
    if not all(type(v) is str for v in values) or not _TS_LINES.fullmatch("\n".join(values)):
        return False
    if min(values) < _TS_LOW or max(values) > _TS_HIGH:
        return False
    parse = datetime.fromisoformat
    try:
        for v in values:
            parse(v)
    except ValueError:
        return False
    return True


def field_checker(spec: FieldSpec) -> ColumnCheck:
    """A whole-column check: True only when ``spec.check`` passes every value and every value is
    already canonical (so the server stores the column as sent)."""
    nullable = spec.nullable
    kind = spec.type
    max_len = spec.max_len
    enum = spec.enum
    limit = 2 ** (spec.int_bits - 1)

    def check(col: Column) -> bool:
        values = [v for v in col if v is not None]
        if len(values) != len(col) and not nullable:
            return False  # a null to refuse, or a default to fill: the slow path does either
        if not values:
            return True
        if kind == "str":
            if not all(type(v) is str for v in values):
                return False
            if max_len is not None and max(map(len, values)) > max_len:
                return False
            if enum is not None and not enum.issuperset(values):
                return False
            return BAD_TEXT.search("".join(values)) is None
        if kind == "int":
            return all(type(v) is int for v in values) and -limit <= min(values) and max(values) < limit
        if kind == "bool":
            return all(v is True or v is False for v in values)
        if kind == "date":
            return _dates_ok(values)
        if kind == "datetime":
            return timestamps_ok(values)
        if kind == "json" and spec.items == "str":
            if not all(type(v) is list for v in values):
                return False
            items = [x for v in values for x in v]
            if not all(type(x) is str for x in items) or BAD_TEXT.search("".join(items)):
                return False
            if not items or max(map(len, values)) * (max(map(len, items)) + 3) <= JSON_MAX_CHARS:
                return True
            return all(json_problem(v, "str") is None for v in values)  # a big list: exact sizes
        if kind == "decimal":
            return all(spec.check(v) is None and spec.normalize(v) == v for v in values)
        return all(spec.check(v) is None for v in values)

    return check


def _uuids_ok(col: Column) -> bool:
    return all(type(v) is str and len(v) == 36 and UUID_RE.fullmatch(v) for v in col)


def _revs_ok(col: Column) -> bool:
    return all(type(v) is int for v in col) and min(col) >= 1 and max(col) < INT32


def _meta_text_ok(col: Column) -> bool:
    return all(v is None or (type(v) is str and len(v) <= 64 and not BAD_TEXT.search(v)) for v in col)


def _meta_time_ok(col: Column) -> bool:
    values = [v for v in col if v is not None]
    return not values or timestamps_ok(values)


PULL_META_CHECKS: dict[str, ColumnCheck] = {
    "id": _uuids_ok,
    "rev": _revs_ok,
    "deleted": lambda col: all(v is None or v is True or v is False for v in col),
    "created_at": _meta_time_ok,
    "updated_at": _meta_time_ok,
    "owner": _meta_text_ok,
    "device_id": _meta_text_ok,
}
FIELD_CHECKS: Mapping[str, dict[str, ColumnCheck]] = Derived(lambda: _schema()[1])


def page_ok(kind: str, fields: Sequence[str], rows: Sequence[Sequence[Any]]) -> bool:
    """True when every row of a pulled block passes :func:`row_problems` as it stands (the fast
    path of a client's apply: a few comprehensions per column instead of a check per value)."""
    if not rows:
        return True
    if not all(len(r) == len(fields) for r in rows):
        return False
    checks = FIELD_CHECKS[kind]
    cols = dict(zip(fields, zip(*rows, strict=True), strict=True))
    if "id" not in cols or "rev" not in cols:
        return False
    for name, col in cols.items():
        check = PULL_META_CHECKS.get(name) or checks.get(name)
        if check is not None and not check(col):
            return False
    required = [f.name for f in KINDS[kind].fields.values() if f.required]
    if required:
        deleted = cols.get("deleted") or (None,) * len(rows)
        live = [i for i, d in enumerate(deleted) if d is not True]
        if live and any(name not in cols for name in required):
            return False
    return True
