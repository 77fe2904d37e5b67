"""Signed means frozen: the kept PDF, its SHA-256, reprints and new versions."""

from __future__ import annotations

import hashlib
from datetime import date

import pytest

from advisor_app.documents.agreement import render_agreement
from advisor_app.domain.case_flow import FlowError
from advisor_app.domain.models import Agreement, Attachment
from advisor_app.services import attachments, cases, printing

from .builders import make_case
from .pdfcheck import text


def _agreement(store, agreement_id):  # noqa: ANN001, ANN202
    with store.session() as session:
        return session.get(Agreement, agreement_id)


def test_sign_and_print_keeps_bytes_hash_and_snapshot(seeded):
    case, draft = make_case(seeded)
    pdf = printing.sign_and_print(seeded, draft.id, date(2025, 3, 10))
    signed = _agreement(seeded, draft.id)
    assert signed.status == "已签署"
    assert signed.pdf_sha256 == hashlib.sha256(pdf).hexdigest()
    assert signed.frozen_data["signed_on"] == "2025-03-10"
    assert "草稿" not in text(pdf)
    with seeded.session() as session:
        kept = session.query(Attachment).filter_by(target_id=draft.id, purpose=printing.PDF_PURPOSE).one()
    assert attachments.blob_path(seeded, kept.sha256).read_bytes() == pdf
    # The frozen data alone reproduces the document byte for byte.
    assert render_agreement(dict(signed.frozen_data)) == pdf
    assert cases.get(seeded, case.id).status == "达成协议"


def test_reprint_gives_the_signed_bytes_even_after_the_case_changes(mediated):
    first = printing.agreement_pdf(mediated, mediated.agreement_id)
    cases.update(mediated, mediated.case_id, {"mediator": "另一位调解员"})
    assert printing.reprint(mediated, mediated.agreement_id) == first
    assert printing.case_document(mediated, "agreement", mediated.case_id) == first
    assert "另一位调解员" not in text(first)


def test_a_tampered_kept_copy_is_not_printed(mediated):
    signed = _agreement(mediated, mediated.agreement_id)
    path = attachments.blob_path(mediated, signed.pdf_sha256)
    original = path.read_bytes()
    path.write_bytes(original.replace(b"12,000.00", b"92,000.00"))
    # The frozen data still reproduces the signed hash, so the right document comes back.
    assert printing.reprint(mediated, mediated.agreement_id) == original


def test_a_reprint_that_cannot_match_the_signature_is_refused(mediated):
    signed = _agreement(mediated, mediated.agreement_id)
    attachments.blob_path(mediated, signed.pdf_sha256).unlink()
    with mediated.session() as session:
        session.get(Agreement, mediated.agreement_id).frozen_data = {**signed.frozen_data, "copies": 9}
    with pytest.raises(printing.PrintError, match="不一致"):
        printing.reprint(mediated, mediated.agreement_id)


def test_a_change_after_signing_is_a_new_version(mediated):
    with pytest.raises(FlowError):
        printing.sign_and_print(mediated, mediated.agreement_id, date(2025, 3, 11))
    with pytest.raises(FlowError):
        cases.save_agreement(
            mediated,
            mediated.case_id,
            {"facts": "x", "terms": ["y"], "performance": "z"},
            mediated.agreement_id,
        )
    draft = cases.new_version(mediated, mediated.agreement_id)
    cases.save_agreement(
        mediated,
        mediated.case_id,
        {
            "facts": "变更后的事实。",
            "terms": ["变更后的条款。"],
            "performance": "当面履行。",
            "amount_yuan": "500",
        },
        draft.id,
    )
    pdf = printing.sign_and_print(mediated, draft.id, date(2025, 3, 12))
    assert "（变更后第2版）" in text(pdf)
    assert "人民币伍佰元整" in text(pdf)
    assert _agreement(mediated, mediated.agreement_id).status == "作废"
    # The old version still reprints exactly as it was signed.
    old = _agreement(mediated, mediated.agreement_id)
    assert hashlib.sha256(printing.reprint(mediated, old.id)).hexdigest() == old.pdf_sha256
