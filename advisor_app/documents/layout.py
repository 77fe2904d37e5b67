"""The small layout kit every document shares: A4 official layout, styles, forms, signatures, paging.

Page geometry follows the 党政机关公文格式 (GB/T 9704) that Chinese offices expect: A4, type area
156 × 225 mm, title 二号 (22 pt), body 三号 (16 pt) with an even 28 pt line, page numbers at the
foot as “第 X 页 共 Y 页”. Text reaches the page only through :meth:`Kit.text`, which picks a font
with a glyph for every character and records the characters none can draw, so a document with a
生僻字 is refused before printing instead of showing empty boxes.
"""

from __future__ import annotations

import io
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from advisor_app.documents.fonts import FontChain, chain
from advisor_app.domain.validation import ValidationError

PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT, RIGHT, TOP, BOTTOM = 28 * mm, 26 * mm, 37 * mm, 35 * mm
TEXT_WIDTH = PAGE_WIDTH - LEFT - RIGHT
TITLE_SIZE, BODY_SIZE, TABLE_SIZE = 22, 16, 14
BODY_LEADING, TABLE_LEADING = 28, 21
CREATOR = "乡村法律服务工作台"
CN_ORDINALS = "一二三四五六七八九"


class Unprintable(ValidationError):
    """Characters that no available font can draw; ``errors`` maps the field to a Chinese message."""


def ordinal(n: int) -> str:
    """1 -> 一, 12 -> 十二, 25 -> 二十五: numbering of agreement terms (一、二、…)."""
    if n < 1 or n > 99:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else CN_ORDINALS[tens - 1] + "十")
    return head + (CN_ORDINALS[ones - 1] if ones else "")


def cn_date(value: date | str | None) -> str:
    """2026-03-05 -> 2026 年 3 月 5 日; no date leaves blanks to write in by hand."""
    if value is None or value == "":
        return "　　　　年　　月　　日"
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    return f"{value.year} 年 {value.month} 月 {value.day} 日"


def age_on(birth: date | str | None, on: date | str | None) -> str:
    if not birth:
        return ""
    birth = date.fromisoformat(birth[:10]) if isinstance(birth, str) else birth
    on = date.fromisoformat(on[:10]) if isinstance(on, str) else (on or date.today())
    years = on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))
    return f"{years} 岁"


@dataclass(frozen=True)
class Value:
    """A form cell filled from data: ``label`` names the field in a problem report."""

    label: str
    text: object
    align: str = "left"


class SectionStart(Flowable):
    """Marks where a document of a bundle starts, so page numbers restart (卷宗 as one PDF)."""

    width = height = 0

    def __init__(self, number: int):
        super().__init__()
        self.number = number

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv._section = self.number


