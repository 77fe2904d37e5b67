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


def test_saving_a_pdf_says_where_and_starts_in_the_documents_folder(app, qtbot, tmp_path):
    from tests.gui.test_fit import _pdf
    from ui.print_preview import PrintPreviewDialog, default_path, documents_folder

    title = "人民调解协议书（2026）桥南调字第3号"
    assert default_path(title).parent == documents_folder()
    assert "2026" in default_path(title).name and default_path(title).suffix == ".pdf"
    dialog = PrintPreviewDialog(_pdf(), title)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.open_folder_button.isVisible()
    saved = dialog.save_as(tmp_path / "协议")
    assert saved == tmp_path / "协议.pdf" and saved.read_bytes().startswith(b"%PDF")
    assert str(saved) in dialog.done_label.text() and "已保存" in dialog.done_label.text()
    assert dialog.open_folder_button.isVisible() and dialog.open_folder_button.text() == "打开文件夹"


def test_the_rights_notice_says_it_was_recorded(app, desk, tasks, qtbot, answers):
    from advisor_app.services import cases
    from tests.core.test_cases import register
    from tests.gui.clicks import choose_tab, click
    from ui.case.window import CaseWindow

    case = register(desk)
    window = CaseWindow(desk, tasks, case.id)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.status is not None, timeout=5000)
    choose_tab(qtbot, window.tabs, "调解记录")
    with qtbot.waitSignal(window.changed_case, timeout=5000):
        click(qtbot, window, "已告知权利义务并签字")
    assert "已告知权利义务并签字" in window.message.text() and "已登记" in window.message.text()
    assert cases.get(desk, case.id).notice_given_on is not None


def test_a_sync_error_is_said_in_words_not_by_its_class_name(app):
    import requests

    from ui.sync_status import _message

    for exc in (requests.ConnectionError("refused"), KeyError("rev"), RuntimeError("boom")):
        text = _message(exc)
        assert type(exc).__name__ not in text and "Error" not in text and "同步" in text, text
    assert "网络" in _message(requests.ConnectionError("refused"))


def test_a_list_export_starts_in_the_documents_folder_named_with_kind_and_date(
    app, desk, tasks, qtbot, monkeypatch
):
    from PySide6.QtWidgets import QFileDialog

    from advisor_app.domain.clock import china_today
    from ui.pages import ConsultationsPage
    from ui.print_preview import documents_folder

    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(a) or ("", ""))
    page = ConsultationsPage(desk, tasks)
    qtbot.addWidget(page)
    qtbot.mouseClick(page.list.export_button, Qt.MouseButton.LeftButton)
    start = asked[0][2]
    assert start == str(documents_folder() / f"法律咨询-{china_today():%Y%m%d}.xlsx")


def test_choosing_a_known_person_fills_the_phone_and_saving_keeps_the_link(app, desk, tasks, qtbot, answers):
    from advisor_app.services import consultations, people
    from ui.consultation_form import ConsultationForm

    first = consultations.create(
        desk,
        {
            "region_code": "610502100201",
            "occurred_at": "2026-11-28 09:00",
            "question": "借款",
            "person_name": "王秀英",
            "phone": "13800138000",
        },
    )
    form = ConsultationForm(desk, tasks)
    qtbot.addWidget(form)
    form.show()
    form._use_person(people.Match("person", first.person_id, "王秀英", "同村同音"))
    assert form.fields["phone"].text() == "13800138000"
    form.fields["question"].insertPlainText("又来咨询")
    with qtbot.waitSignal(form.saved, timeout=5000) as saved:
        form.save()
    assert saved.args[0].person_id == first.person_id
