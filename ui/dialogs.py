"""Message boxes in one place, so tests can answer them (monkeypatch ``ask``/``inform``)."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

YES, NO, SAVE, DISCARD, CANCEL = "yes", "no", "save", "discard", "cancel"
_BUTTONS = {
    YES: QMessageBox.StandardButton.Yes,
    NO: QMessageBox.StandardButton.No,
    SAVE: QMessageBox.StandardButton.Save,
    DISCARD: QMessageBox.StandardButton.Discard,
    CANCEL: QMessageBox.StandardButton.Cancel,
}


def ask(parent: QWidget | None, title: str, text: str, answers: tuple[str, ...] = (YES, NO)) -> str:
    """Ask a question; returns one of ``answers`` (the last one when the box is closed)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    for answer in answers:
        box.addButton(_BUTTONS[answer])
    box.setDefaultButton(_BUTTONS[answers[0]])
    box.setEscapeButton(_BUTTONS[answers[-1]])
    clicked = box.exec()
    for answer in answers:
        if clicked == _BUTTONS[answer]:
            return answer
    return answers[-1]


def inform(parent: QWidget | None, title: str, text: str, *, error: bool = False) -> None:
    icon = QMessageBox.Icon.Warning if error else QMessageBox.Icon.Information
    QMessageBox(icon, title, text, parent=parent).exec()
