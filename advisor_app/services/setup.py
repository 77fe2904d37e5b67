"""First run of an installation: who uses it (role), where (home region), and its villages.

Role and region live in the store's settings, so the CLI and the sync client see them too. The
setting names below are the one home of these keys: the 统计 page, the sync client and the audit
log read them through the functions here, never by a string of their own.

Which records the installation shows (:func:`installation_scope`): a 县司法局 its county, a 司法所
its township, an adviser or mediator the villages they serve (all of the township's when none is
ticked), widened only by the regions the city server's account was given at login
(``sync_regions``). The scope is a range of region codes (:class:`RegionScope`), not a list of
villages: a county's lists ask for the codes starting with the county's six digits.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any, NamedTuple

from advisor_app.domain.roles import HOME_LEVELS, ROLES, RegionScope, Role
from advisor_app.domain.validation import ValidationError
from advisor_app.store import plain_sql

if TYPE_CHECKING:
    from advisor_app.domain.models import Committee, Region
    from advisor_app.store import Store
    from advisor_app.store.direct import DirectStore

# SQLAlchemy, the models and the services built on them (regions, committees) are imported inside
# the functions that use them. What a report or a list asks before reading (the role, the home
# region, the installation's scope, the default region, the township of a code) is plain SQL on
# the driver's connection (store/plain_sql.py), so it answers alike on a full Store and on the
# CLI's direct store (store/direct.py), and importing this module loads no SQLAlchemy.

TOWNSHIP_ROLE = Role.TOWNSHIP
SERVING_ROLES = (Role.ADVISER, Role.MEDIATOR)  # they may tick the villages they serve
ROLE_SETTING = "role"
REGION_SETTING = "region_code"  # the home region: a township (or one village under it); a county
COMMITTEE_SETTING = "committee_id"
SERVED_SETTING = "served_villages"  # adviser / mediator: comma-separated village codes
USER_SETTING = "user"
# written by sync.client at login: the account's role and regions on the city server
ACCOUNT_ROLE_SETTING = "sync_role"
ACCOUNT_REGIONS_SETTING = "sync_regions"


class RegionRow(NamedTuple):
    """A region read with plain SQL (the columns of ``models.Region``): what :func:`township_of`
    gives, on a full store and on the direct store alike. Its callers use the code and the name."""

    code: str
    name: str
    level: str
    parent_code: str | None
    source: str
    retired: bool


_REGION_COLUMNS = "code, name, level, parent_code, source, retired"


def is_configured(store: Store) -> bool:
    return bool(store.setting(ROLE_SETTING)) and bool(store.setting(REGION_SETTING))


def ensure_regions(store: Store) -> None:
    """Load the shipped region codes once (a fresh store has none)."""
    from sqlalchemy import func, select

    from advisor_app.domain.models import Region
    from advisor_app.services import regions

    with store.session() as session:
        have = session.scalar(select(func.count()).select_from(Region))
    if not have:
        regions.load_csv(store)


def townships(store: Store) -> list[Region]:
    from sqlalchemy import select

    from advisor_app.domain.models import Region

    ensure_regions(store)
    with store.session() as session:
        return list(session.scalars(select(Region).where(Region.level == "township").order_by(Region.code)))


def counties(store: Store) -> list[Region]:
    """The counties (县、区、县级市) of the shipped regions and those the city server gave."""
    from sqlalchemy import select

    from advisor_app.domain.models import Region

    ensure_regions(store)
    with store.session() as session:
        return list(session.scalars(select(Region).where(Region.level == "county").order_by(Region.code)))


def configure(store: Store, role: str, region_code: str, user: str | None = None) -> None:
    """Save role and home region (a township, or one village under it; a 县司法局 its county)."""
    from advisor_app.domain.models import Region
    from advisor_app.services import regions

    errors = {}
    if not role:
        errors["role"] = f"身份：请选择身份（{'、'.join(ROLES)}）"
    elif role not in ROLES:
        errors["role"] = f"身份：“{role}”不在可选范围内（{'、'.join(ROLES)}）"
    ensure_regions(store)
    with store.session() as session:
        region = session.get(Region, region_code) if region_code else None
    if role == Role.COUNTY:
        if region is None or region.level not in HOME_LEVELS[Role.COUNTY]:
            errors["region_code"] = "所在县（区）：请选择县、区或县级市"
    elif region is None or region.level not in HOME_LEVELS[Role.TOWNSHIP]:
        errors["region_code"] = "所在地：请选择乡镇或村"
    if errors:
        raise ValidationError(errors)
    store.set_setting(ROLE_SETTING, role)
    store.set_setting(REGION_SETTING, region_code)
    if user and user.strip():
        store.set_setting(USER_SETTING, user.strip())
        store.user = user.strip()
    regions.notify_changed(store)  # the scope and the forms' villages follow the home region


def role(store: Store | DirectStore) -> str | None:
    return store.setting(ROLE_SETTING)


def home_region(store: Store | DirectStore) -> str | None:
    return store.setting(REGION_SETTING)


def township_of(store: Store | DirectStore, code: str) -> RegionRow | None:
    """The township ``code`` lies in (itself when it is one); ``None`` above township level or
    for a code this store does not know."""
    with plain_sql.reading(store) as conn:
        return _township_row(conn, code)


def _township_row(conn: Any, code: str | None) -> RegionRow | None:
    # A village's parent is its township: one step; four bound the walk should a parent chain loop.
    for _ in range(4):
        if not code:
            return None
        row = conn.execute(f"SELECT {_REGION_COLUMNS} FROM regions WHERE code = :c", {"c": code}).fetchone()
        if row is None:
            return None
        if row[2] == "township":
            return RegionRow(row[0], row[1], row[2], row[3], row[4], bool(row[5]))
        code = row[3]
    return None


def home_township(store: Store) -> RegionRow | None:
    code = home_region(store)
    return township_of(store, code) if code else None


def home_county(store: Store) -> Region | None:
    """A 县司法局's county (``None`` for the other roles)."""
    from advisor_app.domain.models import Region

    code = home_region(store)
    if role(store) != Role.COUNTY or not code:
        return None
    with store.session() as session:
        region = session.get(Region, code)
    return region if region is not None and region.level == "county" else None


