"""申诉 from the 工作台: the village files one for a rating it thinks mistaken; only a 司法所 decides;
upheld (撤销), the rating leaves the 差评回访 list and counts in no figure."""

from __future__ import annotations

from PySide6.QtCore import Qt

from advisor_app.domain.clock import china_today
from advisor_app.domain.models import Rating
from advisor_app.reports import rating_board
from advisor_app.reports.scope import month
from advisor_app.services import ratings, setup
from tests.gui.clicks import type_keys
from tests.gui.rating_fixtures import PROBLEMS, VILLAGE, two_ratings


def _page(store, tasks, qtbot):
    from ui.workbench import WorkbenchPage

    page = WorkbenchPage(store, tasks)
    qtbot.addWidget(page)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: bool(page.follow_ups), timeout=10000)
    return page


def _select_first(page, qtbot) -> None:
    widget = page.follow_up_list
    rect = widget.visualItemRect(widget.item(0))
    qtbot.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _board(store):
    today = china_today()
    with store.session() as s:
        return rating_board.total(rating_board.board(s, "610502100", month(today.year, today.month)))


def test_village_appeals_and_the_township_revokes(app, seeded, tasks, qtbot):
    _good, bad_id = two_ratings(seeded)
    setup.configure(seeded, "村法律顾问", VILLAGE, user="孙律师")
    before = _board(seeded)
    assert (before.rated, before.bad, before.satisfaction) == (2, 1, 50.0)

    page = _page(seeded, tasks, qtbot)
    text = page.follow_up_list.item(0).text()
    assert "当事人扫码" in text and PROBLEMS in text
    assert page.appeal_button.isVisible() and not page.decide_button.isVisible()
    assert not page.appeal_button.isEnabled()
    _select_first(page, qtbot)
    assert page.appeal_button.isEnabled()
    qtbot.mouseClick(page.appeal_button, Qt.MouseButton.LeftButton)
    dialog = page.appeal_dialog
    assert dialog is not None and dialog.isVisible() and dialog.windowTitle() == "申诉"

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # no reason: named, stays open
    qtbot.waitUntil(lambda: "申诉理由" in dialog.error.text(), timeout=5000)
    assert dialog.isVisible()
    type_keys(qtbot, dialog.reason, "当事人当天未到场，评价系误扫")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: "申诉中" in page.follow_up_list.item(0).text(), timeout=5000)
    with seeded.session() as s:
        rating = s.get(Rating, bad_id)
        assert (rating.appeal_status, rating.appeal_reason, rating.appeal_filed_on) == (
            "申诉中",
            "当事人当天未到场，评价系误扫",
            china_today(),
        )
    _select_first(page, qtbot)
    assert not page.appeal_button.isEnabled()  # filed once; the township decides
    page.close()

    # the 司法所 of 桥南镇 decides: 撤销 (申诉成立)
    setup.configure(seeded, "司法所", "610502100000", user="钱所长")
    page = _page(seeded, tasks, qtbot)
    assert page.decide_button.isVisible() and not page.appeal_button.isVisible()
    _select_first(page, qtbot)
    assert page.decide_button.isEnabled()
    qtbot.mouseClick(page.decide_button, Qt.MouseButton.LeftButton)
    dialog = page.appeal_dialog
    qtbot.waitUntil(lambda: dialog.village_reason.text() == "当事人当天未到场，评价系误扫", timeout=5000)
    qtbot.mouseClick(dialog.revoke, Qt.MouseButton.LeftButton)
    type_keys(qtbot, dialog.by, "钱所长")
    type_keys(qtbot, dialog.note, "经核实当日无该当事人到场记录")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: not page.follow_ups, timeout=5000)  # upheld: off the 差评回访 list
    with seeded.session() as s:
        rating = s.get(Rating, bad_id)
        assert (rating.appeal_status, rating.appeal_decided_by, rating.appeal_decision) == (
            "申诉成立",
            "钱所长",
            "经核实当日无该当事人到场记录",
        )
    after = _board(seeded)
    assert (after.rated, after.bad, after.satisfaction) == (1, 0, 100.0)


def test_the_township_keeps_a_rating(app, seeded, tasks, qtbot):
    _good, bad_id = two_ratings(seeded)
    ratings.file_appeal(seeded, bad_id, "评价有误")
    setup.configure(seeded, "司法所", "610502100000", user="钱所长")
    page = _page(seeded, tasks, qtbot)
    _select_first(page, qtbot)
    qtbot.mouseClick(page.decide_button, Qt.MouseButton.LeftButton)
    dialog = page.appeal_dialog
    assert dialog.keep.isChecked()  # 维持 unless the township chooses to revoke
    type_keys(qtbot, dialog.by, "钱所长")
    type_keys(qtbot, dialog.note, "回访核实评价属实")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: "申诉不成立" in page.follow_up_list.item(0).text(), timeout=5000)
    with seeded.session() as s:
        assert s.get(Rating, bad_id).appeal_status == "申诉不成立"
    assert (_board(seeded).bad, _board(seeded).satisfaction) == (1, 50.0)
    _select_first(page, qtbot)
    assert not page.decide_button.isEnabled()  # decided


def test_a_village_cannot_decide(app, seeded, tasks, qtbot):
    from ui.workbench import DecideDialog

    _good, bad_id = two_ratings(seeded)
    ratings.file_appeal(seeded, bad_id, "评价有误")
    setup.configure(seeded, "村法律顾问", VILLAGE, user="孙律师")
    page = _page(seeded, tasks, qtbot)
    assert not page.decide_button.isVisible()
    # even a dialog opened some other way is refused by the service
    dialog = DecideDialog(seeded, page.follow_ups[0], page, tasks=tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    type_keys(qtbot, dialog.by, "孙律师")
    type_keys(qtbot, dialog.note, "自己裁定")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "司法所" in dialog.error.text(), timeout=5000)
    with seeded.session() as s:
        assert s.get(Rating, bad_id).appeal_status == "申诉中"
