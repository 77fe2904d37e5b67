"""The 同步 page, status bar and 冲突 page with real widgets against a real server (offscreen)."""

from __future__ import annotations

import time

import pytest
from PySide6.QtWidgets import QMainWindow

from sync.client import conflicts
from tests.gui.conftest import app as app_set_up  # noqa: F401 - the real app set-up (translations), as the GUI tests

from .conftest import PASSWORD, V1
from .records import consult, edit, questions

# The labels are asserted in Chinese: the translators must be installed here, not by whichever
# test happened to run before (run alone, this file saw the English source strings).
pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("app_set_up")]


def test_sync_page_syncs_in_the_background_and_shows_the_result(qtbot, server, device):
    from ui.sync_page import SyncPage
    from ui.sync_status import controller_for, install

    a = device("a", server.url, "adv1")
    ids = {consult(a.store, V1, f"问题 {n}") for n in range(4)}
    page = SyncPage(a.store, None)
    qtbot.addWidget(page)
    window = QMainWindow()
    qtbot.addWidget(window)
    controller = install(window, a.store, auto=False)
    assert controller is controller_for(a.store) is page.controller
    status_label = window.statusBar().findChild(object, "syncStatus")
    assert "待发送 4 条" in status_label.text() and "待发送 4 条" in page.status.text()
    started = time.perf_counter()
    with qtbot.waitSignal(controller.finished, timeout=20000):
        page.sync_button.click()
        assert time.perf_counter() - started < 0.2  # the click returned: the network is on another thread
        assert page.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: "发送 4 条" in page.result.text(), timeout=5000)
    assert "待发送 0 条" in status_label.text()
    assert len(ids) == 4
    controller.shutdown()


def test_login_dialog_reports_errors_in_chinese_and_logs_in(qtbot, server, tmp_path):
    from PySide6.QtWidgets import QApplication

    from advisor_app.store import open_store
    from ui import i18n
    from ui.login_dialog import LoginDialog
    from ui.sync_status import SyncController

    app = QApplication.instance()
    app._advisor_translators = i18n.install(app, "zh_CN")  # the dialog speaks through tr()
    store = open_store(tmp_path / "fresh")
    controller = SyncController(store)
    dialog = LoginDialog(controller)
    qtbot.addWidget(dialog)
    dialog.submit()
    assert "服务器地址" in dialog.error.text() and "密码：请填写密码" in dialog.error.text()
    dialog.server.setText(server.url)
    dialog.user.setText("adv1")
    dialog.password.setText("wrong-password")
    dialog.submit()
    qtbot.waitUntil(lambda: "不正确" in dialog.error.text(), timeout=10000)
    dialog.password.setText(PASSWORD)
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.submit()
    assert dialog.account["username"] == "adv1" and controller.client.username == "adv1"
    controller.shutdown()
    store.engine.dispose()


def test_conflicts_page_field_by_field(qtbot, server, device):
    from ui.conflicts_page import ConflictsPage

    a = device("a", server.url, "adv1")
    b = device("b", server.url, "adv1")
    rid = consult(a.store, V1, "原始问题")
    a.client.sync()
    b.client.sync()
    edit(a.store, rid, answer="甲的答复", outcome="甲的结果")
    edit(b.store, rid, answer="乙的答复", outcome="乙的结果")
    a.client.sync()
    b.client.sync()
    page = ConflictsPage(b.store)
    qtbot.addWidget(page)
    assert page.list.count() == 1
    labels = {page.table.item(r, 0).text() for r in range(page.table.rowCount())}
    assert len(labels) == 2
    # keep my answer, their outcome
    for name, group in page.groups.items():
        wanted = "mine" if name == "answer" else "theirs"
        next(bt for bt in group.buttons() if bt.property("side") == wanted).setChecked(True)
    page.merge.click()
    assert page.list.count() == 0 and conflicts.open_conflicts(b.store) == []
    b.client.sync()
    a.client.sync()
    from advisor_app.domain.models import Consultation

    with a.store.session() as s:
        rec = s.get(Consultation, rid)
        assert (rec.answer, rec.outcome) == ("乙的答复", "甲的结果")
    assert set(questions(a.store)) == {rid}


def test_list_rows_carry_their_sync_state(qtbot, server, device):
    from ui.list_model import RecordTableModel
    from ui.sync_status import SYNC_COLUMN, SYNC_HEADER, with_sync_state

    a = device("a", server.url, "adv1")
    first = consult(a.store, V1, "已发送的问题")
    a.client.sync()
    second = consult(a.store, V1, "待发送的问题")

    def fetch(ids: list[str]) -> dict[str, tuple]:
        got = questions(a.store)
        return {rid: (got[rid],) for rid in ids if rid in got}

    model = RecordTableModel(
        ["question", SYNC_COLUMN], ["问题", SYNC_HEADER], with_sync_state(a.store, "consultations", fetch)
    )
    model.set_ids([first, second])
    assert [model.data(model.index(r, 1)) for r in range(2)] == ["已发送", "待发送"]
    assert model.headerData(1, __import__("PySide6.QtCore").QtCore.Qt.Orientation.Horizontal) == "同步"


def test_quarantined_records_are_listed_with_their_reason(qtbot, server, device):
    from ui.sync_page import SyncPage
    from ui.sync_status import describe

    from .test_contract import _consult_payload, _plant, new_id

    bad = new_id()
    _plant(server.engine, "consultations", bad, _consult_payload(occurred_at="2026-W09-7"))
    _plant(server.engine, "consultations", new_id(), _consult_payload())
    town = device("tw", server.url, "tw1")
    page = SyncPage(town.store, None)
    qtbot.addWidget(page)
    listing = page.quarantine
    assert listing.table.rowCount() == 0 and page.tabs.tabText(2) == "已隔离"
    with qtbot.waitSignal(page.controller.finished, timeout=20000):
        page.sync_button.click()
    qtbot.waitUntil(lambda: "已隔离 1 条" in page.result.text(), timeout=5000)
    qtbot.waitUntil(lambda: listing.table.rowCount() == 1, timeout=5000)
    assert page.tabs.tabText(2) == "已隔离（1）"
    cells = [listing.table.item(0, col).text() for col in range(listing.table.columnCount())]
    assert cells[0] == "法律咨询" and cells[1] == bad[:8] and cells[2] == "1"
    assert "咨询时间" in cells[3] and "YYYY-MM-DD" in cells[3]
    assert "已隔离 1 条" in describe(town.client.status())
    page.controller.shutdown()
