"""评价排名: self-rated share, satisfaction, 回访率 and 整改率 per village and per staff member, and the
monthly ranking (issue 19; docs/rating.md).

Which rating counts: one per service. Where the person served rated it themselves on the phone
page (``source = self``, 当事人扫码) and staff also entered one (``staff``, 工作人员录入), the
person's own rating counts and the staff one is left out (``COUNTED``); a rating whose 申诉 the
township upheld counts nowhere. Ratings count in the month they were given (``rated_on``).

- 自评率 (self-rated share): counted ratings given by the person served / counted ratings;
- 满意率: 非常满意 + 满意 + 基本满意 / counted ratings;
- 回访率: bad ratings (不满意, 非常不满意) with a follow-up recorded / bad ratings;
- 整改率: bad ratings whose follow-up records what was put right (处理措施) / bad ratings.

Shares are percentages to one decimal, rounded by GB/T 8170 like every report figure; "—" when
there is nothing to divide by. The ranking orders by 满意率 (high first), then by the number
rated, then by name, so equal rows keep a stable order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from advisor_app.domain.vocab import terms
from advisor_app.reports.scope import Period, Source, fetch, region_sql, table_access

# A staff rating of a service that also has the person's own rating does not count.
# A rating whose 申诉 the township upheld (mistaken or malicious) does not count at all.
COUNTED = (
    "r.deleted = 0 AND COALESCE(r.appeal_status, '') <> '申诉成立' AND NOT (r.source <> 'self' AND "
    "EXISTS (SELECT 1 FROM ratings s WHERE s.target_id = r.target_id AND +s.target_kind = r.target_kind "
    "AND s.source = 'self' AND s.deleted = 0 AND COALESCE(s.appeal_status, '') <> '申诉成立'))"
)
# target kind -> (table, the column naming the staff member who served)
TARGETS = {
    "consultation": ("consultations", "adviser"),
    "case": ("cases", "mediator"),
    "activity": ("activities", "speaker"),
}


def _share(part: int, whole: int) -> float | None:
    from advisor_app.reports.figures import percent  # here, not at the top: figures imports this module

    return percent(part, whole)


@dataclass
class BoardRow:
    key: str  # village code, or the staff member's name
    label: str
    rated: int = 0
    self_rated: int = 0
    satisfied: int = 0
    bad: int = 0
    followed_up: int = 0
    rectified: int = 0

    @property
    def self_share(self) -> float | None:
        return _share(self.self_rated, self.rated)

    @property
    def satisfaction(self) -> float | None:
        return _share(self.satisfied, self.rated)

    @property
    def follow_up_rate(self) -> float | None:
        return _share(self.followed_up, self.bad)

    @property
    def rectify_rate(self) -> float | None:
        return _share(self.rectified, self.bad)


def counted_ratings(session: Source, prefix: str, period: Period) -> list[dict[str, Any]]:
    """The period's counted ratings inside the region, with their target's village and staff member.

    Read once for both rankings (by village and by staff member: :func:`board`'s ``ratings``);
    straight from the driver, as the figures' grouped reads are (a year is ~100,000 rows here).
    """
    params: dict[str, Any] = {"ps": period.start.isoformat(), "pe": period.end.isoformat()}
    access = table_access(session, "ratings", period)
    parts = []
    for kind, (table, staff) in TARGETS.items():
        parts.append(
            f"SELECT r.grade, r.source, r.followed_up_on, r.follow_up_action, t.region_code, "
            f"COALESCE(NULLIF(TRIM(t.{staff}), ''), '（未填写）') AS staff "
            f"FROM ratings r {access if kind == 'consultation' else ''} CROSS JOIN {table} t ON t.id = r.target_id "
            f"WHERE r.target_kind = '{kind}' AND t.deleted = 0 AND r.rated_on >= :ps AND r.rated_on < :pe "
            f"AND {COUNTED} AND {region_sql('t.region_code', params, prefix)}"
        )
    rows = fetch(session, " UNION ALL ".join(parts), params)
    return [
        {"grade": g, "source": s, "followed_up_on": f, "action": a, "region_code": rc, "staff": st}
        for g, s, f, a, rc, st in rows
    ]


def board(
    session: Source,
    prefix: str,
    period: Period,
    *,
    by: str = "village",
    ratings: list[dict[str, Any]] | None = None,
) -> list[BoardRow]:
    """The ranking of the period: one row per village (``by="village"``) or staff member (``"staff"``).

    ``ratings``: the period's :func:`counted_ratings`, when the caller has read them already.
    """
    if by not in ("village", "staff"):
        raise ValueError(by)
    names: dict[str, str] = dict(fetch(session, "SELECT code, name FROM regions", {}))
    bad_grades = set(terms("bad_grades"))
    rows: dict[str, BoardRow] = {}
    for r in counted_ratings(session, prefix, period) if ratings is None else ratings:
        key = r["region_code"] if by == "village" else r["staff"]
        row = rows.get(key)
        if row is None:
            label = names.get(key, key) if by == "village" else key
            row = rows[key] = BoardRow(key=key, label=label)
        row.rated += 1
        row.self_rated += r["source"] == "self"
        if r["grade"] in bad_grades:
            row.bad += 1
            row.followed_up += r["followed_up_on"] is not None
            row.rectified += bool((r["action"] or "").strip()) and r["followed_up_on"] is not None
        else:
            row.satisfied += 1
    ranked = list(rows.values())
    ranked.sort(key=lambda b: (-(b.satisfaction if b.satisfaction is not None else -1.0), -b.rated, b.label))
    return ranked


def total(rows: list[BoardRow]) -> BoardRow:
    out = BoardRow(key="", label="合计")
    for r in rows:
        out.rated += r.rated
        out.self_rated += r.self_rated
        out.satisfied += r.satisfied
        out.bad += r.bad
        out.followed_up += r.followed_up
        out.rectified += r.rectified
    return out


def shown(value: float | None) -> str:
    return "—" if value is None else f"{value}%"


def as_table(rows: list[BoardRow], first: str) -> list[list[str]]:
    """Header and rows for a report sheet: 名次, name, 评价数, 自评率, 满意率, 差评, 回访率, 整改率."""
    out = [["名次", first, "评价数", "当事人扫码", "自评率", "满意率", "差评", "回访率", "整改率"]]
    for n, r in enumerate(rows, 1):
        out.append(
            [
                str(n),
                r.label,
                str(r.rated),
                str(r.self_rated),
                shown(r.self_share),
                shown(r.satisfaction),
                str(r.bad),
                shown(r.follow_up_rate),
                shown(r.rectify_rate),
            ]
        )
    return out


def as_of_month(day: date) -> Period:
    from advisor_app.reports.scope import month

    return month(day.year, day.month)


RULES_NOTE = (
    "每次服务计一次评价：当事人扫码评价与工作人员录入并存时以当事人评价为准；按评价日期统计；"
    "自评率＝当事人扫码评价数/评价数，满意率＝（非常满意＋满意＋基本满意）/评价数，"
    "回访率＝已回访差评/差评，整改率＝已登记处理措施的差评/差评；数值修约按 GB/T 8170"
)


def sheet(store: Any, region: str | None, period: Period) -> Any:
    """服务评价排名 of a period as a report sheet (Excel / PDF like the other reports)."""
    from advisor_app.reports.scope import allowed_region, region_prefix
    from advisor_app.reports.service import region_label
    from advisor_app.reports.sheet import Sheet, Table

    region = allowed_region(store, region)
    prefix = region_prefix(region)
    from advisor_app.store.plain_sql import reading

    with reading(store) as session:
        counted = counted_ratings(session, prefix, period)
        villages = board(session, prefix, period, ratings=counted)
        staff = board(session, prefix, period, by="staff", ratings=counted)
        name = region_label(session, region)
    tables = []
    for caption, rows, first in (
        ("一、按村（社区）排名", villages, "村（社区）"),
        ("二、按法律顾问、人民调解员排名", staff, "姓名"),
    ):
        body = as_table(rows, first)
        whole = total(rows)
        body.append(
            [
                "",
                "合计",
                str(whole.rated),
                str(whole.self_rated),
                shown(whole.self_share),
                shown(whole.satisfaction),
                str(whole.bad),
                shown(whole.follow_up_rate),
                shown(whole.rectify_rate),
            ]
        )
        cells: list[list[object]] = [list(r) for r in body[1:]]
        tables.append(Table(caption, body[0], cells, [0.6, 2.2, 1, 1.2, 1, 1, 0.8, 1, 1]))
    return Sheet(
        title="服务评价情况及排名",
        subtitle=f"统计单位：{name}　　统计期间：{period.label}　　{RULES_NOTE}",
        tables=tables,
        sheet_name="评价排名",
    )
