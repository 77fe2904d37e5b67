"""The township office's figures, each one SQL aggregate over the local store.

Counting rules (docs/reports.md has the full definitions):

- a record counts once: every count is ``COUNT(DISTINCT id)`` of the record it is about, so a join
  (a case with two parties, two confirmations) never counts it twice;
- tombstoned records (``deleted``) never count, nor do records hanging off a tombstoned case;
- each mediation item counts by the date of its own event: 受理 by the acceptance day; 调解成功 by
  the day the case's first agreement was signed (an amendment keeps the case successful and is
  not a second success), 协议金额 with it, at the amount of the version in force at the period's
  end; 履行 by the day 已履行 was recorded; 司法确认 by the court's decision day, for a version
  not yet superseded on that day. So a month's figures do not move when later events happen;
- rates and amounts are rounded by GB/T 8170 (round half to even on the exact value).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_EVEN, Decimal
from functools import cached_property
from typing import Any

from advisor_app.domain import case_flow
from advisor_app.domain.statuses import (
    AgreementStatus,
    CaseStatus,
    ConfirmationStatus,
    PerformanceStatus,
    RosterStatus,
)
from advisor_app.domain.vocab import terms
from advisor_app.reports.rating_board import COUNTED
from advisor_app.reports.scope import Period, Source, column, fetch, region_sql, table_access

ONSITE_HOURS_PER_MONTH = 4  # domain.md §3: at least 4 hours on site a month
LECTURES_PER_QUARTER = 1  # domain.md §3: at least one lecture a quarter
ROSTER_TARGET = 3  # domain.md §5: at least 3 法律明白人 per 行政村

# A version that was signed: 已签署, or 作废 after a later version was signed (signed_on kept).
WAS_SIGNED = "a.deleted = 0 AND a.signed_on IS NOT NULL AND a.status IN (:signed, :void)"
# The statuses the event queries bind (_case_from adds them to the query's parameters).
EVENT_STATUSES = {
    "signed": AgreementStatus.SIGNED,
    "void": AgreementStatus.VOID,
    "confirmed": ConfirmationStatus.CONFIRMED,
    "performed": PerformanceStatus.PERFORMED,
}

# One row per mediation event of the period (see the module docstring for the dates; 履行 of a
# row synced from a client older than migration 0013, without performed_on, by its signing day):
# (case_id, ev, amount_fen) with ev one of accepted / success / performed / confirmed.
ACCEPTED_EVENTS = """
SELECT c.id AS case_id, 'accepted' AS ev, 0 AS amount_fen FROM cases c {access}
WHERE c.deleted = 0 AND c.accepted_on >= :ps AND c.accepted_on < :pe"""
LATER_EVENTS = f"""
SELECT f.case_id AS case_id, 'success' AS ev, COALESCE((
    SELECT a.amount_fen FROM agreements a WHERE a.case_id = f.case_id AND {WAS_SIGNED} AND a.signed_on < :pe
    ORDER BY a.signed_on DESC, a.version DESC LIMIT 1), 0) AS amount_fen
FROM agreements f
WHERE f.deleted = 0 AND f.status IN (:signed, :void) AND f.signed_on >= :ps AND f.signed_on < :pe
  AND NOT EXISTS (SELECT 1 FROM agreements a WHERE a.case_id = f.case_id AND {WAS_SIGNED}
      AND (a.signed_on < f.signed_on OR (a.signed_on = f.signed_on AND (a.version < f.version
           OR (a.version = f.version AND a.id < f.id)))))
UNION ALL
SELECT a.case_id, 'performed', 0 FROM agreements a
WHERE {WAS_SIGNED} AND a.performed = :performed AND a.performed_on >= :ps AND a.performed_on < :pe
UNION ALL
SELECT a.case_id, 'performed', 0 FROM agreements a
WHERE {WAS_SIGNED} AND a.performed = :performed AND a.performed_on IS NULL
  AND a.signed_on >= :ps AND a.signed_on < :pe
UNION ALL
SELECT j.case_id, 'confirmed', 0 FROM judicial_confirmations j JOIN agreements a ON a.id = j.agreement_id
WHERE j.deleted = 0 AND j.status = :confirmed AND j.decided_on >= :ps AND j.decided_on < :pe AND {WAS_SIGNED}
  AND NOT EXISTS (SELECT 1 FROM agreements b WHERE b.case_id = a.case_id AND b.deleted = 0
      AND b.status IN (:signed, :void) AND b.version > a.version AND b.signed_on <= j.decided_on)