class Kit:
    """Builds flowables for one rendering; collects the characters that cannot be printed."""

    def __init__(self, fonts: FontChain | None = None):
        self.fonts = fonts or chain()
        self.problems: dict[str, str] = {}
        body, title = self.fonts.body, self.fonts.title
        self.title_style = ParagraphStyle(
            "title",
            fontName=title,
            fontSize=TITLE_SIZE,
            leading=TITLE_SIZE * 1.6,
            alignment=TA_CENTER,
            spaceAfter=8,
        )
        self.body_style = ParagraphStyle(
            "body",
            fontName=body,
            fontSize=BODY_SIZE,
            leading=BODY_LEADING,
            alignment=TA_JUSTIFY,
            wordWrap="CJK",
            firstLineIndent=2 * BODY_SIZE,
        )
        self.plain_style = ParagraphStyle("plain", parent=self.body_style, firstLineIndent=0)
        self.heading_style = ParagraphStyle(
            "heading",
            parent=self.plain_style,
            fontName=title,
            spaceBefore=4,
            keepWithNext=1,
        )
        self.right_style = ParagraphStyle("right", parent=self.plain_style, alignment=TA_RIGHT)
        self.cell_style = ParagraphStyle(
            "cell",
            fontName=body,
            fontSize=TABLE_SIZE,
            leading=TABLE_LEADING,
            wordWrap="CJK",
            alignment=TA_LEFT,
        )
        self.label_style = ParagraphStyle("label", parent=self.cell_style, alignment=TA_CENTER)
        self.small_style = ParagraphStyle(
            "small", parent=self.cell_style, fontSize=12, leading=18, alignment=TA_LEFT
        )

    # --- text -----------------------------------------------------------------------------------

    def text(self, value: object, label: str | None, font: str | None = None) -> str:
        """Paragraph markup for ``value``; characters missing from ``font`` use a fallback font."""
        if value is None:
            return ""
        font = font or self.fonts.body
        out: list[str] = []
        missing: list[str] = []
        run_font, run = font, []

        def flush() -> None:
            if not run:
                return
            chunk = escape("".join(run))
            out.append(chunk if run_font == font else f'<font face="{run_font}">{chunk}</font>')
            run.clear()

        # reportlab collapses and trims ideographic spaces like any whitespace; blanks left to be
        # written in by hand (“　　年　　月　　日”) keep their width as non-breaking spaces.
        for char in str(value).replace("\u3000", "\xa0\xa0"):
            if char == "\n":
                flush()
                out.append("<br/>")
                continue
            if char == "\t":
                char = " "
            if unicodedata.category(char) in ("Cc", "Cf"):
                continue  # control and format characters have no ink and no glyph
            use = self.fonts.font_for(char, font)
            if use is None:
                missing.append(char)
                use = font
            if use != run_font:
                flush()
                run_font = use
            run.append(char)
        flush()
        if missing:
            self._report(label or "文书固定文字", missing)
        return "".join(out)

    def _report(self, label: str, chars: list[str]) -> None:
        shown = "、".join(f"“{c}”（U+{ord(c):04X}）" for c in dict.fromkeys(chars))
        self.problems[label] = (
            f"{label}：{shown} 本机所有中文字体都无法显示，打印会成为空白方框。"
            "请安装含该字的字体并在设置中指定，或改写该字（如用同音字并手写补正）后再打印"
        )

    def check(self) -> None:
        if self.problems:
            raise Unprintable(self.problems)

    # --- flowables --------------------------------------------------------------------------------

    def title(self, text: str, label: str | None = None) -> Paragraph:
        return Paragraph(self.text(text, label, self.fonts.title), self.title_style)

    def right(self, text: str, label: str | None = None) -> Paragraph:
        return Paragraph(self.text(text, label), self.right_style)

    def heading(self, text: str) -> Paragraph:
        return Paragraph(self.text(text, None, self.fonts.title), self.heading_style)

    def paragraphs(self, text: object, label: str, *, indent: bool = True) -> list[Paragraph]:
        """Running text, one paragraph per line of the input, first line indented two characters."""
        style = self.body_style if indent else self.plain_style
        lines = [line.strip() for line in str(text or "").splitlines() if line.strip()]
        if not lines:
            lines = ["（无）"]
        return [Paragraph(self.text(line, label), style) for line in lines]

    def line(self, text: str, label: str | None = None, *, indent: bool = False) -> Paragraph:
        return Paragraph(self.text(text, label), self.body_style if indent else self.plain_style)

    def labelled(self, caption: str, value: object, label: str) -> Paragraph:
        """“caption：value” on one paragraph, the caption in the title face."""
        head = self.text(f"{caption}：", None, self.fonts.title)
        return Paragraph(head + self.text(value, label), self.plain_style)

    def numbered(self, items: Sequence[str], label: str) -> list[Paragraph]:
        style = ParagraphStyle("term", parent=self.body_style)
        return [
            Paragraph(self.text(f"{ordinal(n)}、{item}", f"{label}第 {n} 条"), style)
            for n, item in enumerate(items, 1)
        ]

    def cell(self, content: object, style: ParagraphStyle | None = None) -> Paragraph:
        if isinstance(content, Value):
            style = self.cell_style if content.align == "left" else self.label_style
            return Paragraph(self.text(content.text, content.label), style)
        return Paragraph(self.text(content, None), style or self.label_style)

    def form(
        self,
        rows: Sequence[Sequence[object]],
        widths: Sequence[float],
        spans: Iterable[tuple[tuple[int, int], tuple[int, int]]] = (),
        *,
        heights: Sequence[float | None] | None = None,
    ) -> Table:
        """A bordered form (登记表 style): plain strings are captions, :class:`Value` cells are data.

        ``heights`` fixes rows meant to be written in by hand (signatures); ``None`` sizes to content.
        """
        total = sum(widths)
        scaled = [w * TEXT_WIDTH / total for w in widths]
        data = [[self.cell(c) if c != "" else "" for c in row] for row in rows]
        table = Table(data, colWidths=scaled, rowHeights=heights, splitByRow=1)
        style = [
            ("GRID", (0, 0), (-1, -1), 0.75, colors.black),
            # Empty cells are drawn as strings too; without this they pull in unembedded Helvetica.
            ("FONTNAME", (0, 0), (-1, -1), self.fonts.body),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ]
        style += [("SPAN", a, b) for a, b in spans]
        table.setStyle(TableStyle(style))
        return table

    def party_table(self, party: dict, number: int, on: date | str | None, caption: str = "当事人") -> Table:
        """One party's particulars in the order of domain.md §1."""
        where = f"第 {number} 位{caption}"
        if party.get("is_organisation"):
            rows = [
                [
                    f"{caption}",
                    Value(f"{where}名称", party.get("name")),
                    "代表人",
                    Value(f"{where}代表人", party.get("representative")),
                ],
                [
                    "职业或职务",
                    Value(f"{where}职业或职务", party.get("occupation")),
                    "联系方式",
                    Value(f"{where}联系方式", party.get("phone")),
                ],
                ["单位或住址", Value(f"{where}单位或住址", party.get("address")), "", ""],
            ]
            return self.form(rows, [78, 170, 86, 108], spans=[((1, 2), (3, 2))])
        rows = [
            [
                "姓名",
                Value(f"{where}姓名", party.get("name")),
                "性别",
                Value(f"{where}性别", party.get("gender"), "center"),
                "民族",
                Value(f"{where}民族", party.get("ethnicity"), "center"),
                "年龄",
                Value(f"{where}年龄", age_on(party.get("birth_date"), on), "center"),
            ],
            [
                "职业或职务",
                Value(f"{where}职业或职务", party.get("occupation")),
                "",
                "",
                "联系方式",
                "",
                Value(f"{where}联系方式", party.get("phone")),
                "",
            ],
            ["单位或住址", Value(f"{where}单位或住址", party.get("address")), "", "", "", "", "", ""],
        ]
        return self.form(
            rows,
            [78, 118, 38, 30, 38, 52, 38, 50],
            spans=[((1, 1), (3, 1)), ((4, 1), (5, 1)), ((6, 1), (7, 1)), ((1, 2), (7, 2))],
        )

    def signatures(self, left: Sequence[tuple[str, str]], right: Sequence[tuple[str, str]]) -> Table:
        """Two columns of signature lines: (caption, printed name under the line)."""
        rows = max(len(left), len(right))
        cells = []
        for i in range(rows):
            row = []
            for column in (left, right):
                if i < len(column):
                    caption, name = column[i]
                    block = self.text(caption, None) + "<br/><br/>"
                    if name:
                        block += f'<font size="12">{self.text(f"（{name}）", "签名栏姓名")}</font>'
                    row.append(Paragraph(block, ParagraphStyle("sig", parent=self.plain_style, leading=24)))
                else:
                    row.append("")
            cells.append(row)
        table = Table(cells, colWidths=[TEXT_WIDTH * 0.55, TEXT_WIDTH * 0.45])
        table.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("FONTNAME", (0, 0), (-1, -1), self.fonts.body),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 14),
                ]
            )
        )
        return table

    def seal_and_date(self, when: date | str | None, seal: str = "（人民调解委员会印）") -> list[Flowable]:
        """Room for the committee's 42 mm seal above the placeholder and the date."""
        return [Spacer(1, 18 * mm), self.right(seal + "　　"), self.right(cn_date(when) + "　　")]

    def keep(self, flowables: list[Flowable]) -> KeepTogether:
        return KeepTogether(flowables)

    @staticmethod
    def space(height_mm: float) -> Spacer:
        return Spacer(1, height_mm * mm)

    @staticmethod
    def need(height_mm: float) -> CondPageBreak:
        return CondPageBreak(height_mm * mm)


