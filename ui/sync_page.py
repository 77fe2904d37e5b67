"""The 同步 page: account, sync now with progress and cancel, the last result, 冲突 to resolve and
已隔离 (pulled records this device set aside).

``SyncPage(store, tasks, parent)`` is what the main window builds. The network work runs in the
shared :class:`ui.sync_status.SyncController` in the task manager's network pool; this page only
shows it. The 冲突 list loads on the database thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ui.conflicts_page import ConflictsPage
from ui.login_dialog import LoginDialog
from ui.quarantine_list import QuarantineList
from ui.sync_status import controller_for, describe

if TYPE_CHECKING:
    from advisor_app.services.store_access import Store


class SyncPage(QWidget):
    def __init__(self, store: Store, tasks: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.controller = controller_for(store, tasks)
        self.account = QLabel()
        self.account.setWordWrap(True)
        self.login_button = QPushButton(self.tr("Sign in…"))
        self.logout_button = QPushButton(self.tr("Sign out"))
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.stage = QLabel()
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.status = QLabel()
        self.status.setWordWrap(True)

        box = QGroupBox(self.tr("Sync server"))
        bl = QVBoxLayout(box)
        bl.addWidget(self.account)
        row = QHBoxLayout()
        for b in (self.login_button, self.logout_button):
            row.addWidget(b)
        row.addStretch(1)
        bl.addLayout(row)
        run = QGroupBox(self.tr("Sync"))
        rl = QVBoxLayout(run)
        row = QHBoxLayout()
        row.addWidget(self.sync_button)
        row.addWidget(self.cancel_button)
        row.addStretch(1)
        rl.addLayout(row)
        rl.addWidget(self.stage)
        rl.addWidget(self.progress)
        rl.addWidget(self.result)
        rl.addWidget(self.status)
        overview = QWidget()
        ol = QVBoxLayout(overview)
        ol.addWidget(box)
        ol.addWidget(run)
        ol.addStretch(1)
        self.conflicts = ConflictsPage(store, tasks)
        self.tabs = QTabWidget()
        self.tabs.addTab(overview, self.tr("Sync"))
        self.tabs.addTab(self.conflicts, self.tr("Conflicts"))
        self.quarantine = QuarantineList(self.controller.client)
        self.tabs.addTab(self.quarantine, self.tr("Quarantined"))
        QVBoxLayout(self).addWidget(self.tabs)

        self.login_button.clicked.connect(self.open_login)
        self.logout_button.clicked.connect(self.log_out)
        # clicked(bool) would land in sync(automatic=…): call it without arguments.
        self.sync_button.clicked.connect(lambda: self.controller.sync())
        self.cancel_button.clicked.connect(self.controller.cancel)
        self.conflicts.resolved.connect(self.controller.refresh)
        c = self.controller
        c.started.connect(self._started)
        c.progressed.connect(self._progressed)
        c.finished.connect(self._finished)
        c.failed.connect(self._failed)
        c.status_changed.connect(self._status)
        c.refresh()

    def _status(self, status: Any) -> None:
        if status.logged_in:
            self.account.setText(
                self.tr("Server: %1\nAccount: %2")
                .replace("%1", status.server_url)
                .replace("%2", status.username)
            )
        elif status.server_url:
            self.account.setText(
                self.tr(
                    "Server: %1\nNot signed in (records are saved here as usual and sent after signing in)"
                ).replace("%1", status.server_url)
            )
        else:
            self.account.setText(self.tr("No sync server set up yet: all records are kept on this computer."))
        self.logout_button.setEnabled(status.logged_in)
        self.sync_button.setEnabled(status.logged_in and not self.controller.running)
        self.status.setText(describe(status))
        conflicts = self.tr("Conflicts (%1)").replace("%1", str(status.conflicts))
        self.tabs.setTabText(1, conflicts if status.conflicts else self.tr("Conflicts"))
        held = getattr(status, "quarantined", 0)
        quarantined = self.tr("Quarantined (%1)").replace("%1", str(held))
        self.tabs.setTabText(2, quarantined if held else self.tr("Quarantined"))
        if held or self.quarantine.table.rowCount():
            self.quarantine.refresh()  # a small local table; read only when there is something to show

    def _started(self) -> None:
        self.sync_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setVisible(True)
        self.progress.setRange(0, 0)
        self.stage.setText(self.tr("Syncing…"))

    def _progressed(self, stage: str, done: int, total: int) -> None:
        self.stage.setText(
            self.tr("%1: %2/%3").replace("%1", stage).replace("%2", str(done)).replace("%3", str(total))
        )
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _stopped(self) -> None:
        self.cancel_button.setEnabled(False)
        self.sync_button.setEnabled(True)
        self.progress.setVisible(False)
        self.stage.setText("")

    def _finished(self, report: Any) -> None:
        self._stopped()
        self.result.setText(self.tr("Sync finished: %1").replace("%1", report.summary()))
        self.conflicts.reload()

    def _failed(self, message: str) -> None:
        self._stopped()
        self.result.setText(self.tr("Sync not finished: %1").replace("%1", message))

    def open_login(self) -> None:
        dialog = LoginDialog(self.controller, self)
        if dialog.exec():
            self.controller.sync()

    def log_out(self) -> None:
        def done(queued: int) -> None:
            if queued:
                QMessageBox.information(
                    self,
                    self.tr("Signed out"),
                    self.tr(
                        "%1 record(s) on this computer are not yet synced; they are kept here and sent "
                        "automatically after signing in again."
                    ).replace("%1", str(queued)),
                )

        self.controller.logout(done)
