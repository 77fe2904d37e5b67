"""Villages in the GUI: one combo every form uses, kept current by the core's change notification,
and the editor of the township's villages (first run and 设置; a 县司法局 sees its county's villages,
township by township, and leaves their upkeep to the townships).

The core (advisor_app.services.regions) calls its listeners on whatever thread changed the villages
(usually the database thread); :class:`VillageEvents` re-emits that as a Qt signal, which Qt
delivers on the GUI thread, so an open form's 所在村 sees a new, renamed or retired village at once.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advisor_app.domain.roles import Role
from advisor_app.services import regions, setup
from ui.widgets import ERROR_STYLE

if TYPE_CHECKING:
    from advisor_app.services.store_access import Store

RETIRED_ROLE = Qt.ItemDataRole.UserRole + 1  # a 撤并 village in the editor's list


def where_to_add() -> str:
    return QCoreApplication.translate(
        "Villages",
        "No villages yet: add the township's villages in “Settings → Villages”, "
        "or click “Add village…” on the right",
    )


class VillageEvents(QObject):
    """The app-wide “villages changed” signal (one instance, subscribed to the core once)."""

    changed = Signal(object)  # the store whose villages changed

    def __init__(self) -> None:
        super().__init__()
        regions.subscribe(self._notified)

    def _notified(self, store: Store) -> None:
        self.changed.emit(store)  # from any thread: queued to the GUI thread's receivers


_events: VillageEvents | None = None


def events() -> VillageEvents:
    global _events
    if _events is None:
        _events = VillageEvents()
    return _events


class VillageCombo(QComboBox):
    """所在村: the installation's villages (setup.villages), refilled whenever they change; a
    record's own village stays selectable even when it was retired since. Empty, it says where
    villages are added."""

    changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._keep: str | None = None  # a retired village the record being edited still names
        self.setPlaceholderText(where_to_add())
        self.setMinimumContentsLength(12)
        self.currentIndexChanged.connect(lambda _i: self.changed.emit())
        events().changed.connect(self._notified)
        self.reload()

    def _notified(self, store: Store) -> None:
        if store is self.store:  # another open store (tests, a second window) is not ours
            self.reload()

    def reload(self) -> None:
        current = self.value()
        self.blockSignals(True)
        try:
            self.clear()
            for village in setup.villages(self.store):
                self.addItem(village.name, village.code)
            if self._keep and self.findData(self._keep) < 0:
                name = regions.names(self.store).get(self._keep)
                if name:
                    self.addItem(self.tr("%1 (merged away)").replace("%1", name), self._keep)
            index = self.findData(current) if current else -1
            self.setCurrentIndex(index if index >= 0 else (0 if self.count() else -1))
        finally:
            self.blockSignals(False)
        if self.value() != current:
            self.changed.emit()

    def is_empty(self) -> bool:
        return self.count() == 0

    def value(self) -> str | None:
        return self.currentData() if self.currentIndex() >= 0 else None

    def set_value(self, value: str | None) -> None:
        self._keep = value
        if value and self.findData(value) < 0:
            self.reload()
        index = self.findData(value) if value else -1
        if index >= 0:
            self.setCurrentIndex(index)


def empty_hint(widget: QWidget, message: str) -> str:
    """A refusal of an empty 所在村 that also says where villages are added."""
    hint = where_to_add()
    if (
        isinstance(widget, VillageCombo)
        and widget.is_empty()
        and QCoreApplication.translate("Villages", "Settings") not in message
    ):
        return QCoreApplication.translate("Villages", "%1 (%2)").replace("%1", message).replace("%2", hint)
    return message


def documents_dir() -> str:
    return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(
        Path.home()
    )


def choose_village_csv(parent: QWidget) -> str:
    path, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("Villages", "Import a list of villages"),
        documents_dir(),
        QCoreApplication.translate("Villages", "Lists of villages (*.csv *.txt);;All files (*)"),
    )
    return path


class VillageLines(QWidget):
    """First run: the township's villages typed or pasted one per line (``村名`` or ``村名 区划代码``),
    or read from a CSV into the same box, so the clerk sees and can correct what will be added."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.text = QPlainTextEdit()
        self.text.setPlaceholderText(
            self.tr(
                "One village a line, for example:\nQiaonan Village\nWangjia Village 610502100202\n"
                "(can be copied from a table)"
            )
        )
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(90)
        self.text.textChanged.connect(self.changed)
        self.import_button = QPushButton(self.tr("Import from CSV…"))
        self.import_button.clicked.connect(self._import)
        self.note = QLabel()
        self.note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.import_button)
        layout.addWidget(self.text)
        layout.addLayout(row)

    def _import(self) -> None:
        path = choose_village_csv(self)
        if path:
            self.import_file(path)

    def import_file(self, path: str | Path) -> int:
        """Append the villages of a CSV (村名/区划代码; GBK or UTF-8) to the box."""
        try:
            entries = regions.read_village_csv(Path(path))
        except (OSError, regions.VillageFileError) as exc:  # a PNG, an .xlsx, another table: nothing added
            self.note.setText(self.tr("Import failed: %1").replace("%1", str(exc)))
            return 0
        lines = [f"{name} {code}" if code else name for name, code in entries if name or code]
        existing = self.text.toPlainText().rstrip("\n")
        self.text.setPlainText("\n".join([existing, *lines]) if existing else "\n".join(lines))
        note = (
            self.tr("Read %1 villages from %2; they are added when you save")
            .replace("%1", str(len(lines)))
            .replace("%2", Path(path).name)
        )
        self.note.setText("\n".join(filter(None, [note, entries.problem_text()])))
        return len(lines)

    def value(self) -> list[tuple[str, str | None]]:
        return regions.parse_village_lines(self.text.toPlainText())

    def set_value(self, value: Any) -> None:
        if isinstance(value, list):
            value = "\n".join(f"{n} {c}" if c else n for n, c in value)
        self.text.setPlainText(value or "")