# --- the document -----------------------------------------------------------------------------------


def _canvas_class(font: str, note: str | None):
    class NumberedCanvas(Canvas):
        """Defers page output so each page can say how many pages its document has."""

        def __init__(self, *args, **kwargs):  # noqa: ANN002, ANN003
            super().__init__(*args, **kwargs)
            self._section = 0
            self._saved: list[dict] = []

        def showPage(self) -> None:  # noqa: N802 - reportlab's name
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            totals = Counter(state["_section"] for state in self._saved)
            seen: Counter = Counter()
            for state in self._saved:
                self.__dict__.update(state)
                seen[self._section] += 1
                self.setFont(font, 12)
                self.drawCentredString(
                    PAGE_WIDTH / 2, 20 * mm, f"第 {seen[self._section]} 页 共 {totals[self._section]} 页"
                )
                if note:
                    self.setFont(font, 10)
                    self.drawRightString(PAGE_WIDTH - RIGHT, PAGE_HEIGHT - 20 * mm, note)
                Canvas.showPage(self)
            Canvas.save(self)

    return NumberedCanvas


def render(
    kit: Kit,
    sections: Sequence[list[Flowable]],
    *,
    title: str,
    author: str = "",
    note: str | None = None,
) -> bytes:
    """Lay out one or more documents into PDF bytes; the same input gives the same bytes.

    Raises :class:`Unprintable` before anything is drawn when a character has no glyph.
    """
    kit.check()
    story: list[Flowable] = []
    for number, section in enumerate(sections):
        if number:
            story.append(PageBreak())
        story.append(SectionStart(number))
        story.extend(section)
    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=LEFT,
        rightMargin=RIGHT,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        title=title,
        author=author,
        creator=CREATOR,
        producer=CREATOR,
        subject=title,
        invariant=1,
        initialFontName=kit.fonts.body,
    )
    frame = Frame(
        LEFT,
        BOTTOM,
        TEXT_WIDTH,
        PAGE_HEIGHT - TOP - BOTTOM,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    doc.build(story, canvasmaker=_canvas_class(kit.fonts.body, note))
    return buffer.getvalue()
