"""工作台 差评回访: the list of bad ratings to call back and the 登记回访 dialog, driven by clicks."""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import Qt
from sqlalchemy import select

from advisor_app.domain.models import Rating
from advisor_app.services import consultations, ratings
from tests.gui.clicks import type_keys

VILLAGE = "610502100201"


def _bad(store, day: date, question: str) -> str:
    record = consultations.create(
        store,
        {
            "region_code": VILLAGE,
            "occurred_at": datetime.combine(day, datetime.min.time()),
            "question": question,
        },
    )
    consultations.close(store, record.id, grade="非常不满意", comment="态度不好")
    with store.session() as session:
        rating = session.scalars(select(Rating).where(Rating.target_id == record.id)).one()
        rating.rated_on = day
        rating.follow_up_due = ratings.add_working_days(day, ratings.FOLLOW_UP_WORKING_DAYS)
        return rating.id


def test_follow_up_recorded_from_the_workbench(qtbot, seeded):
    from PySide6.QtWidgets import QApplication

    from ui import i18n
    from ui.tasks import TaskManager
    from ui.workbench import WorkbenchPage

    app = QApplication.instance()
    app._advisor_translators = i18n.install(app, "zh_CN")  # the page speaks through tr()

    first = _bad(seeded, date(2026, 10, 5), "拖欠工资")
    _bad(seeded, date(2026, 11, 20), "邻里占地")
    tasks = TaskManager()
    try:
        page = WorkbenchPage(seeded, tasks)
        qtbot.addWidget(page)
        page.show()
        page.reload()
        qtbot.waitUntil(lambda: len(page.follow_ups) == 2, timeout=5000)
        assert page.follow_up_box.title() == "差评回访（2）"
        widget = page.follow_up_list
        assert "超期" in widget.item(0).text() and "拖欠工资" in widget.item(0).text()
        assert not page.follow_up_button.isEnabled()

        rect = widget.visualItemRect(widget.item(0))
        qtbot.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        assert page.follow_up_button.isEnabled()
        qtbot.mouseClick(page.follow_up_button, Qt.MouseButton.LeftButton)
        dialog = page.follow_up_dialog
        assert dialog is not None and dialog.isVisible() and dialog.item.id == first

        # nothing typed: the dialog names the missing fields and stays open
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "处理措施" in dialog.error.text(), timeout=5000)
        assert "回访人" in dialog.error.text() and dialog.isVisible() and dialog.save_button.isEnabled()

        # Chinese as an input method commits it (QTest presses only ASCII keys)
        qtbot.mouseClick(dialog.by, Qt.MouseButton.LeftButton)
        type_keys(qtbot, dialog.by, "王所长")
        type_keys(qtbot, dialog.found, "工资已追回一半")
        type_keys(qtbot, dialog.action, "引导申请法律援助")
        # the date is typed as digits, as in the forms (issue 15 §4)
        qtbot.mouseClick(dialog.on.lineEdit(), Qt.MouseButton.LeftButton)
        dialog.on.selectAll()
        qtbot.keyClicks(dialog.on, "20261130")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
        qtbot.waitUntil(lambda: len(page.follow_ups) == 1, timeout=5000)
        assert page.follow_up_box.title() == "差评回访（1）"
        assert "邻里占地" in widget.item(0).text()

        [done] = [f for f in ratings.follow_ups(seeded, include_done=True) if f.done]
        assert (
            done.id,
            done.followed_up_on,
            done.followed_up_by,
            done.follow_up_note,
            done.follow_up_action,
        ) == (
            first,
            date(2026, 11, 30),
            "王所长",
            "工资已追回一半",
            "引导申请法律援助",
        )
    finally:
        tasks.shutdown()
