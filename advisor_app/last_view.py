"""上次的工作台 (last view): what the desktop's 工作台 showed, kept so the next start shows it at once.

The desktop writes ``last_view.json`` in the data folder after each 工作台 load and at a clean exit:
the 工作台's lines over a horizon of days (``domain.worklist_days.Horizon``), the 差评回访 lines, the
few things the window frame shows (pages of the role, status bar), a format version and a **stamp of
the store files** (size and mtime_ns of ``advisor.db`` and its ``-wal``). At the next start
:func:`load` gives it back only when the stamp still matches the files — nothing wrote to the store
since (a CLI command, a sync, another program) — so what is shown is exact, not stale. Anything
else (missing, damaged, another version, another stamp, a key that does not open it) is deleted and
the app takes the cold path: an empty 工作台 until the store is open.

Privacy (docs/privacy.md): the view holds names of parties. It is kept only where it gets the same
protection as the store beside it — an unencrypted store (plain JSON, owner-only permissions), or a
store encrypted with a key the app gets without asking (``ADVISOR_DB_KEY`` or the system keyring):
then AES-256-GCM under a key derived by HKDF-SHA256 from the store key with its own context (as
attachments do). A password store or one with local users (login first) keeps none.

This module is imported before the window shows, so it uses the standard library only (the
cryptography package and the keyring are imported when an encrypted view is read or written).
It is outside ``advisor_app.services`` on purpose: importing that package adds the 零上报 hook to
the store's sessions, which imports the store and SQLAlchemy.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

# The store's names from their stdlib-only home (importing the store package would import SQLAlchemy).
from advisor_app.data_folder import (  # noqa: F401 - default_data_dir is the desktop's start-up's
    APP_NAME,
    DB_NAME,
    KEYRING_SERVICE,
    KEYRING_USER,
    SALT_FILE,
    default_data_dir,
)

VERSION = 1
FILE_NAME = "last_view.json"
MAGIC = b"ADVVIEW1"  # an encrypted view: MAGIC | 12-byte nonce | ciphertext+tag
NONCE = 12
_INFO = b"advisor-desk last view v1"  # HKDF context: never the key of the store or the attachments


def path(data_dir: Path) -> Path:
    return Path(data_dir) / FILE_NAME


def stamp(data_dir: Path) -> list[list[Any]]:
    """Size and mtime_ns of the store file and its write-ahead log (``None`` when absent)."""
    out: list[list[Any]] = []
    for name in (DB_NAME, DB_NAME + "-wal"):
        try:
            info = (Path(data_dir) / name).stat()
        except FileNotFoundError:
            out.append([name, None, None])
        else:
            out.append([name, info.st_size, info.st_mtime_ns])
    return out


def password_store(data_dir: Path) -> bool:
    """The store's key comes from a password (asked at each start): no view is kept."""
    return (Path(data_dir) / SALT_FILE).exists()


def may_keep(data_dir: Path, *, has_users: bool) -> bool:
    """A view may be kept: no password store and no local users (their login comes first)."""
    return not has_users and not password_store(data_dir)


def view_key(store_key: bytes) -> bytes:
    """The view's own key: HKDF-SHA256 of the store key with this module's context."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(store_key)


def key_without_asking(data_dir: Path) -> bytes | None:
    """The store key as the store finds it without asking anyone (``ADVISOR_DB_KEY``, then the
    keyring); ``None`` for a password store, no key, or a keyring that cannot answer."""
    # crypto is standard library at import (the store package loads SQLAlchemy only for Store).
    from advisor_app.store import crypto

    try:
        return crypto.store_key(Path(data_dir), create=False, ask=False)
    except Exception:  # a bad ADVISOR_DB_KEY, a locked or broken keyring: the cold path
        return None


def _warn(message: str) -> None:
    import logging  # only when something is wrong: not on the way to the first paint

    logging.getLogger(__name__).warning(message)


def delete(data_dir: Path) -> None:
    try:
        path(data_dir).unlink(missing_ok=True)
    except OSError:
        _warn("上次的工作台文件无法删除")


def write(data_dir: Path, content: dict[str, Any], files: list[list[Any]], store_key: bytes | None) -> bool:
    """Keep ``content`` with the stamp ``files`` (taken when the content was read); encrypted with
    the view key when ``store_key`` is given. False when the folder refuses (never an error)."""
    body = json.dumps(
        {"version": VERSION, "stamp": files, **content}, ensure_ascii=False, separators=(",", ":")
    ).encode("utf-8")
    if store_key:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        nonce = os.urandom(NONCE)
        body = MAGIC + nonce + AESGCM(view_key(store_key)).encrypt(nonce, body, MAGIC)
    target = path(data_dir)
    tmp = target.with_name(f".{target.name}.{os.urandom(4).hex()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # the parties' names: owner only
        with os.fdopen(fd, "wb") as fh:
            fh.write(body)
        tmp.replace(target)
    except OSError:
        tmp.unlink(missing_ok=True)
        _warn("上次的工作台未能保存（数据文件夹不可写）")
        return False
    return True


def read(data_dir: Path) -> dict[str, Any] | None:
    """The view file's content whatever its stamp; ``None`` when missing, damaged, of another
    version, or encrypted with a key this start does not have."""
    try:
        raw = path(data_dir).read_bytes()
    except OSError:
        return None
    if raw.startswith(MAGIC):
        key = key_without_asking(data_dir)
        if key is None:
            return None
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        nonce, sealed = raw[len(MAGIC) : len(MAGIC) + NONCE], raw[len(MAGIC) + NONCE :]
        try:
            raw = AESGCM(view_key(key)).decrypt(nonce, sealed, MAGIC)
        except (InvalidTag, ValueError):
            return None
    elif password_store(data_dir) or _encrypted_store(data_dir):
        return None  # a plain view beside an encrypted store: never shown, and deleted by load()
    try:
        content = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    if not isinstance(content, dict) or content.get("version") != VERSION:
        return None
    return content


def _encrypted_store(data_dir: Path) -> bool:
    try:
        with (Path(data_dir) / DB_NAME).open("rb") as fh:
            return fh.read(16) != b"SQLite format 3\x00"
    except OSError:
        return False


def load(data_dir: Path) -> dict[str, Any] | None:
    """The kept view when the store files are exactly as they were when it was read; otherwise
    ``None``, and a view that is of no use any more (stale, damaged, foreign) is deleted."""
    if not path(data_dir).exists():
        return None
    content = read(data_dir)
    if content is not None and content.get("stamp") == stamp(data_dir):
        return content
    delete(data_dir)
    return None
