"""Who is 申请人 and who 被申请人 when a case marks its parties only as 当事人."""

from __future__ import annotations

from typing import Any


def split_sides(parties: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The first party applies unless the roles say otherwise; every other party responds."""
    applicants = [p for p in parties if p.get("role") == "申请人"] or parties[:1]
    return applicants, [p for p in parties if p not in applicants]


def names(parties: list[dict[str, Any]]) -> str:
    return "、".join(p.get("name") or "" for p in parties)
