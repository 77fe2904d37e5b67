"""Encryption at rest: new stores, stores made before encryption, backups, keys from keyring or password."""

import sqlite3

import keyring
import pytest

from advisor_app import demo
from advisor_app.services import consultations
from advisor_app.store import crypto, open_store, search
from advisor_app.store.backup import NotAStoreError, backup_file, check_store_file, restore_file
from tests.sync_client.memkeyring import MemoryKeyring

KEY = "ab" * 32


@pytest.fixture
def encryption_on(monkeypatch):
    monkeypatch.delenv("ADVISOR_STORE_ENCRYPTION", raising=False)
    monkeypatch.delenv("ADVISOR_DB_KEY", raising=False)
    monkeypatch.delenv("ADVISOR_DB_PASSWORD", raising=False)
    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(previous)


def unreadable_without_key(path):
    conn = sqlite3.connect(path)
    try:
        with pytest.raises(sqlite3.DatabaseError):
            conn.execute("SELECT count(*) FROM consultations").fetchone()
    finally:
        conn.close()


def test_new_store_is_encrypted_with_a_key_kept_in_the_keyring(tmp_path, encryption_on):
    store = open_store(tmp_path)
    try:
        demo.generate(store, seed=2, consultations=200, cases=20)
        assert store.key is not None and encryption_on.items[(crypto.SERVICE, "store-key")] == store.key.hex()
        with store.engine.connect() as conn:
            assert search.search(conn, "工资"), "the trigram index works inside SQLCipher"
    finally:
        store.close()
    assert crypto.is_encrypted(tmp_path / "advisor.db")
    unreadable_without_key(tmp_path / "advisor.db")
    assert b"\xe5\xb7\xa5\xe8\xb5\x84" not in (tmp_path / "advisor.db").read_bytes(), "no plain 工资 on disk"
    again = open_store(tmp_path)
    try:
        assert consultations.count(again) == 200
    finally:
        again.close()


def test_store_made_before_encryption_is_encrypted_on_open_with_nothing_lost(
    tmp_path, monkeypatch, encryption_on
):
    monkeypatch.setenv("ADVISOR_STORE_ENCRYPTION", "off")
    plain = open_store(tmp_path)
    demo.generate(plain, seed=4, consultations=300, cases=30)
    with plain.engine.connect() as conn:
        before = sorted(h.record_id for h in search.search(conn, "婚", limit=1000))
    plain.close()
    assert not crypto.is_encrypted(tmp_path / "advisor.db")
    monkeypatch.delenv("ADVISOR_STORE_ENCRYPTION")
    store = open_store(tmp_path)
    try:
        assert store.key is not None and consultations.count(store) == 300
        with store.engine.connect() as conn:
            assert sorted(h.record_id for h in search.search(conn, "婚", limit=1000)) == before
    finally:
        store.close()
    assert crypto.is_encrypted(tmp_path / "advisor.db")
    assert not (tmp_path / "advisor.db.encrypting").exists()


def test_backups_are_encrypted_and_restore_with_the_same_key(tmp_path, encryption_on):
    store = open_store(tmp_path / "a")
    demo.generate(store, seed=5, consultations=50, cases=5)
    backup = backup_file(store.path, tmp_path / "backup.db", key=store.key)
    key = store.key
    store.close()
    assert crypto.is_encrypted(backup)
    with pytest.raises(NotAStoreError, match="密钥"):
        check_store_file(backup)
    with pytest.raises(NotAStoreError, match="密钥不符"):
        check_store_file(backup, key=bytes(32))
    restore_file(backup, tmp_path / "b" / "advisor.db", key=key)
    restored = open_store(tmp_path / "b")
    try:
        assert consultations.count(restored) == 50
    finally:
        restored.close()


def test_encrypted_store_without_its_key_is_refused(tmp_path, monkeypatch, encryption_on):
    monkeypatch.setenv("ADVISOR_DB_KEY", KEY)
    open_store(tmp_path).close()
    monkeypatch.delenv("ADVISOR_DB_KEY")
    with pytest.raises(crypto.StoreLockedError, match="找不到它的密钥"):
        open_store(tmp_path)


def test_password_based_key_where_there_is_no_keyring(tmp_path, monkeypatch):
    from keyring.backends import fail

    monkeypatch.delenv("ADVISOR_STORE_ENCRYPTION", raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        assert not crypto.keyring_usable()
        tmp_path.mkdir(exist_ok=True)
        crypto.set_password(tmp_path, "村委会调解室2026")
        with pytest.raises(crypto.StoreLockedError, match="密码"):
            open_store(tmp_path)
        store = open_store(tmp_path, password="村委会调解室2026")
        store.close()
        assert crypto.is_encrypted(tmp_path / "advisor.db")
        with pytest.raises(NotAStoreError):
            check_store_file(
                tmp_path / "advisor.db", key=crypto.key_from_password("wrong-password", b"x" * 16)
            )
        monkeypatch.setenv("ADVISOR_DB_PASSWORD", "村委会调解室2026")
        open_store(tmp_path).close()
        with pytest.raises(ValueError, match="至少 8 位"):
            crypto.set_password(tmp_path, "short")
    finally:
        keyring.set_keyring(previous)


def test_no_keyring_and_no_password_leaves_the_store_plain(tmp_path, monkeypatch):
    from keyring.backends import fail

    monkeypatch.delenv("ADVISOR_STORE_ENCRYPTION", raising=False)
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        store = open_store(tmp_path)
        assert store.key is None
        store.close()
        assert not crypto.is_encrypted(tmp_path / "advisor.db")
    finally:
        keyring.set_keyring(previous)
