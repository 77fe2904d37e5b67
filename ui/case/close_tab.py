"""结案 · 归档: the 卷宗 checklist, attachments, closing with a rating and archiving (a CaseWindow part)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advisor_app.domain import case_flow
from advisor_app.services import attachments, cases
from ui.case.base import CaseTab
from ui.rating_dialog import RatingDialog
from ui.widgets import combo

CASE_ATTACHMENT_PURPOSES = ("身份证明", "证据材料", "履行凭证", "授权委托书", "调查记录", "情况说明", "其他")


class CloseTab(CaseTab):
    """结案 · 归档: the 卷宗 checklist, attachments, closing with a rating and archiving (a CaseWindow part)."""

    def _build_close(self) -> None:
        page = QWidget()
        self.checklist = QListWidget()
        self.purpose = combo(list(CASE_ATTACHMENT_PURPOSES))
        attach = QPushButton(self.tr("Attach a document…"))
        attach.clicked.connect(self._pick_document)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Add to the case file:")))
        row.addWidget(self.purpose)
        row.addWidget(attach)
        row.addStretch(1)
        self.close_button = QPushButton(self.tr("Close the case with rating…"))
        self.archive_button = QPushButton(self.tr("Archive"))
        self.close_button.clicked.connect(self.close_case)
        self.archive_button.clicked.connect(self.archive)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.close_button)
        actions.addWidget(self.archive_button)
        layout = QVBoxLayout(page)
        layout.addWidget(
            QLabel(self.tr("Case file (卷宗) contents — ✗ marks a required document that is missing:"))
        )
        layout.addWidget(self.checklist, 1)
        layout.addLayout(row)
        layout.addLayout(actions)
        self.tabs.addTab(page, self.tr("Close and archive"))

    def _pick_document(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Attach a document"), "", "Images/PDF (*.jpg *.jpeg *.png *.pdf)"
        )
        if path:
            self.attach_document(Path(path), self.purpose.currentData())

    def attach_document(self, path: Path, purpose: str) -> None:
        case_id = self.case_id
        self.step(lambda: attachments.add_file(self.store, path, "case", case_id, purpose))

    def close_case(self) -> RatingDialog:
        case_id = self.case_id
        dialog = RatingDialog(
            self.store,
            self.tasks,
            self.tr("Close the case"),
            lambda **kw: cases.close(self.store, case_id, **kw),
            self,
        )
        dialog.saved.connect(lambda _c: self.refresh())
        self.rating_dialog = dialog
        dialog.open()
        return dialog

    def archive(self) -> None:
        case_id = self.case_id
        self.step(lambda: cases.archive(self.store, case_id))

    def _refresh_checklist(self, case: Any) -> None:
        self.checklist.clear()
        items = cases.checklist(self.store, self.case_id)
        for item in items:
            mark = "✓" if item.present else ("✗" if item.required else "○")
            need = self.tr("required") if item.required else self.tr("optional")
            row = QListWidgetItem(f"{mark}  {item.name}（{need}）")
            if item.required:
                row.setForeground(QColor("#1b7f3b") if item.present else QColor("#b00020"))
            self.checklist.addItem(row)
        self.missing = case_flow.missing(items)
        self.close_button.setEnabled(case.status in case_flow.CLOSABLE and case.closed_on is None)
        self.archive_button.setEnabled(case.closed_on is not None and case.status != "归档")
