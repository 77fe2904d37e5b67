"""身份: the roles of an installation, and the part of the region tree each one sees.

The values are the Chinese words stored in the settings (``role``) and on local users since the
first version, so older stores read unchanged; code names the members, never the words.

统计用区划代码 are hierarchical: 2 (province) + 2 (city) + 2 (county) + 3 (township) + 3 (village)
digits, and every region below another starts with the other's code cut of its trailing zero
segments (its *prefix*). So "everything under a county" is one range of codes, not a list of its
villages: :class:`RegionScope` carries those prefixes for the queries, and the known codes for the
pickers (the city server's ``sync.server.regions.scope`` works the same way).
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum


class Role(StrEnum):
    """Who uses the installation (身份)."""

    ADVISER = "村法律顾问"
    MEDIATOR = "人民调解员"
    TOWNSHIP = "司法所"
    COUNTY = "县司法局"


ROLES: tuple[Role, ...] = tuple(Role)

# The level of the home region each role is set up with (设置 and the first run): a 县司法局 its
# county, the others a township (or one village under it).
HOME_LEVELS: dict[Role, tuple[str, ...]] = {
    Role.ADVISER: ("township", "village"),
    Role.MEDIATOR: ("township", "village"),
    Role.TOWNSHIP: ("township", "village"),
    Role.COUNTY: ("county",),
}

# Roles that only read and report: no consultations logged, no cases run, no roster kept.
READING_ROLES: frozenset[Role] = frozenset({Role.COUNTY})

# The city server's account roles (sync.server.regions.scope.ROLES) as the desk's roles; a city
# account has no desk role of its own.
ACCOUNT_ROLES: dict[str, Role] = {
    "adviser": Role.ADVISER,
    "mediator": Role.MEDIATOR,
    "township": Role.TOWNSHIP,
    "county": Role.COUNTY,
}

# 统计用区划代码 segments, most significant first
SEGMENTS = (2, 2, 2, 3, 3)
CODE_LENGTH = 12


def code_prefix(code: str) -> str:
    """The part of a region code every code below it starts with (trailing zero segments cut):
    610502000000 → 610502, 610502100000 → 610502100, a village its 12 digits. A code that is not
    a 12-digit 区划代码 covers only itself."""
    if len(code) != CODE_LENGTH or not code.isdigit():
        return code
    cut = CODE_LENGTH
    for width in reversed(SEGMENTS):
        if cut - width <= 0 or code[cut - width : cut] != "0" * width:
            break
        cut -= width
    return code[:cut]


def _outermost(prefixes: Iterable[str]) -> tuple[str, ...]:
    """The prefixes not inside another of them (a village under a township adds nothing)."""
    found = sorted(set(prefixes))
    return tuple(p for p in found if not any(p != q and p.startswith(q) for q in found))


class RegionScope(tuple[str, ...]):
    """The regions an installation or a local user may see.

    As a tuple it holds the region codes of the scope known to this store (for the region pickers
    and the reports' checks); :attr:`prefixes` say what the scope *is*: a code belongs to it when it
    starts with one of them, and :meth:`sql` turns that into index-friendly ranges, so a county's
    lists never pass every village of the county to the database.
    """

    prefixes: tuple[str, ...]

    def __new__(cls, codes: Iterable[str], prefixes: Iterable[str]) -> RegionScope:
        kept = _outermost(prefixes)
        self = super().__new__(cls, sorted({c for c in codes if c.startswith(kept)} if kept else ()))
        self.prefixes = kept
        return self

    @classmethod
    def of_roots(cls, roots: Iterable[str], known: Iterable[str] = ()) -> RegionScope:
        """Everything under ``roots`` (region codes); ``known``: codes of this store to list."""
        roots = [r for r in roots if r]
        return cls([*roots, *known], (code_prefix(r) for r in roots))

    def covers(self, code: object) -> bool:
        return isinstance(code, str) and bool(self.prefixes) and code.startswith(self.prefixes)

    def __contains__(self, code: object) -> bool:
        return self.covers(code)

    def __reduce__(self) -> tuple:  # a tuple subclass with an attribute: pickle both
        return (RegionScope, (tuple(self), self.prefixes))

    def within(self, outer: RegionScope) -> RegionScope:
        """The part of this scope that ``outer`` also covers."""
        prefixes = [p for p in self.prefixes if outer.covers(p)]
        prefixes += [q for q in outer.prefixes if self.covers(q)]
        return RegionScope([c for c in self if c in outer], prefixes)

    def ranges(self) -> list[tuple[str, str]]:
        """``(low, high)`` per prefix for ``column >= low AND column < high``: ':' sorts right after
        '9', so every digit code starting with the prefix lies in the range."""
        return [(p, p + ":") for p in self.prefixes]

    def sql(self, column: str, params: dict, tag: str = "scope", *, indexed: bool = True) -> str:
        """A WHERE fragment limiting ``column`` to the scope; adds its bounds to ``params``.
        An empty scope matches nothing (fails closed). ``indexed=False`` keeps SQLite off an index
        on ``column`` (the unary +), for a scope holding most of the table: see :func:`region_filter`."""
        parts = []
        col = column if indexed else f"+{column}"
        for n, (low, high) in enumerate(self.ranges()):
            params[f"{tag}lo{n}"], params[f"{tag}hi{n}"] = low, high
            parts.append(f"({col} >= :{tag}lo{n} AND {col} < :{tag}hi{n})")
        return "(" + " OR ".join(parts) + ")" if parts else "0 = 1"


def region_filter(column: str, codes: Iterable[str] | None, params: dict, tag: str = "rc") -> str:
    """The WHERE fragment of a region filter: ranges for a :class:`RegionScope`, else the codes
    listed (``IN``); ``None`` limits nothing. Shared by the lists and the search.

    A scope's range is checked row by row, not looked up through the region index: an
    installation's scope holds most of its store, and a list's first page is fastest read down the
    date index, stopping at 200 rows in scope (through the region index SQLite would read the whole
    range and sort it: about 3× slower for a county's cases)."""
    if codes is None:
        return "1 = 1"
    if isinstance(codes, RegionScope):
        return codes.sql(column, params, tag, indexed=False)
    marks = []
    for n, code in enumerate(codes):
        params[f"{tag}{n}"] = code
        marks.append(f":{tag}{n}")
    return f"{column} IN ({', '.join(marks) or 'NULL'})"
