"""回访记录: how the agreement is being performed, whether the dispute may flare up again."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, PageBreak

from advisor_app.documents.layout import Kit, Value, cn_date
from advisor_app.documents.parties import names


def _yes_no(value: Any, yes: str = "是", no: str = "否") -> str:
    return "" if value is None else (yes if value else no)


def story(kit: Kit, case: dict[str, Any]) -> list[Flowable]:
    visits = case.get("visits") or [{}]
    agreement = case.get("agreement") or case.get("oral") or {}
    number = case.get("case_no") or ""
    if agreement.get("version", 1) > 1:
        number += f"（第 {agreement['version']} 版）"
    out: list[Flowable] = []
    for n, visit in enumerate(visits, 1):
        where = f"第 {n} 次回访"
        if n > 1:
            out.append(PageBreak())
        situation = "\n".join(
            [
                f"协议履行情况：{visit.get('performed') or ''}",
                f"当事人是否满意：{_yes_no(visit.get('satisfied'), '满意', '不满意')}",
                f"是否起诉：{_yes_no(visit.get('lawsuit'))}",
                f"是否有矛盾激化风险：{_yes_no(visit.get('risk'), '有', '无')}",
            ]
        )
        rows = [
            ["当事人", Value("当事人姓名", names(case.get("parties") or [])), "", ""],
            ["调解协议编号", Value("调解协议编号", number), "", ""],
            ["回访事由", Value(f"{where}回访事由", visit.get("reason") or "了解协议履行情况"), "", ""],
            ["回访情况", Value(f"{where}回访情况", situation), "", ""],
            ["采取措施", Value(f"{where}采取措施", visit.get("measures")), "", ""],
            [
                "回访人",
                Value(f"{where}回访人", visit.get("visitor")),
                "回访日期",
                Value(f"{where}回访日期", cn_date(visit.get("visited_on"))),
            ],
        ]
        spans = [((1, r), (3, r)) for r in range(5)]
        out += [
            kit.title("人民调解回访记录"),
            kit.space(2),
            # The signature line stays on the page of the form's last row.
            kit.form(rows, [96, 130, 80, 136], spans, footer="回访人（签名）：＿＿＿＿＿＿＿＿"),
        ]
    return out
