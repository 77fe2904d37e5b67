"""Reading and writing plain tables (.xlsx through openpyxl, .csv as UTF-8 with BOM for Excel)."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook


class TableFormatError(ValueError):
    """The file cannot be read as a table of ours (wrong type, no header row, missing columns)."""


STAMP_SHEET = "导出说明"


def write_table(
    path: Path,
    headers: list[str],
    rows: Iterable[list[Any]],
    *,
    title: str = "Sheet1",
    stamp: list[tuple[str, str]] | None = None,
) -> int:
    """Write a table; ``stamp`` (label, value) lines go to a second sheet, or as ``#`` lines atop a CSV."""
    suffix = path.suffix.lower()
    count = 0
    tmp = path.with_name(path.name + ".part")
    if suffix == ".xlsx":
        wb = Workbook(write_only=True)
        ws = wb.create_sheet(title[:31])
        ws.append(headers)
        for row in rows:
            ws.append([_cell(v) for v in row])
            count += 1
        if stamp:
            info = wb.create_sheet(STAMP_SHEET)
            for line in [*stamp, ("记录数", str(count))]:
                info.append(list(line))
        wb.save(tmp)
    elif suffix == ".csv":
        with tmp.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            for label, value in stamp or []:
                fh.write(f"# {label}：{value}\n")
            writer.writerow(headers)
            for row in rows:
                writer.writerow([_text(v) for v in row])
                count += 1
    else:
        raise TableFormatError(f"不支持的文件类型“{path.suffix}”，请使用 .xlsx 或 .csv")
    tmp.replace(path)  # a half-written export never takes the real name
    return count


def read_table(path: Path) -> tuple[list[str], Iterator[tuple[int, dict[str, Any]]]]:
    """Headers and (spreadsheet row number, {header: value}) for every non-empty row."""
    if not path.is_file():
        raise TableFormatError(f"文件不存在：{path}")
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        try:
            wb = load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many types for a damaged or foreign file
            raise TableFormatError(f"无法读取 Excel 文件：{exc}") from exc
        rows = wb.worksheets[0].iter_rows(values_only=True)
    elif suffix == ".csv":
        try:
            text = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            text = path.read_text(encoding="gb18030")  # Excel on Chinese Windows saves CSV as GBK
        # Leading "# …" lines are the export stamp, not data.
        lines = text.splitlines()
        while lines and lines[0].startswith("#"):
            lines.pop(0)
        rows = iter(list(csv.reader(lines)))
    else:
        raise TableFormatError(f"不支持的文件类型“{path.suffix}”，请使用 .xlsx 或 .csv")
    try:
        header_row = next(rows)
    except StopIteration as exc:
        raise TableFormatError("文件是空的，没有表头行") from exc
    headers = [str(h).strip() if h is not None else "" for h in header_row]

    def records() -> Iterator[tuple[int, dict[str, Any]]]:
        for number, row in enumerate(rows, start=2):
            values = {h: _clean(v) for h, v in zip(headers, row, strict=False) if h}
            if any(v not in (None, "") for v in values.values()):
                yield number, values

    return headers, records()


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return value


def _cell(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return "、".join(str(v) for v in value)
    if isinstance(value, bool):
        return "是" if value else "否"
    return value


def _text(value: Any) -> str:
    value = _cell(value)
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
