"""Paged, filtered, sorted lists of records for the desktop's tables (and any other face).

A list is two steps, like Anki's browser: :func:`ids` returns every matching record id in display
order (cheap: one indexed query, strings only), then :func:`rows` fetches the few rows a view
shows, by id. Text search goes through ``advisor_app.store.search`` (trigram FTS over Chinese).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import text

from advisor_app.domain import idcard, privacy
from advisor_app.domain.roles import region_filter
from advisor_app.services import users
from advisor_app.store import Store, search

SEARCH_CAP = 1_000_000  # every hit; the id list is strings only, so even 100,000 stay small


@dataclass(frozen=True)
class Filters:
    """What a list shows: free text, villages, a type, a status and a date range (inclusive)."""

    text: str = ""
    region_codes: tuple[str, ...] | None = None
    type: str | None = None
    status: str | None = None
    date_from: date | None = None
    date_to: date | None = None


@dataclass(frozen=True)
class Column:
    key: str
    expr: str  # SQL for the value shown (and sorted on)
    # SQL to sort on when it differs from ``expr``: one expression per key, each in the list's order
    sort: tuple[str, ...] = ()
    pinyin: bool = False  # a Chinese name: sorted by its stored pinyin key (sort_keys, migration 0016)


@dataclass(frozen=True)
class Spec:
    """How one kind of record is listed."""

    table: str
    search_kind: str | None  # kind in search_docs, or None: LIKE on ``like_expr``
    like_expr: str
    date_expr: str
    type_expr: str
    status_expr: str
    columns: tuple[Column, ...]
    default_sort: str
    default_descending: bool = True
    datetime_dates: bool = False
    mask: frozenset[str] = field(default_factory=frozenset)  # columns shown masked (ID numbers, phones)


REGION = Column("region", "r.name")
SPECS: dict[str, Spec] = {
    "consultation": Spec(
        table="consultations",
        search_kind="consultation",
        like_expr="t.person_name || ' ' || t.question",
        date_expr="t.occurred_at",
        type_expr="t.subcategory",
        status_expr="t.status",
        columns=(
            Column("occurred_at", "substr(t.occurred_at, 1, 16)", ("t.occurred_at",)),
            Column("person_name", "t.person_name", pinyin=True),
            REGION,
            Column("category", "t.category"),
            Column("subcategory", "t.subcategory"),
            Column("question", "substr(replace(t.question, char(10), ' '), 1, 60)", ("t.question",)),
            Column("referral", "t.referral"),
            Column("status", "t.status"),
            # the person's phone (masked like every list's phones), from the 服务对象 record
            Column("phone", "(SELECT p.phone FROM persons p WHERE p.id = t.person_id AND p.deleted = 0)"),
        ),
        default_sort="occurred_at",
        datetime_dates=True,
    ),
    "case": Spec(
        table="cases",
        search_kind="case",
        like_expr="t.summary",
        date_expr="t.accepted_on",
        type_expr="t.dispute_type",
        status_expr="t.status",
        columns=(
            Column("case_no", "t.case_no", ("t.number_year", "t.number_seq")),
            Column("accepted_on", "t.accepted_on"),
            REGION,
            Column("dispute_type", "t.dispute_type"),
            Column(
                "parties",
                "(SELECT group_concat(p.name, '、') FROM case_parties p"
                " WHERE p.case_id = t.id AND p.deleted = 0)",
            ),
            Column("summary", "substr(replace(t.summary, char(10), ' '), 1, 50)", ("t.summary",)),
            Column("status", "t.status"),
            Column("due_on", "t.due_on"),
        ),
        default_sort="accepted_on",
    ),
    "legal_literate": Spec(
        table="legal_literates",
        search_kind=None,
        like_expr="t.name || ' ' || coalesce(t.group_name, '') || ' ' || coalesce(t.certificate_no, '')",
        date_expr="t.appointed_on",
        type_expr="t.identity_category",
        status_expr="t.status",
        columns=(
            Column("name", "t.name", pinyin=True),
            Column("gender", "t.gender"),
            REGION,
            Column("group_name", "t.group_name"),
            Column("identity_category", "t.identity_category"),
            Column("phone", "t.phone"),
            Column(
                "trainings",
                "(SELECT count(*) FROM trainings x WHERE x.legal_literate_id = t.id AND x.deleted = 0)",
            ),
            Column("status", "t.status"),
            Column("appointed_on", "t.appointed_on"),
        ),
        default_sort="region",
        default_descending=False,
    ),
    "activity": Spec(
        table="activities",
        search_kind=None,
        like_expr="t.topic || ' ' || t.place || ' ' || coalesce(t.speaker, '') || ' ' || coalesce(t.notes, '')",
        date_expr="t.held_on",
        type_expr="t.kind",
        status_expr="NULL",
        columns=(
            Column("held_on", "t.held_on"),
            REGION,
            Column("kind", "t.kind"),
            Column("topic", "t.topic"),
            Column("place", "t.place"),
            Column("audience_count", "t.audience_count"),
            Column("speaker", "t.speaker"),
        ),
        default_sort="held_on",
    ),
}


def columns(kind: str) -> list[str]:
    return [c.key for c in SPECS[kind].columns]


def _column(spec: Spec, key: str) -> Column:
    for column in spec.columns:
        if column.key == key:
            return column
    raise KeyError(f"未知的列：{key}")


def _where(spec: Spec, filters: Filters, params: dict[str, Any]) -> list[str]:
    where = ["t.deleted = 0"]
    if filters.region_codes is not None:  # a scope by code ranges (roles.RegionScope), else codes
        where.append(region_filter("t.region_code", filters.region_codes, params))
    if filters.type:
        params["type"] = filters.type
        where.append(f"{spec.type_expr} = :type")
    if filters.status:
        params["status"] = filters.status
        where.append(f"{spec.status_expr} = :status")
    if filters.date_from:
        params["dfrom"] = filters.date_from.isoformat()
        where.append(f"{spec.date_expr} >= :dfrom")
    if filters.date_to:
        # Stored dates and datetimes are ISO text: "before the next day" covers both.
        params["dto"] = (filters.date_to + timedelta(days=1)).isoformat()
        where.append(f"{spec.date_expr} < :dto")
    return where


def ids(
    store: Store,
    kind: str,
    filters: Filters = Filters(),
    sort: str | None = None,
    descending: bool | None = None,
    limit: int | None = None,
) -> list[str]:
    """The ids matching ``filters``, in display order; all of them, or the first ``limit``.

    With ``limit`` and a text query, only the newest ``limit`` search hits are considered: a fast
    first page, which the full list (no ``limit``) then completes.
    """
    spec = SPECS[kind]
    column = _column(spec, sort or spec.default_sort)
    desc = spec.default_descending if descending is None else descending
    scoped = users.narrow(store, filters.region_codes)  # the signed-in user's villages only
    if scoped is not filters.region_codes:
        filters = replace(filters, region_codes=scoped)
    params: dict[str, Any] = {}
    where = _where(spec, filters, params)
    query = filters.text.strip()
    with store.engine.connect() as conn:
        if query and spec.search_kind is not None:
            hits = search.search(
                conn,
                query,
                kind=spec.search_kind,
                region_codes=filters.region_codes,
                limit=limit or SEARCH_CAP,
            )
            if not hits:
                return []
            params["hits"] = json.dumps([hit.record_id for hit in hits])
            where.append("t.id IN (SELECT value FROM json_each(:hits))")
        elif query:
            for n, term in enumerate(query.split()):
                params[f"like{n}"] = f"%{term}%"
                where.append(f"({spec.like_expr}) LIKE :like{n}")
        join = " LEFT JOIN regions r ON r.code = t.region_code" if column is REGION else ""
        order = "DESC" if desc else "ASC"
        # never split an expression at its commas: 当事人's group_concat(p.name, '、') has one
        sort_sql = ", ".join(f"{part} {order}" for part in (column.sort or (column.expr,)))
        if column.pinyin:
            _fill_sort_keys(conn, spec.table, column.expr)
            join = " LEFT JOIN sort_keys k ON k.record_id = t.id"
            sort_sql = f"COALESCE(k.key, {column.expr}) {order}"
        sql = (
            f"SELECT t.id FROM {spec.table} t{join} WHERE {' AND '.join(where)}"
            f" ORDER BY {sort_sql}, t.id {order}"
        )
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [row[0] for row in conn.execute(text(sql), params)]


def _fill_sort_keys(conn: Any, table: str, name_expr: str) -> int:
    """Make the pinyin sort key of every named record that has none, or one made from an older
    name; returns how many were made. Only new and renamed records need work, so after the first
    sort this is one indexed anti-join (the 100 ms list budget holds at 100,000 rows)."""
    stale = conn.execute(
        text(
            f"SELECT t.id, {name_expr} FROM {table} t LEFT JOIN sort_keys k ON k.record_id = t.id"
            f" WHERE {name_expr} IS NOT NULL AND {name_expr} <> '' AND (k.record_id IS NULL OR k.name <> {name_expr})"
        )
    ).all()
    if not stale:
        return 0

    conn.execute(
        text("INSERT OR REPLACE INTO sort_keys (record_id, name, key) VALUES (:id, :name, :key)"),
        [{"id": rid, "name": name, "key": sort_key(name)} for rid, name in stale],
    )
    conn.commit()
    return len(stale)


def sort_key(name: str) -> str:
    """张伟 → ``zhang wei|张伟``: pinyin first, the characters then (same sound, stable order)."""
    from advisor_app.services.people import pinyin_key

    return f"{pinyin_key(name.strip())}|{name.strip()}"[:400]


def rows(store: Store, kind: str, record_ids: Sequence[str]) -> dict[str, tuple[Any, ...]]:
    """The display values of some records (columns in :func:`columns` order), keyed by id."""
    spec = SPECS[kind]
    out: dict[str, tuple[Any, ...]] = {}
    exprs = ", ".join(c.expr for c in spec.columns)
    masked = {
        i: privacy.mask_phone if c.key == "phone" else idcard.mask
        for i, c in enumerate(spec.columns)
        if c.key in spec.mask or c.key in ("id_number", "phone")
    }
    with store.engine.connect() as conn:
        for start in range(0, len(record_ids), 500):
            chunk = list(record_ids[start : start + 500])
            params = {f"i{n}": rid for n, rid in enumerate(chunk)}
            marks = ", ".join(f":i{n}" for n in range(len(chunk)))
            sql = (
                f"SELECT t.id, {exprs} FROM {spec.table} t LEFT JOIN regions r ON r.code = t.region_code"
                f" WHERE t.id IN ({marks})"
            )
            for row in conn.execute(text(sql), params):
                values = list(row[1:])
                for i, mask in masked.items():
                    values[i] = mask(values[i]) if values[i] else values[i]
                out[row[0]] = tuple(values)
    return out


def parse_day(value: Any) -> date | None:
    """A date typed or stored as text; None when empty or unreadable."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
