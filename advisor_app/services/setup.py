"""First run of an installation: who uses it (role), where (home region), and its villages.

Role and region live in the store's settings, so the CLI and the sync client see them too.
"""

from __future__ import annotations

from sqlalchemy import func, select

from advisor_app.domain.models import Committee, Region
from advisor_app.domain.validation import ValidationError
from advisor_app.services import committees, regions
from advisor_app.store import Store

ROLES = ("村法律顾问", "人民调解员", "司法所")
ROLE_SETTING = "role"
REGION_SETTING = "region_code"
COMMITTEE_SETTING = "committee_id"


def is_configured(store: Store) -> bool:
    return bool(store.setting(ROLE_SETTING)) and bool(store.setting(REGION_SETTING))


def ensure_regions(store: Store) -> None:
    """Load the shipped region codes once (a fresh store has none)."""
    with store.session() as session:
        have = session.scalar(select(func.count()).select_from(Region))
    if not have:
        regions.load_csv(store)


def townships(store: Store) -> list[Region]:
    ensure_regions(store)
    with store.session() as session:
        return list(session.scalars(select(Region).where(Region.level == "township").order_by(Region.code)))


def configure(store: Store, role: str, region_code: str, user: str | None = None) -> None:
    """Save role and home region (a township, or one village under it)."""
    errors = {}
    if role not in ROLES:
        errors["role"] = f"身份：“{role}”不在可选范围内（{'、'.join(ROLES)}）"
    ensure_regions(store)
    with store.session() as session:
        region = session.get(Region, region_code)
    if region is None or region.level not in ("township", "village"):
        errors["region_code"] = "所在地：请选择乡镇或村"
    if errors:
        raise ValidationError(errors)
    store.set_setting(ROLE_SETTING, role)
    store.set_setting(REGION_SETTING, region_code)
    if user and user.strip():
        store.set_setting("user", user.strip())
        store.user = user.strip()


def role(store: Store) -> str | None:
    return store.setting(ROLE_SETTING)


def home_region(store: Store) -> str | None:
    return store.setting(REGION_SETTING)


def township_of(store: Store, code: str) -> Region | None:
    with store.session() as session:
        region = session.get(Region, code)
        while region is not None and region.level not in ("township",):
            region = session.get(Region, region.parent_code) if region.parent_code else None
        return region


def villages(store: Store) -> list[Region]:
    """The villages this installation works with: those under its home township, else all."""
    code = home_region(store)
    township = township_of(store, code) if code else None
    found = regions.villages_under(store, township.code) if township else []
    return found or regions.all_villages(store)


def add_village(store: Store, township_code: str, name: str) -> Region:
    """A village typed in by the user, coded under its township (marked: not an official code)."""
    name = name.strip()
    if not name:
        raise ValidationError({"name": "村名：不能为空"})
    with store.session() as session:
        township = session.get(Region, township_code)
        if township is None or township.level != "township":
            raise ValidationError({"region_code": "所在乡镇：请先选择乡镇"})
        existing = session.scalars(
            select(Region).where(Region.parent_code == township_code, Region.name == name)
        ).first()
        if existing is not None:
            return existing
        used = set(session.scalars(select(Region.code).where(Region.parent_code == township_code)))
        for seq in range(201, 1000):
            code = township_code[:9] + f"{seq:03d}"
            if code not in used:
                break
        else:
            raise ValidationError({"name": "村名：该乡镇下的村已满"})
        village = Region(code=code, name=name, level="village", parent_code=township_code, source="用户录入")
        session.add(village)
    return village


def committee(store: Store) -> Committee:
    """The 调委会 this installation numbers cases for; made for the home township on first use."""
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
