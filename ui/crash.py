"""Unexpected errors: save a report in the data folder and show it, so staff can send it to support.

:func:`install` sets ``sys.excepthook`` and ``threading.excepthook``. The report holds versions and
the stack (files, lines, functions); exception messages are kept with ID and phone numbers masked
and Chinese text replaced by its length, because a message may quote a name or a dispute.
Its texts go through ``QCoreApplication.translate`` with *Chinese* source strings (unlike the rest of
ui/, whose sources are English): an error can come before the translators are installed (while the
store opens, or in make_app itself), and then the untranslated source must still be the Chinese a
clerk and support read.
"""

from __future__ import annotations

import logging
import platform
import re
import sys
import threading
import traceback
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from advisor_app.diagnostics import app_version
from advisor_app.logs import redact

REPORT_DIR = "crash-reports"
_CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")
log = logging.getLogger("advisor.crash")


def scrub(text: str) -> str:
    """Mask ID/phone numbers, and replace Chinese text (possibly a name) by its length."""
    return redact(
        _CJK_RUN.sub(
            lambda m: QCoreApplication.translate("CrashReport", "〔中文%1字〕").replace(
                "%1", str(len(m.group()))
            ),
            text,
        )
    )


def build_report(
    exc_type: type[BaseException],
    exc: BaseException,
    tb: TracebackType | None,
    thread: str | None = None,
) -> str:
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    frozen = getattr(sys, "frozen", False)
    build = (
        QCoreApplication.translate("CrashReport", "安装包")
        if frozen
        else QCoreApplication.translate("CrashReport", "源代码")
    )
    lines = [
        QCoreApplication.translate("CrashReport", "乡村法律服务工作台 错误报告"),
        QCoreApplication.translate("CrashReport", "时间：%1").replace(
            "%1",
            datetime.now().isoformat(timespec="seconds"),  # pc-time: as the PC clock shows
        ),
        QCoreApplication.translate("CrashReport", "程序版本：%1（%2）")
        .replace("%1", app_version())
        .replace("%2", build),
        f"Python：{sys.version.split()[0]}；PySide6：{pyside_version}；Qt：{qVersion()}",
        QCoreApplication.translate("CrashReport", "操作系统：%1").replace(
            "%1", f"{platform.system()} {platform.release()} ({platform.machine()})"
        ),
        QCoreApplication.translate("CrashReport", "线程：%1").replace(
            "%1", scrub(thread or threading.current_thread().name)
        ),
        "",
    ]
    # Frames show our source files, lines and code as they are; exception messages are scrubbed.
    for part in traceback.TracebackException(exc_type, exc, tb).format():
        part = part.rstrip("\n")
        lines.append(_shorten_paths(part) if part.startswith("  File ") else scrub(part))
    return "\n".join(lines) + "\n"


def _shorten_paths(text: str) -> str:
    # Absolute paths can hold the Windows account name (often a person's name); keep the package part.
    return re.sub(
        r'File "[^"]*?[\\/](advisor_app|ui|sync|installer|site-packages|lib)[\\/]', r'File "…/\1/', text
    )


def save_report(report: str, data_dir: Path) -> Path:
    folder = Path(data_dir) / REPORT_DIR
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")  # pc-time: a file name on this PC
    path = folder / QCoreApplication.translate("CrashReport", "错误报告-%1.txt").replace("%1", stamp)
    path.write_text(report, encoding="utf-8")
    return path


