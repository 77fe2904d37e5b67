"""普法活动: a lecture or another activity, with date, place, topic, audience and photos."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFileDialog, QLineEdit, QListWidget, QPlainTextEdit, QPushButton, QSpinBox
from sqlalchemy import select

from advisor_app.domain.models import Activity, Attachment
from advisor_app.domain.vocab import terms
from advisor_app.services import activities, attachments
from ui.forms import FormDialog
from ui.villages import VillageCombo
from ui.widgets import combo, date_edit

if TYPE_CHECKING:
    from advisor_app.services.store_access import Store


class ActivityForm(FormDialog):
    def __init__(self, store: Store, tasks: Any, record_id: str | None = None, parent: Any = None) -> None:
        super().__init__(store, f"activity-{record_id or 'new'}", parent, tasks=tasks)
        self.record_id = record_id
        self.setWindowTitle(self.tr("Legal publicity activity"))
        self.resize(640, 620)
        self.add_field("region_code", self.tr("Village"), VillageCombo(store))  # follows village changes
        self.add_field("held_on", self.tr("Date"), date_edit())
        self.add_field("kind", self.tr("Kind"), combo(terms("activity_kinds")))
        self.add_field("topic", self.tr("Topic"), QLineEdit())
        self.add_field("place", self.tr("Place"), QLineEdit())
        audience = QSpinBox()
        audience.setRange(0, 100000)
        self.add_field("audience_count", self.tr("Audience"), audience)
        self.add_field("speaker", self.tr("Speaker"), QLineEdit())
        minutes = QSpinBox()
        minutes.setRange(0, 24 * 60)
        minutes.setSpecialValueText(" ")
        self.add_field("duration_minutes", self.tr("Minutes"), minutes)
        self.add_field("notes", self.tr("Notes"), QPlainTextEdit())
        self.photos = QListWidget()
        self.photos.setMaximumHeight(90)
        self.add_row(self.tr("Photos"), self.photos)
        self.add_photo = QPushButton(self.tr("Add a photo…"))
        self.add_photo.clicked.connect(self._add_photo)
        self.add_row("", self.add_photo)
        self.set_values({"speaker": store.user})
        if record_id:
            with store.session() as session:
                record = session.get(Activity, record_id)
                self.set_values({k: getattr(record, k) for k in activities.FIELDS})
            self._list_photos()
        self.add_photo.setEnabled(record_id is not None)
        # 服务评价卡: the audience rates the activity by phone (docs/rating.md)
        self.card_button = QPushButton(self.tr("Print rating card…"))
        self.card_button.clicked.connect(self.print_card)
        self.card_button.setEnabled(record_id is not None)
        self.add_row("", self.card_button)
        self.add_photo.setToolTip(self.tr("Save the activity first, then add photos."))
        self.mark_clean()

    def _list_photos(self) -> None:
        with self.store.session() as session:
            names = session.scalars(
                select(Attachment.filename).where(
                    Attachment.target_kind == "activity",
                    Attachment.target_id == self.record_id,
                    Attachment.deleted.is_(False),
                )
            ).all()
        self.photos.clear()
        self.photos.addItems(list(names))

    def _add_photo(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add a photo"), "", "Images (*.jpg *.jpeg *.png *.bmp)"
        )
        self.attach(paths)

    def attach(self, paths: list[str]) -> None:
        record_id = self.record_id

        def job() -> None:
            for path in paths:
                attachments.add_file(self.store, Path(path), "activity", record_id, "活动照片")

        self.run(job, lambda _r: self._list_photos())

    def print_card(self) -> None:
        from ui.rating_card import show_card

        if self.record_id:
            show_card(self, "activity", self.record_id)

    def submit(self, data: dict[str, Any]) -> Any:
        if self.record_id:
            return activities.update(self.store, self.record_id, data)
        return activities.create(self.store, data)
