"""A neutral model of a printed statistics form (title, unit and period, tables, signature line),
rendered to Excel by :mod:`xlsx` and to PDF by :mod:`pdf` so both files carry the same cells."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Table:
    caption: str
    header: list[str]
    rows: list[list[object]]
    widths: list[float] | None = None  # relative column widths for the PDF


@dataclass
class Sheet:
    title: str
    subtitle: str  # 填报单位 and period line under the title
    tables: list[Table] = field(default_factory=list)
    footer: str = ""  # 填报单位：…　填报人：…　填报日期：…
    landscape: bool = True
    sheet_name: str = "报表"
