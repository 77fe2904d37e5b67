"""Where the local store lives and what its files are called — standard library only.

The one home of these names: the store (advisor_app.store) and the desktop's start-up, which reads
them before SQLAlchemy is imported (advisor_app.last_view), both take them from here.
"""

from __future__ import annotations

import os
from pathlib import Path

DB_NAME = "advisor.db"
APP_NAME = "advisor-desk"
SALT_FILE = "store.salt"  # present: the store's key comes from a password
KEYRING_SERVICE = "advisor-desk-store"
# One key per system user, not per data folder: a backup restores into any folder on this PC.
KEYRING_USER = "store-key"


def default_data_dir() -> Path:
    """``ADVISOR_DATA_DIR`` or the platform's user data folder."""
    env = os.environ.get("ADVISOR_DATA_DIR")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
