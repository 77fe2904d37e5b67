"""矛盾纠纷排查 rounds and 零上报 (a village's “no disputes this month”)."""

from __future__ import annotations

from typing import Any

from advisor_app.domain.models import Region, Screening
from advisor_app.domain.validation import Checker, ValidationError
from advisor_app.services import zero_reports
from advisor_app.store import Store


def record_screening(store: Store, data: dict[str, Any], *, confirm: bool = False) -> Screening:
    """排查 of a village; one that found disputes in a month the village reported as 零上报 needs
    ``confirm`` (raises ``zero_reports.ZeroReportExists``), then records the correction on it."""
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
    if found:  # disputes found contradict a 零上报 of the month
        zero_reports.confirm_new_record(store, clean["region_code"], clean["held_on"], confirm=confirm)
    with store.session() as session:
        _village(session, clean["region_code"])
        screening = Screening(**{**clean, "disputes_found": found, "disputes_prevented": prevented})
        session.add(screening)
    return screening


def _village(session, code: str) -> Region:  # noqa: ANN001
    region = session.get(Region, code)
    if region is None:
        raise ValidationError({"region_code": f"所在村：区划代码 {code} 不存在"})
    return region
