"""法律明白人 roster (issue 15 §6): a search box wide enough for a name, one click on a village filters
the list, and 姓名 sorts by pinyin (stored sort keys, migration 0016)."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt

from advisor_app.services import listing, roster

VILLAGE, OTHER = "610502100201", "610502100202"
NAMES = ["赵六", "王五", "张三", "李四", "阿布"]  # pinyin order: a bu, li si, wang wu, zhang san, zhao liu


def _page(desk, tasks, qtbot):
    from ui.roster_page import RosterPage

    for n, name in enumerate(NAMES):
        roster.add(desk, {"region_code": VILLAGE if n % 2 == 0 else OTHER, "name": name})
    page = RosterPage(desk, tasks)
    qtbot.addWidget(page)
    page.resize(1000, 650)
    page.show()
    qtbot.waitUntil(lambda: page.counts.rowCount() == 2 and page.list.model.rowCount() == 5, timeout=5000)
    return page


def _names(page) -> list[str]:
    column = page.list.model.columns.index("name")
    return [page.list.model.index(r, column).data() for r in range(page.list.model.rowCount())]


def test_clicking_the_name_header_sorts_by_pinyin(app, desk, tasks, qtbot, answers):
    page = _page(desk, tasks, qtbot)
    header = page.list.view.horizontalHeader()
    column = page.list.model.columns.index("name")
    with qtbot.waitSignal(page.list.loaded, timeout=5000):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_section_center(header, column))
    ascending = ["阿布", "李四", "王五", "张三", "赵六"]
    first = _names(page)
    assert first in (ascending, ascending[::-1])
    with qtbot.waitSignal(page.list.loaded, timeout=5000):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=_section_center(header, column))
    assert _names(page) == first[::-1]  # a second click turns the order round


def _section_center(header, column):
    from PySide6.QtCore import QPoint

    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    return QPoint(x, header.height() // 2)


def test_one_click_on_a_village_filters_the_list(app, desk, tasks, qtbot, answers):
    page = _page(desk, tasks, qtbot)
    row = next(r for r in range(page.counts.rowCount()) if page.counts.item(r, 0).data(0x0100) == OTHER)
    rect = page.counts.visualRect(page.counts.model().index(row, 0))
    with qtbot.waitSignal(page.list.loaded, timeout=5000):
        qtbot.mouseClick(page.counts.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert sorted(_names(page)) == sorted(["王五", "李四"])


def test_the_search_box_holds_a_name(app, desk, tasks, qtbot, answers):
    page = _page(desk, tasks, qtbot)
    box = page.list.search
    assert box.width() >= box.fontMetrics().horizontalAdvance("欧阳娜娜 桥南村") + 40


def test_a_renamed_member_is_sorted_by_the_new_name_and_keys_are_made_once(desk):
    for name in NAMES:
        roster.add(desk, {"region_code": VILLAGE, "name": name})
    ids = listing.ids(desk, "legal_literate", sort="name", descending=False)
    first = listing.rows(desk, "legal_literate", ids[:1])[ids[0]]
    assert "阿布" in first
    roster.update(desk, ids[0], {"name": "祝九"})
    ids = listing.ids(desk, "legal_literate", sort="name", descending=False)
    assert "祝九" in listing.rows(desk, "legal_literate", ids[-1:])[ids[-1]]
    with desk.engine.connect() as conn:
        assert listing._fill_sort_keys(conn, "legal_literates", "t.name") == 0  # nothing stale left
    start = time.perf_counter()
    listing.ids(desk, "legal_literate", sort="name")
    assert time.perf_counter() - start < 0.1
