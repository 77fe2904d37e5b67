"""满意度评价 (服务一次，评价一次): a rating per service; a bad one gets a follow-up date."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from advisor_app.domain.models import Rating
from advisor_app.domain.validation import Checker
from advisor_app.domain.vocab import terms

FOLLOW_UP_WORKING_DAYS = 15  # one local rule: every bad rating called back within 15 working days


def add_working_days(start: date, days: int) -> date:
    """``days`` working days after ``start`` (weekends skipped; public holidays are not known here)."""
    day = start
    while days > 0:
        day += timedelta(days=1)
        if day.weekday() < 5:
            days -= 1
    return day


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
    clean = check_rating(data)
    rated_on = clean["rated_on"] or date.today()
    rating = None if new_target else rating_of(session, target_kind, target_id)
    if rating is None:
        rating = Rating(target_kind=target_kind, target_id=target_id)
        session.add(rating)
    rating.grade = clean["grade"]
    rating.rated_on = rated_on
    rating.comment = clean["comment"]
    bad = rating.grade in terms("bad_grades")
    rating.follow_up_due = add_working_days(rated_on, FOLLOW_UP_WORKING_DAYS) if bad else None
    return rating


def rating_of(session: Session, target_kind: str, target_id: str) -> Rating | None:
    return session.scalars(
        select(Rating).where(
            Rating.target_kind == target_kind, Rating.target_id == target_id, Rating.deleted.is_(False)
        )
    ).first()
