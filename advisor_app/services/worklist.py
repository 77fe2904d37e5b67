"""工作台: what needs doing today — return visits due, overdue cases, agreements still inside the
30-day 司法确认 window, and records waiting to sync.

``today_list`` answers for one day; ``horizon_list`` answers for every day of ``[today, today + N]``
at once (``domain.worklist_days.Horizon.as_of``), which is what the desktop's last view keeps so the
first start of a new day still shows the 工作台 before the store is open (docs/architecture.md).
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import text

from advisor_app.domain.case_flow import CONFIRMATION_DAYS, OPEN
from advisor_app.domain.clock import china_today
from advisor_app.domain.roles import RegionScope, region_filter
from advisor_app.domain.statuses import AgreementStatus, CaseStatus
from advisor_app.domain.worklist_days import (
    HORIZON_DAYS,
    LIMIT,
    VISIT_LOOKAHEAD_DAYS,
    Horizon,
    Item,
    Worklist,
)
from advisor_app.services import users
from advisor_app.store import Store

__all__ = [
    "HORIZON_DAYS",
    "PUSHED_SEQ_SETTING",
    "VISIT_LOOKAHEAD_DAYS",
    "Horizon",
    "Item",
    "Worklist",
    "confirmation_window",
    "horizon_list",
    "overdue_cases",
    "today_list",
    "unsynced_count",
    "visits_due",
]

# A filter asked for: a scope (code ranges), region codes (those codes only), or None (no limit).
Regions = RegionScope | list[str] | tuple[str, ...] | None

PUSHED_SEQ_SETTING = "sync.pushed_seq"  # the sync client stores the last change_log seq it pushed


def _region_clause(scope: Regions, params: dict, alias: str = "k") -> str:
    """The scope as code ranges (``roles.region_filter``): a county's 工作台 counts every village of
    its range, also one its region table does not list yet (a synced record's new village)."""
    if scope is None:
        return ""
    return " AND " + region_filter(f"{alias}.region_code", scope, params)


def _scoped(store: Store, region_codes: Regions) -> RegionScope | tuple[str, ...] | None:
    """Only the signed-in user's regions (services.users); ``None`` when nothing limits. A scope
    stays a range; codes asked for stay those codes (``IN``)."""
    return users.narrow(store, region_codes)


PARTIES = (
    "coalesce((SELECT group_concat(p.name, '、') FROM case_parties p WHERE p.case_id = k.id"
    " AND p.deleted = 0), '')"
)


def _limit(params: dict, limit: int | None) -> str:
    """LIMIT clause (none for a horizon list: its bounds already keep it short)."""
    if limit is None:
        return ""
    params["limit"] = limit
    return " LIMIT :limit"


def _items(store: Store, sql: str, params: dict, today: date) -> list[Item]:
    with store.engine.connect() as conn:
        out = []
        for case_id, case_no, title, due in conn.execute(text(sql), params):
            due_on = date.fromisoformat(str(due)[:10])
            out.append(Item(case_id, case_no or "（未编号）", title, due_on, (due_on - today).days))
        return out


def visits_due(store: Store, today: date, region_codes: Regions = None, limit: int = LIMIT) -> list[Item]:
    """回访 scheduled up to a week ahead (and any overdue) that have not been made yet."""
    return _visits(store, today, today + timedelta(days=VISIT_LOOKAHEAD_DAYS), region_codes, limit)


def _visits(store: Store, today: date, until: date, region_codes: Regions, limit: int | None) -> list[Item]:
    scope = _scoped(store, region_codes)
    params = {
        "until": until.isoformat(),
        "agreed": CaseStatus.AGREED,
        "performing": CaseStatus.PERFORMING,
        "visiting": CaseStatus.VISITING,
    }
    sql = (
        f"SELECT k.id, k.case_no, k.dispute_type || '｜' || {PARTIES}, v.due_on"
        " FROM return_visits v JOIN cases k ON k.id = v.case_id"
        " WHERE v.deleted = 0 AND k.deleted = 0 AND v.visited_on IS NULL AND v.due_on <= :until"
        " AND k.status IN (:agreed, :performing, :visiting)"
        + _region_clause(scope, params)
        # ties ordered too, so the first ``limit`` lines are the same whichever day asks
        + " ORDER BY v.due_on, v.id"
        + _limit(params, limit)
    )
    return _items(store, sql, params, today)


def overdue_cases(store: Store, today: date, region_codes: Regions = None, limit: int = LIMIT) -> list[Item]:
    """Open cases past the one-month target (受理 + 30 days)."""
    return _overdue(store, today, today, region_codes, limit)


def _overdue(store: Store, today: date, before: date, region_codes: Regions, limit: int | None) -> list[Item]:
    scope = _scoped(store, region_codes)
    params = {
        "before": before.isoformat(),
        "o0": OPEN[0],
        "o1": OPEN[1],
        "signed": AgreementStatus.SIGNED,
    }
    sql = (
        f"SELECT k.id, k.case_no, k.dispute_type || '｜' || {PARTIES}, k.due_on FROM cases k"
        " WHERE k.deleted = 0 AND k.status IN (:o0, :o1) AND k.due_on < :before"
        # a signed agreement makes the case successful, never overdue (as the 统计 figures: docs/reports.md)
        " AND NOT EXISTS (SELECT 1 FROM agreements s WHERE s.case_id = k.id AND s.deleted = 0"
        " AND s.status = :signed)"
        + _region_clause(scope, params)
        + " ORDER BY k.due_on, k.id"
        + _limit(params, limit)
    )
    return _items(store, sql, params, today)


def confirmation_window(
    store: Store, today: date, region_codes: Regions = None, limit: int = LIMIT
) -> list[Item]:
    """Signed written agreements still inside the 30 days to apply for 司法确认, not yet applied."""
    return _window(store, today, today, region_codes, limit)


def _window(
    store: Store, today: date, first_day: date, region_codes: Regions, limit: int | None
) -> list[Item]:
    """The agreements whose window is still open on ``first_day`` (and later days)."""
    scope = _scoped(store, region_codes)
    params = {
        "since": (first_day - timedelta(days=CONFIRMATION_DAYS)).isoformat(),
        "days": f"+{CONFIRMATION_DAYS} days",
        "signed": AgreementStatus.SIGNED,
        "archived": CaseStatus.ARCHIVED,
    }
    sql = (
        f"SELECT k.id, k.case_no, k.dispute_type || '｜' || {PARTIES}, date(a.signed_on, :days)"
        " FROM agreements a JOIN cases k ON k.id = a.case_id"
        " WHERE a.deleted = 0 AND k.deleted = 0 AND a.status = :signed AND a.kind = '书面'"
        " AND a.signed_on >= :since AND k.status != :archived"
        # each agreement version has its own window: only a confirmation of this version closes it
        " AND NOT EXISTS (SELECT 1 FROM judicial_confirmations j WHERE j.agreement_id = a.id AND j.deleted = 0)"
        + _region_clause(scope, params)
        + " ORDER BY a.signed_on, a.id"
        + _limit(params, limit)
    )
    return _items(store, sql, params, today)


def unsynced_count(store: Store) -> int:
    """Records written here since the sync client last pushed (distinct records, not writes)."""
    pushed = int(store.setting(PUSHED_SEQ_SETTING, "0") or 0)
    with store.engine.connect() as conn:
        return conn.execute(
            text(
                "SELECT count(*) FROM (SELECT DISTINCT table_name, record_id FROM change_log"
                " WHERE seq > :seq)"
            ),
            {"seq": pushed},
        ).scalar_one()


def today_list(
    store: Store, today: date | None = None, region_codes: Regions = None, limit: int = LIMIT
) -> Worklist:
    """The 工作台 of ``today`` (China's date by default: business days are China days)."""
    today = today or china_today()
    return Worklist(
        visits_due=visits_due(store, today, region_codes, limit),
        overdue_cases=overdue_cases(store, today, region_codes, limit),
        confirmation_window=confirmation_window(store, today, region_codes, limit),
        unsynced=unsynced_count(store),
    )


def horizon_list(
    store: Store,
    today: date | None = None,
    days: int = HORIZON_DAYS,
    region_codes: Regions = None,
    limit: int = LIMIT,
) -> Horizon:
    """Every line the 工作台 can show on a day of ``[today, today + days]``: ``.as_of(day)`` gives
    ``today_list(store, day)`` for each of those days (a test checks it against the database)."""
    today = today or china_today()
    end = today + timedelta(days=days)
    return Horizon(
        start=today,
        end=end,
        visits=_visits(store, today, end + timedelta(days=VISIT_LOOKAHEAD_DAYS), region_codes, None),
        overdue=_overdue(store, today, end + timedelta(days=1), region_codes, None),
        window=_window(store, today, today, region_codes, None),
        unsynced=unsynced_count(store),
        limit=limit,
    )
