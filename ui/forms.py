"""Forms: fields with the core's messages shown beside them, Enter saves, Esc cancels, a prompt on
unsaved changes, and drafts written every few seconds so a crash or power cut loses little.

Saving runs the core's service on the database thread (ui.tasks); the values are read from the
widgets first, on the GUI thread, and the answer (the record, or the field messages) comes back
by signal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from advisor_app.domain.case_flow import FlowError
from advisor_app.domain.validation import ValidationError
from advisor_app.services.drafts import Drafts
from ui import dialogs
from ui.villages import empty_hint
from ui.widgets import (
    ERROR_STYLE,
    FitScrollArea,
    changed_signal,
    fit_to_screen,
    get_value,
    set_value,
    trigger,
)

if TYPE_CHECKING:
    from advisor_app.services.store_access import Store

DRAFT_INTERVAL_MS = 3000


def error_messages(exc: BaseException) -> dict[str, str] | None:
    """Field messages of a refusal by the core; None for an unexpected error (re-raised)."""
    if isinstance(exc, ValidationError):
        return exc.errors
    if isinstance(exc, KeyError | IndexError):  # LookupErrors of the program, not “找不到记录”
        return None
    if isinstance(exc, FlowError | LookupError | ValueError | OSError):
        return {"": str(exc)}
    return None


class FieldRow(QWidget):
    """A field and its error message underneath."""

    def __init__(self, widget: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.widget = widget
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(widget)
        layout.addWidget(self.error)

    def show_error(self, message: str | None) -> None:
        self.error.setText(message or "")
        self.error.setVisible(bool(message))


class FieldsPanel(QWidget):
    """Labelled fields with error rows and a banner for messages that belong to no field."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None, *, scroll: bool = True):
        super().__init__(parent)
        self.fields: dict[str, QWidget] = {}
        self.rows: dict[str, FieldRow] = {}
        self._loading = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.banner = QLabel()
        self.banner.setStyleSheet(ERROR_STYLE)
        self.banner.setWordWrap(True)
        self.banner.hide()
        outer.addWidget(self.banner)
        body = QWidget()
        self.form = QFormLayout(body)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        if scroll:
            area = FitScrollArea()  # scrolls down only: the window is as wide as the fields need
            area.setWidget(body)
            outer.addWidget(area, 1)
        else:
            outer.addWidget(body)

    def add_field(self, key: str, label: str, widget: QWidget) -> QWidget:
        row = FieldRow(widget)
        self.form.addRow(label, row)
        self.fields[key] = widget
        self.rows[key] = row
        if isinstance(widget, QPlainTextEdit):
            widget.setTabChangesFocus(True)
        changed_signal(widget).connect(self._changed)
        # a message follows its field: editing the field takes its message away (the next save
        # checks again), so a corrected ID number does not keep its check-digit message
        changed_signal(widget).connect(lambda *_: self._field_edited(key))
        return widget

    def _field_edited(self, key: str) -> None:
        row = self.rows.get(key)
        if row is not None and not row.error.isHidden():
            row.show_error(None)

    def add_row(self, label: str, widget: QWidget) -> None:
        self.form.addRow(label, widget)

    def _changed(self, *_: Any) -> None:
        if not self._loading:
            self.changed.emit()

    def values(self) -> dict[str, Any]:
        return {key: get_value(widget) for key, widget in self.fields.items()}

    def set_values(self, data: dict[str, Any]) -> None:
        self._loading = True
        try:
            for key, value in data.items():
                if key in self.fields:
                    set_value(self.fields[key], value)
        finally:
            self._loading = False

    def set_read_only(self, read_only: bool) -> None:
        for widget in self.fields.values():
            if isinstance(widget, QPlainTextEdit):
                widget.setReadOnly(read_only)
            else:
                widget.setEnabled(not read_only)

    def show_errors(self, errors: dict[str, str]) -> None:
        """Each message beside its field; the ones for fields not on this panel in the banner."""
        for row in self.rows.values():
            row.show_error(None)
        unplaced = []
        first: QWidget | None = None
        for field, message in errors.items():
            row = self.rows.get(field) or self.rows.get(field.split(".")[-1])
            if row is None:
                unplaced.append(message)
                continue
            row.show_error(empty_hint(row.widget, message))  # an empty 所在村 says where to add one
            first = first or row.widget
        self.banner.setText("\n".join(unplaced))
        self.banner.setVisible(bool(unplaced))
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def error_text(self, field: str) -> str:
        row = self.rows.get(field)
        if row is None:
            return self.banner.text() if field == "" and self.banner.isVisible() else ""
        return row.error.text() if not row.error.isHidden() else ""


