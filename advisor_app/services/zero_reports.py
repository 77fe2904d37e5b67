"""零上报 (a village's "no disputes this month") kept in agreement with the month's records.

A zero report says the village had no disputes; what contradicts it are the month's dispute
records: cases accepted, and screenings that found disputes (a consultation, an activity or a
screening that found nothing does not).

- Filing a zero report for a month with dispute records needs a confirmation: :func:`report_zero`
  raises :class:`ZeroReportConflict` (with the counts) unless ``confirm`` is given, and the
  confirmed report keeps the contradiction and its explanation in ``correction``.
- Adding a dispute record to a month that has a zero report records the correction on that zero
  report (:func:`correct_zero_reports`, a ``before_flush`` hook of the store's sessions added when
  ``advisor_app.services`` is imported, run after the change-log hook); a form asks first
  with :func:`confirm_new_record`. The report shows such a village as 有上报（零上报已更正）, or
  有上报（与零上报矛盾） when no correction was recorded — never silently as 有上报.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from advisor_app.domain.clock import china_today
from advisor_app.domain.models import Case, Region, Screening, ZeroReport, utcnow
from advisor_app.domain.validation import Checker, ValidationError
from advisor_app.store import Store

# dispute records: (table, date column, label, extra condition)
RECORD_TABLES = (
    ("cases", "accepted_on", "受理案件", ""),
    ("screenings", "held_on", "排查发现纠纷", " AND disputes_found > 0"),
)


class ZeroReportConflict(ValueError):
    """The month already has dispute records: a zero report needs ``confirm`` (and says why)."""

    def __init__(self, region_code: str, month: str, counts: dict[str, int]):
        self.region_code = region_code
        self.month = month
        self.counts = counts
        found = "、".join(f"{label} {n} 条" for label, n in counts.items() if n)
        super().__init__(f"{month} 本村已有纠纷记录（{found}），与零上报矛盾；确认仍要零上报请说明原因")


@dataclass(frozen=True)
class MonthRecords:
    region_code: str
    month: str
    counts: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def check_month(month: str) -> str:
    check = Checker({"month": month})
    value = check.text("month", required=True)
    if value and not (
        len(value) == 7
        and value[4] == "-"
        and value[:4].isdigit()
        and value[5:].isdigit()
        and 1 <= int(value[5:]) <= 12
    ):
        check.fail("month", f"“{value}”应为年-月，如 2026-11")
    check.done()
    assert value is not None  # required: done() has raised for an empty month
    return value


def month_records(session: Session, region_code: str, month: str) -> MonthRecords:
    """How many live dispute records of each kind the village has in ``month``."""
    year, mon = int(month[:4]), int(month[5:])
    start = date(year, mon, 1)
    end = date(year + (mon == 12), mon % 12 + 1, 1)
    counts = {}
    for table, column, label, extra in RECORD_TABLES:
        counts[label] = session.execute(
            text(
                f"SELECT COUNT(*) FROM {table} WHERE deleted = 0 AND region_code = :code "
                f"AND {column} >= :s AND {column} < :e{extra}"
            ),
            {"code": region_code, "s": start.isoformat(), "e": end.isoformat()},
        ).scalar_one()
    return MonthRecords(region_code, month, counts)


def report_zero(
    store: Store,
    region_code: str,
    month: str,
    note: str | None = None,
    *,
    confirm: bool = False,
    reason: str | None = None,
) -> ZeroReport:
    """零上报 for ``month`` (YYYY-MM); reporting twice keeps one record.

    When the village has dispute records in that month this raises :class:`ZeroReportConflict` unless
    ``confirm``; a confirmed report keeps the contradiction and ``reason`` in ``correction``.
    """
    month = check_month(month)
    with store.session() as session:
        _village(session, region_code)
        found = month_records(session, region_code, month)
        if found.total and not confirm:
            raise ZeroReportConflict(region_code, month, found.counts)
        existing = session.scalars(
            select(ZeroReport).where(ZeroReport.region_code == region_code, ZeroReport.month == month)
        ).first()
        report = existing or ZeroReport(region_code=region_code, month=month)
        if existing is None:
            session.add(report)
        report.deleted = False
        report.note = note
        if found.total:
            listed = "、".join(f"{label} {n} 条" for label, n in found.counts.items() if n)
            why = f"；原因：{reason.strip()}" if reason and reason.strip() else ""
            report.correction = f"上报时本月已有记录（{listed}），经确认仍零上报{why}"
            report.corrected_on = china_today()
        else:
            report.correction = None
            report.corrected_on = None
    return report


class ZeroReportExists(ValueError):
    """A record for a month the village reported as 零上报: saving it needs a confirmation."""

    def __init__(self, report: ZeroReport):
        self.report = report
        super().__init__(
            f"{report.month} 本村已零上报；保存这条记录会把该月的零上报更正为有记录，请确认后再保存"
        )


def confirm_new_record(store: Store, region_code: str, day: date | datetime, *, confirm: bool) -> None:
    """Ask before a record goes into a zero-reported month: raises :class:`ZeroReportExists`
    unless ``confirm`` (the save then records the correction on the zero report, see the hook)."""
    report = zero_report_for(store, region_code, day)
    if report is not None and report.correction is None and not confirm:
        raise ZeroReportExists(report)


def zero_report_for(store: Store, region_code: str, day: date | datetime) -> ZeroReport | None:
    """The live zero report of the village's month of ``day``, if any: a form asks before saving."""
    month = f"{day:%Y-%m}"
    with store.session() as session:
        return session.scalars(
            select(ZeroReport).where(
                ZeroReport.region_code == region_code,
                ZeroReport.month == month,
                ZeroReport.deleted.is_(False),
            )
        ).first()


