"""The status flow of a dispute case and the 卷宗 (case file) checklist of domain.md §1.

受理 → 调解中 → 达成协议 / 调解不成 / 终止 → 履行 → 回访 → 归档
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

TARGET_DAYS = 30  # about one month from acceptance (older rules' target duration)
CONFIRMATION_DAYS = 30  # 人民调解法 Art 33: apply for 司法确认 within 30 days of effect

TRANSITIONS: dict[str, tuple[str, ...]] = {
    "受理": ("调解中", "终止"),
    "调解中": ("达成协议", "调解不成", "终止"),
    "达成协议": ("履行", "回访"),
    "履行": ("回访",),
    "回访": ("归档",),
    "调解不成": ("归档",),
    "终止": ("归档",),
    "归档": (),
}
OPEN = ("受理", "调解中")
CLOSABLE = ("达成协议", "履行", "回访", "调解不成", "终止")


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


@dataclass(frozen=True)
class FileItem:
    """One entry of the 卷宗 contents list, in the official order."""

    name: str
    required: bool
    present: bool


def file_checklist(
    *,
    registered: bool,
    notice_given: bool,
    identity_proven: bool,
    sessions: int,
    agreement_signed: bool,
    outcome: str,
    has_evidence: bool = False,
    has_performance_proof: bool = False,
    visits: int = 0,
    confirmation: bool = False,
    has_power_of_attorney: bool = False,
    has_investigation: bool = False,
    has_explanation: bool = False,
) -> list[FileItem]:
    """The 卷宗 contents: which documents are in the file and which required ones are missing.

    A failed or ended mediation has no agreement; its file needs the mediator's 情况说明 instead.
    """
    agreed = outcome not in ("调解不成", "终止")
    return [
        FileItem("人民调解申请书/受理登记表", True, registered),
        FileItem("当事人权利义务告知书", True, notice_given),
        FileItem("当事人身份证明", True, identity_proven),
        FileItem("授权委托书", False, has_power_of_attorney),
        FileItem("调查记录", False, has_investigation),
        FileItem("证据材料", False, has_evidence),
        FileItem("调解记录", True, sessions > 0),
        FileItem("人民调解协议书", agreed, agreement_signed),
        FileItem("履行凭证", False, has_performance_proof),
        FileItem("回访记录", False, visits > 0),
        FileItem("司法确认材料", False, confirmation),
        FileItem("情况说明", not agreed, has_explanation),
        FileItem("封底", True, registered),
    ]


def missing(items: list[FileItem]) -> list[str]:
    return [item.name for item in items if item.required and not item.present]
