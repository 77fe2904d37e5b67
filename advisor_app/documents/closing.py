"""人民调解结案报告表: the committee's report that a case is closed (domain.md §1).

卷号, 承办单位, 承办人, 受案时间, 结案时间, the parties (names, addresses, phones), 案件来源,
纠纷简要事实 and the result (调解结果: the agreement as signed, or why mediation ended).
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from advisor_app.documents.layout import Kit, Value, cn_date
from advisor_app.documents.registration import SOURCES
from advisor_app.domain.case_flow import FlowError
from advisor_app.domain.money import written_fen
from advisor_app.domain.statuses import AgreementStatus, CaseStatus

TITLE = "人民调解结案报告表"
NOT_CLOSED = "案件尚未结案（没有结案日期），不能打印结案报告表；请先在案件中办理结案"


def _source_line(source: str | None) -> str:
    return "　".join(("■" if s == source else "□") + s for s in SOURCES)


def result_text(case: dict[str, Any]) -> str:
    """调解结果 in words: the agreement in force (as signed) or the outcome and its explanation."""
    agreement = case.get("agreement") if case.get("agreement_status") == AgreementStatus.SIGNED else None
    oral = case.get("oral") if (case.get("oral") or {}).get("signed_on") else None
    signed = agreement or oral
    lines = []
    if signed:
        form = "书面调解协议" if agreement else "口头调解协议"
        line = (
            f"调解成功，于{cn_date(signed.get('signed_on'))}达成{form}（编号：{signed.get('case_no') or ''}）"
        )
        if case.get("agreement_altered") and agreement:
            line += "，协议涉及金额以签署件为准（存储的协议数据在签署后被改动）"
        elif signed.get("amount_fen"):
            line += f"，协议涉及金额{written_fen(int(signed['amount_fen']))}"
        lines.append(line + "。")
        if case.get("performed"):
            lines.append(f"履行情况：{case['performed']}。")
    elif case.get("status") in (CaseStatus.FAILED, CaseStatus.TERMINATED):
        lines.append(f"{case['status']}。")
    if case.get("result"):
        lines.append(str(case["result"]))
    return "\n".join(lines)


def story(kit: Kit, case: dict[str, Any]) -> list[Flowable]:
    if not case.get("closed_on"):
        raise FlowError(NOT_CLOSED)
    rows: list[list[object]] = [
        ["卷号", Value("卷号", case.get("case_no")), "", ""],
        ["承办单位", Value("承办单位", case.get("committee")), "", ""],
        [
            "承办人",
            Value("承办人", case.get("mediator")),
            "受案时间",
            Value("受案时间", cn_date(case.get("accepted_on"))),
        ],
        [
            "纠纷类型",
            Value("纠纷类型", case.get("dispute_type")),
            "结案时间",
            Value("结案时间", cn_date(case.get("closed_on"))),
        ],
    ]
    spans = [((1, 0), (3, 0)), ((1, 1), (3, 1))]
    for n, p in enumerate(case.get("parties") or [], 1):
        where = f"第 {n} 位当事人"
        rows.append(
            [
                f"当事人（{n}）",
                Value(f"{where}姓名", p.get("name")),
                "联系电话",
                Value(f"{where}联系方式", p.get("phone")),
            ]
        )
        rows.append(["住址", Value(f"{where}单位或住址", p.get("address")), "", ""])
        spans.append(((1, len(rows) - 1), (3, len(rows) - 1)))
    for caption, label, value in (
        ("案件来源", "案件来源", _source_line(case.get("source"))),
        ("纠纷简要事实", "纠纷简要事实", case.get("summary")),
        ("调解结果", "调解结果", result_text(case)),
        ("承办人签名", None, ""),
    ):
        rows.append([caption, Value(label, value) if label else "", "", ""])
        spans.append(((1, len(rows) - 1), (3, len(rows) - 1)))
    # The seal and date sit inside the last row, so they never end up alone on a page of their own.
    seal = f"\n（人民调解委员会印）\n{cn_date(case.get('closed_on'))}"
    rows.append(["调委会意见", "", Value("结案时间", seal, "center"), ""])
    spans.append(((2, len(rows) - 1), (3, len(rows) - 1)))
    heights: list[float | None] = [None] * len(rows)
    heights[-2] = 36
    return [
        kit.title(TITLE),
        kit.right(f"卷号：{case.get('case_no') or ''}", "卷号"),
        kit.space(2),
        kit.form(rows, [104, 126, 82, 130], spans, heights=heights, keep_last=2),
    ]
