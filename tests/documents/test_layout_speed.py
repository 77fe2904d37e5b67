"""The line breaker's work grows linearly with the text, and a paragraph is measured once (issue 13 bench).

No timings: the tests count steps (traced lines of the breaker), width look-ups and breaks.
"""

from __future__ import annotations

import sys

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import paragraph as rl_paragraph

from advisor_app.documents import layout
from advisor_app.documents.layout import TEXT_WIDTH, Kit, Para

CLAUSE = "被申请人于2025年4月1日前拆除越界围墙（长1.9米），并补偿申请人人民币3000元；双方互不追究，"


def _paragraph(kit: Kit, repeat: int, style: ParagraphStyle | None = None) -> Para:
    return Para(kit.text(CLAUSE * repeat, "协议内容"), style or kit.body_style)


def _steps(para: Para, width: float) -> int:
    """Lines executed inside the breaker (``_split_cjk`` and what it calls in layout.py)."""
    count = 0
    code = layout.__file__

    def tracer(frame, event, arg):  # noqa: ANN001, ANN202
        nonlocal count
        if frame.f_code.co_filename != code:
            return None
        if event == "line":
            count += 1
        return tracer

    sys.settrace(tracer)
    try:
        para.wrap(width, 1e9)
    finally:
        sys.settrace(None)
    return count


def test_breaking_twice_the_text_takes_twice_the_steps() -> None:
    kit = Kit()
    small = _steps(_paragraph(kit, 40), TEXT_WIDTH)
    large = _steps(_paragraph(kit, 160), TEXT_WIDTH)
    # Linear: 4× the text, about 4× the steps (a quadratic breaker would take about 16×).
    assert 3.5 < large / small < 4.5, (small, large)


def test_narrow_cells_stay_linear() -> None:
    """A long field in a narrow form cell (many short lines, many break-rule push-backs)."""
    kit = Kit()
    small = _steps(Para(kit.text(CLAUSE * 20, "备注"), kit.cell_style), 60)
    large = _steps(Para(kit.text(CLAUSE * 80, "备注"), kit.cell_style), 60)
    assert 3.5 < large / small < 4.5, (small, large)


def test_each_character_is_measured_once_per_font_and_size(monkeypatch) -> None:  # noqa: ANN001
    calls = []
    real = rl_paragraph.stringWidth

    def counted(text, font, size, *args):  # noqa: ANN001, ANN202
        calls.append(text)
        return real(text, font, size, *args)

    monkeypatch.setattr(rl_paragraph, "stringWidth", counted)
    monkeypatch.setattr(layout, "_WIDTHS", {})
    kit = Kit()
    style = ParagraphStyle("odd", parent=kit.body_style, fontSize=15.5)  # a size no other test caches
    para = _paragraph(kit, 200, style)
    para.wrap(TEXT_WIDTH, 1e9)
    distinct = len(set(CLAUSE))
    assert len(calls) <= distinct, len(calls)
    assert len(calls) == len(set(calls))


def test_the_same_width_is_broken_once() -> None:
    kit = Kit()
    para = _paragraph(kit, 30)
    broken = []
    real = layout._split_cjk

    def counted(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        broken.append(args[1])
        return real(*args, **kwargs)

    layout._split_cjk = counted
    try:
        first = para.wrap(TEXT_WIDTH, 1e9)
        for _ in range(5):  # a table measures a cell, then draws it; a page is tried, then the next
            assert para.wrap(TEXT_WIDTH, 1e9) == first
        para.wrap(TEXT_WIDTH / 2, 1e9)
    finally:
        layout._split_cjk = real
    assert len(broken) == 2  # one per width


def test_cached_lines_match_a_fresh_break() -> None:
    """A paragraph wrapped again at an earlier width gets the lines a new paragraph would get."""
    kit = Kit()
    para = _paragraph(kit, 12)
    para.wrap(TEXT_WIDTH, 1e9)
    para.wrap(200, 1e9)
    para.wrap(TEXT_WIDTH, 1e9)
    fresh = _paragraph(kit, 12)
    fresh.wrap(TEXT_WIDTH, 1e9)

    def texts(p: Para) -> list[str]:
        return ["".join(w.text for w in line.words) for line in p.blPara.lines]

    assert texts(para) == texts(fresh)
    assert "".join(texts(fresh)) == CLAUSE * 12
