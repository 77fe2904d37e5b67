"""The Chinese font for report PDFs: the documents' font chain (configured, bundled, then system)."""

from __future__ import annotations

from advisor_app.documents import fonts


def chinese_font() -> str:
    """The registered reportlab name of the body font; raises ``fonts.FontError`` when there is none."""
    return fonts.chain().body
