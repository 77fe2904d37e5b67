"""The agreement's numbered terms, with clause suggestions for the dispute type."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui import clauses


class TermsEditor(QWidget):
    """Numbered agreement terms (the row numbers are the term numbers), with clause suggestions."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, 1)
        self.table.horizontalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.setMinimumHeight(150)
        self.table.itemChanged.connect(lambda _i: self.changed.emit())
        self.suggest = QComboBox()
        self.suggest.setMinimumContentsLength(30)
        self.suggest.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        add = QPushButton(self.tr("Add term"))
        insert = QPushButton(self.tr("Insert suggested clause"))
        remove = QPushButton(self.tr("Remove"))
        up = QPushButton("↑")
        down = QPushButton("↓")
        add.clicked.connect(lambda: self.add_term(""))
        insert.clicked.connect(
            lambda: self.add_term(self.suggest.currentText()) if self.suggest.currentText() else None
        )
        remove.clicked.connect(self._remove)
        up.clicked.connect(lambda: self._move(-1))
        down.clicked.connect(lambda: self._move(1))
        self.buttons = [add, insert, remove, up, down, self.suggest]
        row = QHBoxLayout()
        for widget in (add, remove, up, down):
            row.addWidget(widget)
        row.addStretch(1)
        row2 = QHBoxLayout()
        row2.addWidget(self.suggest, 1)
        row2.addWidget(insert)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addLayout(row2)

    def set_dispute_type(self, dispute_type: str | None) -> None:
        self.suggest.clear()
        self.suggest.addItems(clauses.suggestions(dispute_type))

    def add_term(self, text: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(text))
        self.table.setCurrentCell(row, 0)
        self.changed.emit()

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)
            self.changed.emit()

    def _move(self, step: int) -> None:
        row = self.table.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.table.rowCount():
            return
        values = self.value()
        values[row], values[target] = values[target], values[row]
        self.set_value(values)
        self.table.setCurrentCell(target, 0)
        self.changed.emit()

    def value(self) -> list[str]:
        out = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            if item is not None and item.text().strip():
                out.append(item.text().strip())
        return out

    def set_value(self, value: list[str] | None) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for text in value or []:
            row = self.table.rowCount()
            self.table.insertRow(row)
            self.table.setItem(row, 0, QTableWidgetItem(text))
        self.table.blockSignals(False)
        self.table.resizeRowsToContents()

    def setEnabled(self, enabled: bool) -> None:  # noqa: N802 - Qt name
        self.table.setEditTriggers(
            QTableWidget.EditTrigger.AllEditTriggers if enabled else QTableWidget.EditTrigger.NoEditTriggers
        )
        for widget in self.buttons:
            widget.setEnabled(enabled)
