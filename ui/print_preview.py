"""打印预览: shows a rendered document's pages, prints them and saves the PDF.

The dialog takes the PDF bytes and a title (the case screen gets both from
``advisor_app.services.printing.print_document``); it never renders documents itself. Printing draws each
page as an image at the printer's resolution (capped at 300 dpi), so what comes out of the printer
is exactly what the preview shows.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from ui.widgets import fit_to_screen

MAX_PRINT_DPI = 300


class PrintPreviewDialog(QDialog):
    """Preview, print and save one PDF document."""

    def __init__(self, pdf: bytes, title: str, parent=None):  # noqa: ANN001
        super().__init__(parent)
        self.pdf = bytes(pdf)
        self.title = title
        self.setWindowTitle(self.tr("Print preview — %1").replace("%1", title))
        # 1024×768 less a taskbar is the smallest office screen (issue 15 §1)
        fit_to_screen(self, 760, 680)
        # QPdfDocument reads lazily from the device: the bytes and buffer live as long as the dialog.
        self._data = QByteArray(self.pdf)
        self._buffer = QBuffer(self._data, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        if self.document.status() != QPdfDocument.Status.Ready:
            raise ValueError(self.tr("The document PDF could not be opened; please print it again."))

        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)

        self.pages_label = QLabel(self.tr("%1 pages").replace("%1", str(self.page_count())))
        self.zoom_out_button = QPushButton(self.tr("Zoom out"))
        self.zoom_in_button = QPushButton(self.tr("Zoom in"))
        self.fit_button = QPushButton(self.tr("Fit width"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.close_button = QPushButton(self.tr("Close"))
        self.print_button.setDefault(True)
        self.zoom_in_button.clicked.connect(lambda: self.zoom(1.25))
        self.zoom_out_button.clicked.connect(lambda: self.zoom(0.8))
        self.fit_button.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        self.print_button.clicked.connect(self.print_with_dialog)
        self.save_button.clicked.connect(lambda: self.save_as())
        self.close_button.clicked.connect(self.reject)

        # what was just done (issue 15 §7): printed, or saved where, with the folder one click away
        self.done_label = QLabel()
        self.done_label.setObjectName("done")
        self.done_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_folder_button = QPushButton(self.tr("Open folder"))
        self.open_folder_button.hide()
        self.open_folder_button.clicked.connect(self._open_folder)
        self.saved_path: Path | None = None
        note = QHBoxLayout()
        note.addWidget(self.done_label, 1)
        note.addWidget(self.open_folder_button)

        bar = QHBoxLayout()
        bar.addWidget(self.pages_label)
        bar.addStretch(1)
        for button in (
            self.zoom_out_button,
            self.zoom_in_button,
            self.fit_button,
            self.save_button,
            self.print_button,
            self.close_button,
        ):
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(note)
        layout.addLayout(bar)

    def page_count(self) -> int:
        return self.document.pageCount()

    def zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(4.0, self.view.zoomFactor() * factor)))

    # --- printing ---------------------------------------------------------------------------------

    def make_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.title)
        printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        # Official documents are laid out to the edge of their own margins: print at 100 %.
        printer.setFullPage(True)
        printer.setFromTo(1, self.page_count())
        return printer

    def print_with_dialog(self) -> bool:
        printer = self.make_printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print %1").replace("%1", self.title))
        dialog.setMinMax(1, self.page_count())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return self.print_to(printer)

    def print_to(self, printer: QPrinter) -> bool:
        """Draw the chosen pages on ``printer``; False (with a message) when the printer refuses."""
        first, last = printer.fromPage(), printer.toPage()
        if first == 0:
            first, last = 1, self.page_count()
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(
                self, self.tr("Print"), self.tr("Printing could not start: please check the printer.")
            )
            return False
        try:
            dpi = min(printer.resolution(), MAX_PRINT_DPI)
            target = printer.pageLayout().fullRectPixels(printer.resolution())
            for index in range(first - 1, last):
                if index > first - 1:
                    printer.newPage()
                points = self.document.pagePointSize(index)
                size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
                image = self.document.render(index, size)
                area = QRect(target)
                area.setSize(image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio))
                painter.drawImage(area, image)
        finally:
            painter.end()
        self.done_label.setText(
            self.tr("Sent to the printer: %1 (pages %2–%3)")
            .replace("%1", printer.printerName() or printer.outputFileName() or "")
            .replace("%2", str(first))
            .replace("%3", str(last))
        )
        self.open_folder_button.hide()
        return True

    # --- saving -----------------------------------------------------------------------------------

    def save_as(self, path: Path | str | None = None) -> Path | None:
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Save as PDF"), str(default_path(self.title)), self.tr("PDF files (*.pdf)")
            )
            if not chosen:
                return None
            path = chosen
        target = Path(path)
        if target.suffix.lower() != ".pdf":
            target = target.with_suffix(".pdf")
        try:
            target.write_bytes(self.pdf)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Save as PDF"),
                self.tr("Could not save %1 (%2): choose another folder.")
                .replace("%1", str(target))
                .replace("%2", exc.strerror or str(exc)),
            )
            return None
        self.saved_path = target
        self.done_label.setText(self.tr("Saved: %1").replace("%1", str(target)))
        self.open_folder_button.show()
        return target

    def _open_folder(self) -> None:
        if self.saved_path is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.saved_path.parent)))


def documents_folder() -> Path:
    """The user's documents folder (the save dialogs start there, not in the program's folder)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def default_path(title: str) -> Path:
    """documents/<title>.pdf; the title carries the case number or period, made safe for a file name."""
    name = re.sub(r'[\\/:*?"<>|\s]+', "_", title).strip("_") or "document"
    return documents_folder() / f"{name}.pdf"


__all__ = ["PrintPreviewDialog"]
