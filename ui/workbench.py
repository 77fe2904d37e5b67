"""工作台: today's work — return visits due, overdue cases, the 司法确认 window, 差评回访, records to sync.

The page is built before the store is open (the window first, docs/architecture.md "Start-up"): it
shows the last view when one is exact (``show_view``), else 正在打开…, and ``attach`` gives it the
store. The services are imported when the store is there, not when this module is.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from advisor_app.domain.clock import china_today
from advisor_app.domain.worklist_days import Item, Worklist
from ui.startup import FIRST_ROWS

if TYPE_CHECKING:
    from advisor_app.services import ratings
    from advisor_app.services.store_access import Store
    from ui import startup
    from ui.startup import Frame, Snapshot, View

RED = "#b00020"
# Roles as numbers: the first touch of PySide's ``Qt`` namespace builds ~90 enums (tens of ms), which
# the window's first paint need not pay (docs/architecture.md, "Start-up").
KEY_ROLE = 0x0100  # KEY_ROLE: the case or rating id of a line
FOREGROUND_ROLE = 9  # Qt.ItemDataRole.ForegroundRole: a QColor is taken as the line's text colour
MORE_ROWS = 400  # lines added per turn of the event loop after the first FIRST_ROWS


class WorkbenchBox(QGroupBox):
    """The 工作台's group boxes: their titles are bold by font (``_bold_title``), and app.qss's
    bold rule is for the class ``.QGroupBox`` exactly, so the sheet, set once the window has been
    painted (``ui.app.main``), leaves them as they were painted. A font rule matching a group box
    has the sheet's style draw it itself, its title 2–3 px further right: the boxes would move."""


