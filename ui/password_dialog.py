"""数据库密码: ask for the store password, or offer to set one where the system has no keyring.

The store is encrypted with a key from the system keyring when there is one (advisor_app.store.crypto);
without a keyring the key can come from a password instead. Forgetting that password loses the data,
so the dialog says so plainly and asks for it twice. When to ask, what a password must be and how
the store is opened or encrypted is the policy of advisor_app.services.store_access: these dialogs
only ask the person.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from advisor_app.services import store_access
from advisor_app.services.store_access import Store, needs_password
from ui.widgets import error_label, password_field

DECLINED_SETTING = "privacy/declined_store_password"

FORGOTTEN_WARNING = (
    "这台电脑没有系统密钥环，数据库可以用密码加密：电脑被盗或被他人拷走数据文件时，"
    "没有密码就打不开其中的当事人信息。\n\n"
    "请注意：密码忘记后，任何人（包括开发者和技术支持）都无法恢复数据库中的数据，"
    "加密的备份也无法恢复。请把密码写在纸上，封存在单位保险柜里。"
)


class StorePasswordDialog(QDialog):
    """Asks for the password of a password-encrypted store; ``try_open`` opens it or says why not."""

    def __init__(self, try_open: Callable[[str], Store], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.try_open = try_open
        self.store: Store | None = None
        self.setWindowTitle("输入数据库密码")
        self.password = password_field()
        self.error = error_label()
        form = QFormLayout()
        form.addRow("数据库密码", self.password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("打开")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("本机数据库已用密码加密，请输入设置时的密码。"))
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        if not self.password.text():
            self.error.setText("数据库密码：不能为空")
            return
        try:
            self.store = self.try_open(self.password.text())
        except Exception:  # a wrong key shows up as "file is not a database"; never echo the password
            self.error.setText("数据库密码：不正确，请重新输入")
            self.password.selectAll()
            return
        self.accept()


class SetPasswordDialog(QDialog):
    """Offers password-based encryption (no keyring here): the password twice, or go on unencrypted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chosen: str | None = None
        self.setWindowTitle("设置数据库密码")
        explanation = QLabel(FORGOTTEN_WARNING)
        explanation.setWordWrap(True)
        self.password = password_field()
        self.repeat = password_field()
        self.error = error_label()
        form = QFormLayout()
        form.addRow("数据库密码", self.password)
        form.addRow("再输入一次", self.repeat)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("加密数据库")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("暂不加密")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(520, 320)

    def submit(self) -> None:
        first, second = self.password.text(), self.repeat.text()
        problem = store_access.check_new_password(first, second)
        if problem:
            self.error.setText(problem)
            return
        self.chosen = first
        self.accept()


__all__ = [
    "SetPasswordDialog",
    "StorePasswordDialog",
    "may_offer_password",
    "needs_password",
    "open_store_interactively",
]


def may_offer_password(data_dir: Path) -> bool:
    """The service's rule, with this desktop's memory of a declined offer."""
    declined = bool(QSettings().value(DECLINED_SETTING, False, type=bool))
    return store_access.may_offer_password(data_dir, declined=declined)


def open_store_interactively(
    data_dir: Path,
    open_store: Callable[..., Store] = store_access.open_store,
    parent: QWidget | None = None,
) -> Store | None:
    """The store of ``data_dir``, asking for (or offering) a password first; ``None`` if cancelled."""
    data_dir.mkdir(parents=True, exist_ok=True)
    if needs_password(data_dir):
        dialog = StorePasswordDialog(lambda password: open_store(data_dir, password=password), parent)
        return dialog.store if dialog.exec() else None
    if may_offer_password(data_dir):
        offer = SetPasswordDialog(parent)
        if offer.exec() and offer.chosen:
            return store_access.encrypt_with_password(data_dir, offer.chosen)
        QSettings().setValue(DECLINED_SETTING, True)
    return open_store(data_dir)
