"""Click-through of the main window for one role: every page, every enabled button, real Qt events.

Run by tests/gui/test_clickthrough.py in a subprocess per role (an abort in Qt — e.g. a QThread
destroyed while running — then fails that test instead of ending the pytest run):

    python tests/gui/clickthrough.py ROLE TEMPLATE_DIR WORK_DIR REPORT.json

Pages are opened with their keyboard shortcut (Ctrl+1…8); buttons are pressed with
``QTest.mouseClick``; a button that opens a popup menu has each of its actions clicked in turn.
Modal dialogs are answered by a timer (message boxes: the “discard”/escape answer; other dialogs:
rejected), file dialogs get a path in WORK_DIR, and windows a button opened are closed before the
next button. Every exception that reaches the crash handler (ui/crash.py) is recorded with the
text of the button being pressed. The report (JSON) lists per page the buttons enabled when the
page was opened, the buttons pressed, and the errors.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
import traceback
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from tests.demo_stores import build, copy_store  # noqa: E402 - copy_store is used by other GUI tests too

ROLES = ("村法律顾问", "人民调解员", "司法所", "县司法局")
TOWNSHIP = "610502100000"  # 桥南镇 of the demo data
COUNTY = "610502000000"  # 临渭区: the demo data's four townships
VILLAGE = "610502100201"
USERS = {"村法律顾问": "孙律师", "人民调解员": "赵调解", "司法所": "钱所长", "县司法局": "吴科长"}
HOMES = {"县司法局": COUNTY}  # the home region of a role, when not the township
# Not pressed, and why: they end the session or need a live city server (covered by
# tests/sync_client against a real server).
EXCLUDED = {
    "退出": "ends the program",
    "注销": "ends the session",
    "锁定": "locks the window (tests/gui/test_lock*)",
    "立即同步": "a real sync needs the city server",
    "退出登录": "a real sync logout needs the city server",
    "取消同步": "a real sync",
}
CASE_STATUSES = ("受理", "调解中", "达成协议", "调解不成", "回访", "归档")
IDLE_MS = 15000  # the longest a single press may keep the worker busy


def build_template(target: Path) -> Path:
    """A demo store (small: fast to copy) built once; each role works on a copy."""
    return build(target, seed=3, consultations=400, cases=150)


class Harness:
    def __init__(self, app: Any, window: Any, tasks: Any, work: Path) -> None:
        from PySide6.QtCore import QTimer

        self.app = app
        self.window = window
        self.tasks = tasks
        self.work = work
        self._current = "(opening the window)"
        self.errors: list[dict[str, str]] = []
        self.dialogs: list[str] = []
        self.menu_plan: list[str] = []  # action texts still to click in the next popup
        self.menu_seen: dict[str, list[str]] = {}
        self.timings: dict[str, float] = {}  # seconds per press, the slowest are reported
        self.timer = QTimer()
        self.timer.setInterval(25)
        self.timer.timeout.connect(self.answer_modals)
        self.timer.start()

    @property
    def current(self) -> str:
        return self._current

    @current.setter
    def current(self, value: str) -> None:
        self._current = CURRENT[0] = value

    # --- the crash handler's hook -----------------------------------------------------------------

    def record_error(self, exc_type: Any, exc: Any, tb: Any) -> None:
        text = "".join(traceback.format_exception(exc_type, exc, tb))
        self.errors.append({"button": self.current, "traceback": text[-3000:]})

    # --- modal dialogs and popups -----------------------------------------------------------------

    def answer_modals(self) -> None:
        from PySide6.QtCore import QPoint, Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QProgressDialog

        popup = QApplication.activePopupWidget()
        if isinstance(popup, QMenu):
            actions = [a for a in popup.actions() if a.isVisible() and not a.isSeparator()]
            self.menu_seen.setdefault(self.current, [a.text() for a in actions if a.isEnabled()])
            wanted = self.menu_plan.pop(0) if self.menu_plan else None
            target = next((a for a in actions if a.text() == wanted and a.isEnabled()), None)
            if target is None:
                popup.close()
                return
            self.current = f"{self.current} → {target.text()}"
            rect = popup.actionGeometry(target)
            QTest.mouseClick(popup, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
            return
        if popup is not None:
            popup.close()
            return
        modal = QApplication.activeModalWidget()
        if modal is None or isinstance(modal, QProgressDialog):
            return  # progress dialogs close themselves
        self.dialogs.append(f"{self.current}: {type(modal).__name__} {modal.windowTitle()}")
        if isinstance(modal, QMessageBox):
            button = (
                modal.button(QMessageBox.StandardButton.Discard)
                or modal.escapeButton()
                or modal.defaultButton()
                or (modal.buttons()[-1] if modal.buttons() else None)
            )
            if button is not None:
                QTest.mouseClick(button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint())
                return
        QTest.keyClick(modal, Qt.Key.Key_Escape)
        if modal.isVisible() and hasattr(modal, "reject"):
            modal.reject()

    # --- waiting ----------------------------------------------------------------------------------

    def settle(self, minimum_ms: int = 30) -> None:
        """Let queued work finish: the database worker idle, long jobs done, events processed."""
        end = time.monotonic() + minimum_ms / 1000
        deadline = time.monotonic() + IDLE_MS / 1000
        while time.monotonic() < deadline:
            self.app.processEvents()
            busy = self.tasks.pending() or self.tasks.long_running()
            if not busy and time.monotonic() >= end:
                break
            time.sleep(0.01)
        self.app.processEvents()

    def close_new_windows(self, before: set[int]) -> list[str]:
        from PySide6.QtWidgets import QApplication, QDialog

        closed = []
        for _attempt in range(3):
            extra = [
                w
                for w in QApplication.topLevelWidgets()
                if w.isVisible() and id(w) not in before and w is not self.window
            ]
            if not extra:
                break
            for w in extra:
                closed.append(f"{type(w).__name__} {w.windowTitle()}")
                if hasattr(w, "mark_clean"):
                    w.mark_clean()
                if isinstance(w, QDialog):
                    w.reject()
                else:
                    w.close()
            self.settle()
        return closed

    def shortcut(self, n: int) -> None:
        """Ctrl+<n+1>, the page's shortcut, typed into the (re-activated) main window."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        # Offscreen, a top-level window shown and hidden while a page is built leaves no active
        # window (a window manager would give it back to the main window): do what it would.
        self.window.activateWindow()
        self.app.processEvents()
        QTest.keyClick(self.window, Qt.Key(Qt.Key.Key_1 + n), Qt.KeyboardModifier.ControlModifier)

    # --- pressing ---------------------------------------------------------------------------------

    def label(self, button: Any) -> str:
        return (button.text() or button.toolTip() or button.objectName() or type(button).__name__).strip()

    def buttons(self, container: Any, top: Any = None) -> list[Any]:
        """Enabled buttons of ``container`` a user can see in its window ``top``."""
        from PySide6.QtWidgets import QPushButton, QToolButton

        top = top or self.window
        found = []
        for b in container.findChildren(QPushButton) + container.findChildren(QToolButton):
            if b.isVisibleTo(top) and b.isEnabled() and b.window() is top:
                found.append(b)
        return found

    def press_all(self, container: Any, top: Any, prefix: str, back: Any = None) -> dict[str, Any]:
        """Press every enabled button of ``container`` (as found when it was opened), each menu
        action of a button with a menu; ``back()`` puts the container on screen again if a press
        took it away. Returns the enabled, pressed and skipped buttons."""
        from PySide6.QtWidgets import QScrollArea

        started = time.monotonic()
        enabled = self.buttons(container, top)
        names = []
        seen: dict[str, int] = {}
        for b in enabled:
            base = self.label(b)
            seen[base] = seen.get(base, 0) + 1
            names.append(base if seen[base] == 1 else f"{base} #{seen[base]}")
        pressed: list[str] = []
        skipped: dict[str, str] = {}
        for button, name in zip(enabled, names, strict=True):
            if name in EXCLUDED:
                skipped[name] = EXCLUDED[name]
                continue
            try:
                alive = button.isEnabled() and button.isVisibleTo(top)
            except RuntimeError:  # deleted by an earlier press (a list rebuilt)
                alive = False
            if not alive:
                skipped[name] = "disabled or removed by an earlier press"
                continue
            scroll = button.parent()
            while scroll is not None and not isinstance(scroll, QScrollArea):
                scroll = scroll.parent()
            if scroll is not None:
                scroll.ensureWidgetVisible(button)
            label = f"{prefix}: {name}"
            self.press(button, label)
            pressed.append(name)
            if label in self.menu_seen:
                for action in self.press_menu_actions(button, label):
                    pressed.append(f"{name} → {action}")
            if back is not None:
                back()
        return {
            "enabled": names,
            "pressed": pressed,
            "skipped": skipped,
            "seconds": round(time.monotonic() - started, 1),
        }

    def press(self, button: Any, name: str) -> None:
        from PySide6.QtCore import QPoint, Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QApplication

        before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
        self.current = name
        started = time.monotonic()
        if not button.isVisible():  # e.g. scrolled out of a QScrollArea: bring it into view
            button.window().activateWindow()
        QTest.mouseClick(button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint())
        self.settle()
        self.close_new_windows(before)
        self.timings[name] = round(time.monotonic() - started, 2)

    def open_rows(self, container: Any, top: Any, prefix: str) -> list[str]:
        """Double-click the first row of every list and table on screen, as a user opens a record;
        one double-click must open at most one window."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox

        opened = []
        for n, view in enumerate(container.findChildren(QAbstractItemView)):
            if isinstance(view.parent(), QComboBox) or not view.isVisibleTo(top) or view.window() is not top:
                continue
            model = view.model()
            if model is None or model.rowCount() == 0:
                continue
            header = getattr(view, "horizontalHeader", None)
            column = 1 if header is not None and header().count() > 1 else 0  # past a time or number column
            rect = view.visualRect(model.index(0, column))
            if rect.isEmpty():
                continue
            name = f"{prefix}: double-click row 1 of {type(view).__name__} #{n + 1}"
            before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
            self.current = name
            QTest.mouseClick(
                view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
            )
            QTest.mouseDClick(
                view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
            )
            self.settle()
            new = [
                w
                for w in QApplication.topLevelWidgets()
                if w.isVisible() and id(w) not in before and w is not self.window and w is not top
            ]
            if len(new) > 1:
                self.errors.append(
                    {
                        "button": name,
                        "traceback": f"one double-click opened {len(new)} windows: "
                        + ", ".join(type(w).__name__ for w in new),
                    }
                )
            self.close_new_windows(before)
            opened.append(name)
        return opened

    def press_menu_actions(self, button: Any, name: str) -> list[str]:
        """A button with a popup menu: click each of the menu's enabled actions in turn."""
        actions = self.menu_seen.get(name, [])
        pressed = []
        for text in actions:
            self.menu_plan = [text]
            self.press(button, name)
            pressed.append(text)
            self.menu_plan = []
        return pressed