class WorkbenchPage(QWidget):
    open_case = Signal(str)
    go_to = Signal(str)  # page key
    loaded = Signal()

    def __init__(self, store: Store | None = None, tasks: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store: Store | None = None
        self.tasks = tasks
        self.keep_view = False  # keep each load as the last view (the app sets it; tests need not)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setFont(_weight(bold=True))  # app.qss says so too: the same look before it is set
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.reload)
        new_consultation = QPushButton(self.tr("Log a consultation"))
        new_consultation.clicked.connect(lambda: self.go_to.emit("consultation:new"))
        new_case = QPushButton(self.tr("Register a dispute"))
        new_case.clicked.connect(lambda: self.go_to.emit("case:new"))
        self.new_consultation_button = new_consultation
        self.new_case_button = new_case
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(new_consultation)
        top.addWidget(new_case)
        top.addWidget(refresh)

        self.visits = self._box(self.tr("Return visits due"))
        self.overdue = self._box(self.tr("Cases past the one-month target"))
        self.window = self._box(self.tr("Agreements inside the 30-day judicial confirmation window"))
        self.sync_label = QLabel()
        self.sync_label.setWordWrap(True)
        sync_box = WorkbenchBox(self.tr("Waiting to sync"))
        sync_layout = QVBoxLayout(sync_box)
        sync_layout.addWidget(self.sync_label)
        sync_button = QPushButton(self.tr("Open sync"))
        sync_button.clicked.connect(lambda: self.go_to.emit("sync"))
        # the buttons that need the store wait for it (the window shows before it is open)
        self.store_buttons = [refresh, new_consultation, new_case, sync_button]
        sync_layout.addWidget(sync_button)
        sync_layout.addStretch(1)
        _bold_title(sync_box, self.sync_label, sync_button)

        # 差评回访: bad ratings waiting for their follow-up call, recorded in a dialog.
        self.follow_up_box = WorkbenchBox(self.tr("Follow-ups of poor ratings"))
        self.follow_up_list = QListWidget()
        self.follow_up_list.setObjectName("followUps")
        self._batched(self.follow_up_list)
        self.follow_up_list.setWordWrap(True)
        self.follow_up_list.setAlternatingRowColors(True)
        self.follow_up_list.itemDoubleClicked.connect(lambda _item: self.record_follow_up())
        self.follow_up_list.currentItemChanged.connect(self._follow_up_selected)
        self.follow_up_button = QPushButton(self.tr("Record the follow-up"))
        self.follow_up_button.setEnabled(False)
        self.follow_up_button.clicked.connect(self.record_follow_up)
        # 申诉: the village files one for a rating it thinks mistaken or malicious; only a 司法所
        # installation decides it (ratings.decide_appeal refuses any other role as well)
        self.is_township = False
        self.appeal_button = QPushButton(self.tr("Appeal this rating…"))
        self.appeal_button.setToolTip(
            self.tr("The rating is mistaken or malicious: the township office decides")
        )
        self.appeal_button.clicked.connect(self.file_appeal)
        self.decide_button = QPushButton(self.tr("Decide the appeal…"))
        self.decide_button.clicked.connect(self.decide_appeal)
        for button in (self.appeal_button, self.decide_button):
            button.setEnabled(False)
        follow_layout = QVBoxLayout(self.follow_up_box)
        follow_layout.addWidget(self.follow_up_list)
        follow_buttons = QHBoxLayout()
        follow_buttons.addWidget(self.follow_up_button)
        follow_buttons.addWidget(self.appeal_button)
        follow_buttons.addWidget(self.decide_button)
        follow_buttons.addStretch(1)
        follow_layout.addLayout(follow_buttons)
        _bold_title(
            self.follow_up_box,
            self.follow_up_list,
            self.follow_up_button,
            self.appeal_button,
            self.decide_button,
        )
        self.follow_ups: list[Any] = []  # ratings.FollowUp (or the last view's lines before the store)
        self.follow_up_dialog: Any = None  # ui.workbench_dialogs.FollowUpDialog
        self.appeal_dialog: Any = None  # AppealDialog or DecideDialog

        grid = QGridLayout()
        grid.addWidget(self.visits[0], 0, 0)
        grid.addWidget(self.overdue[0], 0, 1)
        grid.addWidget(self.window[0], 1, 0)
        grid.addWidget(sync_box, 1, 1)
        grid.addWidget(self.follow_up_box, 2, 0, 1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        self.worklist: Worklist | None = None  # read from the store (None until then)
        self._inert_pending = False
        self._rows: dict[str, list[tuple[str, str]]] = {}  # per list: the lines shown (or being added)
        self.from_view = False  # showing the last view, the store not read yet
        self.complete = False  # every list read from the store (the follow-ups come last)
        self.set_frame(None)
        if store is not None:
            self.attach(store, tasks)

    # --- before and after the store -------------------------------------------------------------

    def set_frame(self, frame: Frame | None) -> None:
        """The role's buttons: 登记 only where the role writes that page (an adviser runs no cases,
        a 县司法局 only reads both lists); a 司法所 decides 申诉, a village files one."""
        for button in self.store_buttons:
            button.setEnabled(frame is not None and self.store is not None)
        for button, page in (
            (self.new_consultation_button, "consultations"),
            (self.new_case_button, "cases"),
        ):
            button.setVisible(frame is None or page not in (*frame.hidden_pages, *frame.read_only_pages))
        self.is_township = frame is not None and frame.township
        reads_only = frame is not None and frame.reads_only  # a 县司法局 only reads the follow-ups
        self.follow_up_button.setVisible(not reads_only)
        self.appeal_button.setVisible(not self.is_township and not reads_only)
        self.decide_button.setVisible(self.is_township)

    def show_opening(self) -> None:
        """The cold start: the page's frame, empty, until the store is open."""
        self._set_title(china_today())
        self.sync_label.setText(self.tr("Opening…"))

    def show_view(self, view: View) -> None:
        """The last view (exact: the store is unchanged since it was kept), before the store opens."""
        today = china_today()
        self._set_title(today)
        self.set_frame(view.frame)
        self.from_view = True
        self._show_lines(view.horizon.as_of(today))
        self._show_follow_up_lines(view.follow_ups, today, view.follow_ups_total)

    def attach(self, store: Store, tasks: Any) -> None:
        """The store is open: the role's buttons, then the 工作台 read from it (``reload``)."""
        from ui.startup import frame_of

        self.store = store
        self.tasks = tasks
        self.set_frame(frame_of(store))

    def shown_lines(self) -> dict[str, list[str]]:
        """Every line the page shows now, list by list (the start-up probe and tests read it)."""
        lists = {
            "visits": self.visits[1],
            "overdue": self.overdue[1],
            "window": self.window[1],
            "follow_ups": self.follow_up_list,
        }
        shown = {name: [w.item(n).text() for n in range(w.count())] for name, w in lists.items()}
        return {**shown, "sync": [self.sync_label.text()]}

    def _set_title(self, today: date) -> None:
        self.title.setText(self.tr("Today, %1").replace("%1", today.isoformat()))

    @staticmethod
    def _batched(widget: QListWidget) -> None:
        """Word-wrapped lines are measured one by one: lay them out in batches from the event loop
        (the first batch before the first paint) rather than all before anything is painted."""
        widget.setLayoutMode(QListWidget.LayoutMode.Batched)
        widget.setBatchSize(40)

    def _box(self, title: str) -> tuple[QGroupBox, QListWidget]:
        box = WorkbenchBox(title)
        items = QListWidget()
        items.setObjectName(title)  # a key for the lines it shows (_set_rows)
        self._batched(items)
        items.setWordWrap(True)
        items.setAlternatingRowColors(True)
        # itemActivated is a double-click (or Enter) already: a second connection opened two windows
        items.itemActivated.connect(self._activated)
        QVBoxLayout(box).addWidget(items)
        _bold_title(box, items)
        return box, items

    def _activated(self, item: QListWidgetItem) -> None:
        key = item.data(KEY_ROLE)
        if key:  # not the "nothing here" line
            self.open_case.emit(key)

    def reload(self) -> None:
        """Read the 工作台 on the database thread: its lists (over the horizon) first, shown as soon
        as they are read, then the 差评回访 (slower on a busy store); the last view is kept after."""
        if self.store is None:
            return
        from ui.startup import read_follow_ups, read_worklist

        today = china_today()
        self._set_title(today)
        store, keep = self.store, self.keep_view

        def shown(part: startup.WorklistPart) -> None:
            self._show(part.horizon.as_of(today))
            self.tasks.run_db(
                lambda: read_follow_ups(store, part, keep=keep), lambda s: self._show_snapshot(s, today)
            )

        self.tasks.run_db(lambda: read_worklist(store, today), shown)

    def _show_snapshot(self, snapshot: Snapshot, today: date) -> None:
        self.from_view = False
        self.complete = True
        self._show_follow_ups(snapshot.follow_ups, today)

    # --- 差评回访 ----------------------------------------------------------------------------------

    def reload_follow_ups(self) -> None:
        from advisor_app.services import ratings

        store = self.store
        self.tasks.run_db(lambda: ratings.follow_ups(store), self._show_follow_ups)

    def _show_follow_ups(self, items: list[ratings.FollowUp], today: date | None = None) -> None:
        self._show_follow_up_lines(items, today or china_today())
        self.loaded.emit()

    def _show_follow_up_lines(self, items: list[Any], today: date, total: int | None = None) -> None:
        """The 差评回访 lines; ``total`` when ``items`` are only the first of them (the last view)."""
        self.follow_ups = items
        count = str(len(items) if total is None else total)
        self.follow_up_box.setTitle(self.tr("Follow-ups of poor ratings (%1)").replace("%1", count))
        # translated once, not per line: a township can have thousands of lines here
        due, late, by = (
            self.tr("Follow-up due"),
            self.tr("Follow-up %1 day(s) late"),
            self.tr("Follow up by %1"),
        )
        source, wrong = self.tr("Source: %1"), self.tr("What went wrong: %1")
        comment = self.tr("Comment: %1")
        rows = []
        for item in items:
            left = item.days_left(today)
            if left is None:
                when = due
            elif left < 0:
                when = late.replace("%1", str(-left))
            else:
                when = by.replace("%1", item.follow_up_due.isoformat())
            text = f"{item.grade}  {item.target_label}  {item.title}  —  {when}"
            text += "\n" + source.replace("%1", item.source_label)
            if item.appeal_status:
                text += "　" + item.appeal_status
            if item.problems:
                text += "\n" + wrong.replace("%1", item.problems)
            if item.comment:
                text += "\n" + comment.replace("%1", item.comment)
            rows.append((text, item.id, left is not None and left < 0))
        if self._set_rows(self.follow_up_list, rows):
            self.follow_up_button.setEnabled(False)
            self.appeal_button.setEnabled(False)
            self.decide_button.setEnabled(False)
        else:  # the same lines (the last view, then the store): keep the selection, buttons follow it
            self._follow_up_selected(self.follow_up_list.currentItem())

    def _set_rows(self, widget: QListWidget, rows: list[tuple[str, str, bool]]) -> bool:
        """Show ``rows`` (text, id, late); lines already shown are left as they are (no flicker
        when the store confirms the last view). True when the lines shown were replaced.

        A long list (thousands of 差评回访 on a busy township's store) gets its first lines now and
        the rest from the event loop, so the window is painted without waiting for them."""
        wanted = [(text, key) for text, key, _late in rows]
        shown = self._rows.get(widget.objectName())
        if shown == wanted and (rows or widget.count()):
            return False
        self._rows[widget.objectName()] = wanted
        if shown and len(shown) == widget.count() and wanted[: len(shown)] == shown:
            # the last view's first lines, now with the rest: only those are added
            self._add_rows(widget, rows, len(shown), wanted)
            return False
        widget.clear()
        self._add_rows(widget, rows, 0, wanted)
        if not rows:
            widget.addItem(QListWidgetItem(self.tr("Nothing here today.")))
            if not self._inert_pending:  # made inert just after the paint (see _make_inert)
                from PySide6.QtCore import QTimer

                self._inert_pending = True
                QTimer.singleShot(0, self._make_inert)
        return True

    def _add_rows(
        self, widget: QListWidget, rows: list[tuple[str, str, bool]], start: int, wanted: list
    ) -> None:
        if self._rows.get(widget.objectName()) is not wanted:  # filled again since: this fill is void
            return
        end = start + (FIRST_ROWS if start < FIRST_ROWS else MORE_ROWS)
        for text, key, late in rows[start:end]:
            row = QListWidgetItem(text)
            row.setData(KEY_ROLE, key)
            if late:
                row.setData(FOREGROUND_ROLE, QColor(RED))
            widget.addItem(row)
        if start == 0 and len(rows) >= FIRST_ROWS and widget.verticalScrollBar().maximum() == 0:
            # A list this long needs its scroll bar: shown from the start (a range the list's
            # layout then corrects), the word-wrapped lines are measured once at the width they
            # keep, not first without the bar and again once it appears (docs/architecture.md,
            # "Start-up"). Not by the bar's policy: its enum would build PySide's ``Qt`` namespace.
            widget.verticalScrollBar().setRange(0, 1)
        if end < len(rows):

            def more() -> None:
                self._add_rows(widget, rows, end, wanted)

            # in the main window's frame: after its first paint (MainWindow.after_first_paint)
            later = getattr(QWidget.window(self), "after_first_paint", None)
            if later is not None:
                later(more)
            else:
                from PySide6.QtCore import QTimer

                QTimer.singleShot(0, self, more)

    def _make_inert(self) -> None:
        """The "nothing here" lines cannot be chosen (their flags need the ``Qt`` namespace: set
        once the window is painted)."""
        from PySide6.QtCore import Qt

        self._inert_pending = False
        for widget in (self.visits[1], self.overdue[1], self.window[1], self.follow_up_list):
            for n in range(widget.count()):
                item = widget.item(n)
                if item.data(KEY_ROLE) is None:
                    item.setFlags(Qt.ItemFlag.NoItemFlags)

    def _follow_up_selected(self, current: QListWidgetItem | None, _previous: object = None) -> None:
        item = self._selected_follow_up()
        if item is None:  # nothing chosen, or the last view's line before the store is open
            for button in (self.follow_up_button, self.appeal_button, self.decide_button):
                button.setEnabled(False)
            return
        from advisor_app.services import ratings

        self.follow_up_button.setEnabled(bool(current and current.data(KEY_ROLE)))
        status = item.appeal_status
        # a decided appeal is final; an open one waits for the township
        self.appeal_button.setEnabled(not status)
        self.decide_button.setEnabled(status == ratings.APPEAL_OPEN)

    def _selected_follow_up(self) -> ratings.FollowUp | None:
        if self.store is None or self.from_view:
            return None
        current = self.follow_up_list.currentItem()
        rating_id = current.data(KEY_ROLE) if current else None
        return next((f for f in self.follow_ups if f.id == rating_id), None)

    def file_appeal(self) -> None:
        """申诉 of the selected bad rating (a village installation)."""
        item = self._selected_follow_up()
        if item is None:
            return
        from ui import workbench_dialogs

        self.appeal_dialog = workbench_dialogs.AppealDialog(self.store, item, self, tasks=self.tasks)
        self.appeal_dialog.accepted.connect(self.reload_follow_ups)
        self.appeal_dialog.open()

    def decide_appeal(self) -> None:
        """The 司法所's decision on the selected rating's open 申诉."""
        item = self._selected_follow_up()
        if item is None or not self.is_township:
            return
        from ui import workbench_dialogs

        self.appeal_dialog = workbench_dialogs.DecideDialog(self.store, item, self, tasks=self.tasks)
        self.appeal_dialog.accepted.connect(self.reload_follow_ups)
        self.appeal_dialog.open()

    def record_follow_up(self) -> None:
        """Open the 登记回访 dialog for the selected bad rating (window-modal, not blocking)."""
        item = self._selected_follow_up()
        if item is None or self.store is None or self.follow_up_button.isHidden():
            return  # a double-click on a 县司法局's list only selects (it reads, the 司法所 calls back)
        from ui import workbench_dialogs

        self.follow_up_dialog = workbench_dialogs.FollowUpDialog(self.store, item, self, tasks=self.tasks)
        self.follow_up_dialog.accepted.connect(self.reload_follow_ups)
        self.follow_up_dialog.open()

    def _show(self, work: Worklist) -> None:
        self.worklist = work
        self._show_lines(work)
        self.loaded.emit()

    def _show_lines(self, work: Worklist) -> None:
        self._fill(self.visits, work.visits_due, self.tr("due in %1 day(s)"), self.tr("%1 day(s) overdue"))
        self._fill(self.overdue, work.overdue_cases, "", self.tr("%1 day(s) past the target"))
        self._fill(
            self.window,
            work.confirmation_window,
            self.tr("%1 day(s) left to apply"),
            self.tr("%1 day(s) left to apply"),
        )
        if work.unsynced:
            self.sync_label.setText(
                self.tr("%n record(s) saved here are waiting to be sent to the server.", "", work.unsynced)
            )
        else:
            self.sync_label.setText(self.tr("Nothing is waiting to be sent."))

    def _fill(self, box: tuple[QGroupBox, QListWidget], items: list[Item], ahead: str, late: str) -> None:
        group, widget = box
        base = group.title().split("（")[0]
        group.setTitle(f"{base}（{len(items)}）")
        rows = []
        for item in items:
            when = (late if item.days < 0 else ahead).replace("%1", str(abs(item.days)))
            text = f"{item.case_no}  {item.title}  —  {item.due_on.isoformat()} {when}".rstrip()
            rows.append((text, item.case_id, item.days < 0))
        self._set_rows(widget, rows)


def _weight(*, bold: bool) -> QFont:
    """A font that sets only the weight: family and size still follow the application's (字号)."""
    font = QFont()
    font.setBold(bold)
    return font


def _bold_title(box: QGroupBox, *children: QWidget) -> None:
    """The group box's title bold, as app.qss makes other group boxes' titles, but by a font, so
    the first paint needs no style sheet (``WorkbenchBox``). A font, unlike the sheet's, is
    inherited: the box's contents are given the normal weight back."""
    box.setFont(_weight(bold=True))
    plain = _weight(bold=False)
    for child in children:
        child.setFont(plain)


_DIALOGS = ("AppealDialog", "DecideDialog", "FollowUpDialog", "appeal_reason")


def __getattr__(name: str) -> Any:
    # The 差评回访/申诉 dialogs live in ui.workbench_dialogs: their Qt types are not created before
    # the window's first paint. Still importable from here.
    if name in _DIALOGS:
        from ui import workbench_dialogs

        return getattr(workbench_dialogs, name)
    raise AttributeError(name)
