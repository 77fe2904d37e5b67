"""People served and case parties: particulars, ID-number autofill, duplicate detection."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from advisor_app.domain.clock import china_today
from advisor_app.domain.models import CaseParty, Person
from advisor_app.domain.validation import Checker

PERSON_FIELDS = (
    "name",
    "gender",
    "ethnicity",
    "birth_date",
    "id_number",
    "phone",
    "address",
    "occupation",
    "tags",
)


def check_person(check: Checker, *, name_required: bool = True) -> None:
    """Clean a person's particulars; a valid ID number fills 性别 and 出生日期 (and must agree)."""
    check.text("name", required=name_required, max_len=64)
    check.choice("gender", "genders")
    check.text("ethnicity", max_len=16)
    check.day("birth_date", not_future=True)
    info = check.id_number("id_number")
    check.phone("phone")
    check.text("address", max_len=256)
    check.text("occupation", max_len=64)
    check.choices("tags", "priority_groups")
    if info is not None:
        given_gender = check.clean.get("gender")
        if given_gender and given_gender != info.gender:
            check.fail("gender", f"与身份证号不符（身份证号显示为{info.gender}）")
        given_birth = check.clean.get("birth_date")
        if given_birth and given_birth != info.birth_date:
            check.fail("birth_date", f"与身份证号不符（身份证号显示为 {info.birth_date.isoformat()}）")
        check.clean["gender"] = info.gender
        check.clean["birth_date"] = info.birth_date


def age(birth: date | None, on: date | None = None) -> int | None:
    if birth is None:
        return None
    on = on or china_today()
    return on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))


def pinyin_key(name: str) -> str:
    """Toneless pinyin of a name: 张伟 and 章玮 share ``zhang wei``."""
    from pypinyin import lazy_pinyin  # its dictionaries take most of a second to load

    return " ".join(lazy_pinyin(name))


@dataclass(frozen=True)
class Match:
    kind: str  # person / party
    record_id: str
    name: str
    reason: str  # 身份证号相同 / 电话相同 / 同村同音


def find_similar(session: Session, data: dict[str, Any], region_code: str | None = None) -> list[Match]:
    """People already in the store who may be the one being entered (or a relative of a mediator)."""
    matches: list[Match] = []
    seen: set[str] = set()

    def add(kind: str, rid: str, name: str, reason: str) -> None:
        if rid not in seen:
            seen.add(rid)
            matches.append(Match(kind, rid, name, reason))

    id_number = (data.get("id_number") or "").strip().upper()
    phone = (data.get("phone") or "").strip()
    conditions = []
    if id_number:
        conditions.append(Person.id_number == id_number)
    if phone:
        conditions.append(Person.phone == phone)
    if conditions:
        for p in session.scalars(select(Person).where(Person.deleted.is_(False), or_(*conditions))):
            add(
                "person",
                p.id,
                p.name,
                "身份证号相同" if id_number and p.id_number == id_number else "电话相同",
            )
    if id_number:
        for party in session.scalars(select(CaseParty).where(CaseParty.id_number == id_number)):
            add("party", party.id, party.name, "身份证号相同")
    name = (data.get("name") or "").strip()
    if name and region_code:
        key = pinyin_key(name)
        for p in session.scalars(
            select(Person).where(Person.region_code == region_code, Person.deleted.is_(False))
        ):
            if p.id not in seen and pinyin_key(p.name) == key:
                add("person", p.id, p.name, "同村同音姓名")
    return matches


def particulars(session: Session, match: Match, fields: tuple[str, ...]) -> dict[str, Any]:
    """The particulars of a matched person or earlier party, to fill a new party with."""
    from advisor_app.domain.models import CaseParty

    record = session.get(Person if match.kind == "person" else CaseParty, match.record_id)
    return {k: getattr(record, k, None) for k in fields}
