"""The status flow of a dispute case and the 卷宗 (case file) checklist of domain.md §1.

受理 → 调解中 → 达成协议 / 调解不成 / 终止 → 履行 → 回访 → 归档
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from advisor_app.domain.statuses import CaseStatus

TARGET_DAYS = 30  # about one month from acceptance (older rules' target duration)
CONFIRMATION_DAYS = 30  # 人民调解法 Art 33: apply for 司法确认 within 30 days of effect

_S = CaseStatus
TRANSITIONS: dict[str, tuple[str, ...]] = {
    _S.ACCEPTED: (_S.MEDIATING, _S.TERMINATED),
    _S.MEDIATING: (_S.AGREED, _S.FAILED, _S.TERMINATED),
    _S.AGREED: (_S.PERFORMING, _S.VISITING),
    _S.PERFORMING: (_S.VISITING,),
    _S.VISITING: (_S.ARCHIVED,),
    _S.FAILED: (_S.ARCHIVED,),
    _S.TERMINATED: (_S.ARCHIVED,),
    _S.ARCHIVED: (),
}
OPEN: tuple[str, ...] = (_S.ACCEPTED, _S.MEDIATING)
CLOSABLE: tuple[str, ...] = (_S.AGREED, _S.PERFORMING, _S.VISITING, _S.FAILED, _S.TERMINATED)


class FlowError(ValueError):
    """A step the case's status does not allow."""


def check_transition(current: str, target: str) -> None:
    if target == current:
        return
    if target not in TRANSITIONS.get(current, ()):
        allowed = "、".join(TRANSITIONS.get(current, ())) or "无"
        raise FlowError(f"案件状态为“{current}”，不能改为“{target}”（可改为：{allowed}）")


def due_date(accepted_on: date) -> date:
    return accepted_on + timedelta(days=TARGET_DAYS)


def confirmation_deadline(effective_on: date) -> date:
    return effective_on + timedelta(days=CONFIRMATION_DAYS)


# The 必备 paper documents of the 卷宗 (domain.md §1) and the attachment purpose of each one's scan.
# Each is in the file only when its scan is attached or the mediator ticks “纸质材料已归卷” (recorded
# with who and when): typing ID numbers into the app does not put a copy of the ID card into the file.
PAPER_ITEMS: dict[str, str] = {
    "人民调解申请书/受理登记表": "申请书/受理登记表",
    "当事人权利义务告知书": "权利义务告知书",
    "当事人身份证明": "身份证明",
    "调解记录": "调解记录",
    "人民调解协议书": "协议书扫描件",
    "封底": "封底",
}
# Optional documents (and 情况说明) that an attachment of the same purpose puts into the file.
SCANNED_ITEMS = ("授权委托书", "调查记录", "证据材料", "履行凭证", "回访记录", "司法确认材料", "情况说明")
TICK_LABEL = "纸质材料已归卷"


@dataclass(frozen=True)
class FileItem:
    """One entry of the 卷宗 contents list, in the official order.

    ``how`` says what puts it in the file (扫描件 / 纸质材料已归卷（who，when）/ the app's record), or,
    for a missing required item, what is still needed.
    """

    name: str
    required: bool
    present: bool
    how: str = ""
    tickable: bool = False  # a 必备 paper document the mediator may tick as filed on paper


def file_checklist(
    *,
    outcome: str,
    scans: set[str] | frozenset[str] = frozenset(),
    ticks: dict[str, str] | None = None,
    notice_given: bool = False,
    sessions: int = 0,
    agreement_signed: bool = False,
    agreement_scanned: bool = False,
    visits: int = 0,
    confirmation: bool = False,
    has_explanation: bool = False,
) -> list[FileItem]:
    """The 卷宗 contents: which documents are in the file and which required ones are missing.

    ``scans`` are the purposes of the case's attachments, ``ticks`` the paper items ticked as filed
    (item name -> “who，when”). A failed or ended mediation has no agreement; its file needs the
    mediator's 情况说明 instead.
    """
    ticks = ticks or {}
    agreed = outcome not in ("调解不成", "终止")
    # What the app must have recorded before the paper can be in the file at all.
    recorded = {
        "人民调解申请书/受理登记表": (True, ""),
        "当事人权利义务告知书": (notice_given, "尚未登记已告知权利义务"),
        "当事人身份证明": (True, ""),
        "调解记录": (sessions > 0, "尚无调解记录"),
        "人民调解协议书": (agreement_signed, "尚无已签署的协议"),
        "封底": (True, ""),
    }

    def paper(name: str, required: bool = True) -> FileItem:
        done, gap = recorded[name]
        scanned = agreement_scanned if name == "人民调解协议书" else PAPER_ITEMS[name] in scans
        if not done:
            return FileItem(name, required, False, gap, tickable=False)
        if scanned:
            return FileItem(name, required, True, "扫描件", tickable=True)
        if name in ticks:
            return FileItem(name, required, True, f"{TICK_LABEL}（{ticks[name]}）", tickable=True)
        need = (
            "需附已签署协议的扫描件或勾选纸质材料已归卷"
            if name == "人民调解协议书"
            else "需附扫描件或勾选纸质材料已归卷"
        )
        return FileItem(name, required, False, need, tickable=True)

    def scanned(name: str, present: bool = False, required: bool = False) -> FileItem:
        present = present or name in scans
        return FileItem(name, required, present, "扫描件" if name in scans else ("已登记" if present else ""))

    return [
        paper("人民调解申请书/受理登记表"),
        paper("当事人权利义务告知书"),
        paper("当事人身份证明"),
        scanned("授权委托书"),
        scanned("调查记录"),
        scanned("证据材料"),
        paper("调解记录"),
        paper("人民调解协议书", required=agreed) if agreed else scanned("人民调解协议书", agreement_signed),
        scanned("履行凭证"),
        scanned("回访记录", visits > 0),
        scanned("司法确认材料", confirmation),
        scanned("情况说明", has_explanation, required=not agreed),
        paper("封底"),
    ]


def missing(items: list[FileItem]) -> list[str]:
    return [item.name for item in items if item.required and not item.present]


# Unfilled blanks of a clause template: ＿＿ (full width), ____ (ASCII), and the like.
BLANK = re.compile(r"[＿_]{2,}|（\s*）|\(\s*\)")


def check_blanks(terms: list[str] | None, performance: str | None = None) -> None:
    """An agreement with an unfilled blank cannot be signed: the message names the clause."""
    from advisor_app.domain.validation import ValidationError

    for number, term in enumerate(terms or [], start=1):
        found = BLANK.search(term or "")
        if found:
            raise ValidationError(
                {"terms": f"协议内容：第 {number} 条有未填写的空白（{_around(term, found)}），请填写后再签署"}
            )
    found = BLANK.search(performance or "")
    if found:
        raise ValidationError(
            {
                "performance": f"履行方式、时限：有未填写的空白（{_around(performance or '', found)}），请填写后再签署"
            }
        )


def _around(text: str, found: re.Match[str]) -> str:
    return text[max(0, found.start() - 6) : found.end() + 6]


def display_status(status: str, closed_on: date | None) -> str:
    """The status a person reads: a closed case waiting for its archive says so (not still 回访)."""
    if closed_on is not None and status != CaseStatus.ARCHIVED:
        return "已结案，待归档"
    return status
