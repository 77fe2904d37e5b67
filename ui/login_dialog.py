"""登录同步服务器: server address, account, password; the login runs off the GUI thread.

取消 works at any moment (the answer of a login already sent is then ignored), and the dialog gives
up on a server that does not answer within :data:`GIVE_UP_MS` (the HTTP client's own read timeout
is a minute: sync batches can be slow, a login is not).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ui.widgets import error_label, password_field

GIVE_UP_MS = 10000


class LoginDialog(QDialog):
    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.account: dict | None = None
        self._attempt = 0  # answers of an earlier (cancelled, given-up) attempt are ignored
        self.give_up = QTimer(self)
        self.give_up.setSingleShot(True)
        self.give_up.setInterval(GIVE_UP_MS)
        self.give_up.timeout.connect(self._gave_up)
        self.setWindowTitle("登录同步服务器")
        client = controller.client
        self.server = QLineEdit(client.server_url or "")
        self.server.setPlaceholderText("https://…（市司法局提供的同步服务器地址）")
        self.user = QLineEdit(client.username or "")
        self.password = password_field()
        self.error = error_label()
        form = QFormLayout()
        form.addRow("服务器地址", self.server)
        form.addRow("账号", self.user)
        form.addRow("密码", self.password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("登录")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel("登录令牌保存在系统密钥环中；本机数据不会因登录、退出或换账号而删除。"))
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def problems(self) -> dict[str, str]:
        errors = {}
        url = self.server.text().strip()
        if not url.startswith(("http://", "https://")):
            errors["server"] = "服务器地址：应以 https:// 开头"
        if not self.user.text().strip():
            errors["user"] = "账号：不能为空"
        if not self.password.text():
            errors["password"] = "密码：不能为空"
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
        self.error.setText("正在登录……（可随时取消）")
        self.ok_button().setEnabled(False)  # 取消 stays enabled
        self.give_up.start()
        self.controller.login(
            self.server.text().strip(),
            self.user.text().strip(),
            self.password.text(),
            lambda account: self._done(attempt, account),
            lambda message: self._failed(attempt, message),
        )

    def _current(self, attempt: int) -> bool:
        return attempt == self._attempt

    def _done(self, attempt: int, account: dict) -> None:
        if not self._current(attempt):
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

    def _gave_up(self) -> None:
        self._attempt += 1
        self.ok_button().setEnabled(True)
        self.error.setText(f"服务器在 {GIVE_UP_MS // 1000} 秒内没有应答：请检查网络和服务器地址，稍后再试。")

    def reject(self) -> None:
        self._attempt += 1
        self.give_up.stop()
        super().reject()
