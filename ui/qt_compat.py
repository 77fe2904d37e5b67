"""Work-arounds for defects of the installed Qt binding, applied once when ``ui`` is imported.

shiboken6 6.12.0 on Python < 3.12 drops one reference to ``None`` on every call of a Qt method that
returns void, and likewise to ``True``/``False`` on some calls (it assumes they are immortal, as they
are from Python 3.12 on). After a few thousand calls the count reaches zero and the interpreter
aborts ("none_dealloc", "bool_dealloc"). Until the binding is fixed or pinned (6.11.3 is correct),
these singletons get the large reference count that 3.12 gives them by design.
"""

from __future__ import annotations

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
    """Raise the singletons' reference counts out of reach on affected versions; True when applied."""
    if not affected():
        return False
    import ctypes  # only where applied: ~3 ms of every start otherwise (the window's first paint)

    for singleton in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(singleton))
        if count.value < IMMORTAL:
            count.value += IMMORTAL
    return True
