"""Exported files reopened and checked cell by cell (openpyxl), PDFs by text extraction and rendering."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from reports_dataset import TOWNSHIP, V1

from advisor_app.cli.main import main
from advisor_app.domain.vocab import terms
from advisor_app.reports import forms
from advisor_app.reports.forms import Signature


def _rows(path):
    ws = load_workbook(path).active
    return [[c.value for c in row] for row in ws.iter_rows()]


def _row(rows, label):
    matches = [r for r in rows if r and r[0] == label]
    assert len(matches) == 1, f"{label}: {len(matches)} rows"
    return matches[0]


def test_monthly_xlsx_cell_by_cell(dataset, october, tmp_path):
    sig = Signature(unit="桥南镇司法所", filler="张三", on=date(2026, 11, 3))
    path = forms.export([forms.monthly(dataset, TOWNSHIP, october, sig)], tmp_path / "m.xlsx")
    rows = _rows(path)
    assert rows[0][0] == "人民调解工作统计月报表"
    assert "桥南镇" in rows[1][0] and "2026年10月" in rows[1][0] and "2026-10-31" in rows[1][0]
    header = _row(rows, "项目")
    types = terms("dispute_types")
    assert header[: 2 + len(types)] == ["项目", "合计", *types]
    col = {name: i for i, name in enumerate(header)}
    accepted = _row(rows, "受理数（件）")
    assert (
        accepted[col["合计"]],
        accepted[col["邻里"]],
        accepted[col["婚姻家庭"]],
        accepted[col["合同"]],
    ) == (4, 2, 1, 1)
    assert accepted[col["医疗"]] == 0
    assert _row(rows, "调解成功数（件）")[col["合计"]] == 2
    assert _row(rows, "调解成功率（%）")[col["合计"]] == 50.0
    assert _row(rows, "调解成功率（%）")[col["医疗"]] in ("", None)
    assert _row(rows, "履行数（件）")[col["邻里"]] == 1
    assert _row(rows, "司法确认数（件）")[col["合计"]] == 1
    amount = _row(rows, "协议涉及金额（万元）")
    assert (amount[col["合计"]], amount[col["邻里"]], amount[col["婚姻家庭"]]) == (0.7, 0.5, 0.2)
    assert _row(rows, "案件来源：当事人申请")[1:3] == [2, 1]
    assert _row(rows, "调委会类型：乡镇")[1] == 3
    assert _row(rows, "排查次数（次）")[1] == 2
    assert _row(rows, "防止民转刑")[1:3] == [1, 3]
    assert rows[-1][0] == "填报单位：桥南镇司法所　　　　填报人：张三　　　　填报日期：2026年11月3日"


def test_monthly_pdf_text_and_render(dataset, october, tmp_path):
    path = forms.export(
        [forms.monthly(dataset, TOWNSHIP, october, Signature("桥南镇司法所", "张三"))], tmp_path / "m.pdf"
    )
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    assert "婚姻家庭" in text  # a four-character column title stays on one line
    text = "".join(text.split())  # longer titles wrap inside their cell
    for expected in (
        "人民调解工作统计月报表",
        "2026年10月",
        "受理数",
        "协议涉及金额",
        "道路交通事故",
        "填报单位：桥南镇司法所",
        "填报人：张三",
        "防止民转刑",
    ):
        assert expected in text, expected
    assert shutil.which("pdftoppm"), "pdftoppm (poppler-utils) is needed to render PDFs"
    subprocess.run(
        ["pdftoppm", "-r", "40", "-png", "-f", "1", "-l", "1", str(path), str(tmp_path / "page")], check=True
    )
    assert (tmp_path / "page-1.png").stat().st_size > 2000


def test_ledger_xlsx_and_adviser_filter(dataset, october, tmp_path):
    path = forms.export([forms.ledger(dataset, TOWNSHIP, october)], tmp_path / "l.xlsx")
    rows = _rows(path)
    header = _row(rows, "序号")
    assert header[:6] == ["序号", "时间", "对象", "内容", "方式", "结果"]
    body = rows[rows.index(header) + 1 :][:5]
    # K1 10-05, lecture 10-10, K2 10-12, publicity 10-18, K3 10-20 (K4 deleted, K5 elsewhere, K6 September)
    assert [r[1] for r in body] == [
        "2026-10-05 10:00",
        "2026-10-10",
        "2026-10-12 15:00",
        "2026-10-18",
        "2026-10-20 09:00",
    ]
    assert body[0][2:6] == ["咨询人", "法律咨询解答：老板拖欠工资三个月", "实地", "已办结"]
    assert body[1][2:6] == ["群众 40 人", "法治讲座：民法典讲座", "实地", "村委会，120 分钟"]
    wang = forms.ledger_rows(dataset, TOWNSHIP, october, adviser="王律师")
    assert [r[3] for r in wang] == ["法律咨询解答：咨询问题"]
    pdf_path = forms.export([forms.ledger(dataset, V1, october, "李律师")], tmp_path / "l.pdf")
    text = "".join(page.extract_text() for page in PdfReader(pdf_path).pages)
    assert "工作台账" in text and "民法典讲座" in text and "王律师" not in text


def test_roster_xlsx(dataset, tmp_path):
    path = forms.export([forms.roster(dataset, TOWNSHIP)], tmp_path / "r.xlsx")
    rows = _rows(path)
    header = _row(rows, "序号")
    assert header[:3] == ["序号", "姓名", "性别"]
    members = rows[rows.index(header) + 1 : rows.index(header) + 4]
    assert [(r[1], r[12]) for r in members] == [("明白人1", "在册"), ("明白人2", "在册"), ("明白人0", "清退")]
    assert _row(rows, "桥南村")[1:4] == [2, 3, 1]
    assert _row(rows, "张家村")[1:4] == [0, 3, 3]


def test_cli_monthly_ledger_roster(dataset, tmp_path, capsys):
    data = str(dataset.data_dir)
    out = tmp_path / "cli.xlsx"
    assert (
        main(
            [
                "--data-dir",
                data,
                "report",
                "monthly",
                "--month",
                "2026-10",
                "--region",
                TOWNSHIP,
                "--unit",
                "桥南镇司法所",
                "--filler",
                "张三",
                "--date",
                "2026-11-03",
                "-o",
                str(out),
            ]
        )
        == 0
    )
    assert _row(_rows(out), "受理数（件）")[1] == 4
    assert (
        main(
            [
                "--data-dir",
                data,
                "report",
                "ledger",
                "--month",
                "2026-10",
                "--adviser",
                "李律师",
                "-o",
                str(tmp_path / "l.pdf"),
            ]
        )
        == 0
    )
    assert main(["--data-dir", data, "report", "roster", "-o", str(tmp_path / "r.xlsx")]) == 0
    assert main(["--data-dir", data, "report", "monthly", "--month", "2026-13", "-o", str(out)]) == 2
    assert (
        main(["--data-dir", data, "report", "monthly", "--month", "2026-10", "-o", str(tmp_path / "x.doc")])
        == 2
    )
    err = capsys.readouterr().err
    assert "统计期间" in err and "只支持 .xlsx 或 .pdf" in err


@pytest.mark.parametrize("bad", ["61050210", "abc"])
def test_bad_region_is_named(dataset, october, bad):
    from advisor_app.domain.validation import ValidationError

    with pytest.raises(ValidationError) as info:
        forms.monthly(dataset, bad, october)
    assert "区划代码" in info.value.errors["region"]


def test_xlsx_keeps_text_as_text_and_dates_as_dates(tmp_path) -> None:
    """A party's words that look like a formula stay words; dates stay dates; the file appears
    only whole (written beside, then renamed)."""
    from advisor_app.reports import xlsx
    from advisor_app.reports.sheet import Sheet, Table

    words = '=HYPERLINK("http://example.invalid","点这里")'
    sheet = Sheet(
        "工作台账",
        "统计单位：测试",
        [Table("一、台账", ["事项", "日期", "数"], [[words, date(2026, 11, 30), 3], ["𠀋𪚥", None, 0.5]])],
        footer="填报人：测试",
    )
    out = xlsx.write([sheet], tmp_path / "台账.xlsx")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["台账.xlsx"]
    cells = load_workbook(out).active
    found = {c.coordinate: c for row in cells.iter_rows() for c in row if c.value is not None}
    assert found["A6"].value == words and found["A6"].data_type == "s"
    assert found["B6"].value.date() == date(2026, 11, 30) and found["C6"].value == 3
    assert found["A7"].value == "𠀋𪚥" and found["C7"].value == 0.5
    assert found["A9"].value == "填报人：测试"
