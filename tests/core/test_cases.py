"""A case from registration to archive through the services, and the rules on the way."""

from datetime import date, timedelta

import pytest

from advisor_app.domain.case_flow import FlowError
from advisor_app.domain.clock import china_now, china_today
from advisor_app.domain.validation import ValidationError
from advisor_app.services import case_file, cases, consultations
from tests.conftest import VILLAGE

PARTIES = [
    {"name": "张桂兰", "id_number": "11010519491231002X", "role": "申请人", "phone": "13912345678"},
    {"name": "李建国", "id_number": "610502198003150031", "role": "被申请人"},
]


def fix_check(number17: str) -> str:
    from advisor_app.domain.idcard import check_char

    return number17 + check_char(number17)


def register(store, **extra):
    parties = [dict(PARTIES[0]), {**PARTIES[1], "id_number": fix_check("61050219800315003")}]
    data = {
        "committee_id": store.committee_id,
        "region_code": VILLAGE,
        "dispute_type": "邻里",
        "source": "当事人申请",
        "summary": "因排水沟堵塞引发纠纷",
        "mediator": "王调解",
        "recorder": "刘记录",
        "parties": parties,
        **extra,
    }
    return cases.register(store, data)


def test_numbers_are_sequential_per_committee_and_year(seeded):
    a, b = register(seeded), register(seeded)
    assert a.case_no == f"（{china_today().year}）临桥调字第 1 号"
    assert b.case_no == f"（{china_today().year}）临桥调字第 2 号"
    last_year = register(seeded, accepted_on=date(china_today().year - 1, 6, 1))
    assert last_year.case_no.endswith("调字第 1 号") and str(china_today().year - 1) in last_year.case_no


def test_deleted_case_number_is_never_reused(seeded):
    first = register(seeded)
    with seeded.session() as session:
        from advisor_app.domain.models import Case

        session.get(Case, first.id).deleted = True
    assert register(seeded).case_no.endswith("第 2 号")


def test_party_id_number_fills_gender_and_birth_date(seeded):
    case = cases.get(seeded, register(seeded).id)
    first = case.parties[0]
    assert (first.gender, first.birth_date) == ("女", date(1949, 12, 31))
    assert case.due_on == case.accepted_on + timedelta(days=30)


def test_registration_errors_name_party_and_field(seeded):
    with pytest.raises(ValidationError) as info:
        register(seeded, dispute_type="吵架", parties=[{"name": "张三", "id_number": "110105194912310021"}])
    errors = info.value.errors
    assert "纠纷类型" in errors["dispute_type"]
    assert errors["parties"] == "当事人：至少需要两方当事人"
    assert errors["parties[0].id_number"].startswith("第 1 位当事人 身份证号：校验码")


def test_full_case_from_registration_to_archive(seeded):
    case = register(seeded)
    with pytest.raises(FlowError):
        cases.record_visit(seeded, case.id, {"visited_on": china_today(), "visitor": "王调解"})
    cases.give_notice(seeded, case.id)
    cases.add_session(
        seeded, case.id, {"held_at": f"{china_now():%Y-%m-%d %H:%M}", "place": "村委会", "result": "同意"}
    )
    assert cases.get(seeded, case.id).status == "调解中"
    draft = cases.save_agreement(
        seeded,
        case.id,
        {
            "facts": "排水沟堵塞",
            "terms": ["李建国于月底前疏通排水沟", "  ", "双方和睦相处"],
            "performance": "当面履行",
            "amount_yuan": "1200.50",
        },
    )
    assert (
        draft.copies == 3
        and draft.terms == ["李建国于月底前疏通排水沟", "双方和睦相处"]
        and draft.amount_fen == 120050
    )
    signed = cases.sign_agreement(seeded, draft.id)
    assert signed.status == "已签署" and signed.frozen_data["parties"][0]["name"] == "张桂兰"
    with pytest.raises(FlowError, match="已签署"):
        cases.save_agreement(
            seeded, case.id, {"facts": "x", "terms": ["y"], "performance": "z"}, agreement_id=draft.id
        )
    cases.record_performance(seeded, signed.id, "已履行")
    confirmation = cases.apply_confirmation(seeded, case.id, court="临渭区人民法院")
    cases.decide_confirmation(seeded, confirmation.id, "已确认")
    cases.record_visit(
        seeded, case.id, {"visited_on": china_today(), "visitor": "王调解", "performed": "已履行"}
    )
    with pytest.raises(FlowError, match="尚未结案"):
        cases.archive(seeded, case.id)
    with pytest.raises(ValidationError, match="满意度"):
        cases.close(seeded, case.id)
    cases.close(seeded, case.id, grade="满意")
    missing = [item.name for item in cases.checklist(seeded, case.id) if item.required and not item.present]
    # Typed ID numbers and a signed agreement in the app are not paper in the 卷宗 (case_file).
    assert missing == [
        "人民调解申请书/受理登记表",
        "当事人权利义务告知书",
        "当事人身份证明",
        "调解记录",
        "人民调解协议书",
        "封底",
    ]
    for item in missing:
        case_file.set_tick(seeded, case.id, item, True)
    archived = cases.archive(seeded, case.id)
    assert archived.status == "归档" and archived.archived_on == china_today()
    with pytest.raises(FlowError, match="已归档"):
        cases.update(seeded, case.id, {"summary": "改"})


