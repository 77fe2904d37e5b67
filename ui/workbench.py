"""工作台: today's work — return visits due, overdue cases, the 司法确认 window, records to sync."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advisor_app.services import worklist


class WorkbenchPage(QWidget):
    open_case = Signal(str)
    go_to = Signal(str)  # page key
    loaded = Signal()

    def __init__(self, store: Any, tasks: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.reload)
        new_consultation = QPushButton(self.tr("Log a consultation"))
        new_consultation.clicked.connect(lambda: self.go_to.emit("consultation:new"))
        new_case = QPushButton(self.tr("Register a dispute"))
        new_case.clicked.connect(lambda: self.go_to.emit("case:new"))
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(new_consultation)
        top.addWidget(new_case)
        top.addWidget(refresh)

        self.visits = self._box(self.tr("Return visits due"))
        self.overdue = self._box(self.tr("Cases past the one-month target"))
        self.window = self._box(self.tr("Agreements inside the 30-day judicial confirmation window"))
        self.sync_label = QLabel()
        self.sync_label.setWordWrap(True)
        sync_box = QGroupBox(self.tr("Waiting to sync"))
        sync_layout = QVBoxLayout(sync_box)
        sync_layout.addWidget(self.sync_label)
        sync_button = QPushButton(self.tr("Open sync"))
        sync_button.clicked.connect(lambda: self.go_to.emit("sync"))
        sync_layout.addWidget(sync_button)
        sync_layout.addStretch(1)

        grid = QGridLayout()
        grid.addWidget(self.visits[0], 0, 0)
        grid.addWidget(self.overdue[0], 0, 1)
        grid.addWidget(self.window[0], 1, 0)
        grid.addWidget(sync_box, 1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        self.worklist: worklist.Worklist | None = None

    def _box(self, title: str) -> tuple[QGroupBox, QListWidget]:
        box = QGroupBox(title)
        items = QListWidget()
        items.setWordWrap(True)
        items.setAlternatingRowColors(True)
        items.itemActivated.connect(lambda item: self.open_case.emit(item.data(Qt.ItemDataRole.UserRole)))
        items.itemDoubleClicked.connect(lambda item: self.open_case.emit(item.data(Qt.ItemDataRole.UserRole)))
        QVBoxLayout(box).addWidget(items)
        return box, items

    def reload(self) -> None:
        self.title.setText(self.tr("Today, %1").replace("%1", date.today().isoformat()))
        self.tasks.run_db(lambda: worklist.today_list(self.store), self._show)

    def _show(self, work: worklist.Worklist) -> None:
        self.worklist = work
        self._fill(self.visits, work.visits_due, self.tr("due in %1 day(s)"), self.tr("%1 day(s) overdue"))
        self._fill(self.overdue, work.overdue_cases, "", self.tr("%1 day(s) past the target"))
        self._fill(
            self.window,
            work.confirmation_window,
            self.tr("%1 day(s) left to apply"),
            self.tr("%1 day(s) left to apply"),
        )
        if work.unsynced:
            self.sync_label.setText(
                self.tr("%n record(s) saved here are waiting to be sent to the server.", "", work.unsynced)
            )
        else:
            self.sync_label.setText(self.tr("Nothing is waiting to be sent."))
        self.loaded.emit()

    def _fill(
        self, box: tuple[QGroupBox, QListWidget], items: list[worklist.Item], ahead: str, late: str
    ) -> None:
        group, widget = box
        widget.clear()
        base = group.title().split("（")[0]
        group.setTitle(f"{base}（{len(items)}）")
        for item in items:
            when = (late if item.days < 0 else ahead).replace("%1", str(abs(item.days)))
            row = QListWidgetItem(
                f"{item.case_no}  {item.title}  —  {item.due_on.isoformat()} {when}".rstrip()
            )
            row.setData(Qt.ItemDataRole.UserRole, item.case_id)
            if item.days < 0:
                row.setForeground(QColor("#b00020"))
            widget.addItem(row)
        if not items:
            empty = QListWidgetItem(self.tr("Nothing here today."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            widget.addItem(empty)
