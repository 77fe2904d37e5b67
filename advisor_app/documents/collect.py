"""Plain data for the documents, read from the store in one unit of work.

A signed agreement is printed from its frozen snapshot (what the parties signed); everything else
from the live records. Dates become ISO strings so the data is the same shape as the snapshot.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from advisor_app.domain.models import (
    Agreement,
    Case,
    Committee,
    Consultation,
    JudicialConfirmation,
    MediationSession,
    Region,
    ReturnVisit,
)
from advisor_app.domain.statuses import AgreementStatus
from advisor_app.services import cases, consultations
from advisor_app.store import Store

CASE_KEYS = (
    "case_no",
    "dispute_type",
    "source",
    "summary",
    "accepted_on",
    "due_on",
    "closed_on",
    "archived_on",
    "mediator",
    "recorder",
    "status",
    "result",
    "notice_given_on",
)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _row(record: Any, keys: tuple[str, ...]) -> dict[str, Any]:
    return {k: _plain(getattr(record, k)) for k in keys}


def agreement_data(session: Session, agreement: Agreement) -> dict[str, Any]:
    """The frozen snapshot once signed; the live draft otherwise (same shape)."""
    if agreement.status != AgreementStatus.DRAFT and agreement.frozen_data:
        return dict(agreement.frozen_data)
    return cases.agreement_snapshot(session, agreement)


def agreement_by_id(store: Store, agreement_id: str) -> dict[str, Any]:
    with store.session() as session:
        agreement = session.get(Agreement, agreement_id)
        if agreement is None or agreement.deleted:
            raise LookupError("找不到该协议")
        return agreement_data(session, agreement)


def pick_agreement(session: Session, case_id: str, kind: str) -> Agreement | None:
    """The agreement in force (signed) of that kind, else the newest draft."""
    rows = list(
        session.scalars(
            select(Agreement)
            .where(Agreement.case_id == case_id, Agreement.kind == kind, Agreement.deleted.is_(False))
            .order_by(Agreement.version.desc())
        )
    )
    signed = [a for a in rows if a.status == AgreementStatus.SIGNED]
    drafts = [a for a in rows if a.status == AgreementStatus.DRAFT]
    chosen = signed or drafts
    return chosen[0] if chosen else None


def case_data(store: Store, case_id: str) -> dict[str, Any]:
    """Everything the case file prints, as plain data."""
    with store.session() as session:
        case = session.get(Case, case_id)
        if case is None or case.deleted:
            raise LookupError(f"找不到案件 {case_id}")
        committee = session.get(Committee, case.committee_id)
        region = session.get(Region, case.region_code)
        data = _row(case, CASE_KEYS)
        data["id"] = case.id
        data["committee"] = committee.name if committee else ""
        data["region"] = region.name if region else case.region_code
        data["parties"] = [
            {k: _plain(getattr(p, k)) for k in cases.PARTY_FIELDS} for p in case.parties if not p.deleted
        ]
        data["sessions"] = [
            _row(
                s,
                ("held_at", "place", "participants", "statements", "facts", "result", "mediator", "recorder"),
            )
            for s in session.scalars(
                select(MediationSession)
                .where(MediationSession.case_id == case.id, MediationSession.deleted.is_(False))
                .order_by(MediationSession.held_at)
            )
        ]
        written = pick_agreement(session, case.id, "书面")
        oral = pick_agreement(session, case.id, "口头")
        data["agreement"] = agreement_data(session, written) if written else None
        data["agreement_id"] = written.id if written else None
        data["agreement_status"] = written.status if written else None
        data["oral"] = agreement_data(session, oral) if oral else None
        data["visits"] = [
            _row(
                v,
                (
                    "due_on",
                    "visited_on",
                    "reason",
                    "performed",
                    "satisfied",
                    "lawsuit",
                    "risk",
                    "measures",
                    "visitor",
                ),
            )
            for v in session.scalars(
                select(ReturnVisit)
                .where(
                    ReturnVisit.case_id == case.id,
                    ReturnVisit.deleted.is_(False),
                    ReturnVisit.visited_on.is_not(None),
                )
                .order_by(ReturnVisit.visited_on)
            )
        ]
        confirmation = session.scalars(
            select(JudicialConfirmation)
            .where(JudicialConfirmation.case_id == case.id, JudicialConfirmation.deleted.is_(False))
            .order_by(JudicialConfirmation.applied_on.desc())
        ).first()
        data["confirmation"] = (
            _row(confirmation, ("applied_on", "court", "status", "decided_on")) if confirmation else None
        )
    data["checklist"] = [
        {"name": item.name, "required": item.required, "present": item.present}
        for item in cases.checklist(store, case_id)
    ]
    return data


def consultation_data(store: Store, record_id: str) -> dict[str, Any]:
    with store.session() as session:
        record = session.get(Consultation, record_id)
        if record is None or record.deleted:
            raise LookupError(f"找不到咨询记录 {record_id}")
        region = session.get(Region, record.region_code)
        data = _row(record, (*consultations.EDITABLE, "status", "no_rating_reason"))
        data["id"] = record.id
        data["region"] = region.name if region else record.region_code
        data["tags"] = list(record.tags or [])
        return data
