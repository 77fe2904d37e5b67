"""登录同步服务器: server address, account, password; the login runs off the GUI thread."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from ui.widgets import error_label, password_field


class LoginDialog(QDialog):
    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.account: dict | None = None
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

    def submit(self) -> None:
        errors = self.problems()
        if errors:
            self.error.setText("\n".join(errors.values()))
            return
        self.error.setText("正在登录……")
        self.buttons.setEnabled(False)
        self.controller.login(
            self.server.text().strip(),
            self.user.text().strip(),
            self.password.text(),
            self._done,
            self._failed,
        )

    def _done(self, account: dict) -> None:
        self.account = account
        self.password.clear()
        self.buttons.setEnabled(True)
        self.accept()

    def _failed(self, message: str) -> None:
        self.buttons.setEnabled(True)
        self.error.setText(message)
