"""Attachments (附件): files kept once by SHA-256 under the data folder, linked to records.

A blob's identity is the SHA-256 of its **plaintext** (what the sync protocol uploads and downloads
by). When the store has a key (``Store.key``) a blob is kept encrypted at rest with AES-256-GCM under
a key derived from the store key with HKDF-SHA256 (the database key itself never encrypts files):
``MAGIC | 12-byte nonce | ciphertext+tag``, the hash as associated data, so a file swapped for
another blob's does not decrypt. Every read and write goes through :func:`read_blob` and
:func:`write_blob`; ``blob_path`` is only for existence checks and deletion.

Plain blobs of an older version (or of a store encrypted later) are encrypted on first read, and
all at once by :func:`encrypt_plain_blobs` (run by the sync client's file step; cheap when done).
A download in progress is kept as encrypted segments (``.epart``), so no plaintext lies on disk
while a large scan arrives over several syncs.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import re
import secrets
import struct
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from advisor_app.domain.models import Attachment
from advisor_app.store import Store

MAX_BYTES = 50 * 1024 * 1024
MAGIC = b"ADVBLOB1"
NONCE = 12
_INFO = b"advisor-desk attachment blobs v1"
_SHA = re.compile(r"[0-9a-f]{64}")
SWEPT_SETTING = "attachments_encrypted"


class BlobError(Exception):
    """A blob that cannot be read: damaged, or encrypted and this store has no key for it."""


def blob_path(store: Store, sha256: str) -> Path:
    return store.attachments_dir / sha256[:2] / sha256


def has_blob(store: Store, sha256: str) -> bool:
    return blob_path(store, sha256).is_file()


def blob_key(store: Store) -> bytes | None:
    """The files' key: HKDF of the store key (separate from the key SQLCipher uses), or None."""
    return blob_key_of(store.key)


def blob_key_of(store_key: bytes | None) -> bytes | None:
    """The files' key from a store key alone (``advisor diagnose`` has no open Store)."""
    if not store_key:
        return None
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_INFO).derive(store_key)


def _seal(key: bytes, sha: str, data: bytes) -> bytes:
    nonce = secrets.token_bytes(NONCE)
    return MAGIC + nonce + AESGCM(key).encrypt(nonce, data, sha.encode("ascii"))


def _open(key: bytes | None, sha: str, raw: bytes) -> bytes:
    if key is None:
        raise BlobError("附件文件已加密，但数据库没有密钥，无法读取")
    nonce, body = raw[len(MAGIC) : len(MAGIC) + NONCE], raw[len(MAGIC) + NONCE :]
    try:
        return AESGCM(key).decrypt(nonce, body, sha.encode("ascii"))
    except InvalidTag as exc:
        raise BlobError("附件文件已损坏或不是用本机密钥加密的") from exc


