"""The 同步 page: a placeholder until the sync client lands (that engineer replaces this class)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class SyncPage(QWidget):
    def __init__(self, store: Any, tasks: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        label = QLabel(
            self.tr(
                "Synchronisation with the city server arrives with the sync client.\n"
                "Everything you enter is saved on this computer and will be sent once sync is set up."
            )
        )
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        QVBoxLayout(self).addWidget(label)
