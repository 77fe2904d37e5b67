"""司法确认: the 30-day window, the application and the court's decision (a CaseWindow part)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advisor_app.domain import case_flow
from advisor_app.domain.clock import china_today
from advisor_app.domain.statuses import AgreementStatus, CaseStatus, ConfirmationStatus
from advisor_app.services import cases
from ui.case.base import CaseTab
from ui.forms import FieldsPanel
from ui.widgets import date_edit


class ConfirmationTab(CaseTab):
    """司法确认: the 30-day window, the application and the court's decision (a CaseWindow part)."""

    def _build_confirmation(self) -> None:
        page = QWidget()
        self.window_label = QLabel()
        self.window_label.setWordWrap(True)
        self.confirm_list = QListWidget()
        self.confirm_list.setMaximumHeight(120)
        self.conf = FieldsPanel(scroll=False)
        self.conf.add_field("applied_on", self.tr("Applied on"), date_edit())
        self.conf.add_field("court", self.tr("Court"), QLineEdit())
        apply = QPushButton(self.tr("Record the application"))
        apply.clicked.connect(self.apply_confirmation)
        confirmed = QPushButton(self.tr("Court confirmed"))
        refused = QPushButton(self.tr("Court refused"))
        confirmed.clicked.connect(lambda: self._decide(ConfirmationStatus.CONFIRMED))
        refused.clicked.connect(lambda: self._decide(ConfirmationStatus.REFUSED))
        self.confirmation_buttons = (apply, confirmed, refused)
        row = QHBoxLayout()
        row.addWidget(apply)
        row.addStretch(1)
        row.addWidget(confirmed)
        row.addWidget(refused)
        layout = QVBoxLayout(page)
        layout.addWidget(self.window_label)
        layout.addWidget(self.conf)
        layout.addLayout(row)
        layout.addWidget(self.confirm_list)
        layout.addStretch(1)
        self.tabs.addTab(page, self.tr("Judicial confirmation"))

    def apply_confirmation(self) -> None:
        data = self.conf.values()
        case_id = self.case_id
        self.step(
            lambda: cases.apply_confirmation(self.store, case_id, data["applied_on"], data["court"]),
            self.conf,
        )

    def _decide(self, status: str) -> None:
        item = self.confirm_list.currentItem() or self.confirm_list.item(0)
        if item is None:
            return
        confirmation_id = item.data(Qt.ItemDataRole.UserRole)
        self.step(lambda: cases.decide_confirmation(self.store, confirmation_id, status), self.conf)

    def _refresh_confirmation(self, view: Any) -> None:
        signed = [a for a in view.agreements if a.status == AgreementStatus.SIGNED and a.kind == "书面"]
        if signed:
            deadline = case_flow.confirmation_deadline(signed[-1].signed_on)
            left = (deadline - china_today()).days
            self.window_label.setText(
                self.tr(
                    "The parties may jointly apply to the court within 30 days of the agreement taking effect: "
                    "until %1 (%2 day(s) left)."
                )
                .replace("%1", deadline.isoformat())
                .replace("%2", str(max(left, 0)))
            )
        else:
            self.window_label.setText(self.tr("Judicial confirmation needs a signed written agreement."))
        open_file = view.case.status != CaseStatus.ARCHIVED
        apply, confirmed, refused = self.confirmation_buttons
        apply.setEnabled(bool(signed) and open_file)
        self.conf.set_read_only(not (signed and open_file))
        pending = any(c.status == ConfirmationStatus.APPLIED for c in view.confirmations)
        confirmed.setEnabled(pending and open_file)
        refused.setEnabled(pending and open_file)
        self.confirm_list.clear()
        for c in view.confirmations:
            item = QListWidgetItem(
                f"{c.applied_on.isoformat()}  {c.court or ''}  {c.status}"
                + (f"（{c.decided_on.isoformat()}）" if c.decided_on else "")
            )
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            self.confirm_list.addItem(item)
