"""满意度评价 (服务一次，评价一次): a rating per service; a bad one gets a follow-up date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from advisor_app.domain import workdays
from advisor_app.domain.clock import china_today
from advisor_app.domain.models import Rating
from advisor_app.domain.roles import RegionScope, Role, region_filter
from advisor_app.domain.validation import Checker, ValidationError
from advisor_app.domain.vocab import terms
from advisor_app.services import users
from advisor_app.store import Store

FOLLOW_UP_WORKING_DAYS = 15  # one local rule: every bad rating called back within 15 working days
# A reason for closing without a rating: the person takes the 服务评价卡 and rates on the phone
# (issue 19); their own rating arrives later with the next sync (source = self).
SELF_RATING_REASON = "当事人将扫码评价"
SOURCE_LABELS = {"staff": "工作人员录入", "self": "当事人扫码"}
# 申诉: a mistaken or malicious rating, filed by the village, decided by the township (司法所)
APPEAL_OPEN, APPEAL_UPHELD, APPEAL_REJECTED = "申诉中", "申诉成立", "申诉不成立"
APPEAL_DECIDER_ROLE = Role.TOWNSHIP  # not the 县司法局: decisions stay with the township


def add_working_days(start: date, days: int) -> date:
    """``days`` working days after ``start``: weekends, China's official holidays and swapped
    workdays from the yearly calendar file (advisor_app.domain.workdays)."""
    return workdays.add_workdays(start, days)


def check_rating(data: dict[str, Any]) -> dict[str, Any]:
    check = Checker(data)
    check.choice("grade", "satisfaction_grades", required=True)
    check.day("rated_on", not_future=True)
    check.text("comment", max_len=1000)
    return check.done()


def rate(
    session: Session, target_kind: str, target_id: str, data: dict[str, Any], *, new_target: bool = False
) -> Rating:
    """Record (or replace) the rating of one service inside the caller's unit of work.

    ``new_target``: the service was created in this unit of work, so it has no rating yet.
    """
    values = rating_values(data)
    rating = None if new_target else rating_of(session, target_kind, target_id)
    if rating is None:
        rating = Rating(target_kind=target_kind, target_id=target_id)
        session.add(rating)
    for key, value in values.items():
        setattr(rating, key, value)
    return rating


def rating_values(data: dict[str, Any]) -> dict[str, Any]:
    """What :func:`rate` sets on a rating (also used by bulk imports, which write plain rows)."""
    clean = check_rating(data)
    rated_on = clean["rated_on"] or china_today()
    bad = clean["grade"] in terms("bad_grades")
    return {
        "grade": clean["grade"],
        "rated_on": rated_on,
        "comment": clean["comment"],
        "follow_up_due": add_working_days(rated_on, FOLLOW_UP_WORKING_DAYS) if bad else None,
    }


def rating_of(session: Session, target_kind: str, target_id: str) -> Rating | None:
    """The staff-entered rating of a service (工作人员录入): the one staff may record or replace.
    The person's own rating (当事人扫码) is never overwritten here."""
    return session.scalars(
        select(Rating).where(
            Rating.target_kind == target_kind,
            Rating.target_id == target_id,
            Rating.deleted.is_(False),
            Rating.source != "self",
        )
    ).first()


def counted_rating(session: Session, target_kind: str, target_id: str) -> Rating | None:
    """The rating that counts for a service: the person's own (当事人扫码) where there is one."""
    found = list(
        session.scalars(
            select(Rating).where(
                Rating.target_kind == target_kind, Rating.target_id == target_id, Rating.deleted.is_(False)
            )
        )
    )
    found.sort(key=lambda r: (r.source != "self", r.rated_on, r.id))
    return found[0] if found else None


# --- 差评回访: the follow-up call of a bad rating ---------------------------------------------------

# What a rating is about, for the follow-up list: kind -> (label, table, SQL of its description, the
# table's alias written ``{t}``).
TARGETS = {
    "consultation": (
        "法律咨询",
        "consultations",
        "substr({t}.occurred_at, 1, 16) || '　' || COALESCE({t}.person_name, '') || '　'"
        " || substr({t}.question, 1, 30)",
    ),
    "case": ("纠纷调解", "cases", "COALESCE({t}.case_no, '') || '　' || {t}.dispute_type"),
    "activity": ("普法活动", "activities", "{t}.held_on || '　' || {t}.topic"),
}


