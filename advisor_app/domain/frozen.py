"""The frozen copy of a signed agreement carries a digest of itself, so a later edit shows.

A signed 人民调解协议书 is what the parties signed; its data is frozen at signing
(``Agreement.frozen_data``) and its printed PDF kept with its SHA-256. The digest here covers the
frozen data itself (canonical JSON), so an amount changed in the database afterwards is found even
when the kept PDF is still intact. It is a key inside ``frozen_data``, so it travels with the
record over sync without a new wire field; a retention strip keeps the key (the stripped copy no
longer matches it, and :func:`is_stripped` is checked first).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

DIGEST_KEY = "data_sha256"


def digest(frozen: Mapping[str, Any]) -> str:
    """SHA-256 of the canonical JSON of ``frozen`` without its own digest."""
    body = {k: v for k, v in frozen.items() if k != DIGEST_KEY}
    text = json.dumps(body, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def seal(frozen: Mapping[str, Any]) -> dict[str, Any]:
    """``frozen`` with its digest added (what signing stores)."""
    out = {k: v for k, v in frozen.items() if k != DIGEST_KEY}
    out[DIGEST_KEY] = digest(out)
    return out


def intact(frozen: Mapping[str, Any] | None) -> bool | None:
    """True when the frozen data still matches its digest, False when not, None without a digest."""
    if not frozen or DIGEST_KEY not in frozen:
        return None
    return frozen[DIGEST_KEY] == digest(frozen)


def unsealed(frozen: Mapping[str, Any] | None) -> dict[str, Any]:
    """The frozen data as printed (without the digest)."""
    return {k: v for k, v in (frozen or {}).items() if k != DIGEST_KEY}
