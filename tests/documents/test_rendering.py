"""Pages rendered by poppler (pdftoppm): no empty boxes, and the layout matches a golden signature.

The golden file holds a coarse ink-density grid per page (dark share per cell); regenerate it after
a deliberate layout change with ``ADVISOR_UPDATE_GOLDEN=1``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from PIL import Image, ImageChops
from reportlab.pdfgen.canvas import Canvas

from advisor_app.documents.fonts import chain
from advisor_app.documents.layout import Kit, render
from advisor_app.services import printing

from .pdfcheck import render_pages, text

GOLDEN = Path(__file__).parent / "golden"
GRID = (8, 12)  # columns, rows
TOLERANCE = 0.04  # share of dark pixels per cell


def signature(png: Path) -> list[float]:
    image = Image.open(png).convert("L")
    width, height = image.size
    cells = []
    for row in range(GRID[1]):
        for column in range(GRID[0]):
            box = (
                column * width // GRID[0],
                row * height // GRID[1],
                (column + 1) * width // GRID[0],
                (row + 1) * height // GRID[1],
            )
            histogram = image.crop(box).histogram()
            cells.append(round(sum(histogram[:128]) / sum(histogram), 4))
    return cells


def test_agreement_layout_matches_the_golden_signature(mediated, tmp_path):
    pdf = printing.agreement_pdf(mediated, mediated.agreement_id)
    pages = [signature(p) for p in render_pages(pdf, tmp_path)]
    golden = GOLDEN / "agreement_ink.json"
    if os.environ.get("ADVISOR_UPDATE_GOLDEN"):
        golden.write_text("[\n" + ",\n".join(json.dumps(page) for page in pages) + "\n]\n")
    expected = json.loads(golden.read_text())
    assert len(pages) == len(expected)
    for number, (got, want) in enumerate(zip(pages, expected, strict=True), 1):
        worst = max(abs(a - b) for a, b in zip(got, want, strict=True))
        assert worst <= TOLERANCE, f"page {number}: a cell differs by {worst:.3f} from the golden layout"
    assert any(v > 0.01 for v in pages[0]), "the first page is blank"


def test_every_printed_character_has_a_glyph(mediated):
    fonts = chain()
    pdf = printing.case_document(mediated, "file", mediated.case_id)
    printed = set(text(pdf))
    assert printed
    assert [c for c in printed if fonts.font_for(c, fonts.body) is None] == []


def _draw(tmp_path: Path, name: str, char: str, font: str) -> Image.Image:
    """One character drawn straight on a canvas, bypassing the kit's checks."""
    path = tmp_path / f"{name}.pdf"
    canvas = Canvas(str(path), pagesize=(120, 120), invariant=1)
    canvas.setFont(font, 80)
    canvas.drawString(20, 30, char)
    canvas.save()
    folder = tmp_path / name
    folder.mkdir()
    return Image.open(render_pages(path.read_bytes(), folder, 72)[0]).convert("L")


def test_rare_character_is_drawn_not_a_box(tmp_path):
    fonts = chain()
    rare = "\U0002003e"  # 𠀾, CJK Extension B
    font = fonts.font_for(rare, fonts.body)
    assert font is not None, (
        "no font on this machine has 𠀾; the kit must then refuse it (see test_agreement)"
    )
    missing = next(chr(c) for c in range(0x30000, 0x3134B) if fonts.font_for(chr(c), fonts.body) is None)
    drawn = _draw(tmp_path, "rare", rare, font)
    tofu = _draw(tmp_path, "tofu", missing, font)
    # The .notdef glyph is what an unknown character shows; the rare one must look different and have ink.
    assert ImageChops.difference(drawn, tofu).getbbox() is not None
    assert drawn.getextrema()[0] < 128


def test_the_kit_refuses_what_would_be_a_box():
    kit = Kit()
    fonts = kit.fonts
    missing = next(chr(c) for c in range(0x30000, 0x3134B) if fonts.font_for(chr(c), fonts.body) is None)
    flowable = kit.line("地址" + missing, "住址")
    try:
        render(kit, [[flowable]], title="t")
    except ValueError as exc:
        assert "住址" in str(exc) and missing in str(exc)
    else:
        raise AssertionError("a character without a glyph was printed")
