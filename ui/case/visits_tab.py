"""回访: return visits and the agreement's performance (a CaseWindow part)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advisor_app.domain.statuses import CaseStatus
from advisor_app.domain.vocab import terms
from advisor_app.services import cases
from ui.case.base import CaseTab
from ui.forms import FieldsPanel
from ui.widgets import combo, date_edit

VISITABLE = (
    CaseStatus.AGREED,
    CaseStatus.PERFORMING,
    CaseStatus.VISITING,
)  # advisor_app.services.cases.record_visit


class VisitsTab(CaseTab):
    """回访: return visits and the agreement's performance (a CaseWindow part)."""

    def _build_visits(self) -> None:
        page = QWidget()
        self.visit_list = QListWidget()
        self.visit_list.setMaximumHeight(120)
        self.perf_box = combo(terms("performance_statuses"))
        perf_button = QPushButton(self.tr("Record performance"))
        perf_button.clicked.connect(self._record_performance)
        self.perf_button = perf_button
        perf_row = QHBoxLayout()
        perf_row.addWidget(QLabel(self.tr("Performance of the agreement:")))
        perf_row.addWidget(self.perf_box)
        perf_row.addWidget(perf_button)
        perf_row.addStretch(1)
        self.visit = FieldsPanel()
        self.visit.add_field("visited_on", self.tr("Visited on"), date_edit())
        self.visit.add_field("reason", self.tr("Reason for the visit"), QLineEdit())
        self.visit.add_field(
            "performed", self.tr("Performed?"), combo(terms("performance_statuses"), blank="")
        )
        self.visit.add_field(
            "satisfied", self.tr("Satisfied"), QCheckBox(self.tr("The parties are satisfied"))
        )
        self.visit.add_field("lawsuit", self.tr("Lawsuit"), QCheckBox(self.tr("A party went to court")))
        self.visit.add_field(
            "risk", self.tr("Risk"), QCheckBox(self.tr("Risk that the dispute flares up again"))
        )
        self.visit.add_field("measures", self.tr("Measures"), QPlainTextEdit())
        self.visit.add_field("visitor", self.tr("Visitor"), QLineEdit())
        self.visit.set_values(
            {"visitor": self.store.user, "reason": self.tr("How the agreement is being carried out")}
        )
        save = QPushButton(self.tr("Save return visit"))
        save.clicked.connect(self.record_visit)
        self.visit_button = save
        layout = QVBoxLayout(page)
        layout.addWidget(self.visit_list)
        layout.addLayout(perf_row)
        layout.addWidget(self.visit, 1)
        layout.addWidget(save, 0, Qt.AlignmentFlag.AlignRight)
        self.tabs.addTab(page, self.tr("Return visit"))

    def record_visit(self) -> None:
        data = self.visit.values()
        case_id = self.case_id
        self.step(lambda: cases.record_visit(self.store, case_id, data), self.visit)

    def _record_performance(self) -> None:
        agreement_id, performed = self.signed_agreement_id, self.perf_box.currentData()
        self.step(lambda: cases.record_performance(self.store, agreement_id, performed))

    def _refresh_visits(self, view: Any) -> None:
        self.visit_list.clear()
        signed = view.signed_agreement
        # Only what the core would accept is offered: a visit after the agreement, before 归档.
        status = view.case.status
        self.visit_button.setEnabled(status in VISITABLE)
        self.visit.set_read_only(status not in VISITABLE)
        self.perf_button.setEnabled(signed is not None and status != CaseStatus.ARCHIVED)
        self.perf_box.setEnabled(signed is not None and status != CaseStatus.ARCHIVED)
        if signed is not None and signed.performed:
            self.perf_box.setCurrentIndex(max(0, self.perf_box.findData(signed.performed)))
        for v in view.visits:
            if v.visited_on:
                text = (
                    self.tr("Visited %1 by %2")
                    .replace("%1", v.visited_on.isoformat())
                    .replace("%2", v.visitor or "")
                )
            else:
                text = self.tr("Scheduled for %1").replace("%1", v.due_on.isoformat() if v.due_on else "")
            self.visit_list.addItem(text)
