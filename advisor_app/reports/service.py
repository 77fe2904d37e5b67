"""One call for everything the township office looks at: :func:`compute` and the drill-down :func:`records`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy.orm import Session

from advisor_app.domain.models import Region
from advisor_app.reports import figures
from advisor_app.reports.scope import Period, region_prefix
from advisor_app.store import Store


@dataclass
class Figures:
    """All figures of one region and period (see docs/reports.md for each definition)."""

    region_code: str | None
    region_name: str
    period: Period
    as_of: date
    mediation: dict[str, dict[str, figures.MediationRow]]  # dimension -> key -> row
    prevention: figures.Prevention
    consultations: figures.Consultations
    priority_groups: list[figures.GroupServed]
    satisfaction: figures.Satisfaction
    villages: list[figures.Village]
    overdue: figures.Overdue

    @property
    def total(self) -> figures.MediationRow:
        return self.mediation["total"].get("合计") or figures.MediationRow("合计")


def region_label(session: Session, code: str | None) -> str:
    if not code:
        return "全部地区"
    region = session.get(Region, code)
    if region is None:
        raise LookupError(f"找不到区划代码 {code}")
    return region.name


def compute(store: Store, region: str | None, period: Period, as_of: date | None = None) -> Figures:
    """Every figure for ``region`` (a village, township, county code, or None for all) and ``period``."""
    prefix = region_prefix(region)
    as_of = as_of or date.today()
    with store.session() as session:
        return Figures(
            region_code=region or None,
            region_name=region_label(session, region),
            period=period,
            as_of=as_of,
            mediation={dim: figures.mediation(session, prefix, period, dim) for dim in figures.DIMENSIONS},
            prevention=figures.prevention(session, prefix, period),
            consultations=figures.consultations(session, prefix, period),
            priority_groups=figures.priority_groups(session, prefix, period),
            satisfaction=figures.satisfaction(session, prefix, period),
            villages=figures.villages(session, prefix, period),
            overdue=figures.overdue(session, prefix, as_of),
        )


def records(
    store: Store,
    region: str | None,
    period: Period,
    figure: str,
    key: str | None = None,
    as_of: date | None = None,
) -> tuple[str, list[str]]:
    """The records behind one figure: ``(kind, ids)`` where kind is a table name.

    ``figure`` is a key of :data:`figures.DRILLS`; ``key`` selects the cell, e.g. for ``mediation``
    ``"success|dispute_type=邻里"``, for ``consultations`` ``"mode=实地"``, for ``ratings`` a grade,
    for ``roster``/``onsite``/``lectures`` a village code.
    """
    kind, query = figures.DRILLS[figure]
    with store.session() as session:
        return kind, query(session, region_prefix(region), period, key, as_of or date.today())
