"""`advisor-app [--data-dir DIR]`: the desktop app of 乡村法律服务工作台.

The window first, then the data (docs/architecture.md, "Start-up"): ``main`` imports Qt and a few
small modules, shows the main window's frame — with the last 工作台 when the store files are
unchanged since it was kept — and only then, from the event loop, imports the store's stack, opens
the store (password, local login, first run) and attaches it to the window.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from advisor_app.services.store_access import Store
    from ui.main_window import MainWindow
    from ui.startup import Probe

ORGANISATION = "advisor-desk"
APPLICATION = "advisor-app"


def apply_font_size(size: int) -> None:
    """A larger font for the whole app (many users are older); open windows change at once."""
    app = QApplication.instance()
    font = QFont(app.font())
    font.setPointSize(int(size))
    app.setFont(font)
    # Under a style sheet, widgets already polished keep the font they had: setting the sheet
    # again re-polishes every widget with the new application font (no restart needed).
    if app.styleSheet():
        app.setStyleSheet(app.styleSheet())
    for window in app.topLevelWidgets():  # the main window's navigation rows follow the font
        if hasattr(window, "size_nav_rows"):
            window.size_nav_rows()


def style_sheet() -> str:
    """The app's style sheet (resources/styles/app.qss), empty when it is missing."""
    from advisor_app.resources import resources_dir

    style = resources_dir() / "styles" / "app.qss"  # the frozen bundle keeps resources/ elsewhere
    return style.read_text(encoding="utf-8") if style.exists() else ""


def nav_rules(sheet: str) -> str:
    """The navigation list's rules of ``sheet`` (one line each in app.qss, ``QListWidget#nav…``):
    the only part of the sheet the first paint needs — the 工作台's bold titles are set as fonts."""
    return "\n".join(line for line in sheet.splitlines() if line.startswith("QListWidget#nav"))


def apply_style(app: QApplication, sheet: str, window: QWidget | None = None) -> None:
    """The app-wide sheet; ``window``'s navigation list gives up the copy of its rules it was
    painted with (``main``), which look the same under the app-wide sheet."""
    app.setStyleSheet(sheet)
    if window is not None and hasattr(window, "nav"):
        window.nav.setStyleSheet("")


def make_app(argv: Sequence[str] = (), *, style: bool = True) -> QApplication:
    """The QApplication with names, translations, font and style (tests share this set-up).
    ``style=False``: no style sheet yet (``main`` sets it once the window has been painted)."""
    app = QApplication.instance() or QApplication(list(argv) or [APPLICATION])
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    from ui import i18n
    from ui.fonts import use_han_ui_family
    from ui.startup_prefs import DEFAULT_FONT_SIZE, FONT_SETTING, LANGUAGE_SETTING

    use_han_ui_family(app)
    settings = QSettings()
    app._translators = i18n.install(app, str(settings.value(LANGUAGE_SETTING, i18n.DEFAULT_LANGUAGE)))
    apply_font_size(int(settings.value(FONT_SETTING, DEFAULT_FONT_SIZE)))
    if style:
        app.setStyleSheet(style_sheet())
    return app


def wait_exposed(app: QApplication, window: QWidget, limit: float = 1.0) -> None:
    """Process events until the window system has exposed ``window``, which paints it.

    On a real display the expose arrives from the window system some time after ``show()``; a
    zero timer queued meanwhile (``Startup.open``: the store's whole stack, ~1 s) would run
    first and leave the window unpainted until it returns. Offscreen, one turn exposes it."""
    import time

    handle = window.windowHandle()
    deadline = time.monotonic() + limit
    app.processEvents()
    while handle is not None and not handle.isExposed() and time.monotonic() < deadline:
        time.sleep(0.002)
        app.processEvents()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="advisor-app", description="乡村法律服务工作台")
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=None,
        # Parsed before make_app installs the translators, so the source is the Chinese shown
        # (translate() returns it untranslated with no application yet).
        help=QCoreApplication.translate(
            "AppMain", "数据文件夹（默认：系统用户数据目录，或 ADVISOR_DATA_DIR）"
        ),
    )
    return parser


def parse_arguments(argv: Sequence[str]) -> tuple[Path | None, list[str]]:
    """The data folder asked for and the arguments left for Qt, as argparse's parse_known_args
    gives them. A start with no argument or only ``--data-dir DIR`` / ``--data-dir=DIR`` (the
    shortcut, the bench) is read here: building the argparse parser costs ~4.5 ms before the
    first paint (its messages go through gettext, which imports ``locale``). Anything else —
    help, Qt's own options, an abbreviation, an error — is argparse's, as before."""
    args = list(argv)
    if not args:
        return None, []
    if len(args) == 1 and args[0].startswith("--data-dir=") and len(args[0]) > len("--data-dir="):
        return Path(args[0].removeprefix("--data-dir=")), []
    if len(args) == 2 and args[0] == "--data-dir" and args[1] and not args[1].startswith("-"):
        return Path(args[1]), []
    known, qt_args = _parser().parse_known_args(args)
    return known.data_dir, qt_args


