"""Consultation form, validation messages, unsaved-changes prompt and draft recovery (real widgets)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from advisor_app.services import consultations
from ui import dialogs

VILLAGE = "610502100201"


def type_text(widget, text: str) -> None:
    """Type Chinese as an input method would (QTest.keyClicks only knows ASCII keys)."""
    if hasattr(widget, "insertPlainText"):
        widget.insertPlainText(text)
    else:
        widget.insert(text)


def _page(desk, tasks, qtbot):
    from ui.pages import ConsultationsPage

    page = ConsultationsPage(desk, tasks)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.list.count.text() != "" and "…" not in page.list.count.text())
    return page


def test_log_a_consultation_and_close_it_with_a_rating(app, desk, tasks, qtbot, answers):
    page = _page(desk, tasks, qtbot)
    qtbot.mouseClick(page.list.new_button, Qt.MouseButton.LeftButton)
    form = page.last_dialog
    assert form.isVisible()
    type_text(form.fields["person_name"], "王大妈")
    form.fields["tags"].boxes["老年人"].setChecked(True)
    form.set_values({"subcategory": "婚姻家庭"})
    type_text(form.fields["question"], "儿子不给赡养费怎么办")
    type_text(form.fields["answer"], "可以请求给付赡养费，可申请法律援助")
    qtbot.mouseClick(form.fields["referral"].buttons["法律援助"], Qt.MouseButton.LeftButton)
    assert form.aid_hint.isVisible()
    assert "第三十一条" in form.aid_hint.text() and "第四十二条" in form.aid_hint.text()
    with qtbot.waitSignal(form.saved, timeout=5000):
        QTest.keyClick(form.fields["person_name"], Qt.Key.Key_Return)  # Enter saves
    qtbot.waitUntil(lambda: page.list.model.rowCount() == 1)
    record = consultations.get(desk, page.list.model.record_id(0))
    assert record.person_name == "王大妈" and record.referral == "法律援助"
    assert record.tags == ["老年人"] and record.region_code == VILLAGE and record.adviser == "赵调解"

    # Open it again with Enter in the list, then save and close with a rating.
    page.list.view.setFocus()
    page.list.view.selectRow(0)
    QTest.keyClick(page.list.view, Qt.Key.Key_Return)
    form = page.last_dialog
    assert form.record_id == record.id and form.fields["question"].toPlainText() == "儿子不给赡养费怎么办"
    qtbot.mouseClick(form.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(form, "rating_dialog", None) is not None)
    rating = form.rating_dialog
    with qtbot.waitSignal(rating.refused, timeout=5000):
        rating.save()  # neither a grade nor a reason: the core refuses
    assert "满意度" in rating.error_text("grade")
    qtbot.mouseClick(rating.fields["grade"].buttons["满意"], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(rating.saved, timeout=5000):
        rating.save()
    assert consultations.get(desk, record.id).status == "已办结"


def test_validation_messages_beside_the_fields(app, desk, tasks, qtbot, answers):
    from ui.consultation_form import ConsultationForm

    form = ConsultationForm(desk, tasks)
    qtbot.addWidget(form)
    form.show()
    with qtbot.waitSignal(form.refused, timeout=5000) as refused:
        form.save()
    assert "question" in refused.args[0]
    assert form.error_text("question").startswith("请填写咨询内容")
    assert form.panel.rows["question"].error.isVisible()
    assert form.error_text("person_name") == ""
    assert form.isVisible()
    type_text(form.fields["question"], "土地承包问题")
    with qtbot.waitSignal(form.saved, timeout=5000):
        form.save()
    assert consultations.count(desk) == 1


def test_unsaved_changes_prompt(app, desk, tasks, qtbot, answers):
    from ui.consultation_form import ConsultationForm

    form = ConsultationForm(desk, tasks)
    qtbot.addWidget(form)
    form.show()
    form.reject()  # nothing typed: closes without a question
    assert answers["asked"] == [] and not form.isVisible()

    form = ConsultationForm(desk, tasks)
    qtbot.addWidget(form)
    form.show()
    type_text(form.fields["question"], "半截话")
    answers["queue"] = [dialogs.CANCEL]
    QTest.keyClick(form, Qt.Key.Key_Escape)
    assert len(answers["asked"]) == 1 and form.isVisible()
    answers["queue"] = [dialogs.DISCARD]
    QTest.keyClick(form, Qt.Key.Key_Escape)
    assert not form.isVisible()
    assert consultations.count(desk) == 0
    assert form.drafts.load("consultation-new") is None


def test_draft_recovered_after_a_crash(app, desk, tasks, qtbot, answers):
    from ui.consultation_form import ConsultationForm

    form = ConsultationForm(desk, tasks)
    qtbot.addWidget(form)
    form.show()
    type_text(form.fields["person_name"], "李老汉")
    type_text(form.fields["question"], "宅基地被邻居占了一米")
    qtbot.mouseClick(form.fields["referral"].buttons["调解"], Qt.MouseButton.LeftButton)
    # The draft timer writes within a few seconds; no save, no close: the process "dies" here.
    qtbot.waitUntil(lambda: form.drafts.load("consultation-new") is not None, timeout=5000)
    form._draft_timer.stop()
    form.mark_clean()
    form.hide()

    answers["queue"] = [dialogs.YES]
    again = ConsultationForm(desk, tasks)
    qtbot.addWidget(again)
    again.show()
    assert again.offer_draft()
    assert "draft" in answers["asked"][-1][0].lower() or "草稿" in answers["asked"][-1][0]
    assert again.fields["person_name"].text() == "李老汉"
    assert again.fields["question"].toPlainText() == "宅基地被邻居占了一米"
    assert again.fields["referral"].value() == "调解"
    with qtbot.waitSignal(again.saved, timeout=5000):
        again.save()
    assert again.drafts.load("consultation-new") is None
    assert consultations.count(desk) == 1


def test_list_search_and_filters(app, desk, tasks, qtbot, answers, monkeypatch):
    import ui.list_page

    monkeypatch.setattr(ui.list_page, "FIRST_PAGE", 10)  # first page, then the full list appended
    for n in range(30):
        consultations.create(
            desk,
            {
                "region_code": VILLAGE if n % 2 else "610502100202",
                "person_name": f"人{n}",
                "occurred_at": datetime(2026, 3, 1 + n % 28, 10),
                "subcategory": "劳动报酬" if n % 5 == 0 else "邻里",
                "question": "老板拖欠工资三个月" if n % 5 == 0 else "邻居排水纠纷",
            },
        )
    from ui.pages import ConsultationsPage

    page = ConsultationsPage(desk, tasks)
    qtbot.addWidget(page)
    seen = []
    page.list.first_page.connect(lambda n: seen.append(("first", n)))
    page.list.loaded.connect(lambda n: seen.append(("all", n)))
    with qtbot.waitSignal(page.list.loaded, timeout=5000):
        page.list.reload()
    assert seen[-2:] == [("first", 10), ("all", 30)]
    assert page.list.model.rowCount() == 30
    with qtbot.waitSignal(page.list.loaded, timeout=5000) as loaded:
        type_text(page.list.search, "拖欠工资")  # debounced: one query after typing stops
    assert loaded.args == [6]
    assert all("拖欠工资" in page.list.model.data(page.list.model.index(r, 5)) for r in range(6))
    with qtbot.waitSignal(page.list.loaded, timeout=5000) as loaded:
        page.list.village.setCurrentIndex(page.list.village.findData(VILLAGE))
    assert loaded.args == [sum(1 for n in range(30) if n % 5 == 0 and n % 2)]
    with qtbot.waitSignal(page.list.loaded, timeout=5000):
        page.list.search.clear()
    with qtbot.waitSignal(page.list.loaded, timeout=5000) as loaded:
        page.list.type.setCurrentIndex(page.list.type.findData("邻里"))
    assert loaded.args == [sum(1 for n in range(30) if n % 5 and n % 2)]
    # Sorting by a column asks the core again; the first row is the earliest when ascending.
    with qtbot.waitSignal(page.list.loaded, timeout=5000):
        page.list.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    first = page.list.model.data(page.list.model.index(0, 0))
    last = page.list.model.data(page.list.model.index(page.list.model.rowCount() - 1, 0))
    assert first <= last
    assert page.list.model.fetches >= 1
