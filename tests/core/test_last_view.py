"""The last view file (advisor_app.last_view): stamps, versions, encryption, the names it shares
with the store, and that importing it (and the 工作台's pure horizon) costs no SQLAlchemy."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from advisor_app import last_view

CONTENT = {"horizon": {"note": "何秀英"}, "follow_ups": [], "frame": {}}


def test_names_are_those_of_the_store(monkeypatch, tmp_path):
    from advisor_app.services import store_access
    from advisor_app.store import crypto, database

    assert last_view.DB_NAME == database.DB_NAME
    assert last_view.SALT_FILE == crypto.SALT_FILE
    assert last_view.KEYRING_SERVICE == crypto.SERVICE
    assert last_view.KEYRING_USER == crypto._keyring_user(tmp_path)
    assert last_view.APP_NAME == database.APP_NAME
    monkeypatch.delenv("ADVISOR_DATA_DIR", raising=False)
    assert last_view.default_data_dir() == store_access.default_data_dir()
    monkeypatch.setenv("ADVISOR_DATA_DIR", str(tmp_path))
    assert last_view.default_data_dir() == store_access.default_data_dir() == tmp_path


def test_the_key_found_without_asking_is_the_store_key(monkeypatch, tmp_path):
    from advisor_app.store import crypto

    monkeypatch.setenv("ADVISOR_DB_KEY", "ab" * 32)
    assert last_view.key_without_asking(tmp_path) == crypto.store_key(tmp_path, create=False)
    monkeypatch.setenv("ADVISOR_DB_KEY", "not hex")
    assert last_view.key_without_asking(tmp_path) is None
    monkeypatch.delenv("ADVISOR_DB_KEY")
    (tmp_path / last_view.SALT_FILE).write_bytes(b"0" * 16)
    assert last_view.key_without_asking(tmp_path) is None  # a password store: asked, never found


def test_a_view_is_given_back_only_while_the_store_files_are_unchanged(tmp_path):
    db = tmp_path / last_view.DB_NAME
    db.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    assert last_view.write(tmp_path, CONTENT, last_view.stamp(tmp_path), None)
    loaded = last_view.load(tmp_path)
    assert loaded is not None and loaded["horizon"] == CONTENT["horizon"]
    (tmp_path / (last_view.DB_NAME + "-wal")).write_bytes(b"x")  # another program wrote
    assert last_view.load(tmp_path) is None
    assert not last_view.path(tmp_path).exists()  # a stale view is deleted, not kept


def test_another_version_is_ignored_and_deleted(tmp_path):
    (tmp_path / last_view.DB_NAME).write_bytes(b"SQLite format 3\x00")
    last_view.write(tmp_path, CONTENT, last_view.stamp(tmp_path), None)
    content = json.loads(last_view.path(tmp_path).read_text(encoding="utf-8"))
    content["version"] = last_view.VERSION + 1
    last_view.path(tmp_path).write_text(json.dumps(content), encoding="utf-8")
    assert last_view.load(tmp_path) is None
    assert not last_view.path(tmp_path).exists()


def test_an_encrypted_view_opens_with_its_store_key_only(monkeypatch, tmp_path):
    pytest.importorskip("cryptography")
    (tmp_path / last_view.DB_NAME).write_bytes(b"not plain sqlite, encrypted" + b"\x01" * 64)
    key = bytes.fromhex("cd" * 32)
    last_view.write(tmp_path, CONTENT, last_view.stamp(tmp_path), key)
    raw = last_view.path(tmp_path).read_bytes()
    assert raw.startswith(last_view.MAGIC) and "何秀英".encode() not in raw
    assert last_view.view_key(key) != key  # never the store's own key
    monkeypatch.setenv("ADVISOR_DB_KEY", "cd" * 32)
    assert last_view.load(tmp_path)["horizon"] == CONTENT["horizon"]
    monkeypatch.setenv("ADVISOR_DB_KEY", "ce" * 32)  # re-keyed since: of no use any more
    assert last_view.load(tmp_path) is None
    assert not last_view.path(tmp_path).exists()


def test_a_plain_view_beside_an_encrypted_store_is_never_read(tmp_path):
    (tmp_path / last_view.DB_NAME).write_bytes(b"SQLite format 3\x00")
    last_view.write(tmp_path, CONTENT, last_view.stamp(tmp_path), None)
    assert last_view.read(tmp_path) is not None
    (tmp_path / last_view.SALT_FILE).write_bytes(b"0" * 16)  # made a password store since
    assert last_view.read(tmp_path) is None


def test_no_view_for_a_password_store_or_local_users(tmp_path):
    assert last_view.may_keep(tmp_path, has_users=False)
    assert not last_view.may_keep(tmp_path, has_users=True)
    (tmp_path / last_view.SALT_FILE).write_bytes(b"0" * 16)
    assert not last_view.may_keep(tmp_path, has_users=False)


def test_the_window_first_modules_import_no_sqlalchemy():
    """What the desktop imports before its first paint stays free of SQLAlchemy (and of the store)."""
    code = (
        "import sys, advisor_app.last_view, advisor_app.domain.worklist_days, ui.startup, ui.main_window,"
        " ui.workbench, ui.app\n"
        "heavy = [m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic', 'sqlite_utils')"
        " or m.startswith(('advisor_app.store', 'advisor_app.services'))]\n"
        "print(heavy)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