def main(argv: Sequence[str] | None = None) -> int:
    from ui.startup import Probe

    probe = Probe()  # ADVISOR_STARTUP_PROBE: start-up times for the bench and tests
    data_dir_arg, qt_args = parse_arguments(sys.argv[1:] if argv is None else argv)
    # The app-wide style sheet comes after the first paint: under one, every widget is polished
    # by the sheet's style (~5 ms before the paint, more in its layout); the first page looks the
    # same without it — its bold titles are fonts, the navigation list has its rules to itself.
    app = make_app([sys.argv[0], *qt_args], style=False)
    sheet = style_sheet()

    from advisor_app import last_view
    from advisor_app.domain.clock import china_today
    from ui.main_window import MainWindow
    from ui.startup import inked_lists, load_view

    data_dir = data_dir_arg or last_view.default_data_dir()
    view = load_view(data_dir, china_today())  # None unless exact for the store files as they are
    window = MainWindow(view=view)
    window.nav.setStyleSheet(nav_rules(sheet))
    window.show()
    wait_exposed(app, window)  # painted before the event loop runs anything queued (the store)
    if probe.active:
        # The time is taken once the expose has been delivered, which paints the window into its
        # backing store (as for the bench's bare window); the ink is then checked in the pixels
        # that paint left there (grabWindow reads them, it does not render again), and a grab —
        # a second full render, the former end point — is timed after for comparison.
        probe.mark("frame")
        if view is not None:
            probe.mark("view")
        painted = window.screen().grabWindow(window.winId())
        window.grab()
        probe.mark("grabbed")
        probe.facts(
            warm=view is not None,
            frame_lines=window.pages["workbench"].shown_lines(),
            frame_inked=inked_lists(window, painted),
        )
    apply_style(app, sheet, window)
    window.painted()  # the rest of long 工作台 lists from now on
    start = Startup(app, window, data_dir, probe)
    QTimer.singleShot(0, start.open)  # after the first paint
    try:
        return app.exec()
    finally:
        start.finish()


class Startup:
    """The second half of the start (the store) and the end of the run (the last view kept)."""

    def __init__(self, app: QApplication, window: MainWindow, data_dir: Path, probe: Probe) -> None:
        self.app = app
        self.window = window
        self.data_dir = data_dir
        self.probe = probe
        self.store: Store | None = None
        self.tasks: Any = None
        self.attached = False

    def open(self) -> None:
        from advisor_app.logs import setup_logging
        from ui.about import app_icon
        from ui.crash import install as install_crash_handler

        setup_logging(self.data_dir)
        install_crash_handler(self.data_dir)
        self.app.setWindowIcon(app_icon())

        from advisor_app import last_view
        from advisor_app.services import setup, users
        from ui import fonts, lock
        from ui.first_run import FirstRunDialog
        from ui.local_login import LocalLoginDialog
        from ui.password_dialog import open_store_interactively
        from ui.startup import may_keep
        from ui.tasks import TaskManager

        self.probe.mark("imported")
        store = open_store_interactively(self.data_dir)  # asks for / offers the store password
        self.probe.mark("opened")
        if store is None:
            self.app.exit(0)
            return
        self.store = store
        self.tasks = TaskManager()
        if not may_keep(store):  # a password store or local users: no view is kept (docs/privacy.md)
            last_view.delete(self.data_dir)
        if users.has_users(store) and not LocalLoginDialog(store).exec():
            self.app.exit(0)
            return
        if not setup.is_configured(store):
            first = FirstRunDialog(store, self.tasks)
            if not first.exec():
                self.app.exit(0)
                return
        workbench = self.window.pages["workbench"]
        workbench.keep_view = True
        if self.probe.active:
            workbench.loaded.connect(self._probe_data)
        self.window.attach(store, self.tasks)
        self.probe.mark("attached")
        self.attached = True
        lock.install(self.window, store)
        fonts.load_later()  # 生僻字 fallback fonts for the forms, after the window shows

    def _probe_data(self) -> None:
        """``data``: painted with the 工作台's lists read from the store; ``complete``: with the
        follow-ups too. Then the app closes as a person closing the window would."""
        page = self.window.pages["workbench"]
        if page.worklist is None:
            return
        self.app.processEvents()
        self.window.grab()
        self.probe.mark("data", data_lines=page.shown_lines())
        if not page.complete:
            return
        self.probe.mark("complete", complete_lines=page.shown_lines())
        self.probe.write()
        self.window.close()
        self.app.quit()

    def finish(self) -> None:
        """After the event loop: the database thread stops, the store closes, the view is kept."""
        from advisor_app.domain.clock import china_today
        from ui.startup import close_keeping_view

        if self.tasks is not None:
            self.tasks.shutdown()
        if self.store is not None:
            close_keeping_view(self.store, china_today(), keep=self.attached)


if __name__ == "__main__":
    sys.exit(main())
