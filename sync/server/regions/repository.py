"""SQL of the region tree."""

from __future__ import annotations

from sqlalchemy import Connection, or_, select

from sync.server.db import ServerRegion


def regions(conn: Connection, codes: list[str] | None, ranges: list[tuple[str, str]] | None = None) -> list:
    """Region rows ordered by code: those in ``codes`` or within one of the code ``ranges``; all of
    them when ``codes`` is None."""
    query = select(
        ServerRegion.code, ServerRegion.name, ServerRegion.level, ServerRegion.parent_code
    ).order_by(ServerRegion.code)
    if codes is not None:
        query = query.where(
            or_(ServerRegion.code.in_(codes), *(ServerRegion.code.between(lo, hi) for lo, hi in ranges or ()))
        )
    return list(conn.execute(query))


def has_child_in(conn: Connection, parent_code: str, codes: frozenset[str]) -> bool:
    """Whether one of ``codes`` lies directly under ``parent_code``."""
    if not codes:
        return False
    found = conn.execute(
        select(ServerRegion.code)
        .where(ServerRegion.parent_code == parent_code, ServerRegion.code.in_(sorted(codes)))
        .limit(1)
    ).first()
    return found is not None
