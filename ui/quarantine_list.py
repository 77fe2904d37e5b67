"""已隔离: the pulled revisions this device set aside, listed on the 同步 page.

Reads the local quarantine only (``SyncClient.quarantined``): kind, record, revision and the reason
(field names and rules, never a value). Strings are Chinese literals (outside the .ts sources).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

HEADERS = ("类型", "记录", "版本", "原因", "隔离时间（UTC）")
NOTE = (
    "这些记录来自同步服务器，但本机版本暂时无法写入（例如数据不符合格式要求）。"
    "其余记录已照常同步；服务器上出现新版本后会自动替换，不需要人工处理。"
)


class QuarantineList(QWidget):
    """A read-only table of quarantined records; ``refresh()`` re-reads the local store (the 同步 page
    calls it when the status says something is held, so building the page reads nothing)."""

    def __init__(self, client: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self.note = QLabel(NOTE)
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setObjectName("quarantineTable")
        self.table.setHorizontalHeaderLabels(list(HEADERS))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.table)

    def refresh(self, _status: Any = None) -> int:
        items = self.client.quarantined()
        self.table.setRowCount(len(items))
        for row, item in enumerate(items):
            when = item.quarantined_at.isoformat(sep=" ", timespec="seconds") if item.quarantined_at else ""
            for col, text in enumerate(
                (item.kind_label, item.record_id[:8], str(item.rev), item.reason, when)
            ):
                cell = QTableWidgetItem(text)
                if col == 3:
                    cell.setToolTip(text)
                self.table.setItem(row, col, cell)
        return len(items)
