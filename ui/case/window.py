"""纠纷调解: one case from registration to archive, a tab per step.

Every step calls ``advisor_app.services.cases`` on the database thread; the window only shows the
case's state and the core's messages (status flow, 30-day window, signed agreements read-only).
Each tab is a mixin in its own module (``ui/case/*_tab.py``); this module holds what they share.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QLabel, QTabWidget, QVBoxLayout

from advisor_app.domain import case_flow
from advisor_app.domain.clock import china_today
from advisor_app.domain.statuses import CaseStatus
from advisor_app.services import case_view, cases
from advisor_app.services.drafts import Drafts
from ui import dialogs
from ui.case.agreement_tab import AgreementTab
from ui.case.close_tab import CloseTab
from ui.case.confirmation_tab import ConfirmationTab
from ui.case.registration_tab import RegistrationTab
from ui.case.sessions_tab import SessionsTab
from ui.case.visits_tab import VisitsTab
from ui.forms import DRAFT_INTERVAL_MS, FieldsPanel, error_messages

if TYPE_CHECKING:
    from advisor_app.services.store_access import Store


class CaseWindow(RegistrationTab, SessionsTab, AgreementTab, VisitsTab, ConfirmationTab, CloseTab, QDialog):
    """A case: 登记 → 调解记录 → 协议 → 回访 → 司法确认 → 结案归档, with the 卷宗 checklist."""

    changed_case = Signal(str)  # case id, after any step (once its result is shown)
    loaded = Signal()  # after every refresh has put the stored case on screen
    step_failed = Signal(dict)

    def __init__(self, store: Store, tasks: Any, case_id: str | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.case_id = case_id
        self.parties: list[dict[str, Any]] = []
        self.reveal_numbers = False  # full ID numbers and phones shown after 显示完整号码 (audited)
        self.agreement_id: str | None = None
        self.agreement_status: str | None = None
        self.status: str | None = None
        self.view: case_view.CaseView | None = None
        self.drafts = Drafts(store)
        self._dirty = False
        self._draft_dirty = False
        self.resize(980, 680)  # within 1024×768 less a taskbar (issue 15 §1)
        self.header = QLabel()
        self.header.setObjectName("caseHeader")
        self.header.setWordWrap(True)
        self.tabs = QTabWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.tabs, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self._build_registration()
        self._build_sessions()
        self._build_agreement()
        self._build_visits()
        self._build_confirmation()
        self._build_close()
        QShortcut(QKeySequence("Ctrl+S"), self, activated=self.save_current)
        self._draft_timer = QTimer(self)
        self._draft_timer.setInterval(DRAFT_INTERVAL_MS)
        self._draft_timer.timeout.connect(self.flush_draft)
        self._draft_timer.start()
        self.refresh()

    @property
    def draft_key(self) -> str:
        return f"case-{self.case_id or 'new'}"

    # --- running steps ----------------------------------------------------------------------------

    def step(
        self,
        fn: Callable[[], Any],
        panel: FieldsPanel | None = None,
        then: Callable[[Any], None] | None = None,
    ) -> None:
        """Run one step on the database thread; show the core's messages, or refresh on success."""

        def done(result: Any) -> None:
            if panel is not None:
                panel.show_errors({})
            self.message.setText("")
            if then is not None:
                then(result)
            # changed_case once the new state is on screen, so the header never shows the old status.
            self.refresh(then=lambda: self.changed_case.emit(self.case_id or ""))

        def failed(exc: BaseException) -> None:
            messages = self.failure_messages(exc)
            if panel is not None:
                panel.show_errors(messages)
            else:
                self.message.setText("\n".join(messages.values()))
            self.message.setStyleSheet("color: #b00020;")
            self.step_failed.emit(messages)

        self.tasks.run_db(fn, done, failed)

    def failure_messages(self, exc: BaseException) -> dict[str, str]:
        """The core's refusal by field; a program error goes to the crash handler, never swallowed
        and never shown as an exception class name."""
        messages = error_messages(exc)
        if messages is None:
            sys.excepthook(type(exc), exc, exc.__traceback__)
            messages = {
                "": self.tr("This step failed because of a program error; an error report was saved.")
            }
        return messages

    def _mark_dirty(self) -> None:
        self._dirty = True
        self._draft_dirty = True

    # --- state ------------------------------------------------------------------------------------

    def refresh(self, then: Callable[[], None] | None = None) -> None:
        """Show the case as stored: one read model (services.case_view) loaded on the database thread.

        ``then`` runs once the stored state is on screen; ``loaded`` is emitted after every refresh.
        """
        has_case = self.case_id is not None
        for index in range(1, self.tabs.count()):
            self.tabs.setTabEnabled(index, has_case)
        if not has_case:
            self.setWindowTitle(self.tr("Register a dispute"))
            self.header.setText(self.tr("New case: enter the parties, the type and a summary, then save."))
            self.terms.set_dispute_type(self.reg.values()["dispute_type"])
            if then is not None:
                then()
            self.loaded.emit()
            return
        case_id = self.case_id

        def show(view: case_view.CaseView) -> None:
            if not shiboken6.isValid(self) or self.case_id != case_id:
                return  # closed meanwhile, or another case
            self.show_view(view)
            if then is not None:
                then()
            self.loaded.emit()

        def failed(exc: BaseException) -> None:
            if shiboken6.isValid(self):
                messages = self.failure_messages(exc)
                self.message.setText("\n".join(messages.values()))

        self.tasks.run_db(lambda: case_view.load(self.store, case_id), show, failed)

    def show_view(self, view: case_view.CaseView) -> None:
        case = view.case
        self.view = view
        self.status = case.status
        self.setWindowTitle(f"{case.case_no or ''} {case.dispute_type}")
        late = ""
        if case.status in case_flow.OPEN and case.due_on < china_today():
            late = "  " + self.tr("(past the one-month target)")
        self.header.setText(
            f"<b>{case.case_no or ''}</b>　{case.dispute_type}　"
            + self.tr("Status: %1").replace("%1", f"<b>{view.status_text}</b>")
            + "　"
            + self.tr("Accepted %1, due %2")
            .replace("%1", case.accepted_on.isoformat())
            .replace("%2", case.due_on.isoformat())
            + late
        )
        if not self._dirty:
            self.reg.set_values({k: getattr(case, k) for k in cases.CASE_FIELDS if k in self.reg.fields})
            self.parties = [
                {
                    k: (v.isoformat() if isinstance(v, date) else v)
                    for k, v in ((f, getattr(p, f)) for f in cases.PARTY_FIELDS)
                }
                for p in case.parties
                if not p.deleted
            ]
            self._show_parties()
        editable = case.status != CaseStatus.ARCHIVED
        self.reg.set_read_only(not editable)
        for widget in (self.add_party_button, self.remove_party_button, self.save_reg_button):
            widget.setEnabled(editable)
        for widget in self.session_buttons:
            widget.setEnabled(case.status in case_flow.OPEN)
        self._refresh_sessions(view)
        self._refresh_agreement(view)
        self._refresh_visits(view)
        self._refresh_confirmation(view)
        self._refresh_checklist(view)

    # --- saving, drafts, closing ------------------------------------------------------------------

    def save_current(self) -> None:
        index = self.tabs.currentIndex()
        if index == 0:
            self.save_registration()
        elif index == 2:
            self.save_agreement()

    def flush_draft(self) -> None:
        if self._draft_dirty:
            self.drafts.save(
                self.draft_key,
                {"registration": self.reg.values(), "parties": self.parties, "agreement": self.agr.values()},
            )
            self._draft_dirty = False

    def offer_draft(self) -> bool:
        data = self.drafts.load(self.draft_key)
        if not data:
            return False
        when = (self.drafts.saved_at(self.draft_key) or "").replace("T", " ")
        if (
            dialogs.ask(
                self,
                self.tr("Restore draft"),
                self.tr(
                    "An unsaved draft from %1 was found (the program may have closed unexpectedly). Restore it?"
                ).replace("%1", when),
            )
            != dialogs.YES
        ):
            self.drafts.discard(self.draft_key)
            return False
        self.reg.set_values(data.get("registration") or {})
        self.parties = list(data.get("parties") or [])
        self._show_parties()
        if self.case_id:
            self.agr.set_values(data.get("agreement") or {})
        self._dirty = True
        return True

    def reject(self) -> None:
        if self._dirty:
            answer = dialogs.ask(
                self,
                self.tr("Unsaved changes"),
                self.tr("This case has changes that are not saved. Leave without saving?"),
                (dialogs.DISCARD, dialogs.CANCEL),
            )
            if answer == dialogs.CANCEL:
                return
        self.drafts.discard(self.draft_key)
        self._dirty = False
        self._draft_timer.stop()
        super().reject()

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        event.ignore()
        self.reject()
