"""A dispute from 受理 to 归档 as a mediator does it: every step by a mouse click on the real button,
every text typed as keys; the stored rows, the header and the 卷宗 checked after each step."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QLineEdit
from sqlalchemy import select

from advisor_app.domain.clock import china_today
from advisor_app.domain.models import Attachment, CaseFileTick
from advisor_app.services import cases
from tests.gui.clicks import button, choose_tab, click, modal, refused, step, type_into, type_keys
from ui import dialogs

ID_NUMBER = "11010519491231002X"  # domain.md §7's valid example: a woman born 1949-12-31


def add_party(qtbot, window, role: str, name: str, **typed: str):
    from ui.case.party_dialog import PartyDialog

    click(qtbot, window, "添加当事人…")
    dialog = modal(qtbot, PartyDialog)
    qtbot.mouseClick(dialog.fields["role"].buttons[role], Qt.MouseButton.LeftButton)
    type_into(qtbot, dialog.fields["name"], name)
    for key, text in typed.items():
        type_into(qtbot, dialog.fields[key], text)
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        qtbot.mouseClick(
            dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )
    return dialog


def header(window) -> str:
    return window.header.text()


def test_case_from_registration_to_archive_by_clicks(app, desk, tasks, qtbot, answers, tmp_path, monkeypatch):
    from ui.case.window import CaseWindow
    from ui.rating_dialog import RatingDialog

    window = CaseWindow(desk, tasks)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert not window.tabs.isTabEnabled(1)  # nothing but registration before the case exists

    # 受理登记: an empty registration is refused field by field.
    messages = refused(qtbot, window, lambda: click(qtbot, window, "保存登记"))
    assert "summary" in messages and "parties" in messages
    assert window.reg.error_text("summary").startswith("请填写纠纷简要情况")
    first = add_party(qtbot, window, "申请人", "张桂兰", id_number=ID_NUMBER)
    assert first.values()["gender"] == "女" and first.values()["birth_date"] == date(1949, 12, 31)
    add_party(qtbot, window, "被申请人", "李建国", phone="13812345678")
    assert window.party_table.rowCount() == 2 and window.party_table.item(1, 4).text() == "138****5678"
    dispute = window.reg.fields["dispute_type"]
    qtbot.mouseClick(window.reg.fields["summary"].viewport(), Qt.MouseButton.LeftButton)
    for _ in range(dispute.findText("邻里") - dispute.currentIndex()):
        qtbot.keyClick(dispute, Qt.Key.Key_Down)  # a closed pick list steps with the arrow keys
    assert dispute.currentText() == "邻里"
    type_into(qtbot, window.reg.fields["summary"], "两家因院墙滴水发生争执")
    step(qtbot, window, lambda: click(qtbot, window, "保存登记"))
    case = cases.get(desk, window.case_id)
    assert case.status == "受理" and case.case_no.startswith("（") and len(case.parties) == 2
    assert "受理" in header(window) and case.case_no in header(window)

    # 调解记录: the rights notice, then a session.
    choose_tab(qtbot, window.tabs, "调解记录")
    step(qtbot, window, lambda: click(qtbot, window, "已告知权利义务并签字"))
    assert cases.get(desk, window.case_id).notice_given_on == china_today()
    type_into(qtbot, window.sess.fields["place"], "村委会调解室")
    type_into(qtbot, window.sess.fields["result"], "双方同意按界址改建滴水檐")
    step(qtbot, window, lambda: click(qtbot, window, "保存本次调解记录"))
    assert window.session_list.count() == 1 and "调解中" in header(window)
    assert [s.place for s in cases.sessions(desk, window.case_id)] == ["村委会调解室"]

    # 调解协议: one term typed, draft saved, signed (the same version).
    choose_tab(qtbot, window.tabs, "调解协议")
    click(qtbot, window, "添加条款")
    table = window.terms.table
    qtbot.mouseDClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualItemRect(table.item(0, 0)).center()
    )
    qtbot.waitUntil(lambda: table.state() == table.State.EditingState, timeout=3000)
    editor = next(w for w in table.viewport().findChildren(QLineEdit) if w.isVisible())
    type_keys(qtbot, editor, "李建国于十日内将滴水檐改向自家院内")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.item(0, 0).text() == "李建国于十日内将滴水檐改向自家院内")  # committed
    type_into(qtbot, window.agr.fields["performance"], "十日内自行改建")
    step(qtbot, window, lambda: click(qtbot, window, "保存协议草稿"))
    assert window.agreement_label.text().startswith("第 1 版：草稿")
    answers["queue"] = [dialogs.YES]
    step(qtbot, window, lambda: click(qtbot, window, "登记已签署…"))
    stored = cases.agreements(desk, window.case_id)
    assert [(a.version, a.status, a.terms) for a in stored] == [
        (1, "已签署", ["李建国于十日内将滴水檐改向自家院内"])
    ]
    assert "达成协议" in header(window) and not window.save_agreement_button.isEnabled()
    scan = tmp_path / "签署件.jpg"
    scan.write_bytes(b"\xff\xd8\xff scanned agreement")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(scan), ""))
    step(qtbot, window, lambda: click(qtbot, window, "上传签署件扫描…"))

    # 回访 moves the case to 回访.
    choose_tab(qtbot, window.tabs, "回访")
    performed = window.visit.fields["performed"]
    performed.setCurrentIndex(performed.findText("已履行"))
    step(qtbot, window, lambda: click(qtbot, window, "保存回访记录"))
    assert "回访" in header(window) and cases.get(desk, window.case_id).status == "回访"

    # 司法确认 inside the 30 days: the application, then the court's decision.
    choose_tab(qtbot, window.tabs, "司法确认")
    assert "30" in window.window_label.text() and not button(window, "法院已确认").isEnabled()
    type_into(qtbot, window.conf.fields["court"], "临渭区人民法院")
    step(qtbot, window, lambda: click(qtbot, window, "登记申请"))
    step(qtbot, window, lambda: click(qtbot, window, "法院已确认"))
    assert [(c.court, c.status) for c in cases.confirmations(desk, window.case_id)] == [
        ("临渭区人民法院", "已确认")
    ]
    assert not button(window, "法院已确认").isEnabled()

    # 评价并结案: the header says closed at once, not still 回访.
    choose_tab(qtbot, window.tabs, "结案归档")
    with qtbot.waitSignal(window.changed_case, timeout=10000):
        click(qtbot, window, "评价并结案…")
        rating = modal(qtbot, RatingDialog)
        qtbot.mouseClick(rating.fields["grade"].buttons["非常满意"], Qt.MouseButton.LeftButton)
        qtbot.mouseClick(
            rating.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
        )
    assert cases.get(desk, window.case_id).closed_on == china_today()
    assert "已结案，待归档" in header(window) and "回访" not in header(window)

    # 归档 names what the file lacks: typed ID numbers are not a copy of the ID card.
    click(qtbot, window, "归档")
    title, text = answers["informed"][-1]
    assert title == "归档" and "当事人身份证明" in text and "封底" in text
    assert "人民调解协议书" not in text  # the signed scan is attached
    assert cases.get(desk, window.case_id).status == "回访"

    # A scan of the ID cards, and the other paper ticked as filed, by the mediator.
    purpose = window.purpose
    purpose.setCurrentIndex(purpose.findText("身份证明"))
    proof = tmp_path / "身份证复印件.jpg"
    proof.write_bytes(b"\xff\xd8\xff id copy")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(proof), ""))
    step(qtbot, window, lambda: click(qtbot, window, "上传材料…"))
    for name in ("人民调解申请书/受理登记表", "当事人权利义务告知书", "调解记录", "封底"):
        row = next(i for i in range(window.checklist.count()) if name in window.checklist.item(i).text())
        rect = window.checklist.visualItemRect(window.checklist.item(row))
        qtbot.mouseClick(window.checklist.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        step(qtbot, window, lambda: click(qtbot, window, "纸质材料已归卷"))
        assert (
            window.checklist.item(row).text().startswith("✓")
            and "纸质材料已归卷（赵调解，" in window.checklist.item(row).text()
        )
    with desk.session() as session:
        ticks = session.scalars(select(CaseFileTick).where(CaseFileTick.case_id == window.case_id)).all()
        assert sorted(t.item for t in ticks) == sorted(
            ["人民调解申请书/受理登记表", "当事人权利义务告知书", "调解记录", "封底"]
        )
        assert {t.ticked_by for t in ticks} == {"赵调解"}
        purposes = session.scalars(
            select(Attachment.purpose).where(Attachment.target_id == window.case_id)
        ).all()
        assert purposes == ["身份证明"]

    # 归档 asks first: 取消 keeps the case open, 是 archives it and the window says so at once.
    answers["queue"] = [dialogs.NO]
    click(qtbot, window, "归档")
    assert answers["asked"][-1][0] == "归档" and cases.get(desk, window.case_id).status == "回访"
    answers["queue"] = [dialogs.YES]
    step(qtbot, window, lambda: click(qtbot, window, "归档"))
    archived = cases.get(desk, window.case_id)
    assert archived.status == "归档" and archived.archived_on == china_today()
    assert header(window).count("归档") == 1 and "待归档" not in header(window)
    assert not window.archive_button.isEnabled() and not window.tick_button.isEnabled()
    assert not button(window, "上传材料…").isEnabled()
    choose_tab(qtbot, window.tabs, "回访")
    assert not button(window, "保存回访记录").isEnabled() and not button(window, "登记履行情况").isEnabled()
    choose_tab(qtbot, window.tabs, "受理登记")
    assert not window.save_reg_button.isEnabled()


def test_party_offers_people_already_in_the_store_and_flags_recusal(app, desk, tasks, qtbot, answers):
    from ui.case.window import CaseWindow

    window = CaseWindow(desk, tasks)
    qtbot.addWidget(window)
    window.show()
    add_party(qtbot, window, "申请人", "张桂兰", id_number=ID_NUMBER)
    add_party(qtbot, window, "被申请人", "李建国", phone="13812345678")
    window.reg.set_values({"dispute_type": "邻里", "mediator": "章桂岚"})
    type_into(qtbot, window.reg.fields["summary"], "宅基地纠纷")
    step(qtbot, window, lambda: click(qtbot, window, "保存登记"))

    second = CaseWindow(desk, tasks)
    qtbot.addWidget(second)
    second.show()
    type_into(qtbot, second.reg.fields["mediator"], "张桂兰", replace=True)
    dialog = second.edit_party(None)
    type_into(qtbot, dialog.fields["id_number"], ID_NUMBER)
    type_into(qtbot, dialog.fields["name"], "张桂兰")
    dialog.look_up()  # what leaving the field does (editingFinished needs keyboard focus, absent offscreen)
    qtbot.waitUntil(lambda: dialog.similar.isVisible(), timeout=5000)
    assert any(m.reason == "身份证号相同" for m in dialog.similar.matches)
    labels = [w.text() for w in dialog.similar.findChildren(type(second.header))]
    assert any("回避" in text for text in labels)
