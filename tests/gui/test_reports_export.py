"""统计 exports the monthly report and the 工作台账 (.xlsx and PDF) for the period and region on
screen, off the GUI thread, with the same figures as `advisor report ...` on the same store.

The 司法所 of 桥南镇 opens 统计 on its township; the data set also holds a 庄里镇 village, which
neither export may count."""

from __future__ import annotations

import sqlite3
import subprocess
import threading
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from advisor_app.cli.main import main
from advisor_app.services import setup
from tests.reports.reports_dataset import TOWNSHIP, dataset  # noqa: F401 - the fixture

LEFT = Qt.MouseButton.LeftButton


def _cells(path: Path) -> list[list[object]]:
    sheet = load_workbook(path).active
    return [[c.value for c in row] for row in sheet.iter_rows()]


def _pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


@pytest.fixture
def township_office(dataset):  # noqa: F811 - the imported fixture
    setup.configure(dataset, "司法所", TOWNSHIP, user="周所长")
    return dataset


@pytest.mark.parametrize("kind", ["monthly", "ledger"])
@pytest.mark.parametrize("suffix", [".xlsx", ".pdf"])
def test_statistics_exports_what_the_cli_writes(
    app, township_office, tasks, qtbot, tmp_path, monkeypatch, kind, suffix
):
    from advisor_app.reports import forms
    from ui.main_window import MainWindow

    store = township_office
    asked: list[tuple[str, str]] = []
    target = tmp_path / f"gui{suffix}"

    def save_dialog(_parent, caption, start, _filters, *a, **k):
        asked.append((caption, start))
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_dialog)
    threads: list[int] = []
    real_export = forms.export
    monkeypatch.setattr(
        forms, "export", lambda *a, **k: threads.append(threading.get_ident()) or real_export(*a, **k)
    )

    window = MainWindow(store, tasks)
    qtbot.addWidget(window)
    window.show()
    window.show_page("statistics")
    stats = window.pages["statistics"]
    assert stats.region() == TOWNSHIP
    period = stats.period_box.lineEdit()
    period.selectAll()
    qtbot.keyClicks(period, "2026-10")
    qtbot.keyClick(period, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: stats.data is not None and stats.data.figures.period.label == "2026年10月", timeout=30000
    )

    before = tmp_path / "before"
    before.mkdir()
    with sqlite3.connect(store.data_dir / "advisor.db") as src, sqlite3.connect(before / "advisor.db") as dst:
        src.backup(dst)
    button = stats.monthly_button if kind == "monthly" else stats.ledger_button
    qtbot.mouseClick(button, LEFT)
    qtbot.waitUntil(lambda: target.exists() and "已导出" in stats.status.text(), timeout=20000)
    assert str(target) in window.statusBar().currentMessage()  # the status bar says where it went
    assert threads and threads[0] != threading.get_ident()  # written off the GUI thread
    caption, start = asked[0]
    assert Path(start).parent == Path(stats_documents()) and "2026-10" in Path(start).name
    assert "桥南镇" in Path(start).name

    # The CLI on a copy of the store as it was before this export: both are the period's first
    # filing (a second one of the monthly report adds the 更正 table, checked below).
    cli = tmp_path / f"cli{suffix}"
    assert main(["--data-dir", str(before), "report", kind, "--month", "2026-10", "-o", str(cli)]) == 0
    if suffix == ".xlsx":
        gui_cells, cli_cells = _cells(target), _cells(cli)
        assert gui_cells == cli_cells
        flat = [v for row in gui_cells for v in row if v is not None]
        if kind == "monthly":
            accepted = next(row for row in gui_cells if row[0] == "受理数（件）")
            assert accepted[1] == 4  # 桥南镇 in October (庄里镇's case is not counted)
            assert "无更正" not in flat
            qtbot.mouseClick(button, LEFT)  # filed again: the same figures, and no correction
            # (the CLI ran in this process too: its export was the second call)
            qtbot.waitUntil(lambda: len(threads) == 3 and "已导出" in stats.status.text(), timeout=20000)
            again = [v for row in _cells(target) for v in row if v is not None]
            assert "无更正" in again and set(flat) <= set(again)
        else:
            services = [row for row in gui_cells if isinstance(row[0], int)]  # 序号 1, 2, …
            assert len(services) >= 3 and not any("庄里" in str(v) for v in flat)
    else:
        gui_text, cli_text = _pdf_text(target), _pdf_text(cli)
        assert gui_text == cli_text and gui_text.strip()
        assert "2026" in gui_text


def stats_documents() -> str:
    from ui.dashboard import documents_dir

    return str(documents_dir())


def test_export_refuses_a_region_outside_the_scope(app, township_office, tasks, qtbot, tmp_path):
    from ui.dashboard import DashboardView

    view = DashboardView(township_office, tasks=tasks)
    qtbot.addWidget(view)
    view.region_box.addItem("庄里镇", "610528101000")  # not offered; forced to prove the core refuses
    view.region_box.setCurrentIndex(view.region_box.count() - 1)
    # The figures for that region are refused first (the status line says so); only then export,
    # so the two refusals cannot overtake each other on the one status line.
    qtbot.waitUntil(lambda: "不在本机负责的范围内" in view.status.text(), timeout=30000)
    view.export("monthly", tmp_path / "x.xlsx")
    qtbot.waitUntil(lambda: "导出失败" in view.status.text(), timeout=30000)
    assert "不在本机负责的范围内" in view.status.text() and not (tmp_path / "x.xlsx").exists()
