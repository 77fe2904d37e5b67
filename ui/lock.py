"""自动锁定: after some idle minutes the window's content goes behind a lock screen.

An application-wide event filter restarts the idle timer on every key, click, wheel or touch. Locking
takes the main window's central widget out (it is kept, not destroyed) and puts the lock screen in
its place; other open windows (a case, a form) write their draft and are hidden until the same
user unlocks. Only installations with local users lock (a single-user one has no password to ask).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advisor_app import last_view
from advisor_app.services import users
from ui.widgets import error_label, password_field

if TYPE_CHECKING:
    from advisor_app.services.store_access import Store

ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class LockScreen(QWidget):
    unlock_requested = Signal(str)

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        title = QLabel(self.tr("Locked　%1").replace("%1", name))
        title.setStyleSheet("font-size: 150%; font-weight: bold;")
        hint = QLabel(
            self.tr(
                "To protect the parties' information the program locked itself after a while away. "
                "Anything not saved was kept as a draft."
            )
        )
        hint.setWordWrap(True)
        self.password = password_field(self.tr("Password"))
        self.password.returnPressed.connect(self._submit)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.clicked.connect(self._submit)
        self.error = error_label()
        row = QHBoxLayout()
        row.addWidget(self.password, 1)
        row.addWidget(self.unlock_button)
        box = QWidget()
        box.setMaximumWidth(420)
        inner = QVBoxLayout(box)
        inner.addWidget(title)
        inner.addWidget(hint)
        inner.addLayout(row)
        inner.addWidget(self.error)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def _submit(self) -> None:
        self.unlock_requested.emit(self.password.text())


class AppLock(QObject):
    """Locks ``window`` after ``users.lock_minutes(store)`` idle minutes; one per main window."""

    locked_changed = Signal(bool)

    def __init__(self, window: QMainWindow, store: Store) -> None:
        super().__init__(window)
        self.window = window
        self.store = store
        self.screen: LockScreen | None = None
        self._content: QWidget | None = None
        self._hidden: list[QWidget] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.restart()
        QApplication.instance().installEventFilter(self)

    @property
    def locked(self) -> bool:
        return self.screen is not None

    def restart(self) -> None:
        self.timer.start(users.lock_minutes(self.store) * 60_000)

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if not self.locked and event.type() in ACTIVITY:
            self.timer.start()  # same interval: cheap enough for every mouse move
        return False

    def lock(self) -> bool:
        me = users.current_user(self.store)
        if self.locked or me is None:
            return False
        for widget in QApplication.topLevelWidgets():
            if widget is self.window or not widget.isVisible():
                continue
            flush = getattr(widget, "flush_draft", None)
            if callable(flush):
                flush()
            widget.hide()
            self._hidden.append(widget)
        # the last view holds names: none may lie beside a locked store (none is kept with local
        # users at all; this also removes one left from before the first user was added)
        last_view.delete(self.store.data_dir)
        self.screen = LockScreen(me.name)
        self.screen.unlock_requested.connect(self.unlock)
        self._content = self.window.takeCentralWidget()
        self.window.setCentralWidget(self.screen)
        self.screen.password.setFocus()
        self.locked_changed.emit(True)
        return True

    def unlock(self, password: str) -> bool:
        if self.screen is None:
            return True
        try:
            users.unlock(self.store, password)
        except users.SignInError as exc:
            self.screen.error.setText(str(exc))
            self.screen.password.clear()
            return False
        self.window.takeCentralWidget()
        self.screen.deleteLater()
        self.screen = None
        if self._content is not None:
            self.window.setCentralWidget(self._content)
            self._content = None
        for widget in self._hidden:
            widget.show()
        self._hidden = []
        self.restart()
        self.locked_changed.emit(False)
        return True


def install(window: QMainWindow, store: Store) -> AppLock:
    """The lock for ``window``; it locks only while a local user is signed in (users added later too)."""
    window.app_lock = AppLock(window, store)
    return window.app_lock
