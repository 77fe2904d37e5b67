"""普法活动: lectures and other publicity activities, with the 法律明白人 who took part."""

from __future__ import annotations

from typing import Any

from advisor_app.domain.models import Activity, ActivityParticipant, LegalLiterate, Region
from advisor_app.domain.validation import Checker, ValidationError
from advisor_app.store import Store

FIELDS = (
    "region_code",
    "held_on",
    "kind",
    "place",
    "topic",
    "audience_count",
    "speaker",
    "duration_minutes",
    "notes",
)


def check_activity(data: dict[str, Any]) -> dict[str, Any]:
    check = Checker(data)
    check.text("region_code", required=True)
    check.day("held_on", required=True, not_future=True)
    check.choice("kind", "activity_kinds", required=True)
    check.text("place", required=True, max_len=128)
    check.text("topic", required=True, max_len=256)
    check.integer("audience_count", minimum=0, maximum=100000)
    check.text("speaker", max_len=64)
    check.integer("duration_minutes", minimum=0, maximum=24 * 60)
    check.text("notes", max_len=5000)
    clean = check.done()
    clean["audience_count"] = clean["audience_count"] or 0
    return clean


# What a field left empty takes, in the form, the service and a spreadsheet import alike.
DEFAULTS: dict[str, str] = {"kind": "法治讲座"}


def create(store: Store, data: dict[str, Any], participant_ids: list[str] | None = None) -> Activity:
    clean = check_activity({**DEFAULTS, **data})
    with store.session() as session:
        if session.get(Region, clean["region_code"]) is None:
            raise ValidationError({"region_code": f"所在村：区划代码 {clean['region_code']} 不存在"})
        activity = Activity(**clean)
        session.add(activity)
        session.flush()
        for member_id in participant_ids or []:
            if session.get(LegalLiterate, member_id) is None:
                raise ValidationError({"participants": f"参加人：找不到法律明白人 {member_id}"})
            session.add(ActivityParticipant(activity_id=activity.id, legal_literate_id=member_id))
    return activity


def update(store: Store, activity_id: str, data: dict[str, Any]) -> Activity:
    with store.session() as session:
        activity = session.get(Activity, activity_id)
        if activity is None or activity.deleted:
            raise LookupError(f"找不到活动 {activity_id}")
        clean = check_activity({**{k: getattr(activity, k) for k in FIELDS}, **data})
        for key in FIELDS:
            if key in data:
                setattr(activity, key, clean[key])
    return activity
