"""结案 · 归档: the 卷宗 checklist, attachments, closing with a rating and archiving (a CaseWindow part)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
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
from advisor_app.domain.statuses import CaseStatus
from advisor_app.services import attachments, case_file, cases
from ui import dialogs
from ui.case.base import CaseTab
from ui.rating_dialog import RatingDialog
from ui.widgets import combo

# What a scan attached to the case can be: the 必备 paper documents (the signed agreement's scan is
# attached on the agreement tab), then the optional ones.
CASE_ATTACHMENT_PURPOSES = (
    *(purpose for purpose in case_flow.PAPER_ITEMS.values() if purpose != "协议书扫描件"),
    *case_flow.SCANNED_ITEMS,
    "其他",
)
NAME_ROLE = Qt.ItemDataRole.UserRole
TICKED_ROLE = Qt.ItemDataRole.UserRole + 1


class CloseTab(CaseTab):
    """结案 · 归档: the 卷宗 checklist, attachments, closing with a rating and archiving (a CaseWindow part)."""

    def _build_close(self) -> None:
        page = QWidget()
        self.checklist = QListWidget()
        self.checklist.currentItemChanged.connect(lambda _c, _p: self._show_tick_state())
        self.missing: list[str] = []
        self.tick_button = QPushButton(self.tr("Paper copy filed"))
        self.tick_button.setToolTip(
            self.tr("The signed paper document is in the case file (recorded with your name and the time)")
        )
        self.tick_button.clicked.connect(lambda: self.toggle_tick())
        self.purpose = combo(list(CASE_ATTACHMENT_PURPOSES))
        attach = QPushButton(self.tr("Attach a document…"))
        attach.clicked.connect(self._pick_document)
        self.attach_button = attach
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
        actions.addWidget(self.tick_button)
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
            card=("case", case_id) if case_id else None,
        )
        dialog.saved.connect(lambda _c: self.refresh(then=lambda: self.changed_case.emit(case_id or "")))
        self.rating_dialog = dialog
        dialog.open()
        return dialog

    def archive(self) -> None:
        """归档 names what the file lacks, else asks: an archived case can no longer be changed."""
        if self.missing:
            dialogs.inform(
                self,
                self.tr("Archive"),
                self.tr(
                    "The case file is not complete. Missing: %1.\n\nAttach a scan of each, or tick "
                    "“Paper copy filed” once the signed paper is in the file."
                ).replace("%1", "、".join(self.missing)),
                error=True,
            )
            return
        if (
            dialogs.ask(
                self,
                self.tr("Archive"),
                self.tr("Archive this case? An archived case and its file can no longer be changed."),
            )
            != dialogs.YES
        ):
            return
        case_id = self.case_id
        self.step(lambda: cases.archive(self.store, case_id))

    def toggle_tick(self) -> None:
        """纸质材料已归卷 for the selected required paper document, or withdraw that tick."""
        item = self.checklist.currentItem()
        if item is None or item.data(TICKED_ROLE) not in ("ticked", "missing"):
            return
        name, filed = item.data(NAME_ROLE), item.data(TICKED_ROLE) == "missing"
        case_id, who = self.case_id, self.store.user
        self.step(lambda: case_file.set_tick(self.store, case_id, name, filed, by=who))

    def _show_tick_state(self) -> None:
        item = self.checklist.currentItem()
        state = item.data(TICKED_ROLE) if item is not None else None
        self.tick_button.setText(
            self.tr("Withdraw the tick") if state == "ticked" else self.tr("Paper copy filed")
        )
        self.tick_button.setEnabled(state in ("ticked", "missing") and self.status != CaseStatus.ARCHIVED)

    def _refresh_checklist(self, view: Any) -> None:
        case = view.case
        selected = self.checklist.currentItem().data(NAME_ROLE) if self.checklist.currentItem() else None
        self.checklist.clear()
        archived = case.status == CaseStatus.ARCHIVED
        for item in view.checklist:
            mark = "✓" if item.present else ("✗" if item.required and not archived else "○")
            need = self.tr("required") if item.required else self.tr("optional")
            how = f"　— {item.how}" if item.how else ""
            if archived and item.required and not item.present:
                # Archived before the file was checked item by item: history, nothing left to do.
                how = "　— " + self.tr("not recorded when archived")
            row = QListWidgetItem(f"{mark}  {item.name}（{need}）{how}")
            row.setData(NAME_ROLE, item.name)
            if item.tickable and item.how.startswith(case_flow.TICK_LABEL):
                row.setData(TICKED_ROLE, "ticked")
            elif item.tickable and not item.present:
                row.setData(TICKED_ROLE, "missing")
            if item.required and not (archived and not item.present):
                row.setForeground(QColor("#1b7f3b") if item.present else QColor("#b00020"))
            self.checklist.addItem(row)
            if item.name == selected:
                self.checklist.setCurrentItem(row)
        self.missing = case_flow.missing(view.checklist)
        self._show_tick_state()
        self.close_button.setEnabled(case.status in case_flow.CLOSABLE and case.closed_on is None)
        self.archive_button.setEnabled(case.closed_on is not None and case.status != CaseStatus.ARCHIVED)
        self.attach_button.setEnabled(case.status != CaseStatus.ARCHIVED)  # the archived file is closed
        self.purpose.setEnabled(case.status != CaseStatus.ARCHIVED)
