"""`advisor-app [--data-dir DIR]`: the desktop app of 乡村法律服务工作台."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

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


def make_app(argv: Sequence[str] = ()) -> QApplication:
    """The QApplication with names, translations, font and style (tests share this set-up)."""
    app = QApplication.instance() or QApplication(list(argv) or [APPLICATION])
    QCoreApplication.setOrganizationName(ORGANISATION)
    QCoreApplication.setApplicationName(APPLICATION)
    from ui import i18n
    from ui.settings_page import DEFAULT_FONT_SIZE, FONT_SETTING, LANGUAGE_SETTING

    settings = QSettings()
    app._translators = i18n.install(app, str(settings.value(LANGUAGE_SETTING, i18n.DEFAULT_LANGUAGE)))
    apply_font_size(int(settings.value(FONT_SETTING, DEFAULT_FONT_SIZE)))
    from advisor_app.resources import resources_dir

    style = resources_dir() / "styles" / "app.qss"  # the frozen bundle keeps resources/ elsewhere
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))
    return app


def main(argv: Sequence[str] | None = None) -> int:
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
    args, qt_args = parser.parse_known_args(sys.argv[1:] if argv is None else argv)
    app = make_app([sys.argv[0], *qt_args])

    from advisor_app.logs import setup_logging
    from advisor_app.services.store_access import default_data_dir
    from ui.about import app_icon
    from ui.crash import install as install_crash_handler

    data_dir = args.data_dir or default_data_dir()
    setup_logging(data_dir)
    install_crash_handler(data_dir)
    app.setWindowIcon(app_icon())

    from advisor_app.services import setup, users
    from ui import fonts, lock
    from ui.first_run import FirstRunDialog
    from ui.local_login import LocalLoginDialog
    from ui.main_window import MainWindow
    from ui.password_dialog import open_store_interactively
    from ui.tasks import TaskManager

    store = open_store_interactively(data_dir)  # asks for / offers the store password
    if store is None:
        return 0
    tasks = TaskManager()
    try:
        if users.has_users(store) and not LocalLoginDialog(store).exec():
            return 0
        if not setup.is_configured(store):
            first = FirstRunDialog(store, tasks)
            if not first.exec():
                return 0
        window = MainWindow(store, tasks)
        lock.install(window, store)
        window.show()
        fonts.load_later()  # 生僻字 fallback fonts for the forms, after the window shows
        return app.exec()
    finally:
        tasks.shutdown()
        store.close()


if __name__ == "__main__":
    sys.exit(main())
