"""Issue 18 on demo data: an independent recomputation of the main figures in plain SQL agrees
with the report for several seeds, and re-importing an unchanged full export moves no figure.

The recomputation is deliberately simple (one correlated query per figure, ``LIKE`` on the region
code, no grouping tricks): if the report's fast paths and this agree, both read the rules the same.
"""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3
from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import text

from advisor_app import demo
from advisor_app.domain.models import Agreement, Case, Consultation
from advisor_app.io import transfer
from advisor_app.reports import forms, hot_topics, service
from advisor_app.reports.scope import Period, parse_period
from advisor_app.services import cases
from advisor_app.store import open_store

END = date(2026, 11, 30)
AS_OF = date(2026, 12, 1)
SEEDS = (3, 17, 29)
PERIODS = [f"2026-{m:02d}" for m in range(1, 12)] + ["2025-12", "2026-Q1", "2026-Q3", "2026-Q4", "2026"]


def _stir(store) -> None:
    """What the demo lacks: amended agreements, tombstones, dated performance, a late rating."""
    with store.session() as session:
        signed = session.scalars(
            text(
                "SELECT a.id FROM agreements a JOIN cases c ON c.id = a.case_id WHERE a.status = '已签署' "
                "AND c.status != '归档' AND a.signed_on < '2026-11-01' ORDER BY a.id LIMIT 4"
            )
        ).all()
        doomed = session.scalars(text("SELECT id FROM cases ORDER BY id LIMIT 3")).all()
        gone = session.scalars(text("SELECT id FROM consultations ORDER BY id LIMIT 5")).all()
        # rated days after the service (the import once re-dated these to the service day)
        session.execute(
            text(
                "UPDATE ratings SET rated_on = date(rated_on, '+4 days') WHERE target_kind = 'consultation' "
                "AND id IN (SELECT id FROM ratings WHERE target_kind = 'consultation' ORDER BY id LIMIT 40)"
            )
        )
    for n, agreement_id in enumerate(signed):
        with store.session() as session:
            old = session.get(Agreement, agreement_id)
            day = min(old.signed_on + timedelta(days=20 + n), END)
        draft = cases.new_version(store, agreement_id)
        with store.session() as session:
            session.get(Agreement, draft.id).amount_fen += 12345
        cases.sign_agreement(store, draft.id, day)
        if n % 2:
            cases.record_performance(store, draft.id, "已履行", min(day + timedelta(days=3), END))
    with store.session() as session:
        for case_id in doomed:
            session.get(Case, case_id).deleted = True
        for record_id in gone:
            session.get(Consultation, record_id).deleted = True


@pytest.fixture(scope="session")
def demo_stores(tmp_path_factory):
    """Data folders of small demo stores (one per seed), stirred; tests open copies or read them."""
    folders = {}
    for seed in SEEDS:
        folder = tmp_path_factory.mktemp(f"demo{seed}")
        store = open_store(folder)
        demo.generate(store, seed=seed, consultations=400, cases=90, end=END)
        _stir(store)
        store.close()
        folders[seed] = folder
    return folders


# --- the independent recomputation ------------------------------------------------------------------


def _one(conn: sqlite3.Connection, sql: str, *args) -> int:
    return conn.execute(sql, args).fetchone()[0] or 0


