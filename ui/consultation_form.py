"""法律咨询: log a consultation in under a minute — village and time prefilled, one click for
the mode, category, referral and priority groups; a legal aid hint when referred to 法律援助."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel, QLineEdit, QPlainTextEdit, QPushButton, QSpinBox

from advisor_app.domain.statuses import ConsultationStatus
from advisor_app.domain.vocab import terms
from advisor_app.services import consultations, legal_aid
from ui import person_box
from ui.forms import FormDialog
from ui.rating_dialog import RatingDialog
from ui.villages import VillageCombo
from ui.widgets import ButtonChoice, TagButtons, combo, datetime_edit

if TYPE_CHECKING:
    from advisor_app.services.store_access import Store

LAST_VILLAGE = "consultation/last_village"


class ConsultationForm(FormDialog):
    def __init__(self, store: Store, tasks: Any, record_id: str | None = None, parent: Any = None) -> None:
        super().__init__(store, f"consultation-{record_id or 'new'}", parent, tasks=tasks)
        self.record_id = record_id
        self.setWindowTitle(self.tr("Consultation") if record_id else self.tr("New consultation"))
        self.resize(760, 680)
        self.person_id: str | None = None

        # refilled when a village is added, renamed or retired elsewhere (ui.villages)
        self.add_field("region_code", self.tr("Village"), VillageCombo(store))
        self.add_field("occurred_at", self.tr("Time"), datetime_edit())
        name = self.add_field("person_name", self.tr("Person"), QLineEdit())
        self.similar = person_box.SimilarPeople()
        self.add_row("", self.similar)
        # kept on the person's record (services.consultations.CONTACT), masked in the list and export
        phone = self.add_field("phone", self.tr("Phone"), QLineEdit())
        phone.setPlaceholderText(self.tr("Mobile or landline, e.g. 13800138000 or 0913-2345678"))
        id_number = self.add_field("id_number", self.tr("ID number (optional)"), QLineEdit())
        id_number.setMaxLength(18)
        self.add_field("tags", self.tr("Priority groups"), TagButtons(terms("priority_groups")))
        self.add_field("mode", self.tr("Mode"), ButtonChoice(terms("service_modes"), optional=False))
        self.add_field("service_type", self.tr("Service"), combo(terms("service_types")))
        self.add_field(
            "category", self.tr("Category"), ButtonChoice(terms("consultation_categories"), optional=False)
        )
        self.add_field("subcategory", self.tr("Matter"), combo(terms("consultation_subcategories"), blank=""))
        question = self.add_field("question", self.tr("Question"), QPlainTextEdit())
        question.setMinimumHeight(70)
        question.setMaximumHeight(120)
        answer = self.add_field("answer", self.tr("Answer"), QPlainTextEdit())
        answer.setMinimumHeight(70)
        answer.setMaximumHeight(120)
        self.add_field("referral", self.tr("Referred to"), ButtonChoice(terms("referral_kinds")))
        self.aid_hint = QLabel()
        self.aid_hint.setWordWrap(True)
        self.aid_hint.setStyleSheet("color: #1a5fb4;")
        self.aid_hint.hide()
        self.add_row("", self.aid_hint)
        duration = QSpinBox()
        duration.setRange(0, 24 * 60)
        duration.setSpecialValueText(" ")
        duration.setSuffix(self.tr(" min"))
        self.add_field("duration_minutes", self.tr("Time taken"), duration)
        self.add_field("adviser", self.tr("Adviser"), QLineEdit())

        self.close_button = QPushButton(self.tr("Save and close with rating…"))
        self.buttons.addButton(self.close_button, self.buttons.ButtonRole.ActionRole)
        self.close_button.clicked.connect(self.save_and_close)
        self.print_button = QPushButton(self.tr("Print record"))
        self.print_button.setObjectName("print")  # Ctrl+P
        self.buttons.addButton(self.print_button, self.buttons.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self.print_record)
        self.print_button.setEnabled(record_id is not None)

        self.set_values({**consultations.DEFAULTS, "adviser": store.user})
        last = QSettings().value(LAST_VILLAGE)
        if last:
            self.set_values({"region_code": last})
        if record_id:
            self._load(record_id)
        self.mark_clean()
        name.editingFinished.connect(self._look_up_person)
        self.similar.chosen.connect(self._use_person)
        for key in ("referral", "tags", "subcategory", "question"):
            from ui.widgets import changed_signal

            changed_signal(self.fields[key]).connect(self._update_aid_hint)
        self.fields["person_name"].setFocus()

    def _load(self, record_id: str) -> None:
        record = consultations.get(self.store, record_id)
        self.person_id = record.person_id
        self.set_values({key: getattr(record, key) for key in consultations.EDITABLE if key in self.fields})
        self.set_values(consultations.contact(self.store, record_id))
        if record.status == ConsultationStatus.DONE:
            self.close_button.setEnabled(False)

    def _look_up_person(self) -> None:
        name = self.fields["person_name"].text().strip()
        if not name:
            return
        person_box.lookup_similar(
            self.tasks,
            self.store,
            {"name": name},
            self.fields["region_code"].currentData(),
            lambda matches: self.similar.show_matches([m for m in matches if m.kind == "person"]),
        )

    def _use_person(self, match: Any) -> None:
        self.person_id = match.record_id
        self.set_values({"person_name": match.name})
        # the chosen person's phone and ID number, so a saved consultation shows what is on file
        from advisor_app.services import people

        with self.store.session() as session:
            known = people.particulars(session, match, ("phone", "id_number"))
        self.set_values({k: v for k, v in known.items() if k in ("phone", "id_number") and v})
        self._changed()
        self.similar.show_matches([])

    def _update_aid_hint(self, *_: Any) -> None:
        values = self.values()
        if values["referral"] == "调解":  # how an adviser (no 纠纷调解 page) hands a dispute on
            self.aid_hint.setText(
                self.tr(
                    "Referred to mediation: after saving, the village's mediator registers it under "
                    "Disputes (source: referred by another body)."
                )
            )
            self.aid_hint.show()
            return
        if values["referral"] != "法律援助":
            self.aid_hint.hide()
            return
        found = legal_aid.hints(values["tags"] or [], values["subcategory"], values["question"] or "")
        if not found:
            text = self.tr(
                "No article of the Legal Aid Law matched; the legal aid office will check eligibility."
            )
        else:
            line = self.tr("Legal Aid Law %1: %2 (%3)")
            text = "\n".join(
                line.replace("%1", h.article).replace("%2", h.summary).replace("%3", h.reason) for h in found
            )
        self.aid_hint.setText(text)
        self.aid_hint.show()

    def submit(self, data: dict[str, Any]) -> Any:
        if self.record_id:
            return consultations.update(self.store, self.record_id, data)
        return consultations.create(self.store, data)

    def collect(self) -> dict[str, Any]:
        return {**self.values(), "person_id": self.person_id}

    def after_save(self, record: Any) -> None:
        self.record_id = record.id
        QSettings().setValue(LAST_VILLAGE, record.region_code)

    def print_record(self) -> None:
        """法律咨询记录 through the printing service, shown in ui.print_preview."""
        from ui import dialogs, hooks

        try:
            dialog_class = hooks.preview_dialog()
        except hooks.NotReady as exc:
            dialogs.inform(self, self.tr("Print"), str(exc))
            return

        def show(result: tuple[bytes, str]) -> None:
            self.preview = dialog_class(result[0], result[1], self)
            self.preview.show()

        record_id = self.record_id
        self.run(lambda: hooks.print_document(self.store, "consultation", record_id), show)

    def save_and_close(self) -> None:
        """Save, then take the rating (服务一次，评价一次) and close the consultation."""
        self.save(then=self._rate)

    def _rate(self, record: Any) -> None:
        rating = RatingDialog(
            self.store,
            self.tasks,
            self.tr("Close the consultation"),
            lambda **kw: consultations.close(self.store, record.id, **kw),
            self,
            card=("consultation", record.id),
        )
        self.rating_dialog = rating
        rating.finished.connect(lambda _code: self.done(1))
        rating.open()
