"""The local SQLite store: engine, migrations, change log, search, backup."""

from advisor_app.store.database import Store, open_store

__all__ = ["Store", "open_store"]