def _replace(target: Path, content: bytes) -> None:
    """Write ``content`` to ``target`` in one step (temporary file, fsync, rename)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        with tmp.open("wb") as fh:
            fh.write(content)
            fh.flush()
            os.fsync(fh.fileno())
        tmp.replace(target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_blob(store: Store, data: bytes) -> str:
    """Keep ``data`` (encrypted when the store has a key) and return its plaintext SHA-256."""
    sha = hashlib.sha256(data).hexdigest()
    target = blob_path(store, sha)
    key = blob_key(store)
    if target.is_file():
        if key is None or _is_sealed(target):
            return sha  # already there in the form this store keeps
    _replace(target, _seal(key, sha, data) if key else data)
    return sha


def _is_sealed(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(len(MAGIC)) == MAGIC


def read_blob(store: Store, sha256: str) -> bytes:
    """The plaintext of a blob, checked against its hash; a plain blob of a keyed store is sealed now.

    Raises FileNotFoundError when this device does not have it, BlobError when it cannot be read.
    """
    path = blob_path(store, sha256)
    raw = path.read_bytes()
    key = blob_key(store)
    if hashlib.sha256(raw).hexdigest() == sha256:
        if key is not None:
            _replace(path, _seal(key, sha256, raw))  # a plain blob from before: encrypt it on first read
        return raw
    if not raw.startswith(MAGIC):
        raise BlobError("附件文件与其 SHA-256 不符（文件已损坏）")
    data = _open(key, sha256, raw)
    if hashlib.sha256(data).hexdigest() != sha256:
        raise BlobError("附件文件与其 SHA-256 不符（文件已损坏）")
    return data


def encrypt_plain_blobs(store: Store) -> int:
    """Encrypt every plain blob once the store has a key; how many were encrypted.

    Marked done in the settings, so later calls cost one settings read.
    """
    key = blob_key(store)
    if key is None or store.setting(SWEPT_SETTING) == "1":
        return 0
    done = 0
    root = store.attachments_dir
    for path in sorted(root.glob("??/*")) if root.is_dir() else []:
        sha = path.name
        if not _SHA.fullmatch(sha) or not path.is_file() or _is_sealed(path):
            continue
        raw = path.read_bytes()
        if hashlib.sha256(raw).hexdigest() != sha:
            continue  # damaged: left for the sync's download to replace, not sealed as if good
        _replace(path, _seal(key, sha, raw))
        done += 1
    store.set_setting(SWEPT_SETTING, "1")
    return done


class PartialBlob:
    """A blob arriving in pieces (a resumable download), never as plaintext on disk when keyed.

    With a key the pieces are kept as sealed segments in ``<sha>.epart`` (``length | nonce |
    ciphertext+tag``, the hash and offset as associated data); without one, as a plain ``.part``.
    A segment cut short by a crash is dropped, so the download resumes from the last whole one.
    """

    _HEAD = struct.Struct(">I")

    def __init__(self, store: Store, sha256: str):
        self.store = store
        self.sha = sha256
        self.key = blob_key(store)
        target = blob_path(store, sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        self.plain_part = target.with_suffix(".part")
        self.path = target.with_suffix(".epart") if self.key else self.plain_part
        self._sizes: list[int] = []
        if self.key:
            self._load_segments()
            if self.plain_part.exists():  # a plain partial download of an older version
                if not self._sizes:
                    self.append(self.plain_part.read_bytes())
                self.plain_part.unlink()

    def _load_segments(self) -> None:
        if not self.path.exists():
            return
        raw = self.path.read_bytes()
        pos = 0
        while pos + self._HEAD.size + NONCE <= len(raw):
            (length,) = self._HEAD.unpack_from(raw, pos)
            end = pos + self._HEAD.size + NONCE + length
            if end > len(raw) or length < 16:
                break
            self._sizes.append(length - 16)
            pos = end
        if pos != len(raw):
            with self.path.open("r+b") as fh:
                fh.truncate(pos)

    @property
    def size(self) -> int:
        """Plaintext bytes already here (where a Range request goes on from)."""
        if self.key:
            return sum(self._sizes)
        return self.plain_part.stat().st_size if self.plain_part.exists() else 0

    def append(self, data: bytes) -> None:
        if not data:
            return
        if self.key is None:
            with self.plain_part.open("ab") as fh:
                fh.write(data)
            return
        nonce = secrets.token_bytes(NONCE)
        aad = f"{self.sha}:{self.size}".encode("ascii")
        body = AESGCM(self.key).encrypt(nonce, data, aad)
        with self.path.open("ab") as fh:
            fh.write(self._HEAD.pack(len(body)) + nonce + body)
            fh.flush()
            os.fsync(fh.fileno())
        self._sizes.append(len(data))

    def restart(self) -> None:
        self.discard()

    def discard(self) -> None:
        self.path.unlink(missing_ok=True)
        self.plain_part.unlink(missing_ok=True)
        self._sizes = []

    def _plaintext(self) -> bytes:
        if self.key is None:
            return self.plain_part.read_bytes() if self.plain_part.exists() else b""
        raw, pos, out = self.path.read_bytes(), 0, bytearray()
        for size in self._sizes:
            body_len = size + 16
            nonce = raw[pos + self._HEAD.size : pos + self._HEAD.size + NONCE]
            body = raw[pos + self._HEAD.size + NONCE : pos + self._HEAD.size + NONCE + body_len]
            try:
                out += AESGCM(self.key).decrypt(nonce, body, f"{self.sha}:{len(out)}".encode("ascii"))
            except InvalidTag as exc:
                raise BlobError("下载中的附件片段已损坏") from exc
            pos += self._HEAD.size + NONCE + body_len
        return bytes(out)

    def finish(self) -> bool:
        """Keep the blob when the pieces add up to its hash (True); otherwise drop them (False)."""
        try:
            data = self._plaintext()
        except BlobError:
            self.discard()
            return False
        if hashlib.sha256(data).hexdigest() != self.sha:
            self.discard()
            return False
        write_blob(self.store, data)
        self.discard()
        return True


def add_file(store: Store, path: Path, target_kind: str, target_id: str, purpose: str = "其他") -> Attachment:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ValueError(f"附件过大（{size // 1024 // 1024} MB），上限 {MAX_BYTES // 1024 // 1024} MB")
    return add_bytes(store, path.read_bytes(), path.name, target_kind, target_id, purpose)


def add_bytes(
    store: Store, data: bytes, filename: str, target_kind: str, target_id: str, purpose: str
) -> Attachment:
    sha = write_blob(store, data)
    mime = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    with store.session() as session:
        attachment = Attachment(
            sha256=sha,
            filename=filename,
            mime=mime,
            size=len(data),
            target_kind=target_kind,
            target_id=target_id,
            purpose=purpose,
        )
        session.add(attachment)
    return attachment
