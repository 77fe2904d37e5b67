"""A signed 口头协议 keeps its 口头协议登记表 (issue 13 §7); the CLI signs written and oral agreements."""

from __future__ import annotations

from advisor_app.cli.main import main
from advisor_app.domain.models import Agreement, Attachment
from advisor_app.services import cases, printing

from .builders import make_case
from .pdfcheck import page_texts, text


def _oral_case(store):  # noqa: ANN001, ANN202
    case, written = make_case(store)
    with store.session() as session:  # only the oral agreement: the written draft is withdrawn
        session.get(Agreement, written.id).deleted = True
    oral = cases.save_agreement(
        store,
        case.id,
        {
            "kind": "口头",
            "facts": "双方因院墙越界发生争议。",
            "terms": ["李秀兰三日内拆除越界院墙。"],
            "performance": "当场口头约定，由调委会监督。",
            "amount_yuan": "500",
        },
    )
    return case, oral


def test_signing_an_oral_agreement_keeps_its_registration_form(seeded, tmp_path, capsys):
    case, oral = _oral_case(seeded)
    first, again = tmp_path / "oral.pdf", tmp_path / "again.pdf"
    args = ["--data-dir", str(seeded.data_dir), "print", "oral", case.case_no]
    assert main([*args, "-o", str(first), "--sign", "2025-03-10"]) == 0
    kept = first.read_bytes()
    body = text(kept)
    assert body.startswith("人民调解口头协议登记表") and "人民调解协议书" not in body
    assert "草稿" not in body and "2025年3月10日" in body
    with seeded.session() as session:
        signed = session.get(Agreement, oral.id)
        assert signed.status == "已签署"
        attachment = session.query(Attachment).filter_by(target_id=oral.id).one()
    assert attachment.filename.startswith("人民调解口头协议登记表")
    assert printing.check_signed(seeded, oral.id).status == printing.OK
    # Printing it again gives the kept bytes; the whole file carries the same form, listed as present.
    assert main([*args, "-o", str(again)]) == 0
    assert again.read_bytes() == kept
    printed = printing.case_file(seeded, case.id)
    assert printed.problems == []
    pages = page_texts(printed.pdf)
    assert any(p.startswith("人民调解口头协议登记表") for p in pages)
    contents = next(p for p in pages if p.startswith("卷内目录"))
    # No scan of the signed paper yet: the row says the file holds the kept copy, not the original.
    assert "人民调解协议书★存档件签字原件未归卷" in contents
    assert "已生成" in capsys.readouterr().out


def test_an_oral_draft_prints_marked_and_sign_refuses_the_wrong_kind(seeded, tmp_path, capsys):
    case, _ = _oral_case(seeded)
    out = tmp_path / "draft.pdf"
    args = ["--data-dir", str(seeded.data_dir), "print"]
    assert main([*args, "oral", case.case_no, "-o", str(out)]) == 0
    assert all("草稿（未签署）仅供核对" in p for p in page_texts(out.read_bytes()))
    # No written draft in this case: --sign on agreement says so instead of signing the oral one.
    assert main([*args, "agreement", case.case_no, "-o", str(out), "--sign", "2025-03-10"]) == 2
    assert "没有待签署的书面协议草稿" in capsys.readouterr().err
    assert main([*args, "notice", case.case_no, "-o", str(out), "--sign", "2025-03-10"]) == 2
