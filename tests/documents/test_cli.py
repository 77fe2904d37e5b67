"""`advisor print …` end to end over a real store."""

from __future__ import annotations

from advisor_app.cli.main import main
from advisor_app.services import cases

from .builders import PARTIES, make_case
from .pdfcheck import text


def _data_dir(store):  # noqa: ANN001, ANN202
    return str(store.data_dir)


def test_print_every_kind(mediated, tmp_path, capsys):
    number = cases.get(mediated, mediated.case_id).case_no
    for kind in (
        "agreement",
        "application",
        "registration",
        "notice",
        "record",
        "visit",
        "confirmation",
        "file",
    ):
        out = tmp_path / f"{kind}.pdf"
        assert main(["--data-dir", _data_dir(mediated), "print", kind, number, "-o", str(out)]) == 0
        assert out.read_bytes().startswith(b"%PDF")
    assert number.replace(" ", "") in text((tmp_path / "agreement.pdf").read_bytes())
    assert "已生成" in capsys.readouterr().out


def test_sign_from_the_command_line_and_reprint_the_same_bytes(seeded, tmp_path):
    case, _ = make_case(seeded)
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    args = ["--data-dir", _data_dir(seeded), "print", "agreement", case.case_no]
    assert main([*args, "-o", str(first), "--sign", "2025-03-10"]) == 0
    assert main([*args, "-o", str(second)]) == 0
    assert first.read_bytes() == second.read_bytes()


def test_errors_are_chinese_and_name_the_field(seeded, tmp_path, capsys):
    from advisor_app.documents.fonts import chain

    fonts = chain()
    missing = next(chr(c) for c in range(0x30000, 0x3134B) if fonts.font_for(chr(c), fonts.body) is None)
    case, _ = make_case(seeded, parties=[dict(PARTIES[0], name="王" + missing), PARTIES[1]])
    out = tmp_path / "x.pdf"
    assert main(["--data-dir", _data_dir(seeded), "print", "agreement", case.case_no, "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert "第 1 位当事人姓名" in err and missing in err
    assert not out.exists()
    assert (
        main(["--data-dir", _data_dir(seeded), "print", "file", "（2099）无此调字第 9 号", "-o", str(out)])
        == 2
    )
    assert "找不到案件" in capsys.readouterr().err
