"""Every figure against a hand-computed expectation on the data set of conftest.py."""

from __future__ import annotations

from datetime import date

from reports_dataset import AS_OF, OTHER, TOWNSHIP, V1, V2, V3, V4
from sqlalchemy.orm import Session

from advisor_app.domain.models import Case
from advisor_app.reports import service
from advisor_app.reports.scope import parse_period, region_prefix


def _figs(store, period, region=TOWNSHIP):
    return service.compute(store, region, period, as_of=AS_OF)


def test_scope_prefixes():
    assert region_prefix(TOWNSHIP) == "610502100"
    assert region_prefix("610502000000") == "610502"
    assert region_prefix(V1) == V1
    assert region_prefix(None) == ""
    assert parse_period("2026-Q4").months == 3
    assert parse_period("2026").month_keys()[-1] == "2026-12"


def test_mediation_totals(dataset, october):
    total = _figs(dataset, october).total
    # C1, C2, C3, C4 (C5 tombstoned, C6 other township, C7 September, C8 November)
    assert (total.accepted, total.success, total.performed, total.confirmed) == (4, 2, 1, 1)
    assert total.amount_fen == 700_000  # 5000 + 2000 元 (the 作废 1000 and the tombstoned 9999 never count)
    assert total.amount_wan == 0.7
    assert total.rate == 50.0


def test_mediation_by_type_source_committee(dataset, october):
    m = _figs(dataset, october).mediation
    by_type = {k: (r.accepted, r.success, r.amount_fen) for k, r in m["dispute_type"].items()}
    assert by_type == {"邻里": (2, 1, 500_000), "婚姻家庭": (1, 1, 200_000), "合同": (1, 0, 0)}
    assert {k: r.accepted for k, r in m["source"].items()} == {
        "当事人申请": 2,
        "调委会主动调解": 1,
        "接受委托移送": 1,
    }
    assert {k: r.accepted for k, r in m["committee_kind"].items()} == {"村": 1, "乡镇": 3}
    assert m["committee_kind"]["村"].confirmed == 1


def test_whole_store_and_village_scope(dataset, october):
    assert service.compute(dataset, None, october, AS_OF).total.accepted == 5  # + C6
    assert service.compute(dataset, "610528101000", october, AS_OF).total.accepted == 1
    assert service.compute(dataset, V1, october, AS_OF).total.accepted == 2


def test_prevention_and_screening(dataset, october):
    p = _figs(dataset, october).prevention
    assert (p.screenings, p.found, p.prevented) == (2, 2, 1)
    assert p.kinds["防止民转刑"] == (1, 3)
    assert p.kinds["防止群体性上访"] == (1, 5)
    assert p.kinds["防止自杀"] == (0, 0)  # only on the tombstoned case
    assert p.kinds["制止群体斗殴"] == (0, 0)


def test_consultations(dataset, october):
    c = _figs(dataset, october).consultations
    assert c.total == 3
    assert c.by_category == {"民事": 2, "刑事": 0, "行政": 1, "其他": 0}
    assert c.by_mode == {"实地": 2, "远程": 1, "预约": 0}
    assert c.by_month == {"2026-10": 3}
    assert c.by_subcategory == {"劳动报酬": 1, "婚姻家庭": 1, "社会保障": 1}
    q4 = service.compute(dataset, TOWNSHIP, parse_period("2026-Q3"), AS_OF).consultations
    assert q4.by_month == {"2026-07": 0, "2026-08": 0, "2026-09": 1}


def test_priority_groups(dataset, october):
    groups = {g.group: (g.consultations, g.parties) for g in _figs(dataset, october).priority_groups}
    assert groups["农民工"] == (1, 0)
    assert groups["老年人"] == (1, 1)  # K2, and C1's applicant (C5's is tombstoned)
    assert groups["低收入群体"] == (1, 0)
    assert groups["未成年人"] == (0, 0)  # K4 deleted


