"""Bulk loading: many rows in one transaction, keeping what a unit of work through the ORM keeps.

A write through :meth:`Store.session` is stamped and logged by the session hooks
(``store/changes.py``): ``rev`` 1, device, owner and times on a new record, one ``change_log`` row
per record, the search documents refreshed. Building 100,000 ORM objects for that costs more than
the data itself, so demo data (``advisor_app/demo.py``) writes plain rows here and this module does
the same bookkeeping for all of them at once: :func:`stamp_new` as ``_before_flush`` does,
:func:`insert` with the change log, and the search index rebuilt once (:func:`search.rebuild`).
``tests/core/test_bulk.py`` loads the same records both ways and compares the tables row by row.

Values go through each column's SQLAlchemy type first (dates as SQLAlchemy writes them, booleans
as 0/1, JSON as its serializer writes it), so a bulk row and an ORM row are the same bytes.

Which library writes: ``sqlite-utils`` (:func:`database`, on the store's own DB-API connection,
so plain SQLite and SQLCipher alike, inside the caller's transaction) or SQLAlchemy Core's
``executemany``. Both were measured on demo data (docs/architecture.md, “Which library does what”);
:data:`WRITER` names the one that is used.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import Connection, Table
from sqlalchemy import insert as core_insert
from sqlalchemy.sql.schema import CallableColumnDefault, ScalarElementColumnDefault

from advisor_app.domain.models import ChangeLog

if TYPE_CHECKING:
    import sqlite_utils

Writer = Literal["sqlalchemy", "sqlite-utils"]
WRITER: Writer = "sqlalchemy"
CHUNK = 20_000  # rows per executemany: bounds the memory of the converted rows


def database(conn: Connection) -> sqlite_utils.Database:
    """sqlite-utils on the connection SQLAlchemy holds (SQLCipher's too: already keyed).

    Its statements join the caller's transaction (sqlite-utils nests its own in a SAVEPOINT when
    one is open). ``recursive_triggers`` and plugins are left off: the pooled connection must come
    back to the engine as it was lent.
    """
    import sqlite_utils  # imported on first use: not on the start-up path of the app or the CLI

    raw = conn.connection.driver_connection
    assert raw is not None, "a live connection"
    if not raw.in_transaction:
        # Our engine begins transactions lazily, at the first statement (store/engine.py): open it
        # now, so sqlite-utils' writes are part of it and not committed one by one — and as a
        # writer's (a statement that writes nothing, but makes the engine say BEGIN IMMEDIATE), so
        # the first insert never finds the write lock taken after a deferred BEGIN.
        conn.exec_driver_sql("DELETE FROM change_log WHERE 0")
    return sqlite_utils.Database(raw, recursive_triggers=False, execute_plugins=False)


def stamp_new(rows: Iterable[dict[str, Any]], *, device: str, user: str, now: datetime) -> None:
    """What ``changes._before_flush`` sets on a new syncable record, on plain rows."""
    for row in rows:
        row["rev"] = 1
        row["device_id"] = device
        row["owner"] = row.get("owner") or user
        row["created_at"] = row.get("created_at") or now
        row["updated_at"] = now
        row.setdefault("deleted", False)


def insert(
    conn: Connection, table: Table, rows: Sequence[dict[str, Any]], *, log_changes: bool = False
) -> int:
    """Insert ``rows`` into ``table``; with ``log_changes`` one change_log row each, as the ORM writes."""
    if not rows:
        return 0
    rows = _filled(table, rows)
    if WRITER == "sqlite-utils":
        _insert_sqlite_utils(conn, table, rows)
    else:
        for start in range(0, len(rows), CHUNK):
            conn.execute(core_insert(table), rows[start : start + CHUNK])
    if log_changes:
        log = [
            {"table_name": table.name, "record_id": r["id"], "rev": r["rev"], "changed_at": r["updated_at"]}
            for r in rows
        ]
        for start in range(0, len(log), CHUNK):
            conn.execute(core_insert(ChangeLog), log[start : start + CHUNK])
    return len(rows)


def _filled(table: Table, rows: Sequence[dict[str, Any]]) -> Sequence[dict[str, Any]]:
    """Every row with the same keys, a missing value given its column's Python default as the ORM
    gives it (or NULL); a column no row names and without such a default keeps its server default."""
    present: set[str] = set()
    for row in rows:
        present.update(row)
    defaults: dict[str, Callable[[], Any]] = {}
    for column in table.columns:
        default = column.default
        if isinstance(default, CallableColumnDefault):
            wrapped: Any = default.arg  # SQLAlchemy's wrapper of the callable: it takes a context
            defaults[column.key] = functools.partial(wrapped, None)
        elif isinstance(default, ScalarElementColumnDefault):
            defaults[column.key] = functools.partial(_same, default.arg)
        elif column.key in present:
            defaults[column.key] = functools.partial(_same, None)
    keys = set(defaults)
    if all(row.keys() == keys for row in rows):
        return rows  # the usual bulk load: nothing to fill, no copy
    return [{k: row[k] if k in row else make() for k, make in defaults.items()} for row in rows]


def _same(value: Any) -> Any:
    return value


def _insert_sqlite_utils(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """The rows through sqlite-utils' ``insert_all`` (multi-row INSERTs), values bound as SQLAlchemy binds them."""
    db = database(conn)
    processors = {
        column.key: column.type._cached_bind_processor(conn.dialect)
        for column in table.columns
        if column.key in rows[0]
    }
    names = {column.key: column.name for column in table.columns}
    db.table(table.name).insert_all(
        ({names[k]: (p(row[k]) if p is not None else row[k]) for k, p in processors.items()} for row in rows),
        batch_size=500,
        alter=False,
    )