@dataclass
class FollowUp:
    """A bad rating and its follow-up (差评回访), as listed on the 工作台 and by ``advisor followup``."""

    id: str
    target_kind: str
    target_label: str
    target_id: str
    title: str
    region_code: str
    grade: str
    rated_on: date
    comment: str | None
    follow_up_due: date | None
    followed_up_on: date | None
    followed_up_by: str | None
    follow_up_note: str | None
    follow_up_action: str | None
    source: str = "staff"  # self = 当事人扫码 (phone page), staff = 工作人员录入
    problems: str | None = None  # what went wrong, as chosen and written on the phone page
    appeal_status: str | None = None  # 申诉中 / 申诉不成立 (an upheld one is not listed)

    @property
    def source_label(self) -> str:
        return SOURCE_LABELS.get(self.source, self.source)

    @property
    def done(self) -> bool:
        return self.followed_up_on is not None

    def days_left(self, as_of: date) -> int | None:
        """Days until the due day (negative: overdue); None once followed up or without a due day."""
        if self.done or self.follow_up_due is None:
            return None
        return (self.follow_up_due - as_of).days


def check_follow_up(data: dict[str, Any], rated_on: date) -> dict[str, Any]:
    check = Checker(data)
    check.text("followed_up_by", required=True, max_len=64)
    day = check.day("followed_up_on", required=True, not_future=True)
    check.text("follow_up_note", required=True, max_len=2000)
    check.text("follow_up_action", required=True, max_len=2000)
    if day is not None and day < rated_on:
        check.fail("followed_up_on", f"不能早于评价日期 {rated_on.isoformat()}")
    return check.done()


def record_follow_up(store: Store, rating_id: str, data: dict[str, Any]) -> Rating:
    """差评回访: who called, when, what was found (回访情况) and what was done (处理措施).

    A recorded follow-up can be corrected by recording it again; 差评回访超期 counts only the bad
    ratings with no follow-up recorded.
    """
    _refuse_reading_role(store, "followed_up_by", "差评回访")
    with store.session() as session:
        rating = session.get(Rating, rating_id)
        if rating is None or rating.deleted:
            raise LookupError(f"找不到评价 {rating_id}")
        if rating.grade not in terms("bad_grades"):
            raise ValidationError({"grade": f"满意度：“{rating.grade}”不是差评，无需回访"})
        clean = check_follow_up({"followed_up_on": china_today(), **data}, rating.rated_on)
        rating.followed_up_by = clean["followed_up_by"]
        rating.followed_up_on = clean["followed_up_on"]
        rating.follow_up_note = clean["follow_up_note"]
        rating.follow_up_action = clean["follow_up_action"]
    return rating


def file_appeal(store: Store, rating_id: str, reason: str) -> Rating:
    """申诉: the village says a rating is mistaken or malicious (why, in words); the township decides."""
    _refuse_reading_role(store, "appeal_status", "申诉")
    clean = Checker({"appeal_reason": reason})
    clean.text("appeal_reason", required=True, max_len=2000)
    values = clean.done()
    with store.session() as session:
        rating = _live_rating(session, rating_id)
        if rating.appeal_status in (APPEAL_UPHELD, APPEAL_REJECTED):
            raise ValidationError({"appeal_status": f"申诉：已裁定为“{rating.appeal_status}”，不能再次申诉"})
        rating.appeal_status = APPEAL_OPEN
        rating.appeal_reason = values["appeal_reason"]
        rating.appeal_filed_on = china_today()
    return rating


def decide_appeal(store: Store, rating_id: str, *, upheld: bool, decided_by: str, decision: str) -> Rating:
    """The township's decision on a 申诉: upheld, the rating no longer counts and needs no call back;
    rejected, it stands. Only a 司法所 installation decides."""
    if not decides_appeals(store):
        raise ValidationError({"appeal_status": "申诉：由司法所裁定，本机身份不能裁定"})
    check = Checker({"appeal_decided_by": decided_by, "appeal_decision": decision})
    check.text("appeal_decided_by", required=True, max_len=64)
    check.text("appeal_decision", required=True, max_len=2000)
    values = check.done()
    with store.session() as session:
        rating = _live_rating(session, rating_id)
        if rating.appeal_status != APPEAL_OPEN:
            raise ValidationError({"appeal_status": "申诉：该评价没有待裁定的申诉"})
        rating.appeal_status = APPEAL_UPHELD if upheld else APPEAL_REJECTED
        rating.appeal_decided_by = values["appeal_decided_by"]
        rating.appeal_decision = values["appeal_decision"]
        rating.appeal_decided_on = china_today()
    return rating


