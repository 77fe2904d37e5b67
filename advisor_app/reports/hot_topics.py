"""热点研判: categories and keywords whose monthly count rises sharply against their own recent past.

The rule (docs/reports.md): for every region group (each village, and each township, inside the
scope) and every series — consultations per 子类, cases per 纠纷类型, and curated keywords in the
question or dispute summary — compare this month's count ``k`` with the previous ``n`` months'
total ``B`` (n = 6, fewer when the region's records start later; at least 3).

If nothing changed, each of the ``k + B`` records fell in this month with chance ``1/(n+1)``, so
``k`` given ``k + B`` is Binomial(k + B, 1/(n+1)) — the conditional test for two Poisson rates,
which also accounts for the baseline being an estimate. A series is flagged when

- ``P(X >= k)`` is below ``FAMILY_ALPHA / m`` (Bonferroni over the m series tested, so a month of
  flat data raises a false alarm with chance below 1 %),
- ``k >= MIN_COUNT`` (a jump from 0 to 2 is not a topic), and
- ``k >= MIN_RATIO`` x the baseline mean (a significant but small rise on a big base is not news).
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from advisor_app.reports.scope import Period, add_months, month, region_prefix, region_sql
from advisor_app.resources import resource_path
from advisor_app.store import Store

BASELINE_MONTHS = 6
MIN_BASELINE_MONTHS = 3
FAMILY_ALPHA = 0.01
MIN_COUNT = 5
MIN_RATIO = 2.0
GROUP_LEVELS = (9, 12)  # township and village code prefixes


@cache
def keywords() -> dict[str, list[str]]:
    """The curated keyword list per category (resources/reports/hot_keywords.json)."""
    with resource_path("reports", "hot_keywords.json").open(encoding="utf-8") as fh:
        return json.load(fh)["keywords"]


def binomial_tail(k: int, n: int, p: float) -> float:
    """P(X >= k) for X ~ Binomial(n, p), summed in log space (no SciPy needed)."""
    if k <= 0:
        return 1.0
    if k > n:
        return 0.0
    log_p, log_q = math.log(p), math.log1p(-p)
    log_terms = [
        math.lgamma(n + 1) - math.lgamma(i + 1) - math.lgamma(n - i + 1) + i * log_p + (n - i) * log_q
        for i in range(k, n + 1)
    ]
    top = max(log_terms)
    return min(1.0, math.exp(top) * sum(math.exp(t - top) for t in log_terms))


@dataclass(frozen=True)
class Rise:
    """The test of one series: this month's count against the baseline months."""

    count: int
    baseline: tuple[int, ...]
    p_value: float

    @property
    def mean(self) -> float:
        return sum(self.baseline) / len(self.baseline)

    @property
    def growth(self) -> float | None:
        """增长倍数 (count − mean) / mean; None when the baseline is zero."""
        return (self.count - self.mean) / self.mean if self.mean else None


def measure_rise(count: int, baseline: list[int]) -> Rise:
    n = len(baseline)
    total = sum(baseline)
    return Rise(count, tuple(baseline), binomial_tail(count, count + total, 1.0 / (n + 1)))


def is_flagged(rise: Rise, tests: int) -> bool:
    threshold = FAMILY_ALPHA / max(1, tests)
    return rise.count >= MIN_COUNT and rise.count >= MIN_RATIO * rise.mean and rise.p_value < threshold


@dataclass
class HotTopic:
    region_code: str
    region_name: str
    source: str  # consultations / cases
    kind: str  # category / keyword
    label: str  # 劳动报酬, or the keyword
    rise: Rise
    explanation: str
    record_ids: list[str] = field(default_factory=list)


def explain(region: str, what: str, rise: Rise) -> str:
    """The plain Chinese reason, e.g. “桥南镇 劳动报酬 类咨询本月 23 件，前 6 个月平均 4.2 件，增长 4.5 倍”."""
    n = len(rise.baseline)
    if rise.growth is None:
        tail = f"前 {n} 个月没有"
    else:
        tail = f"前 {n} 个月平均 {rise.mean:.1f} 件，增长 {rise.growth:.1f} 倍"
    return f"{region} {what}本月 {rise.count} 件，{tail}"


# --- gathering counts -------------------------------------------------------------------------------

SOURCES = {
    # source -> (table, date column, category column, text column, unit word)
    "consultations": ("consultations", "occurred_at", "COALESCE(subcategory, '其他')", "question", "类咨询"),
    "cases": ("cases", "accepted_on", "dispute_type", "summary", "类纠纷"),
}