def _village(session: Session, code: str) -> Region:
    region = session.get(Region, code)
    if region is None:
        raise ValidationError({"region_code": f"所在村：区划代码 {code} 不存在"})
    return region


# --- the hook: a record added to a zero-reported month corrects the zero report ----------------------

RECORD_DATES: dict[type, tuple[str, str]] = {
    Case: ("accepted_on", "受理案件"),
    Screening: ("held_on", "排查发现纠纷"),
}


def _record_months(session: Session) -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    for obj in session.new:
        spec = RECORD_DATES.get(type(obj))
        if spec is None or obj.deleted or (isinstance(obj, Screening) and not obj.disputes_found):
            continue
        day = getattr(obj, spec[0])
        if day is not None and obj.region_code:
            out.setdefault((obj.region_code, f"{day:%Y-%m}"), f"{day:%Y-%m-%d} {spec[1]}")
    return out


def correct_zero_reports(session: Session, _context: Any, _instances: Any) -> None:
    """A new dispute record in a month with an uncorrected zero report writes the correction on it."""
    if session.info.get("remote") or not session.new:
        return
    months = _record_months(session)
    if not months:
        return
    with session.no_autoflush:
        for (code, month), what in months.items():
            report = session.scalars(
                select(ZeroReport).where(
                    ZeroReport.region_code == code,
                    ZeroReport.month == month,
                    ZeroReport.deleted.is_(False),
                    ZeroReport.correction.is_(None),
                )
            ).first()
            user = session.info.get("user", "")
            if report is None or (report.owner and user and report.owner != user):
                # Another account's zero report is not edited here (one owner edits a record);
                # the report still shows the contradiction: 有上报（与零上报矛盾）.
                continue
            report.correction = f"零上报后补录记录（{what}），本月更正为有记录"
            report.corrected_on = china_today()
            touched = session.info.get("touched")
            if touched is not None and report not in touched:
                # The store's change-log hook runs before this one (store.flush_hooks.add_before_flush)
                # and has stamped this flush's records: bump the revision here so the correction
                # is logged and synced like any change.
                report.rev = (report.rev or 0) + 1
                report.device_id = session.info.get("device_id", "")
                report.updated_at = utcnow()
                touched.append(report)
