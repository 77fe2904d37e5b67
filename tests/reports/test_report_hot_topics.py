"""Hot topics: a planted spike is found and explained; flat data raises no alarm across many seeds."""

from __future__ import annotations

import random
from datetime import date, datetime

import pytest
from reports_dataset import OTHER, TOWNSHIP, V1, V2

from advisor_app.domain.models import Consultation, Region
from advisor_app.reports import hot_topics
from advisor_app.reports.scope import parse_period

SUBS = ["劳动报酬", "婚姻家庭", "合同", "借贷", "邻里", "继承", "土地承包", "消费"]
MONTHS = ["2026-03", "2026-04", "2026-05", "2026-06", "2026-07", "2026-08", "2026-09"]  # 6 baseline + current


def _poisson(rng: random.Random, lam: float) -> int:
    # Knuth's method: fine for the small rates used here
    limit, k, p = pow(2.718281828459045, -lam), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def test_binomial_tail_matches_direct_sum():
    from math import comb

    n, p = 30, 1 / 7
    direct = sum(comb(n, i) * p**i * (1 - p) ** (n - i) for i in range(9, n + 1))
    assert hot_topics.binomial_tail(9, n, p) == pytest.approx(direct, rel=1e-9)
    assert hot_topics.binomial_tail(0, n, p) == 1.0


def test_explanation_text():
    rise = hot_topics.measure_rise(23, [4, 5, 3, 5, 4, 4])
    assert (
        hot_topics.explain("桥南镇", "劳动报酬 类咨询", rise)
        == "桥南镇 劳动报酬 类咨询本月 23 件，前 6 个月平均 4.2 件，增长 4.5 倍"
    )
    assert hot_topics.is_flagged(rise, tests=200)
    assert not hot_topics.is_flagged(
        hot_topics.measure_rise(4, [0, 0, 0, 1, 0, 0]), tests=1
    )  # below MIN_COUNT


@pytest.mark.parametrize("seed", range(40))
def test_no_false_alarms_on_flat_series(seed):
    """200 flat Poisson series per seed (rates 0.5–15 a month): nothing is flagged."""
    rng = random.Random(seed)
    rises = []
    for _ in range(200):
        lam = rng.uniform(0.5, 15)
        series = [_poisson(rng, lam) for _ in range(7)]
        rises.append(hot_topics.measure_rise(series[-1], series[:-1]))
    assert [r for r in rises if hot_topics.is_flagged(r, len(rises))] == []


def _fill(store, seed: int, spike: int = 0) -> None:
    """Flat consultations over 7 months in three villages; ``spike`` extra wage cases in V1's last month."""
    rng = random.Random(seed)
    rows = []
    for village in (V1, V2, OTHER):
        for sub in SUBS:
            lam = rng.uniform(1, 6)
            for mon in MONTHS:
                for _ in range(_poisson(rng, lam)):
                    day = datetime.fromisoformat(f"{mon}-{rng.randint(1, 28):02d} 10:00")
                    question = "老板拖欠工资" if sub == "劳动报酬" and rng.random() < 0.5 else f"{sub}问题"
                    rows.append(
                        Consultation(region_code=village, occurred_at=day, subcategory=sub, question=question)
                    )
    for n in range(spike):
        rows.append(
            Consultation(
                region_code=V1,
                occurred_at=datetime(2026, 9, 1 + n % 28, 9),
                subcategory="劳动报酬",
                question="春节前讨薪，拖欠工资",
            )
        )
    with store.session() as session:
        session.add_all(rows)


@pytest.fixture
def villages(seeded):
    with seeded.session() as session:
        session.add(Region(code=OTHER, name="庄里村", level="village", parent_code="610528101000"))
    return seeded


def test_planted_spike_is_found_with_its_records(villages):
    _fill(villages, seed=7, spike=25)
    topics = hot_topics.detect(villages, TOWNSHIP, parse_period("2026-09"))
    assert topics, "the planted spike was not found"
    by_key = {(t.region_code, t.kind, t.label): t for t in topics}
    village = by_key[(V1, "category", "劳动报酬")]
    assert village.region_name == "桥南村"
    assert village.explanation.startswith("桥南村 劳动报酬 类咨询本月 ")
    assert "前 6 个月平均" in village.explanation and "增长" in village.explanation
    assert len(village.record_ids) == village.rise.count >= 25
    assert ("610502100", "category", "劳动报酬") in by_key  # the township sees it too
    assert (V1, "keyword", "拖欠工资") in by_key
    assert all(t.region_code.startswith("610502100") for t in topics)  # 庄里村 is outside the scope
    assert {t.label for t in topics} <= {"劳动报酬", "拖欠工资", "讨薪"}


@pytest.mark.parametrize("seed", range(6))
def test_flat_store_raises_no_alarm(villages, seed):
    _fill(villages, seed=seed)
    assert hot_topics.detect(villages, None, parse_period("2026-09")) == []


def test_short_history_is_not_a_spike(villages):
    """A village that started recording last month has no baseline: nothing is flagged."""
    with villages.session() as session:
        session.add_all(
            Consultation(
                region_code=V2, occurred_at=datetime(2026, 9, d, 9), subcategory="借贷", question="借款"
            )
            for d in range(1, 21)
        )
    assert hot_topics.detect(villages, TOWNSHIP, parse_period("2026-09")) == []
    assert date(2026, 9, 1) == parse_period("2026-09").start
