"""The list pages of the main window: consultations, cases, activities (each a ListPage plus its form)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from advisor_app.domain.vocab import terms
from advisor_app.services import setup
from ui.list_page import ListPage
from ui.villages import follow_villages

if TYPE_CHECKING:
    from advisor_app.services.store_access import Store


def village_choices(store: Store) -> list[tuple[str, str]]:
    return [(v.code, v.name) for v in setup.villages(store)]


class RecordsPage(QWidget):
    """A ListPage whose rows open a dialog; the list refreshes after a save."""

    kind = ""

    def __init__(self, store: Store, tasks: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.list = ListPage(store, tasks, self.kind, villages=village_choices(store), **self.list_options())
        follow_villages(store, self.list.village)  # a village added in 设置 is in the filter at once
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

    def open_record(self, record_id: str | None) -> QDialog:
        dialog = self.make_dialog(record_id)
        self.last_dialog = dialog
        dialog.finished.connect(lambda _code: self.list.reload())
        dialog.show()
        if hasattr(dialog, "offer_draft"):
            dialog.offer_draft()
        return dialog


class ConsultationsPage(RecordsPage):
    kind = "consultation"

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

    def list_options(self) -> dict[str, Any]:
        return {"types": terms("activity_kinds"), "statuses": [], "new_label": self.tr("New activity")}

    def make_dialog(self, record_id: str | None) -> QDialog:
        from ui.activity_form import ActivityForm

        return ActivityForm(self.store, self.tasks, record_id, self)
