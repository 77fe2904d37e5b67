"""Every window and dialog fits the smallest office screen (issue 15 §1): 1024×768 less a taskbar,
at the default font and at the 大字 preset (14 pt), with no sideways scrolling.

Sizes are read from the size hints (what the layouts need) and the size each window asks for:
Qt would clamp a resize to the test screen and hide an overflow.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractScrollArea, QScrollArea, QTableView, QWidget

from ui.widgets import SMALL_SCREEN

WIDTH, HEIGHT = SMALL_SCREEN
FONT_SIZES = (11, 14)  # settings_page.DEFAULT_FONT_SIZE and LARGE_FONT_SIZE


def _pdf() -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QPageSize, QPainter, QPdfWriter

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    painter = QPainter(writer)
    painter.drawText(200, 200, "人民调解协议书")
    painter.end()
    buffer.close()
    return bytes(data)


def _windows(store: Any, tasks: Any) -> Iterator[tuple[str, Callable[[], QWidget]]]:
    from advisor_app.services import consultations

    record = consultations.create(
        store, {"region_code": "610502100201", "occurred_at": "2026-11-28 09:00", "question": "借款"}
    )

    def main_window() -> QWidget:
        from ui.main_window import MainWindow

        window = MainWindow(store, tasks)
        for n in range(window.nav.count()):  # every page built: the widest decides
            window.nav.setCurrentRow(n)
        return window

    def consultation() -> QWidget:
        from ui.consultation_form import ConsultationForm

        return ConsultationForm(store, tasks, record.id)

    def party() -> QWidget:
        from ui.case.party_dialog import PartyDialog

        return PartyDialog(store, tasks, "610502100201", "赵调解")

    def rating() -> QWidget:
        from ui.rating_dialog import RatingDialog

        dialog = RatingDialog(store, tasks, "办结", lambda **_kw: None)
        dialog.show_errors({"grade": "满意度：办结时请当事人评价，或填写未评价原因"})
        return dialog

    def preview() -> QWidget:
        from ui.print_preview import PrintPreviewDialog

        return PrintPreviewDialog(_pdf(), "人民调解协议书")

    def case() -> QWidget:
        from ui.case.window import CaseWindow

        return CaseWindow(store, tasks)

    def activity() -> QWidget:
        from ui.activity_form import ActivityForm

        return ActivityForm(store, tasks)

    def member() -> QWidget:
        from ui.roster_page import MemberForm

        return MemberForm(store, tasks)

    def first_run() -> QWidget:
        from ui.first_run import FirstRunDialog

        return FirstRunDialog(store, tasks)

    def set_password() -> QWidget:
        from ui.password_dialog import SetPasswordDialog

        return SetPasswordDialog()

    def about() -> QWidget:
        from ui.about import AboutDialog

        return AboutDialog(store.data_dir)

    def crash() -> QWidget:
        from ui.crash import CrashDialog

        return CrashDialog("Traceback …\n" * 40, None)

    def user() -> QWidget:
        from ui.local_login import UserDialog

        return UserDialog(store)

    yield from {
        "主窗口": main_window,
        "法律咨询": consultation,
        "当事人": party,
        "评价（带错误行）": rating,
        "打印预览": preview,
        "案件": case,
        "普法活动": activity,
        "法律明白人": member,
        "首次运行": first_run,
        "设置数据库密码": set_password,
        "关于": about,
        "错误报告": crash,
        "本机用户": user,
    }.items()


def _sideways(window: QWidget) -> list[str]:
    """Scroll areas (other than tables and text boxes) whose content is wider than they are."""
    found = []
    # the test screen may be narrower than 1024: a window narrower than that would be given the
    # difference at 1024, and its stretching scroll areas with it
    spare = max(0, WIDTH - window.width())
    for area in window.findChildren(QAbstractScrollArea):
        if isinstance(area, QTableView) or not area.isVisible() or not isinstance(area, QScrollArea):
            continue
        inner = area.widget()
        room = area.viewport().width() + spare
        if inner is not None and inner.minimumSizeHint().width() > room:
            found.append(f"{type(inner).__name__} {inner.minimumSizeHint().width()} > {room}")
    return found


@pytest.mark.parametrize("size", FONT_SIZES)
def test_every_window_fits_1024_by_728(app, desk, tasks, qtbot, answers, size):
    from ui.app import apply_font_size

    apply_font_size(size)
    problems = []
    try:
        for name, make in _windows(desk, tasks):
            window = make()
            qtbot.addWidget(window)
            window.show()
            window.layout().activate() if window.layout() else None
            least, asked = window.minimumSizeHint(), window.size()
            if least.width() > WIDTH or least.height() > HEIGHT:
                problems.append(f"{name}: needs at least {least.width()}×{least.height()}")
            if asked.width() > WIDTH or asked.height() > HEIGHT:
                problems.append(f"{name}: opens at {asked.width()}×{asked.height()}")
            problems += [f"{name}: scrolls sideways ({s})" for s in _sideways(window)]
            window.hide()
            if hasattr(window, "mark_clean"):
                window.mark_clean()
            window.close()
    finally:
        apply_font_size(11)
    assert not problems, "\n".join(problems)
