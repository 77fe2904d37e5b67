"""Render :class:`~advisor_app.reports.sheet.Sheet` forms to .xlsx with XlsxWriter.

Why XlsxWriter here and openpyxl elsewhere (docs/architecture.md, "Which library does what"): a
report is written, never read back by the app, and `advisor report monthly` is a whole process
the township clerk waits for — XlsxWriter imports in ~0.03 s against openpyxl's ~0.2 s and writes
the same formatted form. openpyxl stays for what it does best: reading spreadsheets typed by hand
(the imports) and the record exports' round trip (advisor_app/io/tabular.py).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from advisor_app.reports.sheet import Sheet

FIRST_COLUMN_WIDTH = 22
COLUMN_WIDTH = 12
DATE_FORMAT = "yyyy-mm-dd"


def write(sheets: list[Sheet], path: Path) -> Path:
    """Write ``sheets`` to ``path``, one worksheet each; a half-written file never takes the name."""
    import xlsxwriter  # here: forms.export imports this module only for a .xlsx

    path = Path(path)
    tmp = path.with_name(path.name + ".part")
    book = xlsxwriter.Workbook(str(tmp), {"in_memory": True})
    try:
        styles = _styles(book)
        for sheet in sheets:
            _write_sheet(book.add_worksheet(sheet.sheet_name[:31]), sheet, styles)
    finally:
        book.close()
    tmp.replace(path)
    return path


def _styles(book: Any) -> dict[str, Any]:
    box = {"border": 1}
    return {
        "title": book.add_format({"bold": True, "font_size": 16, "align": "center"}),
        "caption": book.add_format({"bold": True}),
        "header": book.add_format(
            {**box, "bold": True, "align": "center", "valign": "vcenter", "text_wrap": True}
        ),
        "cell": book.add_format({**box, "valign": "vcenter", "text_wrap": True}),
        "date": book.add_format({**box, "valign": "vcenter", "num_format": DATE_FORMAT}),
        "plain": None,
    }


def _put(ws: Any, row: int, col: int, value: object, style: Any, date_style: Any = None) -> None:
    """One cell by its type. Text is always written as text: a name or a complaint that starts with
    “=” stays words and never becomes a formula."""
    if value is None or value == "":
        if style is not None:
            ws.write_blank(row, col, None, style)
    elif isinstance(value, bool):
        ws.write_boolean(row, col, value, style)
    elif isinstance(value, int | float):
        ws.write_number(row, col, value, style)
    elif isinstance(value, date):  # datetime too
        moment = value if isinstance(value, datetime) else datetime(value.year, value.month, value.day)
        ws.write_datetime(row, col, moment, date_style or style)
    else:
        ws.write_string(row, col, str(value), style)


def _write_sheet(ws: Any, sheet: Sheet, styles: dict[str, Any]) -> None:
    width = max(len(t.header) for t in sheet.tables) if sheet.tables else 1
    if width > 1:
        ws.merge_range(0, 0, 0, width - 1, sheet.title, styles["title"])
        ws.merge_range(1, 0, 1, width - 1, sheet.subtitle)
    else:
        ws.write_string(0, 0, sheet.title, styles["title"])
        ws.write_string(1, 0, sheet.subtitle)
    row = 2
    for table in sheet.tables:
        row += 1  # an empty line before each table
        ws.write_string(row, 0, table.caption, styles["caption"])
        row += 1
        for col, name in enumerate(table.header):
            _put(ws, row, col, name, styles["header"])
        for values in table.rows:
            row += 1
            for col, value in enumerate(values):
                _put(ws, row, col, value, styles["cell"], styles["date"])
        row += 1
    if sheet.footer:
        ws.write_string(row + 1, 0, sheet.footer)
    ws.set_column(0, 0, FIRST_COLUMN_WIDTH)
    if width > 1:
        ws.set_column(1, width - 1, COLUMN_WIDTH)
