"""法律明白人 roster: register, train, remove (清退); each village's count against the target."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select

from advisor_app.domain.clock import china_today
from advisor_app.domain.models import LegalLiterate, Region, Training
from advisor_app.domain.statuses import RosterStatus
from advisor_app.domain.validation import Checker, ValidationError
from advisor_app.store import Store

TARGET_PER_VILLAGE = 3  # national norm: at least 3 per 行政村 (domain.md §5)
FIELDS = (
    "region_code",
    "group_name",
    "name",
    "gender",
    "birth_date",
    "ethnicity",
    "political_status",
    "education",
    "identity_category",
    "id_number",
    "phone",
    "certificate_no",
    "appointed_on",
)


def check_member(data: dict[str, Any]) -> dict[str, Any]:
    check = Checker(data)
    check.text("region_code", required=True)
    check.text("group_name", max_len=64)
    check.text("name", required=True, max_len=64)
    check.choice("gender", "genders")
    check.day("birth_date", not_future=True)
    check.text("ethnicity", max_len=16)
    check.choice("political_status", "political_statuses")
    check.choice("education", "education_levels")
    check.choice("identity_category", "identity_categories")
    info = check.id_number("id_number")
    check.phone("phone")
    check.text("certificate_no", max_len=64)
    check.day("appointed_on", not_future=True)
    if info is not None:
        if check.clean.get("gender") and check.clean["gender"] != info.gender:
            check.fail("gender", f"与身份证号不符（身份证号显示为{info.gender}）")
        check.clean["gender"] = info.gender
        check.clean["birth_date"] = info.birth_date
    return check.done()


def add(store: Store, data: dict[str, Any]) -> LegalLiterate:
    clean = check_member(data)
    with store.session() as session:
        if session.get(Region, clean["region_code"]) is None:
            raise ValidationError({"region_code": f"所在村：区划代码 {clean['region_code']} 不存在"})
        member = LegalLiterate(**clean, status=RosterStatus.ACTIVE)
        session.add(member)
    return member


def update(store: Store, member_id: str, data: dict[str, Any]) -> LegalLiterate:
    with store.session() as session:
        member = _get(session, member_id)
        clean = check_member({**{k: getattr(member, k) for k in FIELDS}, **data})
        for key in FIELDS:
            if key in data:
                setattr(member, key, clean[key])
    return member


def add_training(store: Store, member_id: str, data: dict[str, Any]) -> Training:
    check = Checker(data)
    check.day("trained_on", required=True, not_future=True)
    check.amount("hours", required=True)
    check.text("topic", required=True, max_len=256)
    clean = check.done()
    if clean["hours"] is not None and not 0 < clean["hours"] <= 100:
        raise ValidationError({"hours": "学时：应在 0 到 100 之间"})
    with store.session() as session:
        _get(session, member_id)
        training = Training(legal_literate_id=member_id, **clean)
        session.add(training)
    return training


def remove(store: Store, member_id: str, reason: str, on: date | None = None) -> LegalLiterate:
    """清退: kept on file with the date and reason, no longer counted."""
    if not reason or not reason.strip():
        raise ValidationError({"removed_reason": "清退原因：不能为空"})
    with store.session() as session:
        member = _get(session, member_id)
        member.status = RosterStatus.REMOVED
        member.removed_on = on or china_today()
        member.removed_reason = reason.strip()
    return member


@dataclass(frozen=True)
class VillageCount:
    code: str
    name: str
    active: int
    target: int = TARGET_PER_VILLAGE

    @property
    def below_target(self) -> bool:
        return self.active < self.target


def village_counts(store: Store, region_codes: list[str] | None = None) -> list[VillageCount]:
    """每村法律明白人（在册）人数 against the target of 3; villages with none are listed too."""
    with store.session() as session:
        counts = dict(
            session.execute(
                select(LegalLiterate.region_code, func.count())
                .where(LegalLiterate.status == RosterStatus.ACTIVE, LegalLiterate.deleted.is_(False))
                .group_by(LegalLiterate.region_code)
            ).all()
        )
        query = select(Region).where(Region.level == "village").order_by(Region.code)
        if region_codes is not None:
            query = query.where(Region.code.in_(region_codes))
        return [VillageCount(r.code, r.name, counts.get(r.code, 0)) for r in session.scalars(query)]


def _get(session, member_id: str) -> LegalLiterate:  # noqa: ANN001
    member = session.get(LegalLiterate, member_id)
    if member is None or member.deleted:
        raise LookupError(f"找不到法律明白人 {member_id}")
    return member
