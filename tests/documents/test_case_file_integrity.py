"""The 卷宗 checks what it prints (issue 13 §5, §6): kept signed PDFs verified, findings reported.

Every test changes a real store the way a damaged or tampered installation would be (SQL behind
the services' back, files deleted or overwritten) and reads the printed PDF back.
"""

from __future__ import annotations

import json
from datetime import date

from advisor_app.cli.main import main
from advisor_app.documents.agreement import DRAFT_NOTE
from advisor_app.domain.models import Agreement
from advisor_app.services import attachments, cases, printing

from .builders import PARTIES, make_case
from .pdfcheck import page_texts, text

SIGNED_AMOUNT = "12,000.00"
ALTERED_AMOUNT = "92,000.00"


def _sql(store, statement, *params):  # noqa: ANN001, ANN002, ANN202
    with store.engine.begin() as conn:
        conn.exec_driver_sql(statement, params)


def _alter_frozen_amount(store, agreement_id):  # noqa: ANN001, ANN202
    _sql(
        store,
        "UPDATE agreements SET frozen_data = json_set(frozen_data, '$.amount_fen', 9200000) WHERE id = ?",
        agreement_id,
    )


def _blob(store, agreement_id):  # noqa: ANN001, ANN202
    with store.session() as session:
        return attachments.blob_path(store, session.get(Agreement, agreement_id).pdf_sha256)


def _agreement_pages(pdf: bytes) -> list[str]:
    pages = page_texts(pdf)
    start = next(
        i for i, p in enumerate(pages) if p.startswith("人民调解协议书") or "人民调解协议书编号" in p
    )
    end = next(i for i, p in enumerate(pages) if i > start and "第1页共" in p)
    return pages[start:end]


def test_a_clean_file_reports_nothing_and_carries_the_kept_bytes(mediated):
    printed = printing.case_file(mediated, mediated.case_id)
    assert printed.problems == [] and printed.warnings == []
    kept = printing.reprint(mediated, mediated.agreement_id)
    assert "".join(_agreement_pages(printed.pdf)) == text(kept)


