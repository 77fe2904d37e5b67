"""法律咨询 and the other adviser services: log, edit, close with a rating, delete."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from advisor_app.domain.clock import china_now
from advisor_app.domain.models import Consultation, Person, Region
from advisor_app.domain.statuses import ConsultationStatus
from advisor_app.domain.validation import Checker, ValidationError
from advisor_app.services import ratings
from advisor_app.store import Store

EDITABLE = (
    "region_code",
    "person_id",
    "person_name",
    "occurred_at",
    "service_type",
    "mode",
    "category",
    "subcategory",
    "question",
    "answer",
    "referral",
    "outcome",
    "duration_minutes",
    "adviser",
    "tags",
)
# The person's phone and ID number live on the 服务对象 (persons) record the consultation points to,
# so the same person is found again next time and no consultation column needs syncing anew.
CONTACT = ("phone", "id_number")


def check_consultation(data: dict[str, Any]) -> dict[str, Any]:
    check = Checker(data)
    check.text("region_code", required=True, max_len=12)
    check.text("person_id", max_len=36)
    check.text("person_name", max_len=64)
    check.moment("occurred_at", required=True, not_future=True)
    check.choice("service_type", "service_types", required=True)
    check.choice("mode", "service_modes", required=True)
    check.choice("category", "consultation_categories", required=True)
    check.choice("subcategory", "consultation_subcategories")
    check.text("question", required=True, max_len=5000)
    check.text("answer", max_len=10000)
    check.choice("referral", "referral_kinds")
    check.text("outcome", max_len=5000)
    check.integer("duration_minutes", minimum=0, maximum=24 * 60)
    check.text("adviser", max_len=64)
    check.choices("tags", "priority_groups")
    return check.done()


# What a field left empty takes, in the form, the service and a spreadsheet import alike.
DEFAULTS: dict[str, str] = {"service_type": "法律咨询解答", "mode": "实地", "category": "民事"}


def _defaults(data: dict[str, Any]) -> dict[str, Any]:
    return {**DEFAULTS, "occurred_at": china_now(), **data}


def _check_region(session, region_code: str) -> None:  # noqa: ANN001
    region = session.get(Region, region_code)
    if region is None:
        raise ValidationError({"region_code": f"所在村：区划代码 {region_code} 不存在"})


def check_contact(data: dict[str, Any]) -> dict[str, Any]:
    """联系电话 and 身份证号 of the person served (both optional); a valid ID number gives 性别/出生日期."""
    check = Checker(data)
    check.phone("phone")
    info = check.id_number("id_number")
    if info is not None:
        check.clean["gender"] = info.gender
        check.clean["birth_date"] = info.birth_date
    return check.done()


def _checked(data: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Both checks at once, so every field's message shows in one save."""
    errors: dict[str, str] = {}
    clean: dict[str, Any] = {}
    contact: dict[str, Any] = {}
    try:
        clean = check_consultation(data)
    except ValidationError as exc:
        errors.update(exc.errors)
    try:
        contact = check_contact({k: data.get(k) for k in CONTACT})
    except ValidationError as exc:
        errors.update(exc.errors)
    if errors:
        raise ValidationError(errors)
    return clean, contact


def link_person(session, record: Consultation, contact: dict[str, Any]) -> None:  # noqa: ANN001
    """Point the consultation at the person with this ID number or phone, or a new one holding them."""
    phone, number = contact.get("phone"), contact.get("id_number")
    if not phone and not number:
        return  # a person chosen from 已有的人 stays linked; nothing typed changes nothing
    person = session.get(Person, record.person_id) if record.person_id else None
    if person is None or person.deleted:
        person = None
        query = select(Person).where(Person.deleted.is_(False))
        if number:
            person = session.scalars(query.where(Person.id_number == number).limit(1)).first()
        if person is None and phone and record.person_name:
            person = session.scalars(
                query.where(Person.phone == phone, Person.name == record.person_name).limit(1)
            ).first()
    if person is None:
        person = Person(name=record.person_name or "", region_code=record.region_code, tags=record.tags or [])
        session.add(person)
    if phone:
        person.phone = phone
    if number:
        person.id_number = number
        person.gender = contact["gender"]
        person.birth_date = contact["birth_date"]
    if record.person_name and not person.name:
        person.name = record.person_name
    session.flush()
    record.person_id = person.id


def contact(store: Store, record_id: str) -> dict[str, Any]:
    """The phone and ID number of the consultation's person (empty when none is recorded)."""
    with store.session() as session:
        record = _get(session, record_id)
        person = session.get(Person, record.person_id) if record.person_id else None
        if person is None or person.deleted:
            return {"phone": None, "id_number": None}
        return {"phone": person.phone, "id_number": person.id_number}


def create(store: Store, data: dict[str, Any]) -> Consultation:
    clean, contact_data = _checked(_defaults(data))
    with store.session() as session:
        _check_region(session, clean["region_code"])
        record = Consultation(**{k: clean[k] for k in EDITABLE}, status=ConsultationStatus.OPEN)
        session.add(record)
        link_person(session, record, contact_data)
    return record


def update(store: Store, record_id: str, data: dict[str, Any]) -> Consultation:
    with store.session() as session:
        record = _get(session, record_id)
        current = {k: getattr(record, k) for k in EDITABLE}
        clean, contact_data = _checked({**current, **data})
        _check_region(session, clean["region_code"])
        for key in EDITABLE:
            if key in data:
                setattr(record, key, clean[key])
        if any(key in data for key in CONTACT):
            link_person(session, record, contact_data)
    return record


def close(
    store: Store,
    record_id: str,
    *,
    grade: str | None = None,
    comment: str | None = None,
    no_rating_reason: str | None = None,
    outcome: str | None = None,
) -> Consultation:
    """办结: a consultation is closed with the person's rating, or the reason none was given."""
    if not grade and not (no_rating_reason and no_rating_reason.strip()):
        raise ValidationError({"grade": "满意度：办结时请当事人评价，或填写未评价原因"})
    with store.session() as session:
        record = _get(session, record_id)
        if grade:
            ratings.rate(session, "consultation", record.id, {"grade": grade, "comment": comment})
            record.no_rating_reason = None
        else:
            record.no_rating_reason = (no_rating_reason or "").strip()  # not empty: checked on entry
        if outcome is not None:
            record.outcome = outcome
        record.status = ConsultationStatus.DONE
    return record


def delete(store: Store, record_id: str) -> None:
    with store.session() as session:
        _get(session, record_id).deleted = True


def get(store: Store, record_id: str) -> Consultation:
    with store.session() as session:
        return _get(session, record_id)


def count(store: Store) -> int:
    with store.session() as session:
        # COUNT(*) always answers a row; scalar() is typed for an empty result
        n = session.scalar(
            select(func.count()).select_from(Consultation).where(Consultation.deleted.is_(False))
        )
        return n or 0


def _get(session, record_id: str) -> Consultation:  # noqa: ANN001
    record = session.get(Consultation, record_id)
    if record is None or record.deleted:
        raise LookupError(f"找不到咨询记录 {record_id}")
    return record
