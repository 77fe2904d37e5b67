"""关于: the app's name, icon, version, data and log folders, and the bundled components' licences.

Chinese literals rather than ``tr()``, like print_preview.py: the dialog is read mostly on support
calls ("what version is it, where is the data folder").
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QIcon, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from advisor_app.diagnostics import app_version, package_versions
from advisor_app.logs import log_dir
from advisor_app.resources import resources_dir

APP_TITLE = "乡村法律服务工作台"


def icon_path() -> Path:
    return resources_dir() / "icons" / "advisor-app.png"


def app_icon() -> QIcon:
    """The application icon (window title bars, task bar); empty if the file is missing."""
    path = icon_path()
    return QIcon(str(path)) if path.is_file() else QIcon()


def notice_title() -> str:
    return QCoreApplication.translate("AboutDialog", "Components and licences")


def licence_texts() -> list[tuple[str, str]]:
    """(tab title, text) for the third-party notice and each licence file in resources/licenses."""
    folder = resources_dir() / "licenses"
    if not folder.is_dir():
        return []
    found = []
    notice = folder / "THIRD-PARTY.md"
    if notice.is_file():
        found.append((notice_title(), notice.read_text(encoding="utf-8")))
    for path in sorted((folder / "fonts").glob("*.txt")):
        title = QCoreApplication.translate("AboutDialog", "Font: %1").replace("%1", path.stem)
        found.append((title, path.read_text(encoding="utf-8")))
    return found


def _open_folder(path: Path) -> None:
    path.mkdir(parents=True, exist_ok=True)
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class AboutDialog(QDialog):
    def __init__(self, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About %1").replace("%1", APP_TITLE))
        self.setWindowIcon(app_icon())
        self.data_dir = Path(data_dir)
        layout = QVBoxLayout(self)

        head = QHBoxLayout()
        logo = QLabel()
        if icon_path().is_file():
            logo.setPixmap(
                QPixmap(str(icon_path())).scaled(
                    72, 72, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
                )
            )
        head.addWidget(logo)
        version = self.tr("Version %1").replace("%1", app_version())
        title = QLabel(f"<h2>{APP_TITLE}</h2><p>{version}</p>")
        self.version_label = title
        head.addWidget(title, 1)
        layout.addLayout(head)

        form = QFormLayout()
        self.data_label = QLabel(str(self.data_dir))
        self.log_label = QLabel(str(log_dir(self.data_dir)))
        for label in (self.data_label, self.log_label):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
        form.addRow(self.tr("Data folder:"), self.data_label)
        form.addRow(self.tr("Log folder:"), self.log_label)
        versions = "，".join(f"{name} {ver}" for name, ver in package_versions().items())
        components = QLabel(versions)
        components.setWordWrap(True)
        form.addRow(self.tr("Component versions:"), components)
        layout.addLayout(form)

        self.tabs = QTabWidget()
        for name, text in licence_texts():
            view = QTextBrowser()
            if name == notice_title():
                view.setMarkdown(text)
            else:
                view.setPlainText(text)
            self.tabs.addTab(view, name)
        self.tabs.setMinimumSize(560, 260)
        layout.addWidget(self.tabs, 1)

        buttons = QDialogButtonBox()
        open_data = QPushButton(self.tr("Open data folder"))
        open_data.clicked.connect(lambda: _open_folder(self.data_dir))
        buttons.addButton(open_data, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button = QPushButton(self.tr("Copy version details"))
        self.copy_button.clicked.connect(self.copy_summary)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.AcceptRole)
        close.clicked.connect(self.accept)
        layout.addWidget(buttons)

    def summary(self) -> str:
        """What support asks first, as plain text (no personal data)."""
        return (
            f"{APP_TITLE} {app_version()}\n"
            + self.tr("Data folder:")
            + f"{self.data_dir}\n"
            + self.tr("Log folder:")
            + str(log_dir(self.data_dir))
        )

    def copy_summary(self) -> None:
        QGuiApplication.clipboard().setText(self.summary())
        self.copy_button.setText(self.tr("Copied"))


def show_about(data_dir: Path, parent: QWidget | None = None) -> AboutDialog:
    """Open the dialog (non-blocking) and return it; the hook for a 关于 menu action or button."""
    dialog = AboutDialog(data_dir, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
