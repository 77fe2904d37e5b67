"""The Chinese font for report PDFs.

One small function so it can be swapped for the documents engineer's font chain
(advisor_app.documents.fonts) once that is the shared lookup.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

CANDIDATES = (
    Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"),
    Path("/usr/share/fonts/truetype/arphic/uming.ttc"),
    Path("C:/Windows/Fonts/simsun.ttc"),
)
FONT_NAME = "ReportCJK"


@cache
def chinese_font() -> str:
    """Register the first available CJK font with reportlab and return its name."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    for path in CANDIDATES:
        if path.exists():
            pdfmetrics.registerFont(TTFont(FONT_NAME, str(path), subfontIndex=0))
            return FONT_NAME
    raise OSError("找不到中文字体：请安装文泉驿正黑（fonts-wqy-zenhei）或 AR PL UMing 后再导出 PDF")
