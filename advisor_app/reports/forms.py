"""The forms clerks fill today: 人民调解工作统计月报表, 法律顾问工作台账, 法律明白人花名册.

Each builder returns :class:`Sheet` objects; :func:`export` writes them as .xlsx or .pdf by suffix.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from advisor_app.domain.clock import china_today
from advisor_app.domain.statuses import RosterStatus
from advisor_app.domain.vocab import terms
from advisor_app.reports import figures, service, snapshots
from advisor_app.reports.figures import ITEM_LABELS, MediationRow
from advisor_app.reports.scope import Period, allowed_region, fetch, region_prefix, region_sql
from advisor_app.reports.sheet import Sheet, Table
from advisor_app.store.plain_sql import reading

if TYPE_CHECKING:
    from advisor_app.store import Store


@dataclass
class Signature:
    """填报单位 / 填报人 / 填报日期 at the bottom of a form."""

    unit: str = ""
    filler: str = ""
    on: date | None = None

    def line(self) -> str:
        day = self.on or china_today()
        return f"填报单位：{self.unit}　　　　填报人：{self.filler}　　　　填报日期：{day.year}年{day.month}月{day.day}日"


def export(sheets: list[Sheet], path: Path | str) -> Path:
    # The writer of the suffix asked for is imported here: a .xlsx needs no reportlab (0.15 s),
    # a .pdf no openpyxl.
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        from advisor_app.reports import xlsx

        return xlsx.write(sheets, path)
    if suffix == ".pdf":
        from advisor_app.reports import pdf

        return pdf.write(sheets, path)
    raise ValueError(f"输出文件：只支持 .xlsx 或 .pdf（收到“{path.name}”）")


def _item_values(row: MediationRow) -> list[object]:
    return [
        row.accepted,
        row.success,
        "" if row.rate is None else row.rate,
        row.performed,
        row.confirmed,
        row.amount_wan,
    ]


# 填报单位 by the level of the region reported on: a county's (区、县级市 too) 司法局, a township's 司法所
UNIT_SUFFIX = {"city": "司法局", "county": "司法局", "township": "司法所"}


def unit_name(store: Store, region: str | None) -> str:
    """填报单位 of a report on ``region``: 临渭区司法局 for a county, 桥南镇司法所 for a township;
    a village reports through its township's 司法所. Empty for the whole store."""
    if not region:
        return ""
    from advisor_app.services import setup

    with reading(store) as session:
        level = service.region_level(session, region)
        name = service.region_label(session, region) if level else region
    if level == "village":
        township = setup.township_of(store, region)
        return f"{township.name}司法所" if township is not None else f"{name}司法所"
    return name + UNIT_SUFFIX.get(level, "司法所")


TOWNSHIP_HEADER = [
    "乡镇",
    "受理数（件）",
    "调解成功数（件）",
    "调解成功率（%）",
    "协议涉及金额（万元）",
    "咨询（次）",
    "村（社区）数",
    "未上报村数",
    "法律明白人（在册）",
]


def township_rows(figs: service.MediationFigures) -> list[list[object]]:
    """各乡镇情况: one row per township of a county's figures, then 合计 (equal to the county's own)."""
    rows: list[list[object]] = []
    for t in figs.townships:
        m = t.mediation
        rate = "" if m.rate is None else m.rate
        rows.append(
            [
                t.name,
                m.accepted,
                m.success,
                rate,
                m.amount_wan,
                t.consultations,
                t.villages,
                t.unreported,
                t.roster,
            ]
        )
    total = figs.total
    rows.append(
        [
            "合计",
            total.accepted,
            total.success,
            "" if total.rate is None else total.rate,
            total.amount_wan,
            sum(t.consultations for t in figs.townships),  # the county's own (tests/core/test_county.py)
            sum(t.villages for t in figs.townships),
            sum(t.unreported for t in figs.townships),
            sum(t.roster for t in figs.townships),
        ]
    )
    return rows


