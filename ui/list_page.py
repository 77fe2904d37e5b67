"""A list of records: search as you type, filters, sorting, open on double-click or Enter, export."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from advisor_app.domain import record_kinds
from advisor_app.domain.roles import RegionScope, code_prefix
from advisor_app.services import listing
from ui import dialogs, hooks
from ui.labels import column_labels, export_path
from ui.list_model import RecordTableModel
from ui.widgets import NO_DATE, date_edit

if TYPE_CHECKING:
    from advisor_app.services.store_access import Store

SEARCH_DEBOUNCE_MS = 250
FIRST_PAGE = 200
FULL_LIST_DELAY_MS = 120
STRETCH_COLUMNS = {"question", "summary", "topic"}


def _sync_table(kind: str) -> str:
    """The sync kind (table) of a list page's kind (``consultation`` → ``consultations``)."""
    info = record_kinds.find(kind)
    if info is None:
        raise KeyError(kind)
    return info.kind


class ListPage(QWidget):
    """One kind of record in a table; ``open_requested(id)`` when the user opens a row.

    ``townships`` (a 县司法局's: its county's) puts a township filter before the village filter;
    picking a township filters by its code range and narrows the village filter to its villages.
    """

    open_requested = Signal(str)
    new_requested = Signal()
    first_page = Signal(int)  # rows on the first page, shown as soon as they are read
    loaded = Signal(int)  # number of matching records, once the full list is in

    def __init__(
        self,
        store: Store,
        tasks: Any,
        kind: str,
        *,
        villages: list[tuple[str, str]],
        types: list[str],
        statuses: list[str],
        new_label: str | None = None,
        townships: list[tuple[str, str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.kind = kind
        self.sort_key: str | None = None
        self.descending: bool | None = None
        self._generation = 0
        self.last_query_seconds = 0.0
        self.first_page_seconds = 0.0
        self._complete_generation = 0
        self._requested_at = 0.0
        self.pinned: list[str] | None = None  # ids handed over by another page, see show_ids

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search: names, matters, words in the record…"))
        self.search.setClearButtonEnabled(True)
        self.township = QComboBox()
        self.township.setObjectName("township")
        self.township.addItem(self.tr("All townships"), None)
        for code, name in townships or []:
            self.township.addItem(name, code)
        self.township.setVisible(bool(townships))
        self.village = QComboBox()
        self.village.addItem(self.tr("All villages"), None)
        self.all_villages = list(villages)
        for code, name in villages:
            self.village.addItem(name, code)
        self.type = QComboBox()
        self.type.addItem(self.tr("All types"), None)
        for term in types:
            self.type.addItem(term, term)
        self.status = QComboBox()
        self.status.addItem(self.tr("All statuses"), None)
        for term in statuses:
            self.status.addItem(term, term)
        self.status.setVisible(bool(statuses))
        self.date_from = date_edit(optional=True, blank=self.tr("From"))
        self.date_to = date_edit(optional=True, blank=self.tr("To"))
        self.count = QLabel()
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.new_button = QPushButton(new_label or self.tr("New"))
        self.new_button.setVisible(new_label is not None)
        self.new_button.setObjectName("new")
        self.export_button.setVisible(hooks.can_export(kind))

        bar = QHBoxLayout()
        bar.addWidget(self.new_button)
        bar.addWidget(self.search, 3)
        for widget in (
            self.township,
            self.village,
            self.type,
            self.status,
            self.date_from,
            QLabel("–"),
            self.date_to,
        ):
            bar.addWidget(widget)
        # a county's lists have two region filters besides the others: one click clears them all
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.setObjectName("clear_filters")
        self.clear_button.setVisible(bool(townships))
        self.clear_button.clicked.connect(self.clear_filters)
        bar.addWidget(self.clear_button)
        self.unpin_button = QPushButton(self.tr("Show all"))
        self.unpin_button.setVisible(False)
        self.unpin_button.clicked.connect(self._filters_changed)
        filters = QHBoxLayout()
        filters.addWidget(self.count, 1)
        filters.addWidget(self.unpin_button)
        filters.addWidget(self.export_button)

        from ui.sync_status import SYNC_COLUMN, SYNC_HEADER, with_sync_state

        columns = [*listing.columns(kind), SYNC_COLUMN]
        labels = {**column_labels(), SYNC_COLUMN: SYNC_HEADER}
        # Each row ends with its sync state (保存在本机 / 待发送 / 已发送 / 被拒 with the server's reason).
        fetch = with_sync_state(store, _sync_table(kind), lambda ids: listing.rows(store, kind, ids))
        self.model = RecordTableModel(columns, [labels.get(c, c) for c in columns], fetch, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSortingEnabled(True)
        self.view.horizontalHeader().setSortIndicatorShown(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setStretchLastSection(False)
        self._sized = False
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addLayout(filters)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DEBOUNCE_MS)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(lambda _t: (self._unpin(), self._debounce.start()))
        self.township.currentIndexChanged.connect(self._township_changed)
        for box in (self.village, self.type, self.status):
            box.currentIndexChanged.connect(self._filters_changed)
        self.date_from.dateChanged.connect(self._filters_changed)
        self.date_to.dateChanged.connect(self._filters_changed)
        self.model.sort_requested.connect(self._sort)
        self.view.doubleClicked.connect(lambda index: self._open(index.row()))
        enter = QShortcut(
            QKeySequence(Qt.Key.Key_Return), self.view, context=Qt.ShortcutContext.WidgetShortcut
        )
        enter.activated.connect(lambda: self._open(self.view.currentIndex().row()))
        enter2 = QShortcut(
            QKeySequence(Qt.Key.Key_Enter), self.view, context=Qt.ShortcutContext.WidgetShortcut
        )
        enter2.activated.connect(lambda: self._open(self.view.currentIndex().row()))
        self.export_button.clicked.connect(self.export)
        self.new_button.clicked.connect(self.new_requested)
        self.search.returnPressed.connect(self.reload)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        # 字号 changed in 设置: rows follow the new font at once
        if event.type() == QEvent.Type.FontChange:
            self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
            if self._sized:  # columns fitted to the old font would cut the text short
                self._size_columns()
        super().changeEvent(event)

    # --- querying ---------------------------------------------------------------------------------

    def filters(self) -> listing.Filters:
        def day(edit: Any) -> date | None:
            return None if edit.date() == NO_DATE else edit.date().toPython()

        village, township = self.village.currentData(), self.township.currentData()
        region: RegionScope | tuple[str, ...] | None = None
        if village:
            region = (village,)
        elif township:  # the township's code range: its villages and the township itself
            region = RegionScope.of_roots([township])
        return listing.Filters(
            text=self.search.text().strip(),
            region_codes=region,
            type=self.type.currentData(),
            status=self.status.currentData(),
            date_from=day(self.date_from),
            date_to=day(self.date_to),
        )

    def reload(self) -> None:
        """Ask the database thread for the first page, then for the full id list.

        Only the newest request is shown; a full list that a newer request has overtaken is
        skipped before it runs, so fast typing never queues slow work.
        """
        self._debounce.stop()
        self._generation += 1
        if self.pinned is not None:
            self._show_pinned()
            return
        generation = self._generation
        filters, sort, desc = self.filters(), self.sort_key, self.descending
        self._requested_at = time.perf_counter()
        self.count.setText(self.tr("Searching…"))

        def first_page() -> list[str] | None:
            if generation != self._generation:
                return None
            return listing.ids(self.store, self.kind, filters, sort, desc, limit=FIRST_PAGE)

        def everything() -> list[str] | None:
            if generation != self._generation or self._complete_generation == generation:
                return None
            return listing.ids(self.store, self.kind, filters, sort, desc)

        def start_full() -> None:
            if generation == self._generation and not self.tasks.closed:
                self.tasks.run_db(
                    everything,
                    lambda ids: self._apply(generation, ids, final=True),
                    lambda exc: self._failed(generation, exc),
                )

        self._everything = start_full
        self.tasks.run_db(
            first_page,
            lambda ids: self._apply(generation, ids, final=False),
            lambda exc: self._failed(generation, exc),
        )

    def _apply(self, generation: int, ids: list[str] | None, *, final: bool) -> None:
        if generation != self._generation or ids is None or self._complete_generation == generation:
            return
        if not final:
            current = self.model.record_id(self.view.currentIndex().row())
            self.model.set_ids(ids)
            if not self._sized and ids:
                self._size_columns()
            self.first_page_seconds = time.perf_counter() - self._requested_at
            if current:
                row = self.model.row_of(current)
                if row >= 0:
                    self.view.selectRow(row)
            self.first_page.emit(len(ids))
            if len(ids) < FIRST_PAGE:
                ids, final = ids, True  # the first page was everything
            else:
                self.count.setText(self.tr("%n record(s)", "", len(ids)) + "…")
                # The full list starts once the first page is painted: building 100,000 ids on the
                # worker would otherwise contend for the GIL with that paint.
                QTimer.singleShot(FULL_LIST_DELAY_MS, self._everything)
                return
        else:
            self.model.complete_ids(ids)
        self.last_query_seconds = time.perf_counter() - self._requested_at
        self.count.setText(self.tr("%n record(s)", "", len(ids)))
        self._complete_generation = generation
        self.loaded.emit(len(ids))

    def _size_columns(self) -> None:
        """Fit the columns to the first page once; the long text column takes the spare width."""
        self._sized = True
        header = self.view.horizontalHeader()
        self.view.resizeColumnsToContents()
        for n, key in enumerate(self.model.columns):
            if key in STRETCH_COLUMNS:
                header.setSectionResizeMode(n, QHeaderView.ResizeMode.Stretch)
            elif header.sectionSize(n) > 260:
                header.resizeSection(n, 260)
        header.setStretchLastSection(not STRETCH_COLUMNS & set(self.model.columns))

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.count.setText(self.tr("The list could not be loaded: %1").replace("%1", str(exc)))

    def _sort(self, key: str, descending: bool) -> None:
        from ui.sync_status import SYNC_COLUMN

        if key == SYNC_COLUMN:  # a state kept outside the record's table: not sortable
            return
        self.sort_key, self.descending = key, descending
        self.reload()

    def _open(self, row: int) -> None:
        rid = self.model.record_id(row)
        if rid:
            self.open_requested.emit(rid)

    # --- records handed over by another page ------------------------------------------------------

    def show_ids(self, ids: list[str]) -> None:
        """List just these records, in this order (e.g. those behind a figure of the 统计 page),
        until the user changes a filter or presses 显示全部."""
        self.pinned = list(ids)
        self.reload()

    def _show_pinned(self) -> None:
        ids = list(self.pinned or [])
        self.model.set_ids(ids)  # rows are still read in blocks as they are painted
        if not self._sized and ids:
            self._size_columns()
        # Shown while the list holds records handed over by the 统计 page.
        self.count.setText(self.tr("%1 records from the statistics").replace("%1", str(len(ids))))
        self.unpin_button.setVisible(True)
        self._complete_generation = self._generation
        self.loaded.emit(len(ids))

    def _unpin(self) -> None:
        self.pinned = None
        self.unpin_button.setVisible(False)

    def _filters_changed(self) -> None:
        self._unpin()
        self.reload()

    def clear_filters(self) -> None:
        """Every filter back to “all” and the search emptied; one reload."""
        widgets = (
            self.search,
            self.township,
            self.village,
            self.type,
            self.status,
            self.date_from,
            self.date_to,
        )
        for widget in widgets:
            widget.blockSignals(True)
        self.search.clear()
        for box in (self.township, self.village, self.type, self.status):
            box.setCurrentIndex(0)
        for edit in (self.date_from, self.date_to):
            edit.setDate(NO_DATE)
        for widget in widgets:
            widget.blockSignals(False)
        self._refill_villages()
        self._filters_changed()

    def township_villages(self) -> list[tuple[str, str]]:
        """The villages the village filter offers: those of the township picked, else all."""
        township = self.township.currentData()
        if not township:
            return self.all_villages
        prefix = code_prefix(township)
        return [(code, name) for code, name in self.all_villages if code.startswith(prefix)]

    def set_villages(self, villages: list[tuple[str, str]]) -> None:
        """New villages (added or renamed in 设置): the filter keeps its choice when still offered."""
        self.all_villages = list(villages)
        if self._refill_villages():
            self._filters_changed()  # the village picked is gone (retired): the list follows

    def _refill_villages(self) -> bool:
        """Refill the village filter; True when its choice had to change."""
        box, current = self.village, self.village.currentData()
        box.blockSignals(True)  # the same selection stays: no reload of the list
        while box.count() > 1:
            box.removeItem(1)
        for code, name in self.township_villages():
            box.addItem(name, code)
        box.setCurrentIndex(max(box.findData(current), 0) if current else 0)
        box.blockSignals(False)
        return box.currentData() != current

    def _township_changed(self) -> None:
        """Township first, then village: the village filter offers the township's villages."""
        self._refill_villages()
        self._filters_changed()

    def set_date_range(self, start: date | None, end: date | None) -> None:
        self._unpin()
        for edit, value in ((self.date_from, start), (self.date_to, end)):
            edit.blockSignals(True)
            edit.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)
            edit.blockSignals(False)
        self.reload()

    # --- export -----------------------------------------------------------------------------------

    def export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to Excel"), str(export_path(self.kind)), "Excel (*.xlsx)"
        )
        if not path:
            return
        ids = self.model.ids()
        label = self.tr("Exporting…")

        def job(progress: Any) -> Path | None:
            progress.report(0, 0, label)
            out = hooks.export_list(self.store, self.kind, ids, Path(path))
            if progress.cancelled:  # 取消 while writing: no half-wanted file left behind
                out.unlink(missing_ok=True)
                return None
            return out

        self.tasks.run_long(
            job,
            title=self.tr("Export to Excel"),
            parent=self,
            on_done=lambda out: dialogs.inform(
                self, self.tr("Export"), self.tr("Saved to %1").replace("%1", str(out))
            ),
            on_error=lambda exc: dialogs.inform(
                self, self.tr("Export"), self.tr("Export failed: %1").replace("%1", str(exc)), error=True
            ),
            on_cancelled=lambda: self.count.setText(self.tr("Export cancelled")),
        )