GUI_WRITES_ALLOWED = ("drafts",)  # the draft autosave: one row, 100 ms busy wait at most


def watch_gui_thread_writes(store: Any) -> list[str]:
    """Record each write statement run on the GUI thread (with the button being pressed)."""
    import re
    import threading

    from sqlalchemy import event

    found: list[str] = []
    gui = threading.main_thread()
    target = re.compile(r"^\s*(?:INSERT(?: OR \w+)? INTO|UPDATE|DELETE FROM|REPLACE INTO)\s+\"?(\w+)", re.I)

    @event.listens_for(store.engine, "before_cursor_execute")
    def _seen(_conn, _cursor, statement, _params, _context, _many) -> None:  # noqa: ANN001
        if threading.current_thread() is not gui:
            return
        match = target.match(statement)
        if match and match.group(1) not in GUI_WRITES_ALLOWED:
            where = CURRENT[0]
            entry = f"{where}: {match.group(1)}"
            if entry not in found:
                found.append(entry)

    return found


CURRENT = ["(start)"]  # the button being pressed, for the write watcher


def cases_to_open(store: Any) -> list[tuple[str, str]]:
    """The newest case of the home township in each status (the buttons differ by status)."""
    from sqlalchemy import text

    with store.engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT status, id FROM cases WHERE region_code LIKE :township AND deleted = 0 "
                "ORDER BY accepted_on DESC"
            ),
            {"township": TOWNSHIP[:9] + "%"},
        ).all()
    chosen: dict[str, str] = {}
    for status, case_id in rows:
        chosen.setdefault(status, case_id)
    # 履行 and 终止 show the same buttons as 回访 and 调解不成: left out to keep the run short
    return [(status, chosen[status]) for status in CASE_STATUSES if status in chosen]


