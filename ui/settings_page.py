"""设置: role and region (a 县司法局: its county), villages, font size, language, demo data."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from advisor_app.services import setup
from ui import dialogs

# keys and defaults read before the window shows (ui.app.make_app) live in ui.startup_prefs
from ui.startup_prefs import DEFAULT_FONT_SIZE, FONT_SETTING, LANGUAGE_SETTING, LARGE_FONT_SIZE
from ui.villages import VillagesEditor, events, scope_text

if TYPE_CHECKING:
    from advisor_app.services.store_access import Store

__all__ = ["DEFAULT_FONT_SIZE", "FONT_SETTING", "LANGUAGE_SETTING", "LARGE_FONT_SIZE", "SettingsPage"]


class SettingsPage(QWidget):
    font_size_changed = Signal(int)

    def __init__(self, store: Store, tasks: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        settings = QSettings()

        who = QGroupBox(self.tr("This computer"))
        form = QFormLayout(who)
        self.role_label = QLabel()
        self.region_label = QLabel()
        form.addRow(self.tr("Role"), self.role_label)
        form.addRow(self.tr("Region"), self.region_label)
        self.scope_label = QLabel()
        self.scope_label.setWordWrap(True)
        form.addRow(self.tr("What this computer shows"), self.scope_label)
        form.addRow(self.tr("Data folder"), QLabel(str(store.data_dir)))

        looks = QGroupBox(self.tr("Display"))
        form2 = QFormLayout(looks)
        self.font_size = QSpinBox()
        self.font_size.setRange(9, 24)
        self.font_size.setValue(int(settings.value(FONT_SETTING, DEFAULT_FONT_SIZE)))
        self.font_size.setSuffix(self.tr(" pt"))
        large = QPushButton(self.tr("Large text"))
        large.clicked.connect(lambda: self.font_size.setValue(LARGE_FONT_SIZE))
        row = QHBoxLayout()
        row.addWidget(self.font_size)
        row.addWidget(large)
        row.addStretch(1)
        form2.addRow(self.tr("Font size"), row)
        self.font_size.valueChanged.connect(self._font_changed)
        self.language = QComboBox()
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        index = self.language.findData(settings.value(LANGUAGE_SETTING, "zh_CN"))
        self.language.setCurrentIndex(max(index, 0))
        self.language.currentIndexChanged.connect(self._language_changed)
        form2.addRow(self.tr("Language (after restart)"), self.language)

        villages = QGroupBox(self.tr("Villages"))
        self.villages = VillagesEditor(store, tasks)  # add (Enter), paste, import, rename, retire
        QVBoxLayout(villages).addWidget(self.villages)

        about = QPushButton(self.tr("About this program"))
        about.clicked.connect(self._about)

        from ui.local_login import PrivacyBox

        self.privacy = PrivacyBox(store)  # 本机用户, automatic lock, 审计记录
        # scrolls, so the page never makes the main window taller than a small screen
        inner = QWidget()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(inner)
        QVBoxLayout(self).addWidget(scroll)
        layout = QVBoxLayout(inner)
        for box in (who, looks, villages, self.privacy):
            layout.addWidget(box)
        layout.addWidget(about, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        events().changed.connect(self._scope_changed)
        self.refresh()

    def _scope_changed(self, store: Store) -> None:
        if store is not self.store:
            return
        self.scope_label.setText(scope_text(self.store))

    def _about(self) -> None:
        from ui.about import show_about

        show_about(self.store.data_dir, self)

    def refresh(self) -> None:
        self.privacy.refresh()
        self.role_label.setText(setup.role(self.store) or self.tr("not chosen"))
        code = setup.home_region(self.store)
        # a 县司法局's home is its county; the others' a township (or a village under it)
        home = setup.home_county(self.store) or (setup.township_of(self.store, code) if code else None)
        self.region_label.setText(home.name if home else self.tr("not chosen"))
        self.scope_label.setText(scope_text(self.store))
        self.villages.refresh()

    def _font_changed(self, size: int) -> None:
        from ui.app import apply_font_size

        QSettings().setValue(FONT_SETTING, size)
        apply_font_size(size)
        self.font_size_changed.emit(size)

    def _language_changed(self) -> None:
        QSettings().setValue(LANGUAGE_SETTING, self.language.currentData())
        dialogs.inform(
            self, self.tr("Language"), self.tr("The new language is used after the program restarts.")
        )

    def add_village(self, name: str | None = None) -> None:
        """Add the village typed in the villages box (Enter does the same)."""
        if name is not None:
            self.villages.new_village.setText(name)
        self.villages.add()
