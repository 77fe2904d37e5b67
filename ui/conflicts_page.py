"""冲突: losing versions kept on this device; keep mine, keep theirs, or choose field by field.

With a task manager (the app) the list loads and each choice is written on the database thread;
without one (a page made on its own) it works in place.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from advisor_app.domain import record_kinds
from sync.client import conflicts

if TYPE_CHECKING:
    from advisor_app.services.store_access import Store


def _show(value: Any) -> str:
    if value is None:
        return QCoreApplication.translate("ConflictsPage", "(empty)")
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("ConflictsPage", "Yes")
            if value
            else QCoreApplication.translate("ConflictsPage", "No")
        )
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


class ConflictsPage(QWidget):
    resolved = Signal()

    loaded = Signal(int)  # number of open conflicts, once listed

    def __init__(self, store: Store, tasks: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.items: list[conflicts.ConflictView] = []
        self.list = QListWidget()
        self.list.currentRowChanged.connect(self._select)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Field"),
                self.tr("This computer's version"),
                self.tr("Server's version"),
                self.tr("Keep"),
            ]
        )
        self.table.horizontalHeader().setStretchLastSection(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.groups: dict[str, QButtonGroup] = {}
        self.keep_mine = QPushButton(self.tr("Keep this computer's version"))
        self.keep_theirs = QPushButton(self.tr("Keep the server's version"))
        self.merge = QPushButton(self.tr("Merge as chosen per field"))
        self.keep_mine.clicked.connect(lambda: self._apply("mine"))
        self.keep_theirs.clicked.connect(lambda: self._apply("theirs"))
        self.merge.clicked.connect(lambda: self._apply("merged"))
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.addWidget(self.message)
        rl.addWidget(self.table, 1)
        buttons = QHBoxLayout()
        for b in (self.keep_mine, self.keep_theirs, self.merge):
            buttons.addWidget(b)
        rl.addLayout(buttons)
        split = QSplitter()
        split.addWidget(self.list)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        self.empty = QLabel(self.tr("No conflicts to resolve"))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(split, 1)
        self.split = split
        self.reload()

    def _run(self, fn: Any, on_done: Any, on_error: Any = None) -> None:
        """``fn`` on the database thread when there is one, else here."""
        if self.tasks is not None and not self.tasks.closed:
            self.tasks.run_db(fn, on_done, on_error)
            return
        try:
            result = fn()
        except BaseException as exc:
            if on_error is None:
                raise
            on_error(exc)
            return
        on_done(result)

    def reload(self) -> None:
        self._run(lambda: conflicts.open_conflicts(self.store), self._show_items)

    def _show_items(self, items: list[conflicts.ConflictView]) -> None:
        self.items = items
        self.list.clear()
        for c in self.items:
            item = QListWidgetItem(
                f"{record_kinds.name_of(c.kind)} · {c.created_at:%Y-%m-%d %H:%M} · {c.record_id[:8]}"
            )
            self.list.addItem(item)
        self.empty.setVisible(not self.items)
        self.split.setVisible(bool(self.items))
        if self.items:
            self.list.setCurrentRow(0)
        self.loaded.emit(len(self.items))

    def current(self) -> conflicts.ConflictView | None:
        row = self.list.currentRow()
        return self.items[row] if 0 <= row < len(self.items) else None

    def _select(self, row: int) -> None:
        c = self.current()
        self.table.setRowCount(0)
        self.groups.clear()
        if c is None:
            return
        self.message.setText(
            c.message
            + (
                ""
                if c.theirs is not None
                else self.tr(" (the server's version has not arrived yet; compare after syncing)")
            )
        )
        self.keep_mine.setEnabled(True)
        self.keep_theirs.setEnabled(c.theirs is not None)
        self.merge.setEnabled(c.theirs is not None)
        diff = c.differing()
        self.table.setRowCount(len(diff))
        for n, (name, label, mine, theirs) in enumerate(diff):
            self.table.setItem(n, 0, QTableWidgetItem(label))
            self.table.setItem(n, 1, QTableWidgetItem(_show(mine)))
            self.table.setItem(n, 2, QTableWidgetItem(_show(theirs)))
            cell = QWidget()
            box = QHBoxLayout(cell)
            box.setContentsMargins(2, 0, 2, 0)
            group = QButtonGroup(cell)
            for side, text in (("mine", self.tr("This computer")), ("theirs", self.tr("Server"))):
                radio = QRadioButton(text)
                radio.setProperty("side", side)
                group.addButton(radio)
                box.addWidget(radio)
                radio.setChecked(side == "theirs")
            self.groups[name] = group
            self.table.setCellWidget(n, 3, cell)
        self.table.resizeColumnsToContents()

    def choices(self) -> dict[str, str]:
        return {
            name: g.checkedButton().property("side") for name, g in self.groups.items() if g.checkedButton()
        }

    def _apply(self, how: str) -> None:
        c = self.current()
        if c is None:
            return
        choices = self.choices()  # read on the GUI thread; the job gets plain data

        def write() -> None:
            if how == "mine":
                conflicts.keep_mine(self.store, c.id)
            elif how == "theirs":
                conflicts.keep_theirs(self.store, c.id)
            else:
                conflicts.merge(self.store, c.id, choices)

        def done(_result: Any) -> None:
            self.reload()
            self.resolved.emit()

        def refused(exc: BaseException) -> None:
            self._select(self.list.currentRow())
            if not isinstance(exc, ValueError | LookupError):
                raise exc
            QMessageBox.warning(self, self.tr("Cannot resolve it this way"), str(exc))

        for b in (self.keep_mine, self.keep_theirs, self.merge):
            b.setEnabled(False)  # one choice at a time; _select enables them again
        self._run(write, done, refused)
