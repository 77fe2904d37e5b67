"""Fixtures: a mediation case taken through every step (real store, fixed dates)."""

from __future__ import annotations

from datetime import date

import pytest

from .builders import make_case


@pytest.fixture
def mediated(seeded):
    """A case with every document: signed agreement, a return visit and a confirmation application."""
    from advisor_app.services import cases, printing

    case, agreement = make_case(seeded)
    printing.sign_and_print(seeded, agreement.id, date(2025, 3, 10))
    cases.record_visit(
        seeded,
        case.id,
        {
            "visited_on": date(2025, 4, 2),
            "reason": "了解协议履行情况",
            "performed": "已履行",
            "satisfied": True,
            "lawsuit": False,
            "risk": False,
            "measures": "无需采取措施",
            "visitor": "王调解",
        },
    )
    cases.apply_confirmation(seeded, case.id, date(2025, 3, 15), "渭南市临渭区人民法院")
    seeded.case_id = case.id
    seeded.agreement_id = agreement.id
    return seeded
