"""The agreement as a mediator handles it, by clicks: draft → 打印 → 登记已签署 → reprint, with a
clause template's blank refused at signing, and the 打印案件文书 menu."""

from __future__ import annotations

import hashlib

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLineEdit

from advisor_app.domain.clock import china_now
from advisor_app.services import cases
from tests.gui.clicks import choose_tab, click, modal, pdf_text, refused, step, type_into, type_keys
from ui import dialogs

FIRST = "李建国于十日内将滴水檐改向自家院内"
FILLED = "李建国于本月底前一次性支付张桂兰修缮费人民币五百元"


@pytest.fixture
def case_window(app, desk, tasks, qtbot):
    from ui.case.window import CaseWindow

    case = cases.register(
        desk,
        {
            "committee_id": desk.committee_id,
            "region_code": "610502100201",
            "dispute_type": "邻里",
            "source": "当事人申请",
            "summary": "两家因院墙滴水发生争执",
            "mediator": "赵调解",
            "parties": [
                {"role": "申请人", "name": "张桂兰", "id_number": "11010519491231002X"},
                {"role": "被申请人", "name": "李建国", "phone": "13812345678"},
            ],
        },
    )
    cases.add_session(desk, case.id, {"held_at": f"{china_now():%Y-%m-%d %H:%M}", "result": "同意改建"})
    window = CaseWindow(desk, tasks, case.id)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=5000):
        window.show()
    qtbot.waitExposed(window)
    choose_tab(qtbot, window.tabs, "调解协议")
    return window


def edit_term(qtbot, window, row: int, text: str) -> None:
    table = window.terms.table
    qtbot.waitUntil(
        lambda: table.viewport().rect().contains(table.visualItemRect(table.item(row, 0)).center())
    )
    rect = table.visualItemRect(table.item(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert table.currentRow() == row
    qtbot.keyClick(table, Qt.Key.Key_F2)  # edit the current cell, as the clerk does
    qtbot.waitUntil(lambda: table.state() == table.State.EditingState, timeout=3000)
    editor = next(w for w in table.viewport().findChildren(QLineEdit) if w.isVisible())
    qtbot.keyClick(editor, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_keys(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.item(row, 0).text() == text, timeout=3000)  # the delegate commits queued


def printed(qtbot, window, action) -> bytes:
    from ui.print_preview import PrintPreviewDialog

    window.preview = None
    action()
    qtbot.waitUntil(lambda: window.preview is not None, timeout=20000)
    preview = modal(qtbot, PrintPreviewDialog)
    pdf = preview.pdf
    preview.close()
    return pdf


def test_draft_print_sign_and_reprint_the_same_version(case_window, desk, qtbot, answers):
    window = case_window
    assert not button_enabled(window, "打印")  # nothing to print before a draft exists
    click(qtbot, window, "添加条款")
    edit_term(qtbot, window, 0, FIRST)
    click(qtbot, window, "插入参考条款")  # the first 邻里 clause: a template with ＿＿ blanks
    assert "＿＿" in window.terms.table.item(1, 0).text()
    type_into(qtbot, window.agr.fields["performance"], "十日内自行改建")

    # 保存协议草稿: no crash, the tab shows the draft at once and 打印 is enabled.
    step(qtbot, window, lambda: click(qtbot, window, "保存协议草稿"))
    assert window.agreement_label.text().startswith("第 1 版：草稿")
    stored = cases.agreements(desk, window.case_id)
    assert [(a.version, a.status, len(a.terms)) for a in stored] == [(1, "草稿", 2)]
    draft_pdf = printed(qtbot, window, lambda: click(qtbot, window, "打印"))
    text = "".join(pdf_text(draft_pdf).split())
    assert "草稿（未签署）" in text and "滴水檐" in text and "变更后" not in text

    # A blank left in a clause: signing is refused, the message under 协议内容 names the clause.
    answers["queue"] = [dialogs.YES]
    messages = refused(qtbot, window, lambda: click(qtbot, window, "登记已签署…"))
    assert "第 2 条" in messages["terms"] and "＿＿" in messages["terms"]
    assert "第 2 条有未填写的空白" in window.agr.error_text("terms")
    assert [a.status for a in cases.agreements(desk, window.case_id)] == ["草稿"]

    # Filled in, signed: the same version 1 (no “变更后第 2 版”), read-only, the case 达成协议.
    edit_term(qtbot, window, 1, FILLED)
    answers["queue"] = [dialogs.YES]
    step(qtbot, window, lambda: click(qtbot, window, "登记已签署…"))
    stored = cases.agreements(desk, window.case_id)
    assert [(a.version, a.status, a.terms) for a in stored] == [(1, "已签署", [FIRST, FILLED])]
    assert window.agreement_label.text().startswith("第 1 版：已签署")
    assert not window.save_agreement_button.isEnabled() and window.agr.fields["facts"].isReadOnly()
    assert "达成协议" in window.header.text()

    # Reprinting gives the very bytes kept at signing.
    signed_pdf = printed(qtbot, window, lambda: click(qtbot, window, "打印"))
    assert hashlib.sha256(signed_pdf).hexdigest() == stored[0].pdf_sha256
    text = "".join(pdf_text(signed_pdf).split())  # lines wrap anywhere in Chinese
    assert "人民调解协议书" in text and "五百元" in text and "草稿" not in text and "变更后" not in text

    # The stored amount altered behind the app's back: the reprint is still the kept copy, and the
    # window says so as the CLI does (issue 13 §5), not silently.
    with desk.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE agreements SET amount_fen = 9200000 WHERE id = ?", (stored[0].id,))
    answers["informed"].clear()
    assert printed(qtbot, window, lambda: click(qtbot, window, "打印")) == signed_pdf
    assert any("数据被改动" in said for _title, said in answers["informed"]), answers["informed"]


def test_print_menu_prints_the_chosen_case_document(case_window, qtbot, answers):
    window = case_window
    menu = window.print_menu_button.menu()

    def choose() -> None:
        action = next(a for a in menu.actions() if a.text() == "受理登记表")
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())

    def open_menu() -> None:
        QTimer.singleShot(300, choose)  # the menu runs its own loop once the button opens it
        click(qtbot, window, "打印案件文书")

    text = pdf_text(printed(qtbot, window, open_menu))
    text = "".join(text.split())
    assert "受理登记表" in text and "张桂兰" in text


def button_enabled(window, text: str) -> bool:
    from tests.gui.clicks import button

    return button(window, text).isEnabled()
