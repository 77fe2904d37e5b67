"""Encryption at rest of the local store (SQLCipher through sqlcipher3, AES-256).

Where the key comes from, in order:

1. ``ADVISOR_DB_KEY`` — 64 hex digits, for automation on a machine without a keyring;
2. ``ADVISOR_STORE_ENCRYPTION=off`` — no encryption (development and the test suite);
3. a password-derived key when the data folder holds ``store.salt`` (set up where the system has
   no keyring: the app asks for the password, the CLI reads ``ADVISOR_DB_PASSWORD``);
4. the system keyring (Windows Credential Locker, macOS Keychain, Secret Service): a random
   256-bit key made on first use, one per system user (so backups restore into any data folder);
5. none of these: the store stays unencrypted, and `advisor diagnose` says so.

The raw key is handed to SQLCipher as ``x'…'`` so no key derivation runs on each connection.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from pathlib import Path

from advisor_app.data_folder import KEYRING_SERVICE as SERVICE
from advisor_app.data_folder import KEYRING_USER, SALT_FILE

SQLITE_HEADER = b"SQLite format 3\x00"


class StoreLockedError(RuntimeError):
    """The store is encrypted and no key for it can be found here."""


def is_encrypted(path: Path) -> bool:
    """An existing, non-empty database file whose header is not plain SQLite's."""
    if not path.exists() or path.stat().st_size == 0:
        return False
    with path.open("rb") as fh:
        return fh.read(16) != SQLITE_HEADER


def keyring_usable() -> bool:
    try:
        import keyring
        from keyring.backends import fail

        backend = keyring.get_keyring()
    except Exception:  # a broken keyring installation is the same as none
        return False
    if isinstance(backend, fail.Keyring):
        return False
    backends = getattr(backend, "backends", None)  # the chainer: usable only if it chains something
    return bool(backends) if backends is not None else backend.priority > 0


def _keyring_user(_data_dir: Path) -> str:
    return KEYRING_USER


def key_from_password(password: str, salt: bytes) -> bytes:
    """scrypt (stdlib): slow on purpose, so a stolen file cannot be guessed quickly."""
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=2**15, r=8, p=1, maxmem=64 * 1024 * 1024, dklen=32
    )


def set_password(data_dir: Path, password: str) -> bytes:
    """Choose password-based encryption for a data folder (where there is no keyring)."""
    if len(password) < 8:
        raise ValueError("密码至少 8 位")
    salt_path = data_dir / SALT_FILE
    if not salt_path.exists():
        salt_path.write_bytes(secrets.token_bytes(16))
    return key_from_password(password, salt_path.read_bytes())


def store_key(data_dir: Path, *, create: bool, password: str | None = None, ask: bool = True) -> bytes | None:
    """The key of the store in ``data_dir``; ``None`` means the store is (to be) unencrypted.

    ``create``: a key may be made now (a new store, or an unencrypted one about to be encrypted).
    ``ask=False``: only a key found without anyone giving a password (``ADVISOR_DB_KEY``, the
    keyring); a password store then gives ``None`` (the last view's rule: advisor_app/last_view.py).
    """
    env_key = os.environ.get("ADVISOR_DB_KEY")
    if env_key:
        try:
            key = bytes.fromhex(env_key)
        except ValueError:
            key = b""
        if len(key) != 32:
            raise StoreLockedError("环境变量 ADVISOR_DB_KEY 应为 64 位十六进制数字")
        return key
    if os.environ.get("ADVISOR_STORE_ENCRYPTION", "").lower() == "off":
        return None
    salt_path = data_dir / SALT_FILE
    if salt_path.exists():
        if not ask:
            return None
        password = password or os.environ.get("ADVISOR_DB_PASSWORD")
        if not password:
            raise StoreLockedError(
                "数据库已用密码加密，请输入密码（命令行可设置环境变量 ADVISOR_DB_PASSWORD）"
            )
        return key_from_password(password, salt_path.read_bytes())
    if not keyring_usable():
        return None
    import keyring

    user = _keyring_user(data_dir)
    stored = keyring.get_password(SERVICE, user)
    if stored:
        return bytes.fromhex(stored)
    if not create:
        return None
    key = secrets.token_bytes(32)
    keyring.set_password(SERVICE, user, key.hex())
    return key


def connect(path: Path, key: bytes | None):  # noqa: ANN201 - a DB-API connection
    """A DB-API connection to the store file, keyed when ``key`` is given."""
    if key is None:
        import sqlite3

        return sqlite3.connect(path)
    import sqlcipher3

    conn = sqlcipher3.connect(str(path))
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    return conn


def encrypt_in_place(path: Path, key: bytes) -> None:
    """Turn an unencrypted store into an encrypted one; the plain file is replaced only after the
    encrypted copy has passed an integrity check and holds the same rows."""
    import sqlcipher3

    tmp = path.with_name(path.name + ".encrypting")
    tmp.unlink(missing_ok=True)
    plain = sqlcipher3.connect(str(path))
    try:
        plain.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        tables = [
            r[0]
            for r in plain.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        counts = {t: plain.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
        quoted = str(tmp).replace("'", "''")
        plain.execute(f"ATTACH DATABASE '{quoted}' AS encrypted KEY \"x'{key.hex()}'\"")
        plain.execute("SELECT sqlcipher_export('encrypted')")
        plain.execute("DETACH DATABASE encrypted")
    finally:
        plain.close()
    check = connect(tmp, key)
    try:
        if check.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            raise RuntimeError("加密后的数据库未通过完整性检查，已保留原文件")
        for table, count in counts.items():
            if check.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] != count:
                raise RuntimeError(f"加密后的数据表 {table} 行数不符，已保留原文件")
    finally:
        check.close()
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    os.replace(tmp, path)
