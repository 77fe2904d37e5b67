"""审计记录: who viewed, exported or printed personal data (司法所, 县司法局 and the local 管理员 only;
each within its regions, a county by its code range).

In the app the events (up to 2,000) are read on the database thread; a dialog made without a task
manager reads them in place.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from advisor_app.domain import record_kinds
from advisor_app.domain.clock import china_today, to_china
from advisor_app.services import regions, users

if TYPE_CHECKING:
    from advisor_app.services.store_access import Store

# audit target kinds beyond the record kinds (advisor_app.domain.record_kinds names those)
OTHER_TARGETS = {"store": QT_TRANSLATE_NOOP("AuditDialog", "Database")}
COLUMNS = (
    QT_TRANSLATE_NOOP("AuditDialog", "Time"),
    QT_TRANSLATE_NOOP("AuditDialog", "User"),
    QT_TRANSLATE_NOOP("AuditDialog", "Action"),
    QT_TRANSLATE_NOOP("AuditDialog", "Record"),
    QT_TRANSLATE_NOOP("AuditDialog", "Region"),
    QT_TRANSLATE_NOOP("AuditDialog", "Detail"),
)


class AuditDialog(QDialog):
    """A table of events, newest first, from a chosen day on; read in the core within the user's regions."""

    loaded = Signal(int)  # rows shown (or -1: not allowed)

    def __init__(self, store: Store, parent: QWidget | None = None, tasks: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks  # with a task manager the events are read on the database thread
        self.setWindowTitle(self.tr("Audit log"))
        self.resize(900, 560)
        self.since = QDateEdit()
        self.since.setCalendarPopup(True)
        self.since.setDisplayFormat("yyyy-MM-dd")
        start = china_today() - timedelta(days=90)
        self.since.setDate(QDate(start.year, start.month, start.day))
        reload = QPushButton(self.tr("Refresh"))
        reload.clicked.connect(self.load)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Starting date")))
        top.addWidget(self.since)
        top.addWidget(reload)
        top.addStretch(1)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate("AuditDialog", c) for c in COLUMNS])
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Stretch)
        self.message = QLabel()
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.load()

    def load(self) -> None:
        picked = self.since.date()
        # events are stamped in UTC; the day picked is a local one
        since = datetime(picked.year(), picked.month(), picked.day()).astimezone(UTC).replace(tzinfo=None)

        def read() -> tuple[list[Any], dict[str, str]]:
            return users.audit_events(self.store, since=since, limit=2000), regions.names(self.store)

        if self.tasks is not None and not self.tasks.closed:
            self.message.setText(self.tr("Reading…"))
            self.tasks.run_db(read, self._show, self._refused)
            return
        try:
            found = read()
        except PermissionError as exc:
            self._refused(exc)
            return
        self._show(found)

    def _refused(self, exc: BaseException) -> None:
        if not isinstance(exc, PermissionError):
            raise exc
        self.table.setRowCount(0)
        self.message.setText(str(exc))
        self.loaded.emit(-1)

    def _show(self, found: tuple[list[Any], dict[str, str]]) -> None:
        events, names = found
        self.table.setRowCount(len(events))
        for row, event in enumerate(events):
            cells = (
                f"{to_china(event.at.replace(tzinfo=UTC)):%Y-%m-%d %H:%M}",
                event.actor,
                event.action,
                self.tr(OTHER_TARGETS[event.target_kind])
                if event.target_kind in OTHER_TARGETS
                else record_kinds.name_of(event.target_kind),
                names.get(event.region_code, event.region_code),
                event.detail,
            )
            for col, value in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(value))
        self.table.resizeColumnsToContents()
        self.message.setText(self.tr("%1 in all").replace("%1", str(len(events))))
        self.loaded.emit(len(events))
