"""调解记录: sessions held, 告知, 调解不成 and 终止 (a CaseWindow part)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advisor_app.domain.statuses import CaseStatus
from advisor_app.services import cases
from ui.case.base import CaseTab
from ui.forms import FieldsPanel
from ui.widgets import datetime_edit


class SessionsTab(CaseTab):
    """调解记录: sessions held, 告知, 调解不成 and 终止 (a CaseWindow part)."""

    def _build_sessions(self) -> None:
        page = QWidget()
        self.session_list = QListWidget()
        self.session_list.setMaximumHeight(140)
        self.sess = FieldsPanel()
        self.sess.add_field("held_at", self.tr("Time"), datetime_edit())
        self.sess.add_field("place", self.tr("Place"), QLineEdit())
        self.sess.add_field("participants", self.tr("Participants"), QLineEdit())
        for key, label in (
            ("statements", self.tr("Statements of each side")),
            ("facts", self.tr("Facts checked")),
            ("result", self.tr("Result")),
        ):
            edit = self.sess.add_field(key, label, QPlainTextEdit())
            edit.setMinimumHeight(70)
        buttons = QHBoxLayout()
        notice = QPushButton(self.tr("Rights notice read and signed"))
        failed = QPushButton(self.tr("Mediation failed…"))
        ended = QPushButton(self.tr("Terminate…"))
        add = QPushButton(self.tr("Save this session"))
        add.setObjectName("addSession")
        notice.clicked.connect(
            lambda: self.step(
                lambda: cases.give_notice(self.store, self.case_id),
                then=lambda _r: self._say_done(self.tr("Recorded: the rights notice was read and signed")),
            )
        )
        failed.clicked.connect(lambda: self._end(CaseStatus.FAILED))
        ended.clicked.connect(lambda: self._end(CaseStatus.TERMINATED))
        add.clicked.connect(self.add_session)
        for widget in (notice, failed, ended):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        buttons.addWidget(add)
        self.session_buttons = [notice, failed, ended, add]
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("Sessions held")))
        layout.addWidget(self.session_list)
        layout.addWidget(self.sess, 1)
        layout.addLayout(buttons)
        self.tabs.addTab(page, self.tr("Mediation sessions"))

    def add_session(self) -> None:
        data = {**self.sess.values(), "mediator": self.reg.values()["mediator"]}
        case_id = self.case_id

        def done(_s: Any) -> None:
            self.sess.set_values(
                {"place": "", "participants": "", "statements": "", "facts": "", "result": ""}
            )

        self.step(lambda: cases.add_session(self.store, case_id, data), self.sess, done)

    def _end(self, status: str) -> None:
        reason, ok = QInputDialog.getMultiLineText(
            self, status, self.tr("Why (this goes into the case file):")
        )
        if ok:
            case_id = self.case_id
            self.step(lambda: cases.set_status(self.store, case_id, status, result=reason))

    def _refresh_sessions(self, view: Any) -> None:
        self.session_list.clear()
        for s in view.sessions:
            self.session_list.addItem(f"{s.held_at:%Y-%m-%d %H:%M}  {s.place or ''}  {(s.result or '')[:40]}")

    def _say_done(self, text: str) -> None:
        """A step that leaves nothing new on screen says it was done (issue 15 §7)."""
        self.message.setStyleSheet("color: #1a7f37;")
        self.message.setText(text)
