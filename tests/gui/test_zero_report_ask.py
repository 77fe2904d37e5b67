"""Issue 18: registering a case in a month the village reported as 零上报 asks first (no → nothing
saved, the zero report untouched; yes → the case is saved and the correction recorded on it)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import func, select

from advisor_app.domain.clock import china_today
from advisor_app.domain.models import Case, ZeroReport
from advisor_app.services import zero_reports
from tests.gui.clicks import click, step, type_into
from tests.gui.test_case_flow import add_party
from ui import dialogs


def _zero_report(store, region: str) -> ZeroReport:
    with store.session() as s:
        return s.scalars(select(ZeroReport).where(ZeroReport.region_code == region)).one()


def _cases(store) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(Case))


def test_case_in_a_zero_reported_month_asks_then_records_the_correction(app, desk, tasks, qtbot, answers):
    from ui.case.window import CaseWindow

    window = CaseWindow(desk, tasks)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    region = window.reg.values()["region_code"]
    today = china_today()
    zero_reports.report_zero(desk, region, f"{today:%Y-%m}", "本月无纠纷")
    before = _cases(desk)

    add_party(qtbot, window, "申请人", "张桂兰")
    add_party(qtbot, window, "被申请人", "李建国")
    qtbot.mouseClick(window.reg.fields["summary"].viewport(), Qt.MouseButton.LeftButton)
    type_into(qtbot, window.reg.fields["summary"], "两家因院墙滴水发生争执")

    # 否: asked once, nothing saved, the zero report stays as filed.
    answers["queue"] = [dialogs.NO]
    click(qtbot, window, "保存登记")
    qtbot.waitUntil(lambda: "未保存" in window.message.text(), timeout=5000)
    assert len(answers["asked"]) == 1
    title, text = answers["asked"][0]
    assert title == "本月已零上报" and f"{today:%Y-%m}" in text and f"{today:%Y-%m-%d}" in text
    assert window.case_id is None and _cases(desk) == before
    assert _zero_report(desk, region).correction is None

    # 是: saved with the confirmation; the correction is on the zero report.
    answers["queue"] = [dialogs.YES]
    step(qtbot, window, lambda: click(qtbot, window, "保存登记"))
    assert len(answers["asked"]) == 2
    assert window.case_id is not None and _cases(desk) == before + 1
    report = _zero_report(desk, region)
    assert f"{today:%Y-%m-%d} 受理案件" in (report.correction or "")
    assert report.corrected_on == today

    # Saving the case again (an edit) does not ask: the zero report is corrected already.
    type_into(qtbot, window.reg.fields["summary"], "，已现场查看")
    step(qtbot, window, lambda: click(qtbot, window, "保存登记"))
    assert len(answers["asked"]) == 2


def test_case_in_a_month_without_zero_report_saves_without_asking(app, desk, tasks, qtbot, answers):
    from ui.case.window import CaseWindow

    window = CaseWindow(desk, tasks)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    add_party(qtbot, window, "申请人", "张桂兰")
    add_party(qtbot, window, "被申请人", "李建国")
    type_into(qtbot, window.reg.fields["summary"], "宅基地边界争议")
    step(qtbot, window, lambda: click(qtbot, window, "保存登记"))
    assert window.case_id is not None and answers["asked"] == []


def test_demo_data_files_no_contradicted_zero_report(tmp_path):
    """The demo data (what people try the form on) keeps 零上报 and cases consistent: no zero report
    in a month in which the village accepted a case or a screening found disputes."""
    from advisor_app import demo
    from advisor_app.store import open_store

    store = open_store(tmp_path / "demo")
    try:
        demo.generate(store, seed=1, consultations=100, cases=300, signed_copies=False)
        with store.session() as s:
            reports = s.scalars(select(ZeroReport)).all()
            contradicted = [
                (z.region_code, z.month)
                for z in reports
                if zero_reports.month_records(s, z.region_code, z.month).total
            ]
        assert reports and contradicted == []
    finally:
        store.close()
