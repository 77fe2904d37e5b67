"""Rare characters on screen: the documents' fallback fonts as Qt application fonts.

The same fonts that print 生僻字 (HanaMin A/B, BabelStone Han, SimSun-ExtB; bundled in
``resources/fonts/fallback/`` or installed) are added to Qt and made substitutes of the
application's font family, so a name like 𠮷祥 shows in the forms even where the system has no
font for it. They are large (up to 50 MB): :func:`load_later` loads them after the main window
shows, never on the start-up path.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

DELAY_MS = 800  # after the first paint of the main window
# Families that cover Han and that systems use for their own Chinese UI text, first found wins:
# Windows (all since 8), macOS, then Linux's usual ones (fontconfig's match for :lang=zh-cn).
HAN_UI_FAMILIES = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "Droid Sans Fallback",
)

_families: list[str] | None = None


def load_fallback_fonts() -> list[str]:
    """Load the fallback fonts once; returns their Qt family names (empty when none are found)."""
    global _families
    if _families is not None:
        return _families
    from advisor_app.documents.fonts import fallback_files

    families: list[str] = []
    for path in fallback_files():
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            import logging  # here, not at the top: every module name imported before the first
            # paint costs a read of its source (PySide's import hook, docs/architecture.md)

            logging.getLogger(__name__).warning("无法加载生僻字字体 %s", path.name)
            continue
        families += [f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in families]
    app = QApplication.instance()
    if families and app is not None:
        # Glyph-by-glyph fallback: Qt tries the substitutes for characters the main family lacks.
        for family in dict.fromkeys([app.font().family(), *QFont(app.font()).families()]):
            QFont.insertSubstitutions(family, families)
    _families = families
    return families


def use_han_ui_family(app: QApplication) -> str | None:
    """Make the application font a family that covers Han, when the system has one.

    With a Latin default family (Linux's "Sans Serif", an English Windows' Segoe UI), the first
    Chinese text has Qt ask fontconfig for fallback fonts for the script (~7 ms, before the first
    paint) and every line is shaped across two fonts. The family a Chinese system uses for its UI
    anyway needs neither. Rare characters (CJK Ext B–G) still fall back: ``load_fallback_fonts``
    adds its fonts as substitutes of whatever family the application font then has."""
    # one list, not hasFamily() per name: that asks fontconfig to resolve each absent name
    installed = set(QFontDatabase.families())
    family = next((f for f in HAN_UI_FAMILIES if f in installed), None)
    if family is not None and app.font().family() != family:
        font = QFont(app.font())
        font.setFamilies([family])
        app.setFont(font)
    return family


def load_later(delay_ms: int = DELAY_MS) -> None:
    """Schedule :func:`load_fallback_fonts` once the event loop runs (after the window shows)."""
    QTimer.singleShot(delay_ms, load_fallback_fonts)
