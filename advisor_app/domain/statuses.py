"""The statuses of records, defined once (domain.md; the vocabularies in resources/vocab list the
same values for forms and imports, and tests/core/test_statuses.py keeps the two equal).

Each is a ``StrEnum``: a member *is* its Chinese text, so it is stored, synced and compared as the
string it always was. Code names the member (``AgreementStatus.SIGNED``), never the literal, and SQL
takes it as a bound parameter, not inside the statement's text.
"""

from __future__ import annotations

from enum import StrEnum


class CaseStatus(StrEnum):
    """纠纷案件: 受理 → 调解中 → 达成协议 / 调解不成 / 终止 → 履行 → 回访 → 归档 (domain/case_flow.py)."""

    ACCEPTED = "受理"
    MEDIATING = "调解中"
    AGREED = "达成协议"
    FAILED = "调解不成"
    TERMINATED = "终止"
    PERFORMING = "履行"
    VISITING = "回访"
    ARCHIVED = "归档"


class AgreementStatus(StrEnum):
    """调解协议: a draft, signed (frozen), or void (replaced by a later version)."""

    DRAFT = "草稿"
    SIGNED = "已签署"
    VOID = "作废"


class PerformanceStatus(StrEnum):
    """履行情况 of a signed agreement (and what a 回访 found)."""

    NOT_PERFORMED = "未履行"
    PARTLY = "部分履行"
    PERFORMED = "已履行"


class ConfirmationStatus(StrEnum):
    """司法确认 of a signed agreement."""

    APPLIED = "已申请"
    CONFIRMED = "已确认"
    REFUSED = "不予确认"


class ConsultationStatus(StrEnum):
    """法律咨询."""

    OPEN = "办理中"
    DONE = "已办结"


class RosterStatus(StrEnum):
    """法律明白人 on the roster, or removed from it."""

    ACTIVE = "在册"
    REMOVED = "清退"


# vocabulary name in resources/vocab/vocabularies.json -> the enum that must list the same values
VOCABULARIES: dict[str, type[StrEnum]] = {
    "case_statuses": CaseStatus,
    "agreement_statuses": AgreementStatus,
    "performance_statuses": PerformanceStatus,
    "confirmation_statuses": ConfirmationStatus,
    "consultation_statuses": ConsultationStatus,
    "roster_statuses": RosterStatus,
}
