"""人民调解受理登记表: the committee's record of accepting a dispute."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from advisor_app.documents.layout import Kit, Value, age_on, cn_date

SOURCES = ("当事人申请", "调委会主动调解", "接受委托移送")


def _source_line(source: str | None) -> str:
    return "　".join(("■" if s == source else "□") + s for s in SOURCES)


def story(kit: Kit, case: dict[str, Any]) -> list[Flowable]:
    on = case.get("accepted_on")
    rows: list[list[object]] = [
        ["受理日期", Value("受理日期", cn_date(on)), "纠纷类型", Value("纠纷类型", case.get("dispute_type"))],
    ]
    for n, p in enumerate(case.get("parties") or [], 1):
        where = f"第 {n} 位当事人"
        rows.append(
            [
                f"当事人（{n}）",
                Value(f"{where}姓名", p.get("name")),
                "性别/年龄",
                Value(
                    f"{where}性别",
                    "　".join(x for x in (p.get("gender") or "", age_on(p.get("birth_date"), on)) if x),
                ),
            ]
        )
        rows.append(
            [
                "联系方式",
                Value(f"{where}联系方式", p.get("phone")),
                "单位或住址",
                Value(f"{where}单位或住址", p.get("address")),
            ]
        )
    rows += [
        ["所在村", Value("所在村", case.get("region")), "调委会", Value("调委会名称", case.get("committee"))],
        ["案件来源", Value("案件来源", _source_line(case.get("source"))), "", ""],
        ["纠纷简要情况", Value("纠纷简要情况", case.get("summary")), "", ""],
        [
            "人民调解员",
            Value("人民调解员", case.get("mediator")),
            "登记人",
            Value("登记人", case.get("recorder")),
        ],
        ["当事人签名", "", "", ""],
        ["登记人签名", "", "", ""],
    ]
    spans = [((1, r), (3, r)) for r in (len(rows) - 5, len(rows) - 4, len(rows) - 2, len(rows) - 1)]
    heights: list[float | None] = [None] * len(rows)
    heights[-2] = heights[-1] = 44
    return [
        kit.title("人民调解受理登记表"),
        kit.right(f"编号：{case.get('case_no') or ''}", "编号"),
        kit.space(2),
        kit.form(rows, [86, 134, 80, 142], spans, heights=heights, keep_last=2),
    ]
