"""本机用户 in the desktop: signing in at start, adding users (管理员), the 隐私与安全 box of 设置."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from advisor_app.services import regions, setup, users
from ui.forms import error_messages
from ui.widgets import error_label, password_field

if TYPE_CHECKING:
    from advisor_app.services.store_access import Store


class LocalLoginDialog(QDialog):
    """Who is at the keyboard: pick your name, type your password (checked in the core)."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.signed: users.SignedIn | None = None
        self.setWindowTitle(self.tr("Sign in on this computer"))
        self.name = QComboBox()
        self.name.setEditable(True)
        for user in users.all_users(store):
            if not user.disabled:
                self.name.addItem(user.name)
        self.password = password_field()
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("User"), self.name)
        form.addRow(self.tr("Password"), self.password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign in"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Several people share this computer; each sees only the records of the villages they look after."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.password.setFocus()

    def submit(self) -> None:
        try:
            self.signed = users.sign_in(self.store, self.name.currentText(), self.password.text())
        except users.SignInError as exc:
            self.error.setText(str(exc))
            self.password.clear()
            return
        self.accept()


class RegionPicker(QListWidget):
    """Tick the townships and villages a user looks after (a township covers its villages; on a
    县司法局's computer, the county)."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        code = setup.home_region(store)
        township = setup.township_of(store, code) if code else None
        choices = (
            [(self.tr("%1 (whole township)").replace("%1", township.name), township.code)] if township else []
        )
        county = setup.home_county(store)  # a 县司法局's users look after the county
        if county is not None:
            choices = [(self.tr("%1 (whole county)").replace("%1", county.name), county.code)]
        else:
            choices += [(v.name, v.code) for v in setup.villages(store)]
        if not choices:
            choices = [(v.name, v.code) for v in regions.all_villages(store)]
        for label, value in choices:
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.addItem(item)
        self.setMinimumHeight(140)

    def value(self) -> list[str]:
        return [
            self.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_value(self, codes: list[str]) -> None:
        for i in range(self.count()):
            item = self.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in codes
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)


class UserDialog(QDialog):
    """添加本机用户: name, role, regions, password twice. The first one becomes the 管理员."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.created: Any = None
        first = not users.has_users(store)
        self.setWindowTitle(
            self.tr("Add a local user (administrator)") if first else self.tr("Add a local user")
        )
        self.name = QLineEdit()
        self.role = QComboBox()
        self.role.addItems(setup.ROLES)
        current = setup.role(store)
        if current in setup.ROLES:
            self.role.setCurrentText(current)
        self.regions = RegionPicker(store)
        self.password = password_field()
        self.repeat = password_field()
        self.error = error_label()
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Regions looked after"), self.regions)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Enter it again"), self.repeat)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if first:
            note = QLabel(
                self.tr(
                    "The first user is this computer's administrator and can add other users. Once "
                    "added, a password is needed when the program opens and after leaving the computer "
                    "for a while; each person sees only the records of the regions they look after."
                )
            )
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        if self.password.text() != self.repeat.text():
            self.error.setText(
                self.tr("Enter it again: the two passwords differ, please type the same password twice")
            )
            return
        try:
            self.created = users.create_user(
                self.store,
                self.name.text(),
                self.password.text(),
                self.role.currentText(),
                self.regions.value(),
            )
        except Exception as exc:  # noqa: BLE001 - the core's Chinese messages are shown as they are
            messages = error_messages(exc) or {"": str(exc)}
            self.error.setText("\n".join(messages.values()))
            return
        self.accept()


class PrivacyBox(QGroupBox):
    """设置 → 隐私与安全: local users, automatic lock, the audit list."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Privacy and security"))
        self.store = store
        form = QFormLayout(self)
        self.user_list = QLabel()
        self.user_list.setWordWrap(True)
        self.add_user = QPushButton(self.tr("Add a local user…"))
        self.add_user.clicked.connect(self.open_add_user)
        row = QHBoxLayout()
        row.addWidget(self.user_list, 1)
        row.addWidget(self.add_user)
        form.addRow(self.tr("Local users"), row)
        self.lock_minutes = QSpinBox()
        self.lock_minutes.setRange(1, 240)
        self.lock_minutes.setSuffix(self.tr(" min"))
        self.lock_minutes.setValue(users.lock_minutes(store))
        self.lock_minutes.valueChanged.connect(self._lock_minutes_changed)
        form.addRow(self.tr("Lock when idle for"), self.lock_minutes)
        self.audit_button = QPushButton(self.tr("Audit log…"))
        self.audit_button.clicked.connect(self.open_audit)
        form.addRow(self.tr("Who viewed, exported or printed personal data"), self.audit_button)
        self.refresh()

    def refresh(self) -> None:
        listed = [
            self.tr("%1 (%2)")
            .replace("%1", u.name)
            .replace(
                "%2",
                u.role
                + (self.tr(", administrator") if u.is_admin else "")
                + (self.tr(", disabled") if u.disabled else ""),
            )
            for u in users.all_users(self.store)
        ]
        me = users.current_user(self.store)
        self.user_list.setText(
            self.tr(", ").join(listed) or self.tr("None (one person uses it, no sign-in needed)")
        )
        self.add_user.setEnabled(not listed or (me is not None and me.is_admin))
        self.lock_minutes.setEnabled(bool(listed))
        self.audit_button.setEnabled(users.may_read_audit(self.store))

    def tasks(self) -> Any:
        """The app's task manager, held by the page or window this box sits in (None alone)."""
        holder = self.parent()
        while holder is not None and getattr(holder, "tasks", None) is None:
            holder = holder.parent()
        return getattr(holder, "tasks", None)

    def _lock_minutes_changed(self, minutes: int) -> None:
        tasks = self.tasks()
        if tasks is not None and not tasks.closed:  # a write: on the database thread
            tasks.run_db(lambda: users.set_lock_minutes(self.store, minutes))
        else:
            users.set_lock_minutes(self.store, minutes)

    def open_add_user(self) -> UserDialog:
        dialog = UserDialog(self.store, self)
        dialog.accepted.connect(self.refresh)
        self.user_dialog = dialog
        dialog.open()
        return dialog

    def open_audit(self) -> QDialog:
        from ui.audit_page import AuditDialog

        dialog = AuditDialog(self.store, self, tasks=self.tasks())
        self.audit_dialog = dialog
        dialog.open()
        return dialog
