"""The print preview dialog with real Qt widgets (offscreen); only the printer dialog is stood in for."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from advisor_app.services import printing

pytestmark = pytest.mark.gui


@pytest.fixture
def file_pdf(mediated):
    printed = printing.print_document(mediated, "file", mediated.case_id)
    pdf, title = printed.pdf, printed.title
    return pdf, title


def test_preview_shows_every_page(qtbot, file_pdf):
    from ui.print_preview import PrintPreviewDialog

    pdf, title = file_pdf
    dialog = PrintPreviewDialog(pdf, title)
    qtbot.addWidget(dialog)
    dialog.show()
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    assert dialog.page_count() == pages
    assert str(pages) in dialog.pages_label.text()
    assert title in dialog.windowTitle()
    image = dialog.document.render(0, dialog.document.pagePointSize(0).toSize())
    assert not image.isNull()
    dialog.zoom(1.25)
    assert dialog.view.zoomFactor() > 1.0


def test_print_goes_through_the_print_dialog_to_a_real_printer_device(qtbot, mediated, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QDialog

    from ui import print_preview

    printed = printing.print_document(mediated, "agreement", mediated.agreement_id)
    pdf, title = printed.pdf, printed.title
    dialog = print_preview.PrintPreviewDialog(pdf, title)
    qtbot.addWidget(dialog)
    target = tmp_path / "printed.pdf"
    original = dialog.make_printer

    def to_file() -> QPrinter:
        printer = original()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # no printer exists here: print to a file
        printer.setOutputFileName(str(target))
        printer.setResolution(100)
        return printer

    monkeypatch.setattr(dialog, "make_printer", to_file)
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    assert dialog.print_with_dialog() is True
    printed = PdfReader(str(target))
    assert len(printed.pages) == dialog.page_count()
    assert round(float(printed.pages[0].mediabox.width)) in (595, 596)

    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    target.unlink()
    assert dialog.print_with_dialog() is False
    assert not target.exists()


def test_save_as_writes_the_same_bytes(qtbot, mediated, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from ui.print_preview import PrintPreviewDialog

    printed = printing.print_document(mediated, "agreement", mediated.agreement_id)
    pdf, title = printed.pdf, printed.title
    dialog = PrintPreviewDialog(pdf, title)
    qtbot.addWidget(dialog)
    chosen = tmp_path / "协议书"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(chosen), ""))
    saved = dialog.save_as()
    assert saved == chosen.with_suffix(".pdf")
    assert saved.read_bytes() == pdf
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert dialog.save_as() is None


def test_bad_bytes_are_refused(qtbot, qapp):
    from ui import i18n
    from ui.print_preview import PrintPreviewDialog

    translators = i18n.install(qapp, "zh_CN")  # the message is a tr() string: read it as the app shows it
    try:
        with pytest.raises(ValueError, match="无法打开"):
            PrintPreviewDialog(b"not a pdf", "x")
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
