"""卷宗 (case file): the contents checklist, “纸质材料已归卷” ticks and archiving (归档).

A required paper document is in the file only when its scan is attached or the mediator ticks it as
filed on paper; the tick is a synced record with who and when (migration 0011). Archiving refuses a
file with gaps and names them.
"""

from __future__ import annotations

from datetime import UTC, date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from advisor_app.domain import case_flow
from advisor_app.domain.case_flow import FlowError
from advisor_app.domain.clock import china_today, to_china
from advisor_app.domain.models import (
    Agreement,
    Attachment,
    Case,
    CaseFileTick,
    JudicialConfirmation,
    MediationSession,
    ReturnVisit,
    utcnow,
)
from advisor_app.domain.statuses import AgreementStatus, CaseStatus
from advisor_app.domain.validation import ValidationError
from advisor_app.store import Store


def checklist(session: Session, case: Case) -> list[case_flow.FileItem]:
    def count(model, *where) -> int:  # noqa: ANN001 - a mapped class
        return session.scalar(select(func.count()).select_from(model).where(*where)) or 0

    scans = set(
        session.scalars(
            select(Attachment.purpose).where(
                Attachment.target_kind == "case",
                Attachment.target_id == case.id,
                Attachment.deleted.is_(False),
            )
        )
    )
    signed = session.scalars(
        select(Agreement)
        .where(
            Agreement.case_id == case.id,
            Agreement.status == AgreementStatus.SIGNED,
            Agreement.deleted.is_(False),
        )
        .order_by(Agreement.version.desc())
    ).first()
    agreement_scanned = signed is not None and bool(
        count(
            Attachment,
            Attachment.target_kind == "agreement",
            Attachment.target_id == signed.id,
            Attachment.purpose == case_flow.PAPER_ITEMS["人民调解协议书"],
            Attachment.deleted.is_(False),
        )
    )
    return case_flow.file_checklist(
        outcome=case.status,
        scans=scans,
        ticks={t.item: _who_when(t) for t in ticks(session, case.id)},
        notice_given=case.notice_given_on is not None,
        sessions=count(
            MediationSession, MediationSession.case_id == case.id, MediationSession.deleted.is_(False)
        ),
        agreement_signed=signed is not None,
        agreement_scanned=agreement_scanned,
        visits=count(
            ReturnVisit,
            ReturnVisit.case_id == case.id,
            ReturnVisit.visited_on.is_not(None),
            ReturnVisit.deleted.is_(False),
        ),
        confirmation=count(
            JudicialConfirmation,
            JudicialConfirmation.case_id == case.id,
            JudicialConfirmation.deleted.is_(False),
        )
        > 0,
        has_explanation=bool(case.result),
    )


def ticks(session: Session, case_id: str) -> list[CaseFileTick]:
    return list(
        session.scalars(
            select(CaseFileTick).where(CaseFileTick.case_id == case_id, CaseFileTick.deleted.is_(False))
        )
    )


def set_tick(
    store: Store, case_id: str, item: str, filed: bool, by: str | None = None
) -> CaseFileTick | None:
    """Tick (or withdraw) “纸质材料已归卷” for one required paper document of a case."""
    if item not in case_flow.PAPER_ITEMS:
        raise ValidationError({"item": f"卷宗材料：“{item}”不是需要归卷的必备纸质材料"})
    who = (by or store.user or "").strip()
    if filed and not who:
        raise ValidationError({"ticked_by": "归卷人：不能为空"})
    with store.session() as session:
        case = session.get(Case, case_id)
        if case is None or case.deleted:
            raise LookupError(f"找不到案件 {case_id}")
        if case.status == CaseStatus.ARCHIVED:
            raise FlowError("案件已归档，卷宗不能再修改")
        tick = session.scalars(
            select(CaseFileTick).where(CaseFileTick.case_id == case.id, CaseFileTick.item == item)
        ).first()
        if filed:
            if tick is None:
                tick = CaseFileTick(case_id=case.id, item=item)
                session.add(tick)
            tick.deleted = False
            tick.ticked_by = who
            tick.ticked_at = utcnow()
        elif tick is not None and not tick.deleted:
            tick.deleted = True
    return tick


def archive(store: Store, case_id: str, on: date | None = None) -> Case:
    """归档: only a closed case whose required file documents are all present."""
    with store.session() as session:
        case = session.get(Case, case_id)
        if case is None or case.deleted:
            raise LookupError(f"找不到案件 {case_id}")
        if case.closed_on is None:
            raise FlowError("案件尚未结案，不能归档")
        gaps = case_flow.missing(checklist(session, case))
        if gaps:
            raise FlowError(
                "卷宗材料不全，缺少："
                + "、".join(gaps)
                + "。请附扫描件，或在纸质材料归卷后勾选“纸质材料已归卷”"
            )
        case_flow.check_transition(case.status, CaseStatus.ARCHIVED)
        case.status = CaseStatus.ARCHIVED
        case.archived_on = on or china_today()
    return case


def _who_when(tick: CaseFileTick) -> str:
    local = to_china(tick.ticked_at.replace(tzinfo=UTC)) if tick.ticked_at else None  # shown in China time
    return f"{tick.ticked_by}，{local:%Y-%m-%d %H:%M}" if local else tick.ticked_by
