"""保存期限: past its retention period an archived record keeps its figures, not its people.

个人信息保护法 Art 19 asks for the shortest retention needed. Past the period set per record kind
(store settings ``retention.<kind>_years``), a record is *stripped*: party names become 当事人甲/乙…,
ID numbers, phones, addresses, birth dates and free texts that may name people are removed or
replaced by :data:`PLACEHOLDER`; dispute type, dates, amounts, statuses and the tags the reports
count stay, so report figures do not move. Scans (which may show fingerprints) are deleted from
disk and their attachment records tombstoned; persons no longer referenced are tombstoned.

The stripped versions are ordinary local edits, so they sync up like any other change. Two limits
keep that from creating records the server refuses forever:

* a **signed** agreement (已签署) otherwise never changes (the server refuses it,
  ``signed_immutable``); its strip is the one exception both sides accept, made and judged by
  :mod:`advisor_app.domain.retention_rules` (texts to the placeholder, parties and texts out of the
  frozen copy, amount, dates, kind, version and status untouched, case archived). Its kept PDF and
  signed scans are attachments of the agreement and go with the others; a stripped agreement can
  no longer be reprinted (``printing.reprint`` says so);
* on an installation that syncs, only records this account owns are stripped (the server refuses
  edits by another account, ``not_owner``); the owner strips the rest on its own installation.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from advisor_app.domain.clock import china_today
from advisor_app.domain.models import (
    Agreement,
    Attachment,
    Case,
    CaseParty,
    Consultation,
    LegalLiterate,
    MediationSession,
    Person,
    Rating,
    ReturnVisit,
)
from advisor_app.domain.privacy import RETENTION_PLACEHOLDER
from advisor_app.domain.retention_rules import SIGNED, stripped_fields
from advisor_app.domain.statuses import CaseStatus, ConsultationStatus, RosterStatus
from advisor_app.services import attachments as attachment_files
from advisor_app.store import Store

PLACEHOLDER = RETENTION_PLACEHOLDER  # the name the callers and tests know
PARTY_LABELS = "甲乙丙丁戊己庚辛壬癸"


@dataclass(frozen=True)
class Rule:
    """One kind of record: which ones are finished, from which date the period runs, default years."""

    kind: str
    label: str
    default_years: int
    why: str


# Local choices, not rates fixed by a regulation: the township sets them from its archive rules.
RULES = {
    "consultations": Rule(
        "consultations", "已办结的法律咨询", 5, "本地选择：咨询记录不入档案，按最短必要原则"
    ),
    "cases": Rule("cases", "已归档的纠纷案件", 10, "本地选择：与人民调解卷宗的常见保管期限相当"),
    "legal_literates": Rule("legal_literates", "已清退的法律明白人", 3, "本地选择：清退后不再需要联系方式"),
}


def setting_key(kind: str) -> str:
    return f"retention.{kind}_years"


def years(store: Store, kind: str) -> int:
    raw = store.setting(setting_key(kind))
    try:
        value = int(raw) if raw else RULES[kind].default_years
    except ValueError:
        value = RULES[kind].default_years
    return max(1, value)


def set_years(store: Store, kind: str, value: int) -> None:
    from advisor_app.domain.validation import ValidationError

    if kind not in RULES:
        raise ValidationError({"kind": f"记录类型：未知的类型 {kind}"})
    if not 1 <= int(value) <= 100:
        raise ValidationError({"years": f"{RULES[kind].label}保存期限：请填写 1 到 100 年"})
    store.set_setting(setting_key(kind), str(int(value)))


def cutoff(store: Store, kind: str, today: date) -> date:
    """Records finished before this day are past their period."""
    n = years(store, kind)
    try:
        return today.replace(year=today.year - n)
    except ValueError:  # 29 February
        return today.replace(year=today.year - n, day=28)


@dataclass
class Outcome:
    """What :func:`apply` did (or would do, with ``dry_run``), per kind; no personal data."""

    due: dict[str, int] = field(default_factory=dict)
    stripped: dict[str, int] = field(default_factory=dict)
    skipped_not_owner: dict[str, int] = field(default_factory=dict)
    files_deleted: int = 0
    attachments_tombstoned: int = 0
    persons_tombstoned: int = 0
    signed_agreements_stripped: int = 0


# --- which records are due --------------------------------------------------------------------


def _due(session: Session, store: Store, kind: str, today: date) -> list:
    limit = cutoff(store, kind, today)
    query: Select[Any]
    if kind == "consultations":
        query = select(Consultation).where(
            Consultation.deleted.is_(False),
            Consultation.status == ConsultationStatus.DONE,
            Consultation.occurred_at < datetime.combine(limit, time()),
            Consultation.question != PLACEHOLDER,
        )
    elif kind == "cases":
        query = select(Case).where(
            Case.deleted.is_(False),
            Case.status == CaseStatus.ARCHIVED,
            Case.archived_on.is_not(None),
            Case.archived_on < limit,
            Case.summary != PLACEHOLDER,
        )
    else:
        query = select(LegalLiterate).where(
            LegalLiterate.deleted.is_(False),
            LegalLiterate.status != RosterStatus.ACTIVE,
            LegalLiterate.removed_on.is_not(None),
            LegalLiterate.removed_on < limit,
            LegalLiterate.name != PLACEHOLDER,
        )
    return list(session.scalars(query))


def _own(store: Store, record) -> bool:  # noqa: ANN001
    return not store.synced or record.owner in ("", store.user)


def status(store: Store, today: date | None = None) -> dict[str, dict]:
    """Per kind: the period, where it comes from, and how many records are due now."""
    today = today or china_today()
    out = {}
    with store.session() as session:
        for kind, rule in RULES.items():
            due = _due(session, store, kind, today)
            out[kind] = {
                "label": rule.label,
                "years": years(store, kind),
                "why": rule.why,
                "cutoff": cutoff(store, kind, today),
                "due": sum(1 for r in due if _own(store, r)),
                "not_owner": sum(1 for r in due if not _own(store, r)),
            }
    return out


# --- stripping ----------------------------------------------------------------------------------


def _blank(value: str | None) -> str | None:
    return PLACEHOLDER if value else value


def _strip_ratings(session: Session, kind: str, target_id: str) -> None:
    for rating in session.scalars(
        select(Rating).where(Rating.target_kind == kind, Rating.target_id == target_id)
    ):
        rating.comment = _blank(rating.comment)
        rating.follow_up_note = _blank(rating.follow_up_note)


def _drop_attachments(
    session: Session, targets: Iterable[tuple[str, str]], files: set[str], outcome: Outcome
) -> None:
    conditions = [
        (Attachment.target_kind == kind) & (Attachment.target_id == target_id) for kind, target_id in targets
    ]
    if not conditions:
        return
    for attachment in session.scalars(
        select(Attachment).where(Attachment.deleted.is_(False), or_(*conditions))
    ):
        attachment.deleted = True
        attachment.filename = "已删除"
        attachment.note = None
        files.add(attachment.sha256)
        outcome.attachments_tombstoned += 1


def _strip_case(session: Session, case: Case, persons: set[str], files: set[str], outcome: Outcome) -> None:
    case.summary = PLACEHOLDER
    case.result = _blank(case.result)
    for n, party in enumerate(p for p in case.parties if not p.deleted):
        if party.person_id:
            persons.add(party.person_id)
        if not party.is_organisation:
            party.name = "当事人" + (PARTY_LABELS[n] if n < len(PARTY_LABELS) else str(n + 1))
        party.person_id = None
        party.representative = None
        party.birth_date = None
        party.id_number = None
        party.phone = None
        party.address = None
        party.occupation = None
    for sitting in session.scalars(select(MediationSession).where(MediationSession.case_id == case.id)):
        for name in ("participants", "statements", "facts", "result"):
            setattr(sitting, name, _blank(getattr(sitting, name)))
    agreement_ids = []
    for agreement in session.scalars(select(Agreement).where(Agreement.case_id == case.id)):
        agreement_ids.append(agreement.id)
        if agreement.status == SIGNED:
            # Exactly the change the server accepts on a signed agreement (retention_rules).
            for name, value in stripped_fields(_agreement_fields(agreement)).items():
                setattr(agreement, name, value)
            outcome.signed_agreements_stripped += 1
            continue
        agreement.facts = _blank(agreement.facts) or ""
        agreement.terms = [PLACEHOLDER] if agreement.terms else []
        agreement.performance = _blank(agreement.performance) or ""
        if agreement.frozen_data:
            agreement.frozen_data = {
                k: v
                for k, v in agreement.frozen_data.items()
                if k not in ("parties", "facts", "terms", "performance")
            }
    for visit in session.scalars(select(ReturnVisit).where(ReturnVisit.case_id == case.id)):
        visit.reason = _blank(visit.reason)
        visit.measures = _blank(visit.measures)
    _strip_ratings(session, "case", case.id)
    _drop_attachments(
        session, [("case", case.id), *(("agreement", a) for a in agreement_ids)], files, outcome
    )


def _agreement_fields(agreement: Agreement) -> dict:
    return {name: getattr(agreement, name) for name in ("facts", "terms", "performance", "frozen_data")}


def _strip_consultation(session: Session, consultation: Consultation, persons: set[str]) -> None:
    if consultation.person_id:
        persons.add(consultation.person_id)
    consultation.person_id = None
    consultation.person_name = "咨询人" if consultation.person_name else consultation.person_name
    consultation.question = PLACEHOLDER
    consultation.answer = _blank(consultation.answer)
    consultation.outcome = _blank(consultation.outcome)
    consultation.no_rating_reason = _blank(consultation.no_rating_reason)
    _strip_ratings(session, "consultation", consultation.id)


def _strip_member(session: Session, member: LegalLiterate) -> None:
    member.name = PLACEHOLDER
    member.birth_date = None
    member.id_number = None
    member.phone = None
    member.certificate_no = None
    member.removed_reason = _blank(member.removed_reason)


def _unreferenced(session: Session, person_ids: set[str]) -> list[Person]:
    if not person_ids:
        return []
    used = set(
        session.scalars(
            select(CaseParty.person_id).where(
                CaseParty.person_id.in_(person_ids), CaseParty.deleted.is_(False)
            )
        )
    ) | set(
        session.scalars(
            select(Consultation.person_id).where(
                Consultation.person_id.in_(person_ids), Consultation.deleted.is_(False)
            )
        )
    )
    return list(
        session.scalars(select(Person).where(Person.id.in_(person_ids - used), Person.deleted.is_(False)))
    )


def _delete_unused_files(store: Store, files: set[str]) -> int:
    """Blobs no live attachment refers to any more (the same scan may hang under another record)."""
    if not files:
        return 0
    with store.session() as session:
        still_used = set(
            session.scalars(
                select(Attachment.sha256).where(Attachment.sha256.in_(files), Attachment.deleted.is_(False))
            )
        )
    deleted = 0
    for sha in files - still_used:
        path = attachment_files.blob_path(store, sha)
        if path.exists():
            path.unlink()
            deleted += 1
    return deleted


def apply(store: Store, today: date | None = None, *, dry_run: bool = False) -> Outcome:
    """Strip every record past its period (in one unit of work); ``dry_run`` only counts."""
    today = today or china_today()
    outcome = Outcome()
    persons: set[str] = set()
    files: set[str] = set()
    with store.session() as session:
        for kind in RULES:
            due = _due(session, store, kind, today)
            mine = [r for r in due if _own(store, r)]
            outcome.due[kind] = len(mine)
            outcome.skipped_not_owner[kind] = len(due) - len(mine)
            if dry_run:
                continue
            for record in mine:
                if kind == "cases":
                    _strip_case(session, record, persons, files, outcome)
                elif kind == "consultations":
                    _strip_consultation(session, record, persons)
                else:
                    _strip_member(session, record)
            outcome.stripped[kind] = len(mine)
        if dry_run:
            session.rollback()
            return outcome
        session.flush()
        for person in _unreferenced(session, persons):
            person.deleted = True
            person.name = PLACEHOLDER[:64]
            for name in ("birth_date", "id_number", "phone", "address", "occupation"):
                setattr(person, name, None)
            outcome.persons_tombstoned += 1
    # Files go only after the records that point to them are committed as tombstones.
    outcome.files_deleted = _delete_unused_files(store, files)
    return outcome
