"""First run: who uses this computer (role) and where (township), optionally with demo data."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QCheckBox, QHBoxLayout, QLineEdit, QRadioButton, QWidget

from advisor_app.services import setup
from ui.forms import FormDialog
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
    def __init__(self, store: Any, tasks: Any, parent: Any = None) -> None:
        super().__init__(store, None, parent, tasks=tasks)
        self.setWindowTitle(self.tr("Welcome to the village legal service desk"))
        self.resize(560, 360)
        self.add_field("role", self.tr("I am a"), RoleChoice())
        townships = [(t.name, t.code) for t in setup.townships(store)]
        self.add_field("region_code", self.tr("Township"), combo(townships))
        self.add_field("user", self.tr("Your name"), QLineEdit())
        self.add_field(
            "demo", self.tr("Demo data"), QCheckBox(self.tr("Fill in demo records to try the program"))
        )
        self.demo_counts: dict[str, int] | None = None

    def submit(self, data: dict[str, Any]) -> Any:
        setup.configure(self.store, data["role"] or "", data["region_code"] or "", data["user"])
        if data["demo"]:
            self.demo_counts = load_demo(self.store)
        return data


def load_demo(store: Any, consultations: int = 2000, cases: int = 300) -> dict[str, int]:
    """The lead's synthetic county (advisor_app.demo); the home region moves to a demo township."""
    from advisor_app import demo

    counts = demo.generate(store, seed=1, consultations=consultations, cases=cases)
    return counts
