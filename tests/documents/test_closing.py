"""人民调解结案报告表 (issue 13 §8): `advisor print closing`, read back with pdftotext."""

from __future__ import annotations

import re
import subprocess
from datetime import date

from advisor_app.cli.main import main
from advisor_app.services import cases

from .builders import PARTIES, make_case
from .pdfcheck import assert_in_order


def _pdftotext(path) -> str:  # noqa: ANN001
    out = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    )
    return re.sub(r"\s+", "", out.stdout.decode("utf-8"))


def test_closing_report_has_every_field_of_domain_md(mediated, tmp_path, capsys):
    cases.close(mediated, mediated.case_id, grade="满意", closed_on=date(2025, 4, 5))
    number = cases.get(mediated, mediated.case_id).case_no
    out = tmp_path / "结案报告表.pdf"
    assert main(["--data-dir", str(mediated.data_dir), "print", "closing", number, "-o", str(out)]) == 0
    assert "已生成" in capsys.readouterr().out
    body = _pdftotext(out)
    for value in (
        number,
        "桥南镇人民调解委员会",
        "王调解",
        "2025年3月1日",
        "2025年4月5日",
        *(p[k] for p in PARTIES for k in ("name", "phone", "address")),
        "■当事人申请",
        "双方系前后院邻居",
        "调解成功，于2025年3月10日达成书面调解协议",
        "人民币壹万贰仟元整",
        "（人民调解委员会印）",
    ):
        assert value.replace(" ", "") in body, value
    # Captions in the order of domain.md (a caption beside a long value sits at its middle line).
    assert_in_order(
        body,
        [
            "人民调解结案报告表",
            "卷号",
            "承办单位",
            "承办人",
            "受案时间",
            "纠纷类型",
            "结案时间",
            "当事人（1）",
            "联系电话",
            "住址",
            "当事人（2）",
            "案件来源",
            "纠纷简要事实",
            "调解结果",
            "承办人签名",
            "调委会意见",
            "第1页共1页",
        ],
    )


def test_closing_report_of_an_open_case_is_refused(seeded, tmp_path, capsys):
    case, _ = make_case(seeded)
    out = tmp_path / "x.pdf"
    assert main(["--data-dir", str(seeded.data_dir), "print", "closing", case.case_no, "-o", str(out)]) == 2
    assert "案件尚未结案" in capsys.readouterr().err
    assert not out.exists()


def test_closing_report_of_a_failed_mediation_says_why(seeded, tmp_path):
    case, _ = make_case(seeded)
    cases.set_status(seeded, case.id, "调解不成", result="双方分歧较大，已告知可以向人民法院起诉。")
    cases.close(seeded, case.id, no_rating_reason="当事人拒绝评价", closed_on=date(2025, 3, 20))
    out = tmp_path / "closing.pdf"
    assert main(["--data-dir", str(seeded.data_dir), "print", "closing", case.case_no, "-o", str(out)]) == 0
    body = _pdftotext(out)
    assert "调解结果" in body and "调解成功" not in body
    assert_in_order(body, ["调解不成。", "双方分歧较大", "未评价原因：当事人拒绝评价"])
