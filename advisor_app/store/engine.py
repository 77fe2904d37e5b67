"""SQLite engine with the pragmas the store relies on (WAL, foreign keys, full sync), encrypted
with SQLCipher when the store has a key (``advisor_app.store.crypto``).

Transactions. The GUI, the database worker and the sync thread each write through their own
connection. A transaction that reads first and writes later (every ORM unit of work: get, change,
flush) would take SQLite's write lock only at its first write; if another connection wrote in
between, SQLite refuses at once with “database is locked” — the busy timeout does not apply to
that upgrade. So the driver's own implicit BEGIN is switched off and the transaction is begun
here, at its first statement:

* ``BEGIN IMMEDIATE`` — takes the write lock up front, waiting up to :data:`BUSY_TIMEOUT_MS` for
  another writer — for the store's units of work (:meth:`Store.session`, ``set_setting``: their
  engine carries the execution option ``sqlite_immediate``) and for any transaction whose first
  statement writes;
* a plain (deferred) ``BEGIN`` for read-only work, so readers never wait for a writer (WAL) —
  and for every transaction of a thread marked with :func:`reads_only_here` (the desktop's GUI
  thread, which reads records to show them and leaves writing to the database worker: its reads
  must never wait up to the busy timeout behind a sync batch);
* nothing before a ``PRAGMA``: pragmas such as ``foreign_keys`` only work outside a transaction.
"""

from __future__ import annotations

import threading
from pathlib import Path

from sqlalchemy import URL, Engine, create_engine, event

from advisor_app.store.direct import BUSY_TIMEOUT_MS as BUSY_TIMEOUT_MS  # re-exported
from advisor_app.store.direct import PRAGMAS

IMMEDIATE = "sqlite_immediate"  # execution option: begin with BEGIN IMMEDIATE
_WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER")
_PENDING = "advisor_begin"
_READERS: set[int] = set()  # threads whose units of work begin deferred (see reads_only_here)


def reads_only_here() -> None:
    """Mark the calling thread as one that does not write through units of work (the GUI thread):
    its transactions begin deferred unless their first statement writes."""
    _READERS.add(threading.get_ident())


def sqlite_engine(path: Path, key: bytes | None = None) -> Engine:
    if key is None:
        engine = create_engine(f"sqlite:///{path}")
    else:
        # The raw key as x'…' skips SQLCipher's per-connection key derivation.
        url = URL.create("sqlite+pysqlcipher", password=f"x'{key.hex()}'", database=str(path))
        engine = create_engine(url)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record) -> None:  # noqa: ANN001 - DB-API connection
        cur = dbapi_conn.cursor()
        for pragma in PRAGMAS:  # the same as the CLI's direct store's (store/direct.py)
            cur.execute(pragma)
        cur.close()
        # We issue BEGIN ourselves (below); the driver's implicit one would come too late.
        dbapi_conn.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:  # noqa: ANN001 - a SQLAlchemy Connection
        immediate = conn.get_execution_options().get(IMMEDIATE) and threading.get_ident() not in _READERS
        conn.info[_PENDING] = "IMMEDIATE" if immediate else "DEFERRED"

    @event.listens_for(engine, "before_cursor_execute")
    def _first_statement(conn, cursor, statement, _params, _context, _many) -> None:  # noqa: ANN001
        mode = conn.info.pop(_PENDING, None)
        if mode is None:
            return
        head = statement.lstrip()[:8].upper()
        if head.startswith("PRAGMA"):
            conn.info[_PENDING] = mode  # still outside the transaction
            return
        if head.startswith(_WRITES):
            mode = "IMMEDIATE"
        cursor.execute(f"BEGIN {mode}")

    @event.listens_for(engine, "commit")
    @event.listens_for(engine, "rollback")
    def _end(conn) -> None:  # noqa: ANN001
        conn.info.pop(_PENDING, None)  # a transaction that ran no statement has nothing to end

    return engine
