"""The small layout kit every document shares: A4 official layout, styles, forms, signatures, paging.

Page geometry follows the 党政机关公文格式 (GB/T 9704) that Chinese offices expect: A4, type area
156 × 225 mm, title 二号 (22 pt), body 三号 (16 pt) with an even 28 pt line, page numbers at the
foot as “第 X 页 共 Y 页”. Text reaches the page only through :meth:`Kit.text`, which picks a font
with a glyph for every character and records the characters none can draw, so a document with a
生僻字 is refused before printing instead of showing empty boxes.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any
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
from reportlab.platypus import paragraph as rl_paragraph
from reportlab.platypus.doctemplate import LayoutError

from advisor_app.documents.fonts import FontChain, chain
from advisor_app.domain.clock import china_today
from advisor_app.domain.validation import ValidationError

PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT, RIGHT, TOP, BOTTOM = 28 * mm, 26 * mm, 37 * mm, 35 * mm
TEXT_WIDTH = PAGE_WIDTH - LEFT - RIGHT
FRAME_HEIGHT = PAGE_HEIGHT - TOP - BOTTOM
TITLE_SIZE, BODY_SIZE, TABLE_SIZE = 22, 16, 14
BODY_LEADING, TABLE_LEADING = 28, 21
CREATOR = "乡村法律服务工作台"
CN_ORDINALS = "一二三四五六七八九"
# A form cell taller than this many lines is cut into rows of at most this many (“（续）”), so a long
# field flows over pages: reportlab cannot split one row's spanned cell across pages.
MAX_ROW_LINES = 8


class Unprintable(ValidationError):
    """Characters that no available font can draw; ``errors`` maps the field to a Chinese message."""


class LayoutFailure(ValueError):
    """The last line of defence: reportlab could not place something (never expected; no traceback)."""


def ordinal(n: int) -> str:
    """1 -> 一, 12 -> 十二, 25 -> 二十五: numbering of agreement terms (一、二、…)."""
    if n < 1 or n > 99:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else CN_ORDINALS[tens - 1] + "十")
    return head + (CN_ORDINALS[ones - 1] if ones else "")


def cn_date(value: date | str | None) -> str:
    """2026-03-05 -> 2026年3月5日 (no spaces, no zero padding); no date leaves blanks to write in by hand."""
    if value is None or value == "":
        return "　　　　年　　月　　日"
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    return f"{value.year}年{value.month}月{value.day}日"


_TYPED_DATE = re.compile(r"(\d{4})[ \xa0]*年[ \xa0]*0?(\d{1,2})[ \xa0]*月(?:[ \xa0]*0?(\d{1,2})[ \xa0]*日)?")


def tidy_dates(text: str) -> str:
    """Dates typed into clauses as “2025 年 04 月 01 日” print the official way: 2025年4月1日."""

    def one(match: re.Match) -> str:
        year, month, day = match.groups()
        return f"{year}年{int(month)}月" + (f"{int(day)}日" if day else "")

    return _TYPED_DATE.sub(one, text)


# --- Chinese line breaking ----------------------------------------------------------------------------
# GB/T 15834 punctuation placement: closing marks never start a line, opening marks never end one.
CANNOT_START = set("，。、；：？！）」』】〕》〉”’…—·％‰,.;:?!)]}%～々")
CANNOT_END = set("（「『【〔《〈“‘([{￥$")
# Runs that must stay on one line: dates, case numbers, amounts in figures and in capitals.
# Phone, ID and other ASCII runs are kept whole by the ASCII rule in :func:`_glued`.
_UNBREAKABLE = re.compile(
    "|".join(
        [
            r"\d{4}[ \xa0]?年[ \xa0]?\d{1,2}[ \xa0]?月(?:[ \xa0]?\d{1,2}[ \xa0]?日)?",
            r"[（(]\d{4}[）)][\u3400-\u9fff]{1,12}?字第[ \xa0]?\d+[ \xa0]?号",
            r"(?:人民币[ \xa0]?)?[\d,]+(?:\.\d+)?[ \xa0]?(?:万元|元|角|分)",
            r"(?:人民币)?[零壹贰叁肆伍陆柒捌玖拾佰仟万亿]+[元圆][零壹贰叁肆伍陆柒捌玖拾角分整]*",
            r"\d+[ \xa0]?(?:岁|号|米|亩|平方米|分钟)",
        ]
    )
)


def _glued(before: str, after: str) -> bool:
    ascii_word = before.isascii() and after.isascii() and before.strip() and after.strip()
    return bool(ascii_word) or (before == after and before in "—…")


def _break_points(text: str) -> list[bool]:
    """``allowed[j]``: may a line start at ``text[j]``?"""
    allowed = [True] * (len(text) + 1)
    for j, (before, after) in enumerate(zip(text, text[1:], strict=False), 1):
        if after in CANNOT_START or before in CANNOT_END or after in " \xa0":
            allowed[j] = False
        elif (before == after or (before.isascii() and after.isascii())) and _glued(before, after):
            allowed[j] = False  # the pre-test only saves calls: Chinese text never reaches the rule
    for match in _UNBREAKABLE.finditer(text):
        for j in range(match.start() + 1, match.end()):
            allowed[j] = False
    return allowed


class _Units:
    """A paragraph's characters measured once, ready to be broken at any width.

    Building reportlab's per-character ``cjkU`` strings and calling ``stringWidth`` for each was most
    of a document's time, and a paragraph is wrapped several times per rendering (tables measure
    cells, then draw them; pages are tried), so everything that does not depend on the width is
    kept here and every width reuses it.
    """

    __slots__ = ("chars", "frags", "widths", "breaks", "joins", "metrics", "flat", "allowed", "plain")

    def __init__(self, frags: list) -> None:
        chars: list[str] = []
        owners: list[Any] = []  # reportlab's ParaFrag, untyped
        widths: list[Any] = []  # floats, or reportlab objects with normalizedValue
        # joins[k]: unit k continues the word of unit k - 1 (reportlab's sameFrag, asked once per frag pair).
        joins: list[bool] = []
        breaks: list[bool] = []
        known = _WIDTHS.get
        previous = None
        for frag in frags:
            text = frag.text.decode("utf8") if isinstance(frag.text, bytes) else frag.text
            pieces = text if text else [text]
            count = len(pieces)
            chars.extend(pieces)
            owners.extend([frag] * count)
            breaks.extend([hasattr(frag, "lineBreak")] * count)
            joins.append(previous is not None and bool(rl_paragraph.sameFrag(previous, frag)))
            joins.extend([bool(rl_paragraph.sameFrag(frag, frag))] * (count - 1))
            previous = frag
            if hasattr(frag, "cbDefn"):
                widths.extend([getattr(frag.cbDefn, "width", 0)] * count)
            else:
                font, size = frag.fontName, frag.fontSize
                widths.extend(known((font, size, c)) or _char_width(c, font, size) for c in pieces)
        self.chars, self.frags, self.widths = chars, owners, widths
        self.breaks, self.joins = breaks, joins
        self.metrics: dict[tuple[int, bool], tuple[float, float]] = {}
        self.flat = "".join(c if len(c) == 1 else "\n" for c in chars)
        self.allowed = _break_points(self.flat)
        self.plain = all(isinstance(w, (int, float)) for w in widths)

    def bounds(self, k: int, calc_bounds: bool) -> tuple[float, float]:
        """Ascent and descent of unit ``k`` as reportlab's ``makeCJKParaLine`` computes them."""
        frag = self.frags[k]
        key = (id(frag), calc_bounds)
        found = self.metrics.get(key)
        if found is None:
            cb: Any = getattr(frag, "cbDefn", None) if calc_bounds else None
            if getattr(cb, "width", 0):
                found = rl_paragraph.imgVRange(
                    rl_paragraph.imgNormV(cb.height, frag.fontSize), cb.valign, frag.fontSize
                )[::-1]
            else:
                found = rl_paragraph.getAscentDescent(frag.fontName, frag.fontSize)
            self.metrics[key] = found
        return found