"""

DIMENSIONS = {
    "dispute_type": "c.dispute_type",
    "source": "c.source",
    "committee_kind": "k.kind",
    "total": "'合计'",
}
ITEM_CONDITIONS = {
    "accepted": "e.ev = 'accepted'",
    "success": "e.ev = 'success'",
    "performed": "e.ev = 'performed'",
    "confirmed": "e.ev = 'confirmed'",
    "amount": "e.ev = 'success' AND e.amount_fen > 0",
}
ITEM_LABELS = {
    "accepted": "受理数（件）",
    "success": "调解成功数（件）",
    "rate": "调解成功率（%）",
    "performed": "履行数（件）",
    "confirmed": "司法确认数（件）",
    "amount": "协议涉及金额（万元）",
}


def _d(day: date) -> str:
    return day.isoformat()


def _period_params(period: Period) -> dict[str, Any]:
    return {"ps": _d(period.start), "pe": _d(period.end)}


# --- mediation ------------------------------------------------------------------------------------


@dataclass
class MediationRow:
    """One column of the mediation report: a dispute type, a source, a committee kind or 合计."""

    key: str
    accepted: int = 0
    success: int = 0
    performed: int = 0
    confirmed: int = 0
    amount_fen: int = 0

    @property
    def rate(self) -> float | None:
        """调解成功率 = 调解成功数 / 受理数 of the period, in percent, one decimal (GB/T 8170);
        None when nothing was accepted. Events count by their own dates, so a month in which
        earlier cases settle can show more than 100 %."""
        return percent(self.success, self.accepted)

    @property
    def amount_wan(self) -> float:
        """协议涉及金额 in 万元 (the unit of the upward report), four decimals (GB/T 8170)."""
        return gbt8170(Decimal(self.amount_fen) / Decimal(1_000_000), 4)


def gbt8170(value: Decimal, places: int) -> float:
    """GB/T 8170 数值修约 to ``places`` decimals: round half to even on the exact decimal value
    (四舍六入五成双), never on a binary float."""
    return float(value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN))


def percent(part: int, whole: int) -> float | None:
    """``part`` of ``whole`` in percent, one decimal by GB/T 8170; None when ``whole`` is 0 (no rate)."""
    return gbt8170(Decimal(100 * part) / Decimal(whole), 1) if whole else None


def _case_from(
    prefix: str, period: Period, params: dict[str, Any], access: str = "", *, accepted: bool = True
) -> str:
    """``FROM`` the period's mediation events (without 受理 when not ``accepted``) joined to their
    (live, in-region) cases."""
    params.update(_period_params(period), **EVENT_STATUSES)
    return f"""
FROM ({(ACCEPTED_EVENTS + " UNION ALL " if accepted else "").format(access=access)}{LATER_EVENTS}) e
CROSS JOIN cases c ON c.id = e.case_id
JOIN committees k ON k.id = c.committee_id
WHERE c.deleted = 0 AND {region_sql("c.region_code", params, prefix)}"""


@dataclass(frozen=True)
class CaseGroup:
    """Cases accepted in the period sharing village, type, source, committee kind and prevention kind."""

    region_code: str
    dispute_type: str
    source: str
    committee_kind: str
    prevention: str | None
    row: MediationRow  # the report items of these cases
    prevention_persons: int


def case_groups(session: Source, prefix: str, period: Period) -> list[CaseGroup]:
    """One grouped pass over the period's mediation events; every case figure is a roll-up of these.

    A case falls in exactly one group, so per-group distinct counts add up across groups; each
    event counts its case once (a case with two performed versions in one month is one 履行).
    """
    # Two grouped passes keyed alike, merged here: the accepted cases straight from the cases
    # table (a year is a table scan), and the later events (few) joined to their cases by id.
    params: dict[str, Any] = _period_params(period)
    accepted_sql = f"""
SELECT c.region_code, c.dispute_type, c.source, k.kind, c.prevention, COUNT(*), 0, 0, 0, 0,
       COALESCE(SUM(c.prevention_persons), 0)
FROM cases c {table_access(session, "cases", period)} JOIN committees k ON k.id = c.committee_id
WHERE c.deleted = 0 AND c.accepted_on >= :ps AND c.accepted_on < :pe
  AND {region_sql("c.region_code", params, prefix)}
GROUP BY 1, 2, 3, 4, 5"""
    later_params: dict[str, Any] = {}
    later_sql = f"""