def county_townships(store: Store, county_code: str) -> list[Region]:
    """The townships of a county: the codes in the county's range (they start with its prefix)."""
    from sqlalchemy import select

    from advisor_app.domain.models import Region

    ((low, high),) = RegionScope.of_roots([county_code]).ranges()
    with store.session() as session:
        return list(
            session.scalars(
                select(Region)
                .where(Region.level == "township", Region.code >= low, Region.code < high)
                .order_by(Region.code)
            )
        )


def township_villages(store: Store, include_retired: bool = False) -> list[Region]:
    """Every village of the home township (a 县司法局: of its county; all villages when no
    township is set)."""
    from advisor_app.services import regions

    county = home_county(store)
    if county is not None:
        found = regions.villages_under(store, county.code)
    else:
        township = home_township(store)
        found = regions.villages_under(store, township.code) if township else regions.all_villages(store)
    return [v for v in found if include_retired or not v.retired]


def served_villages(store: Store | DirectStore) -> list[str]:
    """Adviser / mediator: the village codes ticked as theirs (empty: the whole township)."""
    return _codes(store.setting(SERVED_SETTING))


def _codes(value: str | None) -> list[str]:
    """A comma-separated list of codes as kept in a setting."""
    return [c for c in (value or "").split(",") if c]


def _settings(conn: Any, *keys: str) -> dict[str, str | None]:
    """The settings ``keys`` in one query (the missing ones absent from the answer)."""
    marks = ", ".join(f":k{n}" for n in range(len(keys)))
    params = {f"k{n}": key for n, key in enumerate(keys)}
    return dict(conn.execute(f"SELECT key, value FROM settings WHERE key IN ({marks})", params).fetchall())


def set_served_villages(store: Store, codes: list[str]) -> None:
    from advisor_app.services import regions

    store.set_setting(SERVED_SETTING, ",".join(sorted(set(codes))))
    regions.notify_changed(store)


def villages(store: Store) -> list[Region]:
    """The villages the forms offer: the home township's (an adviser's or mediator's own ones when
    ticked), never retired ones; every village when the township has none yet."""
    from advisor_app.services import regions

    found = township_villages(store)
    served = set(served_villages(store)) if role(store) in SERVING_ROLES else set()
    mine = [v for v in found if v.code in served]
    if mine:
        return mine
    if found or home_township(store) is not None or home_county(store) is not None:
        return found
    return [v for v in regions.all_villages(store) if not v.retired]


