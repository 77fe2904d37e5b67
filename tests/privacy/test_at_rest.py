"""At rest: drafts live in the (encrypted) store, attachment blobs are encrypted with a key derived
from the store's, and nothing typed or attached lies in the data folder in plain text."""

from __future__ import annotations

import hashlib
import json
import os
import secrets
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from advisor_app.services import drafts as draft_service
from advisor_app.services.drafts import Drafts
from advisor_app.store import open_store

SECRET = "王秀英 610502199001011234 宅基地纠纷"


@pytest.fixture
def keyed(tmp_path, monkeypatch):
    """An encrypted store (the key as an installation with a keyring would have it)."""
    monkeypatch.setenv("ADVISOR_DB_KEY", secrets.token_hex(32))
    store = open_store(tmp_path / "keyed")
    assert store.key is not None
    yield store
    store.engine.dispose()


def _plain_anywhere(folder: Path, needle: bytes) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file() and needle in p.read_bytes()]


# --- drafts -----------------------------------------------------------------------------------------


def test_drafts_are_kept_in_the_encrypted_store_not_in_files(keyed):
    drafts = Drafts(keyed)
    assert drafts.save("case-new", {"registration": {"summary": SECRET}, "parties": [{"name": "王秀英"}]})
    assert drafts.load("case-new")["registration"]["summary"] == SECRET
    assert drafts.saved_at("case-new")[:4].isdigit()
    keyed.engine.dispose()  # flush the WAL into the file before looking at the bytes
    with pytest.raises(sqlite3.DatabaseError), sqlite3.connect(keyed.path) as raw:
        raw.execute("SELECT * FROM drafts")  # without the key the store is not even a database
    assert not _plain_anywhere(keyed.data_dir, SECRET.encode())
    assert not _plain_anywhere(keyed.data_dir, "王秀英".encode())
    assert Drafts(keyed).load("case-new")["parties"] == [{"name": "王秀英"}]


def test_draft_files_of_an_older_version_are_imported_once_and_deleted(store):
    folder = store.data_dir / "drafts"
    folder.mkdir()
    old = {"key": "consultation-new", "saved_at": "2026-03-01T09:30:00", "data": {"question": SECRET}}
    (folder / "consultation-new.json").write_text(json.dumps(old, ensure_ascii=False), encoding="utf-8")
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    (folder / ".draft-x.tmp").write_text("half", encoding="utf-8")
    newer = Drafts(store)
    assert newer.save("case-7", {"summary": "本机新草稿"})
    # a file older than the row for the same form does not overwrite it
    stale = {"key": "case-7", "saved_at": "2001-01-01T00:00:00", "data": {"summary": "旧文件"}}
    folder.mkdir(exist_ok=True)
    (folder / "case-7.json").write_text(json.dumps(stale, ensure_ascii=False), encoding="utf-8")

    drafts = Drafts(store)
    assert drafts.load("consultation-new") == {"question": SECRET}
    assert drafts.saved_at("consultation-new").startswith("2026-03-01T09:30")  # local time kept
    assert drafts.load("case-7") == {"summary": "本机新草稿"}
    assert not folder.exists()  # every file gone, the folder too
    assert draft_service.import_files(store) == 0  # once only


def test_a_draft_write_does_not_wait_for_a_long_write(store):
    """The GUI thread writes drafts: while another writer holds the lock it gives up quickly."""
    drafts = Drafts(store)
    holding, release = threading.Event(), threading.Event()

    def long_write() -> None:
        with store.engine.begin() as conn:
            conn.exec_driver_sql("UPDATE settings SET value = value")
            conn.exec_driver_sql("INSERT INTO settings(key, value) VALUES ('long-write', 'x')")
            holding.set()
            release.wait(10)

    worker = threading.Thread(target=long_write)
    worker.start()
    try:
        assert holding.wait(5)
        started = time.perf_counter()
        assert drafts.save("consultation-new", {"question": "半截话"}) is False  # deferred, not blocked
        waited = time.perf_counter() - started
        assert waited < 1.0, waited  # the store's own busy timeout is 5 s
    finally:
        release.set()
        worker.join()
    assert drafts.save("consultation-new", {"question": "半截话"}) is True
    assert drafts.load("consultation-new") == {"question": "半截话"}
    with store.engine.connect() as conn:  # the pooled connection got its usual busy timeout back
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