class VillagesEditor(QWidget):
    """设置 → 村（社区）: the township's villages; add (Enter or the button; several lines pasted at
    once), import a CSV, rename, retire / bring back; an adviser or mediator ticks their own."""

    def __init__(self, store: Store, tasks: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.list = QListWidget()
        self.list.setMinimumHeight(140)
        self.list.itemChanged.connect(self._ticked)
        self.list.itemDoubleClicked.connect(lambda _i: self.rename())
        self.new_village = QLineEdit()
        self.new_village.setPlaceholderText(
            self.tr("Village name (several lines may be pasted; a 12-digit division code may follow)")
        )
        self.new_village.returnPressed.connect(self.add)
        self.add_button = QPushButton(self.tr("Add"))
        self.add_button.clicked.connect(self.add)
        self.import_button = QPushButton(self.tr("Import from CSV…"))
        self.import_button.clicked.connect(self._import)
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.rename_button.clicked.connect(lambda: self.rename())  # not rename(checked)
        self.retire_button = QPushButton(self.tr("Merge away / bring back"))
        self.retire_button.clicked.connect(self.toggle_retired)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_village, 1)
        add_row.addWidget(self.add_button)
        add_row.addWidget(self.import_button)
        edit_row = QHBoxLayout()
        edit_row.addWidget(self.rename_button)
        edit_row.addWidget(self.retire_button)
        edit_row.addStretch(1)
        layout.addWidget(self.hint)
        layout.addWidget(self.list)
        layout.addLayout(edit_row)
        layout.addLayout(add_row)
        layout.addWidget(self.error)
        self.new_village.installEventFilter(self)
        events().changed.connect(self._notified)
        self.refresh()

    def _notified(self, store: Store) -> None:
        if store is self.store:
            self.refresh()

    # A QLineEdit drops the line breaks of pasted text; pasting several lines adds each of them.
    def eventFilter(self, watched: QObject, event: Any) -> bool:  # noqa: N802 - Qt override
        from PySide6.QtCore import QEvent
        from PySide6.QtGui import QGuiApplication, QKeySequence

        if watched is self.new_village and event.type() == QEvent.Type.KeyPress:
            if event.matches(QKeySequence.StandardKey.Paste):
                text = QGuiApplication.clipboard().text()
                if "\n" in text.strip():
                    self.add_entries(regions.parse_village_lines(text))
                    return True
        return super().eventFilter(watched, event)

    def _township(self) -> str:
        township = setup.home_township(self.store)
        return township.code if township else ""

    def refresh(self) -> None:
        served = set(setup.served_villages(self.store))
        own = setup.role(self.store) in setup.SERVING_ROLES
        county = setup.role(self.store) == Role.COUNTY
        villages = setup.township_villages(self.store, include_retired=True)
        # a county's villages are kept by its townships (and come with the city server's login)
        for widget in (
            self.new_village,
            self.add_button,
            self.import_button,
            self.rename_button,
            self.retire_button,
        ):
            widget.setEnabled(not county)
        township_names = {t.code[:9]: t.name for t in setup.townships(self.store)} if county else {}
        self.list.blockSignals(True)
        current = self.current_code()
        self.list.clear()
        for village in villages:
            name = (
                self.tr("%1 (merged away)").replace("%1", village.name) if village.retired else village.name
            )
            township = township_names.get(village.code[:9])
            item = QListWidgetItem(
                f"{township}　{name}　{village.code}" if township else f"{name}　{village.code}"
            )
            item.setData(Qt.ItemDataRole.UserRole, village.code)
            item.setData(RETIRED_ROLE, village.retired)
            if village.retired:
                item.setForeground(Qt.GlobalColor.gray)
            elif own:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(
                    Qt.CheckState.Checked if village.code in served else Qt.CheckState.Unchecked
                )
            self.list.addItem(item)
            if village.code == current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        township = setup.home_township(self.store)
        if county:
            self.hint.setText(
                self.tr(
                    "The villages of the county's townships; each township office keeps its own, and "
                    "signing in to the city server downloads them."
                )
            )
        elif not villages:
            self.hint.setText(
                self.tr(
                    "%1 has no villages yet: type a village name below and press Enter (or “Add”), or "
                    "import a CSV; after signing in to the city server the list is also downloaded."
                ).replace("%1", township.name if township else self.tr("The township"))
            )
        elif own:
            self.hint.setText(
                self.tr(
                    "Tick the villages you look after (none ticked: the whole township); double-click to rename."
                )
            )
        else:
            self.hint.setText(
                self.tr(
                    "Double-click to rename; a merged-away village no longer appears in the forms, its records are kept."
                )
            )

    def current_code(self) -> str | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _fail(self, exc: BaseException) -> None:
        from ui.forms import error_messages

        self.error.setText("\n".join((error_messages(exc) or {"": str(exc)}).values()))

    def add(self) -> None:
        entries = regions.parse_village_lines(self.new_village.text())
        if not entries:
            self.error.setText(self.tr("Please enter the village name"))
            return
        self.add_entries(entries)

    def add_entries(
        self, entries: list[tuple[str, str | None]], source: regions.VillageRows | None = None
    ) -> None:
        township = self._township()

        def done(result: Any) -> None:
            added, errors = result
            self.new_village.clear()
            if source is None:
                line = self.tr("Line %1: %2")
                lines = [line.replace("%1", str(n)).replace("%2", m) for n, m in errors.items()]
            else:  # name the line of the file, not the entry's position among the good ones
                lines = [source.problem_text()] if source.problems else []
                line = self.tr("%1 line %2: %3").replace("%1", source.file_name)
                lines += [
                    line.replace("%2", str(source.lines[n - 1])).replace("%3", m) for n, m in errors.items()
                ]
            self.error.setText("\n".join(lines))
            self.refresh()

        self.tasks.run_db(lambda: setup.add_villages(self.store, township, entries), done, self._fail)

    def _import(self) -> None:
        path = choose_village_csv(self)
        if path:
            self.import_file(path)

    def import_file(self, path: str | Path) -> None:
        try:
            entries = regions.read_village_csv(Path(path), self._township() or None)
        except (OSError, regions.VillageFileError) as exc:  # a PNG, an .xlsx, another table: nothing added
            self.error.setText(self.tr("Import failed: %1").replace("%1", str(exc)))
            return
        self.add_entries(entries, entries)

    def rename(self, name: str | None = None) -> None:
        if not self.rename_button.isEnabled():  # a county's list (a double-click): kept by the townships
            return
        code = self.current_code()
        if code is None:
            self.error.setText(self.tr("Please first select the village to rename in the list"))
            return
        if name is None:
            old = regions.names(self.store).get(code, "")
            name, ok = QInputDialog.getText(
                self, self.tr("Rename a village"), self.tr("New village name:"), text=old
            )
            if not ok:
                return
        self.tasks.run_db(
            lambda: setup.rename_village(self.store, code, name), lambda _v: self._done(), self._fail
        )

    def toggle_retired(self) -> None:
        code = self.current_code()
        if code is None:
            self.error.setText(
                self.tr("Please first select the village to merge away or bring back in the list")
            )
            return
        retired = not self.list.currentItem().data(RETIRED_ROLE)
        self.tasks.run_db(
            lambda: setup.retire_village(self.store, code, retired), lambda _v: self._done(), self._fail
        )

    def _done(self) -> None:
        self.error.clear()
        self.refresh()

    def _ticked(self, _item: QListWidgetItem) -> None:
        codes = [
            self.list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.list.count())
            if self.list.item(i).flags() & Qt.ItemFlag.ItemIsUserCheckable
            and self.list.item(i).checkState() == Qt.CheckState.Checked
        ]
        self.tasks.run_db(lambda: setup.set_served_villages(self.store, codes), None, self._fail)


def scope_text(store: Store) -> str:
    return setup.scope_description(store)


class FilterRefill(QObject):
    """Keeps a list page's village filter (first item: all villages) in step with the villages;
    ``refill(villages)`` instead, when the list narrows them itself (a county's township filter)."""

    def __init__(self, store: Store, box: QComboBox, refill: Any = None) -> None:
        super().__init__(box)
        self.store = store
        self.box = box
        self.refill = refill
        events().changed.connect(self._notified)

    def _notified(self, store: Store) -> None:
        if store is not self.store:
            return
        if self.refill is not None:
            self.refill([(v.code, v.name) for v in setup.villages(self.store)])
            return
        box, current = self.box, self.box.currentData()
        box.blockSignals(True)  # the same selection stays: no reload of the list
        while box.count() > 1:
            box.removeItem(1)
        for village in setup.villages(self.store):
            box.addItem(village.name, village.code)
        index = box.findData(current) if current else 0
        box.setCurrentIndex(max(index, 0))
        box.blockSignals(False)
        if box.currentData() != current:
            box.currentIndexChanged.emit(box.currentIndex())


def follow_villages(store: Store, box: QComboBox, refill: Any = None) -> FilterRefill:
    return FilterRefill(store, box, refill)
