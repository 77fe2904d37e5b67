"""The 统计 page under pytest-qt (offscreen): cards, charts, selectors and the drill-down signal."""

from __future__ import annotations

import pytest
from reports_dataset import TOWNSHIP, V1

pytestmark = pytest.mark.gui


@pytest.fixture
def view(qtbot, dataset):
    from ui.dashboard import DashboardView

    widget = DashboardView(dataset)
    qtbot.addWidget(widget)
    widget.set_scope(TOWNSHIP, "2026-10")
    return widget


def test_cards_and_charts_show_the_figures(view):
    cards = view.cards
    assert cards["accepted"].value == 4
    assert cards["success"].value == 2
    assert cards["rate"].value == "50.0%"
    assert cards["amount"].value == "0.70"
    assert cards["consultations"].value == 3
    assert cards["satisfaction"].value == "75.0%"
    assert cards["bad"].value == 1
    assert cards["unreported"].value == 1  # 张家村; 李家村 sent a 零上报
    assert dict(
        zip(view.type_keys, [view.type_set.at(i) for i in range(view.type_set.count())], strict=True)
    ) == {"婚姻家庭": 1, "邻里": 2, "合同": 1}
    assert sum(s.value() for s in view.pie.slices()) == 4
    assert view.trend_series[0].at(11).y() == 3  # October, the last of the 12 months
    assert view.village_table.rowCount() == 4
    assert view.village_table.item(0, 1).text() == "有上报"


def test_region_selector_narrows_the_figures(view):
    view.set_scope(V1, "2026-10")
    assert view.cards["accepted"].value == 2
    view.set_scope(None, "2026-10")
    assert view.cards["accepted"].value == 5


def test_click_emits_open_records(view, qtbot, dataset):
    received = []
    view.openRecords.connect(lambda kind, ids: received.append((kind, ids)))
    view.cards["success"].click()
    assert received[-1][0] == "cases" and set(received[-1][1]) == {dataset.ids.c1, dataset.ids.c2}
    view.type_set.clicked.emit(view.type_keys.index("邻里"))
    assert set(received[-1][1]) == {dataset.ids.c1, dataset.ids.c3}
    view.cards["overdue"].click()
    assert received[-1] == ("cases", [dataset.ids.c7, dataset.ids.c4])


def test_without_a_receiver_a_list_dialog_opens(view, dataset):
    view.cards["consultations"].click()
    dialog = view.last_dialog
    assert dialog is not None and dialog.isVisible()
    lines = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert len(lines) == 3 and lines[0].startswith("2026-10-05 10:00")
    dialog.reject()


def test_bad_period_is_reported_not_raised(view):
    view.period_box.setCurrentText("2026-13")
    view.refresh()
    assert "统计期间" in view.status.text()
    assert view.cards["accepted"].value == 4  # the old figures stay


def test_figures_computed_on_the_task_thread(qtbot, dataset, monkeypatch):
    """The figures are computed on the database thread, never on the GUI thread (a synchronous
    computation would also show the right numbers: the thread is what is checked)."""
    import threading

    from advisor_app.reports import service
    from ui.dashboard import DashboardView
    from ui.tasks import TaskManager

    threads = []
    real = service.dashboard

    def recorded(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(service, "dashboard", recorded)
    tasks = TaskManager()
    try:
        widget = DashboardView(dataset, tasks=tasks)
        qtbot.addWidget(widget)
        widget.set_scope(TOWNSHIP, "2026-10")
        qtbot.waitUntil(lambda: widget.cards["accepted"].value == 4, timeout=5000)
        assert threads, "the figures were not computed through reports.service.dashboard"
        assert all(t is not threading.main_thread() for t in threads), [t.name for t in threads]
    finally:
        tasks.shutdown()


def test_refreshes_overtaken_by_newer_ones_are_skipped(qtbot, dataset, monkeypatch):
    from advisor_app.reports import service
    from ui.dashboard import DashboardView
    from ui.tasks import TaskManager

    calls = []
    real = service.dashboard
    monkeypatch.setattr(
        service,
        "dashboard",
        lambda store, region, period: calls.append(region) or real(store, region, period),
    )
    tasks = TaskManager()
    try:
        widget = DashboardView(dataset, tasks=tasks)
        qtbot.addWidget(widget)
        for region in (TOWNSHIP, V1, TOWNSHIP, V1):
            widget.set_scope(region, "2026-10")
        qtbot.waitUntil(
            lambda: widget.data is not None and widget.data.figures.region_code == V1, timeout=10000
        )
        qtbot.waitUntil(lambda: tasks.pending() == 0, timeout=10000)
        assert widget.cards["accepted"].value == 2
        assert calls[-1] == V1 and len(calls) < 5  # 1 from the constructor + at most 2 of the 4 above ran
    finally:
        tasks.shutdown()


def test_drill_down_runs_on_the_task_thread(qtbot, dataset):
    from ui.dashboard import DashboardView
    from ui.tasks import TaskManager

    tasks = TaskManager()
    try:
        widget = DashboardView(dataset, tasks=tasks)
        qtbot.addWidget(widget)
        widget.set_scope(TOWNSHIP, "2026-10")
        qtbot.waitUntil(lambda: widget.cards["accepted"].value == 4, timeout=10000)
        received = []
        widget.openRecords.connect(lambda kind, ids: received.append((kind, ids)))
        widget.cards["success"].click()
        assert received == []  # not answered on the GUI thread
        qtbot.waitUntil(lambda: bool(received), timeout=5000)
        assert received[0][0] == "cases" and set(received[0][1]) == {dataset.ids.c1, dataset.ids.c2}
    finally:
        tasks.shutdown()


def test_main_window_lists_the_records_behind_a_figure(qtbot, dataset, tmp_path):
    from PySide6.QtCore import QSettings

    from advisor_app.services import setup
    from ui.main_window import MainWindow
    from ui.tasks import TaskManager

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    setup.configure(dataset, "人民调解员", TOWNSHIP, user="赵调解")
    tasks = TaskManager()
    try:
        window = MainWindow(dataset, tasks)
        qtbot.addWidget(window)
        window.show()
        stats = window.show_page("statistics")
        assert stats.tasks is tasks
        stats.set_scope(TOWNSHIP, "2026-10")
        qtbot.waitUntil(lambda: stats.cards["accepted"].value == 4, timeout=10000)
        stats.cards["success"].click()
        qtbot.waitUntil(lambda: window.stack.currentWidget() is window.pages.get("cases"), timeout=5000)
        cases_page = window.pages["cases"]
        qtbot.waitUntil(
            lambda: cases_page.list.pinned is not None and cases_page.list.model.rowCount() == 2, timeout=5000
        )
        assert set(cases_page.list.model.ids()) == {dataset.ids.c1, dataset.ids.c2}
        assert "2" in cases_page.list.count.text() and cases_page.list.unpin_button.isVisible()
        cases_page.list.unpin_button.click()  # back to the whole list
        qtbot.waitUntil(lambda: cases_page.list.model.rowCount() > 2, timeout=5000)
        assert cases_page.list.pinned is None and not cases_page.list.unpin_button.isVisible()

        window.show_page("statistics")
        stats.cards["satisfaction"].click()  # ratings have no list page: the dashboard's own list
        qtbot.waitUntil(lambda: stats.last_dialog is not None and stats.last_dialog.isVisible(), timeout=5000)
        assert stats.last_dialog.list.count() == 4
        stats.last_dialog.reject()
    finally:
        tasks.shutdown()
