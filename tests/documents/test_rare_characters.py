"""Every character a form accepts prints: CJK Extensions A–F completely, G as far as free fonts reach (issue 13 §2).

The fallback fonts (HanaMin A/B from fonts-hanazono, BabelStone Han from fonts-babelstone-han;
SimSun-ExtB on Windows) are used glyph by glyph after the body font. Names with a character of
each extension go into every document: the text is extractable, every font is embedded, and the
glyphs are drawn, not empty boxes.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from advisor_app.documents import CASE_DOCUMENTS, render_case_document, render_consultation
from advisor_app.documents.fonts import FontSource, chain, register

from . import plain
from .pdfcheck import pdffonts, render_pages

BLOCKS = {
    "A": (0x3400, 0x4DBF),
    "B": (0x20000, 0x2A6DF),
    "C": (0x2A700, 0x2B73F),
    "D": (0x2B740, 0x2B81F),
    "E": (0x2B820, 0x2CEAF),
    "F": (0x2CEB0, 0x2EBEF),
    "G": (0x30000, 0x3134F),
}
EXT_G_FLOOR = 3000  # BabelStone Han holds about 3,000 of Extension G's 4,939


def _assigned(block: str) -> list[int]:
    first, last = BLOCKS[block]
    return [c for c in range(first, last + 1) if unicodedata.name(chr(c), None)]


def test_fallback_fonts_cover_extensions_a_to_f_completely():
    fonts = chain()
    fallbacks = fonts.fallback_sources
    names = {s.path.name for s in fallbacks}
    assert {"HanaMinA.ttf", "HanaMinB.ttf", "BabelStoneHan.ttf"} <= names, names
    cmaps = []
    for source in fallbacks:
        face = pdfmetrics.getFont(register(source)).face
        cmaps.append({c for c, g in face.charToGlyph.items() if g})
    union = set().union(*cmaps)
    coverage = {}
    for block in BLOCKS:
        assigned = _assigned(block)
        coverage[block] = (sum(1 for c in assigned if c in union), len(assigned))
    for block in "ABCDEF":
        held, total = coverage[block]
        assert held == total, f"Extension {block}: {held} of {total} ({coverage})"
    assert coverage["G"][0] >= EXT_G_FLOOR, coverage


def test_a_fallback_font_without_common_characters_is_accepted(tmp_path):
    """HanaMin B holds only the supplementary planes: as a fallback it is welcome, as the body font not."""
    hana_b = next(s for s in chain().fallback_sources if s.path.name == "HanaMinB.ttf")
    face = pdfmetrics.getFont(register(hana_b)).face
    assert not face.charToGlyph.get(ord("人"))
    copy = tmp_path / "HanaMinB-as-body.ttf"
    shutil.copyfile(hana_b.path, copy)
    with pytest.raises(ValueError, match="不含常用汉字"):
        register(FontSource(copy, 0, "配置"))


def test_every_extension_character_of_the_names_has_a_font():
    fonts = chain()
    for name in plain.RARE_NAMES.values():
        for char in name:
            font = fonts.font_for(char, fonts.body)
            assert font is not None, f"U+{ord(char):04X}"
            assert pdfmetrics.getFont(font).face.charToGlyph.get(ord(char)), f"U+{ord(char):04X}"


def _rare_case() -> dict:
    parties = [plain.party(n, name=name) for n, name in enumerate(plain.RARE_NAMES.values(), 1)]
    case = plain.case(parties=parties, mediator="𠮷祥", recorder="王䶮", closed_on="2025-04-05")
    case["agreement"] = plain.agreement(parties=parties, mediator="𠮷祥", recorder="王䶮")
    case["oral"] = case["agreement"] | {"kind": "口头"}
    return case


@pytest.fixture(scope="session")
def rare_pdfs() -> dict[str, bytes]:
    case = _rare_case()
    out = {kind: render_case_document(kind, case) for kind in [*CASE_DOCUMENTS, "file"]}
    out["consultation"] = render_consultation(plain.consultation(person_name="𠮷祥", adviser="周\U00030000"))
    return out


@pytest.mark.parametrize("kind", [*CASE_DOCUMENTS, "file", "consultation"])
def test_names_of_every_extension_print_in_every_document(rare_pdfs, kind, tmp_path):
    pdf = rare_pdfs[kind]
    raw = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    )
    printed = re.sub(r"\s+", "", raw.stdout.decode("utf-8"))
    expected = ["𠮷祥"] if kind == "consultation" else list(plain.RARE_NAMES.values())
    if kind == "consultation":
        expected.append("周\U00030000")
    assert [n for n in expected if n not in printed] == [], "names not extractable"
    table = pdffonts(pdf, tmp_path)
    rows = [line.split() for line in table.splitlines()[2:] if line.strip()]
    assert rows and all(row[-5] == "yes" for row in rows), table  # emb
    used = {row[0].split("+")[-1] for row in rows}
    needed = {"HanaMinA", "BabelStoneHan"} | (set() if kind == "consultation" else {"HanaMinB"})
    assert needed <= used, used


def _draw(folder: Path, name: str, char: str, font: str) -> Image.Image:
    path = folder / f"{name}.pdf"
    canvas = Canvas(str(path), pagesize=(120, 120), invariant=1)
    canvas.setFont(font, 80)
    canvas.drawString(20, 30, char)
    canvas.save()
    sub = folder / name
    sub.mkdir()
    return Image.open(render_pages(path.read_bytes(), sub, 72)[0]).convert("L")


def test_extension_glyphs_are_drawn_not_boxes(tmp_path):
    """Each extension's character, drawn with the font the kit picks, has ink and is not the .notdef box."""
    fonts = chain()
    missing = next(chr(c) for c in _assigned("G") if fonts.font_for(chr(c), fonts.body) is None)
    for block, name in plain.RARE_NAMES.items():
        char = name[0] if ord(name[0]) > 0x3000 and block == "B" else name[-1]
        font = fonts.font_for(char, fonts.body)
        drawn = _draw(tmp_path, f"ext{block}", char, font)
        box = _draw(tmp_path, f"box{block}", missing, font)
        assert drawn.getextrema()[0] < 128, f"Extension {block}: no ink"
        assert ImageChops.difference(drawn, box).getbbox() is not None, f"Extension {block}: a box"


