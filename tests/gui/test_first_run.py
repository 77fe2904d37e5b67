"""First run from an empty install, for each role, and the villages after it: typed, pasted,
imported from a hand-made CSV; added with Enter in 设置, renamed, retired — seen at once by an open
consultation form. Driven through the widgets (mouse clicks and key presses), not slots."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QInputDialog

from advisor_app.services import regions, setup
from tests.conftest import TOWNSHIP

LEFT = Qt.MouseButton.LeftButton


def ime(widget, text: str) -> None:
    """Type Chinese as an input method commits it (QTest.keyClicks knows only ASCII keys)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def type_in(qtbot, widget, text: str) -> None:
    """Chinese through the input method, digits, spaces and tabs as key presses."""
    for chunk in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if chunk.isascii():
            qtbot.keyClicks(widget, chunk)
        else:
            ime(widget, chunk)


def pick_role(qtbot, dialog, role: str) -> None:
    """Click the radio's circle (a click past its short label is no click on a QRadioButton)."""
    button = dialog.fields["role"].buttons[role]
    qtbot.mouseClick(button, LEFT, pos=QPoint(8, button.height() // 2))
    assert button.isChecked()
    assert not dialog.error_text("role")  # the “请选择身份” line goes once answered


def _save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), LEFT)


def _combo_names(combo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def _click_item(qtbot, widget, text: str) -> None:
    item = next(widget.item(i) for i in range(widget.count()) if widget.item(i).text().startswith(text))
    qtbot.mouseClick(widget.viewport(), LEFT, pos=widget.visualItemRect(item).center())
    assert widget.currentItem() is item


# the 县司法局 picks a county and types no villages: tests/gui/test_county_first_run.py
@pytest.mark.parametrize("role", [r for r in setup.ROLES if r != "县司法局"])
def test_first_run_from_an_empty_install(app, store, tasks, qtbot, answers, role):
    from ui.first_run import FirstRunDialog

    dialog = FirstRunDialog(store, tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not regions.all_villages(store)  # a fresh install knows no village
    assert "设置" in dialog.village_note.text()  # and says where they can be added later
    with qtbot.waitSignal(dialog.refused, timeout=10000):
        _save(qtbot, dialog)
    assert dialog.error_text("role").startswith("身份：请选择身份")
    assert "不在可选范围内" not in dialog.error_text("role")

    pick_role(qtbot, dialog, role)
    assert dialog.fields["region_code"].currentData() == TOWNSHIP  # 桥南镇 comes first
    lines = dialog.village_lines.text
    type_in(qtbot, lines, "桥南村")
    qtbot.keyClick(lines, Qt.Key.Key_Return)
    type_in(qtbot, lines, "王家村 610502100202")
    type_in(qtbot, dialog.fields["user"], "孙明")
    with qtbot.waitSignals([dialog.saved], timeout=10000, raising=False) as blocker:
        _save(qtbot, dialog)
    assert blocker.signal_triggered, {k: dialog.error_text(k) for k in dialog.fields}
    assert setup.role(store) == role and setup.home_region(store) == TOWNSHIP
    villages = {v.name: v.code for v in setup.villages(store)}
    assert set(villages) == {"桥南村", "王家村"} and villages["王家村"] == "610502100202"
    served = set(setup.served_villages(store))
    assert served == (set() if role == "司法所" else set(villages.values()))


def test_first_run_villages_pasted_and_imported_from_a_gbk_csv(
    app, store, tasks, qtbot, answers, tmp_path, monkeypatch
):
    from ui.first_run import FirstRunDialog

    csv_path = tmp_path / "村名单.csv"
    csv_path.write_bytes(
        " 村名 ， 区划代码\r\n东 坡 村，６１０５０２１００２０６\r\n西沟村 ,\r\n".encode("gbk")
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(csv_path), ""))
    dialog = FirstRunDialog(store, tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    pick_role(qtbot, dialog, "司法所")
    QGuiApplication.clipboard().setText("李家村\n张家村\t610502100205\n")
    lines = dialog.village_lines.text
    lines.setFocus()
    qtbot.keyClick(lines, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert "张家村" in lines.toPlainText()
    qtbot.mouseClick(dialog.village_lines.import_button, LEFT)
    assert "读入 2 个村" in dialog.village_lines.note.text()
    with qtbot.waitSignal(dialog.saved, timeout=10000):
        _save(qtbot, dialog)
    villages = {v.name: v.code for v in setup.villages(store)}
    assert set(villages) == {"李家村", "张家村", "东坡村", "西沟村"}
    assert villages["张家村"] == "610502100205" and villages["东坡村"] == "610502100206"


def test_a_bad_line_is_named_and_the_good_ones_kept(app, store, tasks, qtbot, answers):
    from ui.first_run import FirstRunDialog

    dialog = FirstRunDialog(store, tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    pick_role(qtbot, dialog, "人民调解员")
    type_in(qtbot, dialog.village_lines.text, "外乡村 610528101201")
    qtbot.keyClick(dialog.village_lines.text, Qt.Key.Key_Return)
    type_in(qtbot, dialog.village_lines.text, "桥南村")
    with qtbot.waitSignal(dialog.refused, timeout=10000):
        _save(qtbot, dialog)
    assert "第 1 行" in dialog.error_text("villages") and "不在本乡镇" in dialog.error_text("villages")
    assert [v.name for v in setup.villages(store)] == ["桥南村"]


def test_villages_in_settings_reach_an_open_form_at_once(app, desk, tasks, qtbot, answers, monkeypatch):
    from ui.consultation_form import ConsultationForm
    from ui.settings_page import SettingsPage

    form = ConsultationForm(desk, tasks)
    qtbot.addWidget(form)
    form.show()
    combo = form.fields["region_code"]
    assert _combo_names(combo) == ["桥南村", "王家村"]
    from ui.pages import ConsultationsPage

    consultations_page = ConsultationsPage(desk, tasks)  # its village filter follows too
    qtbot.addWidget(consultations_page)
    page = SettingsPage(desk, tasks)
    qtbot.addWidget(page)
    page.show()
    editor = page.villages

    type_in(qtbot, editor.new_village, "新庄村")
    qtbot.keyClick(editor.new_village, Qt.Key.Key_Return)  # Enter adds
    qtbot.waitUntil(lambda: "新庄村" in _combo_names(combo), timeout=10000)
    assert editor.new_village.text() == ""
    qtbot.waitUntil(lambda: "新庄村" in _combo_names(consultations_page.list.village), timeout=10000)

    QGuiApplication.clipboard().setText("东坡村\n西沟村\n")
    editor.new_village.setFocus()
    qtbot.keyClick(editor.new_village, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: {"东坡村", "西沟村"} <= set(_combo_names(combo)), timeout=10000)

    _click_item(qtbot, editor.list, "新庄村")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("新庄新村", True))
    qtbot.mouseClick(editor.rename_button, LEFT)
    qtbot.waitUntil(lambda: "新庄新村" in _combo_names(combo), timeout=10000)
    assert "新庄村" not in _combo_names(combo)

    _click_item(qtbot, editor.list, "西沟村")
    qtbot.mouseClick(editor.retire_button, LEFT)
    qtbot.waitUntil(lambda: "西沟村" not in _combo_names(combo), timeout=10000)
    assert "西沟村" not in _combo_names(consultations_page.list.village)
    assert any("西沟村（已撤并）" in editor.list.item(i).text() for i in range(editor.list.count()))

    type_in(qtbot, editor.new_village, "外乡村 610528101201")
    qtbot.keyClick(editor.new_village, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "不在本乡镇" in editor.error.text(), timeout=10000)


def test_an_empty_village_list_says_where_to_add_one(app, store, tasks, qtbot, answers):
    from ui.consultation_form import ConsultationForm

    setup.configure(store, "司法所", TOWNSHIP, user="周所长")
    form = ConsultationForm(store, tasks)
    qtbot.addWidget(form)
    form.show()
    combo = form.fields["region_code"]
    assert combo.count() == 0 and "设置" in combo.placeholderText()
    type_in(qtbot, form.fields["person_name"], "李老汉")
    type_in(qtbot, form.fields["question"], "宅基地")
    with qtbot.waitSignal(form.refused, timeout=10000):
        _save(qtbot, form)
    message = form.error_text("region_code")
    assert message.startswith("请选择所在村") and "设置" in message

    setup.add_village(store, TOWNSHIP, "桥南村")  # e.g. added in 设置 meanwhile
    qtbot.waitUntil(lambda: combo.count() == 1, timeout=10000)
    assert combo.currentText() == "桥南村"


def test_an_adviser_ticks_their_villages_in_settings(app, desk, tasks, qtbot, answers):
    from ui.consultation_form import ConsultationForm
    from ui.settings_page import SettingsPage

    setup.configure(desk, "村法律顾问", TOWNSHIP, user="孙律师")
    setup.set_served_villages(desk, ["610502100201"])
    form = ConsultationForm(desk, tasks)
    qtbot.addWidget(form)
    form.show()
    combo = form.fields["region_code"]
    assert _combo_names(combo) == ["桥南村"]
    page = SettingsPage(desk, tasks)
    qtbot.addWidget(page)
    page.show()
    assert "村法律顾问：桥南村" in page.scope_label.text()
    listing = page.villages.list
    item = next(
        listing.item(i) for i in range(listing.count()) if listing.item(i).text().startswith("王家村")
    )
    assert item.checkState() == Qt.CheckState.Unchecked
    rect = listing.visualItemRect(item)
    qtbot.mouseClick(listing.viewport(), LEFT, pos=QPoint(rect.left() + 10, rect.center().y()))  # the box
    qtbot.waitUntil(lambda: _combo_names(combo) == ["桥南村", "王家村"], timeout=10000)
    assert set(setup.served_villages(desk)) == {"610502100201", "610502100202"}
    qtbot.waitUntil(lambda: "桥南村、王家村" in page.scope_label.text(), timeout=10000)


def test_settings_imports_a_csv_with_bom(app, desk, tasks, qtbot, answers, tmp_path, monkeypatch):
    from ui.settings_page import SettingsPage

    path = tmp_path / "村.csv"
    path.write_bytes(
        "区划代码,村名\n６１０５０２１００２１１, 北 岭 村 \n610502100212,南塬村\n".encode("utf-8-sig")
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    page = SettingsPage(desk, tasks)
    qtbot.addWidget(page)
    page.show()
    qtbot.mouseClick(page.villages.import_button, LEFT)
    qtbot.waitUntil(lambda: page.villages.list.count() == 4, timeout=10000)
    villages = {v.code: v.name for v in setup.villages(desk)}
    assert villages["610502100211"] == "北岭村" and villages["610502100212"] == "南塬村"
