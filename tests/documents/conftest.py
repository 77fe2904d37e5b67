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


# --- demo data (issue 13 §9): built once per session, copied for each test that may change it ---------

DEMO_END = date(2026, 11, 30)  # fixed, so the README's case （2026）临桥调字第 1 号 is in the data for good
DEMO_SIZE = {"seed": 1, "consultations": 50, "cases": 20}


@pytest.fixture(scope="session")
def _demo_template(tmp_path_factory):
    """A demo store signed through the printing service (about 16 agreements with kept PDFs)."""
    import time

    from advisor_app import demo
    from advisor_app.store import open_store

    folder = tmp_path_factory.mktemp("demo") / "data"
    store = open_store(folder)
    started = time.perf_counter()
    counts = demo.generate(store, end=DEMO_END, **DEMO_SIZE)
    store.close()
    return folder, counts, time.perf_counter() - started


@pytest.fixture
def demo_dir(_demo_template, tmp_path):
    """A copy of the demo data folder (database and kept PDFs) this test may change."""
    import shutil

    target = tmp_path / "demo"
    shutil.copytree(_demo_template[0], target)
    return target
