"""Entering a person: the ID number fills 性别 and 出生日期, and people already in the store are offered
(same ID number or phone, or a same-sounding name in the same village) to avoid duplicates and to
flag a mediator who should step aside (回避)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from advisor_app.domain import idcard
from advisor_app.services import people

if TYPE_CHECKING:
    from advisor_app.services.store_access import Store

NOTE_STYLE = "color: #8a5a00;"


def id_autofill(number: str) -> idcard.IdInfo | None:
    """The ID number's sex and birth date once all 18 characters are typed and valid."""
    try:
        return idcard.parse(number) if len(idcard.normalize(number)) == 18 else None
    except idcard.IdNumberError:
        return None


class SimilarPeople(QWidget):
    """Shows matches found in the store, each with a button to use that person."""

    chosen = Signal(object)  # people.Match

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 0, 0, 0)
        self.matches: list[people.Match] = []
        self.hide()

    def show_matches(self, matches: list[people.Match], recusal: str | None = None) -> None:
        while self.layout_.count():
            item = self.layout_.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.matches = matches
        for match in matches[:5]:
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            note = QLabel(
                self.tr("Already in the records: %1 (%2)")
                .replace("%1", match.name)
                .replace("%2", match.reason)
            )
            note.setStyleSheet(NOTE_STYLE)
            use = QPushButton(self.tr("Use this person"))
            use.clicked.connect(lambda _=False, m=match: self.chosen.emit(m))
            line.addWidget(note, 1)
            line.addWidget(use)
            self.layout_.addWidget(row)
        if recusal:
            warn = QLabel(recusal)
            warn.setStyleSheet("color: #b00020;")
            warn.setWordWrap(True)
            self.layout_.addWidget(warn)
        self.setVisible(bool(matches) or bool(recusal))


def lookup_similar(
    tasks: Any, store: Store, data: dict[str, Any], region_code: str | None, done: Callable[[list], None]
) -> None:
    """Ask the database thread for similar people; ``done(matches)`` runs on the GUI thread."""

    def job() -> list[people.Match]:
        with store.session() as session:
            return people.find_similar(session, data, region_code)

    tasks.run_db(job, done, lambda _exc: done([]))


def same_sound(a: str | None, b: str | None) -> bool:
    return bool(
        a and b and a.strip() and b.strip() and people.pinyin_key(a.strip()) == people.pinyin_key(b.strip())
    )
