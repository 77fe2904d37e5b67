"""The desktop's own preferences read before the window shows (font size, language): their keys
and defaults live here, in a module without services, so ``make_app`` does not import the 设置
page (and with it the store's services) before the first paint; ``ui.settings_page`` uses them."""

from __future__ import annotations

FONT_SETTING = "ui/font_point_size"
LANGUAGE_SETTING = "ui/language"
DEFAULT_FONT_SIZE = 11
LARGE_FONT_SIZE = 14
