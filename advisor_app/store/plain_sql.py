"""Plain SQL on the store through its DB-API driver (``sqlite3``, or ``sqlcipher3`` when encrypted).

Reads that are plain SQL anyway — the report figures, the installation's scope, the settings — run
on the driver's connection under whatever the caller holds: a full :class:`~advisor_app.store.Store`
(the desktop: SQLAlchemy's pool lends the connection), the CLI's direct store (``store/direct.py``,
no SQLAlchemy imported at all: a command then starts in a fraction of the time), an ORM session or
a SQLAlchemy connection (the driver connection under it). One code path for all of them; this
module imports nothing beyond the standard library.

The driver connections run in autocommit mode (``isolation_level = None``, see store/engine.py):
a read is one statement; a write takes the lock up front with :func:`writing`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


def driver(source: Any) -> Any:
    """The DB-API connection under ``source``: an ORM session (the connection of its transaction),
    a SQLAlchemy connection, a direct store (``.conn``) or a DB-API connection itself."""
    conn = getattr(source, "conn", None)
    if conn is not None:
        return conn
    connection = getattr(source, "connection", None)
    if callable(connection):  # an ORM Session: connection() is its transaction's connection
        connection = connection()
    if connection is not None:
        # a SQLAlchemy Connection's pooled connection (``.connection``), or that pooled one itself
        raw = getattr(connection, "driver_connection", None) or connection.connection.driver_connection
        if raw is None:
            raise RuntimeError("the store's connection is closed")
        return raw
    return source


@contextmanager
def reading(store: Any) -> Iterator[Any]:
    """A DB-API connection to read ``store`` with: a direct store's own, or one lent by a full
    store's engine (given back when the block ends)."""
    conn = getattr(store, "conn", None)
    if conn is not None:
        yield conn
        return
    with store.engine.connect() as lent:
        yield driver(lent)


@contextmanager
def writing(store: Any) -> Iterator[Any]:
    """A transaction that writes: ``BEGIN IMMEDIATE`` (the write lock taken up front, waiting up to
    the busy timeout for another writer, as the store's units of work do), ``COMMIT`` at the end of
    the block, ``ROLLBACK`` on any error — nothing half-written."""
    with reading(store) as conn:
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


def rows(source: Any, sql: str, params: dict[str, Any] | None = None) -> list[tuple]:
    """Every row of ``sql`` (``:name`` parameters) on ``source``'s driver connection."""
    return driver(source).execute(sql, params or {}).fetchall()


def value(source: Any, sql: str, params: dict[str, Any] | None = None) -> Any:
    """The first column of the first row, or ``None`` when there is no row."""
    row = driver(source).execute(sql, params or {}).fetchone()
    return None if row is None else row[0]
