"""The store of one installation: a SQLite file in the data folder, opened through migrations.

Opening it is on the start-up path of the desktop and of every CLI command, so it loads SQLAlchemy
Core only: settings are read and written with plain SQL, and the ORM (``sqlalchemy.orm``, the
mapped models, the session hooks of ``store/changes.py``) is imported at the first unit of work
(:meth:`Store.session`). A command that only reads (``advisor search``, ``advisor sync-status``)
never pays for the mapping of the models.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, event, text

from advisor_app.data_folder import APP_NAME, DB_NAME, default_data_dir  # noqa: F401 - the store's names
from advisor_app.store import crypto, migrate
from advisor_app.store.direct import DEFAULT_USER
from advisor_app.store.engine import IMMEDIATE, sqlite_engine
from advisor_app.store.flush_hooks import run_before_flush

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker


class Store:
    """One installation's database plus who is writing (user, device) for the sync metadata."""

    def __init__(self, data_dir: Path, engine: Engine):
        self.data_dir = data_dir
        self.path = data_dir / DB_NAME
        self.engine = engine
        self.key: bytes | None = None  # SQLCipher key, when the store is encrypted
        # Units of work begin with BEGIN IMMEDIATE (see store/engine.py): they read, then write.
        self._writer = engine.execution_options(**{IMMEDIATE: True})
        self._session_factory: sessionmaker[Session] | None = None
        self._factory_lock = threading.Lock()  # the GUI, database and sync threads share a store
        self.device_id = self.setting("device_id") or self._init_device()
        self.user = self.setting("user") or DEFAULT_USER
        # Once logged in to a city server, numbers from local blocks are provisional.
        self.synced = bool(self.setting("server_url"))

    @property
    def attachments_dir(self) -> Path:
        return self.data_dir / "attachments"

    @property
    def _sessions(self) -> sessionmaker[Session]:
        """The ORM's session factory with the change-log hooks and those added above the store
        (store/flush_hooks.py), made at the first unit of work."""
        if self._session_factory is None:
            with self._factory_lock:
                if self._session_factory is None:
                    from sqlalchemy.orm import sessionmaker

                    from advisor_app.store import changes

                    factory = sessionmaker(self._writer, expire_on_commit=False)
                    changes.install(factory)
                    event.listen(factory, "before_flush", run_before_flush)
                    self._session_factory = factory
        return self._session_factory

    @contextmanager
    def session(self, *, remote: bool = False) -> Iterator[Session]:
        """A unit of work: commits on success, rolls back on any error (nothing half-written)."""
        session = self._sessions()
        session.info.update(
            device_id=self.device_id, user=self.user, remote=remote, synced_installation=self.synced
        )
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    # Settings are plain key/value rows (local only, no change log): SQL on the engine, no ORM.
    def setting(self, key: str, default: str | None = None) -> str | None:
        with self.engine.connect() as conn:
            value = conn.execute(text("SELECT value FROM settings WHERE key = :key"), {"key": key}).scalar()
        return default if value is None else value

    def set_setting(self, key: str, value: str) -> None:
        with self._writer.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO settings (key, value) VALUES (:key, :value)"
                    " ON CONFLICT (key) DO UPDATE SET value = excluded.value"
                ),
                {"key": key, "value": value},
            )

    def settings(self) -> dict[str, str]:
        with self.engine.connect() as conn:
            return {key: value for key, value in conn.execute(text("SELECT key, value FROM settings"))}

    def _init_device(self) -> str:
        device = uuid.uuid4().hex
        self.set_setting("device_id", device)
        return device

    def optimize(self) -> None:
        """Refresh the planner's statistics where they are stale (cheap: analysis is bounded)."""
        with self.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA analysis_limit=1000")
            conn.exec_driver_sql("PRAGMA optimize")

    def close(self) -> None:
        self.optimize()
        self.engine.dispose()


def open_store(data_dir: Path | str | None = None, *, password: str | None = None) -> Store:
    """Open (creating, encrypting or upgrading as needed) the store in ``data_dir``.

    ``password`` is needed only for a store encrypted with a password (no keyring on the system).
    """
    data_dir = Path(data_dir) if data_dir else default_data_dir()
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / DB_NAME
    encrypted = crypto.is_encrypted(path)
    key = crypto.store_key(data_dir, create=not encrypted, password=password)
    if encrypted and key is None:
        raise crypto.StoreLockedError("数据库已加密，但本机找不到它的密钥（系统密钥环中没有），无法打开")
    if key is not None and not encrypted and path.exists() and path.stat().st_size > 0:
        crypto.encrypt_in_place(
            path, key
        )  # a store made before encryption, or on a machine without a keyring
    engine = sqlite_engine(path, key)
    migrate.upgrade(engine, path, key=key)
    store = Store(data_dir, engine)
    store.key = key
    return store