_WIDTHS: dict[tuple[str, float, str], float] = {}


def _char_width(char: str, font: str, size: float) -> float:
    """``stringWidth`` of one character, cached per (font, size, character): the same few hundred recur."""
    key = (font, size, char)
    width = _WIDTHS.get(key)
    if width is None:
        width = _WIDTHS[key] = rl_paragraph.stringWidth(char, font, size)
    return width


def _split_cjk(frags: list, max_widths: Sequence[float], calc_bounds: bool, units: _Units | None = None):  # noqa: ANN202
    """Greedy line filling like reportlab's ``cjkFragSplit``, but a line ends only where Chinese rules allow.

    When no allowed break exists within a line (a 40-digit string in a narrow cell) the line is cut
    where it overflows, so layout always progresses. One pass over the characters: a line's
    characters are visited once, plus those pushed back to the next line by a break rule.
    """
    p = units or _Units(frags)
    chars, widths, breaks, allowed = p.chars, p.widths, p.breaks, p.allowed
    fuzz = rl_paragraph._FUZZ
    lines: list[Any] = []
    start, count = 0, len(chars)
    last_width = len(max_widths) - 1
    while start < count:
        limit = max_widths[min(len(lines), last_width)]
        cap = limit + fuzz
        used = 0.0
        end = None
        forced = False
        last_ok = None
        k = start
        while k < count:
            if k > start and allowed[k]:
                last_ok = k
            if breaks[k]:
                end, forced = k + 1, True
                break
            width = widths[k]
            if not p.plain and hasattr(width, "normalizedValue"):
                width._normalizer = limit
                width = width.normalizedValue(limit)
            if used + width > cap and k > start:
                end = last_ok if last_ok is not None else _emergency_end(p.flat, start, k)
                break
            used += width
            k += 1
        if end is None:
            end = count
        if p.plain:
            width_used = sum(widths[start:end])
        else:
            width_used = sum(w for w in widths[start:end] if not hasattr(w, "normalizedValue"))
        lines.append(_make_line(p, start, end, limit, width_used, forced, calc_bounds))
        start = end
    return rl_paragraph.ParaLines(kind=1, lines=lines)