def case_windows(harness: Harness, window: Any, store: Any) -> dict[str, Any]:
    """Open cases from the 纠纷调解 list (double-click) and the 登记纠纷 button; in each, every tab
    (clicked on the tab bar) and every enabled button of it."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    n = next(i for i, (k, *_r) in enumerate(window.page_factories) if k == "cases")
    harness.shortcut(n)
    harness.settle(150)
    page = window.pages["cases"]
    found: dict[str, Any] = {}
    for status, case_id in [("新登记", None), *cases_to_open(store)]:
        harness.current = f"open case ({status})"
        if case_id is None:
            QTest.mouseClick(
                page.list.new_button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint()
            )
        else:
            page.list.show_ids([case_id])  # the list shows just this case; the user double-clicks it
            harness.settle()
            view = page.list.view
            rect = view.visualRect(view.model().index(0, 1))
            # a press first: the view opens on a double-click only where the press landed
            QTest.mouseClick(
                view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
            )
            QTest.mouseDClick(
                view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center()
            )
        harness.settle(200)
        case_window = page.last_dialog
        if case_window is None or not case_window.isVisible() or case_window.case_id != case_id:
            harness.errors.append(
                {
                    "button": harness.current,
                    "traceback": f"the case window did not open (rows {page.list.model.rowCount()}, "
                    f"row rect {tuple(page.list.view.visualRect(page.list.model.index(0, 1)).getRect())})",
                }
            )
            continue
        tabs = case_window.tabs
        for i in range(tabs.count()):
            title = tabs.tabText(i)
            prefix = f"case {status} / {title}"
            if not tabs.isTabEnabled(i) or not tabs.tabBar().isTabVisible(i):
                found[prefix] = {"enabled": [], "pressed": [], "skipped": {}, "tab": "not enabled"}
                continue
            bar = tabs.tabBar()
            harness.current = f"{prefix} (tab)"
            QTest.mouseClick(
                bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, bar.tabRect(i).center()
            )
            harness.settle()

            def back(i: int = i, case_window: Any = case_window) -> None:
                if case_window.isVisible() and case_window.tabs.currentIndex() != i:
                    bar = case_window.tabs.tabBar()
                    QTest.mouseClick(
                        bar,
                        Qt.MouseButton.LeftButton,
                        Qt.KeyboardModifier.NoModifier,
                        bar.tabRect(i).center(),
                    )
                    harness.settle()

            if tabs.currentIndex() != i:
                harness.errors.append({"button": harness.current, "traceback": f"tab {title} did not open"})
                continue
            found[prefix] = harness.press_all(tabs.widget(i), case_window, prefix, back)
            if not case_window.isVisible():
                break
        harness.current = f"close case ({status})"
        if case_window.isVisible():
            QTest.keyClick(case_window, Qt.Key.Key_Escape)
            harness.settle()
        if case_window.isVisible():
            if hasattr(case_window, "mark_clean"):
                case_window.mark_clean()
            case_window._dirty = False
            case_window.reject()
            harness.settle()
    return found


def inject_fault(page: Any, kind: str) -> None:
    """For the harness's own test: a button that fails the way real bugs do."""
    from PySide6.QtCore import QThread
    from PySide6.QtWidgets import QPushButton

    button = QPushButton("故障注入", page)
    button.move(0, 0)
    button.show()

    def fail() -> None:
        if kind == "abort":
            thread = QThread()
            thread.run = lambda: __import__("time").sleep(5)
            thread.start()
            return  # the QThread is collected while running: Qt aborts the process
        raise RuntimeError("故障注入")

    button.clicked.connect(fail)


