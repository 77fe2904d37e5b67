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
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any

from advisor_app.reports.scope import (
    Period,
    Source,
    add_months,
    allowed_region,
    column,
    fetch,
    month,
    region_prefix,
    region_sql,
    table_access,
)
from advisor_app.resources import resource_path
from advisor_app.store.plain_sql import reading

if TYPE_CHECKING:
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
    """P(X >= k) for X ~ Binomial(n, p) (no SciPy needed).

    The terms are summed away from the mode, where they fall geometrically, each from the previous
    by the ratio of consecutive terms, until they no longer change the sum: tens of steps instead of
    one ``lgamma`` per term up to ``n`` (a township's series runs to thousands of records). Above the
    mode the upper tail is summed; at or below it, 1 − the lower tail (then the result is ≥ ~1/2).
    """
    if k <= 0:
        return 1.0
    if k > n:
        return 0.0
    q = 1.0 - p
    mode = math.floor((n + 1) * p)
    if k > mode:
        return min(1.0, _tail_sum(k, n, p, q, step=1))
    return max(0.0, min(1.0, 1.0 - _tail_sum(k - 1, n, p, q, step=-1)))


def _log_pmf(i: int, n: int, p: float) -> float:
    return (
        math.lgamma(n + 1)
        - math.lgamma(i + 1)
        - math.lgamma(n - i + 1)
        + i * math.log(p)
        + (n - i) * math.log1p(-p)
    )


def _tail_sum(start: int, n: int, p: float, q: float, step: int) -> float:
    """Sum of the pmf from ``start`` outwards (``step`` +1: up to n, −1: down to 0), away from the mode."""
    total, term, i = 1.0, 1.0, start  # terms relative to the first, which is the largest
    while 0 <= i + step <= n:
        if step > 0:
            term *= (n - i) / (i + 1) * p / q
        else:
            term *= i / (n - i + 1) * q / p
        i += step
        total += term
        if term < total * 1e-17:
            break
    return math.exp(_log_pmf(start, n, p)) * total


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
    "consultations": (
        "consultations",
        "occurred_at",
        "COALESCE(subcategory, '未分类')",
        "question",
        "类咨询",
    ),
    "cases": ("cases", "accepted_on", "dispute_type", "summary", "类纠纷"),
}

Series = dict[tuple[str, str, str], dict[str, int]]  # (group, kind, label) -> month -> count


class KeywordMatcher:
    """Which curated keywords a text contains, as ``text LIKE '%word%'`` would say, in one regex pass.

    A lookahead alternation, longest words first, finds at each position the longest keyword starting
    there; every other keyword starting there is a prefix of it, so it is added too. ASCII letters
    match regardless of case, as in SQLite's LIKE.
    """

    def __init__(self, words: list[str]) -> None:
        ordered = sorted(set(words), key=lambda w: (-len(w), w))
        self.pattern = re.compile("(?=(" + "|".join(map(re.escape, ordered)) + "))", re.IGNORECASE | re.ASCII)
        fold = {w: _ascii_lower(w) for w in ordered}
        self.implied = {fold[w]: tuple(v for v in ordered if fold[w].startswith(fold[v])) for w in ordered}

    def find(self, text: str | None) -> set[str]:
        if not text:
            return set()
        found: set[str] = set()
        for hit in self.pattern.findall(text):
            found.update(self.implied[_ascii_lower(hit)])
        return found


def _ascii_lower(text: str) -> str:
    return "".join(c.lower() if c.isascii() else c for c in text)


@cache
def matcher() -> KeywordMatcher:
    return KeywordMatcher([w for ws in keywords().values() for w in ws])


def _month_keys(start: date, end: date) -> list[str]:
    keys, day = [], start
    while day < end:
        keys.append(f"{day.year:04d}-{day.month:02d}")
        day = add_months(day, 1)
    return keys


def _roll_up(prefix: str, counts: dict[tuple[str, tuple[str, str], str], int], out: Series) -> None:
    """Add per-village counts ``(region_code, label, month)`` to every group level of the scope."""
    levels = [level for level in GROUP_LEVELS if level >= len(prefix)]
    for (code, label, mon), n in counts.items():
        for level in levels:
            series = out.setdefault((code[:level], label[0], label[1]), {})
            series[mon] = series.get(mon, 0) + n