def test_satisfaction_and_bad_ratings(dataset, october):
    s = _figs(dataset, october).satisfaction
    assert s.by_grade == {"非常满意": 1, "满意": 2, "基本满意": 0, "不满意": 1, "非常不满意": 0}
    assert s.satisfied_rate == 75.0
    assert [(b.target_id, b.grade, b.follow_up_due) for b in s.bad] == [
        (dataset.ids.k1, "不满意", date(2026, 10, 26))
    ]
    assert s.bad[0].overdue(AS_OF)


def test_villages_roster_duty_reporting(dataset, october):
    rows = {v.code: v for v in _figs(dataset, october).villages}
    assert list(rows) == [V1, V2, V3, V4]
    assert {c: v.roster for c, v in rows.items()} == {V1: 2, V2: 0, V3: 0, V4: 0}
    assert rows[V1].roster_short == 1
    assert rows[V1].onsite_minutes == 60 + 120 + 90
    assert rows[V1].onsite_hours == 4.5 and rows[V1].lectures == 1 and rows[V1].duty_met
    assert rows[V2].onsite_minutes == 30 and rows[V2].lectures == 0 and not rows[V2].duty_met
    assert {c: v.report_status for c, v in rows.items()} == {
        V1: "有上报",
        V2: "有上报",
        V3: "零上报",
        V4: "未上报",
    }
    q3 = {v.code: v for v in service.compute(dataset, TOWNSHIP, parse_period("2026-08"), AS_OF).villages}
    assert q3[V2].lectures == 1  # the August lecture counts in Q3


def test_overdue_lists(dataset, october):
    o = _figs(dataset, october).overdue
    ids = dataset.ids
    assert [(r["id"], r["days_over"]) for r in o.cases] == [(ids.c7, 42), (ids.c4, 2)]
    assert [(r["id"], r["days_left"]) for r in o.confirmation_window] == [(ids.c8, 24)]
    assert [r["id"] for r in o.visits] == [ids.c2]  # the 作废 version's visit is not listed
    assert [r["target_id"] for r in o.follow_ups] == [ids.k1]


def test_drill_down(dataset, october):
    ids = dataset.ids
    kind, found = service.records(dataset, TOWNSHIP, october, "mediation", "success|dispute_type=邻里", AS_OF)
    assert (kind, found) == ("cases", [ids.c1])
    assert set(service.records(dataset, TOWNSHIP, october, "mediation", "accepted|total=合计")[1]) == {
        ids.c1,
        ids.c2,
        ids.c3,
        ids.c4,
    }
    assert service.records(dataset, TOWNSHIP, october, "consultations", "mode=实地")[1] == [ids.k1, ids.k3]
    assert service.records(dataset, TOWNSHIP, october, "priority_cases", "老年人")[1] == [ids.c1]
    assert service.records(dataset, TOWNSHIP, october, "prevention", "防止民转刑")[1] == [ids.c2]
    assert set(service.records(dataset, TOWNSHIP, october, "roster", V1)[1]) == set(ids.members[1:])
    assert service.records(dataset, TOWNSHIP, october, "lectures", V1)[1] == [ids.lecture]
    assert service.records(dataset, TOWNSHIP, october, "overdue_cases", None, AS_OF)[1] == [ids.c7, ids.c4]
    assert service.records(dataset, TOWNSHIP, october, "screenings", "found")[1] == ["s1"]


def test_a_record_merged_again_counts_once(dataset, october):
    """A pull that applies the same case again (same id) leaves the figures unchanged."""
    with dataset.session(remote=True) as session:
        assert isinstance(session, Session)
        case = session.get(Case, dataset.ids.c1)
        session.expunge(case)
        session.merge(case)
    assert _figs(dataset, october).total.accepted == 4


def test_other_township_not_leaking(dataset, october):
    figs = service.compute(dataset, "610528101000", october, AS_OF)
    assert figs.consultations.total == 1
    assert [v.code for v in figs.villages] == [OTHER]
