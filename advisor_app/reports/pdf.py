"""Render :class:`~advisor_app.reports.sheet.Sheet` forms to PDF with reportlab (A4, Chinese font)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from advisor_app.reports.fonts import chinese_font, markup
from advisor_app.reports.sheet import Sheet


def write(sheets: list[Sheet], path: Path) -> Path:
    font = chinese_font()
    page = landscape(A4) if sheets and sheets[0].landscape else A4
    doc = SimpleDocTemplate(
        str(path),
        pagesize=page,
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=12 * mm,
        bottomMargin=12 * mm,
        title=sheets[0].title if sheets else "",
    )
    title = ParagraphStyle("title", fontName=font, fontSize=16, leading=22, alignment=1)
    plain = ParagraphStyle("plain", fontName=font, fontSize=9, leading=13)
    cell = ParagraphStyle("cell", fontName=font, fontSize=7.5, leading=9.5, wordWrap="CJK")
    story: list = []
    for n, sheet in enumerate(sheets):
        if n:
            story.append(PageBreak())
        story += [
            Paragraph(_text(sheet.title), title),
            Spacer(1, 2 * mm),
            Paragraph(_text(sheet.subtitle), plain),
        ]
        for table in sheet.tables:
            story += [Spacer(1, 3 * mm), Paragraph(_text(table.caption), plain), Spacer(1, 1 * mm)]
            header: list[object] = [*table.header]
            data = [[Paragraph(_text(v), cell) for v in row] for row in [header, *table.rows]]
            total = doc.width
            weights = table.widths or [2.2] + [1] * (len(table.header) - 1)
            widths = [total * w / sum(weights) for w in weights]
            grid = Table(data, colWidths=widths, repeatRows=1)
            grid.setStyle(
                TableStyle(
                    [
                        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
                        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")),
                        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                        # narrow padding: the mediation table has 20 columns on a landscape A4 page
                        ("LEFTPADDING", (0, 0), (-1, -1), 2),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                    ]
                )
            )
            story.append(grid)
        if sheet.footer:
            story += [Spacer(1, 6 * mm), Paragraph(_text(sheet.footer), plain)]
    doc.build(story)
    return Path(path)


def _text(value: object) -> str:
    return markup(value)  # escaped; 生僻字 in a fallback face
