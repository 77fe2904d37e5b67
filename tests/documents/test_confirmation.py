"""司法确认申请书 (issue 13 §6, §8): only for a signed agreement, signing-time particulars, a line per applicant."""

from __future__ import annotations

from datetime import date

import pytest

from advisor_app.cli.main import main
from advisor_app.documents.confirmation import UNSIGNED
from advisor_app.domain.case_flow import FlowError
from advisor_app.services import cases, printing

from .builders import PARTIES, make_case
from .pdfcheck import assert_in_order, text

COMPANY = {
    "role": "被申请人",
    "name": "渭南市某建材有限公司",
    "is_organisation": True,
    "representative": "周明远",
    "occupation": "总经理",
    "phone": "0913-2345678",
    "address": "陕西省渭南市临渭区桥南镇工业园 8 号",
}


def test_refused_for_an_unsigned_agreement(seeded, tmp_path, capsys):
    case, _ = make_case(seeded)
    with pytest.raises(FlowError, match="协议尚未签署"):
        printing.print_document(seeded, "confirmation", case.id)
    out = tmp_path / "c.pdf"
    code = main(["--data-dir", str(seeded.data_dir), "print", "confirmation", case.case_no, "-o", str(out)])
    assert code == 2 and f"错误：{UNSIGNED}" in capsys.readouterr().err
    assert not out.exists()


def test_one_signature_line_per_applicant_and_no_internal_hints(mediated):
    body = text(printing.print_document(mediated, "confirmation", mediated.case_id).pdf)
    assert body.count("（签名或按指印）") == len(PARTIES)
    assert_in_order(
        body,
        [
            "此致",
            "渭南市临渭区人民法院",
            f"申请人（1）（签名或按指印）：＿＿＿＿＿＿＿＿（{PARTIES[0]['name']}）",
            f"申请人（2）（签名或按指印）：＿＿＿＿＿＿＿＿（{PARTIES[1]['name']}）",
            "2025年3月15日",
        ],
    )
    # What the software knows about deadlines is for the mediator, not for the court's copy.
    for hint in ("三十日内", "应于", "提出。）"):
        assert hint not in body


def test_an_organisation_signs_through_its_representative_with_its_seal(seeded):
    case, agreement = make_case(seeded, parties=[PARTIES[0], COMPANY])
    printing.sign_and_print(seeded, agreement.id, date(2025, 3, 10))
    cases.apply_confirmation(seeded, case.id, date(2025, 3, 15), "渭南市临渭区人民法院")
    body = text(printing.print_document(seeded, "confirmation", case.id).pdf)
    assert_in_order(
        body,
        [
            f"申请人（1）（签名或按指印）：＿＿＿＿＿＿＿＿（{PARTIES[0]['name']}）",
            f"申请人（2）（盖章）：{COMPANY['name']}",
            f"法定代表人或负责人（签名）：＿＿＿＿＿＿＿＿（{COMPANY['representative']}）",
        ],
    )
    assert body.count("（签名或按指印）") == 1
    assert "0913-2345678" in body


def test_particulars_are_those_frozen_at_signing(mediated):
    moved = [dict(p) for p in PARTIES]
    moved[0]["address"] = "陕西省西安市雁塔区某小区 1 号楼"
    moved[0]["name"] = "张建民"
    cases.update(mediated, mediated.case_id, {"parties": moved})
    printed = printing.print_document(mediated, "confirmation", mediated.case_id)
    body = text(printed.pdf)
    assert PARTIES[0]["name"] in body and "张建民" not in body
    assert "雁塔区" not in body
    assert any("第 1 位当事人的姓名、单位或住址在协议签署后有变动" in w for w in printed.warnings), (
        printed.warnings
    )
