"""A small, fully known data set for the township 桥南镇 in October 2026 (expected figures in test_figures)."""

from __future__ import annotations

from datetime import date, datetime
from types import SimpleNamespace

import pytest
from sqlalchemy import update

from advisor_app.domain.models import Agreement, Case, Rating, Region, Screening, ZeroReport
from advisor_app.services import activities, cases, committees, consultations, roster

TOWNSHIP = "610502100000"
V1, V2, V3, V4 = "610502100201", "610502100202", "610502100203", "610502100204"
OTHER = "610528101201"  # a village of 庄里镇, outside 桥南镇
AS_OF = date(2026, 11, 26)


def _parties(tag: str | None = None) -> list[dict]:
    return [
        {"role": "申请人", "name": "甲某", "tags": [tag] if tag else []},
        {"role": "被申请人", "name": "乙某"},
    ]


def _case(
    store, region: str, committee: str, dispute: str, source: str, accepted: date, tag: str | None = None
):
    return cases.register(
        store,
        {
            "committee_id": committee,
            "region_code": region,
            "dispute_type": dispute,
            "source": source,
            "summary": f"{dispute}纠纷",
            "accepted_on": accepted,
            "mediator": "调解员",
            "parties": _parties(tag),
        },
    )


def _agree(store, case_id: str, yuan: str, signed: date, session_day: date | None = None) -> Agreement:
    if session_day:
        cases.add_session(store, case_id, {"held_at": datetime.combine(session_day, datetime.min.time())})
    draft = cases.save_agreement(
        store, case_id, {"facts": "事实", "terms": ["赔偿"], "performance": "当场履行", "amount_yuan": yuan}
    )
    return cases.sign_agreement(store, draft.id, signed)


def _consult(
    store, region: str, at: datetime, category: str, sub: str | None, mode: str, minutes, tags, **kw
):
    return consultations.create(
        store,
        {
            "region_code": region,
            "occurred_at": at,
            "category": category,
            "subcategory": sub,
            "mode": mode,
            "duration_minutes": minutes,
            "tags": tags,
            "question": kw.pop("question", "咨询问题"),
            "adviser": kw.pop("adviser", "李律师"),
            "person_name": "咨询人",
            **kw,
        },
    )


def _rate_on(store, target_id: str, day: date, due: date | None = None) -> None:
    with store.session() as session:
        values = {"rated_on": day}
        if due is not None:
            values["follow_up_due"] = due
        session.execute(update(Rating).where(Rating.target_id == target_id).values(**values))


