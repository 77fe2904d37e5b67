"""Translations: every source string has a Simplified Chinese translation; the app speaks Chinese."""

from __future__ import annotations

import re
import shutil
import subprocess

from ui import i18n


def test_every_source_string_has_a_zh_cn_translation(tmp_path):
    # Extract the strings as the code stands now into a copy of the .ts, so a new tr() not yet
    # translated fails here even if nobody ran `python -m ui.i18n update`.
    copy = tmp_path / "advisor_zh_CN.ts"
    shutil.copy(i18n.ts_path("zh_CN"), copy)
    subprocess.run(
        [i18n._tool("pyside6-lupdate"), *map(str, i18n.sources()), "-no-obsolete", "-ts", str(copy)],
        check=True,
        capture_output=True,
    )
    original = i18n.ts_path
    try:
        i18n.ts_path = lambda language: copy
        missing = i18n.untranslated("zh_CN")
    finally:
        i18n.ts_path = original
    assert missing == [], f"untranslated: {missing}"


def test_app_starts_in_chinese_with_qt_standard_buttons(app, tmp_path):
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QDialogButtonBox

    compiled = i18n.compile_all()
    assert i18n.qm_path("zh_CN") in compiled and i18n.qm_path("zh_CN").stat().st_size > 0
    assert QCoreApplication.translate("MainWindow", "Legal consultations") == "法律咨询"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"


def test_the_widget_file_dialog_speaks_chinese(app):
    """Qt's catalogue lacks the mnemonic spellings (“&Look in:”): ui.i18n supplies them from the plain ones."""
    from PySide6.QtWidgets import QFileDialog, QLabel

    dialog = QFileDialog(None, "另存为")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    labels = [label.text() for label in dialog.findChildren(QLabel)]
    assert "查找范围(&L)：" in labels and "文件类型(&T)：" in labels, labels
    assert not [text for text in labels if re.search("[A-Za-z]{2,}", text)], labels
