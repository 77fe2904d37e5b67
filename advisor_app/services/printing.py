"""Printing: render a case's documents, and sign-and-print an agreement so it stays frozen.

A signed agreement (人民调解协议书, 人民调解法 Art 29) is what the parties signed on paper: its data is
frozen (``Agreement.frozen_data``), its PDF bytes are kept as an attachment (purpose 协议书PDF) and
their SHA-256 in ``Agreement.pdf_sha256``. Printing it again returns those same bytes. Rendering is
deterministic (reportlab ``invariant``), so the frozen data also reproduces the bytes on a machine
with the same fonts.
"""

from __future__ import annotations

import hashlib
from datetime import date
from typing import Any

from sqlalchemy import select

from advisor_app.documents import Kit, render_case_document, render_consultation
from advisor_app.documents.agreement import render_agreement
from advisor_app.documents.collect import agreement_by_id, case_data, consultation_data
from advisor_app.domain.case_flow import FlowError
from advisor_app.domain.models import Agreement, Attachment, Case, Consultation
from advisor_app.domain.retention_rules import is_stripped
from advisor_app.services import attachments, audit, cases
from advisor_app.store import Store

PDF_PURPOSE = "协议书PDF"
DOCUMENT_KINDS = (
    "agreement",
    "application",
    "registration",
    "notice",
    "record",
    "oral",
    "visit",
    "confirmation",
    "file",
)


class PrintError(ValueError):
    """A kept document that no longer matches what was signed, or no longer exists."""


STRIPPED_MESSAGE = "已按保存期限删除个人信息，不能重印"


def _kit(store: Store) -> Kit:
    from advisor_app.documents.fonts import chain

    return Kit(chain(store.setting("pdf_font")))


def preflight(store: Store, kind: str, case_id: str) -> dict[str, str]:
    """Characters no font can draw, by field (empty when the document can be printed)."""
    from advisor_app.documents import CASE_DOCUMENTS, case_file

    kit = _kit(store)
    case = case_data(store, case_id)
    if kind == "file":
        case_file.sections(kit, case)
    else:
        CASE_DOCUMENTS[kind][1](kit, case)
    return dict(kit.problems)


def case_document(store: Store, kind: str, case_id: str) -> bytes:
    """One document of the case, or ``file`` for the whole 卷宗; a signed agreement comes from its kept copy."""
    if kind not in DOCUMENT_KINDS:
        raise ValueError(f"未知的文书类型：{kind}（可选：{'、'.join(DOCUMENT_KINDS)}）")
    case = case_data(store, case_id)
    if kind == "agreement" and case.get("agreement_status") == "已签署":
        pdf = reprint(store, case["agreement_id"])
    else:
        pdf = render_case_document(kind, case, _kit(store))
    _audit_print(store, Case, case_id, kind)
    return pdf


def consultation_record(store: Store, record_id: str) -> bytes:
    pdf = render_consultation(consultation_data(store, record_id), _kit(store))
    _audit_print(store, Consultation, record_id, "consultation")
    return pdf


def _audit_print(store: Store, model: type, record_id: str, document: str) -> None:
    """打印 is taking personal data away on paper: it goes into the audit log (no names)."""
    with store.session() as session:
        region = getattr(session.get(model, record_id), "region_code", None)
    audit.log(store, "打印", model.__tablename__, target_id=record_id, region_code=region, detail=document)


def agreement_pdf(store: Store, agreement_id: str) -> bytes:
    """The agreement as it stands: the kept bytes once signed, a draft rendering before."""
    with store.session() as session:
        agreement = session.get(Agreement, agreement_id)
        status = agreement.status if agreement else None
    if status is None:
        raise LookupError("找不到该协议")
    pdf = (
        reprint(store, agreement_id)
        if status != "草稿"
        else render_agreement(agreement_by_id(store, agreement_id), _kit(store))
    )
    with store.session() as session:
        case_id = session.get(Agreement, agreement_id).case_id
    _audit_print(store, Case, case_id, "agreement")
    return pdf


