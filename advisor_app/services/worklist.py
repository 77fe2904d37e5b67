"""工作台: what needs doing today — return visits due, overdue cases, agreements still inside the
30-day 司法确认 window, and records waiting to sync."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import text

from advisor_app.domain.case_flow import CONFIRMATION_DAYS, OPEN
from advisor_app.domain.statuses import AgreementStatus, CaseStatus
from advisor_app.services import users
from advisor_app.store import Store

PUSHED_SEQ_SETTING = "sync.pushed_seq"  # the sync client stores the last change_log seq it pushed
VISIT_LOOKAHEAD_DAYS = 7


@dataclass(frozen=True)
class Item:
    """One line of the 工作台; ``case_id`` opens the case it belongs to."""

    case_id: str
    case_no: str
    title: str
    due_on: date
    days: int  # days left (negative: overdue)


@dataclass(frozen=True)
class Worklist:
    visits_due: list[Item]
    overdue_cases: list[Item]
    confirmation_window: list[Item]
    unsynced: int


def _region_clause(region_codes: list[str] | None, params: dict, alias: str = "k") -> str:
    if region_codes is None:
        return ""
    marks = []
    for n, code in enumerate(region_codes):
        params[f"rc{n}"] = code
        marks.append(f":rc{n}")
    return f" AND {alias}.region_code IN ({', '.join(marks) or 'NULL'})"


def _scoped(store: Store, region_codes: list[str] | None) -> list[str] | None:
    """Only the signed-in user's villages (services.users); ``None`` when nothing limits."""
    narrowed = users.narrow(store, region_codes)
    return None if narrowed is None else list(narrowed)


PARTIES = (
    "coalesce((SELECT group_concat(p.name, '、') FROM case_parties p WHERE p.case_id = k.id"
    " AND p.deleted = 0), '')"
)


def _items(store: Store, sql: str, params: dict, today: date) -> list[Item]:
    with store.engine.connect() as conn:
        out = []
        for case_id, case_no, title, due in conn.execute(text(sql), params):
            due_on = date.fromisoformat(str(due)[:10])
            out.append(Item(case_id, case_no or "（未编号）", title, due_on, (due_on - today).days))
        return out


def visits_due(
    store: Store, today: date, region_codes: list[str] | None = None, limit: int = 200
) -> list[Item]:
    """回访 scheduled up to a week ahead (and any overdue) that have not been made yet."""
    region_codes = _scoped(store, region_codes)
    params = {
        "until": (today + timedelta(days=VISIT_LOOKAHEAD_DAYS)).isoformat(),
        "limit": limit,
        "agreed": CaseStatus.AGREED,
        "performing": CaseStatus.PERFORMING,
        "visiting": CaseStatus.VISITING,
    }
    sql = (
        f"SELECT k.id, k.case_no, k.dispute_type || '｜' || {PARTIES}, v.due_on"
        " FROM return_visits v JOIN cases k ON k.id = v.case_id"
        " WHERE v.deleted = 0 AND k.deleted = 0 AND v.visited_on IS NULL AND v.due_on <= :until"
        " AND k.status IN (:agreed, :performing, :visiting)"
        + _region_clause(region_codes, params)
        + " ORDER BY v.due_on LIMIT :limit"
    )
    return _items(store, sql, params, today)


def overdue_cases(
    store: Store, today: date, region_codes: list[str] | None = None, limit: int = 200
) -> list[Item]:
    """Open cases past the one-month target (受理 + 30 days)."""
    region_codes = _scoped(store, region_codes)
    params = {
        "today": today.isoformat(),
        "limit": limit,
        "o0": OPEN[0],
        "o1": OPEN[1],
        "signed": AgreementStatus.SIGNED,
    }
    sql = (
        f"SELECT k.id, k.case_no, k.dispute_type || '｜' || {PARTIES}, k.due_on FROM cases k"
        " WHERE k.deleted = 0 AND k.status IN (:o0, :o1) AND k.due_on < :today"
        # a signed agreement makes the case successful, never overdue (as the 统计 figures: docs/reports.md)
        " AND NOT EXISTS (SELECT 1 FROM agreements s WHERE s.case_id = k.id AND s.deleted = 0"
        " AND s.status = :signed)" + _region_clause(region_codes, params) + " ORDER BY k.due_on LIMIT :limit"
    )
    return _items(store, sql, params, today)


def confirmation_window(
    store: Store, today: date, region_codes: list[str] | None = None, limit: int = 200
) -> list[Item]:
    """Signed written agreements still inside the 30 days to apply for 司法确认, not yet applied."""
    region_codes = _scoped(store, region_codes)
    params = {
        "since": (today - timedelta(days=CONFIRMATION_DAYS)).isoformat(),
        "limit": limit,
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
        + _region_clause(region_codes, params)
        + " ORDER BY a.signed_on LIMIT :limit"
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


def today_list(store: Store, today: date | None = None, region_codes: list[str] | None = None) -> Worklist:
    today = today or date.today()
    return Worklist(
        visits_due=visits_due(store, today, region_codes),
        overdue_cases=overdue_cases(store, today, region_codes),
        confirmation_window=confirmation_window(store, today, region_codes),
        unsynced=unsynced_count(store),
    )
