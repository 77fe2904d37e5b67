"""The 工作台's dialogs about one bad rating: 登记差评回访 (FollowUpDialog), 申诉 (AppealDialog) and
the 司法所's decision (DecideDialog). Apart from ui.workbench so that their Qt types are created
when first opened, not before the window's first paint (docs/architecture.md, "Start-up")."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from advisor_app.domain.clock import china_today

if TYPE_CHECKING:
    from advisor_app.services import ratings
    from advisor_app.services.store_access import Store


class _RatingWriteDialog(QDialog):
    """A small dialog about one bad rating whose 保存 runs a ratings service on the database thread."""

    def __init__(self, store: Store, item: ratings.FollowUp, parent: QWidget | None, tasks: Any) -> None:
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.item = item
        self.about = QLabel(
            f"{item.grade}  {item.target_label}  {item.title}\n"
            + QCoreApplication.translate("RatingDialogs", "Rated on %1, %2")
            .replace("%1", str(item.rated_on))
            .replace("%2", item.source_label)
            + (f"\n{item.problems}" if item.problems else "")
        )
        self.about.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.form = QFormLayout()
        buttons = QDialogButtonBox()
        self.save_button = buttons.addButton(
            QCoreApplication.translate("RatingDialogs", "Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = buttons.addButton(
            QCoreApplication.translate("RatingDialogs", "Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def job(self) -> Callable[[], Any]:
        """The write, with the fields read here on the GUI thread (the write runs on the database's)."""
        raise NotImplementedError

    def save(self) -> None:
        from advisor_app.domain.validation import ValidationError

        job = self.job()
        if self.tasks is None:
            try:
                job()
            except (ValidationError, LookupError) as exc:
                self._failed(exc)
                return
            self.accept()
            return
        self.save_button.setEnabled(False)
        self.tasks.run_db(job, lambda _rating: self.accept(), self._failed)

    def _failed(self, exc: BaseException) -> None:
        from advisor_app.domain.validation import ValidationError

        self.save_button.setEnabled(True)
        if isinstance(exc, ValidationError):
            self.error.setText("\n".join(exc.errors.values()))
        else:
            self.error.setText(
                str(exc)
                if isinstance(exc, LookupError)
                else QCoreApplication.translate("RatingDialogs", "Not saved: %1").replace("%1", str(exc))
            )


class FollowUpDialog(_RatingWriteDialog):
    """登记差评回访: who called (回访人), when, what was found (回访情况), what was done (处理措施)."""

    def __init__(
        self, store: Store, item: ratings.FollowUp, parent: QWidget | None = None, *, tasks: Any = None
    ) -> None:
        from PySide6.QtCore import QDate

        from ui.widgets import date_edit

        super().__init__(store, item, parent, tasks)
        self.setWindowTitle(self.tr("Record the follow-up of a poor rating"))
        self.by = QLineEdit()
        self.on = date_edit()  # typed as digits (20260301, 2026-3-1) like the forms' dates
        today = china_today()
        self.on.setDate(QDate(today.year, today.month, today.day))
        self.found = QPlainTextEdit()
        self.action = QPlainTextEdit()
        self.form.addRow(self.tr("Followed up by"), self.by)
        self.form.addRow(self.tr("Follow-up date"), self.on)
        self.form.addRow(self.tr("What was found"), self.found)
        self.form.addRow(self.tr("What was done"), self.action)

    def job(self) -> Callable[[], Any]:
        from ui.widgets import get_value

        get_value(self.on)  # a date still being typed as digits counts
        day = self.on.date()
        data = {
            "followed_up_by": self.by.text(),
            "followed_up_on": f"{day.year():04d}-{day.month():02d}-{day.day():02d}",
            "follow_up_note": self.found.toPlainText(),
            "follow_up_action": self.action.toPlainText(),
        }
        from advisor_app.services import ratings

        return lambda: ratings.record_follow_up(self.store, self.item.id, data)


class AppealDialog(_RatingWriteDialog):
    """申诉: why the village thinks the rating mistaken or malicious (ratings.file_appeal)."""

    def __init__(
        self, store: Store, item: ratings.FollowUp, parent: QWidget | None = None, *, tasks: Any = None
    ) -> None:
        super().__init__(store, item, parent, tasks)
        self.setWindowTitle(QCoreApplication.translate("RatingDialogs", "Appeal a rating"))
        self.reason = QPlainTextEdit()
        self.reason.setPlaceholderText(
            QCoreApplication.translate("RatingDialogs", "Why the rating is mistaken or malicious")
        )
        self.form.addRow(QCoreApplication.translate("RatingDialogs", "Reason"), self.reason)

    def job(self) -> Callable[[], Any]:
        from advisor_app.services import ratings

        store, rating_id, reason = self.store, self.item.id, self.reason.toPlainText()
        return lambda: ratings.file_appeal(store, rating_id, reason)


class DecideDialog(_RatingWriteDialog):
    """The township's decision (ratings.decide_appeal): 撤销 the rating (申诉成立: it no longer counts)
    or 维持 it (申诉不成立: it stands)."""

    def __init__(
        self, store: Store, item: ratings.FollowUp, parent: QWidget | None = None, *, tasks: Any = None
    ) -> None:
        super().__init__(store, item, parent, tasks)
        self.setWindowTitle(QCoreApplication.translate("RatingDialogs", "Decide the appeal"))
        self.revoke = QRadioButton(
            QCoreApplication.translate(
                "RatingDialogs", "Revoke the rating (appeal upheld: it counts no more)"
            )
        )
        self.keep = QRadioButton(
            QCoreApplication.translate("RatingDialogs", "Keep the rating (appeal rejected)")
        )
        self.keep.setChecked(True)
        choice = QVBoxLayout()
        choice.addWidget(self.revoke)
        choice.addWidget(self.keep)
        self.by = QLineEdit()
        self.note = QPlainTextEdit()
        self.village_reason = QLabel()
        self.village_reason.setWordWrap(True)
        self.form.addRow(QCoreApplication.translate("RatingDialogs", "Village's reason"), self.village_reason)
        self.form.addRow(QCoreApplication.translate("RatingDialogs", "Decision"), choice)
        self.form.addRow(QCoreApplication.translate("RatingDialogs", "Decided by"), self.by)
        self.form.addRow(QCoreApplication.translate("RatingDialogs", "Grounds"), self.note)

        store, rating_id = self.store, self.item.id
        if tasks is None:
            self.village_reason.setText(appeal_reason(store, rating_id))
        else:  # read on the database thread like every other read of the app
            tasks.run_db(lambda: appeal_reason(store, rating_id), self.village_reason.setText)

    def job(self) -> Callable[[], Any]:
        from advisor_app.services import ratings

        store, rating_id = self.store, self.item.id
        upheld, by, note = self.revoke.isChecked(), self.by.text(), self.note.toPlainText()
        return lambda: ratings.decide_appeal(store, rating_id, upheld=upheld, decided_by=by, decision=note)


def appeal_reason(store: Store, rating_id: str) -> str:
    """The village's 申诉理由 of a rating (shown to the township deciding it)."""
    from advisor_app.domain.models import Rating

    with store.session() as session:
        rating = session.get(Rating, rating_id)
        return (rating.appeal_reason or "") if rating is not None else ""
