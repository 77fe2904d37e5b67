"""Where and when a figure counts: a region code prefix and a period (month, quarter or year)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, TypeAlias

from advisor_app.domain.validation import ValidationError
from advisor_app.store import plain_sql

# What the figures read from: an ORM session, a SQLAlchemy connection, the CLI's direct store or a
# DB-API connection — the SQL runs on the driver connection under it (store/plain_sql.py), so the
# reports need no SQLAlchemy of their own and the CLI can make them without importing it.
Source: TypeAlias = Any


@dataclass(frozen=True)
class Period:
    """A reporting period: ``start`` inclusive, ``end`` exclusive."""

    kind: str  # month / quarter / year
    start: date
    end: date
    label: str  # 2026年11月 / 2026年第4季度 / 2026年

    @property
    def months(self) -> int:
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month

    def month_keys(self) -> list[str]:
        keys, day = [], self.start
        while day < self.end:
            keys.append(f"{day.year:04d}-{day.month:02d}")
            day = add_months(day, 1)
        return keys

    def covering_quarters(self) -> Period:
        """The whole quarters this period touches (a month's lectures count over its quarter)."""
        start = date(self.start.year, (self.start.month - 1) // 3 * 3 + 1, 1)
        last = add_months(self.end, -1)
        end = add_months(date(last.year, (last.month - 1) // 3 * 3 + 1, 1), 3)
        return Period("quarter", start, end, self.label)

    def quarters(self) -> int:
        return max(1, self.covering_quarters().months // 3)


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def month(year: int, mon: int) -> Period:
    start = date(year, mon, 1)
    return Period("month", start, add_months(start, 1), f"{year}年{mon}月")


def parse_period(text: str) -> Period:
    """``2026-11`` (month), ``2026-Q4`` (quarter) or ``2026`` (year)."""
    text = (text or "").strip().upper()
    if m := re.fullmatch(r"(\d{4})-(\d{1,2})", text):
        year, mon = int(m[1]), int(m[2])
        if 1 <= mon <= 12:
            return month(year, mon)
    elif m := re.fullmatch(r"(\d{4})-?Q([1-4])", text):
        year, q = int(m[1]), int(m[2])
        start = date(year, 3 * q - 2, 1)
        return Period("quarter", start, add_months(start, 3), f"{year}年第{q}季度")
    elif m := re.fullmatch(r"\d{4}", text):
        year = int(text)
        return Period("year", date(year, 1, 1), date(year + 1, 1, 1), f"{year}年")
    raise ValidationError({"period": f"统计期间：“{text}”格式不对，应为 2026-11、2026-Q4 或 2026"})


def region_prefix(code: str | None) -> str:
    """The code prefix a region covers: a village its 12 digits, a township 9, a county 6, a city 4.

    ``None`` or empty means the whole store.
    """
    if not code:
        return ""
    code = code.strip()
    if not re.fullmatch(r"\d{12}", code):
        raise ValidationError({"region": f"地区：区划代码应为 12 位数字（收到“{code}”）"})
    for keep in (2, 4, 6, 9):
        if code[keep:] == "0" * (12 - keep):
            return code[:keep]
    return code


def prefix_range(prefix: str) -> tuple[str, str]:
    """Bounds for ``column >= low AND column < high``: an index-friendly prefix match on digit codes.

    ':' sorts right after '9', so every digit string starting with ``prefix`` lies in the range.
    """
    return prefix, prefix + ":"


def region_sql(column: str, params: dict, prefix: str) -> str:
    """A WHERE fragment limiting ``column`` to the region; adds its bounds to ``params``."""
    if not prefix:
        return "1=1"
    params["rlo"], params["rhi"] = prefix_range(prefix)
    # The unary + keeps SQLite off the region index: a township's prefix matches nearly every row
    # of its store, while the date index narrows a month to a twelfth.
    return f"(+{column} >= :rlo AND +{column} < :rhi)"


# Above this share of a table's dated span, reading the whole table in storage order is cheaper
# than fetching each of the period's rows through the date index (random page reads).
SCAN_SHARE = 0.25

# table -> (date column, condition matching the leading columns of an index on that date)
_DATED = {
    "consultations": ("occurred_at", "deleted = 0"),
    "cases": ("accepted_on", "deleted = 0"),
    "ratings": ("rated_on", "target_kind = 'consultation'"),
}


def table_access(session: Source, table: str, period: Period) -> str:
    """``"NOT INDEXED"`` when ``period`` covers most of ``table``'s dates (a year of a one-year
    store), else ``""`` (let SQLite use the date index).

    The span is read with two index lookups (min and max), so the choice costs microseconds.
    """
    column, leading = _DATED[table]
    ((low, high),) = fetch(
        session,
        f"SELECT (SELECT MIN({column}) FROM {table} WHERE {leading}), "
        f"(SELECT MAX({column}) FROM {table} WHERE {leading})",
        {},
    )
    if low is None:
        return ""
    first, last = date.fromisoformat(str(low)[:10]), date.fromisoformat(str(high)[:10]) + timedelta(days=1)
    overlap = (min(last, period.end) - max(first, period.start)).days
    return "NOT INDEXED" if overlap >= SCAN_SHARE * (last - first).days else ""


def fetch(source: Source, sql: str, params: dict[str, Any]) -> list[tuple]:
    """Rows straight from the DB-API cursor (``:name`` parameters).

    For the grouped result sets of a long period (tens of thousands of rows) SQLAlchemy's per-row
    processing would cost more than SQLite's own work, and the CLI makes its reports without
    importing SQLAlchemy at all.
    """
    return plain_sql.rows(source, sql, params)


def column(source: Source, sql: str, params: dict[str, Any]) -> list[Any]:
    """The first column of every row (the ids behind a figure)."""
    return [row[0] for row in plain_sql.rows(source, sql, params)]


# --- who may see which region (本机用户) ------------------------------------------------------------


def allowed_region(store: Any, region: str | None) -> str | None:
    """``region`` checked against what may be seen here; the code reports may use.

    Local users: a report covers one of the signed-in user's regions (or a village or township
    inside them); ``None`` means the user's region when there is exactly one. Nobody signed in: the
    CLI signs in as ``ADVISOR_USER`` (password in ``ADVISOR_USER_PASSWORD``), else nothing is shown.
    No local users: the installation's scope (a 司法所 its township, setup.installation_scope);
    ``None`` means its home region. An installation not set up yet sees the whole store. Anything
    else is refused — figures of other villages never leave the core, whichever front end asks.
    """
    from advisor_app.services import setup, users

    if not users.has_users(store):
        scope = setup.installation_scope(store)
        if scope is None:
            return region or None
        if region:
            if region.strip() in scope:
                return region.strip()
            raise ValidationError({"region": f"地区：{region} 不在本机负责的范围内（见“设置”）"})
        home = setup.default_region(store)
        if home in scope:
            return home
        return own_regions([c for c in scope if c.endswith("000")] or list(scope))[0]
    scope = users.current_scope(store)
    if users.current_user(store) is None:
        users.sign_in_from_env(store)
        scope = users.current_scope(store)
    me = users.current_user(store)
    if me is None or scope is None:
        raise ValidationError({"region": "地区：请先登录本机用户（命令行：设置 ADVISOR_USER）"})
    if region:
        if region.strip() in scope:
            return region.strip()
        raise ValidationError({"region": f"地区：{region} 不在您（{me.name}）负责的范围内"})
    tops = own_regions(me.region_codes)
    if len(tops) == 1:
        return tops[0]
    raise ValidationError({"region": f"地区：您负责多个地区，请选择其中一个（{'、'.join(tops)}）"})


def own_regions(codes: tuple[str, ...] | list[str]) -> list[str]:
    """The codes not inside another of them (a township's own villages listed too add nothing)."""

    def inside(code: str, other: str) -> bool:
        prefix = region_prefix(other)
        return code != other and code.startswith(prefix)

    return sorted(c for c in set(codes) if not any(inside(c, o) for o in codes))


def allowed_choices(store: Any) -> tuple[str, ...] | None:
    """The region codes a report may be asked for (``None``: any, the whole store included)."""
    from advisor_app.services import users

    return users.current_scope(store)
