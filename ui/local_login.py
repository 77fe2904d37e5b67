"""本机用户 in the desktop: signing in at start, adding users (管理员), the 隐私与安全 box of 设置."""

from __future__ import annotations

from typing import Any

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


class LocalLoginDialog(QDialog):
    """Who is at the keyboard: pick your name, type your password (checked in the core)."""

    def __init__(self, store: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.signed: users.SignedIn | None = None
        self.setWindowTitle("登录本机")
        self.name = QComboBox()
        self.name.setEditable(True)
        for user in users.all_users(store):
            if not user.disabled:
                self.name.addItem(user.name)
        self.password = password_field()
        self.error = error_label()
        form = QFormLayout()
        form.addRow("用户", self.name)
        form.addRow("密码", self.password)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("登录")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("这台电脑由多人共用，每人只能看到自己负责的村的记录。"))
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
    """Tick the townships and villages a user looks after (a township covers its villages)."""

    def __init__(self, store: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        code = setup.home_region(store)
        township = setup.township_of(store, code) if code else None
        choices = [(township.name + "（全乡镇）", township.code)] if township else []
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

    def __init__(self, store: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.created: Any = None
        first = not users.has_users(store)
        self.setWindowTitle("添加本机用户" + ("（管理员）" if first else ""))
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
        form.addRow("用户名", self.name)
        form.addRow("身份", self.role)
        form.addRow("负责区域", self.regions)
        form.addRow("密码", self.password)
        form.addRow("再输入一次", self.repeat)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        if first:
            note = QLabel(
                "第一个用户是本机管理员，可以添加其他用户。添加后，打开程序和离开电脑一段时间后都需要输入密码，"
                "每人只能看到自己负责区域的记录。"
            )
            note.setWordWrap(True)
            layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        if self.password.text() != self.repeat.text():
            self.error.setText("再输入一次：两次输入的密码不一致")
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

    def __init__(self, store: Any, parent: QWidget | None = None) -> None:
        super().__init__("隐私与安全", parent)
        self.store = store
        form = QFormLayout(self)
        self.user_list = QLabel()
        self.user_list.setWordWrap(True)
        self.add_user = QPushButton("添加本机用户…")
        self.add_user.clicked.connect(self.open_add_user)
        row = QHBoxLayout()
        row.addWidget(self.user_list, 1)
        row.addWidget(self.add_user)
        form.addRow("本机用户", row)
        self.lock_minutes = QSpinBox()
        self.lock_minutes.setRange(1, 240)
        self.lock_minutes.setSuffix(" 分钟")
        self.lock_minutes.setValue(users.lock_minutes(store))
        self.lock_minutes.valueChanged.connect(self._lock_minutes_changed)
        form.addRow("空闲后自动锁定", self.lock_minutes)
        self.audit_button = QPushButton("审计记录…")
        self.audit_button.clicked.connect(self.open_audit)
        form.addRow("谁查看、导出、打印了个人信息", self.audit_button)
        self.refresh()

    def refresh(self) -> None:
        listed = [
            f"{u.name}（{u.role}{'，管理员' if u.is_admin else ''}{'，已停用' if u.disabled else ''}）"
            for u in users.all_users(self.store)
        ]
        me = users.current_user(self.store)
        self.user_list.setText("、".join(listed) or "无（单人使用，不需要登录）")
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
