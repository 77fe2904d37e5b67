"""统计: the month's rating figures (自评率, 满意率, 回访率, 整改率) and the ranking per village and per
adviser, the same numbers as `advisor report rating`, refreshed by a click and fitting 1024 px."""

from __future__ import annotations

from PySide6.QtCore import Qt

from advisor_app.domain.clock import china_today
from advisor_app.reports import rating_board
from advisor_app.reports.scope import month
from advisor_app.services import ratings
from tests.gui.rating_fixtures import two_ratings

TOWNSHIP = "610502100000"


def _cells(table) -> list[list[str]]:
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_ranking_on_the_dashboard(app, desk, tasks, qtbot):
    from ui.dashboard import DashboardView

    _good, bad_id = two_ratings(desk)
    today = china_today()
    view = DashboardView(desk, tasks=tasks)
    qtbot.addWidget(view)
    view.resize(1024, 728)
    view.show()
    view.set_scope(TOWNSHIP, today.strftime("%Y-%m"))
    qtbot.waitUntil(lambda: getattr(view, "rating_boards", None) is not None, timeout=30000)

    # the headers through tr() in Chinese, the numbers those of the report's board
    header = view.rating_tables["staff"].horizontalHeaderItem
    assert [header(c).text() for c in (0, 1, 4, 6, 7)] == ["名次", "姓名", "满意率", "回访率", "整改率"]
    assert _cells(view.rating_tables["staff"]) == [
        ["1", "张明", "1", "0（0.0%）", "100.0%", "0", "—", "—"],
        ["2", "王芳", "1", "1（100.0%）", "0.0%", "1", "0.0%", "0.0%"],
    ]
    assert _cells(view.rating_tables["village"]) == [
        ["1", "桥南村", "2", "1（50.0%）", "50.0%", "1", "0.0%", "0.0%"]
    ]
    with desk.session() as s:
        board = rating_board.board(s, "610502100", month(today.year, today.month), by="staff")
    assert [r[5] for r in rating_board.as_table(board, "姓名")[1:]] == ["100.0%", "0.0%"]
    cards = view.rating_cards
    assert cards["self_share"].text().startswith("50.0%\n自评率")
    assert cards["follow_up_rate"].text().startswith("0.0%\n回访率")

    # the township calls back and records what was put right: 回访率 and 整改率 change on 刷新
    ratings.record_follow_up(
        desk,
        bad_id,
        {"followed_up_by": "钱所长", "follow_up_note": "已回访", "follow_up_action": "当面重新解答"},
    )
    shown = view.rating_boards
    qtbot.mouseClick(view.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.rating_boards is not shown, timeout=30000)
    assert _cells(view.rating_tables["staff"])[1][6:] == ["100.0%", "100.0%"]
    assert cards["rectify_rate"].text().startswith("100.0%\n整改率")

    # fits 1024 px, at the 大字 preset too: every column of the ranking in view, no sideways scrolling
    from ui.app import apply_font_size

    widths = {}
    try:
        for size in (11, 14):
            apply_font_size(size)
            view.resize(1024, 728)
            qtbot.wait(50)
            for table in view.rating_tables.values():
                header = table.horizontalHeader()  # the name column stretches over what is left
                assert header.length() <= table.viewport().width(), size
                assert not table.horizontalScrollBar().isVisible(), size
                widths[size] = header.sectionSize(3)
        assert widths[14] > widths[11]  # the larger text did reach the table
    finally:
        apply_font_size(11)
