"""One call for everything the township office looks at: :func:`compute` and the drill-down :func:`records`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from advisor_app.domain.clock import china_today
from advisor_app.reports import figures
from advisor_app.reports.scope import Period, Source, add_months, allowed_region, fetch, region_prefix
from advisor_app.store.plain_sql import reading

if TYPE_CHECKING:
    from advisor_app.store import Store


@dataclass
class Figures:
    """All figures of one region and period (see docs/reports.md for each definition)."""

    region_code: str | None
    region_name: str
    period: Period
    as_of: date
    mediation: dict[str, dict[str, figures.MediationRow]]  # dimension -> key -> row
    prevention: figures.Prevention
    consultations: figures.Consultations
    priority_groups: list[figures.GroupServed]
    satisfaction: figures.Satisfaction
    villages: list[figures.Village]
    overdue: figures.Overdue
    townships: list[figures.Township]  # a county's (or city's) per-township rows; else empty
    region_level: str = ""  # county / township / village …; "" for the whole store

    @property
    def total(self) -> figures.MediationRow:
        return self.mediation["total"].get("合计") or figures.MediationRow("合计")


def _region(source: Source, code: str) -> tuple[str, str] | None:
    """(name, level) of a region code, or ``None`` when the store does not know it."""
    found = fetch(source, "SELECT name, level FROM regions WHERE code = :code", {"code": code})
    return found[0] if found else None


def region_label(session: Source, code: str | None) -> str:
    if not code:
        return "全部地区"
    region = _region(session, code)
    if region is None:
        raise LookupError(f"找不到区划代码 {code}")
    return region[0]


def region_level(session: Source, code: str | None) -> str:
    region = _region(session, code) if code else None
    return region[1] if region is not None else ""


def compute(store: Store, region: str | None, period: Period, as_of: date | None = None) -> Figures:
    """Every figure for ``region`` (a village, township, county code, or None for all) and ``period``.

    Limited to the signed-in local user's regions (:func:`scope.allowed_region`). A county (or a
    wider region) also gets its per-township rows, rolled up from the same groups.
    """
    region = allowed_region(store, region)
    prefix = region_prefix(region)
    as_of = as_of or china_today()
    with reading(store) as session:  # one read transaction: the figures agree with each other
        # One grouped pass per big table; the figures are roll-ups of these groups.
        cases = figures.case_groups(session, prefix, period)
        cons = figures.consultation_rollups(session, prefix, period)
        villages = figures.villages(session, prefix, period, cases, cons)
        return Figures(
            region_code=region or None,
            region_name=region_label(session, region),
            period=period,
            as_of=as_of,
            mediation={dim: figures.mediation_from(cases, dim) for dim in figures.DIMENSIONS},
            prevention=figures.prevention(session, prefix, period, cases),
            consultations=figures.consultations(session, prefix, period, cons),
            priority_groups=figures.priority_groups(session, prefix, period, cons),
            satisfaction=figures.satisfaction(session, prefix, period),
            villages=villages,
            overdue=figures.overdue(session, prefix, as_of),
            townships=figures.townships(session, prefix, cases, cons, villages) if prefix else [],
            region_level=region_level(session, region),
        )


@dataclass
class MediationFigures:
    """What the 人民调解工作统计月报表 prints (a part of :class:`Figures`, computed alone: the monthly
    export need not read the ratings, the overdue lists or the consultations' details)."""

    region_code: str | None
    region_name: str
    period: Period
    mediation: dict[str, dict[str, figures.MediationRow]]  # dimension -> key -> row
    prevention: figures.Prevention
    townships: list[figures.Township]  # a county's (or city's) per-township rows; else empty

    @property
    def total(self) -> figures.MediationRow:
        return self.mediation["total"].get("合计") or figures.MediationRow("合计")


def mediation_figures(store: Store, region: str | None, period: Period) -> MediationFigures:
    """The monthly report's figures, equal to the same fields of :func:`compute` (tested)."""
    region = allowed_region(store, region)
    prefix = region_prefix(region)
    with reading(store) as session:
        cases = figures.case_groups(session, prefix, period)
        townships: list[figures.Township] = []
        if prefix and len(prefix) < figures.TOWNSHIP_DIGITS:  # a county or wider: 各乡镇情况
            cons = figures.consultation_rollups(session, prefix, period)
            villages = figures.villages(session, prefix, period, cases, cons)
            townships = figures.townships(session, prefix, cases, cons, villages)
        return MediationFigures(
            region_code=region or None,
            region_name=region_label(session, region),
            period=period,
            mediation={dim: figures.mediation_from(cases, dim) for dim in figures.DIMENSIONS},
            prevention=figures.prevention(session, prefix, period, cases),
            townships=townships,
        )


def records(
    store: Store,
    region: str | None,
    period: Period,
    figure: str,
    key: str | None = None,
    as_of: date | None = None,
) -> tuple[str, list[str]]:
    """The records behind one figure: ``(kind, ids)`` where kind is a table name.

    ``figure`` is a key of :data:`figures.DRILLS`; ``key`` selects the cell, e.g. for ``mediation``
    ``"success|dispute_type=邻里"``, for ``consultations`` ``"mode=实地"``, for ``ratings`` a grade,
    for ``roster``/``onsite``/``lectures`` a village code.
    """
    kind, query = figures.DRILLS[figure]
    region = allowed_region(store, region)
    with reading(store) as session:
        return kind, query(session, region_prefix(region), period, key, as_of or china_today())


@dataclass
class DashboardData:
    """What the 统计 page shows: the figures, a 12-month trend and the month's hot topics."""

    figures: Figures
    trend: dict[str, int]  # YYYY-MM -> consultations, the 12 months ending with the period
    trend_cases: dict[str, int]  # YYYY-MM -> cases accepted
    hot_topics: list


def dashboard(store: Store, region: str | None, period: Period, as_of: date | None = None) -> DashboardData:
    """The figures, the 12-month trend and the hot topics in one session.

    The trend's pass (records per village, category and month over 12 months) also gives the hot
    topics their category series, so each table is read once for both.
    """
    from advisor_app.reports import hot_topics

    region = allowed_region(store, region)
    figs = compute(store, region, period, as_of)
    year = Period("trend", add_months(period.end, -12), period.end, "近 12 个月")
    prefix = region_prefix(region)
    with reading(store) as session:
        categories = {
            source: hot_topics.category_counts(session, prefix, year.start, year.end, source)
            for source in hot_topics.SOURCES
        }
        trend = {source: dict.fromkeys(year.month_keys(), 0) for source in categories}
        for source, counts in categories.items():
            for by_month in counts.values():
                for mon, n in by_month.items():
                    trend[source][mon] += n
        topics = hot_topics.analyse(session, prefix, period, categories)
    return DashboardData(figs, trend["consultations"], trend["cases"], topics)


def describe(store: Store, kind: str, ids: list[str]) -> list[str]:
    """One line per record for the simple list dialog (no ID numbers or phones)."""
    queries = {
        "cases": "SELECT id, COALESCE(case_no, '') || '　' || dispute_type || '　' || accepted_on FROM cases",
        "consultations": "SELECT id, substr(occurred_at, 1, 16) || '　' || category || '　' || substr(question, 1, 30) "
        "FROM consultations",
        "activities": "SELECT id, held_on || '　' || kind || '　' || topic FROM activities",
        "legal_literates": "SELECT id, name || '　' || status FROM legal_literates",
        "ratings": "SELECT id, rated_on || '　' || grade || '　' || COALESCE(comment, '') FROM ratings",
        "screenings": "SELECT id, held_on || '　排查发现 ' || disputes_found || ' 件' FROM screenings",
        # 实地 consultations and activities behind the on-site minutes
        "services": "SELECT * FROM (SELECT id, substr(occurred_at, 1, 16) || '　实地咨询　' "
        "|| COALESCE(duration_minutes, 0) || ' 分钟　' || substr(question, 1, 30) AS line FROM consultations "
        "UNION ALL SELECT id, held_on || '　' || kind || '　' || COALESCE(duration_minutes, 0) || ' 分钟　' "
        "|| topic FROM activities)",
    }
    if kind not in queries or not ids:
        return list(ids)
    with reading(store) as session:
        found: dict[str, str] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ", ".join(f":i{n}" for n in range(len(chunk)))
            params = {f"i{n}": v for n, v in enumerate(chunk)}
            found.update(dict(fetch(session, f"{queries[kind]} WHERE id IN ({marks})", params)))
    return [found.get(i, i) for i in ids]