@pytest.fixture
def dataset(seeded):
    store = seeded
    with store.session() as session:
        session.add(
            Region(code=V3, name="李家村", level="village", parent_code=TOWNSHIP, source="演示数据（虚构）")
        )
        session.add(
            Region(code=V4, name="张家村", level="village", parent_code=TOWNSHIP, source="演示数据（虚构）")
        )
        session.add(
            Region(
                code=OTHER,
                name="庄里村",
                level="village",
                parent_code="610528101000",
                source="演示数据（虚构）",
            )
        )
    township = store.committee_id
    village = committees.create(
        store, {"name": "桥南村人民调解委员会", "short_name": "桥南村", "kind": "村", "region_code": V1}
    ).id
    other = committees.create(
        store,
        {"name": "庄里镇人民调解委员会", "short_name": "庄里", "kind": "乡镇", "region_code": "610528101000"},
    ).id
    ids = SimpleNamespace()

    # C1: 邻里, applied, village committee; signed 5000 元, performed, confirmed, visited, closed 满意.
    c1 = _case(store, V1, village, "邻里", "当事人申请", date(2026, 10, 3), tag="老年人")
    a1 = _agree(store, c1.id, "5000.00", date(2026, 10, 10), date(2026, 10, 9))
    cases.record_performance(store, a1.id, "已履行", date(2026, 10, 18))
    conf = cases.apply_confirmation(store, c1.id, date(2026, 10, 12), "临渭区人民法院")
    cases.decide_confirmation(store, conf.id, "已确认", date(2026, 10, 20))
    cases.record_visit(
        store, c1.id, {"visited_on": date(2026, 10, 25), "visitor": "回访人", "performed": "已履行"}
    )
    cases.close(store, c1.id, grade="满意", closed_on=date(2026, 10, 30))
    _rate_on(store, c1.id, date(2026, 10, 30))

    # C2: 婚姻家庭, 主动; signed 1000 then a new version of 2000 (the first becomes 作废); 防止民转刑 3 人.
    c2 = _case(store, V1, township, "婚姻家庭", "调委会主动调解", date(2026, 10, 5))
    first = _agree(store, c2.id, "1000.00", date(2026, 10, 8), date(2026, 10, 6))
    second = cases.new_version(store, first.id)
    second = cases.save_agreement(
        store,
        c2.id,
        {"facts": "事实", "terms": ["赔偿"], "performance": "分期", "amount_yuan": "2000.00"},
        second.id,
    )
    cases.sign_agreement(store, second.id, date(2026, 10, 15))

    # C3: 邻里, applied, failed; 防止群体性上访 5 人.
    c3 = _case(store, V2, township, "邻里", "当事人申请", date(2026, 10, 20))
    cases.add_session(store, c3.id, {"held_at": datetime(2026, 10, 21, 9)})
    cases.set_status(store, c3.id, "调解不成", result="双方分歧过大")

    # C4: 合同, 委托移送, still 受理 (due 2026-11-24: overdue on AS_OF).
    c4 = _case(store, V2, township, "合同", "接受委托移送", date(2026, 10, 25))

    # C5: tombstoned, with a signed agreement and a prevention count: never counted.
    c5 = _case(store, V1, township, "邻里", "当事人申请", date(2026, 10, 7), tag="老年人")
    _agree(store, c5.id, "9999.00", date(2026, 10, 9), date(2026, 10, 8))

    # C6: another township; C7: last month (still open, overdue since 2026-10-15).
    c6 = _case(store, OTHER, other, "邻里", "当事人申请", date(2026, 10, 2))
    c7 = _case(store, V1, township, "邻里", "当事人申请", date(2026, 9, 15))

    # C8: November, signed 2026-11-20, no confirmation yet: inside the 30-day window on AS_OF.
    c8 = _case(store, V2, township, "损害赔偿", "当事人申请", date(2026, 11, 10))
    _agree(store, c8.id, "300.00", date(2026, 11, 20), date(2026, 11, 12))

    with store.session() as session:
        session.execute(
            update(Case).where(Case.id == c2.id).values(prevention="防止民转刑", prevention_persons=3)
        )
        session.execute(
            update(Case).where(Case.id == c3.id).values(prevention="防止群体性上访", prevention_persons=5)
        )
        session.execute(
            update(Case)
            .where(Case.id == c5.id)
            .values(prevention="防止自杀", prevention_persons=1, deleted=True)
        )

    # Consultations.
    k1 = _consult(
        store,
        V1,
        datetime(2026, 10, 5, 10),
        "民事",
        "劳动报酬",
        "实地",
        60,
        ["农民工"],
        question="老板拖欠工资三个月",
    )
    consultations.close(store, k1.id, grade="不满意", comment="没解决")
    _rate_on(store, k1.id, date(2026, 10, 5), date(2026, 10, 26))
    k2 = _consult(
        store, V1, datetime(2026, 10, 12, 15), "民事", "婚姻家庭", "远程", 15, ["老年人", "低收入群体"]
    )
    consultations.close(store, k2.id, grade="满意")
    _rate_on(store, k2.id, date(2026, 10, 12))
    k3 = _consult(store, V2, datetime(2026, 10, 20, 9), "行政", "社会保障", "实地", 30, [], adviser="王律师")
    consultations.close(store, k3.id, grade="非常满意")
    _rate_on(store, k3.id, date(2026, 10, 20))
    k4 = _consult(store, V2, datetime(2026, 10, 21, 9), "刑事", None, "预约", None, ["未成年人"])
    consultations.delete(store, k4.id)
    k5 = _consult(store, OTHER, datetime(2026, 10, 3, 9), "民事", "合同", "实地", 45, [])
    k6 = _consult(store, V1, datetime(2026, 9, 30, 23, 30), "民事", "合同", "实地", 45, [])

    # Activities: V1 lecture (120 min) and publicity (90 min) in October; V2 lecture in August (Q3).
    a_lecture = activities.create(
        store,
        {
            "region_code": V1,
            "held_on": date(2026, 10, 10),
            "kind": "法治讲座",
            "place": "村委会",
            "topic": "民法典讲座",
            "audience_count": 40,
            "speaker": "李律师",
            "duration_minutes": 120,
        },
    )
    a_publicity = activities.create(
        store,
        {
            "region_code": V1,
            "held_on": date(2026, 10, 18),
            "kind": "集中宣传",
            "place": "广场",
            "topic": "反诈宣传",
            "audience_count": 100,
            "speaker": "李律师",
            "duration_minutes": 90,
        },
    )
    activities.create(
        store,
        {
            "region_code": V2,
            "held_on": date(2026, 8, 10),
            "kind": "法治讲座",
            "place": "村委会",
            "topic": "土地承包",
            "audience_count": 30,
            "speaker": "王律师",
            "duration_minutes": 60,
        },
    )

    # Roster: V1 three appointed, one removed (2 在册); the other villages none.
    members = [roster.add(store, {"region_code": V1, "name": f"明白人{n}", "gender": "男"}) for n in range(3)]
    roster.remove(store, members[0].id, "不履职", date(2026, 10, 1))

    # Screenings and zero reports (no service yet: direct inserts).
    with store.session() as session:
        session.add(
            Screening(
                id="s1", region_code=V1, held_on=date(2026, 10, 8), disputes_found=2, disputes_prevented=1
            )
        )
        session.add(
            Screening(
                id="s2", region_code=V2, held_on=date(2026, 10, 15), disputes_found=0, disputes_prevented=0
            )
        )
        session.add(
            Screening(
                id="s3",
                region_code=V1,
                held_on=date(2026, 10, 9),
                disputes_found=7,
                disputes_prevented=7,
                deleted=True,
            )
        )
        session.add(
            Screening(
                id="s4", region_code=V1, held_on=date(2026, 11, 2), disputes_found=1, disputes_prevented=1
            )
        )
        session.add(ZeroReport(region_code=V3, month="2026-10", note="本月无纠纷"))

    ids.__dict__.update(
        c1=c1.id,
        c2=c2.id,
        c3=c3.id,
        c4=c4.id,
        c5=c5.id,
        c6=c6.id,
        c7=c7.id,
        c8=c8.id,
        k1=k1.id,
        k2=k2.id,
        k3=k3.id,
        k4=k4.id,
        k5=k5.id,
        k6=k6.id,
        lecture=a_lecture.id,
        publicity=a_publicity.id,
        members=[m.id for m in members],
    )
    store.ids = ids
    return store


@pytest.fixture
def october():
    from advisor_app.reports.scope import parse_period

    return parse_period("2026-10")