def decides_appeals(store: Store) -> bool:
    """This installation decides 申诉 (a 司法所's)."""
    from advisor_app.services import setup

    return setup.role(store) == APPEAL_DECIDER_ROLE


def only_reads(store: Store) -> bool:
    """A 县司法局 reads and reports: the township calls back and the village appeals, not the county."""
    from advisor_app.domain.roles import READING_ROLES
    from advisor_app.services import setup

    return setup.role(store) in READING_ROLES


def _refuse_reading_role(store: Store, field: str, what: str) -> None:
    if only_reads(store):
        from advisor_app.services import setup

        raise ValidationError({field: f"{what}：{setup.role(store)}只查看和统计，由司法所或村（居）办理"})


def _live_rating(session: Session, rating_id: str) -> Rating:
    rating = session.get(Rating, rating_id)
    if rating is None or rating.deleted:
        raise LookupError(f"找不到评价 {rating_id}")
    return rating


def follow_ups(
    store: Store,
    *,
    region_codes: tuple[str, ...] | list[str] | None = None,
    include_done: bool = False,
) -> list[FollowUp]:
    """The bad ratings (不满意/非常不满意) to call back, earliest due first; done ones last when included.

    Limited to the signed-in local user's regions (``users.narrow``); a village code, or a township
    or county code (covering its code range: ``roles.RegionScope``), selects.
    """
    asked = None if region_codes is None else RegionScope.of_roots(region_codes)
    scope = users.narrow(store, asked)
    bad = terms("bad_grades")
    params: dict[str, Any] = {f"g{i}": g for i, g in enumerate(bad)}
    where = f"r.deleted = 0 AND r.grade IN ({', '.join(f':g{i}' for i in range(len(bad)))})"
    where += f" AND COALESCE(r.appeal_status, '') <> '{APPEAL_UPHELD}'"  # upheld 申诉: no call back
    if not include_done:
        where += " AND r.followed_up_on IS NULL"
    # One read: the bad ratings with their services joined by primary key, each kind's table only
    # for its own ratings (a LEFT JOIN per kind, so the ratings are scanned once); a rating whose
    # service is gone matches no table and is left out (it no longer counts). The ratings are read
    # first (the LEFT JOINs keep that order): from the services' side SQLite walks every live one.
    joins, regions, titles = [], [], []
    for n, (kind, (_label, table, title)) in enumerate(TARGETS.items()):
        alias = f"t{n}"
        params[f"k{n}"] = kind
        joins.append(
            f" LEFT JOIN {table} {alias} ON r.target_kind = :k{n} AND {alias}.id = r.target_id"
            f" AND {alias}.deleted = 0"
        )
        regions.append(f"{alias}.region_code")
        titles.append(f"WHEN {alias}.id IS NOT NULL THEN {title.format(t=alias)}")
    region = f"COALESCE({', '.join(regions)})"
    where += f" AND {region} IS NOT NULL"
    if scope is not None:
        # as the lists do: code ranges (roles.region_filter), a village the region table lacks too
        where += " AND " + region_filter(region, scope, params)
    sql = (
        "SELECT r.id, r.target_kind, r.target_id, r.grade, r.rated_on, r.comment, r.follow_up_due, "
        "r.followed_up_on, r.followed_up_by, r.follow_up_note, r.follow_up_action, r.source, r.problems, "
        f"r.appeal_status, {region}, CASE {' '.join(titles)} END "
        f"FROM ratings r{''.join(joins)} WHERE {where}"
    )
    with store.engine.connect() as conn:
        rows = conn.execute(text(sql), params).all()
    out = [
        FollowUp(
            id=r[0],
            target_kind=r[1],
            target_label=TARGETS[r[1]][0],
            target_id=r[2],
            title=r[15] or "",
            region_code=r[14],
            grade=r[3],
            rated_on=_required_day(r[4]),
            comment=r[5],
            follow_up_due=_day(r[6]),
            followed_up_on=_day(r[7]),
            followed_up_by=r[8],
            follow_up_note=r[9],
            follow_up_action=r[10],
            source=r[11] or "staff",
            problems=r[12],
            appeal_status=r[13],
        )
        for r in rows
    ]
    out.sort(key=lambda f: (f.done, f.follow_up_due or date.max, f.rated_on, f.id))
    return out


def _day(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _required_day(value: Any) -> date:
    day = _day(value)
    if day is None:  # ratings.rated_on is NOT NULL
        raise ValueError("评价日期：为空")
    return day