def installation_scope(store: Store | DirectStore) -> RegionScope | None:
    """The regions this installation shows when nobody is signed in locally (``None``: not set up).

    A 县司法局 sees its county and everything under it, a 司法所 its township; an adviser or
    mediator the villages ticked as theirs (else the home region). The city account's regions
    (given at login) widen it. Every list query asks this, so it is small indexed queries: the
    settings, the township above a village, and the known codes in each root's code range — the
    queries themselves filter by those ranges (:meth:`RegionScope.sql`), never by a list of villages.
    """
    with plain_sql.reading(store) as conn:
        found = _settings(conn, ROLE_SETTING, REGION_SETTING, SERVED_SETTING, ACCOUNT_REGIONS_SETTING)
        who, code = found.get(ROLE_SETTING), found.get(REGION_SETTING)
        if not who or not code:
            return None
        served = _codes(found.get(SERVED_SETTING))
        if who in SERVING_ROLES and served:
            roots = served
        elif who == Role.TOWNSHIP:
            township = _township_row(conn, code)
            roots = [township.code if township is not None else code]
        else:  # a county its county code; an adviser or mediator with no village ticked the home region
            roots = [code]
        roots += _codes(found.get(ACCOUNT_REGIONS_SETTING))
        scope = RegionScope.of_roots(roots)
        params: dict[str, str] = {}
        rows = conn.execute(f"SELECT code FROM regions WHERE {scope.sql('code', params)}", params).fetchall()
    return RegionScope.of_roots(roots, (row[0] for row in rows))


def account_regions(store: Store | DirectStore) -> list[str]:
    """The regions the city server gave this installation's account (empty when not logged in)."""
    return _codes(store.setting(ACCOUNT_REGIONS_SETTING))


def default_region(store: Store | DirectStore) -> str | None:
    """Where the 统计 page and the reports open: the county for a 县司法局, the home township for a
    司法所; for an adviser or mediator the one village served, else the home region (several
    villages served: ``None``, and reports take the first of them)."""
    with plain_sql.reading(store) as conn:
        found = _settings(conn, ROLE_SETTING, REGION_SETTING, SERVED_SETTING)
        who, code = found.get(ROLE_SETTING), found.get(REGION_SETTING)
        if who == Role.COUNTY:
            return code
        if who != Role.TOWNSHIP:
            served = _codes(found.get(SERVED_SETTING))
            if len(served) == 1:
                return served[0]
            return None if served else code
        township = _township_row(conn, code) if code else None
    return township.code if township is not None else code


def _code_under(township_code: str, code: str) -> str | None:
    """A message when ``code`` is not a 12-digit village code of the township, else None."""
    if not re.fullmatch(r"\d{12}", code):
        return f"区划代码：“{code}”应为 12 位数字"
    if code[:9] != township_code[:9] or code == township_code:
        return f"区划代码：{code} 不在本乡镇（{township_code[:9]}）之下"
    return None


def add_village(store: Store, township_code: str, name: str, code: str | None = None) -> Region:
    """A village typed in by the user (coded under its township, marked 用户录入) or imported with
    its official 区划代码. The same name again returns the existing village (brought back if it
    was retired); a known code takes the new name."""
    from advisor_app.services import regions

    added = _add_village(store, township_code, name, code)
    regions.notify_changed(store)
    return added


def _add_village(store: Store, township_code: str, name: str, code: str | None = None) -> Region:
    from sqlalchemy import select

    from advisor_app.domain.models import Region
    from advisor_app.services import regions

    name = regions.clean_name(name)
    if not name:
        raise ValidationError({"name": "村名：不能为空"})
    if len(name) > 64:
        raise ValidationError({"name": "村名：不能超过 64 个字"})
    code = regions.clean_code(code) if code else None
    with store.session() as session:
        township = session.get(Region, township_code)
        if township is None or township.level != "township":
            raise ValidationError({"region_code": "所在乡镇：请先选择乡镇"})
        if code:
            if problem := _code_under(township_code, code):
                raise ValidationError({"code": problem})
            known = session.get(Region, code)
            if known is not None:
                known.name, known.retired = name, False
                return known
        existing = session.scalars(
            select(Region).where(Region.parent_code == township_code, Region.name == name)
        ).first()
        if existing is not None:
            existing.retired = False
            return existing
        given = bool(code)
        if not code:
            used = set(session.scalars(select(Region.code).where(Region.parent_code == township_code)))
            for seq in range(201, 1000):
                code = township_code[:9] + f"{seq:03d}"
                if code not in used:
                    break
            else:
                raise ValidationError({"name": "村名：该乡镇下的村已满"})
        source = "用户导入" if given else "用户录入"
        village = Region(code=code, name=name, level="village", parent_code=township_code, source=source)
        session.add(village)
    return village


def add_villages(
    store: Store, township_code: str, entries: list[tuple[str, str | None]]
) -> tuple[list[Region], dict[int, str]]:
    """Several villages at once (typed lines, pasted lines, a CSV): the good ones are kept, the
    bad ones come back as {line number (1-based): message}; one notification at the end."""
    from advisor_app.services import regions

    added: list[Region] = []
    errors: dict[int, str] = {}
    try:
        for n, (name, code) in enumerate(entries, start=1):
            try:
                added.append(_add_village(store, township_code, name, code))
            except ValidationError as exc:
                errors[n] = "；".join(exc.errors.values())
    finally:
        if added:
            regions.notify_changed(store)
    return added, errors


