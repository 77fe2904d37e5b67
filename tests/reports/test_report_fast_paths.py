"""The faster algorithms give the same answers as the plain ones they replaced.

- the binomial tail summed from the mode outwards against exact rational sums and the log-space sum;
- the one-pass keyword matcher against SQLite's ``LIKE '%word%'`` (prefixes, overlaps, ASCII case);
- the hot-topic series (one category pass, regex keywords, roll-up to townships) against the former
  per-level SQL with one LIKE per keyword;
- every figure read through a table scan against the same figure read through the date index.
"""

from __future__ import annotations

import math
import random
import sqlite3
from datetime import date
from fractions import Fraction

import pytest
from reports_dataset import AS_OF, OTHER, TOWNSHIP, V1
from sqlalchemy import text
from test_report_hot_topics import _fill

from advisor_app.domain.models import Region
from advisor_app.reports import hot_topics, scope, service
from advisor_app.reports.scope import parse_period, region_prefix, region_sql


def _exact_tail(k: int, n: int, p: Fraction) -> float:
    return float(sum(math.comb(n, i) * p**i * (1 - p) ** (n - i) for i in range(max(k, 0), n + 1)))


def _log_space_tail(k: int, n: int, p: float) -> float:
    if k <= 0:
        return 1.0
    if k > n:
        return 0.0
    logs = [
        math.lgamma(n + 1)
        - math.lgamma(i + 1)
        - math.lgamma(n - i + 1)
        + i * math.log(p)
        + (n - i) * math.log1p(-p)
        for i in range(k, n + 1)
    ]
    top = max(logs)
    return min(1.0, math.exp(top) * sum(math.exp(t - top) for t in logs))


def test_binomial_tail_exact_on_small_and_close_on_large_n():
    rng = random.Random(3)
    for n in (1, 2, 3, 7, 30, 120):
        for months in (3, 4, 6):
            p = Fraction(1, months + 1)
            for k in range(0, n + 2):
                assert hot_topics.binomial_tail(k, n, float(p)) == pytest.approx(
                    _exact_tail(k, n, p), rel=1e-9, abs=1e-300
                )
    for _ in range(400):  # township series: thousands of records
        n = rng.randint(200, 6000)
        p = 1 / rng.randint(4, 7)
        k = rng.randint(0, min(n, int(n * p * 2.5)))
        assert hot_topics.binomial_tail(k, n, p) == pytest.approx(
            _log_space_tail(k, n, p), rel=1e-9, abs=1e-300
        )


WORDS = ["工资", "工资条", "拖欠工资", "土地承包", "承包地", "撞", "App", "借款", "欠款", "110"]


def test_keyword_matcher_agrees_with_sqlite_like():
    matcher = hot_topics.KeywordMatcher(WORDS)
    pieces = [
        *WORDS,
        "土地承包地",
        "APP",
        "app",
        "aPp",
        "欠",
        "工",
        "资",
        "承包",
        "地",
        "，",
        "a",
        "拖欠工资条",
        "借款欠款",
    ]
    rng = random.Random(5)
    db = sqlite3.connect(":memory:")
    for _ in range(3000):
        body = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 6)))
        expected = {w for w in WORDS if db.execute("SELECT ? LIKE '%' || ? || '%'", (body, w)).fetchone()[0]}
        assert matcher.find(body) == expected, body
    assert matcher.find(None) == set()


@pytest.fixture
def villages(seeded):
    with seeded.session() as session:
        session.add(Region(code=OTHER, name="庄里村", level="village", parent_code="610528101000"))
    return seeded


def _reference_series(session, prefix, start, end, source):
    """The former implementation: per group level, one grouped query and one LIKE per keyword."""
    table, day_col, cat_col, text_col, _ = hot_topics.SOURCES[source]
    out, first = {}, {}
    words = sorted({w for ws in hot_topics.keywords().values() for w in ws})
    for level in hot_topics.GROUP_LEVELS:
        if level < len(prefix):
            continue
        params = {"s": start.isoformat(), "e": end.isoformat(), "n": level}
        region = region_sql("region_code", params, prefix)
        base = f"FROM {table} WHERE deleted = 0 AND {day_col} >= :s AND {day_col} < :e AND {region}"
        group = "substr(region_code, 1, :n)"
        sql = (
            f"SELECT {group}, {cat_col}, substr({day_col}, 1, 7), COUNT(DISTINCT id) {base} GROUP BY 1, 2, 3"
        )
        for g, cat, mon, count in session.execute(text(sql), params):
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


@pytest.mark.parametrize("region", [TOWNSHIP, None, V1])
def test_hot_topic_series_match_the_per_level_queries(villages, region):
    _fill(villages, seed=11, spike=12)
    prefix = region_prefix(region)
    start, end = date(2026, 3, 1), date(2026, 10, 1)
    with villages.session() as session:
        for source in hot_topics.SOURCES:
            assert hot_topics._series(session, prefix, start, end, source) == _reference_series(
                session, prefix, start, end, source
            )
            # the dashboard hands over a 12-month category pass; the result is the same
            wide = hot_topics.category_counts(session, prefix, date(2025, 10, 1), end, source)
            assert hot_topics._series(session, prefix, start, end, source, wide) == _reference_series(
                session, prefix, start, end, source
            )


def _snapshot(store, region, period):
    f = service.compute(store, region, period, AS_OF)
    return (
        f.mediation,
        f.prevention,
        f.consultations,
        f.priority_groups,
        f.satisfaction.by_grade,
        f.satisfaction.bad,
        f.villages,
        f.overdue,
    )


@pytest.mark.parametrize("text_period", ["2026-10", "2026-Q4", "2026"])
def test_table_scan_and_date_index_give_the_same_figures(dataset, monkeypatch, text_period):
    period = parse_period(text_period)
    monkeypatch.setattr(scope, "SCAN_SHARE", 2.0)  # never scan
    with dataset.session() as session:
        assert scope.table_access(session, "consultations", period) == ""
    by_index = [_snapshot(dataset, region, period) for region in (TOWNSHIP, None, V1)]
    monkeypatch.setattr(scope, "SCAN_SHARE", 0.0)  # always scan
    with dataset.session() as session:
        assert scope.table_access(session, "consultations", period) == "NOT INDEXED"
    assert [_snapshot(dataset, region, period) for region in (TOWNSHIP, None, V1)] == by_index


def test_dashboard_trend_matches_the_monthly_figures(dataset):
    data = service.dashboard(dataset, TOWNSHIP, parse_period("2026-10"), AS_OF)
    assert list(data.trend) == [
        f"{y}-{m:02d}" for y, m in [(2025, 11), (2025, 12)] + [(2026, m) for m in range(1, 11)]
    ]
    for mon in ("2026-09", "2026-10"):
        figs = service.compute(dataset, TOWNSHIP, parse_period(mon), AS_OF)
        assert data.trend[mon] == figs.consultations.total
        assert data.trend_cases[mon] == figs.total.accepted
