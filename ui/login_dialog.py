"""登录同步服务器: server address, account, password; the login runs off the GUI thread.

取消 works at any moment (the answer of a login already sent is then ignored), and the dialog gives
up on a server that does not answer within :data:`GIVE_UP_MS` (the HTTP client's own read timeout
is a minute: sync batches can be slow, a login is not).

A login the dialog stopped waiting for never completes silently: each attempt carries a
:class:`LoginTicket`; the worker asks it (``SyncClient.login(proceed=…)``) once the server has
answered and before anything is kept, and a cancelled or given-up attempt is abandoned there (token
revoked, nothing saved). Only when 取消 comes in the moment the login is already being kept does it
complete, and then the dialog's parent is told so.
"""

from __future__ import annotations

import threading
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ui.widgets import error_label, password_field

GIVE_UP_MS = 10000


class LoginTicket:
    """One login attempt's fate, decided once under a lock: kept (the worker got there first) or
    abandoned (the dialog cancelled or gave up first)."""

    RUNNING, KEEPING, ABANDONED = "running", "keeping", "abandoned"

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.state = self.RUNNING

    def keep(self) -> bool:
        """Worker thread, the server has answered: may the login be saved?"""
        with self._lock:
            if self.state == self.RUNNING:
                self.state = self.KEEPING
            return self.state == self.KEEPING

    def abandon(self) -> bool:
        """GUI thread: stop this attempt; False when it is already being kept."""
        with self._lock:
            if self.state == self.RUNNING:
                self.state = self.ABANDONED
            return self.state == self.ABANDONED


class LoginDialog(QDialog):
    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.account: dict | None = None
        self._attempt = 0  # answers of an earlier (cancelled, given-up) attempt are ignored
        self.ticket: LoginTicket | None = None
        self.give_up = QTimer(self)
        self.give_up.setSingleShot(True)
        self.give_up.setInterval(GIVE_UP_MS)
        self.give_up.timeout.connect(self._gave_up)
        self.setWindowTitle(self.tr("Log in to the sync server"))
        client = controller.client
        self.server = QLineEdit(client.server_url or "")
        self.server.setPlaceholderText(
            self.tr("https://… (the sync server address the city justice bureau gave you)")
        )
        self.user = QLineEdit(client.username or "")
        self.password = password_field()
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("Server address"), self.server)
        form.addRow(self.tr("Account"), self.user)
        form.addRow(self.tr("Password"), self.password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            QLabel(
                self.tr(
                    "The login token is kept in the system keyring; the records on this computer are never "
                    "deleted by logging in, out or changing account."
                )
            )
        )
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def problems(self) -> dict[str, str]:
        errors = {}
        url = self.server.text().strip()
        if not url.startswith(("http://", "https://")):
            errors["server"] = self.tr("Server address: must start with https://")
        if not self.user.text().strip():
            errors["user"] = self.tr("Account: please enter your account")
        if not self.password.text():
            errors["password"] = self.tr("Password: please enter your password")
        return errors

    def ok_button(self) -> Any:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def submit(self) -> None:
        errors = self.problems()
        if errors:
            self.error.setText("\n".join(errors.values()))
            return
        self._attempt += 1
        attempt = self._attempt
        ticket = self.ticket = LoginTicket()
        self.error.setText(self.tr("Logging in… (you can cancel at any time)"))
        self.ok_button().setEnabled(False)  # 取消 stays enabled
        self.give_up.start()
        self.controller.login(
            self.server.text().strip(),
            self.user.text().strip(),
            self.password.text(),
            lambda account: self._done(attempt, account),
            lambda message: self._failed(attempt, message),
            proceed=ticket.keep,
        )

    def _current(self, attempt: int) -> bool:
        return attempt == self._attempt

    def _done(self, attempt: int, account: dict) -> None:
        if not self._current(attempt):
            self._late(account)
            return
        self.give_up.stop()
        self.account = account
        self.password.clear()
        self.ok_button().setEnabled(True)
        self.accept()

    def _failed(self, attempt: int, message: str) -> None:
        if not self._current(attempt):
            return
        self.give_up.stop()
        self.ok_button().setEnabled(True)
        self.error.setText(message)

    def _late(self, account: dict) -> None:
        """Cancelled while the login was being kept: it did complete, so say so where it was asked."""
        from ui import dialogs

        self.account = account
        self.password.clear()
        self.late_login = self.tr("Logged in as %1: the login was already complete when it was cancelled.")
        dialogs.inform(
            self.parentWidget(), self.windowTitle(), self.late_login.replace("%1", self.user.text())
        )

    def _stop_waiting(self) -> bool:
        """Abandon the attempt under way; False when it is already being kept (it completes)."""
        if self.ticket is not None and not self.ticket.abandon():
            return False
        self._attempt += 1
        return True

    def _gave_up(self) -> None:
        if not self._stop_waiting():
            return  # the server answered in time and the login is being kept: its answer follows
        self.ok_button().setEnabled(True)
        self.error.setText(
            self.tr(
                "The server did not answer within %1 seconds: check the network and the server address, then try again."
            ).replace("%1", str(GIVE_UP_MS // 1000))
        )

    def reject(self) -> None:
        if not self._stop_waiting():
            self._attempt += 1  # it completes anyway: _late reports it
        self.give_up.stop()
        super().reject()
