"""设置 → 从 CSV 导入… through the real button, given a PNG: refused in Chinese naming the file,
and not one village added."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from advisor_app.services import setup
from tests.core.test_regions_csv import PNG

LEFT = Qt.MouseButton.LeftButton


def test_settings_refuses_a_png_offered_as_village_list(app, desk, tasks, qtbot, tmp_path, monkeypatch):
    from ui.settings_page import SettingsPage

    path = tmp_path / "合影.png"
    path.write_bytes(PNG)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    before = [(v.code, v.name) for v in setup.villages(desk)]
    page = SettingsPage(desk, tasks)
    qtbot.addWidget(page)
    page.show()
    count = page.villages.list.count()  # the refusal comes before any database task
    qtbot.mouseClick(page.villages.import_button, LEFT)
    qtbot.waitUntil(lambda: "导入失败" in page.villages.error.text(), timeout=10000)
    message = page.villages.error.text()
    assert "合影.png" in message and "PNG 图片" in message and "另存为 CSV" in message
    assert [(v.code, v.name) for v in setup.villages(desk)] == before
    assert page.villages.list.count() == count
