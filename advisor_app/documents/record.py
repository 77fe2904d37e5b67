"""调解记录（笔录）: one record per mediation sitting."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable, PageBreak

from advisor_app.documents.layout import Kit, Value, cn_date
from advisor_app.documents.parties import names


def _when(held_at: str | None) -> str:
    if not held_at:
        return cn_date(None)
    day, _, clock = held_at.partition(" ")
    return f"{cn_date(day)} {clock}".strip()


def story(kit: Kit, case: dict[str, Any]) -> list[Flowable]:
    sessions = case.get("sessions") or [{}]
    out: list[Flowable] = []
    for n, sitting in enumerate(sessions, 1):
        where = f"第 {n} 次调解记录"
        if n > 1:
            out.append(PageBreak())
        rows = [
            [
                "时间",
                Value(f"{where}时间", _when(sitting.get("held_at"))),
                "地点",
                Value(f"{where}地点", sitting.get("place")),
            ],
            ["事由", Value("事由", f"{case.get('dispute_type') or ''}纠纷"), "", ""],
            ["当事人", Value("当事人姓名", names(case.get("parties") or [])), "", ""],
            ["参加人", Value(f"{where}参加人", sitting.get("participants")), "", ""],
            [
                "人民调解员",
                Value(f"{where}人民调解员", sitting.get("mediator") or case.get("mediator")),
                "记录人",
                Value(f"{where}记录人", sitting.get("recorder") or case.get("recorder")),
            ],
        ]
        out += [
            kit.title("人民调解记录"),
            kit.right(f"编号：{case.get('case_no') or ''}（第 {n} 次）", "编号"),
            kit.form(rows, [80, 134, 56, 172], [((1, r), (3, r)) for r in (1, 2, 3)]),
            kit.space(2),
            kit.line(
                "调解员已向当事人告知人民调解的性质、原则和效力，以及当事人在调解活动中享有的权利和承担的义务。",
                indent=True,
            ),
            kit.heading("当事人陈述："),
            *kit.paragraphs(sitting.get("statements"), f"{where}当事人陈述"),
            kit.heading("查明事实："),
            *kit.paragraphs(sitting.get("facts"), f"{where}查明事实"),
        ]
        result = [kit.heading("调解结果："), *kit.paragraphs(sitting.get("result"), f"{where}调解结果")]
        signature = [kit.space(4), kit.line("当事人（签名或按指印）：")]
        signature += [
            kit.line(f"　　＿＿＿＿＿＿＿＿（{p.get('name') or ''}）", "当事人姓名")
            for p in case.get("parties") or []
        ]
        signature += [
            kit.line("人民调解员（签名）：＿＿＿＿＿＿＿＿"),
            kit.line("记录人（签名）：＿＿＿＿＿＿＿＿"),
        ]
        # The signatures share their page with the end of the record.
        out += kit.keep_with_tail(result, signature)
    return out
