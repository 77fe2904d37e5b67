"""SQL of the region tree."""

from __future__ import annotations

from sqlalchemy import Connection, select

from sync.server.db import ServerRegion


def regions(conn: Connection, codes: list[str] | None) -> list:
    """Region rows ordered by code; all of them when ``codes`` is None."""
    query = select(
        ServerRegion.code, ServerRegion.name, ServerRegion.level, ServerRegion.parent_code
    ).order_by(ServerRegion.code)
    if codes is not None:
        query = query.where(ServerRegion.code.in_(codes))
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
