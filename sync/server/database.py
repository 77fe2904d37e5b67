"""Engines for PostgreSQL (psycopg 3) and SQLite, and the server's Alembic migrations."""

from __future__ import annotations

import os
import threading
import weakref
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path

import platformdirs
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from sync.protocol.wire import record_check

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
APP_NAME = "advisor-server"


def data_dir() -> Path:
    """``ADVISOR_SERVER_DATA_DIR`` or the platform's user data folder of the server."""
    env = os.environ.get("ADVISOR_SERVER_DATA_DIR")
    return Path(env) if env else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def default_url() -> str:
    env = os.environ.get("ADVISOR_SERVER_DATABASE_URL")
    if env:
        return env
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / 'server.db'}"


def normalise_url(url: str) -> str:
    """``postgresql://`` means psycopg 3 here (SQLAlchemy would pick psycopg2)."""
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def make_engine(url: str) -> Engine:
    url = normalise_url(url)
    size, overflow = pool_size()
    if make_url(url).get_backend_name() == "sqlite":
        engine = create_engine(
            url,
            connect_args={"timeout": 30, "check_same_thread": False},
            pool_size=size,
            max_overflow=overflow,
            pool_timeout=pool_timeout(),
        )

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn, _record) -> None:  # noqa: ANN001 - DB-API connection
            # Let SQLAlchemy's "begin" event choose the kind of BEGIN (see below).
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()
            # The record check the triggers of ``records`` keep per village (migration 0006).
            dbapi_conn.create_function("advisor_check", 3, record_check, deterministic=True)

        @event.listens_for(engine, "begin")
        def _begin(conn: Connection) -> None:
            # A writer takes the write lock up front: two deferred transactions that both read
            # and then write would deadlock (SQLITE_BUSY) instead of queueing.
            immediate = conn.get_execution_options().get("write")
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine
    # A request that finds no free connection within pool_timeout() seconds gets 503 + Retry-After
    # (app.py), not a hanging request or a 500.
    # READ COMMITTED whatever the database's default: a pull reads the horizon, then the records
    # in a later statement, and needs that statement's fresh snapshot (changes.repository).
    return create_engine(
        url,
        pool_size=size,
        max_overflow=overflow,
        pool_timeout=pool_timeout(),
        pool_pre_ping=True,
        isolation_level="READ COMMITTED",
    )


def pool_timeout() -> int:
    """Seconds a request waits for a free connection (``ADVISOR_SERVER_POOL_TIMEOUT``, default 5)."""
    return _env_int("ADVISOR_SERVER_POOL_TIMEOUT", 5)


def pool_size() -> tuple[int, int]:
    """Connections per worker process: the server's budget of PostgreSQL connections
    (``ADVISOR_SERVER_DB_CONNECTIONS``, default 40, keep it under max_connections minus the
    replica's and the admin's) shared by the worker processes (``ADVISOR_SERVER_WORKERS``, set by
    ``advisor-server serve --workers N``): (pool size, overflow)."""
    budget = _env_int("ADVISOR_SERVER_DB_CONNECTIONS", 40)
    workers = max(1, _env_int("ADVISOR_SERVER_WORKERS", 1))
    per_worker = max(2, budget // workers)
    size = max(1, per_worker * 3 // 4)
    return size, per_worker - size


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value.isdigit() and len(value) < 7 else default


def is_postgres(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
    if head is None:
        raise RuntimeError("服务器数据库迁移脚本缺失：找不到最新版本")
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine) -> bool:
    """Bring the schema to head; True when something was applied."""
    if current_revision(engine) == head_revision():
        return False
    command.upgrade(alembic_config(engine), "head")
    return True


# SQLite has one writer at a time. Writers of this process queue on a lock instead of in
# SQLite's busy handler, which polls with sleeps of up to 100 ms: with 50 devices pushing at once
# that polling, not the writing, was most of a push's latency. Other processes still meet the
# busy handler (busy_timeout).
_SQLITE_WRITERS: weakref.WeakKeyDictionary[Engine, threading.RLock] = weakref.WeakKeyDictionary()
_GUARD = threading.Lock()


def _writer_lock(engine: Engine) -> threading.RLock | None:
    if engine.dialect.name != "sqlite":
        return None
    with _GUARD:
        lock = _SQLITE_WRITERS.get(engine)
        if lock is None:
            lock = _SQLITE_WRITERS[engine] = threading.RLock()
        return lock


@contextmanager
def writer(engine: Engine) -> Iterator[Connection]:
    """A write transaction: BEGIN IMMEDIATE on SQLite, a plain one on PostgreSQL; commits on exit."""
    lock = _writer_lock(engine)
    with lock or nullcontext(), engine.connect() as conn:
        conn.execution_options(write=True)
        with conn.begin():
            yield conn


@contextmanager
def write_session(engine: Engine) -> Iterator[Session]:
    with writer(engine) as conn, Session(bind=conn) as session:
        yield session
        session.flush()


class Db:
    """The one way a request reaches the database (``context.DbDep``): short reads and write
    transactions on the process's engine. A handle, not an open connection: a push retries in a
    fresh transaction, and a route holds a pooled connection only while it uses it."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def read(self) -> AbstractContextManager[Connection]:
        return self.engine.connect()

    def write(self) -> AbstractContextManager[Connection]:
        return writer(self.engine)

    def session(self) -> Session:
        """An ORM session for reads (close it: ``with db.session() as s``)."""
        return Session(self.engine)

    def write_session(self) -> AbstractContextManager[Session]:
        return write_session(self.engine)

    def ping(self) -> bool:
        """Whether the database answers (``/health``)."""
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("SELECT 1")
        except DBAPIError:
            return False
        return True

    @property
    def postgres(self) -> bool:
        return is_postgres(self.engine)
