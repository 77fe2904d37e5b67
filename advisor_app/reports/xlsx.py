"""Render :class:`~advisor_app.reports.sheet.Sheet` forms to .xlsx with openpyxl."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from advisor_app.reports.sheet import Sheet

THIN = Side(style="thin")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


def write(sheets: list[Sheet], path: Path) -> Path:
    book = Workbook()
    book.remove(book.active)
    for sheet in sheets:
        _write_sheet(book.create_sheet(sheet.sheet_name[:31]), sheet)
    path = Path(path)
    book.save(path)
    return path


def _write_sheet(ws, sheet: Sheet) -> None:  # noqa: ANN001 - an openpyxl worksheet
    width = max(len(t.header) for t in sheet.tables) if sheet.tables else 1
    ws.append([sheet.title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    ws["A1"].font = Font(size=16, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center")
    ws.append([sheet.subtitle])
    ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=width)
    for table in sheet.tables:
        ws.append([])
        ws.append([table.caption])
        ws.cell(ws.max_row, 1).font = Font(bold=True)
        ws.append(table.header)
        for cell in ws[ws.max_row]:
            cell.font = Font(bold=True)
            cell.border = BOX
            cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        for row in table.rows:
            ws.append(row)
            for cell in ws[ws.max_row][: len(row)]:
                cell.border = BOX
                cell.alignment = Alignment(vertical="center", wrap_text=True)
    if sheet.footer:
        ws.append([])
        ws.append([sheet.footer])
    ws.column_dimensions["A"].width = 22
    for col in range(2, width + 1):
        ws.column_dimensions[get_column_letter(col)].width = 12