def _make_line(p: _Units, start: int, end: int, limit: float, used: float, forced: bool, calc_bounds: bool):  # noqa: ANN202, PLR0913
    """reportlab's ``makeCJKParaLine`` over a run of units: one word per run of same-styled characters."""
    words = []
    max_size: float = 0
    max_ascent: float = 0
    min_descent: float = 0
    chars, joins, frags = p.chars, p.joins, p.frags
    k = start
    while k < end:
        j = k + 1
        while j < end and joins[j]:
            j += 1
        frag = frags[k]
        ascent, descent = p.bounds(k, calc_bounds)
        max_size = max(max_size, frag.fontSize)
        max_ascent = max(max_ascent, ascent)
        min_descent = min(min_descent, descent)
        word = frag.clone()
        word.text = "".join(chars[k:j])
        words.append(word)
        k = j
    return rl_paragraph.FragLine(
        kind=1,
        extraSpace=limit - used,
        wordCount=1,
        words=words,
        fontSize=max_size,
        ascent=max_ascent,
        descent=min_descent,
        maxWidth=limit,
        currentWidth=used,
        lineBreak=forced,
    )


def _emergency_end(text: str, start: int, overflow: int) -> int:
    """Where to cut a line that has no allowed break (an ID number filling a narrow cell).

    The run is cut where it overflows, but closing punctuation right there hangs in the margin
    (行末悬挂, at most two marks) rather than starting the next line.
    """
    end = overflow
    while end < len(text) and end - overflow < 2 and text[end] in CANNOT_START:
        end += 1
    if end == overflow and end - 1 > start and text[end - 1] in CANNOT_END:
        end -= 1
    return end