class CrashDialog(QDialog):
    """Says what happened in plain words, where the report is, and lets the user copy it."""

    def __init__(self, report: str, path: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("CrashDialog", "程序出错了"))
        self.report = report
        self.path = path
        layout = QVBoxLayout(self)
        where = (
            QCoreApplication.translate("CrashDialog", "错误报告已保存到：\n%1").replace("%1", str(path))
            if path
            else QCoreApplication.translate("CrashDialog", "错误报告未能保存到文件，请点“复制报告”。")
        )
        intro = QLabel(
            QCoreApplication.translate(
                "CrashDialog",
                "程序遇到了一个意外错误。已经保存的数据不会丢失；刚才正在填写、尚未保存的内容可能需要重新填写。\n"
                "请把错误报告发给技术支持人员（报告中不含姓名、身份证号和电话）。\n\n",
            )
            + where
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(intro)
        self.text = QPlainTextEdit(report)
        self.text.setReadOnly(True)
        self.text.setMinimumSize(560, 240)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(QCoreApplication.translate("CrashDialog", "复制报告"))
        self.copy_button.clicked.connect(self.copy)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        if path is not None:
            folder = QPushButton(QCoreApplication.translate("CrashDialog", "打开报告所在文件夹"))
            folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))))
            buttons.addButton(folder, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(
            QCoreApplication.translate("CrashDialog", "关闭"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        close.clicked.connect(self.accept)
        layout.addWidget(buttons)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.report)
        self.copy_button.setText(QCoreApplication.translate("CrashDialog", "已复制"))


class _Relay(QObject):
    """Carries a report from a worker thread to the GUI thread (a queued signal)."""

    show = Signal(str, str)


class CrashHandler:
    """The installed hooks; ``last_report`` / ``last_path`` let tests and the caller see the outcome."""

    def __init__(self, data_dir: Path, show_dialog: bool = True) -> None:
        self.data_dir = Path(data_dir)
        self.show_dialog = show_dialog
        self.last_report: str | None = None
        self.last_path: Path | None = None
        self.dialog: CrashDialog | None = None
        self._relay = _Relay()
        self._relay.show.connect(self._show)
        self._previous = (sys.excepthook, threading.excepthook)
        self._busy = threading.Lock()

    def handle(self, exc_type, exc, tb, thread: str | None = None) -> None:  # noqa: ANN001
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous[0](exc_type, exc, tb)
            return
        if not self._busy.acquire(blocking=False):
            return  # an error while reporting an error: the first report is what matters
        try:
            report = build_report(exc_type, exc, tb, thread)
            self.last_report = report
            try:
                self.last_path = save_report(report, self.data_dir)
            except OSError:
                self.last_path = None
            log.critical(
                "unexpected error, report %s\n%s", self.last_path.name if self.last_path else "-", report
            )
            print(report, file=sys.stderr)
        finally:
            self._busy.release()
        app = QApplication.instance()
        if self.show_dialog and app is not None:
            path = str(self.last_path) if self.last_path else ""
            if QThread.currentThread() is app.thread():
                self._show(report, path)
            else:
                self._relay.show.emit(report, path)

    def _show(self, report: str, path: str) -> None:
        # Modal but not a nested event loop: the hook returns and the app keeps running behind it.
        self.dialog = CrashDialog(report, Path(path) if path else None, QApplication.activeWindow())
        self.dialog.setModal(True)
        self.dialog.show()
        self.dialog.raise_()

    def excepthook(self, exc_type, exc, tb) -> None:  # noqa: ANN001
        self.handle(exc_type, exc, tb)

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        self.handle(
            args.exc_type, args.exc_value, args.exc_traceback, args.thread.name if args.thread else None
        )

    def uninstall(self) -> None:
        """Put back the hooks found at install time, unless someone has replaced ours since."""
        global _installed
        if sys.excepthook == self.excepthook:
            sys.excepthook = self._previous[0]
        if threading.excepthook == self.thread_excepthook:
            threading.excepthook = self._previous[1]
        if _installed is self:
            _installed = None


_installed: CrashHandler | None = None


def install(data_dir: Path, show_dialog: bool = True) -> CrashHandler:
    """Install the hooks (once; a second call replaces the first). Call from the GUI thread."""
    global _installed
    if _installed is not None:
        _installed.uninstall()
    handler = CrashHandler(data_dir, show_dialog)
    sys.excepthook = handler.excepthook
    threading.excepthook = handler.thread_excepthook
    _installed = handler
    return handler