def _series(
    session: Session, prefix: str, start: date, end: date, source: str
) -> tuple[dict[tuple[str, str, str], dict[str, int]], dict[str, str]]:
    """Counts per (group, kind, label) per month, and each group's first month with any record."""
    table, day_col, cat_col, text_col, _ = SOURCES[source]
    out: dict[tuple[str, str, str], dict[str, int]] = {}
    first: dict[str, str] = {}
    words = sorted({w for ws in keywords().values() for w in ws})
    for level in GROUP_LEVELS:
        if level < len(prefix):
            continue
        params: dict[str, Any] = {"s": start.isoformat(), "e": end.isoformat(), "n": level}
        region = region_sql("region_code", params, prefix)
        base = f"FROM {table} WHERE deleted = 0 AND {day_col} >= :s AND {day_col} < :e AND {region}"
        group = "substr(region_code, 1, :n)"
        for g, cat, mon, count in session.execute(
            text(
                f"SELECT {group}, {cat_col}, substr({day_col}, 1, 7), COUNT(DISTINCT id) {base} GROUP BY 1, 2, 3"
            ),
            params,
        ):
            out.setdefault((g, "category", cat), {})[mon] = count
            first[g] = min(first.get(g, mon), mon)
        params.update({f"w{i}": f"%{w}%" for i, w in enumerate(words)})
        sums = ", ".join(f"SUM({text_col} LIKE :w{i})" for i in range(len(words)))
        for g, mon, *counts in session.execute(
            text(f"SELECT {group}, substr({day_col}, 1, 7), {sums} {base} GROUP BY 1, 2"), params
        ):
            for word, count in zip(words, counts, strict=True):
                if count:
                    out.setdefault((g, "keyword", word), {})[mon] = count
    return out, first


def _ids(session: Session, source: str, group: str, kind: str, label: str, period: Period) -> list[str]:
    table, day_col, cat_col, text_col, _ = SOURCES[source]
    params: dict[str, Any] = {"s": period.start.isoformat(), "e": period.end.isoformat(), "label": label}
    condition = f"{cat_col} = :label" if kind == "category" else f"{text_col} LIKE :like"
    params["like"] = f"%{label}%"
    sql = (
        f"SELECT id FROM {table} WHERE deleted = 0 AND {day_col} >= :s AND {day_col} < :e "
        f"AND {region_sql('region_code', params, group)} AND {condition} ORDER BY {day_col}"
    )
    return list(session.scalars(text(sql), params))


def detect(store: Store, region: str | None, period: Period) -> list[HotTopic]:
    """Hot topics of the month ``period`` inside ``region`` (None: the whole store), strongest first."""
    if period.kind != "month":
        period = month(add_months(period.end, -1).year, add_months(period.end, -1).month)
    prefix = region_prefix(region)
    current = period.month_keys()[0]
    start = add_months(period.start, -BASELINE_MONTHS)
    baseline_keys = [
        f"{d.year:04d}-{d.month:02d}" for d in (add_months(start, i) for i in range(BASELINE_MONTHS))
    ]
    candidates: list[tuple[str, str, str, str, Rise]] = []
    with store.session() as session:
        names = {code: name for code, name in session.execute(text("SELECT code, name FROM regions"))}
        for source in SOURCES:
            counts, first = _series(session, prefix, start, period.end, source)
            for (group, kind, label), by_month in counts.items():
                months = [m for m in baseline_keys if m >= first[group]]
                if len(months) < MIN_BASELINE_MONTHS:
                    continue
                rise = measure_rise(by_month.get(current, 0), [by_month.get(m, 0) for m in months])
                candidates.append((source, group, kind, label, rise))
        tests = len(candidates)
        topics = []
        for source, group, kind, label, rise in candidates:
            if not is_flagged(rise, tests):
                continue
            name = names.get(group.ljust(12, "0"), group)
            unit = SOURCES[source][4]
            what = f"{label} {unit}" if kind == "category" else f"含“{label}”的{unit[1:]}"
            topics.append(
                HotTopic(
                    group,
                    name,
                    source,
                    kind,
                    label,
                    rise,
                    explain(name, what, rise),
                    _ids(session, source, group, kind, label, period),
                )
            )
    return sorted(topics, key=lambda t: (t.rise.p_value, -t.rise.count))
