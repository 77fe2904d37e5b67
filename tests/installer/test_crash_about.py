"""The crash handler (report file, dialog, copy) and the About dialog, on real Qt widgets offscreen."""

import sys
import threading

import pytest

# PySide6 is a dependency of the app: its absence is a failure here, not a reason to skip.
from PySide6 import QtWidgets  # noqa: F401

from advisor_app.diagnostics import app_version

ID_NUMBER = "61050219800101123X"
PHONE = "13912345678"


@pytest.fixture
def handler(qapp, tmp_path):
    from ui import crash

    installed = crash.install(tmp_path)
    yield installed
    installed.uninstall()
    if installed.dialog is not None:
        installed.dialog.close()


def _raise_with_personal_data():
    name = "张建国"
    raise ValueError(f"当事人{name} 身份证号 {ID_NUMBER} 电话 {PHONE} 保存失败")


def test_unexpected_error_saves_a_report_without_personal_data_and_shows_it(handler, tmp_path, qtbot):
    try:
        _raise_with_personal_data()
    except ValueError:
        sys.excepthook(*sys.exc_info())
    path = handler.last_path
    assert path is not None and path.parent == tmp_path / "crash-reports"
    report = path.read_text(encoding="utf-8")
    assert app_version() in report and "Python" in report and "Qt" in report
    assert "_raise_with_personal_data" in report and "ValueError" in report, "the traceback is there"
    for secret in ("张建国", ID_NUMBER, PHONE):
        assert secret not in report
    dialog = handler.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.text.toPlainText() == report
    dialog.copy_button.click()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == report


def test_error_in_a_worker_thread_is_reported_on_the_gui_thread(handler, qtbot):
    worker = threading.Thread(target=_raise_with_personal_data, name="导入线程")
    worker.start()
    worker.join()
    assert handler.last_path is not None and "导入线程" not in handler.last_report  # thread name scrubbed too
    qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible(), timeout=3000)


def test_install_replaces_the_hooks_and_uninstall_restores_them(qapp, tmp_path):
    from ui import crash

    before = sys.excepthook, threading.excepthook
    first = crash.install(tmp_path)
    second = crash.install(tmp_path)
    assert sys.excepthook == second.excepthook
    second.uninstall()
    assert sys.excepthook is before[0] and threading.excepthook is before[1]
    assert first is not second


def test_about_shows_version_data_folder_and_licences(qapp, tmp_path, qtbot):
    from ui import i18n
    from ui.about import AboutDialog, app_icon

    qapp._advisor_translators = i18n.install(qapp, "zh_CN")  # the dialog speaks through tr()
    dialog = AboutDialog(tmp_path / "data")
    qtbot.addWidget(dialog)
    dialog.show()
    assert app_version() in dialog.version_label.text()
    assert dialog.data_label.text() == str(tmp_path / "data")
    assert dialog.log_label.text() == str(tmp_path / "data" / "logs")
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert titles[0] == "组件与许可证" and any("UMing" in t for t in titles)
    assert "LGPL" in dialog.tabs.widget(0).toPlainText()
    assert not app_icon().isNull()
    dialog.copy_button.click()
    from PySide6.QtGui import QGuiApplication

    assert QGuiApplication.clipboard().text() == dialog.summary()
