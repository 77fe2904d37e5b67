"""Driving the app as a person does: buttons found by their (Chinese) text and pressed with the
mouse, text typed with key events, tabs chosen on the tab bar. Shared by the workflow tests."""

from __future__ import annotations

import re
import subprocess

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QPushButton, QTabWidget, QWidget


def button(root: QWidget, text: str) -> QPushButton:
    """The one visible button of ``root`` whose text is ``text``."""
    found = [b for b in root.findChildren(QPushButton) if b.text() == text and b.isVisible()]
    labels = sorted({b.text() for b in root.findChildren(QPushButton) if b.isVisible()})
    assert len(found) == 1, f"{len(found)} visible buttons “{text}” (visible: {labels})"
    return found[0]


def click(qtbot, root: QWidget, text: str) -> QPushButton:
    found = button(root, text)
    assert found.isEnabled(), f"“{text}” is greyed out"
    qtbot.mouseClick(found, Qt.MouseButton.LeftButton)
    return found


def choose_tab(qtbot, tabs: QTabWidget, title: str) -> None:
    bar = tabs.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i) == title)
    assert bar.isTabEnabled(index), f"tab “{title}” is disabled"
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index


def type_keys(qtbot, widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget``: ASCII as key presses, Chinese as the input method commits it
    (QTest cannot press a key for a Han character; a pinyin IME sends a commit string)."""
    for run in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if run.isascii():
            qtbot.keyClicks(widget, run)
        else:
            event = QInputMethodEvent()
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)


def type_into(qtbot, widget: QWidget, text: str, *, replace: bool = False) -> None:
    """Click into a field and type (Ctrl+A first to replace what is there)."""
    qtbot.mouseClick(widget.viewport() if hasattr(widget, "viewport") else widget, Qt.MouseButton.LeftButton)
    if replace:
        qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_keys(qtbot, widget, text)


def step(qtbot, window, action, timeout: int = 10000) -> None:
    """Do ``action`` (a click) and wait until the case window shows the step's result; fail with
    the core's message if the step was refused."""
    failures: list[dict] = []
    window.step_failed.connect(failures.append)
    try:
        with qtbot.waitSignal(window.changed_case, timeout=timeout, raising=False) as blocker:
            action()
            qtbot.waitUntil(lambda: bool(failures) or blocker.signal_triggered, timeout=timeout)
    finally:
        window.step_failed.disconnect(failures.append)
    assert not failures, failures


def refused(qtbot, window, action, timeout: int = 10000) -> dict[str, str]:
    """Do ``action`` and return the messages of the refused step."""
    with qtbot.waitSignal(window.step_failed, timeout=timeout) as blocker:
        action()
    return blocker.args[0]


def modal(qtbot, kind: type, timeout: int = 5000):
    """The dialog of class ``kind`` that a click opened."""
    found: list = []

    def opened() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
        return bool(found)

    qtbot.waitUntil(opened, timeout=timeout)
    return found[-1]


def pdf_text(pdf: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
