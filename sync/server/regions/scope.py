"""Which regions an account may read and write (design.md: scope is enforced on the server).

adviser / mediator: the villages assigned; township: every region under its township code;
city: everything. Committees are also readable from the regions above one's own, because a
village mediator numbers cases under the township's 调委会.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection, select, text
from sqlalchemy.orm import Session

from sync.server.db import AccountRegion, ServerRegion

ROLES = ("adviser", "mediator", "township", "city")
ROSTER_ROLES = ("township", "city")  # the township owns its 法律明白人 roster
ROSTER_KINDS = ("legal_literates", "trainings")


@dataclass(frozen=True)
class Scope:
    everything: bool = False
    regions: frozenset[str] = field(default_factory=frozenset)  # read and write
    above: frozenset[str] = field(default_factory=frozenset)  # ancestors: committees only

    def can_write(self, code: str | None) -> bool:
        return self.everything or (code is not None and code in self.regions)

    def can_read(self, kind: str, code: str | None) -> bool:
        if self.everything or code in self.regions:
            return True
        return kind == "committees" and code in self.above


def descendants(session: Session, codes: list[str]) -> set[str]:
    found = set(codes)
    frontier = list(codes)
    while frontier:
        children = set(
            session.scalars(select(ServerRegion.code).where(ServerRegion.parent_code.in_(frontier)))
        )
        frontier = list(children - found)
        found |= children
    return found


def ancestors(session: Session, codes: list[str]) -> set[str]:
    found: set[str] = set()
    frontier = list(codes)
    while frontier:
        parents = set(
            p
            for p in session.scalars(select(ServerRegion.parent_code).where(ServerRegion.code.in_(frontier)))
            if p
        )
        frontier = list(parents - found)
        found |= parents
    return found


def assigned_regions(session: Session, account_id: int) -> list[str]:
    return sorted(
        session.scalars(select(AccountRegion.region_code).where(AccountRegion.account_id == account_id))
    )


# An account's regions, everything below them and everything above them, in one round trip
# (this runs on every request, the no-op sync included).
SCOPE_SQL = text("""
WITH RECURSIVE
  mine(code) AS (SELECT region_code FROM account_regions WHERE account_id = :account_id),
  down(code) AS (
    SELECT code FROM mine
    UNION SELECT r.code FROM server_regions r JOIN down ON r.parent_code = down.code),
  up(code) AS (
    SELECT r.parent_code FROM server_regions r JOIN mine ON r.code = mine.code WHERE r.parent_code IS NOT NULL
    UNION SELECT r.parent_code FROM server_regions r JOIN up ON r.code = up.code WHERE r.parent_code IS NOT NULL)
SELECT 'down', code FROM down UNION ALL SELECT 'up', code FROM up
""")


def scope_of(session: Session | Connection, account_id: int, role: str) -> Scope:
    if role == "city":
        return Scope(everything=True)
    found: dict[str, set[str]] = {"down": set(), "up": set()}
    for direction, code in session.execute(SCOPE_SQL, {"account_id": account_id}):
        found[direction].add(code)
    return Scope(regions=frozenset(found["down"]), above=frozenset(found["up"]))
