"""The list pages of the main window: consultations, cases, activities (each a ListPage plus its form).

A page the role only reads (``setup.read_only_pages``: a 县司法局's) offers no 新建 and opens a row
in :class:`RecordView`, the row's columns as the list shows them (masked), nothing to edit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from advisor_app.domain.roles import Role
from advisor_app.domain.vocab import terms
from advisor_app.services import listing, setup
from ui import dialogs
from ui.labels import column_labels
from ui.list_page import ListPage
from ui.villages import follow_villages

if TYPE_CHECKING:
    from advisor_app.services.store_access import Store


def village_choices(store: Store) -> list[tuple[str, str]]:
    return [(v.code, v.name) for v in setup.villages(store)]


def township_choices(store: Store) -> list[tuple[str, str]]:
    """A 县司法局's townships for the lists' first filter (township, then village); none for the
    other roles, whose lists cover one township at most."""
    county = setup.home_county(store) if setup.role(store) == Role.COUNTY else None
    return [(t.code, t.name) for t in setup.county_townships(store, county.code)] if county else []


class RecordView(QDialog):
    """One record of a read-only list: the list's columns (ID numbers and phones masked as there)."""

    def __init__(
        self, store: Store, tasks: Any, kind: str, record_id: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.record_id = record_id
        self.setWindowTitle(self.tr("Record (read only)"))
        self.form = QFormLayout()
        self.note = QLabel(self.tr("Reading…"))
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.values: dict[str, str] = {}
        columns, labels = listing.columns(kind), column_labels()

        def shown(row: tuple[Any, ...] | None) -> None:
            if row is None:
                self.note.setText(self.tr("The record is no longer there."))
                return
            self.note.setText(self.tr("Kept by the township office; read only here."))
            for key, value in zip(columns, row, strict=True):
                text = "" if value is None else str(value)
                self.values[key] = text
                label = QLabel(text)
                label.setWordWrap(True)
                self.form.addRow(labels.get(key, key), label)

        tasks.run_db(
            lambda: listing.rows(store, kind, [record_id]).get(record_id),
            shown,
            lambda exc: self.note.setText(
                self.tr("The record could not be read: %1").replace("%1", str(exc))
            ),
        )


class RecordsPage(QWidget):
    """A ListPage whose rows open a dialog; the list refreshes after a save. On a page the role
    only reads (``page`` in ``setup.read_only_pages``), rows open a :class:`RecordView`."""

    kind = ""
    page = ""  # the main window's key of this page

    def __init__(self, store: Store, tasks: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.read_only = self.page in setup.read_only_pages(store)
        options = self.list_options()
        if self.read_only:
            options["new_label"] = None  # nothing is logged here
        self.list = ListPage(
            store,
            tasks,
            self.kind,
            villages=village_choices(store),
            townships=township_choices(store),
            **options,
        )
        # a village added in 设置 is in the filter at once
        follow_villages(store, self.list.village, refill=self.list.set_villages)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.list)
        self.list.open_requested.connect(self.open_record)
        self.list.new_requested.connect(lambda: self.open_record(None))
        self.last_dialog: QDialog | None = None
        self.list.reload()

    def list_options(self) -> dict[str, Any]:  # pragma: no cover - abstract
        raise NotImplementedError

    def make_dialog(self, record_id: str | None) -> QDialog:  # pragma: no cover - abstract
        raise NotImplementedError

    def open_record(self, record_id: str | None) -> QDialog | None:
        if self.read_only:
            if record_id is None:  # e.g. 工作台's 新建 for a role that only reads
                dialogs.inform(
                    self,
                    self.tr("Read only"),
                    self.tr("This computer reads and reports: records are kept by the township offices."),
                )
                return None
            view = RecordView(self.store, self.tasks, self.kind, record_id, self)
            self.last_dialog = view
            view.show()
            return view
        dialog = self.make_dialog(record_id)
        self.last_dialog = dialog
        dialog.finished.connect(lambda _code: self.list.reload())
        dialog.show()
        if hasattr(dialog, "offer_draft"):
            dialog.offer_draft()
        return dialog


class ConsultationsPage(RecordsPage):
    kind = "consultation"
    page = "consultations"

    def list_options(self) -> dict[str, Any]:
        return {
            "types": terms("consultation_subcategories"),
            "statuses": terms("consultation_statuses"),
            "new_label": self.tr("New consultation"),
        }

    def make_dialog(self, record_id: str | None) -> QDialog:
        from ui.consultation_form import ConsultationForm

        return ConsultationForm(self.store, self.tasks, record_id, self)


class CasesPage(RecordsPage):
    kind = "case"
    page = "cases"

    def list_options(self) -> dict[str, Any]:
        return {
            "types": terms("dispute_types"),
            "statuses": terms("case_statuses"),
            "new_label": self.tr("Register a dispute"),
        }

    def make_dialog(self, record_id: str | None) -> QDialog:
        from ui.case.window import CaseWindow

        return CaseWindow(self.store, self.tasks, record_id, self)


class ActivitiesPage(RecordsPage):
    kind = "activity"
    page = "activities"

    def list_options(self) -> dict[str, Any]:
        return {"types": terms("activity_kinds"), "statuses": [], "new_label": self.tr("New activity")}

    def make_dialog(self, record_id: str | None) -> QDialog:
        from ui.activity_form import ActivityForm

        return ActivityForm(self.store, self.tasks, record_id, self)
