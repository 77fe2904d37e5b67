"""The 卷宗 checklist, “纸质材料已归卷” ticks, blanks in an agreement and archiving (issue 14 §5)."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from advisor_app.domain import case_flow
from advisor_app.domain.case_flow import FlowError
from advisor_app.domain.clock import china_now, china_today
from advisor_app.domain.models import CaseFileTick, ChangeLog
from advisor_app.domain.validation import ValidationError
from advisor_app.services import attachments, case_file, cases
from sync.protocol import KINDS, PARENTS
from tests.core.test_cases import register

PAPER = list(case_flow.PAPER_ITEMS)


def _missing(store, case_id):
    return case_flow.missing(cases.checklist(store, case_id))


def _agreed_and_closed(store):
    case = register(store)
    cases.give_notice(store, case.id)
    cases.add_session(store, case.id, {"held_at": f"{china_now():%Y-%m-%d %H:%M}"})
    draft = cases.save_agreement(
        store, case.id, {"facts": "f", "terms": ["李建国疏通排水沟"], "performance": "十日内"}
    )
    signed = cases.sign_agreement(store, draft.id)
    cases.record_visit(
        store, case.id, {"visited_on": china_today(), "visitor": "赵调解", "performed": "已履行"}
    )
    cases.close(store, case.id, grade="满意")
    return case, signed


def test_typed_id_numbers_and_app_records_are_not_paper_in_the_file(seeded):
    case, _signed = _agreed_and_closed(seeded)
    assert all(p.id_number for p in cases.get(seeded, case.id).parties)
    assert _missing(seeded, case.id) == PAPER
    with pytest.raises(FlowError, match="当事人身份证明") as refused:
        cases.archive(seeded, case.id)
    assert "人民调解协议书" in str(refused.value) and "纸质材料已归卷" in str(refused.value)
    assert cases.get(seeded, case.id).status == "回访"


def test_scans_and_ticks_fill_the_file_and_the_tick_says_who_and_when(seeded, tmp_path):
    case, signed = _agreed_and_closed(seeded)
    proof = tmp_path / "身份证.jpg"
    proof.write_bytes(b"\xff\xd8\xff id")
    attachments.add_file(seeded, proof, "case", case.id, "身份证明")
    # A scan of the agreement filed under the case is not the signed agreement's scan.
    attachments.add_file(seeded, proof, "case", case.id, "协议书扫描件")
    items = {item.name: item for item in cases.checklist(seeded, case.id)}
    assert items["当事人身份证明"].present and items["当事人身份证明"].how == "扫描件"
    assert not items["人民调解协议书"].present
    attachments.add_file(seeded, proof, "agreement", signed.id, "协议书扫描件")
    assert cases.checklist(seeded, case.id)[7].present

    case_file.set_tick(seeded, case.id, "封底", True, by="赵调解")
    item = next(i for i in cases.checklist(seeded, case.id) if i.name == "封底")
    assert item.present and item.how.startswith("纸质材料已归卷（赵调解，" + china_today().isoformat())
    case_file.set_tick(seeded, case.id, "封底", False)
    assert "封底" in _missing(seeded, case.id)
    with pytest.raises(ValidationError, match="不是需要归卷"):
        case_file.set_tick(seeded, case.id, "回访记录", True)

    for name in _missing(seeded, case.id):
        case_file.set_tick(seeded, case.id, name, True, by="赵调解")
    assert cases.archive(seeded, case.id).status == "归档"
    with pytest.raises(FlowError, match="已归档"):
        case_file.set_tick(seeded, case.id, "封底", False)


def test_a_tick_is_a_synced_record_of_the_case(seeded):
    case = register(seeded)
    tick = case_file.set_tick(seeded, case.id, "当事人身份证明", True, by="赵调解")
    case_file.set_tick(seeded, case.id, "当事人身份证明", False)
    with seeded.session() as session:
        logged = session.scalars(
            select(ChangeLog.rev).where(
                ChangeLog.table_name == "case_file_ticks", ChangeLog.record_id == tick.id
            )
        ).all()
        row = session.get(CaseFileTick, tick.id)
        assert row.deleted and row.ticked_by == "赵调解"
    assert len(logged) == 2  # the tick and its withdrawal both travel
    assert PARENTS["case_file_ticks"] == ("case_id", "cases")
    spec = KINDS["case_file_ticks"]
    assert set(spec.fields) == {"case_id", "item", "ticked_by", "ticked_at"}
    assert spec.check_payload({"case_id": case.id, "item": "封底"}, deleted=False).keys() == {
        "ticked_by",
        "ticked_at",
    }


def test_an_agreement_with_unfilled_blanks_cannot_be_signed(seeded):
    case = register(seeded)
    cases.add_session(seeded, case.id, {"held_at": f"{china_now():%Y-%m-%d %H:%M}"})
    draft = cases.save_agreement(
        seeded,
        case.id,
        {"facts": "f", "terms": ["双方同意", "东西两院以＿＿为界，各自修缮"], "performance": "十日内"},
    )
    with pytest.raises(ValidationError, match="第 2 条有未填写的空白（.*以＿＿为界") as refused:
        cases.sign_agreement(seeded, draft.id)
    assert "terms" in refused.value.errors
    draft = cases.save_agreement(
        seeded,
        case.id,
        {"facts": "f", "terms": ["东西两院以老槐树为界"], "performance": "于____前付清"},
        agreement_id=draft.id,
    )
    with pytest.raises(ValidationError, match="履行方式"):
        cases.sign_agreement(seeded, draft.id)
    assert cases.agreements(seeded, case.id)[0].status == "草稿"
    draft = cases.save_agreement(
        seeded,
        case.id,
        {"facts": "f", "terms": ["东西两院以老槐树为界"], "performance": "十日内"},
        agreement_id=draft.id,
    )
    assert cases.sign_agreement(seeded, draft.id).status == "已签署"


def test_a_closed_case_reads_as_closed_not_as_its_last_step():
    assert case_flow.display_status("回访", china_today()) == "已结案，待归档"
    assert case_flow.display_status("归档", china_today()) == "归档"
    assert case_flow.display_status("回访", None) == "回访"
