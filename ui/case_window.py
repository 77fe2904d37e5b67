"""纠纷调解: one case from registration to archive, a tab per step.

Every step calls ``advisor_app.services.cases`` on the database thread; the window only shows the
case's state and the core's messages (status flow, 30-day window, signed agreements read-only).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from advisor_app.domain import case_flow, idcard, privacy
from advisor_app.domain.vocab import terms
from advisor_app.services import attachments, cases, people, setup, users
from advisor_app.services.drafts import Drafts
from ui import clauses, dialogs, hooks, person_box
from ui.forms import DRAFT_INTERVAL_MS, FieldsPanel, FormDialog, error_messages
from ui.rating_dialog import RatingDialog
from ui.widgets import ButtonChoice, TagButtons, combo, date_edit, datetime_edit

CASE_ATTACHMENT_PURPOSES = ("身份证明", "证据材料", "履行凭证", "授权委托书", "调查记录", "情况说明", "其他")


class PartyDialog(FormDialog):
    """One party (当事人); returns the checked particulars, not a saved record."""

    def __init__(
        self, store: Any, tasks: Any, region_code: str | None, mediator: str | None, parent: Any = None
    ):
        super().__init__(store, None, parent, tasks=None)
        self.lookup_tasks = tasks
        self.region_code = region_code
        self.mediator = mediator
        self.setWindowTitle(self.tr("Party"))
        self.resize(600, 640)
        self.add_field("role", self.tr("Role"), ButtonChoice(list(cases.PARTY_ROLES), optional=False))
        name = self.add_field("name", self.tr("Name"), QLineEdit())
        self.add_field(
            "is_organisation", self.tr("Organisation"), QCheckBox(self.tr("The party is an organisation"))
        )
        self.add_field("representative", self.tr("Representative"), QLineEdit())
        id_number = self.add_field("id_number", self.tr("ID number"), QLineEdit())
        self.similar = person_box.SimilarPeople()
        self.add_row("", self.similar)
        self.add_field("gender", self.tr("Sex"), combo(terms("genders"), blank=""))
        self.add_field("birth_date", self.tr("Date of birth"), date_edit(optional=True))
        self.add_field("ethnicity", self.tr("Ethnicity"), QLineEdit())
        self.add_field("occupation", self.tr("Occupation"), QLineEdit())
        phone = self.add_field("phone", self.tr("Phone"), QLineEdit())
        self.add_field("address", self.tr("Address"), QLineEdit())
        self.add_field("tags", self.tr("Priority groups"), TagButtons(terms("priority_groups")))
        self.person_id: str | None = None
        self.set_values({"role": "当事人", "ethnicity": "汉族"})
        self.mark_clean()
        id_number.textChanged.connect(self._autofill)
        for widget in (name, id_number, phone):
            widget.editingFinished.connect(self.look_up)
        self.similar.chosen.connect(self._use)

    def _autofill(self, text: str) -> None:
        info = person_box.id_autofill(text)
        if info is not None:
            self.set_values({"gender": info.gender, "birth_date": info.birth_date})

    def look_up(self) -> None:
        values = self.values()
        if not (values["name"] or values["id_number"] or values["phone"]):
            return
        recusal = None
        if person_box.same_sound(values["name"], self.mediator):
            recusal = self.tr(
                "This party's name sounds the same as the mediator's (%1). If they are the same person or "
                "related, the mediator should step aside (回避)."
            ).replace("%1", self.mediator or "")
        person_box.lookup_similar(
            self.lookup_tasks,
            self.store,
            {k: values[k] for k in ("name", "id_number", "phone")},
            self.region_code,
            lambda matches: self.similar.show_matches(matches, recusal),
        )

    def _use(self, match: Any) -> None:
        fields = tuple(k for k in cases.PARTY_FIELDS if k != "role")
        with self.store.session() as session:
            data = people.particulars(session, match, fields)
        self.person_id = match.record_id if match.kind == "person" else data.pop("person_id", None)
        data.pop("person_id", None)
        self.set_values({k: v for k, v in data.items() if v is not None})
        self._changed()
        self.similar.show_matches([])

    def collect(self) -> dict[str, Any]:
        return {**self.values(), "person_id": self.person_id}

    def submit(self, data: dict[str, Any]) -> Any:
        clean = cases.check_party(data)
        return {k: (v.isoformat() if isinstance(v, date) else v) for k, v in clean.items()}


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


class CaseWindow(QDialog):
    """A case: 登记 → 调解记录 → 协议 → 回访 → 司法确认 → 结案归档, with the 卷宗 checklist."""

    changed_case = Signal(str)  # case id, after any step
    step_failed = Signal(dict)

    def __init__(self, store: Any, tasks: Any, case_id: str | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.case_id = case_id
        self.parties: list[dict[str, Any]] = []
        self.reveal_numbers = False  # full ID numbers and phones shown after 显示完整号码 (audited)
        self.agreement_id: str | None = None
        self.agreement_status: str | None = None
        self.drafts = Drafts(store)
        self._dirty = False
        self._draft_dirty = False
        self.resize(980, 780)
        self.header = QLabel()
        self.header.setObjectName("caseHeader")
        self.header.setWordWrap(True)
        self.tabs = QTabWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self._build_registration()
        self._build_sessions()
        self._build_agreement()
        self._build_visits()
        self._build_confirmation()
        self._build_close()
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save_current)
        self._draft_timer = QTimer(self)
        self._draft_timer.setInterval(DRAFT_INTERVAL_MS)
        self._draft_timer.timeout.connect(self.flush_draft)
        self._draft_timer.start()
        self.refresh()

    @property
    def draft_key(self) -> str:
        return f"case-{self.case_id or 'new'}"

    # --- running steps ----------------------------------------------------------------------------

    def step(
        self,
        fn: Callable[[], Any],
        panel: FieldsPanel | None = None,
        then: Callable[[Any], None] | None = None,
    ) -> None:
        """Run one step on the database thread; show the core's messages, or refresh on success."""

        def done(result: Any) -> None:
            if panel is not None:
                panel.show_errors({})
            self.message.setText("")
            if then is not None:
                then(result)
            self.refresh()
            self.changed_case.emit(self.case_id or "")

        def failed(exc: BaseException) -> None:
            messages = error_messages(exc) or {"": f"{type(exc).__name__}: {exc}"}
            if panel is not None:
                panel.show_errors(messages)
            else:
                self.message.setText("\n".join(messages.values()))
            self.message.setStyleSheet("color: #b00020;")
            self.step_failed.emit(messages)

        self.tasks.run_db(fn, done, failed)

    def _mark_dirty(self) -> None:
        self._dirty = True
        self._draft_dirty = True

    # --- 登记 -------------------------------------------------------------------------------------

    def _build_registration(self) -> None:
        page = QWidget()
        self.reg = FieldsPanel()
        villages = [(v.name, v.code) for v in setup.villages(self.store)]
        self.reg.add_field("region_code", self.tr("Village"), combo(villages))
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
        self.reveal_button = QPushButton("显示完整号码")
        self.reveal_button.setToolTip("显示当事人完整的身份证号和电话（会记入审计记录）")
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
        data = {**self.reg.values(), "parties": [dict(p) for p in self.parties]}
        old_key, case_id = self.draft_key, self.case_id

        def job() -> Any:
            if case_id:
                return cases.update(self.store, case_id, data)
            committee = setup.committee(self.store)
            return cases.register(self.store, {**data, "committee_id": committee.id})

        def done(case: Any) -> None:
            self.case_id = case.id
            self._dirty = False
            self._draft_dirty = False
            self.drafts.discard(old_key)

        self.step(job, self.reg, done)

    # --- 调解记录 ----------------------------------------------------------------------------------

    def _build_sessions(self) -> None:
        page = QWidget()
        self.session_list = QListWidget()
        self.session_list.setMaximumHeight(140)
        self.sess = FieldsPanel()
        self.sess.add_field("held_at", self.tr("Time"), datetime_edit())
        self.sess.add_field("place", self.tr("Place"), QLineEdit())
        self.sess.add_field("participants", self.tr("Participants"), QLineEdit())
        for key, label in (
            ("statements", self.tr("Statements of each side")),
            ("facts", self.tr("Facts checked")),
            ("result", self.tr("Result")),
        ):
            edit = self.sess.add_field(key, label, QPlainTextEdit())
            edit.setMinimumHeight(70)
        buttons = QHBoxLayout()
        notice = QPushButton(self.tr("Rights notice read and signed"))
        failed = QPushButton(self.tr("Mediation failed…"))
        ended = QPushButton(self.tr("Terminate…"))
        add = QPushButton(self.tr("Save this session"))
        add.setObjectName("addSession")
        notice.clicked.connect(lambda: self.step(lambda: cases.give_notice(self.store, self.case_id)))
        failed.clicked.connect(lambda: self._end("调解不成"))
        ended.clicked.connect(lambda: self._end("终止"))
        add.clicked.connect(self.add_session)
        for widget in (notice, failed, ended):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(add)
        self.session_buttons = [notice, failed, ended, add]
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("Sessions held")))
        layout.addWidget(self.session_list)
        layout.addWidget(self.sess, 1)
        layout.addLayout(buttons)
        self.tabs.addTab(page, self.tr("Mediation sessions"))

    def add_session(self) -> None:
        data = {**self.sess.values(), "mediator": self.reg.values()["mediator"]}
        case_id = self.case_id

        def done(_s: Any) -> None:
            self.sess.set_values(
                {"place": "", "participants": "", "statements": "", "facts": "", "result": ""}
            )

        self.step(lambda: cases.add_session(self.store, case_id, data), self.sess, done)

    def _end(self, status: str) -> None:
        reason, ok = QInputDialog.getMultiLineText(
            self, status, self.tr("Why (this goes into the case file):")
        )
        if ok:
            case_id = self.case_id
            self.step(lambda: cases.set_status(self.store, case_id, status, result=reason))

    # --- 协议 -------------------------------------------------------------------------------------

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
        self.save_agreement_button.clicked.connect(self.save_agreement)
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
            menu.addAction(label, lambda d=document: self.print_document(d))
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
        case_id, agreement_id = self.case_id, self.agreement_id if self.agreement_status == "草稿" else None

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
            self.step(lambda: hooks.sign_agreement(self.store, agreement.id, signed_on))

        if self._dirty or self.agreement_status != "草稿":
            self.save_agreement(then=do_sign)
        else:
            agreement_id = self.agreement_id
            self.step(lambda: hooks.sign_agreement(self.store, agreement_id, signed_on))

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

        def show(result: tuple[bytes, str]) -> None:
            pdf, title = result
            self.preview = dialog_class(pdf, title, self)
            self.preview.show()

        def failed(exc: BaseException) -> None:
            messages = error_messages(exc) or {"": f"{type(exc).__name__}: {exc}"}
            dialogs.inform(self, self.tr("Print"), "\n".join(messages.values()), error=True)

        self.tasks.run_db(lambda: hooks.print_document(self.store, document, target), show, failed)

    # --- 回访 -------------------------------------------------------------------------------------

    def _build_visits(self) -> None:
        page = QWidget()
        self.visit_list = QListWidget()
        self.visit_list.setMaximumHeight(120)
        self.perf_box = combo(terms("performance_statuses"))
        perf_button = QPushButton(self.tr("Record performance"))
        perf_button.clicked.connect(self._record_performance)
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
        self.visit.set_values({"visitor": self.store.user, "reason": "了解协议履行情况"})
        save = QPushButton(self.tr("Save return visit"))
        save.clicked.connect(self.record_visit)
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

    # --- 司法确认 ----------------------------------------------------------------------------------

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
        confirmed.clicked.connect(lambda: self._decide("已确认"))
        refused.clicked.connect(lambda: self._decide("不予确认"))
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

    # --- 结案 · 归档 -------------------------------------------------------------------------------

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

    # --- state ------------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Show the case as stored (a few small reads by key, on the GUI thread)."""
        has_case = self.case_id is not None
        for index in range(1, self.tabs.count()):
            self.tabs.setTabEnabled(index, has_case)
        if not has_case:
            self.setWindowTitle(self.tr("Register a dispute"))
            self.header.setText(self.tr("New case: enter the parties, the type and a summary, then save."))
            self.terms.set_dispute_type(self.reg.values()["dispute_type"])
            return
        case = cases.get(self.store, self.case_id)
        self.status = case.status
        self.setWindowTitle(f"{case.case_no or ''} {case.dispute_type}")
        late = ""
        if case.status in case_flow.OPEN and case.due_on < date.today():
            late = "  " + self.tr("(past the one-month target)")
        self.header.setText(
            f"<b>{case.case_no or ''}</b>　{case.dispute_type}　"
            + self.tr("Status: %1").replace("%1", f"<b>{case.status}</b>")
            + "　"
            + self.tr("Accepted %1, due %2")
            .replace("%1", case.accepted_on.isoformat())
            .replace("%2", case.due_on.isoformat())
            + late
        )
        if not self._dirty:
            self.reg.set_values({k: getattr(case, k) for k in cases.CASE_FIELDS if k in self.reg.fields})
            self.parties = [
                {
                    k: (v.isoformat() if isinstance(v, date) else v)
                    for k, v in ((f, getattr(p, f)) for f in cases.PARTY_FIELDS)
                }
                for p in case.parties
                if not p.deleted
            ]
            self._show_parties()
        editable = case.status != "归档"
        self.reg.set_read_only(not editable)
        for widget in (self.add_party_button, self.remove_party_button, self.save_reg_button):
            widget.setEnabled(editable)
        for widget in self.session_buttons:
            widget.setEnabled(case.status in case_flow.OPEN)
        self.session_list.clear()
        for s in cases.sessions(self.store, self.case_id):
            self.session_list.addItem(f"{s.held_at:%Y-%m-%d %H:%M}  {s.place or ''}  {(s.result or '')[:40]}")
        self._refresh_agreement(case)
        self._refresh_visits()
        self._refresh_confirmation()
        self._refresh_checklist(case)

    def _refresh_agreement(self, case: Any) -> None:
        versions = cases.agreements(self.store, self.case_id)
        current = versions[-1] if versions else None
        signed = [a for a in versions if a.status == "已签署"]
        self.signed_agreement_id = signed[-1].id if signed else None
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
        read_only = current is not None and current.status != "草稿"
        open_case = case.status in case_flow.OPEN
        self.agr.set_read_only(read_only or not open_case)
        self.save_agreement_button.setEnabled(open_case and not read_only)
        self.sign_button.setEnabled(open_case and not read_only)
        self.version_button.setEnabled(
            current is not None and current.status == "已签署" and case.status != "归档"
        )
        self.scan_button.setEnabled(current is not None and current.status == "已签署")
        self.print_button.setEnabled(current is not None)
        if current is None:
            self.agreement_label.setText(
                self.tr("No agreement yet. Suggested clauses follow the dispute type.")
            )
        else:
            state = current.status + (f"，{current.signed_on.isoformat()} 签署" if current.signed_on else "")
            note = (
                self.tr(" — signed agreements are read-only; a change makes a new version.")
                if read_only
                else ""
            )
            self.agreement_label.setText(
                self.tr("Version %1: %2").replace("%1", str(current.version)).replace("%2", state) + note
            )

    def _refresh_visits(self) -> None:
        self.visit_list.clear()
        for v in cases.visits(self.store, self.case_id):
            if v.visited_on:
                text = (
                    self.tr("Visited %1 by %2")
                    .replace("%1", v.visited_on.isoformat())
                    .replace("%2", v.visitor or "")
                )
            else:
                text = self.tr("Scheduled for %1").replace("%1", v.due_on.isoformat() if v.due_on else "")
            self.visit_list.addItem(text)

    def _refresh_confirmation(self) -> None:
        signed = [
            a for a in cases.agreements(self.store, self.case_id) if a.status == "已签署" and a.kind == "书面"
        ]
        if signed:
            deadline = case_flow.confirmation_deadline(signed[-1].signed_on)
            left = (deadline - date.today()).days
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
        self.confirm_list.clear()
        for c in cases.confirmations(self.store, self.case_id):
            item = QListWidgetItem(
                f"{c.applied_on.isoformat()}  {c.court or ''}  {c.status}"
                + (f"（{c.decided_on.isoformat()}）" if c.decided_on else "")
            )
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            self.confirm_list.addItem(item)

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

    # --- saving, drafts, closing ------------------------------------------------------------------

    def save_current(self) -> None:
        index = self.tabs.currentIndex()
        if index == 0:
            self.save_registration()
        elif index == 2:
            self.save_agreement()

    def flush_draft(self) -> None:
        if self._draft_dirty:
            self.drafts.save(
                self.draft_key,
                {"registration": self.reg.values(), "parties": self.parties, "agreement": self.agr.values()},
            )
            self._draft_dirty = False

    def offer_draft(self) -> bool:
        data = self.drafts.load(self.draft_key)
        if not data:
            return False
        when = (self.drafts.saved_at(self.draft_key) or "").replace("T", " ")
        if (
            dialogs.ask(
                self,
                self.tr("Restore draft"),
                self.tr(
                    "An unsaved draft from %1 was found (the program may have closed unexpectedly). Restore it?"
                ).replace("%1", when),
            )
            != dialogs.YES
        ):
            self.drafts.discard(self.draft_key)
            return False
        self.reg.set_values(data.get("registration") or {})
        self.parties = list(data.get("parties") or [])
        self._show_parties()
        if self.case_id:
            self.agr.set_values(data.get("agreement") or {})
        self._dirty = True
        return True

    def reject(self) -> None:
        if self._dirty:
            answer = dialogs.ask(
                self,
                self.tr("Unsaved changes"),
                self.tr("This case has changes that are not saved. Leave without saving?"),
                (dialogs.DISCARD, dialogs.CANCEL),
            )
            if answer == dialogs.CANCEL:
                return
        self.drafts.discard(self.draft_key)
        self._dirty = False
        self._draft_timer.stop()
        super().reject()

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        event.ignore()
        self.reject()
