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

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from advisor_app.domain.clock import utcnow
from advisor_app.domain.record_kinds import new_id

__all__ = [
    "driver",
    "in_list",
    "insert_local",
    "insert_synced",
    "reading",
    "rows",
    "stored",
    "stored_datetime",
    "scalar",
    "writing",
]


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
def _lent(store: Any) -> Iterator[Any]:
    """A direct store's own connection, or one lent by a full store's engine (given back after)."""
    conn = getattr(store, "conn", None)
    if conn is not None:
        yield conn
        return
    with store.engine.connect() as lent:
        yield driver(lent)


@contextmanager
def reading(store: Any) -> Iterator[Any]:
    """A DB-API connection to read ``store`` with (read only), inside one read transaction (a deferred
    ``BEGIN``: every statement of the block sees the same state of the store, so the figures of a
    report agree with each other even while a sync writes). Nested blocks share the outer one's."""
    with _lent(store) as conn:
        if conn.in_transaction:
            yield conn
            return
        conn.execute("BEGIN")
        try:
            yield conn
        finally:
            if conn.in_transaction:  # read only: nothing to keep
                conn.execute("ROLLBACK")


@contextmanager
def writing(store: Any) -> Iterator[Any]:
    """A transaction that writes: ``BEGIN IMMEDIATE`` (the write lock taken up front, waiting up to
    the busy timeout for another writer, as the store's units of work do), ``COMMIT`` at the end of
    the block, ``ROLLBACK`` on any error — nothing half-written."""
    with _lent(store) as conn:
        if conn.in_transaction:
            raise RuntimeError("writing() inside another transaction")
        conn.execute("BEGIN IMMEDIATE")
        try:
            yield conn
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")


def rows(source: Any, sql: str, params: dict[str, Any] | None = None) -> list[tuple[Any, ...]]:
    """Every row of ``sql`` (``:name`` parameters) as plain tuples.

    On a SQLAlchemy ``Connection`` it runs as ``text()`` through the engine — its events (the BEGIN
    handling of store/engine.py) and its statement cache; SQLAlchemy is loaded already then. On
    anything else (a session, a direct store, a DB-API connection) on the driver connection: for
    the grouped result sets of a long period SQLAlchemy's per-row processing costs more than
    SQLite's own work, and the CLI's direct store never imports SQLAlchemy at all.
    """
    if hasattr(source, "exec_driver_sql"):
        from sqlalchemy import text

        return [tuple(row) for row in source.execute(text(sql), params or {})]
    return driver(source).execute(sql, params or {}).fetchall()


def scalar(source: Any, sql: str, params: dict[str, Any] | None = None) -> Any:
    """The first column of the first row of ``sql``, ``None`` when there is no row."""
    found = rows(source, sql, params)
    return found[0][0] if found else None


def in_list(name: str, values: Iterable[Any], params: dict[str, Any]) -> str:
    """``(:name0, :name1, …)`` for ``column IN …``, the values added to ``params`` (what SQLAlchemy's
    expanding bind parameters do, without it)."""
    marks = []
    for n, item in enumerate(values):
        params[f"{name}{n}"] = item
        marks.append(f":{name}{n}")
    return f"({', '.join(marks) or 'NULL'})"


# --- writing a record as the ORM would ----------------------------------------------------------


def stored(value: Any) -> Any:
    """``value`` as SQLAlchemy's SQLite types store it: DateTime as ``YYYY-MM-DD HH:MM:SS.ffffff``,
    Date as ISO text, JSON through ``json.dumps`` (its defaults), Boolean as 0/1."""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, dict | list):
        return json.dumps(value)
    return value


def stored_datetime(text: str) -> datetime:
    """A DateTime column's text back as the naive datetime it was."""
    return datetime.fromisoformat(text)


def _insert(conn: Any, table: str, row: dict[str, Any]) -> None:
    names = ", ".join(row)
    marks = ", ".join(f":{name}" for name in row)
    conn.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", {k: stored(v) for k, v in row.items()})


def insert_synced(conn: Any, table: str, values: dict[str, Any], store: Any) -> str:
    """Insert one new synced record (a table of a ``SyncMixin`` model) inside the caller's
    transaction (:func:`writing`), stamped as the store's session hooks stamp a record added through
    the ORM (``store/changes.py``: revision 1, this device, owner, created and updated now) with its
    change-log entry, so the sync client sends it like any other. ``values`` names every other
    column. Returns the record's id. ``tests/reports/test_report_filing.py`` compares the row with
    one the ORM writes."""
    now = utcnow()
    row = {
        "id": values.get("id") or new_id(),
        **values,
        "rev": 1,
        "device_id": store.device_id,
        "owner": values.get("owner") or store.user,
        "created_at": values.get("created_at") or now,
        "updated_at": now,
        "deleted": False,
    }
    _insert(conn, table, row)
    _insert(conn, "change_log", {"table_name": table, "record_id": row["id"], "rev": 1, "changed_at": now})
    return row["id"]


def insert_local(conn: Any, table: str, values: dict[str, Any]) -> str:
    """Insert one record of a synced table that must never be sent (no change-log entry, revision
    0), with the defaults a Core insert gives the sync columns."""
    now = utcnow()
    row = {
        "id": new_id(),
        "rev": 0,
        "owner": "",
        "device_id": "",
        "created_at": now,
        "updated_at": now,
        "deleted": False,
        **values,
    }
    _insert(conn, table, row)
    return row["id"]