def category_counts(
    session: Source, prefix: str, start: date, end: date, source: str
) -> dict[tuple[str, str], dict[str, int]]:
    """Records per (region code, category) per month, one grouped pass over [start, end)."""
    table, day_col, cat_col, _, _ = SOURCES[source]
    params: dict[str, Any] = {"s": start.isoformat(), "e": end.isoformat()}
    period = Period("window", start, end, "")
    sql = (
        f"SELECT region_code, {cat_col}, substr({day_col}, 1, 7), COUNT(*) "
        f"FROM {table} {table_access(session, table, period)} "
        f"WHERE deleted = 0 AND {day_col} >= :s AND {day_col} < :e AND {region_sql('region_code', params, prefix)} "
        "GROUP BY 1, 2, 3"
    )
    out: dict[tuple[str, str], dict[str, int]] = {}
    for code, cat, mon, n in fetch(session, sql, params):
        out.setdefault((code, cat), {})[mon] = n
    return out


def _keyword_counts(session: Source, prefix: str, start: date, end: date, source: str) -> dict[tuple, int]:
    """Records per (region code, keyword, month): the texts are read once and matched in Python (one
    regex pass per text beats one LIKE per keyword per record)."""
    table, day_col, _, text_col, _ = SOURCES[source]
    params: dict[str, Any] = {"s": start.isoformat(), "e": end.isoformat()}
    period = Period("window", start, end, "")
    sql = (
        f"SELECT region_code, substr({day_col}, 1, 7), {text_col} FROM {table} {table_access(session, table, period)} "
        f"WHERE deleted = 0 AND {day_col} >= :s AND {day_col} < :e AND {region_sql('region_code', params, prefix)}"
    )
    find = matcher().find
    seen: dict[str, Any] = {}
    counts: dict[tuple, int] = {}
    for code, mon, body in fetch(session, sql, params):
        words = seen.get(body)
        if words is None:
            words = seen[body] = find(body)
        for word in words:
            key = (code, ("keyword", word), mon)
            counts[key] = counts.get(key, 0) + 1
    return counts


def _series(
    session: Source,
    prefix: str,
    start: date,
    end: date,
    source: str,
    categories: dict[tuple[str, str], dict[str, int]] | None = None,
) -> tuple[Series, dict[str, str]]:
    """Counts per (group, kind, label) per month, and each group's first month with any record.

    ``categories`` (from :func:`category_counts` over a window containing [start, end)) saves a pass.
    """
    window = set(_month_keys(start, end))
    if categories is None:
        categories = category_counts(session, prefix, start, end, source)
    flat = {
        (code, ("category", cat), mon): n
        for (code, cat), by_month in categories.items()
        for mon, n in by_month.items()
        if mon in window
    }
    out: Series = {}
    _roll_up(prefix, flat, out)
    first: dict[str, str] = {}
    for (group, _, _), by_month in out.items():
        first[group] = min(first.get(group, min(by_month)), min(by_month))
    _roll_up(prefix, _keyword_counts(session, prefix, start, end, source), out)
    return out, first


def _ids(session: Source, source: str, group: str, kind: str, label: str, period: Period) -> list[str]:
    table, day_col, cat_col, text_col, _ = SOURCES[source]
    params: dict[str, Any] = {"s": period.start.isoformat(), "e": period.end.isoformat(), "label": label}
    condition = f"{cat_col} = :label" if kind == "category" else f"{text_col} LIKE :like"
    params["like"] = f"%{label}%"
    sql = (
        f"SELECT id FROM {table} WHERE deleted = 0 AND {day_col} >= :s AND {day_col} < :e "
        f"AND {region_sql('region_code', params, group)} AND {condition} ORDER BY {day_col}"
    )
    return column(session, sql, params)


def detect(store: Store, region: str | None, period: Period) -> list[HotTopic]:
    """Hot topics of the month ``period`` inside ``region`` (None: the whole store), strongest first."""
    region = allowed_region(store, region)
    with reading(store) as session:
        return analyse(session, region_prefix(region), period)


def hot_month(period: Period) -> Period:
    """The month a period's hot topics are about: the period itself or its last month."""
    if period.kind == "month":
        return period
    last = add_months(period.end, -1)
    return month(last.year, last.month)


def analyse(
    session: Source,
    prefix: str,
    period: Period,
    categories: dict[str, dict[tuple[str, str], dict[str, int]]] | None = None,
) -> list[HotTopic]:
    """:func:`detect` inside a session; ``categories`` (source -> :func:`category_counts` over a window
    covering the 7 months) lets the dashboard share its 12-month trend pass."""
    period = hot_month(period)
    current = period.month_keys()[0]
    start = add_months(period.start, -BASELINE_MONTHS)
    baseline_keys = [
        f"{d.year:04d}-{d.month:02d}" for d in (add_months(start, i) for i in range(BASELINE_MONTHS))
    ]
    candidates: list[tuple[str, str, str, str, Rise]] = []
    names = {code: name for code, name in fetch(session, "SELECT code, name FROM regions", {})}
    for source in SOURCES:
        counts, first = _series(session, prefix, start, period.end, source, (categories or {}).get(source))
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