def sign_and_print(store: Store, agreement_id: str, signed_on: date | None = None) -> bytes:
    """Render the agreement as signed, sign it (freezing data and hash) and keep the bytes.

    The PDF is rendered before signing from the same snapshot the core freezes, so the hash is
    stored in the signing transaction itself; an unprintable character stops everything before
    the agreement is signed.
    """
    signed_on = signed_on or date.today()
    with store.session() as session:
        agreement = session.get(Agreement, agreement_id)
        if agreement is None or agreement.deleted:
            raise LookupError("找不到该协议")
        if agreement.status != "草稿":
            raise FlowError(f"协议状态为“{agreement.status}”，不能再次签署")
        snapshot = cases.agreement_snapshot(session, agreement)
    snapshot["signed_on"] = signed_on.isoformat()
    pdf = render_agreement(snapshot, _kit(store))
    signed = cases.sign_agreement(store, agreement_id, signed_on, pdf=pdf)
    if _normalised(signed.frozen_data) != _normalised(snapshot):
        # Edited between the snapshot and the signature: print what was actually frozen.
        pdf = render_agreement(dict(signed.frozen_data), _kit(store))
        with store.session() as session:
            session.get(Agreement, agreement_id).pdf_sha256 = hashlib.sha256(pdf).hexdigest()
    attachments.add_bytes(store, pdf, _filename(signed.frozen_data), "agreement", agreement_id, PDF_PURPOSE)
    return pdf


def _normalised(data: Any) -> Any:
    import json

    return json.loads(json.dumps(data, ensure_ascii=False, sort_keys=True, default=str))


def _filename(data: dict[str, Any]) -> str:
    number = (data.get("case_no") or "协议").replace(" ", "")
    return f"人民调解协议书{number}-第{data.get('version') or 1}版.pdf"


def reprint(store: Store, agreement_id: str) -> bytes:
    """A signed agreement again, byte for byte: the kept copy, checked against the signed hash.

    Without a kept copy (an attachment not yet synced to this device) the frozen data is rendered
    again; it is returned only if it reproduces the signed hash. Past its retention period the
    agreement's personal data, kept copy included, is gone: that is said plainly, not as a mismatch.
    """
    with store.session() as session:
        agreement = session.get(Agreement, agreement_id)
        if agreement is None or agreement.deleted:
            raise LookupError("找不到该协议")
        if agreement.status == "草稿":
            raise FlowError("协议尚未签署，没有签署时的存档文本")
        if is_stripped(agreement.frozen_data):
            raise PrintError(STRIPPED_MESSAGE)
        expected = agreement.pdf_sha256
        frozen = dict(agreement.frozen_data or {})
        kept = list(
            session.scalars(
                select(Attachment.sha256).where(
                    Attachment.target_kind == "agreement",
                    Attachment.target_id == agreement_id,
                    Attachment.purpose == PDF_PURPOSE,
                    Attachment.deleted.is_(False),
                )
            )
        )
    if not expected:
        raise PrintError("该协议签署时没有保存打印文本，无法保证重印与签署件一致；请以纸质签署件为准")
    for sha in kept:
        if sha == expected and attachments.has_blob(store, sha):
            try:
                return attachments.read_blob(store, sha)  # decrypted and checked against its hash
            except attachments.BlobError:
                pass  # damaged or swapped: render again from the frozen data below
    data = render_agreement(frozen, _kit(store))
    if hashlib.sha256(data).hexdigest() != expected:
        raise PrintError(
            "已签署协议的存档 PDF 不在本机，按签署时的数据重新生成的文本与签署件不一致（可能是本机字体不同）；"
            "请先同步附件后再打印"
        )
    return data


def render(store: Store, document: str, record_id: str) -> tuple[bytes, str]:
    """The desktop's entry point: (PDF bytes, title) of ``document`` for a record.

    ``record_id`` is the agreement's id for ``agreement``, the consultation's for ``consultation``
    and the case's for every other kind (``file`` = the whole 卷宗).
    """
    from advisor_app.documents import CASE_DOCUMENTS

    if document == "agreement":
        with store.session() as session:
            agreement = session.get(Agreement, record_id)
            case_id = agreement.case_id if agreement else None
        if case_id is None:
            # The case screen may pass the case itself when no agreement is selected.
            return case_document(store, "agreement", record_id), "人民调解协议书"
        return agreement_pdf(store, record_id), "人民调解协议书"
    if document == "consultation":
        return consultation_record(store, record_id), "法律咨询记录"
    if document == "file":
        return case_document(store, "file", record_id), "人民调解卷宗"
    return case_document(store, document, record_id), CASE_DOCUMENTS[document][
        0
    ] if document in CASE_DOCUMENTS else document
