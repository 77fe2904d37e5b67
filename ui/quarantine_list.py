"""已隔离: the pulled revisions this device set aside, listed on the 同步 page.

Reads the local quarantine only (``SyncClient.quarantined``): kind, record, revision and the reason
(field names and rules, never a value). Strings are Chinese literals (outside the .ts sources).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def headers() -> tuple[str, ...]:
    return (
        QCoreApplication.translate("QuarantineList", "Kind"),
        QCoreApplication.translate("QuarantineList", "Record"),
        QCoreApplication.translate("QuarantineList", "Version"),
        QCoreApplication.translate("QuarantineList", "Reason"),
        QCoreApplication.translate("QuarantineList", "Held since (UTC)"),
    )


class QuarantineList(QWidget):
    """A read-only table of quarantined records; ``refresh()`` re-reads the local store (the 同步 page
    calls it when the status says something is held, so building the page reads nothing)."""

    def __init__(self, client: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.client = client
        self.note = QLabel(
            self.tr(
                "These records came from the sync server but could not be written here (for example, "
                "data not in the expected form). Everything else synced as usual; a newer version on "
                "the server replaces them by itself, nothing needs to be done."
            )
        )
        self.note.setWordWrap(True)
        self.table = QTableWidget(0, len(headers()))
        self.table.setObjectName("quarantineTable")
        self.table.setHorizontalHeaderLabels(list(headers()))
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
