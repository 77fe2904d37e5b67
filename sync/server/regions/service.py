"""The regions an account sees."""

from __future__ import annotations

from sync.server.auth.service import Actor
from sync.server.database import Db
from sync.server.regions import repository
from sync.server.regions.schemas import RegionOut


def visible_regions(db: Db, who: Actor) -> list[RegionOut]:
    """The regions this account works in, and those above them (for the local region tree)."""
    codes = None if who.scope.everything else sorted(who.scope.above)
    with db.read() as conn:
        return [
            RegionOut(code=r.code, name=r.name, level=r.level, parent_code=r.parent_code)
            for r in repository.regions(conn, codes, who.scope.ranges())
        ]