def test_altered_frozen_amount_prints_the_signed_copy_and_is_reported(mediated, tmp_path, capsys):
    _alter_frozen_amount(mediated, mediated.agreement_id)
    printed = printing.case_file(mediated, mediated.case_id)
    body = text(printed.pdf)
    assert SIGNED_AMOUNT in body and ALTERED_AMOUNT not in body
    assert any("数据被改动" in p and "签署时冻结的数据" in p for p in printed.problems), printed.problems
    # The CLI writes the file, says why it cannot be trusted, and exits 1.
    number = cases.get(mediated, mediated.case_id).case_no
    out = tmp_path / "卷宗.pdf"
    code = main(["--data-dir", str(mediated.data_dir), "print", "file", number, "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 1 and "警告" in err and "数据被改动" in err
    assert ALTERED_AMOUNT not in text(out.read_bytes())
    # Printing the agreement alone gives the signed copy too, with the same finding; the
    # 司法确认申请书, which restates the agreement from its frozen data, reports it as well.
    alone = printing.print_document(mediated, "agreement", mediated.agreement_id)
    assert SIGNED_AMOUNT in text(alone.pdf) and alone.problems
    assert any(
        "数据被改动" in p
        for p in printing.print_document(mediated, "confirmation", mediated.case_id).problems
    )
    # The 结案报告表 reports it too and does not restate the altered amount.
    cases.close(mediated, mediated.case_id, grade="满意", closed_on=date(2025, 4, 5))
    closing = printing.print_document(mediated, "closing", mediated.case_id)
    assert closing.problems and ALTERED_AMOUNT not in text(closing.pdf)
    assert "以签署件为准" in text(closing.pdf)


def test_altered_amount_column_is_reported(mediated):
    _sql(mediated, "UPDATE agreements SET amount_fen = 9200000 WHERE id = ?", mediated.agreement_id)
    check = printing.check_signed(mediated, mediated.agreement_id)
    assert check.status == printing.ALTERED and "协议涉及金额" in check.messages[0]
    printed = printing.case_file(mediated, mediated.case_id)
    assert ALTERED_AMOUNT not in text(printed.pdf) and printed.problems


def test_a_missing_kept_pdf_is_reported_not_silently_rebuilt(mediated):
    _blob(mediated, mediated.agreement_id).unlink()
    printed = printing.case_file(mediated, mediated.case_id)
    assert any("存档 PDF 不在本机" in p for p in printed.problems), printed.problems
    # What goes in is byte-identical to the signed document (the hash proves it) and says so.
    assert any("SHA-256 一致" in p for p in printed.problems)
    assert SIGNED_AMOUNT in text(printed.pdf)
    assert printing.check_signed(mediated, mediated.agreement_id).status == printing.MISSING


def test_a_damaged_kept_pdf_is_reported(mediated):
    path = _blob(mediated, mediated.agreement_id)
    damaged = bytearray(path.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF  # one flipped byte, as a failing disk leaves it
    path.write_bytes(bytes(damaged))
    check = printing.check_signed(mediated, mediated.agreement_id)
    assert check.status == printing.DAMAGED and "损坏" in check.messages[0]
    printed = printing.case_file(mediated, mediated.case_id)
    assert any("损坏" in p for p in printed.problems)
    assert text(printed.pdf).count(SIGNED_AMOUNT) == 1


def test_missing_pdf_and_altered_data_leave_a_notice_page_and_the_contents_say_so(mediated):
    _blob(mediated, mediated.agreement_id).unlink()
    _alter_frozen_amount(mediated, mediated.agreement_id)
    printed = printing.case_file(mediated, mediated.case_id)
    body = text(printed.pdf)
    # Nothing is rebuilt from data that no longer matches its digest.
    assert ALTERED_AMOUNT not in body and SIGNED_AMOUNT not in body
    assert "请以纸质签署件为准" in body
    contents = next(p for p in page_texts(printed.pdf) if p.startswith("卷内目录"))
    assert "人民调解协议书★无数据被改动，见说明页" in contents
    assert len(printed.problems) == 2


def test_a_draft_goes_in_marked_and_the_contents_list_agrees(seeded):
    case, _ = make_case(seeded)
    printed = printing.case_file(seeded, case.id)
    pages = page_texts(printed.pdf)
    draft = _agreement_pages(printed.pdf)
    assert draft and all(DRAFT_NOTE in p for p in draft)
    assert sum(DRAFT_NOTE in p for p in pages) == len(draft), "only the agreement's pages carry the mark"
    contents = next(p for p in pages if p.startswith("卷内目录"))
    assert "人民调解协议书★草稿未签署，仅供核对" in contents
    assert "人民调解协议书★无" not in contents
    assert any("草稿" in w for w in printed.warnings)


def test_a_party_changed_after_signing_warns_and_documents_keep_the_signed_particulars(
    mediated, tmp_path, capsys
):
    changed = [dict(p) for p in PARTIES]
    changed[1]["phone"] = "13700000000"
    cases.update(mediated, mediated.case_id, {"parties": changed})
    for document in ("confirmation", "file", "agreement"):
        printed = printing.print_document(mediated, document, mediated.case_id)
        assert any("第 2 位当事人的联系方式在协议签署后有变动" in w for w in printed.warnings), document
        assert printed.problems == []
    confirmation = text(printing.print_document(mediated, "confirmation", mediated.case_id).pdf)
    assert PARTIES[1]["phone"] in confirmation and "13700000000" not in confirmation
    number = cases.get(mediated, mediated.case_id).case_no
    out = tmp_path / "confirmation.pdf"
    assert main(["--data-dir", str(mediated.data_dir), "print", "confirmation", number, "-o", str(out)]) == 0
    assert "警告：第 2 位当事人的联系方式在协议签署后有变动" in capsys.readouterr().err


def test_signing_stores_a_digest_of_the_frozen_data(mediated):
    with mediated.session() as session:
        frozen_data = dict(session.get(Agreement, mediated.agreement_id).frozen_data)
    from advisor_app.domain import frozen

    assert frozen.intact(frozen_data) is True
    assert frozen.intact({**frozen_data, "copies": 9}) is False
    assert json.loads(json.dumps(frozen_data)) == frozen_data  # survives the JSON of sync unchanged
