"""The local SQLite store: engine, migrations, change log, search, backup.

``Store`` and ``open_store`` are loaded on first use (PEP 562): importing a stdlib-only part of the
package (``crypto``, ``direct``, ``migrate``) must not import SQLAlchemy, which ``database`` does —
the CLI's reading commands and the desktop's start-up read the store before or without it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from advisor_app.store.database import Store, open_store

__all__ = ["Store", "open_store"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from advisor_app.store import database

        return getattr(database, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
