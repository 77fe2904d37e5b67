"""法律明白人 roster: per-village counts against the target (at least 3), members, trainings, 清退."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from advisor_app.domain import idcard, privacy
from advisor_app.domain.statuses import RosterStatus
from advisor_app.domain.vocab import terms
from advisor_app.services import roster, setup, users
from ui.forms import FormDialog
from ui.list_page import ListPage
from ui.pages import township_choices, village_choices
from ui.villages import VillageCombo, events, follow_villages
from ui.widgets import combo, date_edit

if TYPE_CHECKING:
    from advisor_app.services.store_access import Store


class TrainingForm(FormDialog):
    def __init__(self, store: Store, tasks: Any, member_id: str, parent: Any = None) -> None:
        super().__init__(store, None, parent, tasks=tasks)
        self.member_id = member_id
        self.setWindowTitle(self.tr("Add a training"))
        self.add_field("trained_on", self.tr("Date"), date_edit())
        self.add_field("hours", self.tr("Hours"), QLineEdit())
        self.add_field("topic", self.tr("Topic"), QLineEdit())

    def submit(self, data: dict[str, Any]) -> Any:
        return roster.add_training(self.store, self.member_id, data)


class MemberForm(FormDialog):
    def __init__(self, store: Store, tasks: Any, member_id: str | None = None, parent: Any = None) -> None:
        super().__init__(store, f"legal_literate-{member_id or 'new'}", parent, tasks=tasks)
        self.member_id = member_id
        self.setWindowTitle(self.tr("Legal literate person"))
        self.resize(640, 660)
        self.add_field("region_code", self.tr("Village"), VillageCombo(store))
        self.add_field("group_name", self.tr("Village group"), QLineEdit())
        self.add_field("name", self.tr("Name"), QLineEdit())
        id_number = self.add_field("id_number", self.tr("ID number"), QLineEdit())
        self.add_field("gender", self.tr("Sex"), combo(terms("genders"), blank=""))
        self.add_field("birth_date", self.tr("Date of birth"), date_edit(optional=True))
        self.add_field("ethnicity", self.tr("Ethnicity"), QLineEdit())
        self.add_field(
            "political_status", self.tr("Political status"), combo(terms("political_statuses"), blank="")
        )
        self.add_field("education", self.tr("Education"), combo(terms("education_levels"), blank=""))
        self.add_field(
            "identity_category", self.tr("Identity"), combo(terms("identity_categories"), blank="")
        )
        self.add_field("phone", self.tr("Phone"), QLineEdit())
        self.add_field("certificate_no", self.tr("Certificate number"), QLineEdit())
        self.add_field("appointed_on", self.tr("Registered on"), date_edit(optional=True))
        id_number.textChanged.connect(self._autofill)
        self.trainings = QListWidget()
        self.add_row(self.tr("Trainings"), self.trainings)
        buttons = QHBoxLayout()
        self.add_training = QPushButton(self.tr("Add a training…"))
        self.remove_button = QPushButton(self.tr("Remove from the roster…"))
        buttons.addWidget(self.add_training)
        buttons.addWidget(self.remove_button)
        # ID number and phone of a saved member are shown masked until 显示完整号码 (audited).
        self.masked_numbers = False
        self.reveal_button = QPushButton(self.tr("Show full numbers"))
        self.reveal_button.clicked.connect(self.reveal)
        self.reveal_button.setVisible(False)
        buttons.addWidget(self.reveal_button)
        holder = QWidget()
        holder.setLayout(buttons)
        self.add_row("", holder)
        self.add_training.clicked.connect(self._train)
        self.remove_button.clicked.connect(self._remove)
        if member_id:
            self._load()
            region = self.values().get("region_code") or ""
            self.run(
                lambda: users.record_view(store, "legal_literates", member_id, region, "法律明白人信息"),
                lambda _none: None,
            )
        self.reveal_button.setVisible(self.masked_numbers)
        self.reveal_button.setEnabled(privacy.may_unmask(users.current_role(store), "roster"))
        self.add_training.setEnabled(member_id is not None)
        self.remove_button.setEnabled(member_id is not None)
        if "roster" in setup.read_only_pages(store):  # the 司法所 keeps the roster
            self.panel.set_read_only(True)
            for button in (self.add_training, self.remove_button):
                button.setEnabled(False)
            self.buttons.button(self.buttons.StandardButton.Save).setEnabled(False)
            self.setWindowTitle(
                self.windowTitle() + self.tr(" (read only: the township office keeps the roster)")
            )
        self.mark_clean()

    def _autofill(self, text: str) -> None:
        from ui.person_box import id_autofill

        info = id_autofill(text)
        if info is not None:
            self.set_values({"gender": info.gender, "birth_date": info.birth_date})

    def _load(self) -> None:
        with self.store.session() as session:
            from advisor_app.domain.models import LegalLiterate

            member = session.get(LegalLiterate, self.member_id)
            values = {key: getattr(member, key) for key in roster.FIELDS}
            self.full_numbers = {"id_number": member.id_number, "phone": member.phone}
            if not getattr(self, "revealed", False) and (member.id_number or member.phone):
                values["id_number"] = idcard.mask(member.id_number) if member.id_number else None
                values["phone"] = privacy.mask_phone(member.phone) if member.phone else None
                self.masked_numbers = True
            self._set_numbers_read_only(self.masked_numbers)
            self.set_values(values)
            self.trainings.clear()
            for t in member.trainings:
                self.trainings.addItem(
                    self.tr("%1  %2 hours  %3")
                    .replace("%1", t.trained_on.isoformat())
                    .replace("%2", str(t.hours))
                    .replace("%3", t.topic)
                )
            if member.status == RosterStatus.REMOVED:
                self.remove_button.setEnabled(False)
                self.setWindowTitle(
                    self.windowTitle() + self.tr(" (removed: %1)").replace("%1", member.removed_reason or "")
                )

    def _set_numbers_read_only(self, read_only: bool) -> None:
        for key in ("id_number", "phone"):
            self.fields[key].setReadOnly(read_only)

    def reveal(self) -> None:
        """显示完整号码: only for roles that may see them; the showing is audited."""
        if not privacy.may_unmask(users.current_role(self.store), "roster"):
            return
        self.revealed = True
        dirty = self.is_dirty()
        self.set_values(self.full_numbers)
        self.masked_numbers = False
        self._set_numbers_read_only(False)
        self.reveal_button.setVisible(False)
        if not dirty:
            self.mark_clean()
        member_id, region = self.member_id, self.values().get("region_code") or ""
        self.run(
            lambda: users.record_view(self.store, "legal_literates", member_id, region, "显示完整号码"),
            lambda _none: None,
        )

    def _train(self) -> None:
        if TrainingForm(self.store, self.tasks, self.member_id, self).exec():
            self._load()

    def _remove(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        reason, ok = QInputDialog.getText(self, self.tr("Remove from the roster"), self.tr("Reason"))
        if not ok:
            return
        member_id = self.member_id
        self.run(lambda: roster.remove(self.store, member_id, reason), lambda _m: self._load())

    def collect(self) -> dict[str, Any]:
        data = super().collect()
        if self.masked_numbers:  # the masked text on screen is not a value to save
            data.pop("id_number", None)
            data.pop("phone", None)
        return data

    def submit(self, data: dict[str, Any]) -> Any:
        if self.member_id:
            return roster.update(self.store, self.member_id, data)
        return roster.add(self.store, data)


class RosterPage(QWidget):
    def __init__(self, store: Store, tasks: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.counts = QTableWidget(0, 3)
        self.counts.setHorizontalHeaderLabels(
            [self.tr("Village"), self.tr("On the roster"), self.tr("Target")]
        )
        self.counts.verticalHeader().hide()
        self.counts.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.counts.horizontalHeader().setStretchLastSection(True)
        self.counts.cellClicked.connect(self._pick_village)  # one click on a village filters the list
        counts_box = QGroupBox(self.tr("Per village (target: at least 3)"))
        QVBoxLayout(counts_box).addWidget(self.counts)
        self.list = ListPage(
            store,
            tasks,
            "legal_literate",
            villages=village_choices(store),
            types=terms("identity_categories"),
            statuses=terms("roster_statuses"),
            new_label=self.tr("Add a person"),
            townships=township_choices(store),  # a county: township, then village
        )
        follow_villages(store, self.list.village, refill=self.list.set_villages)
        self.list.open_requested.connect(self.open_record)
        self.list.new_requested.connect(lambda: self.open_record(None))
        self.read_only = "roster" in setup.read_only_pages(store)
        if self.read_only:  # shown, not edited: the township office keeps its roster
            self.list.new_button.setVisible(False)
            counts_box.setTitle(
                counts_box.title() + self.tr(" (read only: the township office keeps the roster)")
            )
        # counts above the list, not beside it: side by side the pair needed 1,300 px at 14 pt and
        # squeezed the search box (issue 15 §1, §6)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(counts_box)
        split.addWidget(self.list)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self.last_dialog: QDialog | None = None
        events().changed.connect(self._villages_changed)  # a village added in 设置 gets its row at once
        self.reload()

    def _villages_changed(self, store: Store) -> None:
        if store is not self.store or self.tasks.closed:
            return
        codes = [code for code, _ in village_choices(self.store)]
        self.tasks.run_db(lambda: roster.village_counts(self.store, codes), self._show_counts)

    def reload(self) -> None:
        codes = [code for code, _ in village_choices(self.store)]
        self.tasks.run_db(lambda: roster.village_counts(self.store, codes), self._show_counts)
        self.list.reload()

    def _show_counts(self, counts: list[roster.VillageCount]) -> None:
        self.counts.setRowCount(len(counts))
        for row, count in enumerate(counts):
            mark = "  ⚠ " + self.tr("below target") if count.below_target else ""
            cells = (count.name + mark, str(count.active), str(count.target))
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, count.code)
                if count.below_target:
                    item.setForeground(QColor("#b00020"))
                self.counts.setItem(row, col, item)
        self.counts.resizeColumnsToContents()

    def _pick_village(self, row: int, _col: int) -> None:
        code = self.counts.item(row, 0).data(Qt.ItemDataRole.UserRole)
        if self.list.village.findData(code) < 0 and self.list.township.currentIndex() > 0:
            self.list.township.setCurrentIndex(0)  # a village of another township: all townships again
        index = self.list.village.findData(code)
        if index >= 0:
            self.list.village.setCurrentIndex(index)

    def open_record(self, member_id: str | None) -> QDialog:
        dialog = MemberForm(self.store, self.tasks, member_id, self)
        self.last_dialog = dialog
        dialog.finished.connect(lambda _c: self.reload())
        dialog.show()
        dialog.offer_draft()
        return dialog
