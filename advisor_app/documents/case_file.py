"""卷宗: cover, contents list and back cover, and the whole file as one PDF (一案一卷)."""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Flowable

from advisor_app.documents import agreement, application, confirmation, notice, record, registration, visit
from advisor_app.documents.layout import Kit, Value, cn_date
from advisor_app.documents.parties import split_sides

STORAGE_TERM = "长期"


def file_name(case: dict[str, Any]) -> str:
    applicants, respondents = split_sides(case.get("parties") or [])
    first = applicants[0].get("name") if applicants else ""
    second = respondents[0].get("name") if respondents else ""
    more = "等" if len(respondents) > 1 else ""
    return f"{first}与{second}{more}{case.get('dispute_type') or ''}纠纷"


def cover(kit: Kit, case: dict[str, Any]) -> list[Flowable]:
    ended = case.get("closed_on") or case.get("archived_on")
    rows = [
        ["卷　名", Value("卷名", file_name(case))],
        ["卷　号", Value("卷号", case.get("case_no"))],
        ["调委会", Value("调委会名称", case.get("committee"))],
        ["人民调解员", Value("人民调解员", case.get("mediator"))],
        ["调解日期", Value("调解日期", f"自 {cn_date(case.get('accepted_on'))} 至 {cn_date(ended)}")],
        ["立卷人", Value("立卷人", case.get("recorder") or case.get("mediator"))],
        ["立卷日期", Value("立卷日期", cn_date(case.get("archived_on") or case.get("closed_on")))],
        ["保管期限", Value("保管期限", STORAGE_TERM)],
    ]
    return [kit.space(30), kit.title("人民调解卷宗"), kit.space(20), kit.form(rows, [3, 9])]


def contents(kit: Kit, case: dict[str, Any]) -> list[Flowable]:
    rows: list[list[object]] = [["序号", "文件名称", "必备", "有/无", "备注"]]
    for n, item in enumerate(case.get("checklist") or [], 1):
        rows.append(
            [
                str(n),
                Value("卷内文件", item["name"]),
                "★" if item["required"] else "",
                "有" if item["present"] else "无",
                "",
            ]
        )
    return [
        kit.title("卷内目录"),
        kit.right(f"卷号：{case.get('case_no') or ''}", "卷号"),
        kit.space(2),
        kit.form(rows, [1.5, 8, 1.5, 1.8, 3]),
        kit.space(2),
        kit.line("注：★ 为必备材料。"),
    ]


def back_cover(kit: Kit, case: dict[str, Any]) -> list[Flowable]:
    rows = [
        ["卷内备考", ""],
        ["立卷人", Value("立卷人", case.get("recorder") or case.get("mediator"))],
        ["检查人", ""],
        ["立卷日期", Value("立卷日期", cn_date(case.get("archived_on") or case.get("closed_on")))],
    ]
    return [kit.title("卷宗封底"), kit.space(6), kit.form(rows, [3, 9], heights=[160, None, 40, None])]


def sections(kit: Kit, case: dict[str, Any]) -> list[list[Flowable]]:
    """Every document of the file in the official order; documents the case does not have are left out."""
    parts = [
        cover(kit, case),
        contents(kit, case),
        application.story(kit, case),
        registration.story(kit, case),
        notice.story(kit, case),
    ]
    if case.get("sessions"):
        parts.append(record.story(kit, case))
    if case.get("agreement"):
        parts.append(agreement.agreement_story(kit, case["agreement"]))
    if case.get("oral"):
        parts.append(agreement.oral_story(kit, case["oral"]))
    if case.get("visits"):
        parts.append(visit.story(kit, case))
    if case.get("confirmation") and case.get("agreement"):
        parts.append(confirmation.story(kit, case))
    parts.append(back_cover(kit, case))
    return parts