def monthly(store: Store, region: str | None, period: Period, signature: Signature | None = None) -> Sheet:
    """人民调解工作统计月报表: report items as rows, dispute types as columns, 合计 first; a county's
    report ends with 各乡镇情况 (one row per township) and is signed by the county's 司法局."""
    figs = service.mediation_figures(store, region, period)
    signature = signature or Signature(unit=unit_name(store, figs.region_code))
    types = terms("dispute_types")
    by_type = figs.mediation["dispute_type"]
    columns = [figs.total] + [by_type.get(t) or MediationRow(t) for t in types]
    values = [_item_values(c) for c in columns]
    items = list(ITEM_LABELS.values())
    main = Table(
        "一、矛盾纠纷调解情况（按纠纷类型）",
        ["项目", "合计", *types],
        [[label, *(v[i] for v in values)] for i, label in enumerate(items)],
    )
    breakdown_rows = []
    for dim, caption, keys in (
        ("source", "案件来源", terms("case_sources")),
        ("committee_kind", "调委会类型", terms("committee_kinds")),
    ):
        for key in keys:
            row = figs.mediation[dim].get(key) or MediationRow(key)
            breakdown_rows.append([f"{caption}：{key}", *_item_values(row)])
    breakdown = Table("二、按案件来源和调委会类型", ["分类", *items], breakdown_rows, [2.2] + [1] * 6)
    p = figs.prevention
    prevention_rows: list[list[object]] = [
        ["排查次数（次）", p.screenings, ""],
        ["排查发现纠纷（件）", p.found, ""],
        ["预防纠纷（件）", p.prevented, ""],
    ]
    prevention_rows += [[kind, cases, persons] for kind, (cases, persons) in p.kinds.items()]
    prevention = Table("三、排查预防", ["排查预防项目", "件（次）", "人"], prevention_rows, [2.2, 1, 1])
    tables = [main, breakdown, prevention]
    if figs.townships:
        tables.append(Table("附：各乡镇情况", TOWNSHIP_HEADER, township_rows(figs), [1.6] + [1] * 8))
    return Sheet(
        title="人民调解工作统计月报表",
        subtitle=f"统计单位：{figs.region_name}　　统计期间：{period.label}"
        f"（{period.start.isoformat()} 至 {_last_day(period).isoformat()}）　　金额单位：万元"
        f"　　{COUNTING_NOTE}",
        tables=tables,
        footer=signature.line(),
        sheet_name="调解统计月报",
    )


# Printed on the monthly report: how the items are dated and rounded (docs/reports.md).
COUNTING_NOTE = (
    "各项按其发生日期统计（受理按受理日期，调解成功和协议金额按协议签署日期，履行按履行登记日期，"
    "司法确认按法院裁定日期）；数值修约按 GB/T 8170（四舍六入五成双）"
)


def monthly_filed(
    store: Store, region: str | None, period: Period, signature: Signature | None = None, by: str = ""
) -> Sheet:
    """The monthly report as exported for filing: kept as a snapshot of the period; when the
    period was exported before, the sheet ends with the 更正 table (what changed since)."""
    sheet = monthly(store, region, period, signature)
    return snapshots.file(store, "monthly", allowed_region(store, region), period, sheet, by)


def export_monthly_filed(
    store: Store,
    region: str | None,
    period: Period,
    path: Path | str,
    signature: Signature | None = None,
    by: str = "",
    cancelled: Callable[[], bool] | None = None,
) -> Path | None:
    """Write the monthly report for filing to ``path`` and keep it as the period's filing — only
    once the file is written: a workbook still open in Excel, a full disk, an unknown suffix or a
    cancel (``cancelled()`` true before writing: ``None``) files nothing, and the next export's 更正
    are still against what was really sent."""
    sheet = monthly(store, region, period, signature)
    scope = allowed_region(store, region)
    kept = snapshots.with_corrections(store, "monthly", scope, period, sheet)
    if cancelled is not None and cancelled():
        return None
    written = export([sheet], path)
    snapshots.record(store, "monthly", scope, period, kept, by)
    return written


def _last_day(period: Period) -> date:
    return date.fromordinal(period.end.toordinal() - 1)


# --- 工作台账 ---------------------------------------------------------------------------------------

LEDGER_HEADER = ["序号", "时间", "对象", "内容", "方式", "结果", "村（社区）", "顾问"]


def ledger_rows(
    store: Store, region: str | None, period: Period, adviser: str | None = None
) -> list[list[Any]]:
    """One row per service (一事一记): consultations and activities in time order."""
    region = allowed_region(store, region)
    params: dict[str, Any] = {"ps": period.start.isoformat(), "pe": period.end.isoformat()}
    region_c = region_sql("c.region_code", params, region_prefix(region))
    region_a = region_sql("a.region_code", params, region_prefix(region))
    who_c = who_a = ""
    if adviser:
        params["adviser"] = adviser
        who_c, who_a = " AND c.adviser = :adviser", " AND a.speaker = :adviser"
    sql = f"""
SELECT substr(c.occurred_at, 1, 16) AS t, COALESCE(c.person_name, ''), c.service_type || '：' || c.question,
       c.mode, COALESCE(NULLIF(c.outcome, ''), NULLIF(c.answer, ''), c.status), r.name, COALESCE(c.adviser, '')
FROM consultations c LEFT JOIN regions r ON r.code = c.region_code
WHERE c.deleted = 0 AND c.occurred_at >= :ps AND c.occurred_at < :pe AND {region_c}{who_c}
UNION ALL
SELECT a.held_on AS t, '群众 ' || a.audience_count || ' 人', a.kind || '：' || a.topic, '实地',
       a.place || COALESCE('，' || a.duration_minutes || ' 分钟', ''), r.name, COALESCE(a.speaker, '')
FROM activities a LEFT JOIN regions r ON r.code = a.region_code
WHERE a.deleted = 0 AND a.held_on >= :ps AND a.held_on < :pe AND {region_a}{who_a}
ORDER BY t"""
    with reading(store) as session:
        return [[n, *row] for n, row in enumerate(fetch(session, sql, params), start=1)]


