"""Work-arounds for defects of the installed Qt binding, applied once when ``ui`` is imported.

shiboken6 6.12.0 on Python < 3.12 drops one reference to ``None`` on every call of a Qt method that
returns void (it assumes ``None`` is immortal, as it is from Python 3.12 on). After a few thousand
calls ``None``'s count reaches zero and the interpreter aborts ("none_dealloc"). Until the binding is
fixed or pinned, ``None`` is given the large reference count that 3.12 gives it by design.
"""

from __future__ import annotations

import ctypes
import sys

IMMORTAL = 1 << 40


def affected() -> bool:
    if sys.version_info >= (3, 12):
        return False
    try:
        import shiboken6
    except ImportError:
        return False
    return tuple(int(p) for p in shiboken6.__version__.split(".")[:2]) >= (6, 12)


def guard_none_refcount() -> bool:
    """Raise ``None``'s reference count out of reach on affected versions; True when applied."""
    if not affected():
        return False
    count = ctypes.c_ssize_t.from_address(id(None))
    if count.value < IMMORTAL:
        count.value += IMMORTAL
    return True
