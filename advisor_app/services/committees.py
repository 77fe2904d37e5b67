"""人民调解委员会: the committees whose numbers cases carry."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from advisor_app.domain.models import Committee, Region
from advisor_app.domain.validation import Checker, ValidationError
from advisor_app.store import Store


def create(store: Store, data: dict[str, Any]) -> Committee:
    check = Checker(data)
    check.text("name", required=True, max_len=128)
    check.text("short_name", required=True, max_len=16)
    check.choice("kind", "committee_kinds", required=True)
    check.text("region_code", required=True)
    clean = check.done()
    with store.session() as session:
        if session.get(Region, clean["region_code"]) is None:
            raise ValidationError({"region_code": f"所在地：区划代码 {clean['region_code']} 不存在"})
        committee = Committee(**clean)
        session.add(committee)
    return committee


def all(store: Store) -> list[Committee]:  # noqa: A001 - reads as committees.all(store)
    with store.session() as session:
        return list(
            session.scalars(select(Committee).where(Committee.deleted.is_(False)).order_by(Committee.name))
        )