def test_archive_lists_missing_file_documents(seeded):
    case = register(seeded)
    cases.add_session(seeded, case.id, {"held_at": f"{china_now():%Y-%m-%d %H:%M}"})
    cases.set_status(seeded, case.id, "调解不成", result="双方分歧大，告知诉讼途径")
    cases.close(seeded, case.id, no_rating_reason="当事人拒绝评价")
    with pytest.raises(FlowError, match="当事人权利义务告知书"):
        cases.archive(seeded, case.id)
    cases.give_notice(seeded, case.id)
    for item in ("人民调解申请书/受理登记表", "当事人权利义务告知书", "当事人身份证明", "调解记录", "封底"):
        case_file.set_tick(seeded, case.id, item, True)
    assert cases.archive(seeded, case.id).status == "归档"


def test_confirmation_window_is_thirty_days(seeded):
    case = register(seeded, accepted_on=china_today() - timedelta(days=60))
    cases.add_session(seeded, case.id, {"held_at": f"{china_today() - timedelta(days=59)} 09:00"})
    draft = cases.save_agreement(seeded, case.id, {"facts": "f", "terms": ["t"], "performance": "p"})
    cases.sign_agreement(seeded, draft.id, signed_on=china_today() - timedelta(days=40))
    with pytest.raises(ValidationError, match="已超过司法确认申请期限"):
        cases.apply_confirmation(seeded, case.id)


def test_signed_agreement_changes_only_as_a_new_version(seeded):
    case = register(seeded)
    cases.add_session(seeded, case.id, {"held_at": f"{china_now():%Y-%m-%d %H:%M}"})
    v1 = cases.sign_agreement(
        seeded, cases.save_agreement(seeded, case.id, {"facts": "f", "terms": ["t1"], "performance": "p"}).id
    )
    v2 = cases.new_version(seeded, v1.id)
    assert (v2.version, v2.supersedes_id, v2.status, v2.terms) == (2, v1.id, "草稿", ["t1"])
    cases.save_agreement(
        seeded, case.id, {"facts": "f", "terms": ["t1", "t2"], "performance": "p"}, agreement_id=v2.id
    )
    cases.sign_agreement(seeded, v2.id)
    versions = {a.version: a for a in cases.agreements(seeded, case.id)}
    assert (
        versions[1].status == "作废"
        and versions[1].terms == ["t1"]
        and versions[1].frozen_data["terms"] == ["t1"]
    )
    assert versions[2].status == "已签署" and versions[2].terms == ["t1", "t2"]


def test_consultation_close_needs_rating_or_reason(seeded):
    record = consultations.create(
        seeded, {"region_code": VILLAGE, "question": "工伤怎么认定", "referral": "法律援助"}
    )
    with pytest.raises(ValidationError) as info:
        consultations.close(seeded, record.id)
    assert "未评价原因" in info.value.errors["grade"]
    closed = consultations.close(seeded, record.id, grade="不满意", comment="等太久")
    assert closed.status == "已办结"
    from advisor_app.services.ratings import rating_of

    with seeded.session() as session:
        rating = rating_of(session, "consultation", record.id)
        assert (
            rating.grade == "不满意"
            and rating.follow_up_due is not None
            and rating.follow_up_due > china_today()
        )


def test_unknown_village_is_refused(seeded):
    with pytest.raises(ValidationError, match="不存在"):
        consultations.create(seeded, {"region_code": "610502100999", "question": "x"})


def test_a_visit_finding_the_agreement_performed_records_its_performance(seeded):
    from advisor_app.domain.models import Agreement

    """回访 已履行 is the agreement's 履行情况 too (issue 15 §7); a later, weaker visit does not undo it."""
    case = register(seeded)
    cases.give_notice(seeded, case.id)
    cases.add_session(
        seeded, case.id, {"held_at": f"{china_now():%Y-%m-%d %H:%M}", "place": "村委会", "result": "同意"}
    )
    draft = cases.save_agreement(
        seeded, case.id, {"facts": "排水沟", "terms": ["疏通排水沟"], "performance": "当面履行"}
    )
    signed = cases.sign_agreement(seeded, draft.id)
    cases.record_visit(
        seeded, case.id, {"visited_on": china_today(), "visitor": "王调解", "performed": "已履行"}
    )
    with seeded.session() as session:
        agreement = session.get(Agreement, signed.id)
        assert (agreement.performed, agreement.performed_on) == ("已履行", china_today())
    cases.record_visit(
        seeded, case.id, {"visited_on": china_today(), "visitor": "王调解", "performed": "部分履行"}
    )
    with seeded.session() as session:
        assert session.get(Agreement, signed.id).performed == "已履行"
