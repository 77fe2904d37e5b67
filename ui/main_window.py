"""The main window: navigation on the left, one page at a time on the right.

Pages are built the first time they are shown, so start-up only builds the 工作台 (whose figures
load on the database thread). Window size, position and splitter are remembered with QSettings.

The window comes first (docs/architecture.md, "Start-up"): ``MainWindow()`` is the frame — the
navigation, an empty 工作台, the status bar, the remembered geometry — and needs no store, so it is
painted before SQLAlchemy is even imported; ``show_view`` fills it from the last view when that is
exact, and ``attach(store, tasks)`` completes it once the store is open (the role's pages, sync,
shortcuts, the 工作台 read from the store). ``MainWindow(store, tasks)`` does both at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, QSize, QTimer
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QWidget,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent

    from advisor_app.services.store_access import Store
    from ui.startup import View

KEY_ROLE = 0x0100  # Qt.ItemDataRole.UserRole, as a number: the frame does not touch ``Qt`` (ui.workbench)
GEOMETRY = "main/geometry"
STATE = "main/state"
SPLITTER = "main/splitter"
LAST_PAGE = "main/page"


def record_pages() -> dict[str, str]:
    """Record kind (table name) of a 统计 drill-down -> the page listing it: the page of a kind with
    a spreadsheet export is named by its export (read when asked: the registry imports the models)."""
    from advisor_app.domain import record_kinds

    return {info.kind.value: info.export for info in record_kinds.REGISTRY.values() if info.export}


def _dashboard(store: Store, tasks: Any) -> QWidget:
    """The reports engineer's DashboardView, or a placeholder until it lands."""
    import importlib

    try:
        module = importlib.import_module("ui.dashboard")
        return module.DashboardView(store, tasks=tasks)
    except (ImportError, AttributeError):
        from PySide6.QtCore import Qt

        label = QLabel(QCoreApplication.translate("MainWindow", "Statistics arrive with the reports module."))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        return label


