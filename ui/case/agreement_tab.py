"""协议: the agreement editor, signing, new versions, the signed scan and 打印 (a CaseWindow part)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from advisor_app.domain import case_flow
from advisor_app.domain.statuses import AgreementStatus, CaseStatus
from advisor_app.domain.vocab import terms
from advisor_app.services import attachments, cases
from ui import dialogs, hooks
from ui.case.base import CaseTab
from ui.case.terms_editor import TermsEditor
from ui.forms import FieldsPanel
from ui.widgets import ButtonChoice, date_edit


class AgreementTab(CaseTab):
    """协议: the agreement editor, signing, new versions, the signed scan and 打印 (a CaseWindow part)."""

    def _build_agreement(self) -> None:
        page = QWidget()
        self.agreement_label = QLabel()
        self.agr = FieldsPanel()
        self.agr.add_field("kind", self.tr("Kind"), ButtonChoice(terms("agreement_kinds"), optional=False))
        facts = self.agr.add_field("facts", self.tr("Main facts and matters in dispute"), QPlainTextEdit())
        facts.setMinimumHeight(80)
        self.terms = TermsEditor()
        self.agr.add_field("terms", self.tr("Terms agreed"), self.terms)
        perf = self.agr.add_field("performance", self.tr("Way and time of performance"), QPlainTextEdit())
        perf.setMinimumHeight(60)
        self.agr.add_field("performance_deadline", self.tr("Perform by"), date_edit(optional=True))
        copies = QSpinBox()
        copies.setRange(0, 50)
        copies.setSpecialValueText(self.tr("parties + 1"))
        self.agr.add_field("copies", self.tr("Copies"), copies)
        self.agr.add_field("amount_yuan", self.tr("Amount (yuan)"), QLineEdit())
        self.agr.changed.connect(self._mark_dirty)
        buttons = QHBoxLayout()
        self.save_agreement_button = QPushButton(self.tr("Save draft agreement"))
        self.sign_button = QPushButton(self.tr("Mark signed…"))
        self.version_button = QPushButton(self.tr("Change (new version)"))
        self.scan_button = QPushButton(self.tr("Attach signed scan…"))
        self.print_button = QPushButton(self.tr("Print"))
        # Not connected directly: clicked(bool) would arrive as save_agreement's ``then``.
        self.save_agreement_button.clicked.connect(lambda: self.save_agreement())
        self.sign_button.clicked.connect(self._ask_sign)
        self.version_button.clicked.connect(self.new_version)
        self.scan_button.clicked.connect(self._pick_scan)
        self.print_button.clicked.connect(lambda: self.print_document("agreement"))
        self.print_menu_button = QPushButton(self.tr("Print case documents"))
        menu = QMenu(self.print_menu_button)
        for document, label in (
            ("application", self.tr("Application for mediation")),
            ("registration", self.tr("Registration form")),
            ("notice", self.tr("Notice of rights and duties")),
            ("record", self.tr("Mediation record")),
            ("oral", self.tr("Oral agreement form")),
            ("visit", self.tr("Return visit record")),
            ("confirmation", self.tr("Application for judicial confirmation")),
            ("file", self.tr("Whole case file")),
        ):
            # triggered(bool) must not land in the document's default argument.
            menu.addAction(label, lambda _checked=False, d=document: self.print_document(d))
        self.print_menu_button.setMenu(menu)
        for widget in (self.save_agreement_button, self.sign_button, self.version_button, self.scan_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(self.print_menu_button)
        buttons.addWidget(self.print_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.agreement_label)
        layout.addWidget(self.agr, 1)
        layout.addLayout(buttons)
        self.tabs.addTab(page, self.tr("Agreement"))

    def save_agreement(self, then: Callable[[Any], None] | None = None) -> None:
        data = self.agr.values()
        data["copies"] = data["copies"] or None
        case_id, agreement_id = (
            self.case_id,
            self.agreement_id if self.agreement_status == AgreementStatus.DRAFT else None,
        )

        def done(agreement: Any) -> None:
            self.agreement_id = agreement.id
            self._dirty = False
            self._draft_dirty = False
            if then is not None:
                then(agreement)

        self.step(lambda: cases.save_agreement(self.store, case_id, data, agreement_id), self.agr, done)

    def _ask_sign(self) -> None:
        if (
            dialogs.ask(
                self,
                self.tr("Mark signed"),
                self.tr(
                    "Have all parties signed (or pressed a fingerprint), the mediator signed and the committee's "
                    "seal been put on it? After this the agreement can no longer be edited."
                ),
            )
            == dialogs.YES
        ):
            self.sign()

    def sign(self, signed_on: date | None = None) -> None:
        def do_sign(agreement: Any) -> None:
            self.step(lambda: hooks.sign_agreement(self.store, agreement.id, signed_on), self.agr)

        if self._dirty or self.agreement_status != AgreementStatus.DRAFT:
            self.save_agreement(then=do_sign)
        else:
            agreement_id = self.agreement_id
            self.step(lambda: hooks.sign_agreement(self.store, agreement_id, signed_on), self.agr)

    def new_version(self) -> None:
        agreement_id = self.agreement_id
        self.step(lambda: cases.new_version(self.store, agreement_id))

    def _pick_scan(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Attach signed scan"), "", "Images/PDF (*.jpg *.jpeg *.png *.pdf)"
        )
        if path:
            self.attach_scan(Path(path))

    def attach_scan(self, path: Path) -> None:
        agreement_id = self.agreement_id
        self.step(lambda: attachments.add_file(self.store, path, "agreement", agreement_id, "协议书扫描件"))

    def print_document(self, document: str) -> None:
        """打印: advisor_app.services.printing renders on the database thread; ui.print_preview shows it."""
        target = (self.agreement_id or self.case_id) if document == "agreement" else self.case_id
        try:
            dialog_class = hooks.preview_dialog()
        except hooks.NotReady as exc:
            dialogs.inform(
                self, self.tr("Print"), self.tr("Printing is not available yet (%1).").replace("%1", str(exc))
            )
            return

        def show(result: tuple[bytes, str, list[str], list[str]]) -> None:
            pdf, title, problems, warnings = result
            self.preview = dialog_class(pdf, title, self)
            self.preview.show()
            if problems or warnings:  # what the CLI prints as 警告: the print is not (only) what was signed
                dialogs.inform(
                    self.preview, self.tr("Print"), "\n".join([*problems, *warnings]), error=bool(problems)
                )

        def failed(exc: BaseException) -> None:
            messages = self.failure_messages(exc)
            dialogs.inform(self, self.tr("Print"), "\n".join(messages.values()), error=True)

        self.tasks.run_db(lambda: hooks.print_document(self.store, document, target), show, failed)

    def _refresh_agreement(self, view: Any) -> None:
        case, current, signed = view.case, view.current_agreement, view.signed_agreement
        self.signed_agreement_id = signed.id if signed else None
        self.agreement_id = current.id if current else None
        self.agreement_status = current.status if current else None
        if current is not None and not self._dirty:
            self.agr.set_values(
                {
                    "kind": current.kind,
                    "facts": current.facts,
                    "terms": current.terms,
                    "performance": current.performance,
                    "performance_deadline": current.performance_deadline,
                    "copies": current.copies,
                    "amount_yuan": str(current.amount_yuan) if current.amount_fen else "",
                }
            )
        elif current is None and not self._dirty:
            self.agr.set_values(
                {
                    "kind": "书面",
                    "facts": case.summary,
                    "copies": len([p for p in case.parties if not p.deleted]) + 1,
                }
            )
        read_only = current is not None and current.status != AgreementStatus.DRAFT
        open_case = case.status in case_flow.OPEN
        self.agr.set_read_only(read_only or not open_case)
        self.save_agreement_button.setEnabled(open_case and not read_only)
        self.sign_button.setEnabled(open_case and not read_only)
        self.version_button.setEnabled(
            current is not None
            and current.status == AgreementStatus.SIGNED
            and case.status != CaseStatus.ARCHIVED
        )
        self.scan_button.setEnabled(
            current is not None
            and current.status == AgreementStatus.SIGNED
            and case.status != CaseStatus.ARCHIVED
        )
        self.print_button.setEnabled(current is not None)
        if current is None:
            self.agreement_label.setText(
                self.tr("No agreement yet. Suggested clauses follow the dispute type.")
            )
        else:
            signed = (
                self.tr(", signed %1").replace("%1", current.signed_on.isoformat())
                if current.signed_on
                else ""
            )
            state = current.status + signed
            note = (
                self.tr(" — signed agreements are read-only; a change makes a new version.")
                if read_only
                else ""
            )
            self.agreement_label.setText(
                self.tr("Version %1: %2").replace("%1", str(current.version)).replace("%2", state) + note
            )
