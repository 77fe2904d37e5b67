"""卷宗: cover, contents list and back cover, and the whole file as one PDF (一案一卷)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlab.platypus import Flowable

from advisor_app.documents import agreement, application, confirmation, notice, record, registration, visit
from advisor_app.documents.layout import Kit, Value, cn_date
from advisor_app.documents.parties import split_sides

STORAGE_TERM = "长期"
AGREEMENT_ITEM = "人民调解协议书"  # the contents-list row of domain.case_flow.file_checklist


@dataclass(frozen=True)
class Insert:
    """Where a PDF made elsewhere goes into the file: ``agreement`` or ``oral`` (the kept signed copy)."""

    key: str


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
    # What the printer put in differs from the checklist for a draft or an unavailable signed copy.
    notes = case.get("contents_notes") or {}
    for n, item in enumerate(case.get("checklist") or [], 1):
        present, remark = notes.get(item["name"], ("有" if item["present"] else "无", ""))
        rows.append(
            [
                str(n),
                Value("卷内文件", item["name"]),
                "★" if item["required"] else "",
                present,
                Value("备注", remark),
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
    rows: list[list[object]] = [
        ["卷内备考", ""],
        ["立卷人", Value("立卷人", case.get("recorder") or case.get("mediator"))],
        ["检查人", ""],
        ["立卷日期", Value("立卷日期", cn_date(case.get("archived_on") or case.get("closed_on")))],
    ]
    return [kit.title("卷宗封底"), kit.space(6), kit.form(rows, [3, 9], heights=[160, None, 40, None])]


def plan(kit: Kit, case: dict[str, Any]) -> list[list[Flowable] | Insert]:
    """The file in the official order; the agreements as :class:`Insert` marks (their PDFs come
    from the kept copies, see ``services.printing.case_file``); absent documents are left out."""
    parts: list[list[Flowable] | Insert] = [
        cover(kit, case),
        contents(kit, case),
        application.story(kit, case),
        registration.story(kit, case),
        notice.story(kit, case),
    ]
    if case.get("sessions"):
        parts.append(record.story(kit, case))
    if case.get("agreement"):
        parts.append(Insert("agreement"))
    if case.get("oral"):
        parts.append(Insert("oral"))
    if case.get("visits"):
        parts.append(visit.story(kit, case))
    if case.get("confirmation") and (case.get("agreement") or {}).get("signed_on"):
        parts.append(confirmation.story(kit, case))
    parts.append(back_cover(kit, case))
    return parts


def sections(kit: Kit, case: dict[str, Any]) -> list[list[Flowable]]:
    """Every document of the file drawn from the data (the agreements too): what preflight checks."""
    out: list[list[Flowable]] = []
    for part in plan(kit, case):
        if isinstance(part, Insert):
            data = case[part.key]
            story = agreement.agreement_story if part.key == "agreement" else agreement.oral_story
            out.append(story(kit, data))
        else:
            out.append(part)
    return out


def unavailable(kit: Kit, key: str, label: str, messages: tuple[str, ...] | list[str]) -> list[Flowable]:
    """The page that stands in the file for a signed agreement whose signed text cannot be had."""
    title = "人民调解协议书" if key == "agreement" else "人民调解口头协议登记表"
    out: list[Flowable] = [kit.title(title), kit.space(6)]
    out.append(kit.line(f"{label}已签署，但签署时保存的文本不能收入本卷宗打印件：", indent=True))
    for message in messages:
        out.append(kit.line(message, indent=True))
    out.append(kit.line("请以纸质签署件为准，并将其原件或复印件附于此页之后。", indent=True))
    return out