def rename_village(store: Store, code: str, name: str) -> Region:
    from sqlalchemy import select

    from advisor_app.domain.models import Region
    from advisor_app.services import regions

    name = regions.clean_name(name)
    if not name:
        raise ValidationError({"name": "村名：不能为空"})
    with store.session() as session:
        village = session.get(Region, code)
        if village is None or village.level != "village":
            raise ValidationError({"code": "村：本机没有这个村"})
        twin = session.scalars(
            select(Region).where(
                Region.parent_code == village.parent_code, Region.name == name, Region.code != code
            )
        ).first()
        if twin is not None:
            raise ValidationError({"name": f"村名：本乡镇已有“{name}”（{twin.code}）"})
        village.name = name
    regions.notify_changed(store)
    return village


def retire_village(store: Store, code: str, retired: bool = True) -> Region:
    """撤并: the village leaves the forms; its records keep it (and still count in reports)."""
    from advisor_app.domain.models import Region
    from advisor_app.services import regions

    with store.session() as session:
        village = session.get(Region, code)
        if village is None or village.level != "village":
            raise ValidationError({"code": "村：本机没有这个村"})
        village.retired = retired
    regions.notify_changed(store)
    return village


def committee(store: Store) -> Committee:
    """The 调委会 this installation numbers cases for; made for the home township on first use."""
    from advisor_app.services import committees

    wanted = store.setting(COMMITTEE_SETTING)
    all_committees = committees.all(store)
    for item in all_committees:
        if item.id == wanted:
            return item
    code = home_region(store)
    township = township_of(store, code) if code else None
    for item in all_committees:
        if township is not None and item.region_code == township.code:
            store.set_setting(COMMITTEE_SETTING, item.id)
            return item
    if all_committees and township is None:
        return all_committees[0]
    if township is None:
        raise ValidationError({"committee_id": "调委会：请先在“设置”中选择所在乡镇"})
    made = committees.create(
        store,
        {
            "name": f"{township.name}人民调解委员会",
            "short_name": township.name[:2],
            "kind": "乡镇",
            "region_code": township.code,
        },
    )
    store.set_setting(COMMITTEE_SETTING, made.id)
    return made


def scope_description(store: Store) -> str:
    """One line for the screen: whose records this installation shows, and what widens it."""
    from advisor_app.services import regions, users  # users imports this module

    names = regions.names(store)

    def named(codes: list[str] | tuple[str, ...]) -> str:
        return "、".join(names.get(c, c) for c in codes)

    me = users.current_user(store)
    if me is not None:
        return f"本机用户 {me.name}（{me.role}）：{named(me.region_codes)}"
    if users.has_users(store):
        return "请先登录本机用户"
    who, code = role(store), home_region(store)
    if not who or not code:
        return "尚未设置身份和所在乡镇：显示本机全部记录"
    served = served_villages(store) if who in SERVING_ROLES else []
    township = township_of(store, code)
    if served:
        own = named(served)
    elif who == Role.TOWNSHIP and township is not None:
        own = township.name
    elif who == Role.COUNTY:
        own = named([code]) + "（所辖各乡镇、村）"
    else:
        own = named([code])
    text = f"{who}：{own}"
    extra = account_regions(store)
    if extra:
        return text + f"；市级服务器账号另可查看：{named(extra)}"
    return text + "（只显示本范围的记录；查看其他地区需要有相应权限的市级服务器账号）"


# Main-window pages (ui.main_window keys) a role does not use: hidden from the navigation. An
# adviser does not run cases (a dispute is referred to mediation from the consultation, 转介 调解);
# the 法律明白人 roster belongs to the 司法所 and is read-only for the others. A 县司法局 reads and
# reports: its lists are read-only (nothing logged, no case run, no roster kept); 统计, 同步 and
# 设置 (with 审计记录) are as the 司法所 has them.
HIDDEN_PAGES: dict[str, tuple[str, ...]] = {Role.ADVISER: ("cases",)}
READ_ONLY_PAGES: dict[str, tuple[str, ...]] = {
    Role.ADVISER: ("roster",),
    Role.MEDIATOR: ("roster",),
    Role.COUNTY: ("consultations", "cases", "roster", "activities"),
}


def _current_role(store: Store) -> str | None:
    from advisor_app.services import users  # users imports this module

    return users.current_role(store)


def hidden_pages(store: Store) -> tuple[str, ...]:
    return HIDDEN_PAGES.get(_current_role(store) or "", ())


def read_only_pages(store: Store) -> tuple[str, ...]:
    return READ_ONLY_PAGES.get(_current_role(store) or "", ())
