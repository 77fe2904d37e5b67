"""Ratings for the 统计 ranking and the 申诉 tests: a staff 满意 and a person's own 不满意 with what
went wrong, both given today in 桥南村 (helpers, no tests here)."""

from __future__ import annotations

from datetime import date

from advisor_app.domain.clock import china_today
from advisor_app.domain.models import Rating
from advisor_app.services import consultations, ratings
from tests.sync_client.records import consult

VILLAGE = "610502100201"
PROBLEMS = "问题没有解决：说好回电话一直没有回"


def two_ratings(store) -> tuple[str, str]:
    """张明's consultation rated 满意 by staff; 王芳's rated 不满意 on the phone (当事人扫码).

    Returns (the good rating's target id, the bad rating's id)."""
    good = consult(store, VILLAGE, "借款纠纷", adviser="张明")
    bad = consult(store, VILLAGE, "邻里占地", adviser="王芳")
    consultations.close(store, good, grade="满意")
    consultations.close(store, bad, no_rating_reason=ratings.SELF_RATING_REASON)
    today: date = china_today()
    with store.session() as s:  # the person's own rating, as the sync brings it from the phone page
        rating = Rating(
            target_kind="consultation",
            target_id=bad,
            grade="不满意",
            rated_on=today,
            source="self",
            problems=PROBLEMS,
            follow_up_due=ratings.add_working_days(today, ratings.FOLLOW_UP_WORKING_DAYS),
        )
        s.add(rating)
    return good, rating.id
