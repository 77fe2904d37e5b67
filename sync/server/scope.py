"""Which regions an account may read and write (design.md: scope is enforced on the server).

adviser / mediator: the villages assigned; township: every region under its township code;
city: everything. Committees are also readable from the regions above one's own, because a
village mediator numbers cases under the township's 调委会.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
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
        children = set(session.scalars(select(ServerRegion.code).where(ServerRegion.parent_code.in_(frontier))))
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
    return sorted(session.scalars(select(AccountRegion.region_code).where(AccountRegion.account_id == account_id)))


def scope_of(session: Session, account_id: int, role: str) -> Scope:
    if role == "city":
        return Scope(everything=True)
    codes = assigned_regions(session, account_id)
    return Scope(regions=frozenset(descendants(session, codes)), above=frozenset(ancestors(session, codes)))
