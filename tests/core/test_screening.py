import pytest

from advisor_app.domain.clock import china_today
from advisor_app.domain.validation import ValidationError
from advisor_app.services import cases, screening, zero_reports
from tests.conftest import VILLAGE
from tests.core.test_cases import register


def test_screening_and_zero_report(seeded):
    s = screening.record_screening(
        seeded,
        {"region_code": VILLAGE, "held_on": china_today(), "disputes_found": 2, "disputes_prevented": 1},
    )
    assert (s.disputes_found, s.disputes_prevented) == (2, 1)
    with pytest.raises(ValidationError, match="不能多于"):
        screening.record_screening(
            seeded,
            {"region_code": VILLAGE, "held_on": china_today(), "disputes_found": 0, "disputes_prevented": 1},
        )
    first = zero_reports.report_zero(seeded, VILLAGE, "2026-10")
    again = zero_reports.report_zero(seeded, VILLAGE, "2026-10", note="本月无纠纷")
    assert first.id == again.id
    with pytest.raises(ValidationError, match="应为年-月"):
        zero_reports.report_zero(seeded, VILLAGE, "2026-13")


def test_case_prevention_is_set_through_the_service(seeded):
    case = register(seeded, prevention="防止民转刑", prevention_persons=3)
    assert (case.prevention, case.prevention_persons) == ("防止民转刑", 3)
    with pytest.raises(ValidationError, match="请先选择预防类型"):
        cases.update(seeded, case.id, {"prevention": None, "prevention_persons": 2})
