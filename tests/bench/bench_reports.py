"""Reports benchmarks: dashboard figures for a township with 100,000 records; the monthly export.

The records are bulk-inserted (Core inserts, not the services) so the setup takes seconds: 80,000
consultations and 20,000 cases with agreements over 20 villages and 12 months.
"""

from __future__ import annotations

import random
import time
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

from sqlalchemy import insert

from advisor_app.domain.models import Agreement, Case, Committee, Consultation, Rating, Region
from advisor_app.domain.vocab import terms
from advisor_app.services import regions
from advisor_app.store import open_store
from tests.bench import Row

TOWNSHIP = "610502100000"
CONSULTATIONS = 80_000
CASES = 20_000


def _build(workdir: Path):  # noqa: ANN202
    store = open_store(workdir / "data")
    regions.load_csv(store)
    rng = random.Random(1)
    villages = [f"610502100{n:03d}" for n in range(201, 221)]
    types, sources, subs = terms("dispute_types"), terms("case_sources"), terms("consultation_subcategories")
    grades, tags = terms("satisfaction_grades"), terms("priority_groups")
    start = date(2025, 12, 1)
    with store.session(remote=True) as session:
        session.execute(
            insert(Region),
            [
                {
                    "code": v,
                    "name": f"演示村{v[-3:]}",
                    "level": "village",
                    "parent_code": TOWNSHIP,
                    "source": "演示数据（虚构）",
                }
                for v in villages
            ],
        )
        committee = str(uuid.uuid4())
        session.execute(
            insert(Committee),
            [
                {
                    "id": committee,
                    "name": "桥南镇人民调解委员会",
                    "short_name": "临桥",
                    "kind": "乡镇",
                    "region_code": TOWNSHIP,
                }
            ],
        )
        cons, ratings = [], []
        for _ in range(CONSULTATIONS):
            cid = str(uuid.uuid4())
            at = datetime.combine(
                start + timedelta(days=rng.randrange(365)), datetime.min.time()
            ) + timedelta(hours=9)
            cons.append(
                {
                    "id": cid,
                    "region_code": rng.choice(villages),
                    "occurred_at": at,
                    "subcategory": rng.choice(subs),
                    "mode": rng.choice(("实地", "远程", "预约")),
                    "category": "民事",
                    "question": "咨询拖欠工资问题",
                    "duration_minutes": 30,
                    "status": "已办结",
                    "tags": [rng.choice(tags)] if rng.random() < 0.3 else [],
                }
            )
            ratings.append(
                {
                    "id": str(uuid.uuid4()),
                    "target_kind": "consultation",
                    "target_id": cid,
                    "grade": rng.choice(grades),
                    "rated_on": at.date(),
                }
            )
        session.execute(insert(Consultation), cons)
        session.execute(insert(Rating), ratings)
        cases, agreements = [], []
        for n in range(CASES):
            case_id = str(uuid.uuid4())
            accepted = start + timedelta(days=rng.randrange(365))
            cases.append(
                {
                    "id": case_id,
                    "committee_id": committee,
                    "region_code": rng.choice(villages),
                    "dispute_type": rng.choice(types),
                    "source": rng.choice(sources),
                    "summary": "纠纷",
                    "status": "达成协议",
                    "accepted_on": accepted,
                    "due_on": accepted + timedelta(days=30),
                    "case_no": f"（2026）临桥调字第 {n + 1} 号",
                }
            )
            if rng.random() < 0.7:
                agreements.append(
                    {
                        "id": str(uuid.uuid4()),
                        "case_id": case_id,
                        "status": "已签署",
                        "version": 1,
                        "amount_fen": rng.randrange(100_000, 5_000_000),
                        "signed_on": accepted,
                        "performed": rng.choice(("已履行", "未履行")),
                    }
                )
        session.execute(insert(Case), cases)
        session.execute(insert(Agreement), agreements)
    return store


def _best(fn, repeat: int = 3) -> float:  # noqa: ANN001
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - started)
    return best


def _without_statistics(store):  # noqa: ANN001, ANN202
    """The same store with the planner's statistics gone, as a store that never ran ANALYZE on a
    table (``PRAGMA optimize`` analyses only tables its connection queried): every query plan must
    stay good without them — the self-rating rule once made a month's figures take minutes."""
    data_dir = store.data_dir
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE IF EXISTS sqlite_stat1")
    store.engine.dispose()  # no store.close(): its PRAGMA optimize would analyse again
    return open_store(data_dir)


def run(workdir: Path) -> list[Row]:
    from advisor_app.reports import forms, rating_board, service
    from advisor_app.reports.scope import parse_period

    store = _build(workdir)
    with store.engine.begin() as conn:  # the first rows with statistics, as a store in use has them
        conn.exec_driver_sql("ANALYZE")
    try:
        month, year = parse_period("2026-10"), parse_period("2026")
        figures_month = _best(lambda: service.compute(store, TOWNSHIP, month))
        figures_year = _best(lambda: service.compute(store, TOWNSHIP, year))
        dashboard = _best(lambda: service.dashboard(store, TOWNSHIP, month))
        board_year = _best(lambda: rating_board.sheet(store, TOWNSHIP, year))
        xlsx = _best(lambda: forms.export([forms.monthly(store, TOWNSHIP, month)], workdir / "m.xlsx"))
        pdf = _best(lambda: forms.export([forms.monthly(store, TOWNSHIP, month)], workdir / "m.pdf"))
        store = _without_statistics(store)
        bare_month = _best(lambda: service.compute(store, TOWNSHIP, month))
        bare_board = _best(lambda: rating_board.sheet(store, TOWNSHIP, month))
    finally:
        store.close()
    return [
        Row(
            "dashboard figures, one month, store without planner statistics",
            bare_month * 1000,
            "ms",
            "< 1000 ms",
        ),
        Row("服务评价排名, one year", board_year * 1000, "ms", "< 1000 ms"),
        Row(
            "服务评价排名, one month, store without planner statistics", bare_board * 1000, "ms", "< 1000 ms"
        ),
        Row("dashboard figures, township 100k records, one month", figures_month * 1000, "ms", "< 1000 ms"),
        Row("dashboard figures, township 100k records, one year", figures_year * 1000, "ms", "< 1000 ms"),
        Row("dashboard incl. 12-month trend and hot topics", dashboard * 1000, "ms", "< 1000 ms"),
        Row("monthly mediation report export (.xlsx)", xlsx * 1000, "ms"),
        Row("monthly mediation report export (.pdf)", pdf * 1000, "ms"),
    ]