def recompute(db: sqlite3.Connection, prefix: str, period: Period, as_of: date) -> dict[str, object]:
    ps, pe, like = period.start.isoformat(), period.end.isoformat(), prefix + "%"
    live_case = "c.deleted = 0 AND c.region_code LIKE ?"
    was_signed = "a.deleted = 0 AND a.signed_on IS NOT NULL AND a.status IN ('已签署', '作废')"
    first_signed = f"(SELECT MIN(a.signed_on) FROM agreements a WHERE a.case_id = c.id AND {was_signed})"
    in_force = (
        f"(SELECT a.amount_fen FROM agreements a WHERE a.case_id = c.id AND {was_signed} AND a.signed_on < ? "
        "ORDER BY a.signed_on DESC, a.version DESC LIMIT 1)"
    )
    out: dict[str, object] = {
        "accepted": _one(
            db,
            f"SELECT COUNT(*) FROM cases c WHERE {live_case} AND accepted_on >= ? AND accepted_on < ?",
            like,
            ps,
            pe,
        ),
        "success": _one(
            db,
            f"SELECT COUNT(*) FROM cases c WHERE {live_case} AND {first_signed} >= ? AND {first_signed} < ?",
            like,
            ps,
            pe,
        ),
        "amount": _one(
            db,
            f"SELECT SUM({in_force}) FROM cases c WHERE {live_case} AND {first_signed} >= ? AND {first_signed} < ?",
            pe,
            like,
            ps,
            pe,
        ),
        "performed": _one(
            db,
            f"SELECT COUNT(*) FROM cases c WHERE {live_case} AND EXISTS (SELECT 1 FROM agreements a WHERE "
            f"a.case_id = c.id AND {was_signed} AND a.performed = '已履行' "
            "AND COALESCE(a.performed_on, a.signed_on) >= ? AND COALESCE(a.performed_on, a.signed_on) < ?)",
            like,
            ps,
            pe,
        ),
        "confirmed": _one(
            db,
            f"SELECT COUNT(*) FROM cases c WHERE {live_case} AND EXISTS (SELECT 1 FROM judicial_confirmations j "
            "JOIN agreements a ON a.id = j.agreement_id WHERE j.case_id = c.id AND j.deleted = 0 "
            f"AND j.status = '已确认' AND j.decided_on >= ? AND j.decided_on < ? AND {was_signed} "
            "AND NOT EXISTS (SELECT 1 FROM agreements b WHERE b.case_id = a.case_id AND b.deleted = 0 "
            "AND b.status IN ('已签署', '作废') AND b.version > a.version AND b.signed_on <= j.decided_on))",
            like,
            ps,
            pe,
        ),
        "consultations": _one(
            db,
            "SELECT COUNT(*) FROM consultations WHERE deleted = 0 AND region_code LIKE ? "
            "AND occurred_at >= ? AND occurred_at < ?",
            like,
            ps,
            pe,
        ),
        "overdue_cases": _one(
            db,
            f"SELECT COUNT(*) FROM cases c WHERE {live_case} AND status IN ('受理', '调解中') AND due_on < ? "
            "AND NOT EXISTS (SELECT 1 FROM agreements a WHERE a.case_id = c.id AND a.deleted = 0 AND a.status = '已签署')",
            like,
            as_of.isoformat(),
        ),
    }
    for category in ("民事", "刑事", "行政", "其他"):
        out[f"category {category}"] = _one(
            db,
            "SELECT COUNT(*) FROM consultations WHERE deleted = 0 AND region_code LIKE ? AND category = ? "
            "AND occurred_at >= ? AND occurred_at < ?",
            like,
            category,
            ps,
            pe,
        )
    grades: dict[str, int] = {}
    late_follow_ups = 0
    for kind, table in (("consultation", "consultations"), ("case", "cases"), ("activity", "activities")):
        for grade, n in db.execute(
            f"SELECT r.grade, COUNT(*) FROM ratings r JOIN {table} t ON t.id = r.target_id WHERE r.target_kind = ? "
            "AND r.deleted = 0 AND t.deleted = 0 AND t.region_code LIKE ? AND r.rated_on >= ? AND r.rated_on < ? "
            "GROUP BY r.grade",
            (kind, like, ps, pe),
        ):
            grades[grade] = grades.get(grade, 0) + n
        late_follow_ups += _one(
            db,
            f"SELECT COUNT(*) FROM ratings r JOIN {table} t ON t.id = r.target_id WHERE r.target_kind = ? "
            "AND r.deleted = 0 AND t.deleted = 0 AND t.region_code LIKE ? AND r.follow_up_due < ? "
            "AND r.followed_up_on IS NULL",
            kind,
            like,
            as_of.isoformat(),
        )
    out["grades"] = {g: n for g, n in grades.items() if n}
    out["late_follow_ups"] = late_follow_ups
    return out


def reported(figs: service.Figures) -> dict[str, object]:
    total = figs.total
    return {
        "accepted": total.accepted,
        "success": total.success,
        "amount": total.amount_fen,
        "performed": total.performed,
        "confirmed": total.confirmed,
        "consultations": figs.consultations.total,
        "overdue_cases": len(figs.overdue.cases),
        **{f"category {k}": n for k, n in figs.consultations.by_category.items()},
        "grades": {g: n for g, n in figs.satisfaction.by_grade.items() if n},
        "late_follow_ups": len(figs.overdue.follow_ups),
    }


def _township(db: sqlite3.Connection) -> str:
    return db.execute(
        "SELECT region_code FROM cases GROUP BY substr(region_code, 1, 9) ORDER BY COUNT(*) DESC"
    ).fetchone()[0][:9]