SELECT c.region_code, c.dispute_type, c.source, k.kind, c.prevention, 0,
       COUNT(DISTINCT CASE WHEN e.ev = 'success' THEN c.id END),
       COUNT(DISTINCT CASE WHEN e.ev = 'performed' THEN c.id END),
       COUNT(DISTINCT CASE WHEN e.ev = 'confirmed' THEN c.id END),
       COALESCE(SUM(CASE WHEN e.ev = 'success' THEN e.amount_fen END), 0), 0
{_case_from(prefix, period, later_params, accepted=False)}
GROUP BY 1, 2, 3, 4, 5"""
    merged: dict[tuple[str, str, str, str, str | None], list[int]] = {}
    for r in [*fetch(session, accepted_sql, params), *fetch(session, later_sql, later_params)]:
        sums = merged.setdefault((r[0], r[1], r[2], r[3], r[4]), [0] * 6)
        for n in range(6):
            sums[n] += r[5 + n]
    return [CaseGroup(*key, MediationRow("", *sums[:5]), sums[5]) for key, sums in merged.items()]


def _group_key(group: CaseGroup, dim: str) -> str:
    return "合计" if dim == "total" else getattr(group, dim)


def mediation_from(groups: list[CaseGroup], dim: str) -> dict[str, MediationRow]:
    """Report items grouped by ``dim`` (see DIMENSIONS), rolled up from :func:`case_groups`."""
    out: dict[str, MediationRow] = {}
    for group in groups:
        key = _group_key(group, dim)
        row = out.setdefault(key, MediationRow(key))
        row.accepted += group.row.accepted
        row.success += group.row.success
        row.performed += group.row.performed
        row.confirmed += group.row.confirmed
        row.amount_fen += group.row.amount_fen
    return out


def mediation(session: Source, prefix: str, period: Period, dim: str) -> dict[str, MediationRow]:
    """Report items of the cases accepted in the period, grouped by ``dim`` (see DIMENSIONS)."""
    return mediation_from(case_groups(session, prefix, period), dim)


def _mediation_ids(session: Source, prefix: str, period: Period, key: str | None, as_of: date) -> list[str]:
    item, _, rest = (key or "accepted").partition("|")
    dim, _, value = rest.partition("=")
    params: dict[str, Any] = {}
    where = ITEM_CONDITIONS[item]
    if dim and dim != "total":
        where += f" AND {DIMENSIONS[dim]} = :dv"
        params["dv"] = value
    sql = f"SELECT DISTINCT c.id {_case_from(prefix, period, params)} AND {where} ORDER BY c.accepted_on"
    return column(session, sql, params)


# --- prevention and screening ---------------------------------------------------------------------


@dataclass
class Prevention:
    """排查 and 预防: screening rounds, disputes found and prevented; the four 防止 counts (件/人)."""

    screenings: int = 0
    found: int = 0
    prevented: int = 0
    kinds: dict[str, tuple[int, int]] = field(default_factory=dict)  # kind -> (cases, persons)


def prevention(
    session: Source, prefix: str, period: Period, cases: list[CaseGroup] | None = None
) -> Prevention:
    params = _period_params(period)
    region = region_sql("region_code", params, prefix)
    ((screenings, found, prevented),) = fetch(
        session,
        "SELECT COUNT(DISTINCT id), COALESCE(SUM(disputes_found), 0), COALESCE(SUM(disputes_prevented), 0) "
        f"FROM screenings WHERE deleted = 0 AND held_on >= :ps AND held_on < :pe AND {region}",
        params,
    )
    kinds = {kind: (0, 0) for kind in terms("prevention_kinds")}
    for group in case_groups(session, prefix, period) if cases is None else cases:
        if group.prevention:
            n, persons = kinds.get(group.prevention, (0, 0))
            kinds[group.prevention] = (n + group.row.accepted, persons + group.prevention_persons)
    return Prevention(screenings, found, prevented, kinds)


def _screening_ids(session: Source, prefix: str, period: Period, key: str | None, as_of: date) -> list[str]:
    params = _period_params(period)
    extra = (
        " AND disputes_found > 0"
        if key == "found"
        else " AND disputes_prevented > 0"
        if key == "prevented"
        else ""
    )
    sql = (
        "SELECT id FROM screenings WHERE deleted = 0 AND held_on >= :ps AND held_on < :pe "
        f"AND {region_sql('region_code', params, prefix)}{extra} ORDER BY held_on"
    )
    return column(session, sql, params)


def _prevention_ids(session: Source, prefix: str, period: Period, key: str | None, as_of: date) -> list[str]:
    params = {**_period_params(period), "kind": key}
    sql = (
        "SELECT id FROM cases WHERE deleted = 0 AND prevention = :kind AND accepted_on >= :ps "
        f"AND accepted_on < :pe AND {region_sql('region_code', params, prefix)} ORDER BY accepted_on"
    )
    return column(session, sql, params)


# --- consultations --------------------------------------------------------------------------------


@dataclass
class Consultations:
    """咨询: totals by 类别 (民事/刑事/行政/其他), 方式, month, sub-type and service type."""

    total: int = 0
    by_category: dict[str, int] = field(default_factory=dict)
    by_mode: dict[str, int] = field(default_factory=dict)
    by_month: dict[str, int] = field(default_factory=dict)
    by_subcategory: dict[str, int] = field(default_factory=dict)
    by_service: dict[str, int] = field(default_factory=dict)


CONSULTATION_DIMS = {
    "category": "category",
    "mode": "mode",
    "month": "substr(occurred_at, 1, 7)",
    "subcategory": "COALESCE(subcategory, '未分类')",
    "service": "service_type",
}


def _consultation_where(prefix: str, period: Period, params: dict[str, Any]) -> str:
    params.update(_period_params(period))
    return "deleted = 0 AND occurred_at >= :ps AND occurred_at < :pe AND " + region_sql(
        "region_code", params, prefix
    )


# What the consultation, village and 重点人群 figures need from the period's consultations: counts
# by each dimension (margins, not cross tables), per village also the 实地 minutes, per tags text.
ROLLUPS = (*CONSULTATION_DIMS, "region", "tags")


def consultation_rollups(
    session: Source, prefix: str, period: Period
) -> dict[str, dict[str, tuple[int, int]]]:
    """``dimension -> key -> (count, on-site minutes)`` for the period's consultations, in one statement.

    The records are grouped once by every dimension together (one sort of the period's rows); each
    margin is then summed over those groups inside SQLite, so a year of records returns a few
    hundred rows, not tens of thousands. A consultation falls in exactly one inner group.
    """
    params: dict[str, Any] = {}
    inner = ", ".join(f"{expr} AS {name}" for name, expr in CONSULTATION_DIMS.items())
    margins = " UNION ALL ".join(
        f"SELECT '{dim}', {'region_code' if dim == 'region' else dim}, SUM(n), SUM(onsite) FROM g GROUP BY 2"
        for dim in ROLLUPS
    )
    sql = (
        f"WITH g AS MATERIALIZED (SELECT region_code, tags, {inner}, COUNT(*) AS n, "
        "COALESCE(SUM(CASE WHEN mode = '实地' THEN duration_minutes END), 0) AS onsite "
        f"FROM consultations {table_access(session, 'consultations', period)} "
        f"WHERE {_consultation_where(prefix, period, params)} GROUP BY 1, 2, 3, 4, 5, 6, 7) {margins}"
    )
    out: dict[str, dict[str, tuple[int, int]]] = {dim: {} for dim in ROLLUPS}
    for dim, key, n, onsite in fetch(session, sql, params):
        out[dim][key] = (n, onsite)
    return out


def consultations(
    session: Source,
    prefix: str,
    period: Period,
    rollups: dict[str, dict[str, tuple[int, int]]] | None = None,
) -> Consultations:
    rollups = consultation_rollups(session, prefix, period) if rollups is None else rollups
    out = Consultations(
        by_category=dict.fromkeys(terms("consultation_categories"), 0),
        by_mode=dict.fromkeys(terms("service_modes"), 0),
        by_month=dict.fromkeys(period.month_keys(), 0),
    )
    out.total = sum(n for n, _ in rollups["region"].values())
    for dim, target in (
        ("category", out.by_category),
        ("mode", out.by_mode),
        ("month", out.by_month),
        ("subcategory", out.by_subcategory),
        ("service", out.by_service),
    ):
        for key, (n, _) in rollups[dim].items():
            target[key] = target.get(key, 0) + n
    return out


def _consultation_ids(
    session: Source, prefix: str, period: Period, key: str | None, as_of: date
) -> list[str]:
    params: dict[str, Any] = {}
    where = _consultation_where(prefix, period, params)
    if key:
        dim, _, value = key.partition("=")
        where += f" AND {CONSULTATION_DIMS[dim]} = :dv"
        params["dv"] = value
    return column(session, f"SELECT id FROM consultations WHERE {where} ORDER BY occurred_at", params)


# --- people served by priority group --------------------------------------------------------------


@dataclass
class GroupServed:
    """重点人群 served: consultations and case parties tagged with the group (人次)."""

    group: str
    consultations: int = 0
    parties: int = 0

    @property
    def total(self) -> int:
        return self.consultations + self.parties


def _tag_sql(prefix: str, period: Period, params: dict[str, Any], select: str) -> tuple[str, str]:
    cons = (
        f"SELECT {select.format(t='c')} FROM consultations c, json_each(c.tags) j "
        f"WHERE c.deleted = 0 AND c.occurred_at >= :ps AND c.occurred_at < :pe "
        f"AND {region_sql('c.region_code', params, prefix)}"
    )
    parties = (
        f"SELECT {select.format(t='p')} FROM case_parties p JOIN cases c ON c.id = p.case_id, json_each(p.tags) j "
        f"WHERE p.deleted = 0 AND c.deleted = 0 AND c.accepted_on >= :ps AND c.accepted_on < :pe "
        f"AND {region_sql('c.region_code', params, prefix)}"
    )
    params.update(_period_params(period))
    return cons, parties


def _tag_values(tags: str | None) -> set[str]:
    """The distinct tags of one JSON array (what ``json_each`` yields); a record counts once per tag."""
    try:
        values = json.loads(tags) if tags else []
    except ValueError:
        return set()
    return {v for v in values if isinstance(v, str)} if isinstance(values, list) else set()


def priority_groups(
    session: Source,
    prefix: str,
    period: Period,
    rollups: dict[str, dict[str, tuple[int, int]]] | None = None,
) -> list[GroupServed]:
    rows = {g: GroupServed(g) for g in terms("priority_groups")}
    rollups = consultation_rollups(session, prefix, period) if rollups is None else rollups
    for tags, (n, _) in rollups["tags"].items():
        for tag in _tag_values(tags):
            rows.setdefault(tag, GroupServed(tag)).consultations += n
    params: dict[str, Any] = {}
    _, parties = _tag_sql(prefix, period, params, "j.value, COUNT(DISTINCT {t}.id)")
    for tag, n in fetch(session, parties + " GROUP BY j.value", params):
        rows.setdefault(tag, GroupServed(tag)).parties = n
    return list(rows.values())


def _group_ids(session: Source, prefix: str, period: Period, key: str | None, as_of: date) -> list[str]:
    params: dict[str, Any] = {"tag": key}
    cons, _ = _tag_sql(prefix, period, params, "DISTINCT {t}.id")
    return column(session, cons + " AND j.value = :tag", params)


def _group_case_ids(session: Source, prefix: str, period: Period, key: str | None, as_of: date) -> list[str]:
    params: dict[str, Any] = {"tag": key}
    _, parties = _tag_sql(prefix, period, params, "DISTINCT c.id")
    return column(session, parties + " AND j.value = :tag", params)


# --- satisfaction ----------------------------------------------------------------------------------

RATING_TARGETS = (("consultation", "consultations"), ("case", "cases"), ("activity", "activities"))


def _rating_union(where: str, access: str = "") -> str:
    """Ratings with their target's region, one inner join per target kind (each uses the target's key).

    ``access`` (see :func:`scope.table_access`) applies to the consultations' ratings, nearly all of them.
    One rating per service counts: the person's own (当事人扫码) over a staff one (``rating_board.COUNTED``).
    """
    return " UNION ALL ".join(
        f"SELECT r.id, r.target_kind, r.target_id, r.grade, r.rated_on, r.comment, r.follow_up_due, "
        f"r.followed_up_on, t.region_code FROM ratings r {access if kind == 'consultation' else ''} "
        f"CROSS JOIN {table} t ON t.id = r.target_id "
        f"WHERE r.target_kind = '{kind}' AND r.deleted = 0 AND t.deleted = 0 AND {COUNTED} AND {where}"
        for kind, table in RATING_TARGETS
    )


@dataclass
class BadRating:
    """A 不满意/非常不满意 rating, listed for follow-up (domain.md §4)."""

    id: str
    target_kind: str
    target_id: str
    grade: str
    rated_on: date
    comment: str | None
    follow_up_due: date | None
    followed_up_on: date | None
    region_code: str

    def overdue(self, as_of: date) -> bool:
        return self.followed_up_on is None and self.follow_up_due is not None and self.follow_up_due < as_of


@dataclass
class Satisfaction:
    by_grade: dict[str, int]
    bad_details: list[str] = field(default_factory=list, repr=False)  # JSON arrays, parsed on demand

    @property
    def total(self) -> int:
        return sum(self.by_grade.values())

    @property
    def bad_count(self) -> int:
        """不满意 + 非常不满意 ratings (the length of :attr:`bad`, without building it)."""
        return sum(n for g, n in self.by_grade.items() if g in terms("bad_grades"))

    @cached_property
    def bad(self) -> list[BadRating]:
        """The bad ratings for follow-up, by due day (none first) then id."""
        out = [
            BadRating(r[0], r[1], r[2], r[3], _on(r[4]), r[5], _day(r[6]), _day(r[7]), r[8])
            for details in self.bad_details
            for r in json.loads(details)
        ]
        out.sort(key=lambda b: (b.follow_up_due is not None, b.follow_up_due or date.min, b.id))
        return out

    @property
    def satisfied_rate(self) -> float | None:
        """满意率: 非常满意 + 满意 + 基本满意 over all ratings, in percent."""
        good = sum(n for g, n in self.by_grade.items() if g not in terms("bad_grades"))
        return percent(good, self.total)


def _rating_where(prefix: str, period: Period, params: dict[str, Any], access: str = "") -> str:
    """``FROM (...) x``: the period's ratings inside the region, one row per rating."""
    params.update(_period_params(period))
    inner = _rating_union(
        f"r.rated_on >= :ps AND r.rated_on < :pe AND {region_sql('t.region_code', params, prefix)}", access
    )
    return f"FROM ({inner}) x WHERE 1=1"


