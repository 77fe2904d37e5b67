"""Keyboard habits (issue 15 §4): Ctrl+N / Ctrl+F / Ctrl+P / Ctrl+S, dates typed as digits, visible focus."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from advisor_app.services import consultations

CTRL = Qt.KeyboardModifier.ControlModifier


def _activate(window) -> None:
    """Shortcuts act in the active window; the offscreen platform activates none by itself."""
    window.activateWindow()
    QApplication.setActiveWindow(window)


def _window(desk, tasks, qtbot):
    from ui.main_window import MainWindow

    window = MainWindow(desk, tasks)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_ctrl_f_searches_and_ctrl_n_opens_a_new_record_on_the_page_shown(app, desk, tasks, qtbot, answers):
    window = _window(desk, tasks, qtbot)
    page = window.show_page("consultations")
    qtbot.waitUntil(lambda: page.list.count.text() != "" and "…" not in page.list.count.text())
    _activate(window)
    qtbot.keyClick(page.list.view, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is page.list.search
    qtbot.keyClick(page.list.search, Qt.Key.Key_N, CTRL)
    form = page.last_dialog
    assert form is not None and form.isVisible() and form.record_id is None
    _activate(form)
    # Ctrl+S saves the form (the core refuses an empty question beside its field)
    with qtbot.waitSignal(form.refused, timeout=5000):
        qtbot.keyClick(form.fields["person_name"], Qt.Key.Key_S, CTRL)
    assert form.error_text("question").startswith("请填写咨询内容")
    form.fields["question"].insertPlainText("宅基地纠纷")
    with qtbot.waitSignal(form.saved, timeout=5000):
        qtbot.keyClick(form.fields["question"], Qt.Key.Key_S, CTRL)
    assert consultations.count(desk) == 1


def test_ctrl_p_prints_from_a_saved_consultation(app, desk, tasks, qtbot, answers, monkeypatch):
    from ui import hooks
    from ui.consultation_form import ConsultationForm

    record = consultations.create(
        desk, {"region_code": "610502100201", "occurred_at": "2026-11-28 09:00", "question": "借款"}
    )
    printed: list[str] = []
    monkeypatch.setattr(hooks, "print_document", lambda _s, kind, rid: printed.append(rid) or (b"%PDF", "x"))

    class Preview(QDialog):  # the real preview is tested with real PDFs elsewhere
        def __init__(self, _pdf, _title, parent):
            super().__init__(parent)

    monkeypatch.setattr(hooks, "preview_dialog", lambda: Preview)
    form = ConsultationForm(desk, tasks, record.id)
    qtbot.addWidget(form)
    form.show()
    _activate(form)
    qtbot.keyClick(form.fields["question"], Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: printed == [record.id], timeout=5000)


@pytest.mark.parametrize("typed", ["20260301", "2026-3-1", "2026/03/01"])
@pytest.mark.parametrize("optional", [True, False])
def test_dates_typed_as_digits(app, qtbot, typed, optional):
    from ui.widgets import date_edit, get_value

    edit = date_edit(optional=optional)
    qtbot.addWidget(edit)
    edit.show()
    qtbot.mouseClick(edit.lineEdit(), Qt.MouseButton.LeftButton)
    edit.selectAll()
    qtbot.keyClicks(edit, typed)
    assert get_value(edit) == date(2026, 3, 1)  # read before leaving the field: a form saved by Ctrl+S
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert edit.text() == "2026-03-01"


def test_a_time_typed_after_the_date(app, qtbot):
    from ui.widgets import datetime_edit, get_value

    edit = datetime_edit()
    qtbot.addWidget(edit)
    edit.show()
    qtbot.mouseClick(edit.lineEdit(), Qt.MouseButton.LeftButton)
    edit.selectAll()
    qtbot.keyClicks(edit, "2026-3-1 9:30")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert get_value(edit) == datetime(2026, 3, 1, 9, 30)


def test_focus_is_visible_on_every_kind_of_control(app):
    """The style sheet draws a focus frame on buttons (the toggles too), fields and check boxes."""
    sheet = app.styleSheet()
    for selector in (
        "QPushButton:focus",
        'QPushButton[checkable="true"]:focus',
        "QLineEdit:focus",
        "QComboBox:focus",
        "QDateEdit:focus",
        "QCheckBox:focus",
    ):
        assert selector in sheet, selector


def test_a_focused_toggle_button_looks_different(app, qtbot):
    from ui.widgets import ButtonChoice

    choice = ButtonChoice(["实地", "电话"], optional=False)
    qtbot.addWidget(choice)
    choice.show()
    qtbot.waitExposed(choice)
    button = choice.buttons["电话"]
    before = button.grab().toImage()
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(button.hasFocus)
    after = button.grab().toImage()
    assert before != after
