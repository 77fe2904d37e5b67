"""Opening the local store: the one door the desktop app (``ui``) uses to reach it.

The policy lives here, not in the dialogs: whether a password is needed to open the store, when
password encryption may be offered (no keyring, no key, not encrypted yet), what a new password
must satisfy, and how the store is encrypted with it (advisor_app.store.crypto). The dialogs only
ask the person and pass the answer on; the import-rule test keeps ``ui`` off ``advisor_app.store``.
"""

from __future__ import annotations

import os
from pathlib import Path

from advisor_app.store import Store, crypto
from advisor_app.store import open_store as _open_store
from advisor_app.store.database import DB_NAME, default_data_dir
from advisor_app.store.engine import reads_only_here

__all__ = [
    "PASSWORD_MIN_LENGTH",
    "Store",
    "check_new_password",
    "default_data_dir",
    "encrypt_with_password",
    "may_offer_password",
    "needs_password",
    "open_store",
    "reads_only_here",
]

PASSWORD_MIN_LENGTH = 8


def open_store(data_dir: Path, password: str | None = None) -> Store:
    """The store of ``data_dir`` (migrated to the current schema), with its password if it has one."""
    return _open_store(data_dir, password=password)


def _encryption_off() -> bool:
    return os.environ.get("ADVISOR_STORE_ENCRYPTION", "").lower() == "off"


def needs_password(data_dir: Path) -> bool:
    """A password-encrypted store (``store.salt`` here) with no password or key given otherwise."""
    return (
        (data_dir / crypto.SALT_FILE).exists()
        and not os.environ.get("ADVISOR_DB_PASSWORD")
        and not os.environ.get("ADVISOR_DB_KEY")
        and not _encryption_off()
    )


def may_offer_password(data_dir: Path, *, declined: bool) -> bool:
    """No keyring, no key and no password yet, the store not encrypted, and the offer not
    ``declined`` before (the desktop remembers that in its own settings)."""
    if os.environ.get("ADVISOR_DB_KEY") or _encryption_off():
        return False
    if (data_dir / crypto.SALT_FILE).exists() or crypto.is_encrypted(data_dir / DB_NAME):
        return False
    if declined:
        return False
    return not crypto.keyring_usable()


def check_new_password(first: str, second: str) -> str | None:
    """Why a new store password (typed twice) is refused, naming the field; None when it is fine."""
    if len(first) < PASSWORD_MIN_LENGTH:
        return f"数据库密码：至少 {PASSWORD_MIN_LENGTH} 位"
    if first != second:
        return "再输入一次：两次输入的密码不一致"
    return None


def encrypt_with_password(data_dir: Path, password: str) -> Store:
    """Encrypt the (new) store of ``data_dir`` with a key derived from ``password``, and open it."""
    crypto.set_password(data_dir, password)
    return open_store(data_dir, password=password)
