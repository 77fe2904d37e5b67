"""当事人 dialog: one party's particulars, checked by the core, with similar people offered."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QCheckBox, QLineEdit

from advisor_app.domain.vocab import terms
from advisor_app.services import cases, people
from ui import person_box
from ui.forms import FormDialog
from ui.widgets import ButtonChoice, TagButtons, combo, date_edit

if TYPE_CHECKING:
    from advisor_app.services.store_access import Store


class PartyDialog(FormDialog):
    """One party (当事人); returns the checked particulars, not a saved record."""

    def __init__(
        self, store: Store, tasks: Any, region_code: str | None, mediator: str | None, parent: Any = None
    ):
        super().__init__(store, None, parent, tasks=None)
        self.lookup_tasks = tasks
        self.region_code = region_code
        self.mediator = mediator
        self.setWindowTitle(self.tr("Party"))
        self.resize(640, 640)
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