def run(role: str, template: Path, work: Path) -> dict[str, Any]:
    import os

    os.environ.setdefault("ADVISOR_STORE_ENCRYPTION", "off")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import ui  # noqa: F401, I001 - the binding work-around first
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QFileDialog

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "qsettings"))
    from ui.app import make_app

    app = make_app(["clickthrough"])
    from advisor_app.services import setup
    from advisor_app.store import open_store
    from ui import crash
    from ui.main_window import MainWindow
    from ui.tasks import TaskManager

    data = work / "data"
    copy_store(template, data)
    store = open_store(data)
    setup.configure(store, role, HOMES.get(role, TOWNSHIP), user=USERS[role])
    if role == "村法律顾问":
        setup.set_served_villages(store, [VILLAGE])
    if role == "人民调解员":
        store.set_setting(setup.COMMITTEE_SETTING, setup.committee(store).id)

    # File dialogs get a path in the work folder; nothing is opened in another program.
    out = work / "files"
    out.mkdir()
    sample = out / "sample.png"
    shutil.copy(next((ROOT / "docs" / "screenshots").glob("*.png")), sample)
    counter = iter(range(10_000))

    def save_name(_parent=None, _caption="", directory="", _filter="", *a, **k):  # noqa: ANN001, ANN002, ANN003
        suffix = Path(str(directory)).suffix or ".xlsx"
        return str(out / f"saved-{next(counter)}{suffix}"), _filter

    QFileDialog.getSaveFileName = staticmethod(save_name)
    villages_csv = out / "villages.csv"
    villages_csv.write_text("村名,区划代码\n新庄村,\n", encoding="utf-8")

    def open_name(*args, **kwargs) -> str:  # noqa: ANN002, ANN003
        # the file the dialog asks for: a CSV where CSV files are offered, else an image
        wanted = " ".join(str(a) for a in (*args[1:], *kwargs.values())).lower()
        return str(villages_csv if "csv" in wanted else sample)

    QFileDialog.getOpenFileName = staticmethod(lambda *a, **k: (open_name(*a, **k), ""))
    QFileDialog.getOpenFileNames = staticmethod(lambda *a, **k: ([open_name(*a, **k)], ""))
    QFileDialog.getExistingDirectory = staticmethod(lambda *a, **k: str(out))
    QDesktopServices.openUrl = staticmethod(lambda *_a, **_k: True)

    gui_writes = watch_gui_thread_writes(store)
    tasks = TaskManager()
    window = MainWindow(store, tasks)
    window.resize(1280, 900)
    window.show()
    harness = Harness(app, window, tasks, work)
    handler = crash.install(work, show_dialog=False)
    original = handler.handle

    def handle(exc_type, exc, tb, thread=None):  # noqa: ANN001
        harness.record_error(exc_type, exc, tb)
        original(exc_type, exc, tb, thread)

    handler.handle = handle
    harness.settle(200)

    try:
        fault = os.environ.get("CLICKTHROUGH_FAULT")
        if fault:
            inject_fault(window.pages["workbench"], fault)
        only = [p for p in os.environ.get("CLICKTHROUGH_PAGES", "").split(",") if p]
        report: dict[str, Any] = {"role": role, "pages": {}, "errors": harness.errors}
        for n, (key, _label, _factory) in enumerate(window.page_factories):
            if only and key not in only:
                continue
            if key in getattr(window, "hidden_pages", ()):  # not this role's page: no shortcut either
                report.setdefault("hidden", []).append(key)
                continue
            harness.current = f"Ctrl+{n + 1}"
            harness.shortcut(n)
            harness.settle(150)
            page = window.pages.get(key)
            if page is None or window.stack.currentWidget() is not page:
                harness.errors.append(
                    {"button": f"Ctrl+{n + 1}", "traceback": f"did not open the page {key}"}
                )
                continue

            def back(n: int = n, page: Any = page) -> None:
                if window.stack.currentWidget() is not page:  # a button that goes to another page
                    harness.shortcut(n)
                    harness.settle()

            report["pages"][key] = harness.press_all(page, window, key, back)
            back()
            report["pages"][key]["rows_opened"] = harness.open_rows(page, window, key)
        # a page the role only reads opens rows in a read-only view, not the case window
        report["read_only"] = list(setup.read_only_pages(store))
        if (
            "cases" in window.pages
            and "cases" not in getattr(window, "hidden_pages", ())
            and "cases" not in report["read_only"]
            and not only
        ):
            report["case_window"] = case_windows(harness, window, store)
        report["dialogs"] = harness.dialogs
        report["gui_thread_writes"] = gui_writes
        report["slowest"] = sorted(harness.timings.items(), key=lambda kv: -kv[1])[:5]
    finally:  # also when the harness itself fails: no thread left running at exit
        harness.timer.stop()
        window.close()
        tasks.shutdown()
        store.close()
    return report


def main(argv: list[str]) -> int:
    role, template, work, out = argv[1], Path(argv[2]), Path(argv[3]), Path(argv[4])
    work.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    report = run(role, template, work)
    report["seconds"] = round(time.monotonic() - started, 1)
    out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
