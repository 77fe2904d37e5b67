"""SQLite engine with the pragmas the store relies on (WAL, foreign keys, full sync), encrypted
with SQLCipher when the store has a key (``advisor_app.store.crypto``)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import URL, Engine, create_engine, event


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
        # WAL keeps readers unblocked while the worker writes; FULL fsyncs every commit, so a
        # power cut loses nothing that was reported saved.
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=5000")
        # 32 MB of page cache: a township's dashboard reads the same pages several times per
        # refresh, and on an encrypted store every page read from disk is decrypted again.
        cur.execute("PRAGMA cache_size=-32768")
        cur.close()

    return engine