class MainWindow(QMainWindow):
    def __init__(self, store: Store | None = None, tasks: Any = None, *, view: View | None = None) -> None:
        super().__init__()
        self.store: Store | None = None
        self.tasks = tasks
        # work kept for after the first paint (the frame's; a window made with its store has none)
        self._unpainted: list[Callable[[], Any]] | None = [] if store is None else None
        self.setWindowTitle(self.tr("Village legal service desk"))
        self.pages: dict[str, QWidget] = {}
        self.page_factories: list[tuple[str, str, Callable[[], QWidget]]] = [
            ("workbench", self.tr("Today"), self._workbench),
            (
                "consultations",
                self.tr("Legal consultations"),
                lambda: self._page("ui.pages", "ConsultationsPage"),
            ),
            ("cases", self.tr("Dispute mediation"), lambda: self._page("ui.pages", "CasesPage")),
            ("roster", self.tr("Legal literate persons"), lambda: self._page("ui.roster_page", "RosterPage")),
            ("activities", self.tr("Legal publicity"), lambda: self._page("ui.pages", "ActivitiesPage")),
            ("statistics", self.tr("Statistics"), self._statistics),
            ("sync", self.tr("Sync"), lambda: self._page("ui.sync_page", "SyncPage")),
            ("settings", self.tr("Settings"), self._settings),
        ]
        self.nav = QListWidget()
        self.nav.setObjectName("nav")
        self.hidden_pages: tuple[str, ...] = ()  # pages this role does not use (known with the store)
        for key, label, _ in self.page_factories:
            item = QListWidgetItem(label)
            item.setData(KEY_ROLE, key)
            self.nav.addItem(item)
        self.size_nav_rows()
        self.nav.setMinimumWidth(150)
        self.nav.setMaximumWidth(260)
        self.stack = QStackedWidget()
        self.splitter = QSplitter()
        self.splitter.addWidget(self.nav)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([170, 1000])
        self.setCentralWidget(self.splitter)
        self.sync: Any = None
        self._pending: Callable[[], Any] | None = None  # a page asked for before the store was open
        self.nav.currentRowChanged.connect(self._show_row)
        self.page_shortcuts: list[Any] = []  # with the store (attach): they act on its pages
        self.restore_layout()
        self.show_page("workbench")
        if view is not None:
            self.show_view(view)
        else:
            self._hide_pages(())
            self.statusBar().showMessage(self.tr("Opening…"))
            self.pages["workbench"].show_opening()
        if store is not None:
            self.attach(store, tasks)

    @property
    def attached(self) -> bool:
        return self.store is not None

    def after_first_paint(self, work: Callable[[], Any]) -> None:
        """Run ``work`` from the event loop once the frame has been painted (``painted``). The 工作台
        adds the rest of a long list then: rows appended before the paint would have Qt lay the
        whole list out again, and a list whose layout is pending paints blank."""
        if self._unpainted is None:
            QTimer.singleShot(0, self, work)
        else:
            self._unpainted.append(work)

    def painted(self) -> None:
        """The frame has been painted (``ui.app.main``; ``attach`` at the latest): the work kept
        for after it is queued."""
        waiting, self._unpainted = self._unpainted, None
        for work in waiting or ():
            QTimer.singleShot(0, self, work)

    def _hide_pages(self, hidden: tuple[str, ...]) -> None:
        self.hidden_pages = hidden
        for n, (key, *_rest) in enumerate(self.page_factories):
            self.nav.item(n).setHidden(key in hidden)

    def show_view(self, view: View) -> None:
        """The last view (exact for the store files) in the frame, before the store is open."""
        self._hide_pages(view.frame.hidden_pages)
        self.statusBar().showMessage(view.frame.status)
        self.pages["workbench"].show_view(view)

    def attach(self, store: Store, tasks: Any) -> None:
        """The store is open (and its user signed in): complete the window and read the 工作台."""
        from advisor_app.services import setup

        self.painted()  # (a window attached without ui.app.main, e.g. in tests)
        self.store = store
        self.tasks = tasks
        self._hide_pages(tuple(setup.hidden_pages(store)))
        role = setup.role(store) or ""
        self.statusBar().showMessage(f"{role}　{store.user}　{store.data_dir}")
        from ui.sync_status import install as install_sync

        self.sync = install_sync(self, store, tasks=tasks)  # status bar, automatic sync (network pool)
        from PySide6.QtGui import QKeySequence, QShortcut  # (not needed for the first paint)

        for n, (key, *_rest) in enumerate(self.page_factories):
            if key in self.hidden_pages:
                continue
            QShortcut(QKeySequence(f"Ctrl+{n + 1}"), self, activated=lambda k=key: self.show_page(k))
        from ui.widgets import install_page_shortcuts

        # Ctrl+N new record, Ctrl+F search, Ctrl+P print, Ctrl+S save — on the page shown
        self.page_shortcuts = install_page_shortcuts(self, self.stack.currentWidget)
        workbench = self.pages["workbench"]
        workbench.attach(store, tasks)
        workbench.reload()
        pending, self._pending = self._pending, None
        if pending is not None:
            pending()

    # --- pages ------------------------------------------------------------------------------------

    def _page(self, module: str, name: str) -> QWidget:
        import importlib  # (not before the first paint: docs/architecture.md, "Start-up")

        cls = getattr(importlib.import_module(module), name)
        return cls(self.store, self.tasks)

    def _workbench(self) -> QWidget:
        from ui.workbench import WorkbenchPage

        page = WorkbenchPage(None, self.tasks)  # the store comes with attach()
        page.open_case.connect(self.open_case)
        page.go_to.connect(self._go_to)
        return page

    def _statistics(self) -> QWidget:
        page = _dashboard(self.store, self.tasks)
        if hasattr(page, "openRecords"):
            page.openRecords.connect(self.open_records)
        return page

    def open_records(self, kind: str, ids: list[str]) -> None:
        """Show the records behind a 统计 figure: on their list page when they have one, else in
        the dashboard's own list."""
        key = record_pages().get(kind)
        if key is None or key in self.hidden_pages:
            self.page("statistics").show_records_dialog(kind, ids)
            return
        self.show_page(key).list.show_ids(ids)

    def _settings(self) -> QWidget:
        from ui.settings_page import SettingsPage

        return SettingsPage(self.store, self.tasks)

    def page(self, key: str) -> QWidget:
        if key not in self.pages:
            if self.store is None and key != "workbench":
                raise RuntimeError("pages other than the workbench are built once the store is open")
            factory = next(f for k, _l, f in self.page_factories if k == key)
            widget = factory()
            self.pages[key] = widget
            self.stack.addWidget(widget)
        return self.pages[key]

    def show_page(self, key: str) -> QWidget:
        if self.store is None and key != "workbench":  # the store is still opening: go there after
            self._pending = lambda: self.show_page(key)
            key = "workbench"
        widget = self.page(key)
        self.stack.setCurrentWidget(widget)
        row = next(n for n, (k, *_r) in enumerate(self.page_factories) if k == key)
        if self.nav.currentRow() != row:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(row)
            self.nav.blockSignals(False)
        if key == "workbench" and hasattr(widget, "reload") and widget.worklist is not None:
            widget.reload()
        return widget

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self.page_factories):
            self.show_page(self.page_factories[row][0])

    def _visible_page(self, key: str) -> QWidget:
        """The page, shown unless the role does not have it (then it only opens the record's window:
        e.g. an adviser opening a case from 工作台 stays on 工作台)."""
        return self.page(key) if key in self.hidden_pages else self.show_page(key)

    def _go_to(self, target: str) -> None:
        if self.store is None:
            self._pending = lambda: self._go_to(target)
            return
        if target == "consultation:new":
            self._visible_page("consultations").open_record(None)
        elif target == "case:new":
            self._visible_page("cases").open_record(None)
        elif target not in self.hidden_pages:
            self.show_page(target)

    def open_case(self, case_id: str) -> None:
        if self.store is None:  # a line of the last view double-clicked while the store opens
            self._pending = lambda: self.open_case(case_id)
            return
        self._visible_page("cases").open_record(case_id)

    def size_nav_rows(self) -> None:
        """Navigation rows 2.4 lines tall; ``ui.app.apply_font_size`` calls it when 字号 changes in
        设置, so the rows grow with the font at once. (Not a ``changeEvent`` override: Qt calls that
        before the first paint, and its first call creates PySide's ``QEvent`` type, ~3 ms.)"""
        size = QSize(0, int(self.fontMetrics().height() * 2.4))
        for n in range(self.nav.count()):
            self.nav.item(n).setSizeHint(size)

    # --- layout memory ----------------------------------------------------------------------------

    def restore_layout(self) -> None:
        settings = QSettings()
        geometry = settings.value(GEOMETRY)
        if isinstance(geometry, QByteArray | bytes) and geometry:
            self.restoreGeometry(geometry)
        else:
            from ui.widgets import fit_to_screen

            fit_to_screen(self, 1200, 700)  # 1024×768 screens too (issue 15 §1)
        state = settings.value(STATE)
        if isinstance(state, QByteArray | bytes) and state:
            self.restoreState(state)
        splitter = settings.value(SPLITTER)
        if isinstance(splitter, QByteArray | bytes) and splitter:
            self.splitter.restoreState(splitter)

    def save_layout(self) -> None:
        settings = QSettings()
        settings.setValue(GEOMETRY, self.saveGeometry())
        settings.setValue(STATE, self.saveState())
        settings.setValue(SPLITTER, self.splitter.saveState())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        from ui.sync_status import shutdown_all

        self.save_layout()
        shutdown_all()  # a sync in flight is cancelled and its thread waited for
        super().closeEvent(event)