class Para(Paragraph):
    """A paragraph broken by Chinese rules (:func:`_split_cjk`) instead of reportlab's one-character push-back."""

    def breakLinesCJK(self, maxWidths):  # noqa: ANN001, ANN201, N802, N803 - reportlab's names
        if not isinstance(maxWidths, (list, tuple)):
            maxWidths = [maxWidths]  # noqa: N806
        if hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
            return self.blPara
        self.height = 0
        rl_paragraph._handleBulletWidth(self.bulletText, self.style, maxWidths)
        if not self.frags:
            style = self.style
            return rl_paragraph.ParaLines(
                kind=0,
                fontSize=style.fontSize,
                fontName=style.fontName,
                textColor=style.textColor,
                lines=[],
                ascent=style.fontSize,
                descent=-0.2 * style.fontSize,
            )
        auto = getattr(self, "autoLeading", getattr(self.style, "autoLeading", ""))
        calc_bounds = auto not in ("", "off")
        # The same paragraph is wrapped at the same width several times per rendering (a table
        # measures its cells, then draws them); its frags never change, so neither do its lines.
        key = (*maxWidths, calc_bounds)
        broken = self.__dict__.setdefault("_broken", {})
        if key not in broken:
            units = self.__dict__.get("_units")
            if units is None:
                units = self._units = _Units(self.frags)
            broken[key] = _split_cjk(self.frags, maxWidths, calc_bounds, units)
        return broken[key]

    def split(self, availWidth, availHeight):  # noqa: ANN001, ANN201, N803 - reportlab's names
        kept = getattr(self, "blPara", None) if getattr(self, "_splitpara", 0) else None
        parts = super().split(availWidth, availHeight)
        if not parts and kept is not None:
            self.blPara = kept  # no room here: reportlab drops the lines, the next frame needs them
        if len(parts) == 2 and hasattr(parts[0], "blPara") and hasattr(self, "blPara"):
            # The rest keeps the lines already broken: every frame and cell piece has the same
            # width, and breaking a 20,000-character field again on each page is quadratic.
            rest = parts[1]
            rest.blPara = rl_paragraph.ParaLines(
                kind=1, lines=self.blPara.lines[len(parts[0].blPara.lines) :]
            )
            rest._splitpara = 1
        return parts

    def _get_split_blParaFunc(self):  # noqa: ANN202, N802 - reportlab's name
        # reportlab joins the lines of a split paragraph with a space, right for English and a
        # stray gap in Chinese; the lines already hold every character, spaces included.
        return _rejoin_lines


def _rejoin_lines(para_lines, start: int, stop: int) -> list:  # noqa: ANN001
    frags: list = []
    for line in para_lines.lines[start:stop]:
        frags.extend(line.words)
    return frags


