"""Which regions an account may read and write (design.md: scope is enforced on the server).

adviser / mediator: the villages assigned; township: every region under its township code;
county (县司法局): every region under its county code; city: everything. Committees are also readable from the regions above one's own, because a
village mediator numbers cases under the township's 调委会.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from sync.server.db import AccountRegion, ServerRegion

ROLES = ("adviser", "mediator", "township", "county", "city")
ROSTER_ROLES = ("township", "city")  # the township owns its 法律明白人 roster
ROSTER_KINDS = ("legal_literates", "trainings")

# 统计用区划代码: 2 (province) + 2 (city) + 2 (county) + 3 (township) + 3 (village) digits; a
# region's code starts with its parent's code without the parent's trailing zero segments, so
# "everything under a region" is a range of codes, not a list of descendants.
SEGMENTS = (2, 2, 2, 3, 3)
CODE_LENGTH = 12


def code_prefix(code: str) -> str:
    """The part of a region code every code below it starts with (trailing zero segments cut)."""
    cut = len(code)
    if cut != CODE_LENGTH:
        return code  # not a 区划代码: only the code itself
    for width in reversed(SEGMENTS):
        if cut - width <= 0 or code[cut - width : cut] != "0" * width:
            break
        cut -= width
    return code[:cut]


def code_ancestors(code: str) -> list[str]:
    """The codes of the regions above ``code`` (its prefixes padded with zeros), nearest first."""
    prefix = code_prefix(code)
    out = []
    bounds = [sum(SEGMENTS[: n + 1]) for n in range(len(SEGMENTS))]
    for bound in reversed(bounds):
        if bound < len(prefix):
            out.append(prefix[:bound].ljust(CODE_LENGTH, "0"))
    return out


@dataclass(frozen=True)
class Scope:
    everything: bool = False
    prefixes: tuple[str, ...] = ()  # read and write: every code starting with one of these
    above: frozenset[str] = field(default_factory=frozenset)  # ancestors: committees only
    assigned: tuple[str, ...] = ()  # the regions given to the account

    def can_write(self, code: str | None) -> bool:
        if self.everything:
            return True
        return code is not None and len(code) == CODE_LENGTH and code.startswith(self.prefixes or ("\0",))

    def can_read(self, kind: str, code: str | None) -> bool:
        if self.can_write(code):
            return True
        return kind == "committees" and code in self.above

    def ranges(self) -> list[tuple[str, str]]:
        """(lowest, highest) code of each prefix: ``scope BETWEEN lo AND hi`` uses the index."""
        return [(p.ljust(CODE_LENGTH, "0"), p.ljust(CODE_LENGTH, "9")) for p in self.prefixes]

    @classmethod
    def of_regions(cls, codes: list[str]) -> Scope:
        prefixes = sorted({code_prefix(c) for c in codes})
        # A prefix under another prefix adds nothing.
        kept = tuple(p for p in prefixes if not any(p != q and p.startswith(q) for q in prefixes))
        above = {a for c in codes for a in code_ancestors(c)}
        return cls(prefixes=kept, above=frozenset(above), assigned=tuple(sorted(codes)))


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


def scope_of(session: Session | Connection, account_id: int, role: str) -> Scope:
    """What the account reads and writes: one read of its assigned regions (every request, the
    no-op sync included); the tree below and above them follows from the codes."""
    if role == "city":
        return Scope(everything=True)
    codes = session.execute(
        select(AccountRegion.region_code).where(AccountRegion.account_id == account_id)
    ).scalars()
    return Scope.of_regions(list(codes))