def satisfaction(session: Source, prefix: str, period: Period) -> Satisfaction:
    """Grades and the bad ratings' details in one pass (joining ratings to their targets is the
    costly part). A rating is one row of the union (its target by primary key), so ``COUNT(*)``
    counts each rating once."""
    params: dict[str, Any] = {}
    where = _rating_where(prefix, period, params, table_access(session, "ratings", period))
    bad_grades = terms("bad_grades")
    params.update({f"b{i}": g for i, g in enumerate(bad_grades)})
    placeholders = ", ".join(f":b{i}" for i in range(len(bad_grades)))
    by_grade = dict.fromkeys(terms("satisfaction_grades"), 0)
    details = []
    rows = fetch(
        session,
        "SELECT x.grade, COUNT(*), json_group_array(json_array(x.id, x.target_kind, x.target_id, x.grade, "
        "x.rated_on, x.comment, x.follow_up_due, x.followed_up_on, x.region_code)) "
        f"FILTER (WHERE x.grade IN ({placeholders})) {where} GROUP BY x.grade",
        params,
    )
    for grade, n, bad in rows:
        by_grade[grade] = n
        if bad and bad != "[]":
            details.append(bad)
    return Satisfaction(by_grade, details)


def _rating_ids(session: Source, prefix: str, period: Period, key: str | None, as_of: date) -> list[str]:
    params: dict[str, Any] = {"grade": key}
    where = _rating_where(prefix, period, params)
    return column(session, f"SELECT DISTINCT x.id {where} AND x.grade = :grade", params)


