"""报表快照 and 更正: a report exported for a period is kept; a later export of the same period lists
what changed since as 更正 (correction) lines, so what was filed upward can be reconciled.

Snapshots are a synced kind (``report_snapshots``, migration 0017; docs/reports.md): what a
village files reaches its township, so the township lists each village's filed reports and their
更正; the township's own filings stay above its villages. A whole-store snapshot (no region) is
local only.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from advisor_app.domain.clock import to_china, utcnow
from advisor_app.reports.scope import Period, prefix_range, region_prefix
from advisor_app.reports.sheet import Sheet, Table
from advisor_app.store import plain_sql
from advisor_app.store.plain_sql import reading

if TYPE_CHECKING:
    from advisor_app.domain.models import ReportSnapshot
    from advisor_app.store import Store

CORRECTIONS_CAPTION = "四、更正（与上次报送相比）"


@dataclass(frozen=True)
class Difference:
    table: str
    row: str
    column: str
    before: object
    after: object


def cells(sheet: Sheet) -> dict[str, dict[str, dict[str, object]]]:
    """table caption -> row label (first cell) -> column header -> value: what a snapshot keeps."""
    out: dict[str, dict[str, dict[str, object]]] = {}
    for table in sheet.tables:
        if table.caption.startswith(CORRECTIONS_CAPTION):
            continue
        rows = out.setdefault(table.caption, {})
        for row in table.rows:
            rows[str(row[0])] = {str(h): v for h, v in zip(table.header[1:], row[1:], strict=False)}
    return out


def differences(before: dict, after: dict) -> list[Difference]:
    """Every cell whose value changed, in the order of the new report ("" and None are equal)."""

    def norm(value: object) -> object:
        return None if value in ("", None) else value

    out = []
    for caption, rows in after.items():
        for label, values in rows.items():
            old_row = before.get(caption, {}).get(label, {})
            for column, value in values.items():
                old = old_row.get(column)
                if norm(old) != norm(value):
                    out.append(Difference(caption, label, column, old, value))
    return out


@dataclass(frozen=True)
class Previous:
    """The last filing of a form, region and period: when, and the cells it kept."""

    exported_at: datetime  # naive UTC, as stored
    figures: dict


def last(store: Store, form: str, region: str | None, period: Period) -> Previous | None:
    with reading(store) as conn:
        found = conn.execute(
            "SELECT exported_at, figures FROM filed_reports WHERE form = :form AND "
            + ("region_code IS NULL" if not region else "region_code = :region")
            + " AND period = :period AND deleted = 0 ORDER BY exported_at DESC, id DESC LIMIT 1",
            {"form": form, "region": region, "period": period_key(period)},
        ).fetchone()
    if found is None:
        return None
    return Previous(plain_sql.stored_datetime(found[0]), json.loads(found[1]))


def period_key(period: Period) -> str:
    if period.kind == "month":
        return f"{period.start:%Y-%m}"
    if period.kind == "quarter":
        return f"{period.start.year}-Q{(period.start.month - 1) // 3 + 1}"
    if period.kind == "year":
        return str(period.start.year)
    return f"{period.start.isoformat()}..{period.end.isoformat()}"


def file(store: Store, form: str, region: str | None, period: Period, sheet: Sheet, by: str = "") -> Sheet:
    """Keep ``sheet`` as the snapshot of this export; when the period was exported before, append
    the 更正 table (what changed since the last export) to the sheet first."""
    record(store, form, region, period, with_corrections(store, form, region, period, sheet), by)
    return sheet


def with_corrections(store: Store, form: str, region: str | None, period: Period, sheet: Sheet) -> dict:
    """Append to ``sheet`` the 更正 table against the last filing of the period (none before the
    first); return the cells to keep as this filing (:func:`record`, once the file is written)."""
    now = cells(sheet)
    previous = last(store, form, region, period)
    if previous is not None:
        changes = differences(previous.figures, now)
        # kept in UTC like other metadata, shown in China time
        when = f"{to_china(previous.exported_at.replace(tzinfo=UTC)):%Y-%m-%d %H:%M}"
        rows: list[list[object]] = [
            [f"{d.table[:2]}{d.row}", d.column, _shown(d.before), _shown(d.after), _delta(d.before, d.after)]
            for d in changes
        ] or [["无更正", "", "", "", ""]]
        sheet.tables.append(
            Table(
                f"{CORRECTIONS_CAPTION}　上次报送 {when}",
                ["项目", "栏目", "原报数", "更正后", "差额"],
                rows,
                [2.4, 1.2, 1, 1, 1],
            )
        )
    return now


def record(store: Store, form: str, region: str | None, period: Period, now: dict, by: str = "") -> None:
    """Keep the cells of an export as the period's filing."""
    values = {
        "form": form,
        "period": period_key(period),
        "exported_at": utcnow(),
        "exported_by": by,
        "figures": now,
    }
    with plain_sql.writing(store) as conn:
        if region:
            # a synced record: revision, device, owner, times and a change-log entry, as the
            # store's session hooks give a record written through the ORM
            plain_sql.insert_synced(conn, "filed_reports", {"region_code": region, **values}, store)
        else:
            # no region, no scope to file it under on the server: kept here without a change-log
            # entry (rev 0 = never sent)
            plain_sql.insert_local(conn, "filed_reports", {"region_code": None, **values})


@dataclass(frozen=True)
class Filing:
    snapshot: ReportSnapshot
    corrections: list[Difference] | None  # against the previous filing of its period; None: the first


def filings(store: Store, region: str, form: str = "monthly") -> list[Filing]:
    """The snapshots kept for ``region`` and the regions inside it (a township: its own and its
    villages', synced up from them), each with its 更正 against the previous filing of the same
    region and period; by region, period, then oldest first."""
    from sqlalchemy import select  # the ORM's objects for the 报送记录 list (not the export's path)

    from advisor_app.domain.models import ReportSnapshot

    low, high = prefix_range(region_prefix(region))
    with store.session() as session:
        rows = list(
            session.scalars(
                select(ReportSnapshot)
                .where(
                    ReportSnapshot.form == form,
                    ReportSnapshot.region_code >= low,
                    ReportSnapshot.region_code < high,
                    ReportSnapshot.deleted.is_(False),
                )
                .order_by(ReportSnapshot.region_code, ReportSnapshot.period, ReportSnapshot.exported_at)
            )
        )
        session.expunge_all()
    out: list[Filing] = []
    for n, row in enumerate(rows):
        before = rows[n - 1] if n else None
        same = before is not None and (before.region_code, before.period) == (row.region_code, row.period)
        out.append(Filing(row, differences(before.figures, row.figures) if same and before else None))
    return out


def _shown(value: object) -> object:
    return "" if value is None else value


def _delta(before: object, after: object) -> object:
    if isinstance(before, int | float) and isinstance(after, int | float):
        return round(after - before, 4)
    return ""
