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

from PySide6.QtCore import QCoreApplication, QSettings
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


def forgotten_warning() -> str:
    return QCoreApplication.translate(
        "SetPasswordDialog",
        "This computer has no system keyring, so the database can be encrypted with a password: if "
        "the computer is stolen or someone copies the data files, the parties' information cannot be "
        "opened without the password.\n\n"
        "Please note: once the password is forgotten, nobody (developers and support included) can "
        "recover the data in the database, nor the encrypted backups. Write the password on paper and "
        "seal it in the office safe.",
    )


def __getattr__(name: str) -> str:
    # FORGOTTEN_WARNING is read when used, so that it is in the language installed by then
    if name == "FORGOTTEN_WARNING":
        return forgotten_warning()
    raise AttributeError(name)


class StorePasswordDialog(QDialog):
    """Asks for the password of a password-encrypted store; ``try_open`` opens it or says why not."""

    def __init__(self, try_open: Callable[[str], Store], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.try_open = try_open
        self.store: Store | None = None
        self.setWindowTitle(self.tr("Enter the database password"))
        self.password = password_field()
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("Database password"), self.password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Open"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "The database on this computer is encrypted with a password; enter the password that was set."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        if not self.password.text():
            self.error.setText(self.tr("Please enter the database password"))
            return
        try:
            self.store = self.try_open(self.password.text())
        except Exception:  # a wrong key shows up as "file is not a database"; never echo the password
            self.error.setText(self.tr("Database password: incorrect, please enter it again"))
            self.password.selectAll()
            return
        self.accept()


class SetPasswordDialog(QDialog):
    """Offers password-based encryption (no keyring here): the password twice, or go on unencrypted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chosen: str | None = None
        self.setWindowTitle(self.tr("Set a database password"))
        explanation = QLabel(forgotten_warning())
        explanation.setWordWrap(True)
        self.password = password_field()
        self.repeat = password_field()
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("Database password"), self.password)
        form.addRow(self.tr("Enter it again"), self.repeat)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Encrypt the database"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Not now"))
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
