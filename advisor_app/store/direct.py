"""The store through the DB-API driver alone (sqlite3, or sqlcipher3 for an encrypted store).

Why: every CLI command should answer in under half a second as a whole process, and importing
SQLAlchemy alone costs about 0.34 s of that. A command that only reads (``advisor search``,
``sync-status``, ``conflicts`` when there are none) — or writes one record with SQL of its own —
needs nothing of SQLAlchemy but the driver underneath it. This module imports the standard library
and the driver only (a test checks it in a subprocess).

:func:`open_direct` opens the store only when opening it needs nothing but reading: the file
exists, is at the head revision, is encrypted exactly when a key is found without asking anyone
(the key comes from ``crypto.store_key`` as for ``open_store``), and has its device id. Anything
else (a store to create, migrate, encrypt or to unlock with a password) gives ``None``, and the
caller opens the full store (``database.open_store``), which does that work or raises the proper
Chinese error. So that a command has one code path either way, :meth:`DirectStore.of` gives the
same small interface over a full store's own driver connection.

The connection is in autocommit mode (``isolation_level=None``), as the engine's are: a caller that
writes issues ``BEGIN IMMEDIATE`` / ``COMMIT`` itself (``plain_sql.writing``), and
``plain_sql.reading`` wraps several reads in one deferred transaction, on this store as on a full one.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING, Any

from advisor_app.data_folder import DB_NAME, default_data_dir
from advisor_app.store import crypto, migrate

if TYPE_CHECKING:
    from advisor_app.store.database import Store

# The pragmas every connection to the store gets, the engine's (store/engine.py) and the direct
# store's alike: WAL keeps readers unblocked while the worker writes; FULL fsyncs every commit, so a
# power cut loses nothing that was reported saved; 32 MB of page cache: a township's dashboard reads
# the same pages several times per refresh, and on an encrypted store every page read from disk is
# decrypted again.
BUSY_TIMEOUT_MS = 10000
PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    "PRAGMA foreign_keys=ON",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
    "PRAGMA cache_size=-32768",
)
DEFAULT_USER = "本机用户"  # Store.user when the settings name nobody


class DirectStore:
    """One installation's store on a DB-API connection, with what ``Store`` knows of its writer
    (``device_id``, ``user``, ``synced``) for a command that stamps a record itself."""

    def __init__(self, data_dir: Path, conn: Any, key: bytes | None, *, store: Store | None = None) -> None:
        self.data_dir = data_dir
        self.path = data_dir / DB_NAME
        self.conn = conn
        self.key = key
        self._store = store  # the full store this one reads through (DirectStore.of), not ours to close
        self._raw: Any = None  # that store's pooled connection, handed back at close()
        self._opened: Store | None = None  # a full store opened by full_store(), closed with this one
        settings = self.settings()
        self.device_id = settings.get("device_id", "")
        self.user = settings.get("user") or DEFAULT_USER
        self.synced = bool(settings.get("server_url"))

    @classmethod
    def of(cls, store: Store) -> DirectStore:
        """The same interface over a full store's own driver connection (checked out of its pool;
        the engine's connect hook has set the pragmas and autocommit): the fallback of a command
        that runs on the direct store, so it runs the same SQL. ``store`` stays its owner's to close."""
        raw = store.engine.raw_connection()
        direct = cls(store.data_dir, raw.driver_connection, store.key, store=store)
        direct._raw = raw
        return direct

    @property
    def attachments_dir(self) -> Path:
        return self.data_dir / "attachments"

    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return default if row is None or row[0] is None else row[0]

    def settings(self) -> dict[str, str]:
        return dict(self.conn.execute("SELECT key, value FROM settings").fetchall())

    def full_store(self) -> Store:
        """The full store (SQLAlchemy, the ORM's units of work) for what this interface cannot do:
        the one it was made of, or one opened now and closed with this one."""
        if self._store is not None:
            return self._store
        if self._opened is None:
            from advisor_app.store.database import open_store

            self._opened = open_store(self.data_dir)
        return self._opened

    def close(self) -> None:
        """As ``Store.close``: refresh stale planner statistics (bounded), then close."""
        if self._opened is not None:
            self._opened.close()
            self._opened = None
        if self._raw is not None:  # the full store's connection: back to its pool, its owner closes it
            self._raw.close()
            self._raw = None
            return
        try:
            self.conn.execute("PRAGMA analysis_limit=1000")
            self.conn.execute("PRAGMA optimize")
        finally:
            self.conn.close()


def open_direct(data_dir: Path | str | None) -> DirectStore | None:
    """The store in ``data_dir`` opened through the driver alone, or ``None`` when opening it
    needs more than reading (see the module's docstring); then use ``database.open_store``."""
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    path = data_dir / DB_NAME
    if not path.is_file() or path.stat().st_size == 0:
        return None  # open_store creates it
    encrypted = crypto.is_encrypted(path)
    try:
        key = crypto.store_key(data_dir, create=False)
    except Exception:  # a password to ask, a bad ADVISOR_DB_KEY, a broken keyring: open_store says so
        return None
    if encrypted != (key is not None):
        return None  # encrypted without a key (open_store refuses), or plain with one (open_store encrypts)
    errors: tuple[type[BaseException], ...] = (sqlite3.Error,)
    if key is not None:
        import sqlcipher3

        errors = (*errors, sqlcipher3.Error)
    conn = None
    try:
        conn = crypto.connect(path, key)
        conn.isolation_level = None  # autocommit: BEGIN is the caller's (as the engine's connections)
        for pragma in PRAGMAS:
            conn.execute(pragma)
        if migrate.revision_of(conn) != migrate.head_revision():
            conn.close()
            return None  # open_store backs it up and upgrades it
        direct = DirectStore(data_dir, conn, key)
    except errors:  # a key that does not open it, a damaged file: open_store gives the error
        if conn is not None:
            conn.close()
        return None
    if not direct.device_id:
        conn.close()
        return None  # open_store writes one
    return direct
