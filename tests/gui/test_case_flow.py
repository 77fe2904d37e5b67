"""A dispute from registration to archive, driven through the case window's real widgets."""

from __future__ import annotations

from datetime import date

from advisor_app.services import cases
from ui import dialogs

ID_NUMBER = "11010519491231002X"  # domain.md §7's valid example: a woman born 1949-12-31


def type_text(widget, text: str) -> None:
    if hasattr(widget, "insertPlainText"):
        widget.insertPlainText(text)
    else:
        widget.insert(text)


def _party(window, qtbot, role: str, name: str, **fields):
    dialog = window.edit_party(None)
    dialog.fields["role"].set_value(role)
    type_text(dialog.fields["name"], name)
    for key, value in fields.items():
        type_text(dialog.fields[key], value)
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save()
    return dialog


def _step(window, qtbot, action):
    failures = []
    window.step_failed.connect(failures.append)
    try:
        with qtbot.waitSignals([window.changed_case], timeout=5000, raising=False) as blocker:
            action()
            qtbot.waitUntil(lambda: bool(failures) or blocker.signal_triggered, timeout=5000)
    finally:
        window.step_failed.disconnect(failures.append)
    assert not failures, failures


def test_case_from_registration_to_archive(app, desk, tasks, qtbot, answers, tmp_path):
    from ui.case.window import CaseWindow

    window = CaseWindow(desk, tasks)
    qtbot.addWidget(window)
    window.show()
    assert not window.tabs.isTabEnabled(1)  # nothing but registration before the case exists

    # 登记: the ID number fills sex and birth date; an empty registration is refused field by field.
    with qtbot.waitSignal(window.step_failed, timeout=5000) as failed:
        window.save_registration()
    assert "summary" in failed.args[0] and "parties" in failed.args[0]
    assert window.reg.error_text("summary").startswith("纠纷简要情况")
    first = _party(window, qtbot, "申请人", "张桂兰", id_number=ID_NUMBER)
    assert first.values()["gender"] == "女" and first.values()["birth_date"] == date(1949, 12, 31)
    _party(window, qtbot, "被申请人", "李建国", phone="13812345678")
    assert window.party_table.rowCount() == 2
    window.reg.set_values({"dispute_type": "邻里"})
    type_text(window.reg.fields["summary"], "两家因院墙滴水发生争执")
    _step(window, qtbot, window.save_registration)
    assert window.case_id and window.tabs.isTabEnabled(5)
    case = cases.get(desk, window.case_id)
    assert case.status == "受理" and case.case_no.startswith("（")
    from ui import clauses

    assert (
        window.terms.suggest.itemText(0) == clauses.suggestions("邻里")[0] != clauses.suggestions("合同")[0]
    )

    # 调解记录 and the rights notice.
    _step(window, qtbot, window.session_buttons[0].click)  # rights notice read and signed
    type_text(window.sess.fields["place"], "村委会调解室")
    type_text(window.sess.fields["result"], "双方同意按界址改建滴水檐")
    _step(window, qtbot, window.add_session)
    assert window.session_list.count() == 1 and window.status == "调解中"

    # 协议: numbered terms, copies default to parties + 1, then signed and read-only.
    window.terms.add_term("李建国于十日内将滴水檐改向自家院内")
    window.terms.add_term(window.terms.suggest.itemText(0))
    assert window.terms.table.rowCount() == 2
    type_text(window.agr.fields["performance"], "十日内自行改建")
    _step(window, qtbot, window.save_agreement)
    agreement = cases.agreements(desk, window.case_id)[0]
    assert agreement.copies == 3 and len(agreement.terms) == 2
    answers["queue"] = [dialogs.YES]
    _step(window, qtbot, window._ask_sign)
    assert window.status == "达成协议" and window.agreement_status == "已签署"
    assert window.agr.fields["facts"].isReadOnly() and not window.save_agreement_button.isEnabled()
    agreement = cases.agreements(desk, window.case_id)[0]
    assert agreement.pdf_sha256  # signed through the printing service: the printed PDF is kept
    window.print_document("agreement")
    qtbot.waitUntil(lambda: getattr(window, "preview", None) is not None, timeout=10000)
    assert "协议书" in window.preview.windowTitle()
    window.preview.close()
    scan = tmp_path / "签署件.jpg"
    scan.write_bytes(b"\xff\xd8\xff scanned agreement")
    _step(window, qtbot, lambda: window.attach_scan(scan))

    # 回访, 司法确认 (inside the 30 days).
    window.visit.set_values({"performed": "已履行", "satisfied": True})
    _step(window, qtbot, window.record_visit)
    assert window.status == "回访"
    assert "30" in window.window_label.text()
    type_text(window.conf.fields["court"], "临渭区人民法院")
    _step(window, qtbot, window.apply_confirmation)
    assert window.confirm_list.count() == 1

    # 结案 with a rating; archiving needs the required documents: the checklist shows what is missing.
    rating = window.close_case()
    rating.fields["grade"].set_value("非常满意")
    with qtbot.waitSignal(rating.saved, timeout=5000):
        rating.save()
    qtbot.waitUntil(lambda: window.archive_button.isEnabled())
    items = [window.checklist.item(i).text() for i in range(window.checklist.count())]
    assert any(text.startswith("✗") and "身份证明" in text for text in items)
    with qtbot.waitSignal(window.step_failed, timeout=5000) as failed:
        window.archive()
    assert "身份证明" in failed.args[0][""]
    proof = tmp_path / "身份证复印件.jpg"
    proof.write_bytes(b"\xff\xd8\xff id copy")
    _step(window, qtbot, lambda: window.attach_document(proof, "身份证明"))
    _step(window, qtbot, window.archive)
    assert cases.get(desk, window.case_id).status == "归档"
    assert window.header.text().count("归档") == 1
    assert not window.save_reg_button.isEnabled()


def test_party_offers_people_already_in_the_store_and_flags_recusal(app, desk, tasks, qtbot, answers):
    from ui.case.window import CaseWindow

    window = CaseWindow(desk, tasks)
    qtbot.addWidget(window)
    window.show()
    _party(window, qtbot, "申请人", "张桂兰", id_number=ID_NUMBER)
    _party(window, qtbot, "被申请人", "李建国", phone="13812345678")
    window.reg.set_values({"dispute_type": "邻里", "mediator": "章桂岚"})
    type_text(window.reg.fields["summary"], "宅基地纠纷")
    _step(window, qtbot, window.save_registration)

    second = CaseWindow(desk, tasks)
    qtbot.addWidget(second)
    second.show()
    second.reg.set_values({"mediator": "张桂兰"})
    dialog = second.edit_party(None)
    type_text(dialog.fields["id_number"], ID_NUMBER)
    type_text(dialog.fields["name"], "张桂兰")
    dialog.look_up()
    qtbot.waitUntil(lambda: dialog.similar.isVisible(), timeout=5000)
    assert any(m.reason == "身份证号相同" for m in dialog.similar.matches)
    labels = [w.text() for w in dialog.similar.findChildren(type(second.header))]
    assert any("回避" in text for text in labels)
