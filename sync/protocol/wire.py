"""Wire helpers: protocol version, the columnar batch, canonical hashing and table digests."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from typing import Any

# 2: the post-sync check is a per-kind count and an XOR of per-record checks (``table_check``),
# kept by the server per village as records are written; 1 (the SHA-256 of sorted lines) is
# still served to clients that say 1 or say nothing.
PROTOCOL_VERSION = 2
SUPPORTED_VERSIONS = frozenset({1, 2})
PROTOCOL_HEADER = "X-Advisor-Protocol"
MAX_BATCH = 5000  # changes per push; the client splits larger queues
MAX_PAGE = 5000  # records per pull page


def canonical_json(value: Any) -> str:
    """One spelling per value: sorted keys, no spaces, UTF-8 kept (hashes agree on both ends)."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def payload_hash(payload: dict[str, Any], deleted: bool) -> str:
    """What makes two pushes of one (id, rev) the same change: the fields and the tombstone."""
    text = canonical_json({"d": bool(deleted), "p": payload})
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def encode_columns(records: Iterable[dict[str, Any]], fields: Sequence[str]) -> dict[str, Any]:
    """Records of one kind as ``{"fields": [...], "rows": [[...], ...]}`` (names sent once)."""
    return {"fields": list(fields), "rows": [[rec.get(f) for f in fields] for rec in records]}


def decode_columns(block: dict[str, Any]) -> list[dict[str, Any]]:
    """The inverse of :func:`encode_columns`; ValueError when a row does not match the fields."""
    fields = block["fields"]
    if len(set(fields)) != len(fields):
        raise ValueError("字段名重复")
    out = []
    for n, row in enumerate(block["rows"]):
        if len(row) != len(fields):
            raise ValueError(f"第 {n + 1} 行有 {len(row)} 个值，字段有 {len(fields)} 个")
        out.append(dict(zip(fields, row, strict=True)))
    return out


def table_digest(pairs: Iterable[tuple[str, int]]) -> str:
    """Digest of one table in a scope: SHA-256 of ``id:rev`` lines sorted by id (tombstones too).

    Both ends compute it from what they hold; equal digests mean the same records at the same
    revisions.
    """
    h = hashlib.sha256()
    for record_id, rev in sorted(pairs):
        h.update(f"{record_id}:{rev}\n".encode())
    return h.hexdigest()


def record_check(kind: str, record_id: str, rev: int) -> int:
    """A record's share of the protocol-2 table check: the first 8 bytes of SHA-256 of
    ``kind:id:rev`` as a signed big-endian 64-bit integer (the server computes the same in SQL)."""
    digest = hashlib.sha256(f"{kind}:{record_id}:{rev}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def table_check(kind: str, pairs: Iterable[tuple[str, int]]) -> str:
    """Protocol-2 digest of one table in a scope: XOR of ``record_check`` over (id, rev) pairs, as
    16 hex digits. Order-independent, so the server keeps it per village as records are written
    (adding and removing a record is the same XOR) and combines villages without reading records."""
    acc = 0
    for record_id, rev in pairs:
        acc ^= record_check(kind, record_id, rev)
    return f"{acc & 0xFFFFFFFFFFFFFFFF:016x}"
