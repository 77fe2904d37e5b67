"""统计 readable at a glance (issue 15 §2): dispute types written out in full, a legend with counts and
shares, months named on the trend's axis with the unfinished month left out, and tables that fit."""

from __future__ import annotations

import pytest
from PySide6.QtCharts import QBarCategoryAxis, QCategoryAxis, QHorizontalBarSeries
from PySide6.QtWidgets import QHeaderView

from advisor_app.domain.clock import china_today


@pytest.fixture
def demo_store(demo_template, tmp_path):
    from advisor_app.store import open_store
    from tests.gui.clickthrough import copy_store

    copy_store(demo_template, tmp_path / "data")
    store = open_store(tmp_path / "data")
    yield store
    store.close()


def test_month_and_legend_labels(app):
    from ui.dashboard import month_label, months_title, pie_label

    assert [month_label("2026-03"), month_label("2026-01"), month_label("2025-12")] == ["3月", "1月", "12月"]
    assert months_title("2025-12", "2026-11") == "2025年12月—2026年11月"
    assert pie_label("非常满意", 12, 30) == "非常满意 12（40%）"


def test_the_dashboard_charts_read_at_a_glance(app, demo_store, tasks, qtbot):
    from ui.dashboard import DashboardView

    view = DashboardView(demo_store, tasks=tasks)
    qtbot.addWidget(view)
    view.show()
    view.refresh()
    qtbot.waitUntil(lambda: getattr(view, "data", None) is not None and view.pie.count() > 0, timeout=20000)

    # the page speaks Chinese through tr() (English sources, zh_CN catalogue)
    assert view.refresh_button.text() == "刷新" and view.type_chart.title() == "受理纠纷（按类型）"
    assert "咨询（件）" in view.cards["consultations"].text()
    bars = view.type_chart.series()[0]
    assert isinstance(bars, QHorizontalBarSeries)  # names on the left, in full
    names = next(a for a in view.type_chart.axes() if isinstance(a, QBarCategoryAxis))
    assert names.categories() == view.type_keys and all(len(k) >= 2 for k in view.type_keys)
    assert names.labelsFont().pointSizeF() >= app.font().pointSizeF()  # not shrunk to fit

    total = sum(s.value() for s in view.pie.slices())
    for piece in view.pie.slices():
        assert (
            f"{round(100 * piece.value() / total)}%" in piece.label()
            and str(int(piece.value())) in piece.label()
        )

    months = next(a for a in view.trend_chart.axes() if isinstance(a, QCategoryAxis)).categoriesLabels()
    assert months and all(label.endswith("月") for label in months)
    current = china_today()
    if list(view.data.trend)[-1] == current.strftime("%Y-%m"):  # the period ends this month
        assert len(months) == len(view.data.trend) - 1 and "未满" in view.trend_note.text()
    assert view.trend_series[0].count() == len(months)

    header = view.village_table.horizontalHeader()
    assert header.sectionResizeMode(1) == QHeaderView.ResizeMode.ResizeToContents
    assert view.village_table.rowCount() > 0
