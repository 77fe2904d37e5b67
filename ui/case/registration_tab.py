"""登记: the case's particulars and its parties (a CaseWindow part)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from advisor_app.domain import idcard, privacy
from advisor_app.domain.vocab import terms
from advisor_app.services import cases, setup, users, zero_reports
from ui import dialogs
from ui.case.base import CaseTab
from ui.case.party_dialog import PartyDialog
from ui.forms import FieldsPanel
from ui.villages import VillageCombo
from ui.widgets import ButtonChoice, combo, date_edit


class RegistrationTab(CaseTab):
    """登记: the case's particulars and its parties (a CaseWindow part)."""

    def _build_registration(self) -> None:
        page = QWidget()
        self.reg = FieldsPanel()
        # refills when a village is added, renamed or retired (ui.villages)
        self.reg.add_field("region_code", self.tr("Village"), VillageCombo(self.store))
        self.reg.add_field("dispute_type", self.tr("Dispute type"), combo(terms("dispute_types")))
        self.reg.add_field("source", self.tr("Source"), ButtonChoice(terms("case_sources"), optional=False))
        self.reg.add_field("accepted_on", self.tr("Accepted on"), date_edit())
        self.reg.add_field("mediator", self.tr("Mediator"), QLineEdit())
        self.reg.add_field("recorder", self.tr("Recorder"), QLineEdit())
        summary = self.reg.add_field("summary", self.tr("Summary of the dispute"), QPlainTextEdit())
        summary.setMinimumHeight(100)
        self.party_table = QTableWidget(0, 5)
        self.party_table.setHorizontalHeaderLabels(
            [self.tr("Role"), self.tr("Name"), self.tr("Sex"), self.tr("ID number"), self.tr("Phone")]
        )
        self.party_table.horizontalHeader().setStretchLastSection(True)
        self.party_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.party_table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.party_table.setMinimumHeight(120)
        self.party_table.cellDoubleClicked.connect(lambda row, _c: self.edit_party(row))
        self.reg.add_row(self.tr("Parties"), self.party_table)
        self.reg.rows["parties"] = self._party_error_row()
        buttons = QHBoxLayout()
        self.add_party_button = QPushButton(self.tr("Add a party…"))
        self.remove_party_button = QPushButton(self.tr("Remove party"))
        self.save_reg_button = QPushButton(self.tr("Save registration"))
        self.save_reg_button.setDefault(True)
        self.add_party_button.clicked.connect(lambda: self.edit_party(None))
        self.remove_party_button.clicked.connect(self._remove_party)
        self.save_reg_button.clicked.connect(self.save_registration)
        buttons.addWidget(self.add_party_button)
        buttons.addWidget(self.remove_party_button)
        self.reveal_button = QPushButton(self.tr("Show full numbers"))
        self.reveal_button.setToolTip(
            self.tr("Shows the parties' full ID numbers and phones (recorded in the audit log)")
        )
        self.reveal_button.clicked.connect(self.reveal)
        self.reveal_button.setEnabled(privacy.may_unmask(users.current_role(self.store), "cases"))
        buttons.addWidget(self.reveal_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_reg_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.reg, 1)
        layout.addLayout(buttons)
        self.reg.changed.connect(self._mark_dirty)
        self.reg.fields["dispute_type"].currentTextChanged.connect(lambda t: self.terms.set_dispute_type(t))
        self.reg.set_values({"mediator": self.store.user, "source": "当事人申请"})
        self.tabs.addTab(page, self.tr("Registration"))

    def _party_error_row(self) -> Any:
        from ui.forms import FieldRow

        row = FieldRow(QWidget())
        row.widget.hide()
        self.reg.add_row("", row)
        return row

    def edit_party(self, row: int | None) -> PartyDialog:
        values = self.reg.values()
        dialog = PartyDialog(self.store, self.tasks, values["region_code"], values["mediator"], self)
        if row is not None and 0 <= row < len(self.parties):
            if self.case_id:
                self._audit_view("当事人详细信息")
            dialog.set_values(self.parties[row])
            dialog.person_id = self.parties[row].get("person_id")
            dialog.mark_clean()

        def saved(party: dict[str, Any]) -> None:
            if row is None or row >= len(self.parties):
                self.parties.append(party)
            else:
                self.parties[row] = party
            self._show_parties()
            self._mark_dirty()

        dialog.saved.connect(saved)
        self.party_dialog = dialog
        dialog.open()
        return dialog

    def _remove_party(self) -> None:
        row = self.party_table.currentRow()
        if 0 <= row < len(self.parties):
            del self.parties[row]
            self._show_parties()
            self._mark_dirty()

    def _show_parties(self) -> None:
        self.party_table.setRowCount(len(self.parties))
        for row, party in enumerate(self.parties):
            cells = (
                party.get("role"),
                party.get("name"),
                party.get("gender"),
                party.get("id_number") if self.reveal_numbers else idcard.mask(party.get("id_number")),
                party.get("phone") if self.reveal_numbers else privacy.mask_phone(party.get("phone")),
            )
            for col, value in enumerate(cells):
                self.party_table.setItem(row, col, QTableWidgetItem(value or ""))
        self.party_table.resizeColumnsToContents()
        self.terms.set_dispute_type(self.reg.values()["dispute_type"])

    def _audit_view(self, detail: str) -> None:
        """A 查看 event (who saw a party's full particulars) written on the database thread."""
        case_id, region = self.case_id, self.reg.values().get("region_code") or ""
        self.tasks.run_db(lambda: users.record_view(self.store, "case_parties", case_id, region, detail))

    def reveal(self) -> None:
        """显示完整号码: only for roles that may see them; the showing is audited."""
        if not privacy.may_unmask(users.current_role(self.store), "cases"):
            return
        self.reveal_numbers = True
        self._show_parties()
        if self.case_id:
            self._audit_view("显示完整号码")

    def save_registration(self) -> None:
        """Save; a new case accepted in a month the village reported as 零上报 asks first (the save
        then records the correction on the zero report, services.zero_reports)."""
        if self.case_id:
            self._save_registration(confirm_zero_report=False)
            return
        values = self.reg.values()
        region, day = values.get("region_code"), _day(values.get("accepted_on"))
        if not region or day is None:
            self._save_registration(confirm_zero_report=False)  # the core names what is missing
            return

        def check() -> str | None:
            try:
                zero_reports.confirm_new_record(self.store, region, day, confirm=False)
            except zero_reports.ZeroReportExists as exc:
                return exc.report.month
            return None

        def checked(month: str | None) -> None:
            if month is None:
                self._save_registration(confirm_zero_report=False)
                return
            answer = dialogs.ask(
                self,
                self.tr("Zero report filed for this month"),
                self.tr(
                    "The village filed a zero report for %1 (no disputes that month).\n"
                    "Registering this case accepted on %2 corrects that month's zero report to one with "
                    "disputes (the correction is kept with the zero report).\n\nRegister it?"
                )
                .replace("%1", month)
                .replace("%2", f"{day:%Y-%m-%d}"),
            )
            if answer == dialogs.YES:
                self._save_registration(confirm_zero_report=True)
            else:
                self.message.setText(
                    self.tr("Not saved: that month has a zero report; registration cancelled")
                )

        self.tasks.run_db(check, checked, lambda exc: self.reg.show_errors(self.failure_messages(exc)))

    def _save_registration(self, *, confirm_zero_report: bool) -> None:
        data = {**self.reg.values(), "parties": [dict(p) for p in self.parties]}
        old_key, case_id = self.draft_key, self.case_id

        def job() -> Any:
            if case_id:
                return cases.update(self.store, case_id, data)
            committee = setup.committee(self.store)
            day = _day(data.get("accepted_on"))
            if data.get("region_code") and day is not None:
                # asked above; a zero report that arrived since (a sync) is refused here, not missed
                zero_reports.confirm_new_record(
                    self.store, data["region_code"], day, confirm=confirm_zero_report
                )
            return cases.register(self.store, {**data, "committee_id": committee.id})

        def done(case: Any) -> None:
            self.case_id = case.id
            self._dirty = False
            self._draft_dirty = False
            self.drafts.discard(old_key)

        self.step(job, self.reg, done)


def _day(value: Any) -> date | None:
    """The form's accepted-on value as a date (the widget gives a date; a draft may give text)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value.strip():
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            return None
    return None
