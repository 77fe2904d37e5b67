"""The 工作台 of a 县司法局 over the demo's county (临渭区: 桥南镇, 阳郭镇, 孝义镇, 下邽镇; 富平县's
townships are the demo's other county and must never show): no 登记咨询 / 登记纠纷 (the county only
reads), and lines of each of its townships — also a case in a village its region table does not list
(the lists take the county's code range, not the villages known here). A 司法所 still has both
buttons and sees its township only. Clicks and keys on the real main window."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import text

from advisor_app.domain.roles import Role
from advisor_app.services import setup, worklist

sys.path.insert(0, str(Path(__file__).parent))
from clickthrough import copy_store  # noqa: E402

LEFT = Qt.MouseButton.LeftButton
COUNTY = "610502000000"
TOWNSHIPS = {"610502100", "610502101", "610502102", "610502103"}  # 临渭区's, by code range
HOME_TOWNSHIP = "610502100000"  # 桥南镇
UNLISTED = "610502101299"  # a village of 阳郭镇 the region table does not list (pulled from the server)
KEY_ROLE = 0x0100  # the case id of a 工作台 line (ui.workbench.KEY_ROLE)


def _open(demo_template, tmp_path, role: Role, region: str, user: str):
    from advisor_app.store import open_store

    target = tmp_path / "desk"
    copy_store(demo_template, target)
    store = open_store(target)
    setup.configure(store, role, region, user=user)
    return store


def _move_an_overdue_case(store) -> str:
    """One overdue case of 阳郭镇 moved to a village not in the region table, as a pull writes what
    another device recorded (foreign keys off: sync.client.pull); its id."""
    from sync.client.pull import remote_connection

    overdue = {i.case_id for i in worklist.today_list(store).overdue_cases}
    with remote_connection(store.engine) as conn:
        ids = conn.execute(
            text("SELECT id FROM cases WHERE deleted = 0 AND region_code LIKE '610502101%' ORDER BY id")
        ).scalars()
        chosen = next(c for c in ids if c in overdue)
        conn.execute(text("UPDATE cases SET region_code = :r WHERE id = :id"), {"r": UNLISTED, "id": chosen})
    return chosen


def _window(store, tasks, qtbot):
    from ui.main_window import MainWindow

    window = MainWindow(store, tasks)
    qtbot.addWidget(window)
    window.show()
    page = window.pages["workbench"]
    qtbot.waitUntil(lambda: page.complete, timeout=20000)
    return window, page


def _lines(page) -> dict[str, str]:
    """case id → line text, over the three case lists the page shows."""
    found = {}
    for _box, widget in (page.visits, page.overdue, page.window):
        for n in range(widget.count()):
            key = widget.item(n).data(KEY_ROLE)
            if key:
                found[key] = widget.item(n).text()
    return found


def _regions(store, ids) -> dict[str, str]:
    with store.engine.connect() as conn:
        rows = conn.execute(text("SELECT id, region_code FROM cases")).all()
    return {i: r for i, r in rows if i in ids}


def _button(page, label: str) -> QPushButton:
    (button,) = [b for b in page.findChildren(QPushButton) if b.text() == label]
    return button


def test_county_workbench_offers_no_registering_and_lists_every_township(
    app, demo_template, tmp_path, tasks, qtbot
):
    store = _open(demo_template, tmp_path, Role.COUNTY, COUNTY, "吴科长")
    moved = _move_an_overdue_case(store)
    try:
        window, page = _window(store, tasks, qtbot)
        assert not page.new_consultation_button.isVisible()
        assert not page.new_case_button.isVisible()
        shown_buttons = {b.text() for b in page.findChildren(QPushButton) if b.isVisible()}
        assert not shown_buttons & {"登记咨询", "登记纠纷"} and "刷新" in shown_buttons

        shown = _lines(page)
        regions = _regions(store, shown)
        assert {code[:9] for code in regions.values()} == TOWNSHIPS
        assert all(code.startswith(COUNTY[:6]) for code in regions.values())  # never 富平县
        assert moved in shown and regions[moved] == UNLISTED

        # 刷新 by a click reads the lists again: a case closed meanwhile leaves them
        with store.engine.begin() as conn:
            conn.execute(text("UPDATE cases SET deleted = 1 WHERE id = :id"), {"id": moved})
        page.complete = False
        qtbot.mouseClick(_button(page, "刷新"), LEFT)
        qtbot.waitUntil(lambda: page.complete, timeout=20000)
        assert moved not in _lines(page)
        assert {code[:9] for code in _regions(store, _lines(page)).values()} == TOWNSHIPS

        # a line opened with the keyboard shows the case read-only (the county keeps no case)
        overdue = page.overdue[1]
        overdue.setFocus()
        overdue.setCurrentRow(0)
        case_id = overdue.currentItem().data(KEY_ROLE)
        qtbot.keyClick(overdue, Qt.Key.Key_Return)
        cases = window.pages["cases"]
        qtbot.waitUntil(lambda: cases.last_dialog is not None, timeout=10000)
        assert cases.last_dialog.record_id == case_id
        assert cases.last_dialog.windowTitle() == "记录（只读）"
        cases.last_dialog.close()
    finally:
        store.close()


def test_township_workbench_still_offers_registering(app, demo_template, tmp_path, tasks, qtbot, answers):
    store = _open(demo_template, tmp_path, Role.TOWNSHIP, HOME_TOWNSHIP, "李所长")
    try:
        window, page = _window(store, tasks, qtbot)
        assert page.new_consultation_button.isVisible() and page.new_case_button.isVisible()
        regions = _regions(store, _lines(page))
        assert regions and {code[:9] for code in regions.values()} == {HOME_TOWNSHIP[:9]}

        qtbot.mouseClick(page.new_case_button, LEFT)  # 登记纠纷 opens the registration form
        cases = window.pages["cases"]
        qtbot.waitUntil(
            lambda: cases.last_dialog is not None and cases.last_dialog.isVisible(), timeout=10000
        )
        assert cases.last_dialog.windowTitle() != "记录（只读）"
        cases.last_dialog.close()
    finally:
        store.close()


@pytest.mark.parametrize(
    ("role", "consultation", "case"),
    [(Role.COUNTY, False, False), (Role.ADVISER, True, False), (Role.TOWNSHIP, True, True)],
)
def test_the_buttons_follow_the_kept_frame_before_the_store_opens(app, role, consultation, case):
    """The last view's frame hides them too (no flash of 登记 on a county's warm start)."""
    from ui.startup import Frame
    from ui.workbench import WorkbenchPage

    page = WorkbenchPage()
    page.show()
    kept = Frame(setup.HIDDEN_PAGES.get(role, ()), "", False, setup.READ_ONLY_PAGES.get(role, ()))
    page.set_frame(Frame.from_data(kept.to_data()))
    assert page.new_consultation_button.isVisible() is consultation
    assert page.new_case_button.isVisible() is case
    # a view kept before the frame named its read-only pages still reads
    older = {k: v for k, v in kept.to_data().items() if k != "read_only_pages"}
    assert Frame.from_data(older).read_only_pages == ()
    page.close()


def test_county_reads_the_follow_ups_but_neither_calls_back_nor_appeals(
    app, demo_template, tmp_path, tasks, qtbot
):
    """差评回访 is the 司法所's call and 申诉 the village's: a 县司法局 sees the list, offers neither, a
    double-click on a line opens no dialog, and the services refuse it as well."""
    from advisor_app.domain.validation import ValidationError
    from advisor_app.services import ratings

    store = _open(demo_template, tmp_path, Role.COUNTY, COUNTY, "吴科长")
    try:
        window, page = _window(store, tasks, qtbot)
        follow_ups = page.follow_up_list
        assert follow_ups.count() > 0  # the demo's county has bad ratings to call back
        shown = {b.text() for b in page.findChildren(QPushButton) if b.isVisible()}
        assert not shown & {"登记回访", "申诉此评价…", "裁定申诉…"}, shown
        follow_ups.setCurrentRow(0)
        item = follow_ups.currentItem()
        rect = follow_ups.visualItemRect(item)
        qtbot.mouseDClick(follow_ups.viewport(), LEFT, pos=rect.center())
        qtbot.wait(50)
        assert getattr(page, "follow_up_dialog", None) is None
        rating_id = page._selected_follow_up().id
        with pytest.raises(ValidationError) as refused:
            ratings.record_follow_up(store, rating_id, {"followed_up_by": "吴科长", "result": "已回访"})
        assert "回访" in str(refused.value)
        with pytest.raises(ValidationError):
            ratings.file_appeal(store, rating_id, "评价有误")
        window.close()
    finally:
        store.close()