def test_a_character_no_font_has_is_reported_with_its_field_and_no_missing_setting():
    from advisor_app.documents.layout import Kit, Unprintable, render

    kit = Kit()
    fonts = kit.fonts
    missing = next(chr(c) for c in _assigned("G") if fonts.font_for(chr(c), fonts.body) is None)
    flowable = kit.line("桥南村" + missing + "组", "第 2 位当事人单位或住址")
    with pytest.raises(Unprintable) as caught:
        render(kit, [[flowable]], title="t")
    message = caught.value.errors["第 2 位当事人单位或住址"]
    assert missing in message and f"U+{ord(missing):04X}" in message
    assert "设置" not in message  # 设置 has no font choice: the message names fonts to install instead
    assert "HanaMin" in message and "SimSun-ExtB" in message


def test_report_pdfs_print_rare_names_through_the_fallback_fonts(tmp_path):
    from advisor_app.reports import pdf as report_pdf
    from advisor_app.reports.sheet import Sheet, Table

    rows = [["𠮷祥村", 3], ["王䶮村 & <二组>", 1]]
    tables = [Table("按村", ["村", "件数"], rows)]
    sheet = Sheet("调解案件统计表", "统计单位：𠮷祥村 & 二组", tables, footer="填报人：周\U00030000")
    path = report_pdf.write([sheet], tmp_path / "report.pdf")
    raw = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    )
    printed = re.sub(r"\s+", "", raw.stdout.decode("utf-8"))
    assert "𠮷祥村" in printed and "王䶮村&<二组>" in printed
    assert "统计单位：𠮷祥村&二组" in printed and "填报人：周\U00030000" in printed
    assert "HanaMinA" in pdffonts(path.read_bytes(), tmp_path)
