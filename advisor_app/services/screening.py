"""矛盾纠纷排查 rounds and 零上报 (a village's “no disputes this month”)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from advisor_app.domain.models import Region, Screening, ZeroReport
from advisor_app.domain.validation import Checker, ValidationError
from advisor_app.store import Store


def record_screening(store: Store, data: dict[str, Any]) -> Screening:
    check = Checker(data)
    check.text("region_code", required=True)
    check.day("held_on", required=True, not_future=True)
    check.integer("disputes_found", minimum=0, maximum=10000)
    check.integer("disputes_prevented", minimum=0, maximum=10000)
    check.text("notes", max_len=5000)
    clean = check.done()
    found, prevented = clean["disputes_found"] or 0, clean["disputes_prevented"] or 0
    if prevented > found:
        raise ValidationError({"disputes_prevented": "预防纠纷数：不能多于排查发现的纠纷数"})
    with store.session() as session:
        _village(session, clean["region_code"])
        screening = Screening(**{**clean, "disputes_found": found, "disputes_prevented": prevented})
        session.add(screening)
    return screening


def report_zero(store: Store, region_code: str, month: str, note: str | None = None) -> ZeroReport:
    """零上报 for ``month`` (YYYY-MM); reporting twice keeps one record."""
    check = Checker({"month": month})
    value = check.text("month", required=True)
    if value and not (
        len(value) == 7
        and value[4] == "-"
        and value[:4].isdigit()
        and value[5:].isdigit()
        and 1 <= int(value[5:]) <= 12
    ):
        check.fail("month", f"“{value}”应为年-月，如 2026-11")
    check.done()
    with store.session() as session:
        _village(session, region_code)
        existing = session.scalars(
            select(ZeroReport).where(ZeroReport.region_code == region_code, ZeroReport.month == month)
        ).first()
        if existing is not None:
            existing.deleted = False
            existing.note = note
            return existing
        report = ZeroReport(region_code=region_code, month=month, note=note)
        session.add(report)
    return report


def _village(session, code: str) -> Region:  # noqa: ANN001
    region = session.get(Region, code)
    if region is None:
        raise ValidationError({"region_code": f"所在村：区划代码 {code} 不存在"})
    return region