def age_on(birth: date | str | None, on: date | str | None) -> str:
    if not birth:
        return ""
    birth = date.fromisoformat(birth[:10]) if isinstance(birth, str) else birth
    on = date.fromisoformat(on[:10]) if isinstance(on, str) else (on or china_today())
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
            wordWrap="CJK",
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
        run_font, run = font, list[str]()

        def flush() -> None:
            if not run:
                return
            chunk = escape("".join(run))
            out.append(chunk if run_font == font else f'<font face="{run_font}">{chunk}</font>')
            run.clear()

        # reportlab collapses and trims ideographic spaces like any whitespace; blanks left to be
        # written in by hand (“　　年　　月　　日”) keep their width as non-breaking spaces.
        for char in tidy_dates(str(value)).replace("\u3000", "\xa0\xa0"):
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
            f"{label}：{shown} 本机所有中文字体（含生僻字字体）都无法显示，打印会成为空白方框。"
            "请安装含该字的字体（花园明朝 HanaMinA/HanaMinB、BabelStone Han；Windows 自带 SimSun-ExtB）"
            "后重新打开程序，或改写该字（如用同音字并手写补正）后再打印"
        )

    def check(self) -> None:
        if self.problems:
            raise Unprintable(self.problems)

    # --- flowables --------------------------------------------------------------------------------

    def title(self, text: str, label: str | None = None) -> Paragraph:
        return Para(self.text(text, label, self.fonts.title), self.title_style)

    def right(self, text: str, label: str | None = None) -> Paragraph:
        return Para(self.text(text, label), self.right_style)

    def heading(self, text: str) -> Paragraph:
        return Para(self.text(text, None, self.fonts.title), self.heading_style)

    def paragraphs(self, text: object, label: str, *, indent: bool = True) -> list[Paragraph]:
        """Running text, one paragraph per line of the input, first line indented two characters."""
        style = self.body_style if indent else self.plain_style
        lines = [line.strip() for line in str(text or "").splitlines() if line.strip()]
        if not lines:
            lines = ["（无）"]
        return [Para(self.text(line, label), style) for line in lines]

    def line(self, text: str, label: str | None = None, *, indent: bool = False) -> Paragraph:
        return Para(self.text(text, label), self.body_style if indent else self.plain_style)

    def labelled(self, caption: str, value: object, label: str) -> Paragraph:
        """“caption：value” on one paragraph, the caption in the title face."""
        head = self.text(f"{caption}：", None, self.fonts.title)
        return Para(head + self.text(value, label), self.plain_style)

    def numbered(self, items: Sequence[str], label: str) -> list[Paragraph]:
        style = ParagraphStyle("term", parent=self.body_style)
        return [
            Para(self.text(f"{ordinal(n)}、{item}", f"{label}第 {n} 条"), style)
            for n, item in enumerate(items, 1)
        ]

    def cell(self, content: object, style: ParagraphStyle | None = None) -> Paragraph:
        if isinstance(content, Value):
            style = self.cell_style if content.align == "left" else self.label_style
            return Para(self.text(content.text, content.label), style)
        return Para(self.text(content, None), style or self.label_style)

    def form(
        self,
        rows: Sequence[Sequence[object]],
        widths: Sequence[float],
        spans: Iterable[tuple[tuple[int, int], tuple[int, int]]] = (),
        *,
        heights: Sequence[float | None] | None = None,
        keep_last: int = 0,
        footer: str | None = None,
    ) -> Table:
        """A bordered form (登记表 style): plain strings are captions, :class:`Value` cells are data.

        ``heights`` fixes rows meant to be written in by hand (signatures); ``None`` sizes to content.
        Spans join cells of one row. A cell longer than :data:`MAX_ROW_LINES` lines continues in
        further rows (caption “（续）”), so every row fits a page and a long field flows over pages.
        ``keep_last`` rows at the end (signature rows) stay on the page of the row before them;
        ``footer`` is a signature line under the form, kept with its last row.
        """
        total = sum(widths)
        scaled = [w * TEXT_WIDTH / total for w in widths]
        spans = list(spans)
        heights = list(heights) if heights is not None else [None] * len(rows)
        out_rows: list[list[object]] = []
        out_spans: list[tuple[tuple[int, int], tuple[int, int]]] = []
        out_heights: list[float | None] = []
        for r, row in enumerate(rows):
            row_spans = [(a[0], b[0]) for a, b in spans if a[1] == r]
            pieces = [self._cell_pieces(c, self._cell_width(scaled, row_spans, i)) for i, c in enumerate(row)]
            for n in range(max(len(p) for p in pieces)):
                if n == 0:
                    cells = [p[0] for p in pieces]
                else:
                    cells = [
                        p[n] if n < len(p) else (self.cell("（续）") if i == 0 else "")
                        for i, p in enumerate(pieces)
                    ]
                out_spans += [((a, len(out_rows)), (b, len(out_rows))) for a, b in row_spans]
                out_rows.append(cells)
                out_heights.append(heights[r] if n == 0 else None)
        if footer:
            out_rows.append([Para(self.text(footer, None), self.right_style)] + [""] * (len(scaled) - 1))
            out_spans.append(((0, len(out_rows) - 1), (-1, len(out_rows) - 1)))
            out_heights.append(None)
            keep_last += 1
        table = Table(out_rows, colWidths=scaled, rowHeights=out_heights, splitByRow=1)
        style = [
            ("GRID", (0, 0), (-1, -2 if footer else -1), 0.75, colors.black),
            # Empty cells are drawn as strings too; without this they pull in unembedded Helvetica.
            ("FONTNAME", (0, 0), (-1, -1), self.fonts.body),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ]
        style += [("SPAN", a, b) for a, b in out_spans]
        if footer:
            style += [("TOPPADDING", (0, -1), (-1, -1), 18), ("RIGHTPADDING", (0, -1), (-1, -1), 0)]
        if keep_last and len(out_rows) > keep_last:
            style.append(("NOSPLIT", (0, len(out_rows) - keep_last - 1), (-1, -1)))
        table.setStyle(TableStyle(style))
        return table

    @staticmethod
    def _cell_width(widths: Sequence[float], row_spans: list[tuple[int, int]], column: int) -> float:
        for first, last in row_spans:
            if first == column:
                return sum(widths[first : last + 1])
        return widths[column]

    def _cell_pieces(self, content: object, width: float) -> list[object]:
        """The cell as one flowable, or as pieces of at most :data:`MAX_ROW_LINES` lines each."""
        if content == "":
            return [""]
        para = self.cell(content)
        inner = width - 8  # the left and right padding
        _, height = para.wrap(inner, 1e9)
        limit = MAX_ROW_LINES * para.style.leading
        pieces: list[object] = []
        while height > limit + 1:
            parts = para.split(inner, limit)
            if len(parts) < 2:
                break
            pieces.append(parts[0])
            para = parts[1]
            _, height = para.wrap(inner, 1e9)
        pieces.append(para)
        return pieces

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
                "联系方式",
                "",
                "",
                Value(f"{where}联系方式", party.get("phone")),
                "",
            ],
            ["单位或住址", Value(f"{where}单位或住址", party.get("address")), "", "", "", "", "", ""],
        ]
        # The phone cell holds a landline with its area code (0913-2345678) on one line.
        return self.form(
            rows,
            [78, 110, 38, 30, 38, 44, 38, 66],
            spans=[((1, 1), (2, 1)), ((3, 1), (5, 1)), ((6, 1), (7, 1)), ((1, 2), (7, 2))],
        )

    def signatures(self, left: Sequence[tuple[str, str]], right: Sequence[tuple[str, str]]) -> Table:
        """Two columns of signature lines: (caption, printed name under the line)."""
        rows = max(len(left), len(right))
        cells = []
        for i in range(rows):
            row: list[object] = []
            for column in (left, right):
                if i < len(column):
                    caption, name = column[i]
                    block = self.text(caption, None) + "<br/><br/>"
                    if name:
                        block += f'<font size="12">{self.text(f"（{name}）", "签名栏姓名")}</font>'
                    row.append(Para(block, ParagraphStyle("sig", parent=self.plain_style, leading=24)))
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

    def keep_with_tail(self, before: list[Flowable], block: list[Flowable]) -> list[Flowable]:
        """``before`` then ``block`` (signatures), the block on one page with at least the end of ``before``.

        A page of signatures alone could be stapled to other terms. The end of ``before`` that fits
        on one page with the block (whole flowables, then the last lines of a paragraph) is kept
        together with it; the rest flows normally.
        """
        # A little slack: KeepTogether measures the group itself and must find it fits one frame.
        budget = FRAME_HEIGHT - 6 - sum(_height(f) for f in block)
        kept: list[Flowable] = []
        rest = list(before)
        while rest and budget > 0:
            last = rest[-1]
            height = _height(last)
            if height <= budget:
                kept.insert(0, rest.pop())
                budget -= height
                continue
            if isinstance(last, Paragraph):
                lines = len(last.blPara.lines) if hasattr(last, "blPara") else 0
                leading = last.style.leading
                room = int(budget // leading)
                if lines >= 2 and room >= 1:
                    # Split so that the last ``room`` lines (at most) travel with the block; one
                    # line left behind is better than a signature page without terms.
                    last.allowOrphans = 1
                    parts = last.split(TEXT_WIDTH, (lines - min(room, lines - 1)) * leading + 0.5)
                    if len(parts) == 2:
                        rest[-1] = parts[0]
                        kept.insert(0, parts[1])
            break
        # A heading left behind would stand alone at a page foot: give it the start of what follows.
        while rest and kept and rest[-1].getKeepWithNext():
            first = kept[0]
            if isinstance(first, Paragraph) and len(getattr(first, "blPara", _NO_LINES).lines) >= 2:
                first.allowOrphans = 1
                parts = first.split(TEXT_WIDTH, first.style.leading + 0.5)
                if len(parts) == 2:
                    rest.append(parts[0])
                    kept[0] = parts[1]
                    break
            rest.append(kept.pop(0))
        if not kept:
            return [*rest, KeepTogether(block)]
        return [*rest, KeepTogether([*kept, *block])]

    @staticmethod
    def space(height_mm: float) -> Spacer:
        return Spacer(1, height_mm * mm)

    @staticmethod
    def need(height_mm: float) -> CondPageBreak:
        return CondPageBreak(height_mm * mm)


_NO_LINES = rl_paragraph.ParaLines(kind=1, lines=[])


def _height(flowable: Flowable) -> float:
    _, height = flowable.wrap(TEXT_WIDTH, FRAME_HEIGHT)
    return height + flowable.getSpaceBefore() + flowable.getSpaceAfter()


# --- the document -----------------------------------------------------------------------------------


def _canvas_class(font: str, note: str | None):
    class NumberedCanvas(Canvas):
        """Defers page output so each page can say how many pages its document has."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
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
    try:
        doc.build(story, canvasmaker=_canvas_class(kit.fonts.body, note))
    except LayoutError as exc:
        # Not expected (every field flows over pages); a Chinese message instead of a traceback.
        raise LayoutFailure(f"文书“{title}”排版失败：某一栏内容无法放入页面，请缩短后重试") from exc
    return buffer.getvalue()
