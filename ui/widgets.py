"""Small input widgets with one ``value()``/``set_value()``/``changed`` face, so forms treat them alike."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QEvent, QObject, QSize, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QValidator
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QWidget,
)

from advisor_app.domain.clock import china_now, china_today

NO_DATE = QDate(1900, 1, 1)  # the minimum of an optional date edit shows as “not set”


class ButtonChoice(QWidget):
    """One click picks a value (referral, satisfaction grade); click again to clear when optional."""

    changed = Signal()

    def __init__(self, options: list[str], *, optional: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        self.optional = optional
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)
        self.buttons: dict[str, QPushButton] = {}
        for option in options:
            button = QPushButton(option)
            button.setCheckable(True)
            button.setObjectName(f"choice:{option}")
            # Enter in a form saves it (the dialog's default button); it must not un-pick a choice
            button.setAutoDefault(False)
            button.installEventFilter(self)
            self.group.addButton(button)
            layout.addWidget(button)
            self.buttons[option] = button
        layout.addStretch(1)
        self.group.buttonClicked.connect(self._clicked)

    def _clicked(self, button: QAbstractButton) -> None:
        for other in self.group.buttons():
            if other is not button:
                other.setChecked(False)
        if not self.optional:
            button.setChecked(True)
        self.changed.emit()

    # Tab enters the group once (Qt focuses one button of a QButtonGroup); the arrow keys move
    # along it and Space picks, as in a group of radio buttons. Qt's own arrow navigation does not
    # move between the buttons of a non-exclusive group, so every other choice was out of reach.
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        arrows = (Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_Right, Qt.Key.Key_Down)
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in arrows
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and watched in self.group.buttons()
        ):
            buttons = list(self.buttons.values())
            step = -1 if event.key() in arrows[:2] else 1
            index = buttons.index(watched) + step  # type: ignore[arg-type]
            if 0 <= index < len(buttons):
                buttons[index].setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().eventFilter(watched, event)

    def value(self) -> str | None:
        for option, button in self.buttons.items():
            if button.isChecked():
                return option
        return None

    def set_value(self, value: str | None) -> None:
        for option, button in self.buttons.items():
            button.setChecked(option == value)
        self.changed.emit()


class TagButtons(QWidget):
    """Several toggles (priority groups): each one click."""

    changed = Signal()

    def __init__(self, options: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        from PySide6.QtWidgets import QGridLayout

        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.boxes: dict[str, QCheckBox] = {}
        for n, option in enumerate(options):
            box = QCheckBox(option)
            box.toggled.connect(self.changed)
            layout.addWidget(box, n // 4, n % 4)
            self.boxes[option] = box

    def value(self) -> list[str]:
        return [option for option, box in self.boxes.items() if box.isChecked()]

    def set_value(self, value: list[str] | None) -> None:
        for option, box in self.boxes.items():
            box.setChecked(option in (value or []))


def combo(options: list[tuple[str, Any]] | list[str], *, blank: str | None = None) -> QComboBox:
    """A pick list; ``options`` are labels or (label, value) pairs; ``blank`` adds an empty choice."""
    box = QComboBox()
    if blank is not None:
        box.addItem(blank, None)
    for option in options:
        label, value = option if isinstance(option, tuple) else (option, option)
        box.addItem(label, value)
    return box


_TYPED_DATE = re.compile(r"^(\d{4})(?:(\d{2})(\d{2})|[-/.年](\d{1,2})[-/.月](\d{1,2})日?)$")
_TYPED_PREFIX = re.compile(r"^\d{0,8}$|^\d{4}[-/.年]\d{0,2}([-/.月]\d{0,2}日?)?$")
_TYPED_TIME = re.compile(r"^\s+(\d{1,2})[:：](\d{2})$")


def _typed_moment_prefix(text: str) -> bool:
    head, space, tail = text.strip(" ").partition(" ") if text.count(" ") <= 1 else ("", "", "x")
    return (
        bool(space)
        and typed_date(head)[0] is not None
        and re.fullmatch(r"\d{0,2}([:：]\d{0,2})?", tail) is not None
    )


def typed_date(text: str) -> tuple[date | None, str]:
    """A date typed as digits: 20260301, 2026-3-1, 2026/3/1, 2026年3月1日 → (date, rest of the text)."""
    text = text.strip()
    head, _, tail = text.partition(" ")
    match = _TYPED_DATE.match(head)
    if not match:
        return None, text
    year, month, day = (int(g) for g in match.groups() if g is not None)
    try:
        return date(year, month, day), (" " + tail if tail else "")
    except ValueError:
        return None, text


class _TypedDates:
    """Mixin for QDateEdit / QDateTimeEdit: the whole text may be typed as digits.

    Qt's own editing goes section by section and ignores digits typed over the blank of an optional
    date; a clerk types 20260301 or 2026-3-1 and expects it to stand. The text is taken whole when
    it reads as a date (and, in a date-time edit, an optional HH:MM after a space).
    """

    def _typed(self, text: str) -> QDateTime | None:
        day, rest = typed_date(text)
        if day is None:
            return None
        moment = QTime(0, 0)
        if rest:
            found = _TYPED_TIME.match(rest)
            if not found:
                return None
            hour, minute = int(found.group(1)), int(found.group(2))
            if hour > 23 or minute > 59:
                return None
            moment = QTime(hour, minute)
        elif isinstance(self, QDateTimeEdit) and not isinstance(self, QDateEdit):
            moment = self.time()
        return QDateTime(QDate(day.year, day.month, day.day), moment)

    def validate(self, text: str, pos: int):  # noqa: ANN201 - Qt override
        if self._typed(text) is not None:
            return QValidator.State.Acceptable, text, pos
        if text.strip() and (_TYPED_PREFIX.match(text.strip()) or _typed_moment_prefix(text)):
            return QValidator.State.Intermediate, text, pos
        return super().validate(text, pos)

    def dateTimeFromText(self, text: str) -> QDateTime:  # noqa: N802 - Qt override
        typed = self._typed(text)
        return typed if typed is not None else super().dateTimeFromText(text)

    def fixup(self, text: str) -> str:
        typed = self._typed(text)
        return self.textFromDateTime(typed) if typed is not None else super().fixup(text)

    def keyPressEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        # Qt takes a typed “-” as “next section”; while the text is being typed whole, it is a character
        # (and digits typed over a selected date start a new one instead of landing in the day)
        char = event.text()
        plain = not event.modifiers() & ~(
            Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier
        )
        if char and len(char) == 1 and (char.isdigit() or char in "-/.: ") and plain:
            edit = self.lineEdit()
            text = edit.text()
            whole = edit.hasSelectedText() and len(edit.selectedText()) == len(text)
            shown = self.textFromDateTime(self.dateTime()) if text != self.specialValueText() else text
            typing = text != shown and (_TYPED_PREFIX.match(text.strip()) or _typed_moment_prefix(text))
            start = edit.selectionStart() if edit.hasSelectedText() else edit.cursorPosition()
            end = start + len(edit.selectedText())
            candidate = text[:start] + char + text[end:]
            fits = _TYPED_PREFIX.match(candidate.strip()) or _typed_moment_prefix(candidate)
            if fits and (whole or typing or not char.isdigit()):
                # unseen by the spin box until Enter, Tab or leaving the field (it would put back the
                # last whole date at the first cursor move); get_value() reads the text first too
                edit.blockSignals(True)
                edit.setText(candidate)
                edit.setCursorPosition(start + 1)
                edit.blockSignals(False)
                return
        super().keyPressEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        # the text typed whole was kept from the spin box: take it now, or Qt puts back the old date
        # when the clerk clicks on to the next field or the 保存 button
        if self.lineEdit().text() != self.textFromDateTime(self.dateTime()) and self._typed(
            self.lineEdit().text()
        ):
            self.interpretText()
        super().focusOutEvent(event)

    def focusInEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt override
        super().focusInEvent(event)
        # the whole date selected: typing replaces it (the year section alone would take 4 digits)
        QTimer.singleShot(0, self.selectAll)


class DateEdit(_TypedDates, QDateEdit):
    pass


class DateTimeEdit(_TypedDates, QDateTimeEdit):
    pass


def date_edit(optional: bool = False, blank: str = "") -> QDateEdit:
    edit = DateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    if optional:
        edit.setMinimumDate(NO_DATE)
        edit.setSpecialValueText(blank or " ")
        edit.setDate(NO_DATE)
    else:
        edit.setDate(china_qdate())
    return edit


def china_qdate() -> QDate:
    """Today in China (domain.clock) as a QDate: a PC set to another zone still turns the day at
    00:00 Beijing time, as every service does."""
    today = china_today()
    return QDate(today.year, today.month, today.day)


def datetime_edit() -> QDateTimeEdit:
    edit = DateTimeEdit(QDateTime(china_now()))  # business time is China time, whatever the PC's zone
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    return edit


def get_value(widget: QWidget) -> Any:
    """A widget's value as the core's services take it (text, date, list …; empty → None)."""
    if isinstance(widget, _TypedDates) and widget.lineEdit().text() != widget.textFromDateTime(
        widget.dateTime()
    ):
        widget.interpretText()  # a date being typed whole counts as soon as the form is read
    if hasattr(widget, "value") and not isinstance(widget, QSpinBox):
        return widget.value()
    if isinstance(widget, QLineEdit):
        return widget.text().strip() or None
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText().strip() or None
    if isinstance(widget, QComboBox):
        if widget.isEditable():
            return widget.currentText().strip() or None
        return widget.currentData()
    if isinstance(widget, QDateTimeEdit) and not isinstance(widget, QDateEdit):
        return widget.dateTime().toPython().replace(second=0, microsecond=0)
    if isinstance(widget, QDateEdit):
        if widget.date() == widget.minimumDate() and widget.specialValueText():
            return None
        return widget.date().toPython()
    if isinstance(widget, QSpinBox):
        return widget.value() if widget.value() != widget.minimum() or not widget.specialValueText() else None
    if isinstance(widget, QCheckBox):
        return widget.isChecked()
    raise TypeError(type(widget).__name__)


def set_value(widget: QWidget, value: Any) -> None:
    if hasattr(widget, "set_value"):
        widget.set_value(value)
    elif isinstance(widget, QLineEdit):
        widget.setText("" if value is None else str(value))
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText("" if value is None else str(value))
    elif isinstance(widget, QComboBox):
        index = widget.findData(value)
        if index < 0 and value is not None:
            index = widget.findText(str(value))
        if widget.isEditable() and index < 0:
            widget.setEditText("" if value is None else str(value))
        else:
            widget.setCurrentIndex(max(index, 0))
    elif isinstance(widget, QDateTimeEdit) and not isinstance(widget, QDateEdit):
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        if isinstance(value, datetime):
            widget.setDateTime(
                QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute))
            )
    elif isinstance(widget, QDateEdit):
        if isinstance(value, str):
            value = date.fromisoformat(value[:10])
        if value is None:
            widget.setDate(widget.minimumDate() if widget.specialValueText() else china_qdate())
        else:
            widget.setDate(QDate(value.year, value.month, value.day))
    elif isinstance(widget, QSpinBox):
        widget.setValue(int(value) if value not in (None, "") else widget.minimum())
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    else:
        raise TypeError(type(widget).__name__)


def changed_signal(widget: QWidget):  # noqa: ANN201 - a bound Qt signal
    if hasattr(widget, "changed"):
        return widget.changed
    if isinstance(widget, QLineEdit):
        return widget.textChanged
    if isinstance(widget, QPlainTextEdit):
        return widget.textChanged
    if isinstance(widget, QComboBox):
        return widget.currentTextChanged
    if isinstance(widget, QDateTimeEdit) and not isinstance(widget, QDateEdit):
        return widget.dateTimeChanged
    if isinstance(widget, QDateEdit):
        return widget.dateChanged
    if isinstance(widget, QSpinBox):
        return widget.valueChanged
    if isinstance(widget, QCheckBox):
        return widget.toggled
    raise TypeError(type(widget).__name__)


ERROR_STYLE = "color: #b00020;"


def password_field(placeholder: str = "") -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    if placeholder:
        field.setPlaceholderText(placeholder)
    return field


def error_label() -> QLabel:
    """The red line under a form or dialog that shows the core's Chinese message."""
    label = QLabel()
    label.setObjectName("error")
    label.setWordWrap(True)
    label.setStyleSheet(ERROR_STYLE)
    return label


