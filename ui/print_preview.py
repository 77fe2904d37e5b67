"""打印预览: shows a rendered document's pages, prints them and saves the PDF.

The dialog takes the PDF bytes and a title (the case screen gets both from
``advisor_app.services.printing.render``); it never renders documents itself. Printing draws each
page as an image at the printer's resolution (capped at 300 dpi), so what comes out of the printer
is exactly what the preview shows.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
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
        self.setWindowTitle(self.tr("打印预览 — %1").replace("%1", title))
        # 1024×768 less a taskbar is the smallest office screen (issue 15 §1)
        fit_to_screen(self, 760, 680)
        # QPdfDocument reads lazily from the device: the bytes and buffer live as long as the dialog.
        self._data = QByteArray(self.pdf)
        self._buffer = QBuffer(self._data, self)
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        if self.document.status() != QPdfDocument.Status.Ready:
            raise ValueError(f"无法打开文书 PDF（{self.document.error().name}）")

        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)

        self.pages_label = QLabel(self.tr("共 %1 页").replace("%1", str(self.page_count())))
        self.zoom_out_button = QPushButton(self.tr("缩小"))
        self.zoom_in_button = QPushButton(self.tr("放大"))
        self.fit_button = QPushButton(self.tr("适合宽度"))
        self.print_button = QPushButton(self.tr("打印…"))
        self.save_button = QPushButton(self.tr("另存为 PDF…"))
        self.close_button = QPushButton(self.tr("关闭"))
        self.print_button.setDefault(True)
        self.zoom_in_button.clicked.connect(lambda: self.zoom(1.25))
        self.zoom_out_button.clicked.connect(lambda: self.zoom(0.8))
        self.fit_button.clicked.connect(lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth))
        self.print_button.clicked.connect(self.print_with_dialog)
        self.save_button.clicked.connect(lambda: self.save_as())
        self.close_button.clicked.connect(self.reject)

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
        dialog.setWindowTitle(self.tr("打印 %1").replace("%1", self.title))
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
            QMessageBox.warning(self, self.tr("打印"), self.tr("无法开始打印，请检查打印机。"))
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
        return True

    # --- saving -----------------------------------------------------------------------------------

    def save_as(self, path: Path | str | None = None) -> Path | None:
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("另存为 PDF"), f"{self.title}.pdf", self.tr("PDF 文件 (*.pdf)")
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
            QMessageBox.warning(self, self.tr("另存为 PDF"), self.tr("保存失败：%1").replace("%1", str(exc)))
            return None
        return target


__all__ = ["PrintPreviewDialog"]