@pytest.mark.parametrize("seed", SEEDS)
def test_independent_recomputation_agrees_with_the_report(demo_stores, seed):
    store = open_store(demo_stores[seed])
    db = sqlite3.connect(demo_stores[seed] / "advisor.db")
    try:
        township = _township(db)
        checked = 0
        for code, prefix in ((None, ""), (township + "000", township)):
            for text_period in PERIODS:
                period = parse_period(text_period)
                expected = recompute(db, prefix, period, AS_OF)
                assert reported(service.compute(store, code, period, AS_OF)) == expected, (code, text_period)
                checked += expected["accepted"] + expected["success"]
        assert checked > 100  # the demo gives the comparison something to compare
        year = recompute(db, "", parse_period("2026"), AS_OF)
        assert year["performed"] and year["confirmed"] and year["amount"]
    finally:
        db.close()
        store.close()


# --- re-importing an unchanged export --------------------------------------------------------------------


def fingerprint(figs: service.Figures) -> dict[str, object]:
    """Every figure of :func:`service.compute`, in a form that compares by value."""
    return {
        "mediation": {
            dim: {k: dataclasses.astuple(row) for k, row in rows.items()}
            for dim, rows in figs.mediation.items()
        },
        "prevention": dataclasses.asdict(figs.prevention),
        "consultations": dataclasses.asdict(figs.consultations),
        "priority": [dataclasses.astuple(g) for g in figs.priority_groups],
        "grades": figs.satisfaction.by_grade,
        "bad": sorted(dataclasses.astuple(b) for b in figs.satisfaction.bad),
        "villages": [dataclasses.astuple(v) for v in figs.villages],
        "overdue": dataclasses.asdict(figs.overdue),
    }


def everything(store, regions: list[str | None]) -> dict[tuple, object]:
    out: dict[tuple, object] = {}
    for region in regions:
        for text_period in PERIODS:
            period = parse_period(text_period)
            out[("figures", region, text_period)] = fingerprint(service.compute(store, region, period, AS_OF))
            if period.kind == "month":
                out[("monthly", region, text_period)] = [
                    t.rows for t in forms.monthly(store, region, period).tables
                ]
                out[("ledger", region, text_period)] = forms.ledger_rows(store, region, period)
                with store.session() as session:
                    topics = hot_topics.analyse(session, (region or "")[:9], period)
                out[("hot", region, text_period)] = [(t.explanation, sorted(t.ids)) for t in topics]
                board = service.dashboard(store, region, period, AS_OF)
                out[("trend", region, text_period)] = (board.trend, board.trend_cases)
        out[("roster", region)] = forms.roster(store, region).tables[0].rows
    return out


def test_reimporting_an_unchanged_full_export_changes_no_figure(demo_stores, tmp_path):
    folder = tmp_path / "copy"
    shutil.copytree(demo_stores[SEEDS[0]], folder)
    store = open_store(folder)
    try:
        db = sqlite3.connect(folder / "advisor.db")
        township = _township(db) + "000"
        db.close()
        regions = [None, township]
        before = everything(store, regions)
        files = {}
        for kind in transfer.KINDS:
            files[kind] = tmp_path / f"{kind}.xlsx"
            assert transfer.export(store, kind, files[kind], full=True) > 0
        for kind in transfer.KINDS:
            report = transfer.import_file(store, kind, files[kind])
            assert report.errors == [] and report.created == 0, kind
        after = everything(store, regions)
        assert after.keys() == before.keys()
        for key in before:
            assert after[key] == before[key], key
    finally:
        store.close()


def test_blank_service_type_and_mode_take_the_form_default(tmp_path):
    from openpyxl import Workbook

    store = open_store(tmp_path / "s")
    try:
        from advisor_app.services import regions

        regions.load_csv(store)
        path = tmp_path / "c.xlsx"
        wb = Workbook()
        wb.active.append(["咨询时间", "区划代码", "所在村", "服务类型", "服务方式", "咨询类别", "咨询内容"])
        wb.active.append(["2026-11-30T16:30:00+00:00", "610502100201", "桥南村", None, "", None, "工资"])
        wb.save(path)
        report = transfer.import_file(store, "consultations", path)
        assert report.errors == [] and report.created == 1
        with store.session() as session:
            row = session.execute(
                text("SELECT service_type, mode, category, occurred_at FROM consultations")
            ).one()
        assert tuple(row[:3]) == ("法律咨询解答", "实地", "民事")
        assert str(row[3]).startswith("2026-12-01 00:30")  # converted to China time
    finally:
        store.close()


def test_now_is_china_time():
    from advisor_app.domain import clock

    assert abs(clock.china_now() - (datetime.utcnow() + timedelta(hours=8))) < timedelta(seconds=5)
