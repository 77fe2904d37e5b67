"""At rest: drafts live in the (encrypted) store, attachment blobs are encrypted with a key derived
from the store's, and nothing typed or attached lies in the data folder in plain text."""

from __future__ import annotations

import hashlib
import json
import secrets
import sqlite3
import threading
import time
from datetime import date
from pathlib import Path

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from advisor_app.services import attachments
from advisor_app.services import drafts as draft_service
from advisor_app.services.drafts import Drafts
from advisor_app.store import open_store
from advisor_app.store.engine import BUSY_TIMEOUT_MS
from tests.sync_client.conftest import _make_server, device, memory_keyring  # noqa: F401 - fixtures

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
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == BUSY_TIMEOUT_MS


# --- attachment blobs ---------------------------------------------------------------------------------

SCAN = ("协议书签字扫描件 王秀英 指纹 ".encode() * 40) + bytes(range(256)) * 50


def _sealed(path: Path) -> bool:
    return path.read_bytes().startswith(attachments.MAGIC)


def test_blobs_of_a_keyed_store_are_encrypted_under_a_derived_key(keyed):
    att = attachments.add_bytes(keyed, SCAN, "协议书.jpg", "agreement", "a-1", "协议书扫描件")
    sha = hashlib.sha256(SCAN).hexdigest()
    assert att.sha256 == sha and att.size == len(SCAN)  # identity: the plaintext's hash
    path = attachments.blob_path(keyed, sha)
    raw = path.read_bytes()
    assert _sealed(path) and "王秀英".encode() not in raw and SCAN[-256:] not in raw
    assert attachments.read_blob(keyed, sha) == SCAN
    assert attachments.write_blob(keyed, SCAN) == sha and path.read_bytes() == raw  # kept once
    # the database key itself never encrypts files; the HKDF-derived one does
    blob_key = attachments.blob_key(keyed)
    assert blob_key != keyed.key and len(blob_key) == 32
    nonce, body = raw[8:20], raw[20:]
    with pytest.raises(InvalidTag):
        AESGCM(keyed.key).decrypt(nonce, body, sha.encode())
    assert AESGCM(blob_key).decrypt(nonce, body, sha.encode()) == SCAN
    # a file swapped for another blob's is refused (the hash is the associated data)
    other = attachments.write_blob(keyed, b"another file")
    path.write_bytes(attachments.blob_path(keyed, other).read_bytes())
    with pytest.raises(attachments.BlobError):
        attachments.read_blob(keyed, sha)


def test_plain_blobs_from_before_are_encrypted_on_first_read_and_by_the_one_time_pass(keyed):
    shas = []
    for n in range(3):
        data = f"旧版本留下的明文附件 {n}".encode() * 100
        sha = hashlib.sha256(data).hexdigest()
        path = attachments.blob_path(keyed, sha)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)  # as an older version (or a store without a key) left it
        shas.append((sha, data))
    damaged = attachments.blob_path(keyed, "ab" * 32)
    damaged.parent.mkdir(parents=True, exist_ok=True)
    damaged.write_bytes(b"not what the name says")

    first_sha, first = shas[0]
    assert attachments.read_blob(keyed, first_sha) == first
    assert _sealed(attachments.blob_path(keyed, first_sha))  # encrypted on first access

    assert attachments.encrypt_plain_blobs(keyed) == 2
    for sha, data in shas:
        assert _sealed(attachments.blob_path(keyed, sha))
        assert attachments.read_blob(keyed, sha) == data
    assert not _sealed(damaged)  # a damaged file is not sealed as if it were good
    assert attachments.encrypt_plain_blobs(keyed) == 0  # done once
    assert not _plain_anywhere(keyed.attachments_dir, "旧版本留下的明文附件".encode())


def test_a_store_without_a_key_keeps_plain_blobs(store):
    sha = attachments.write_blob(store, SCAN)
    assert attachments.blob_path(store, sha).read_bytes() == SCAN
    assert attachments.read_blob(store, sha) == SCAN
    assert attachments.encrypt_plain_blobs(store) == 0


@pytest.fixture
def city(tmp_path):
    yield from _make_server(tmp_path, "sqlite")


def test_encrypted_blobs_upload_and_download_by_plaintext_hash_and_resume(city, device, monkeypatch):  # noqa: F811
    from advisor_app.domain.models import Activity
    from tests.sync_client.conftest import V1

    monkeypatch.setenv("ADVISOR_DB_KEY", secrets.token_hex(32))
    a = device("a", city.url, "adv1")
    monkeypatch.setenv("ADVISOR_DB_KEY", secrets.token_hex(32))  # another PC, another key
    b = device("b", city.url, "tw1")
    assert a.store.key and b.store.key and a.store.key != b.store.key
    with a.store.session() as s:
        act = Activity(
            region_code=V1, held_on=date(2026, 3, 2), place="村委会", topic="普法", audience_count=30
        )
        s.add(act)
    data = SCAN * 200  # ~2.7 MB: three chunks each way
    sha = hashlib.sha256(data).hexdigest()
    attachments.add_bytes(a.store, data, "签到表.jpg", "activity", act.id, "活动照片")
    report = a.client.sync()
    assert report.uploaded == 1
    assert (city.data_dir / "blobs" / sha[:2] / sha).read_bytes() == data  # the wire carries plaintext

    # B had a third of it from an interrupted sync (an encrypted partial), and a plain .part of an
    # older version is not kept as plaintext either
    part = attachments.PartialBlob(b.store, sha)
    part.append(data[:900_000])
    with part.path.open("ab") as fh:
        fh.write(b"\x00\x00\x10")  # a segment cut short by the crash
    assert "王秀英".encode() not in part.path.read_bytes()
    assert attachments.PartialBlob(b.store, sha).size == 900_000
    report = b.client.sync()
    assert report.downloaded == 1
    assert report.bytes_down < len(data) - 800_000  # went on from the 900,000 bytes it had
    local = attachments.blob_path(b.store, sha)
    assert _sealed(local) and attachments.read_blob(b.store, sha) == data
    assert not list(local.parent.glob("*part"))
    assert not _plain_anywhere(b.store.attachments_dir, "王秀英".encode())
    assert not _plain_anywhere(a.store.attachments_dir, "王秀英".encode())
