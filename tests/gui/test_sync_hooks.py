"""The sync client's parts wired into the main window: status bar, automatic sync, list column."""

from __future__ import annotations

from advisor_app.services import consultations

VILLAGE = "610502100201"


def test_lists_show_each_records_sync_state_and_status_bar_has_sync(app, desk, tasks, qtbot):
    from ui.main_window import MainWindow
    from ui.sync_status import SYNC_HEADER, SyncStatusWidget

    consultations.create(
        desk, {"region_code": VILLAGE, "person_name": "刘大爷", "question": "宅基地边界纠纷怎么处理"}
    )
    window = MainWindow(desk, tasks)
    qtbot.addWidget(window)
    window.show()
    assert window.statusBar().findChildren(SyncStatusWidget), "the sync status widget is in the status bar"
    window.show_page("consultations")
    page = window.pages["consultations"]
    model = page.list.model
    from PySide6.QtCore import Qt

    headers = [model.headerData(n, Qt.Orientation.Horizontal) for n in range(model.columnCount())]
    assert headers[-1] == SYNC_HEADER
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=10000)
    last = model.index(0, model.columnCount() - 1)
    qtbot.waitUntil(lambda: bool(model.data(last)), timeout=10000)
    assert model.data(last) in ("保存在本机", "待发送")
    window.close()