def ledger(
    store: Store,
    region: str | None,
    period: Period,
    adviser: str | None = None,
    signature: Signature | None = None,
) -> Sheet:
    """村（居）法律顾问工作台账: 时间, 对象, 内容, 方式, 结果 per service (domain.md §3); a county's
    ledger is signed by its 司法局 (the township's and village's by the person, as before)."""
    region = allowed_region(store, region)
    with reading(store) as session:
        name = service.region_label(session, region)
        county = service.region_level(session, region) in ("county", "city")
    if signature is None and county:
        signature = Signature(unit=unit_name(store, region), filler=adviser or "")
    rows = ledger_rows(store, region, period, adviser)
    who = f"　　法律顾问：{adviser}" if adviser else ""
    return Sheet(
        title="村（居）法律顾问工作台账",
        subtitle=f"服务地区：{name}　　期间：{period.label}{who}　　共 {len(rows)} 条",
        tables=[Table("服务记录", LEDGER_HEADER, rows, [0.5, 1.3, 1.2, 3.2, 0.6, 2.2, 1.0, 0.8])],
        footer=(signature or Signature(filler=adviser or "")).line(),
        sheet_name="工作台账",
    )


# --- 法律明白人花名册 ----------------------------------------------------------------------------------

ROSTER_HEADER = [
    "序号",
    "姓名",
    "性别",
    "出生年月",
    "民族",
    "政治面貌",
    "文化程度",
    "身份类别",
    "所在村",
    "村民小组",
    "联系电话",
    "证书编号",
    "状态",
    "培训记录",
    "参与活动",
]


def roster(store: Store, region: str | None = None) -> Sheet:
    """法律明白人花名册 with training records and activities; a second table counts each village against 3."""
    region = allowed_region(store, region)
    params: dict[str, Any] = {}
    where = region_sql("m.region_code", params, region_prefix(region))
    sql = f"""
SELECT m.name, COALESCE(m.gender, ''), COALESCE(substr(m.birth_date, 1, 7), ''), COALESCE(m.ethnicity, ''),
       COALESCE(m.political_status, ''), COALESCE(m.education, ''), COALESCE(m.identity_category, ''),
       COALESCE(r.name, m.region_code), COALESCE(m.group_name, ''), COALESCE(m.phone, ''),
       COALESCE(m.certificate_no, ''), m.status,
       COALESCE((SELECT group_concat(x, '；') FROM (
                 SELECT t.trained_on || ' ' || t.topic || '（' || t.hours || '学时）' AS x FROM trainings t
                 WHERE t.legal_literate_id = m.id AND t.deleted = 0 ORDER BY t.trained_on, t.topic)), ''),
       COALESCE((SELECT group_concat(x, '；') FROM (
                 SELECT a.held_on || ' ' || a.topic AS x FROM activity_participants p
                 JOIN activities a ON a.id = p.activity_id
                 WHERE p.legal_literate_id = m.id AND p.deleted = 0 AND a.deleted = 0
                 ORDER BY a.held_on, a.topic)), '')
FROM legal_literates m LEFT JOIN regions r ON r.code = m.region_code
WHERE m.deleted = 0 AND {where}
ORDER BY m.region_code, m.status, m.name, m.id"""
    with reading(store) as session:
        rows = [[n, *row] for n, row in enumerate(fetch(session, sql, params), start=1)]
        name = service.region_label(session, region)
        counts = figures.villages(session, region_prefix(region), _this_month())
    per_village = [[v.name, v.roster, figures.ROSTER_TARGET, v.roster_short] for v in counts]
    return Sheet(
        title="法律明白人花名册",
        subtitle=f"地区：{name}　　在册 {sum(1 for r in rows if r[12] == RosterStatus.ACTIVE)} 人",
        tables=[
            Table("名册", ROSTER_HEADER, rows),
            Table(
                "各村在册人数（目标：每村至少 3 名）", ["村（社区）", "在册人数", "目标", "差额"], per_village
            ),
        ],
        sheet_name="法律明白人花名册",
    )


def _this_month() -> Period:
    from advisor_app.reports.scope import month

    today = china_today()
    return month(today.year, today.month)