def _day(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _on(value: Any) -> date:
    """A date the query guarantees (a NOT NULL column, or one its WHERE compares)."""
    day = _day(value)
    if day is None:
        raise ValueError("日期：为空")
    return day


# --- villages: roster, adviser duty, reporting ---------------------------------------------------


@dataclass
class Village:
    """One 行政村 of the scope with its roster, duty and reporting figures for the period."""

    code: str
    name: str
    roster: int = 0  # 法律明白人 在册
    onsite_minutes: int = 0  # adviser on site: 实地 consultations + activities
    lectures: int = 0  # 法治讲座 in the quarters covering the period
    records: int = 0  # cases, consultations, screenings and activities in the period
    zero_months: int = 0  # months of the period with a 零上报
    months: int = 1
    quarters: int = 1
    zero_contradicted: int = 0  # zero-reported months with dispute records (cases, disputes found)
    zero_corrected: int = 0  # of those, with the contradiction recorded on the zero report (更正)

    @property
    def roster_short(self) -> int:
        return max(0, ROSTER_TARGET - self.roster)

    @property
    def onsite_hours(self) -> float:
        return gbt8170(Decimal(self.onsite_minutes) / Decimal(60), 1)

    @property
    def onsite_target_hours(self) -> int:
        return ONSITE_HOURS_PER_MONTH * self.months

    @property
    def duty_met(self) -> bool:
        return (
            self.onsite_minutes >= 60 * self.onsite_target_hours
            and self.lectures >= LECTURES_PER_QUARTER * self.quarters
        )

    @property
    def report_status(self) -> str:
        """有上报 (records in the period), 零上报 (a zero report for every month), else 未上报.

        A zero report contradicted by dispute records of its month is shown, never hidden:
        有上报（零上报已更正） when the contradiction was recorded on the zero report, else
        有上报（与零上报矛盾）.
        """
        if self.zero_contradicted:
            if self.zero_corrected >= self.zero_contradicted:
                return "有上报（零上报已更正）"
            return "有上报（与零上报矛盾）"
        if self.records:
            return "有上报"
        if self.zero_months >= self.months:
            return "零上报"
        return "未上报"


def villages(
    session: Source,
    prefix: str,
    period: Period,
    cases: list[CaseGroup] | None = None,
    rollups: dict[str, dict[str, tuple[int, int]]] | None = None,
) -> list[Village]:
    """Each village of the scope; one grouped query per table (not one per village).

    ``cases`` and ``rollups`` (the period's case groups and consultation roll-ups, when the caller
    has them) save the two biggest of those queries.
    """
    quarters = period.covering_quarters()

    def per_region(sql: str, extra: dict[str, Any] | None = None) -> dict[str, tuple]:
        params: dict[str, Any] = {
            **_period_params(period),
            "qs": _d(quarters.start),
            "qe": _d(quarters.end),
            **(extra or {}),
        }
        query = sql.format(region=region_sql("region_code", params, prefix))
        return {row[0]: tuple(row[1:]) for row in fetch(session, query, params)}

    roster = per_region(
        "SELECT region_code, COUNT(*) FROM legal_literates "
        "WHERE deleted = 0 AND status = :active AND {region} GROUP BY 1",
        {"active": RosterStatus.ACTIVE},
    )
    cons: dict[str, tuple] = {}
    if rollups is None:
        cons = per_region(
            "SELECT region_code, COALESCE(SUM(CASE WHEN mode = '实地' THEN duration_minutes END), 0), "
            "COUNT(*) FROM consultations WHERE deleted = 0 AND occurred_at >= :ps AND occurred_at < :pe "
            "AND {region} GROUP BY 1"
        )
    else:
        cons = {code: (minutes, n) for code, (n, minutes) in rollups["region"].items()}
    acts = per_region(
        "SELECT region_code, COALESCE(SUM(duration_minutes), 0), COUNT(*) FROM activities "
        "WHERE deleted = 0 AND held_on >= :ps AND held_on < :pe AND {region} GROUP BY 1"
    )
    lectures = per_region(
        "SELECT region_code, COUNT(*) FROM activities WHERE deleted = 0 AND kind = '法治讲座' "
        "AND held_on >= :qs AND held_on < :qe AND {region} GROUP BY 1"
    )
    if cases is None:
        case_counts = per_region(
            "SELECT region_code, COUNT(*) FROM cases WHERE deleted = 0 "
            "AND accepted_on >= :ps AND accepted_on < :pe AND {region} GROUP BY 1"
        )
    else:
        case_counts = {}
        for group in cases:
            case_counts[group.region_code] = (
                case_counts.get(group.region_code, (0,))[0] + group.row.accepted,
            )
    screenings = per_region(
        "SELECT region_code, COUNT(*) FROM screenings WHERE deleted = 0 "
        "AND held_on >= :ps AND held_on < :pe AND {region} GROUP BY 1"
    )
    keys = period.month_keys()
    zero = per_region(
        # months reported, and of those the ones with dispute records (and with a recorded 更正)
        "SELECT region_code, COUNT(DISTINCT month), COUNT(DISTINCT CASE WHEN disputed THEN month END), "
        "COUNT(DISTINCT CASE WHEN disputed AND correction IS NOT NULL THEN month END) FROM ("
        "SELECT z.region_code, z.month, z.correction, (EXISTS (SELECT 1 FROM cases c WHERE c.deleted = 0 "
        "AND c.region_code = z.region_code AND c.accepted_on >= z.month || '-01' "
        "AND c.accepted_on < date(z.month || '-01', '+1 month')) OR EXISTS (SELECT 1 FROM screenings s "
        "WHERE s.deleted = 0 AND s.region_code = z.region_code AND s.disputes_found > 0 "
        "AND s.held_on >= z.month || '-01' AND s.held_on < date(z.month || '-01', '+1 month'))) AS disputed "
        "FROM zero_reports z WHERE z.deleted = 0 "
        f"AND z.month IN ({', '.join(f':m{i}' for i in range(len(keys)))}) AND {{region}}) GROUP BY 1",
        {f"m{i}": k for i, k in enumerate(keys)},
    )
    params: dict[str, Any] = {}
    rows = fetch(
        session,
        f"SELECT code, name FROM regions WHERE level = 'village' AND {region_sql('code', params, prefix)} "
        "ORDER BY code",
        params,
    )
    out = []
    for code, name in rows:
        c_min, c_n = cons.get(code, (0, 0))
        a_min, a_n = acts.get(code, (0, 0))
        records = c_n + a_n + case_counts.get(code, (0,))[0] + screenings.get(code, (0,))[0]
        out.append(
            Village(
                code,
                name,
                roster.get(code, (0,))[0],
                c_min + a_min,
                lectures.get(code, (0,))[0],
                records,
                zero.get(code, (0, 0, 0))[0],
                period.months,
                period.quarters(),
                zero.get(code, (0, 0, 0))[1],
                zero.get(code, (0, 0, 0))[2],
            )
        )
    return out


# --- townships of a county (各乡镇情况) --------------------------------------------------------------

TOWNSHIP_DIGITS = 9  # a township's code prefix: 2 + 2 + 2 + 3 digits of the 区划代码


@dataclass
class Township:
    """One township of a county's scope: its cases, consultations and villages for the period,
    rolled up from the groups the county's own figures were made of (so the rows add up to them)."""

    code: str
    name: str
    mediation: MediationRow
    consultations: int = 0
    villages: int = 0
    unreported: int = 0  # villages 未上报 in the period
    roster: int = 0  # 法律明白人 在册 in its villages


def townships(
    session: Source,
    prefix: str,
    cases: list[CaseGroup],
    rollups: dict[str, dict[str, tuple[int, int]]],
    village_rows: list[Village],
) -> list[Township]:
    """The townships under ``prefix`` (a county's or a city's), each with its share of the figures.

    Empty for a township or village scope (nothing to break down). Records kept at the county
    itself (a code above every township) come in a row of their own, so the rows still add up.
    """
    if len(prefix) >= TOWNSHIP_DIGITS:
        return []
    params: dict[str, Any] = {}
    rows = fetch(
        session,
        f"SELECT code, name FROM regions WHERE level = 'township' AND {region_sql('code', params, prefix)} "
        "ORDER BY code",
        params,
    )
    out: dict[str, Township] = {
        code[:TOWNSHIP_DIGITS]: Township(code, name, MediationRow(name)) for code, name in rows
    }

    def row_of(code: str) -> Township:
        key = code[:TOWNSHIP_DIGITS]
        if key not in out:  # above the townships, or a township this store does not know
            label = "（县本级）" if key.endswith("000") else key.ljust(12, "0")
            out[key] = Township(key.ljust(12, "0"), label, MediationRow(label))
        return out[key]

    for group in cases:
        row = row_of(group.region_code).mediation
        row.accepted += group.row.accepted
        row.success += group.row.success
        row.performed += group.row.performed
        row.confirmed += group.row.confirmed
        row.amount_fen += group.row.amount_fen
    for code, (n, _minutes) in rollups["region"].items():
        row_of(code).consultations += n
    for village in village_rows:
        township = row_of(village.code)
        township.villages += 1
        township.unreported += village.report_status == "未上报"
        township.roster += village.roster
    return sorted(out.values(), key=lambda t: t.code)


def _village_ids(kind: str) -> Callable[..., list[str]]:
    def ids(session: Source, prefix: str, period: Period, key: str | None, as_of: date) -> list[str]:
        params: dict[str, Any] = {**_period_params(period), "code": key}
        if kind == "roster":
            params["active"] = RosterStatus.ACTIVE
            sql = "SELECT id FROM legal_literates WHERE region_code = :code AND deleted = 0 AND status = :active"
        elif kind == "onsite":
            # The figure adds the 实地 consultations' minutes and the activities' minutes: both listed.
            sql = (
                "SELECT id FROM (SELECT id, occurred_at AS at FROM consultations WHERE region_code = :code "
                "AND deleted = 0 AND mode = '实地' AND occurred_at >= :ps AND occurred_at < :pe "
                "UNION ALL SELECT id, held_on AS at FROM activities WHERE region_code = :code AND deleted = 0 "
                "AND held_on >= :ps AND held_on < :pe) ORDER BY at, id"
            )
        else:  # lectures
            quarters = period.covering_quarters()
            params.update({"qs": _d(quarters.start), "qe": _d(quarters.end)})
            sql = (
                "SELECT id FROM activities WHERE region_code = :code AND deleted = 0 AND kind = '法治讲座' "
                "AND held_on >= :qs AND held_on < :qe"
            )
        return column(session, sql, params)

    return ids


# --- overdue lists ---------------------------------------------------------------------------------


@dataclass
class Overdue:
    """What needs doing as of a day: late cases, confirmation windows closing, visits and follow-ups due."""

    cases: list[dict[str, Any]]  # open past Case.due_on (one-month target)
    confirmation_window: list[dict[str, Any]]  # signed written agreements inside the 30-day window
    visits: list[dict[str, Any]]  # 回访 due on or before the day, not done
    follow_ups: list[dict[str, Any]]  # bad ratings past follow_up_due, not followed up


def overdue(session: Source, prefix: str, as_of: date) -> Overdue:
    params: dict[str, Any] = {
        "today": _d(as_of),
        "window": _d(as_of - timedelta(days=case_flow.CONFIRMATION_DAYS)),
    }
    region = region_sql("c.region_code", params, prefix)
    params.update(
        {f"open{n}": s for n, s in enumerate(case_flow.OPEN)},
        signed=AgreementStatus.SIGNED,
        void=AgreementStatus.VOID,
        archived=CaseStatus.ARCHIVED,
    )
    open_states = ", ".join(f":open{n}" for n in range(len(case_flow.OPEN)))
    cases = [
        {
            "id": r[0],
            "case_no": r[1],
            "region_code": r[2],
            "dispute_type": r[3],
            "accepted_on": _day(r[4]),
            "due_on": _day(r[5]),
            "days_over": (as_of - _on(r[5])).days,
        }
        for r in fetch(
            session,
            # +c.deleted: the status index finds the few open cases; the live-date index would
            # visit every live case.
            "SELECT c.id, c.case_no, c.region_code, c.dispute_type, c.accepted_on, c.due_on FROM cases c "
            f"WHERE +c.deleted = 0 AND c.status IN ({open_states}) AND c.due_on < :today AND {region} "
            # a signed agreement makes the case successful (an amendment once reopened cases)
            "AND NOT EXISTS (SELECT 1 FROM agreements a WHERE a.case_id = c.id AND a.deleted = 0 "
            "AND a.status = :signed) ORDER BY c.due_on",
            params,
        )
    ]
    window = [
        {
            "id": r[0],
            "agreement_id": r[1],
            "case_no": r[2],
            "region_code": r[3],
            "signed_on": _day(r[4]),
            "deadline": case_flow.confirmation_deadline(_on(r[4])),
            "days_left": (case_flow.confirmation_deadline(_on(r[4])) - as_of).days,
        }
        for r in fetch(
            session,
            # From the agreements signed in the window (few) to their cases, not from every case;
            # "current" is still judged against all of the case's signed versions.
            "SELECT c.id, a.id, c.case_no, c.region_code, a.signed_on FROM agreements a "
            "CROSS JOIN cases c ON c.id = a.case_id "
            "WHERE a.status = :signed AND a.deleted = 0 AND a.kind = '书面' "
            "AND a.signed_on >= :window AND a.signed_on <= :today AND NOT EXISTS ("
            "SELECT 1 FROM agreements b WHERE b.case_id = a.case_id AND b.status = :signed AND b.deleted = 0 "
            "AND (b.version > a.version OR (b.version = a.version AND b.id > a.id))) "
            # each version has its own window: only a confirmation of this version closes it
            "AND c.deleted = 0 AND NOT EXISTS ("
            "SELECT 1 FROM judicial_confirmations j WHERE j.agreement_id = a.id AND j.deleted = 0) "
            f"AND {region} ORDER BY a.signed_on",
            params,
        )
    ]
    visits = [
        {
            "id": r[0],
            "visit_id": r[1],
            "case_no": r[2],
            "region_code": r[3],
            "due_on": _day(r[4]),
            "days_over": (as_of - _on(r[4])).days,
        }
        for r in fetch(
            session,
            "SELECT DISTINCT c.id, v.id, c.case_no, c.region_code, v.due_on FROM return_visits v "
            "CROSS JOIN cases c ON c.id = v.case_id LEFT JOIN agreements a ON a.id = v.agreement_id "
            "WHERE v.deleted = 0 AND c.deleted = 0 AND c.status != :archived AND v.visited_on IS NULL "
            "AND v.due_on <= :today AND (a.id IS NULL OR (a.status != :void AND a.deleted = 0)) "
            f"AND {region} ORDER BY v.due_on",
            params,
        )
    ]
    rparams: dict[str, Any] = {"today": _d(as_of)}
    region_of = (
        "CASE r.target_kind "
        + " ".join(f"WHEN '{kind}' THEN t{n}.region_code" for n, (kind, _) in enumerate(RATING_TARGETS))
        + " END"
    )
    targets = " ".join(
        f"LEFT JOIN {table} t{n} ON r.target_kind = '{kind}' AND t{n}.id = r.target_id AND t{n}.deleted = 0"
        for n, (kind, table) in enumerate(RATING_TARGETS)
    )
    # One pass over the ratings still awaiting a follow-up (few), each joined to its target; a
    # union per target kind would read the whole ratings table once per kind.
    follow_ups = [
        {
            "id": r[0],
            "target_kind": r[1],
            "target_id": r[2],
            "grade": r[3],
            "follow_up_due": _day(r[4]),
            "region_code": r[5],
        }
        for r in fetch(
            session,
            f"SELECT x.* FROM (SELECT r.id, r.target_kind, r.target_id, r.grade, r.follow_up_due, "
            f"{region_of} AS region_code FROM ratings r NOT INDEXED {targets} "
            "WHERE r.deleted = 0 AND r.follow_up_due IS NOT NULL AND r.follow_up_due < :today "
            "AND r.followed_up_on IS NULL AND COALESCE(r.appeal_status, '') <> '申诉成立') x "
            f"WHERE x.region_code IS NOT NULL AND {region_sql('x.region_code', rparams, prefix)} "
            "ORDER BY x.follow_up_due, x.id",
            rparams,
        )
    ]
    return Overdue(cases, window, visits, follow_ups)


# --- drill-down -------------------------------------------------------------------------------------

Drill = Callable[[Source, str, Period, "str | None", date], list[str]]


def _overdue_ids(part: str, field_name: str = "id") -> Drill:
    def ids(session: Source, prefix: str, period: Period, key: str | None, as_of: date) -> list[str]:
        return list(dict.fromkeys(row[field_name] for row in getattr(overdue(session, prefix, as_of), part)))

    return ids


# figure name -> (record kind the ids are of, query)
DRILLS: dict[str, tuple[str, Drill]] = {
    "mediation": ("cases", _mediation_ids),
    "screenings": ("screenings", _screening_ids),
    "prevention": ("cases", _prevention_ids),
    "consultations": ("consultations", _consultation_ids),
    "priority_consultations": ("consultations", _group_ids),
    "priority_cases": ("cases", _group_case_ids),
    "ratings": ("ratings", _rating_ids),
    "roster": ("legal_literates", _village_ids("roster")),
    "onsite": ("services", _village_ids("onsite")),  # 实地 consultations and activities
    "lectures": ("activities", _village_ids("lectures")),
    "overdue_cases": ("cases", _overdue_ids("cases")),
    "confirmation_window": ("cases", _overdue_ids("confirmation_window")),
    "visits_due": ("cases", _overdue_ids("visits")),
    "follow_ups": ("ratings", _overdue_ids("follow_ups")),
}
