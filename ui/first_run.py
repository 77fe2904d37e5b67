"""First run: who uses this computer (role), where (township), the township's villages, and
optionally demo data."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QCheckBox, QHBoxLayout, QLabel, QLineEdit, QRadioButton, QWidget

from advisor_app.domain.validation import ValidationError
from advisor_app.services import regions, setup
from ui.forms import FormDialog
from ui.villages import VillageLines
from ui.widgets import combo


class RoleChoice(QWidget):
    """One click picks the role of this installation."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        for role in setup.ROLES:
            button = QRadioButton(role)
            self.group.addButton(button)
            layout.addWidget(button)
            self.buttons[role] = button
        self.group.buttonToggled.connect(lambda *_: self.changed.emit())

    def value(self) -> str | None:
        return next((role for role, b in self.buttons.items() if b.isChecked()), None)

    def set_value(self, value: str | None) -> None:
        for role, button in self.buttons.items():
            button.setChecked(role == value)


class FirstRunDialog(FormDialog):
    """Role, township, the township's villages (typed, pasted or from a CSV), name, demo data.

    Saving configures the installation and adds the villages in one database job; a clerk who has
    a city account can skip the villages: logging in (同步) downloads them.
    """

    def __init__(self, store: Any, tasks: Any, parent: Any = None) -> None:
        super().__init__(store, None, parent, tasks=tasks)
        self.setWindowTitle(self.tr("Welcome to the village legal service desk"))
        self.resize(620, 560)
        self.add_field("role", self.tr("I am a"), RoleChoice())
        townships = [(t.name, t.code) for t in setup.townships(store)]
        self.add_field("region_code", self.tr("Township"), combo(townships))
        self.village_lines = VillageLines()
        self.add_field("villages", "本乡镇的村", self.village_lines)
        self.village_note = QLabel()
        self.village_note.setWordWrap(True)
        self.add_row("", self.village_note)
        self.add_field("user", self.tr("Your name"), QLineEdit())
        self.add_field(
            "demo", self.tr("Demo data"), QCheckBox(self.tr("Fill in demo records to try the program"))
        )
        self.demo_counts: dict[str, int] | None = None
        self.added: list[Any] = []
        self.fields["role"].changed.connect(self._role_changed)
        self.fields["region_code"].currentIndexChanged.connect(lambda _i: self._role_changed())
        self._role_changed()

    def _role_changed(self) -> None:
        """Say what the villages are for, and which are already known for the township."""
        role = self.fields["role"].value()
        if role:
            self.panel.rows["role"].show_error(None)  # answered: the “请选择身份” line goes
        code = self.fields["region_code"].currentData()
        known = [v.name for v in regions.villages_under(self.store, code) if not v.retired] if code else []
        own = role in ("村法律顾问", "人民调解员")
        text = "您服务的村将作为本机默认范围；" if own else ""
        if known:
            text += f"已有：{'、'.join(known)}；可再添加。"
        else:
            text += "每行一个村（可粘贴，或从 CSV 导入 村名/区划代码）；也可以以后在“设置 → 村（社区）”添加，或登录市级服务器自动下载。"
        self.village_note.setText(text)

    def submit(self, data: dict[str, Any]) -> Any:
        setup.configure(self.store, data["role"] or "", data["region_code"] or "", data["user"])
        entries = data.get("villages") or []
        if entries:
            added, errors = setup.add_villages(self.store, data["region_code"], entries)
            self.added = added
            if data["role"] != setup.TOWNSHIP_ROLE:
                setup.set_served_villages(self.store, [v.code for v in added])
            if errors:
                # the installation is set up and the good lines kept; the bad ones are named
                raise ValidationError({"villages": "；".join(f"第 {n} 行：{m}" for n, m in errors.items())})
        if data["demo"]:
            self.demo_counts = load_demo(self.store)
        return data

    def after_save(self, record: Any) -> None:
        self.village_lines.set_value("")


def load_demo(store: Any, consultations: int = 2000, cases: int = 300) -> dict[str, int]:
    """The lead's synthetic county (advisor_app.demo); the home region moves to a demo township."""
    from advisor_app import demo

    counts = demo.generate(store, seed=1, consultations=consultations, cases=cases)
    return counts