class FormDialog(QDialog):
    """Subclasses add fields and implement :meth:`submit` (calls a service; runs on the database thread)."""

    saved = Signal(object)  # the record the service returned
    refused = Signal(dict)  # field -> message

    def __init__(
        self, store: Store, draft_key: str | None, parent: QWidget | None = None, *, tasks: Any = None
    ):
        super().__init__(parent)
        self.store = store
        self.tasks = tasks
        self.draft_key = draft_key
        self.drafts = Drafts(store)
        self.result_record: Any = None
        self._dirty = False
        self._draft_dirty = False
        self._saving = False

        outer = QVBoxLayout(self)
        self.panel = FieldsPanel(self)
        self.panel.changed.connect(self._changed)
        outer.addWidget(self.panel, 1)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        outer.addWidget(self.buttons)
        # Enter saves from one-line fields (the dialog's default button); Ctrl+Enter also from text areas.
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setDefault(True)
        for keys in ("Ctrl+Return", "Ctrl+Enter", "Ctrl+S"):
            QShortcut(QKeySequence(keys), self, activated=lambda: self.save())
        # Ctrl+P presses the form's print button (named "print"), when it has one enabled
        QShortcut(QKeySequence("Ctrl+P"), self, activated=lambda: trigger(self, "print"))
        self._draft_timer = QTimer(self)
        self._draft_timer.setInterval(DRAFT_INTERVAL_MS)
        self._draft_timer.timeout.connect(self.flush_draft)
        self._draft_timer.start()

    # --- delegation to the panel ------------------------------------------------------------------

    @property
    def fields(self) -> dict[str, QWidget]:
        return self.panel.fields

    def add_field(self, key: str, label: str, widget: QWidget) -> QWidget:
        return self.panel.add_field(key, label, widget)

    def add_row(self, label: str, widget: QWidget) -> None:
        self.panel.add_row(label, widget)

    def values(self) -> dict[str, Any]:
        return self.panel.values()

    def set_values(self, data: dict[str, Any]) -> None:
        self.panel.set_values(data)

    def show_errors(self, errors: dict[str, str]) -> None:
        self.panel.show_errors(errors)

    def error_text(self, field: str) -> str:
        return self.panel.error_text(field)

    # --- state ------------------------------------------------------------------------------------

    def _changed(self, *_: Any) -> None:
        self._dirty = True
        self._draft_dirty = True

    def is_dirty(self) -> bool:
        return self._dirty

    def mark_clean(self) -> None:
        self._dirty = False
        self._draft_dirty = False

    def draft_data(self) -> dict[str, Any]:
        return self.values()

    def restore_draft(self, data: dict[str, Any]) -> None:
        self.set_values(data)

    # --- saving -----------------------------------------------------------------------------------

    def submit(self, data: dict[str, Any]) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError

    def collect(self) -> dict[str, Any]:
        """The values to submit, read on the GUI thread."""
        return self.values()

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        """``fn`` on the database thread (or here when no task manager is given), then ``on_done``."""

        def failed(exc: BaseException) -> None:
            self._saving = False
            messages = error_messages(exc)
            if messages is None:
                # a program error: the crash handler gets the details, the clerk a plain sentence
                # (never an exception class name)
                import logging

                logging.getLogger(__name__).error("save failed", exc_info=exc)
                messages = {
                    "": self.tr("The program ran into an error; nothing was saved. Please try again.")
                }
            self.show_errors(messages)
            self.refused.emit(messages)

        if self.tasks is None:
            try:
                result = fn()
            except Exception as exc:  # same path as the threaded case
                failed(exc)
                return
            on_done(result)
        else:
            self.tasks.run_db(fn, on_done, failed)

    def save(self, then: Callable[[Any], None] | None = None) -> None:
        if self._saving:
            return
        self._saving = True
        data = self.collect()

        def done(record: Any) -> None:
            self._saving = False
            self.result_record = record
            self.show_errors({})
            self.mark_clean()
            if self.draft_key:
                self.drafts.discard(self.draft_key)
            self.after_save(record)
            self.saved.emit(record)
            if then is not None:
                then(record)
            else:
                self.done(QDialog.DialogCode.Accepted)

        self.run(lambda: self.submit(data), done)

    def after_save(self, record: Any) -> None:
        """GUI-thread follow-up of a save (settings, labels); the record is detached."""

    def reject(self) -> None:
        if self._dirty:
            answer = dialogs.ask(
                self,
                self.tr("Unsaved changes"),
                self.tr("This form has changes that are not saved. Save them?"),
                (dialogs.SAVE, dialogs.DISCARD, dialogs.CANCEL),
            )
            if answer == dialogs.CANCEL:
                return
            if answer == dialogs.SAVE:
                self.save()
                return
        if self.draft_key:
            self.drafts.discard(self.draft_key)
        self.mark_clean()
        super().reject()

    def showEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        if not getattr(self, "_fitted", False):
            self._fitted = True
            fit_to_screen(self, self.width(), self.height())  # the content's width, the screen's height
        super().showEvent(event)

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        if self._dirty:
            event.ignore()
            self.reject()
        else:
            self._draft_timer.stop()
            super().closeEvent(event)

    def done(self, code: int) -> None:
        self._draft_timer.stop()
        super().done(code)

    # --- drafts -----------------------------------------------------------------------------------

    def flush_draft(self) -> None:
        if self.draft_key and self._draft_dirty:
            # False: another writer held the store; the draft stays pending for the next tick.
            self._draft_dirty = not self.drafts.save(self.draft_key, self.draft_data())

    def offer_draft(self) -> bool:
        """Offer back what was typed before a crash; returns True when it was restored."""
        if not self.draft_key:
            return False
        data = self.drafts.load(self.draft_key)
        if not data:
            return False
        when = (self.drafts.saved_at(self.draft_key) or "").replace("T", " ")
        answer = dialogs.ask(
            self,
            self.tr("Restore draft"),
            self.tr(
                "An unsaved draft from %1 was found (the program may have closed unexpectedly). Restore it?"
            ).replace("%1", when),
        )
        if answer != dialogs.YES:
            self.drafts.discard(self.draft_key)
            return False
        self.restore_draft(data)
        self._dirty = True
        return True
