"""The same rare-character fallback on screen: 𠮷 and an Extension G character show in a form field.

The fallback fonts are loaded lazily (after the main window shows), so start-up does not read them.
"""

from __future__ import annotations

import subprocess
import sys

from PySide6.QtCore import QPointF
from PySide6.QtGui import QTextLayout
from PySide6.QtWidgets import QLineEdit

from ui import fonts

RARE = "𠮷祥周\U00030000"


def _glyph_fonts(widget: QLineEdit, text: str) -> dict[str, bool]:
    """Each character's font as Qt lays it out in the widget's font: does that font have the glyph?"""
    layout = QTextLayout(text, widget.font())
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(10_000)
    line.setPosition(QPointF(0, 0))
    layout.endLayout()
    found: dict[str, bool] = {}
    for run in layout.glyphRuns():
        raw = run.rawFont()
        for char in text:
            if raw.supportsCharacter(ord(char)):
                found[char] = True
    return found


def test_rare_names_show_in_a_form_field(qtbot):
    families = fonts.load_fallback_fonts()
    assert {"HanaMinA", "HanaMinB", "BabelStone Han"} <= set(families)
    field = QLineEdit()
    qtbot.addWidget(field)
    field.insert(RARE)  # what an input method commits (QTest types ASCII only)
    field.show()
    qtbot.waitExposed(field)
    assert field.text() == RARE
    shown = _glyph_fonts(field, field.text())
    assert all(shown.get(c) for c in RARE), shown
    assert fonts.load_fallback_fonts() is families  # loaded once


def test_fallback_fonts_are_not_loaded_on_the_start_up_path():
    """make_app and the main window's imports leave the fonts alone; load_later defers them."""
    script = (
        "import os; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from ui.app import make_app\n"
        "app = make_app()\n"
        "import ui.main_window\n"
        "from PySide6.QtGui import QFontDatabase\n"
        "from ui import fonts\n"
        "assert fonts._families is None\n"
        "assert not any('HanaMin' in f for f in QFontDatabase.applicationFontFamilies(0))\n"
        "fonts.load_later(0)\n"
        "assert fonts._families is None\n"
        "from PySide6.QtCore import QTimer\n"
        "QTimer.singleShot(50, app.quit)\n"
        "app.exec()\n"
        "assert 'HanaMinB' in fonts._families, fonts._families\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert out.stdout.strip().endswith("ok"), out.stderr
