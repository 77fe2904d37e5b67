"""Each role sees its own: a 司法所 of 桥南镇 with no local users sees none of 庄里镇's records in
the lists, the 工作台, 统计 and the roster; an adviser has no 纠纷调解 page and a read-only roster;
a city account's regions widen the view, and the screen says so."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QSettings, Qt

from advisor_app.domain.clock import china_today
from advisor_app.domain.models import Region
from advisor_app.services import cases, committees, consultations, roster, setup
from tests.conftest import TOWNSHIP, VILLAGE, VILLAGE_2

OTHER_TOWNSHIP = "610528101000"  # 庄里镇
OTHER_VILLAGE = "610528101201"
LATE = china_today() - timedelta(days=60)  # accepted two months ago: past the one-month target


def _consult(store, region: str, question: str) -> str:
    return consultations.create(
        store,
        {
            "region_code": region,
            "occurred_at": datetime.combine(LATE, datetime.min.time()).replace(hour=9),
            "person_name": "甲某",
            "mode": "实地",
            "service_type": "法律咨询解答",
            "category": "民事",
            "question": question,
            "answer": "答复",
        },
    ).id


def _case(store, committee: str, region: str) -> str:
    return cases.register(
        store,
        {
            "committee_id": committee,
            "region_code": region,
            "dispute_type": "邻里",
            "source": "当事人申请",
            "summary": "邻里纠纷",
            "accepted_on": LATE,
            "mediator": "调解员",
            "parties": [{"role": "申请人", "name": "甲某"}, {"role": "被申请人", "name": "乙某"}],
        },
    ).id


@pytest.fixture
def two_townships(seeded):
    """Records of 桥南镇 (ours) and 庄里镇 (another township's, e.g. pulled by an earlier account)."""
    with seeded.session() as session:
        session.add(Region(code=OTHER_VILLAGE, name="庄里村", level="village", parent_code=OTHER_TOWNSHIP))
    other = committees.create(
        seeded,
        {"name": "庄里镇人民调解委员会", "short_name": "庄里", "kind": "乡镇", "region_code": OTHER_TOWNSHIP},
    )
    ids = {
        "mine": {
            "consultation": _consult(seeded, VILLAGE, "本乡咨询"),
            "case": _case(seeded, seeded.committee_id, VILLAGE_2),
            "member": roster.add(seeded, {"region_code": VILLAGE, "name": "本乡明白人"}).id,
        },
        "theirs": {
            "consultation": _consult(seeded, OTHER_VILLAGE, "外乡咨询"),
            "case": _case(seeded, other.id, OTHER_VILLAGE),
            "member": roster.add(seeded, {"region_code": OTHER_VILLAGE, "name": "外乡明白人"}).id,
        },
    }
    seeded.ids = ids
    return seeded


def _window(store, tasks, qtbot):
    from ui.main_window import MainWindow

    window = MainWindow(store, tasks)
    qtbot.addWidget(window)
    window.show()
    return window


def _nav_click(qtbot, window, key: str):
    row = next(n for n, (k, *_r) in enumerate(window.page_factories) if k == key)
    item = window.nav.item(row)
    assert not item.isHidden()
    qtbot.mouseClick(
        window.nav.viewport(), Qt.MouseButton.LeftButton, pos=window.nav.visualItemRect(item).center()
    )
    return window.pages[key]


def test_township_office_sees_only_its_township(app, two_townships, tasks, qtbot):
    store = two_townships
    setup.configure(store, "司法所", TOWNSHIP, user="周所长")
    mine, theirs = store.ids["mine"], store.ids["theirs"]
    window = _window(store, tasks, qtbot)

    work = window.pages["workbench"]
    qtbot.waitUntil(lambda: work.worklist is not None, timeout=10000)
    overdue = {item.case_id for item in work.worklist.overdue_cases}
    assert overdue == {mine["case"]}

    for key, kind in (("consultations", "consultation"), ("cases", "case")):
        page = _nav_click(qtbot, window, key)
        qtbot.waitUntil(lambda p=page: p.list.model.rowCount() >= 1, timeout=10000)
        qtbot.wait(300)  # the full id list follows the first page
        assert page.list.model.ids() == [mine[kind]], key
        villages = [page.list.village.itemData(i) for i in range(page.list.village.count())]
        assert OTHER_VILLAGE not in villages

    stats = _nav_click(qtbot, window, "statistics")
    offered = [stats.region_box.itemData(i) for i in range(stats.region_box.count())]
    assert stats.region() == TOWNSHIP  # opens on its township, not 全部地区
    assert None not in offered and OTHER_TOWNSHIP not in offered and OTHER_VILLAGE not in offered
    assert "桥南镇" in stats.scope_note.text() and "司法所" in stats.scope_note.text()
    qtbot.waitUntil(lambda: stats.data is not None, timeout=10000)
    assert stats.data.figures.region_code == TOWNSHIP

    page = _nav_click(qtbot, window, "roster")
    qtbot.waitUntil(lambda: page.counts.rowCount() > 0 and page.list.model.rowCount() > 0, timeout=10000)
    qtbot.wait(300)
    counted = {page.counts.item(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(page.counts.rowCount())}
    assert counted == {VILLAGE, VILLAGE_2}
    assert page.list.model.ids() == [mine["member"]] and theirs["member"] not in page.list.model.ids()
    assert page.list.new_button.isVisible()  # the 司法所 keeps the roster


def test_a_city_account_widens_the_view_and_the_screen_says_so(app, two_townships, tasks, qtbot):
    from ui.dashboard import DashboardView

    store = two_townships
    setup.configure(store, "司法所", TOWNSHIP, user="周所长")
    store.set_setting(setup.ACCOUNT_REGIONS_SETTING, OTHER_TOWNSHIP)  # as the sync client's login writes it
    view = DashboardView(store, tasks=tasks)
    qtbot.addWidget(view)
    offered = [view.region_box.itemData(i) for i in range(view.region_box.count())]
    assert view.region() == TOWNSHIP and OTHER_TOWNSHIP in offered
    assert "市级服务器账号另可查看：庄里镇" in view.scope_note.text()


@pytest.mark.parametrize("role", ["村法律顾问", "人民调解员"])
def test_adviser_and_mediator_see_their_villages(app, two_townships, tasks, qtbot, role):
    store = two_townships
    setup.configure(store, role, TOWNSHIP, user="孙明")
    setup.set_served_villages(store, [VILLAGE])
    mine = store.ids["mine"]
    window = _window(store, tasks, qtbot)
    cases_row = next(n for n, (k, *_r) in enumerate(window.page_factories) if k == "cases")
    assert window.nav.item(cases_row).isHidden() == (role == "村法律顾问")  # an adviser runs no cases
    from PySide6.QtWidgets import QPushButton

    register = [b for b in window.pages["workbench"].findChildren(QPushButton) if b.text() == "登记纠纷"]
    assert len(register) == 1 and register[0].isVisible() == (role != "村法律顾问")

    page = _nav_click(qtbot, window, "consultations")
    qtbot.waitUntil(lambda: page.list.model.rowCount() >= 1, timeout=10000)
    qtbot.wait(300)
    assert page.list.model.ids() == [mine["consultation"]]
    qtbot.mouseClick(page.list.new_button, Qt.MouseButton.LeftButton)
    form = page.last_dialog
    combo = form.fields["region_code"]
    assert [combo.itemData(i) for i in range(combo.count())] == [VILLAGE]
    # the adviser hands a dispute on from the consultation: 转介 调解, and the form says how
    qtbot.mouseClick(form.fields["referral"].buttons["调解"], Qt.MouseButton.LeftButton)
    assert form.aid_hint.isVisible() and "人民调解" in form.aid_hint.text()
    form.mark_clean()
    form.reject()

    stats = _nav_click(qtbot, window, "statistics")
    assert stats.region() == VILLAGE
    assert [stats.region_box.itemData(i) for i in range(stats.region_box.count())] == [VILLAGE]

    roster_page = _nav_click(qtbot, window, "roster")
    assert roster_page.read_only and not roster_page.list.new_button.isVisible()
    QSettings().sync()