# --- keyboard habits (issue 15 §4) ------------------------------------------------------------------
# A page or dialog marks its controls by object name; Ctrl+N / Ctrl+F / Ctrl+P / Ctrl+S act on the
# visible, enabled one of the current page, so every page gets the same keys without wiring its own.
SHORTCUT_TARGETS = {"Ctrl+N": "new", "Ctrl+F": "search", "Ctrl+P": "print", "Ctrl+S": "save"}


def shortcut_target(page: QWidget | None, name: str) -> QWidget | None:
    """The first visible, enabled child of ``page`` named ``name`` (a button, or the search box)."""
    if page is None:
        return None
    if page.objectName() == name and page.isVisible() and page.isEnabled():
        return page
    for child in page.findChildren(QWidget, name):
        if child.isVisible() and child.isEnabled():
            return child
    return None


def trigger(page: QWidget | None, name: str) -> bool:
    """Press the page's ``name`` control (or put the cursor in its search box); False if none."""
    target = shortcut_target(page, name)
    if target is None:
        return False
    if isinstance(target, QAbstractButton):
        target.click()
    else:
        target.setFocus()
        if isinstance(target, QLineEdit):
            target.selectAll()
    return True


def install_page_shortcuts(window: QWidget, current_page: Any) -> list[Any]:
    """Ctrl+N/F/P/S in ``window`` act on ``current_page()`` (a callable giving the page shown)."""
    from PySide6.QtGui import QKeySequence, QShortcut

    shortcuts = []
    for keys, name in SHORTCUT_TARGETS.items():
        shortcut = QShortcut(QKeySequence(keys), window)
        shortcut.activated.connect(lambda n=name: trigger(current_page(), n))
        shortcuts.append(shortcut)
    return shortcuts


