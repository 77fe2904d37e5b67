"""Messages follow the fields (issue 15 §5): a message goes when its field is corrected."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tests.gui.clicks import type_into


def test_the_id_check_digit_message_goes_once_the_id_is_right(app, desk, tasks, qtbot, answers):
    from ui.case.party_dialog import PartyDialog

    dialog = PartyDialog(desk, tasks, "610502100201", "赵调解")
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog.fields["name"], "王秀英")
    type_into(qtbot, dialog.fields["id_number"], "110105194912310021")  # wrong check digit
    with qtbot.waitSignal(dialog.refused, timeout=5000):
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert "校验" in dialog.error_text("id_number") or "身份证号" in dialog.error_text("id_number")
    qtbot.keyClick(dialog.fields["id_number"], Qt.Key.Key_Backspace)
    qtbot.keyClicks(dialog.fields["id_number"], "X")
    assert dialog.values()["gender"] == "女"  # filled from the corrected number
    assert dialog.error_text("id_number") == ""
    assert not dialog.panel.rows["id_number"].error.isVisible()
    QApplication.setActiveWindow(dialog)  # shortcuts act in the active window (offscreen: set by hand)
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        qtbot.keyClick(dialog.fields["name"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def test_a_program_error_never_shows_an_exception_class_name(app, desk, tasks, qtbot, answers):
    from ui.consultation_form import ConsultationForm

    form = ConsultationForm(desk, tasks)
    qtbot.addWidget(form)

    def broken(_data):
        raise KeyError("region_code")

    form.submit = broken
    with qtbot.waitSignal(form.refused, timeout=5000) as refused:
        form.save()
    message = refused.args[0][""]
    assert "KeyError" not in message and "region_code" not in message and message
