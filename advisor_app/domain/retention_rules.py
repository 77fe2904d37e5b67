"""保存期限 and the signed agreement: the one change a signed 人民调解协议书 may still take.

A signed agreement is immutable (design.md): after signing only ``performed`` (with
``performed_on``), ``status`` and ``pdf_sha256`` change, anything else is a new version. Past the
retention period of its archived case, though, its personal data must go (个人信息保护法 Art 19,
47). The *retention strip* is that one exception: the texts that may name people (facts, terms,
performance) become the shared placeholder, and the frozen copy loses the same texts and the
parties while keeping everything the reports and the 卷宗 count (amount, dates, kind, version, copies).

Pure functions over wire-form field dicts (JSON values: dates as ISO text), so the city server
(``sync.server.changes``), the device's conflict rule (``sync.client.conflicts``) and the local
stripping (``advisor_app.services.retention``) all judge and make the same change.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from advisor_app.domain.privacy import RETENTION_PLACEHOLDER
from advisor_app.domain.statuses import AgreementStatus, CaseStatus

__all__ = [
    "ARCHIVED",
    "SIGNED",
    "SIGNED_MUTABLE",
    "STRIP_MARK",
    "is_retention_strip",
    "is_stripped",
    "strip_frozen",
    "stripped_fields",
]

SIGNED = AgreementStatus.SIGNED
ARCHIVED = CaseStatus.ARCHIVED
# After an agreement is signed only these may change; anything else is a new version (design.md).
# ``performed_on`` (migration 0013) is the day ``performed`` was recorded: it moves with it.
SIGNED_MUTABLE = frozenset({"performed", "performed_on", "status", "pdf_sha256"})
# What the strip replaces on the record, and what it drops from the frozen copy.
STRIPPED = frozenset({"facts", "terms", "performance", "frozen_data"})
FROZEN_PERSONAL = ("parties", "facts", "terms", "performance")
# Must not move in a strip: what the reports count and what identifies the agreement.
KEPT = ("amount_fen", "signed_on", "kind", "version", "status", "case_id")
STRIP_MARK = "retention_stripped"


def strip_frozen(frozen: Mapping[str, Any] | None) -> dict[str, Any]:
    """The frozen copy without the parties and the texts, marked as stripped."""
    kept = {k: v for k, v in (frozen or {}).items() if k not in FROZEN_PERSONAL}
    kept[STRIP_MARK] = True
    return kept


def stripped_fields(old: Mapping[str, Any]) -> dict[str, Any]:
    """The new values of the fields a retention strip changes, from the agreement's current ones."""
    return {
        "facts": RETENTION_PLACEHOLDER,
        "terms": [RETENTION_PLACEHOLDER] if old.get("terms") else [],
        "performance": RETENTION_PLACEHOLDER if old.get("performance") else "",
        "frozen_data": strip_frozen(old.get("frozen_data")),
    }


def is_stripped(frozen: Mapping[str, Any] | None) -> bool:
    return bool(frozen and frozen.get(STRIP_MARK) is True)


def is_retention_strip(
    old: Mapping[str, Any], new: Mapping[str, Any], *, case_status: str | None, deleted: bool = False
) -> bool:
    """True when ``new`` is a valid retention strip of the signed agreement ``old``.

    ``old`` and ``new`` hold the agreement's fields (wire form; a field missing from one is None);
    ``case_status`` is the parent case's status as stored where the judge stands (server or device).
    """
    if deleted or old.get("status") != SIGNED or case_status != ARCHIVED:
        return False
    changed = {k for k in set(old) | set(new) if old.get(k) != new.get(k)}
    if changed - SIGNED_MUTABLE - STRIPPED:
        return False
    if any(old.get(k) != new.get(k) for k in KEPT):
        return False
    if new.get("facts") != RETENTION_PLACEHOLDER:
        return False
    if new.get("terms") not in ([], [RETENTION_PLACEHOLDER]):
        return False
    if new.get("performance") not in (None, "", RETENTION_PLACEHOLDER):
        return False
    return new.get("frozen_data") == strip_frozen(old.get("frozen_data"))