# --- fitting the screen (issue 15 §1) ---------------------------------------------------------------
# The office PC: 1024×768 less a taskbar. A dialog asks for a comfortable size but never more than
# the screen, and never less than its content's width (no sideways scrolling, no cut labels).
SMALL_SCREEN = (1024, 728)


class FitScrollArea(QScrollArea):
    """A vertical-only scroll area whose minimum width is its content's: the window widens instead
    of scrolling sideways (a form's labels and button rows stay whole)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QScrollArea.Shape.NoFrame)

    def _extra(self) -> int:
        return self.verticalScrollBar().sizeHint().width() + 2 * self.frameWidth() + 2

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        inner = self.widget()
        base = super().minimumSizeHint()
        if inner is None:
            return base
        return QSize(inner.minimumSizeHint().width() + self._extra(), min(base.height(), 120))

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        inner = self.widget()
        if inner is None:
            return super().sizeHint()
        hint = inner.sizeHint()
        return QSize(hint.width() + self._extra(), min(hint.height() + 2 * self.frameWidth(), 620))


def available_size(widget: QWidget | None = None) -> QSize:
    from PySide6.QtGui import QGuiApplication

    screen = (widget.screen() if widget is not None else None) or QGuiApplication.primaryScreen()
    return screen.availableGeometry().size() if screen is not None else QSize(*SMALL_SCREEN)


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize to about ``width``×``height``: at least the content's minimum, at most the screen."""
    screen = available_size(window)
    hint = window.minimumSizeHint()
    window.resize(
        min(max(width, hint.width()), screen.width()),
        min(max(height, hint.height()), screen.height()),
    )
