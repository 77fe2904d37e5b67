"""The Chinese font for report PDFs: the documents' font chain (configured, bundled, then system).

A village or person name with a 生僻字 prints through the same fallback fonts as the documents
(HanaMin A/B, BabelStone Han, SimSun-ExtB), glyph by glyph.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from advisor_app.documents import fonts


def chinese_font() -> str:
    """The registered reportlab name of the body font; raises ``fonts.FontError`` when there is none."""
    return fonts.chain().body


def markup(value: object) -> str:
    """Paragraph markup for ``value``: escaped, characters the body font lacks in a fallback face.

    A character no font has stays as it is (a report is a working copy, not a signed document).
    """
    if value is None:
        return ""
    chain = fonts.chain()
    out: list[str] = []
    for char in str(value):
        face = chain.font_for(char, chain.body) if ord(char) > 0x2E80 else chain.body
        text = escape(char)
        out.append(text if face in (None, chain.body) else f'<font face="{face}">{text}</font>')
    return "".join(out)
