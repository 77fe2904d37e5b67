"""纠纷调解: a case from registration (受理) to archive (归档).

Every step validates against the domain rules (status flow, one-month target, 30-day confirmation
window, immutability of signed agreements) and runs as one unit of work.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from advisor_app.domain import case_flow, frozen
from advisor_app.domain.case_flow import FlowError
from advisor_app.domain.clock import china_today
from advisor_app.domain.models import (
    Agreement,
    Case,
    CaseParty,
    Committee,
    JudicialConfirmation,
    MediationSession,
    Region,
    ReturnVisit,
)
from advisor_app.domain.statuses import AgreementStatus, CaseStatus, ConfirmationStatus, PerformanceStatus
from advisor_app.domain.validation import Checker, ValidationError
from advisor_app.services import case_file, numbering, ratings
from advisor_app.services.people import check_person
from advisor_app.store import Store

CASE_FIELDS = (
    "committee_id",
    "region_code",
    "dispute_type",
    "source",
    "summary",
    "accepted_on",
    "mediator",
    "recorder",
    "prevention",
    "prevention_persons",
)
PARTY_FIELDS = (
    "role",
    "name",
    "is_organisation",
    "representative",
    "gender",
    "ethnicity",
    "birth_date",
    "id_number",
    "occupation",
    "phone",
    "address",
    "tags",
    "person_id",
)
PARTY_ROLES = ("申请人", "被申请人", "当事人")
# A case with a signed agreement (调解成功): an amendment keeps it here.
AGREED = (CaseStatus.AGREED, CaseStatus.PERFORMING, CaseStatus.VISITING)


def check_case(data: dict[str, Any]) -> dict[str, Any]:
    check = Checker(data)
    check.text("committee_id", required=True)
    check.text("region_code", required=True)
    check.choice("dispute_type", "dispute_types", required=True)
    check.choice("source", "case_sources", required=True)
    check.text("summary", required=True, max_len=5000)
    check.day("accepted_on", required=True, not_future=True)
    check.text("mediator", max_len=64)
    check.text("recorder", max_len=64)
    check.choice("prevention", "prevention_kinds")
    check.integer("prevention_persons", minimum=1, maximum=100000)
    if check.clean.get("prevention_persons") and not check.clean.get("prevention"):
        check.fail("prevention_persons", "请先选择预防类型（防止民转刑等）")
    errors = dict(check.errors)
    parties = data.get("parties")
    clean_parties: list[dict[str, Any]] = []
    if parties is not None:
        if len(parties) < 2:
            errors["parties"] = "当事人：至少需要两方当事人"
        for n, party in enumerate(parties):
            try:
                clean_parties.append(check_party(party))
            except ValidationError as exc:
                for field, message in exc.errors.items():
                    errors[f"parties[{n}].{field}"] = f"第 {n + 1} 位当事人 {message}"
    if errors:
        raise ValidationError(errors)
    clean = check.clean
    clean["parties"] = clean_parties if parties is not None else None
    return clean


def check_party(data: dict[str, Any]) -> dict[str, Any]:
    check = Checker(data)
    check_person(check)
    check.choice("role", PARTY_ROLES)
    check.text("representative", max_len=64)
    check.text("person_id", max_len=36)
    check.clean["is_organisation"] = bool(data.get("is_organisation"))
    check.clean["role"] = check.clean.get("role") or "当事人"
    return check.done()


# --- registration ----------------------------------------------------------------------------------


def register(store: Store, data: dict[str, Any]) -> Case:
    """受理: a new case with its parties and the next case number of its committee."""
    clean = check_case({"source": "当事人申请", "accepted_on": china_today(), **data})
    if clean["parties"] is None:
        raise ValidationError({"parties": "当事人：至少需要两方当事人"})
    with store.session() as session:
        committee = _committee(session, clean["committee_id"])
        _region(session, clean["region_code"])
        case_no, seq, provisional = numbering.next_number(session, committee, clean["accepted_on"].year)
        case = Case(
            **{k: clean[k] for k in CASE_FIELDS},
            case_no=case_no,
            number_year=clean["accepted_on"].year,
            number_seq=seq,
            number_provisional=provisional,
            status=CaseStatus.ACCEPTED,
            due_on=case_flow.due_date(clean["accepted_on"]),
        )
        session.add(case)
        session.flush()
        _write_parties(session, case, clean["parties"])
    return case


def update(store: Store, case_id: str, data: dict[str, Any]) -> Case:
    """Edit the registration (not the number); parties, when given, replace the current list."""
    with store.session() as session:
        case = _get(session, case_id)
        _require_editable(case)
        current = {k: getattr(case, k) for k in CASE_FIELDS}
        clean = check_case({**current, **data})
        _committee(session, clean["committee_id"])
        _region(session, clean["region_code"])
        for key in CASE_FIELDS:
            if key in data:
                setattr(case, key, clean[key])
        case.due_on = case_flow.due_date(case.accepted_on)
        if clean["parties"] is not None:
            for party in case.parties:
                party.deleted = True
            _write_parties(session, case, clean["parties"])
    return case


def _write_parties(session: Session, case: Case, parties: list[dict[str, Any]]) -> None:
    for position, party in enumerate(parties):
        session.add(CaseParty(case_id=case.id, position=position, **{k: party.get(k) for k in PARTY_FIELDS}))


# --- mediation ---------------------------------------------------------------------------------------


def add_session(store: Store, case_id: str, data: dict[str, Any]) -> MediationSession:
    """调解记录: records a sitting; the first one moves the case to 调解中."""
    check = Checker(data)
    check.moment("held_at", required=True, not_future=True)
    for field in ("place", "participants", "statements", "facts", "result", "mediator", "recorder"):
        check.text(field, max_len=20000)
    clean = check.done()
    with store.session() as session:
        case = _get(session, case_id)
        if case.status not in case_flow.OPEN:
            raise FlowError(f"案件状态为“{case.status}”，不能再添加调解记录")
        record = MediationSession(case_id=case.id, **clean)
        session.add(record)
        _move(case, CaseStatus.MEDIATING)
    return record


def set_status(store: Store, case_id: str, status: str, *, result: str | None = None) -> Case:
    """调解不成 / 终止 (with the reason), or another allowed step of the flow."""
    with store.session() as session:
        case = _get(session, case_id)
        if status in (CaseStatus.FAILED, CaseStatus.TERMINATED) and not (result and result.strip()):
            raise ValidationError({"result": "调解结果：请写明调解不成或终止的原因"})
        if status == CaseStatus.AGREED:
            raise FlowError("请通过“签署协议”或“登记口头协议”进入“达成协议”")
        _move(case, status)
        if result is not None:
            case.result = result.strip()
    return case


def give_notice(store: Store, case_id: str, on: date | None = None) -> Case:
    """权利义务告知书 read to the parties and signed."""
    with store.session() as session:
        case = _get(session, case_id)
        case.notice_given_on = on or china_today()
    return case


# --- agreements -------------------------------------------------------------------------------------


def check_agreement(data: dict[str, Any]) -> dict[str, Any]:
    check = Checker(data)
    check.choice("kind", "agreement_kinds")
    check.text("facts", required=True, max_len=20000)
    terms = [str(t).strip() for t in (data.get("terms") or []) if str(t).strip()]
    if not terms:
        check.fail("terms", "至少需要一条协议内容")
    check.clean["terms"] = terms
    check.text("performance", required=True, max_len=5000)
    check.day("performance_deadline")
    check.integer("copies", minimum=1, maximum=50)
    check.amount("amount_yuan")
    return check.done()


def save_agreement(
    store: Store, case_id: str, data: dict[str, Any], agreement_id: str | None = None
) -> Agreement:
    """Create or edit a draft agreement. Copies default to the number of parties + 1."""
    clean = check_agreement({"kind": "书面", **data})
    with store.session() as session:
        case = _get(session, case_id)
        agreement = session.get(Agreement, agreement_id) if agreement_id else None
        if agreement_id and (agreement is None or agreement.case_id != case.id):
            raise LookupError("找不到该协议")
        if agreement is not None and agreement.status != AgreementStatus.DRAFT:
            raise FlowError(f"协议{agreement.status}，不能修改；如需变更请生成新版本")
        amending = agreement is not None and agreement.supersedes_id is not None
        if case.status not in case_flow.OPEN and not (amending and case.status in AGREED):
            raise FlowError(f"案件状态为“{case.status}”，不能再起草协议")
        parties = [p for p in case.parties if not p.deleted]
        if agreement is None:
            agreement = Agreement(case_id=case.id, version=_next_version(session, case.id))
            session.add(agreement)
        agreement.kind = clean["kind"]
        agreement.facts = clean["facts"]
        agreement.terms = clean["terms"]
        agreement.performance = clean["performance"]
        agreement.performance_deadline = clean["performance_deadline"]
        agreement.copies = clean["copies"] or len(parties) + 1
        agreement.amount_fen = int((clean["amount_yuan"] or Decimal(0)) * 100)
    return agreement


def sign_agreement(
    store: Store, agreement_id: str, signed_on: date | None = None, *, pdf: bytes | None = None
) -> Agreement:
    """Mark signed: the data is frozen (and the printed PDF's SHA-256 kept); the case reaches 达成协议.

    A return visit is scheduled for the performance deadline (or 30 days on).
    """
    import hashlib

    with store.session() as session:
        agreement = session.get(Agreement, agreement_id)
        if agreement is None:
            raise LookupError("找不到该协议")
        if agreement.status != AgreementStatus.DRAFT:
            raise FlowError(f"协议状态为“{agreement.status}”，不能再次签署")
        case_flow.check_blanks(agreement.terms, agreement.performance)  # 以＿＿为界 is not signed
        case = _get(session, agreement.case_id)
        signed_on = signed_on or china_today()
        if signed_on > china_today():
            raise ValidationError({"signed_on": "签署日期：不能晚于今天"})
        if not (agreement.supersedes_id and case.status in AGREED):
            # An amendment of a successful case keeps its status (still 调解成功, never back to
            # an open state with the first deadline); a first agreement moves it to 达成协议.
            _move(case, CaseStatus.AGREED)
        agreement.status = AgreementStatus.SIGNED
        agreement.signed_on = signed_on
        # Sealed with a digest of itself, so a later edit of the stored data is detected (documents).
        agreement.frozen_data = frozen.seal(agreement_snapshot(session, agreement))
        if pdf is not None:
            agreement.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
        for older in session.scalars(
            select(Agreement).where(
                Agreement.case_id == case.id,
                Agreement.id != agreement.id,
                Agreement.status == AgreementStatus.SIGNED,
            )
        ):
            older.status = AgreementStatus.VOID
        if agreement.kind == "口头" or agreement.performance_deadline is None:
            visit_due = signed_on + timedelta(days=30)
        else:
            visit_due = agreement.performance_deadline
        session.add(ReturnVisit(case_id=case.id, agreement_id=agreement.id, due_on=visit_due))
    return agreement


def new_version(store: Store, agreement_id: str) -> Agreement:
    """A change to a signed agreement: a new draft version that supersedes it when signed.

    The case keeps its status (it is 调解成功 through the signed version) and so is never counted
    overdue by its first deadline; the signed version stays current, with its 30-day
    confirmation window, until the new one is signed.
    """
    with store.session() as session:
        old = session.get(Agreement, agreement_id)
        if old is None or old.deleted:
            raise LookupError("找不到该协议")
        if old.status != AgreementStatus.SIGNED:
            raise FlowError(f"协议状态为“{old.status}”，只有已签署的协议才能变更")
        case = _get(session, old.case_id)
        if case.status == CaseStatus.ARCHIVED:
            raise FlowError("案件已归档，不能变更协议")
        pending = session.scalars(
            select(Agreement).where(
                Agreement.case_id == case.id,
                Agreement.status == AgreementStatus.DRAFT,
                Agreement.deleted.is_(False),
            )
        ).first()
        if pending is not None:
            raise FlowError(f"已有待签署的第 {pending.version} 版，请先签署或删除")
        draft = Agreement(
            case_id=old.case_id,
            version=_next_version(session, old.case_id),
            supersedes_id=old.id,
            kind=old.kind,
            facts=old.facts,
            terms=list(old.terms),
            performance=old.performance,
            performance_deadline=old.performance_deadline,
            copies=old.copies,
            amount_fen=old.amount_fen,
        )
        session.add(draft)
    return draft


def agreement_snapshot(session: Session, agreement: Agreement) -> dict[str, Any]:
    """Everything printed on the agreement, as it was when signed."""
    case = session.get(Case, agreement.case_id)
    if case is None:  # a deleted case still prints its signed agreement, so not _get
        raise LookupError(f"找不到案件 {agreement.case_id}")
    committee = session.get(Committee, case.committee_id)
    return {
        "case_no": case.case_no,
        "committee": committee.name if committee else "",
        "mediator": case.mediator,
        "recorder": case.recorder,
        "kind": agreement.kind,
        "version": agreement.version,
        "facts": agreement.facts,
        "terms": list(agreement.terms),
        "performance": agreement.performance,
        "performance_deadline": agreement.performance_deadline.isoformat()
        if agreement.performance_deadline
        else None,
        "copies": agreement.copies,
        "amount_fen": agreement.amount_fen,
        "signed_on": agreement.signed_on.isoformat() if agreement.signed_on else None,
        "parties": [
            {
                k: (v.isoformat() if isinstance(v, date) else v)
                for k, v in ((f, getattr(p, f)) for f in PARTY_FIELDS)
            }
            for p in case.parties
            if not p.deleted
        ],
    }


def record_performance(store: Store, agreement_id: str, performed: str, on: date | None = None) -> Agreement:
    """履行情况 of a signed agreement (未履行 / 部分履行 / 已履行); 已履行 moves the case to 履行.

    ``on`` (default today) is the day 已履行 is recorded: 履行数 counts by it.
    """
    check = Checker({"performed": performed, "performed_on": on or china_today()})
    check.choice("performed", "performance_statuses", required=True)
    check.day("performed_on", not_future=True)
    clean = check.done()
    with store.session() as session:
        agreement = session.get(Agreement, agreement_id)
        if agreement is None or agreement.status != AgreementStatus.SIGNED:
            raise FlowError("只能登记已签署协议的履行情况")
        if agreement.signed_on and clean["performed_on"] < agreement.signed_on:
            raise ValidationError({"performed_on": "履行登记日期：不能早于协议签署日期"})
        if performed == PerformanceStatus.PERFORMED and agreement.performed != PerformanceStatus.PERFORMED:
            agreement.performed_on = clean["performed_on"]
        elif performed != PerformanceStatus.PERFORMED:
            agreement.performed_on = None
        agreement.performed = performed
        case = _get(session, agreement.case_id)
        if performed == PerformanceStatus.PERFORMED and case.status == CaseStatus.AGREED:
            _move(case, CaseStatus.PERFORMING)
    return agreement


# --- after the agreement -----------------------------------------------------------------------------


def record_visit(store: Store, case_id: str, data: dict[str, Any]) -> ReturnVisit:
    """回访: fills the scheduled visit (or adds one) and moves the case to 回访."""
    check = Checker(data)
    check.day("visited_on", required=True, not_future=True)
    check.text("reason", max_len=2000)
    check.choice("performed", "performance_statuses")
    check.text("measures", max_len=5000)
    check.text("visitor", required=True, max_len=64)
    clean = check.done()
    for flag in ("satisfied", "lawsuit", "risk"):
        clean[flag] = data.get(flag)
    with store.session() as session:
        case = _get(session, case_id)
        if case.status not in (CaseStatus.AGREED, CaseStatus.PERFORMING, CaseStatus.VISITING):
            raise FlowError(f"案件状态为“{case.status}”，还不能回访")
        visit = session.scalars(
            select(ReturnVisit)
            .where(
                ReturnVisit.case_id == case.id,
                ReturnVisit.visited_on.is_(None),
                ReturnVisit.deleted.is_(False),
            )
            .order_by(ReturnVisit.due_on)
        ).first()
        if visit is None:
            visit = ReturnVisit(case_id=case.id)
            session.add(visit)
        for key, value in clean.items():
            setattr(visit, key, value)
        # what the visit found is the agreement's 履行情况 too (issue 15 §7): 已履行 on the visit
        # left the agreement at 未履行; a later visit saying less does not undo a recorded 已履行
        agreement = _signed_agreement(session, case.id, any_kind=True)
        performed = clean.get("performed")
        if agreement is not None and performed and agreement.performed != PerformanceStatus.PERFORMED:
            if performed == PerformanceStatus.PERFORMED:
                agreement.performed_on = max(clean["visited_on"], agreement.signed_on or clean["visited_on"])
            agreement.performed = performed
        _move(case, CaseStatus.VISITING)
    return visit


def apply_confirmation(
    store: Store,
    case_id: str,
    applied_on: date | None = None,
    court: str | None = None,
    *,
    agreement_id: str | None = None,
) -> JudicialConfirmation:
    """司法确认申请 of one agreement version (default: the case's current signed written one),
    within 30 days of that version taking effect (Art 33). Each version has its own window; a
    superseded (作废) version can no longer be applied for."""
    applied_on = applied_on or china_today()
    with store.session() as session:
        case = _get(session, case_id)
        agreement = _signed_agreement(session, case.id)
        if agreement_id is not None and (agreement is None or agreement.id != agreement_id):
            chosen = session.get(Agreement, agreement_id)
            if chosen is None or chosen.case_id != case.id or chosen.deleted:
                raise LookupError("找不到该协议")
            raise FlowError(
                f"第 {chosen.version} 版协议状态为“{chosen.status}”，只能对现行的已签署协议申请司法确认"
            )
        if agreement is None:
            raise FlowError("没有已签署的书面协议，不能申请司法确认")
        if any(
            c.status != ConfirmationStatus.REFUSED
            for c in session.scalars(
                select(JudicialConfirmation).where(
                    JudicialConfirmation.agreement_id == agreement.id,
                    JudicialConfirmation.deleted.is_(False),
                )
            )
        ):
            raise FlowError(f"第 {agreement.version} 版协议已申请司法确认")
        signed_on = agreement.signed_on
        if signed_on is None:  # a signed agreement always has its date; the column allows drafts' None
            raise FlowError(f"第 {agreement.version} 版协议缺少签署日期，不能申请司法确认")
        deadline = case_flow.confirmation_deadline(signed_on)
        if applied_on > deadline:
            raise ValidationError(
                {
                    "applied_on": f"申请日期：已超过司法确认申请期限（协议生效后 30 日，截至 {deadline.isoformat()}）"
                }
            )
        if applied_on < signed_on:
            raise ValidationError({"applied_on": "申请日期：不能早于协议签署日期"})
        record = JudicialConfirmation(
            case_id=case.id, agreement_id=agreement.id, applied_on=applied_on, court=court
        )
        session.add(record)
    return record


def decide_confirmation(
    store: Store, confirmation_id: str, status: str, decided_on: date | None = None
) -> JudicialConfirmation:
    check = Checker({"status": status})
    check.choice("status", (ConfirmationStatus.CONFIRMED, ConfirmationStatus.REFUSED), required=True)
    check.done()
    with store.session() as session:
        record = session.get(JudicialConfirmation, confirmation_id)
        if record is None:
            raise LookupError("找不到该司法确认记录")
        decided_on = decided_on or china_today()
        if decided_on < record.applied_on:
            raise ValidationError({"decided_on": "裁定日期：不能早于申请日期"})
        record.status = status
        record.decided_on = decided_on
    return record


def close(
    store: Store,
    case_id: str,
    *,
    grade: str | None = None,
    comment: str | None = None,
    no_rating_reason: str | None = None,
    closed_on: date | None = None,
) -> Case:
    """结案: with the parties' satisfaction rating (or why none was given)."""
    if not grade and not (no_rating_reason and no_rating_reason.strip()):
        raise ValidationError({"grade": "满意度：结案时请当事人评价，或填写未评价原因"})
    with store.session() as session:
        case = _get(session, case_id)
        if case.status not in case_flow.CLOSABLE:
            raise FlowError(f"案件状态为“{case.status}”，还不能结案")
        closed_on = closed_on or china_today()
        if closed_on < case.accepted_on:
            raise ValidationError({"closed_on": "结案日期：不能早于受理日期"})
        case.closed_on = closed_on
        if grade:
            ratings.rate(session, "case", case.id, {"grade": grade, "comment": comment})
        else:
            reason = (no_rating_reason or "").strip()  # not empty: checked on entry
            case.result = ((case.result or "") + f"\n未评价原因：{reason}").strip()
    return case


def checklist(store: Store, case_id: str) -> list[case_flow.FileItem]:
    """The 卷宗 contents (advisor_app.services.case_file: scans and “纸质材料已归卷” ticks)."""
    with store.session() as session:
        return case_file.checklist(session, _get(session, case_id))


def archive(store: Store, case_id: str, on: date | None = None) -> Case:
    """归档: only a closed case whose required file documents are all present (case_file.archive)."""
    return case_file.archive(store, case_id, on)


def get(store: Store, case_id: str) -> Case:
    with store.session() as session:
        case = _get(session, case_id)
        _ = case.parties
        return case


def by_number(store: Store, case_no: str) -> Case:
    with store.session() as session:
        case = session.scalars(
            select(Case).where(Case.case_no == case_no.strip(), Case.deleted.is_(False))
        ).first()
        if case is None:
            raise LookupError(f"找不到案件 {case_no}")
        return case


def agreements(store: Store, case_id: str) -> list[Agreement]:
    with store.session() as session:
        return list(
            session.scalars(
                select(Agreement)
                .where(Agreement.case_id == case_id, Agreement.deleted.is_(False))
                .order_by(Agreement.version)
            )
        )


def sessions(store: Store, case_id: str) -> list[MediationSession]:
    with store.session() as session:
        return list(
            session.scalars(
                select(MediationSession)
                .where(MediationSession.case_id == case_id, MediationSession.deleted.is_(False))
                .order_by(MediationSession.held_at)
            )
        )


def visits(store: Store, case_id: str) -> list[ReturnVisit]:
    with store.session() as session:
        return list(
            session.scalars(
                select(ReturnVisit)
                .where(ReturnVisit.case_id == case_id, ReturnVisit.deleted.is_(False))
                .order_by(ReturnVisit.due_on)
            )
        )


def confirmations(store: Store, case_id: str, agreement_id: str | None = None) -> list[JudicialConfirmation]:
    """The case's confirmations (or one agreement version's), each tied to the version applied for."""
    query = select(JudicialConfirmation).where(
        JudicialConfirmation.case_id == case_id, JudicialConfirmation.deleted.is_(False)
    )
    if agreement_id is not None:
        query = query.where(JudicialConfirmation.agreement_id == agreement_id)
    with store.session() as session:
        return list(session.scalars(query.order_by(JudicialConfirmation.applied_on)))


# --- helpers ----------------------------------------------------------------------------------------


def _get(session: Session, case_id: str) -> Case:
    case = session.get(Case, case_id)
    if case is None or case.deleted:
        raise LookupError(f"找不到案件 {case_id}")
    return case


def _committee(session: Session, committee_id: str) -> Committee:
    committee = session.get(Committee, committee_id)
    if committee is None or committee.deleted:
        raise ValidationError({"committee_id": "调委会：不存在，请先选择调委会"})
    return committee


def _region(session: Session, code: str) -> Region:
    region = session.get(Region, code)
    if region is None:
        raise ValidationError({"region_code": f"所在村：区划代码 {code} 不存在"})
    return region


def _require_editable(case: Case) -> None:
    if case.status == CaseStatus.ARCHIVED:
        raise FlowError("案件已归档，不能修改")


def _move(case: Case, status: str) -> None:
    case_flow.check_transition(case.status, status)
    case.status = status


def _next_version(session: Session, case_id: str) -> int:
    return (session.scalar(select(func.max(Agreement.version)).where(Agreement.case_id == case_id)) or 0) + 1


def _signed_agreement(session: Session, case_id: str, any_kind: bool = False) -> Agreement | None:
    query = select(Agreement).where(
        Agreement.case_id == case_id, Agreement.status == AgreementStatus.SIGNED, Agreement.deleted.is_(False)
    )
    if not any_kind:
        query = query.where(Agreement.kind == "书面")
    return session.scalars(query.order_by(Agreement.version.desc())).first()
