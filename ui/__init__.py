"""The PySide6 desktop app of 乡村法律服务工作台 (see docs/ui.md)."""

from ui import qt_compat

qt_compat.guard_none_refcount()
