"""Demo data signs its agreements the real way (issue 13 §9): every README `advisor print` works on it."""

from __future__ import annotations

import re
import shlex
from datetime import date
from pathlib import Path

from advisor_app.cli.main import main
from advisor_app.services import printing, retention
from advisor_app.store import open_store

from .pdfcheck import text

README = Path(__file__).resolve().parents[2] / "README.md"
README_CASE = "（2026）临桥调字第 1 号"


def _readme_print_commands() -> list[list[str]]:
    lines = [line.split("#", 1)[0].strip() for line in README.read_text(encoding="utf-8").splitlines()]
    return [shlex.split(line)[1:] for line in lines if line.startswith("advisor print ")]


def test_every_demo_agreement_is_signed_with_a_kept_copy(_demo_template, demo_dir):
    _, counts, seconds = _demo_template
    store = open_store(demo_dir)
    try:
        checks = printing.check_all_signed(store)
    finally:
        store.close()
    assert len(checks) == counts["agreements"] == counts["attachments"] > 10
    assert {c.status for c in checks} == {printing.OK}
    print(f"demo data with {counts['agreements']} signed agreements: {seconds:.1f} s")


def test_every_readme_print_example_works_on_demo_data(demo_dir, tmp_path, monkeypatch, capsys):
    commands = _readme_print_commands()
    assert len(commands) >= 2, "README shows `advisor print` examples"
    monkeypatch.chdir(tmp_path)
    for argv in commands:
        code = main(["--data-dir", str(demo_dir), *argv])
        captured = capsys.readouterr()
        assert code == 0, (argv, captured.err)
        assert "警告" not in captured.err, captured.err
        output = Path(argv[argv.index("-o") + 1])
        pdf = output.read_bytes()
        assert pdf.startswith(b"%PDF") and README_CASE.replace(" ", "") in text(pdf), argv


def test_each_document_of_the_readme_case_prints_from_demo_data(demo_dir, tmp_path, capsys):
    for kind in ("application", "registration", "notice", "record", "visit", "confirmation", "closing"):
        out = tmp_path / f"{kind}.pdf"
        code = main(["--data-dir", str(demo_dir), "print", kind, README_CASE, "-o", str(out)])
        assert code == 0, (kind, capsys.readouterr().err)
        assert out.read_bytes().startswith(b"%PDF")


def test_stripped_agreements_are_reported_as_stripped_not_as_tampered(demo_dir, capsys):
    store = open_store(demo_dir)
    try:
        outcome = retention.apply(store, today=date(2040, 1, 1))
        assert outcome.due["cases"] > 0
        checks = printing.check_all_signed(store)
        stripped = [c for c in checks if c.status == printing.STRIPPED]
        assert stripped and not any(c.problem for c in checks)
        assert all(
            "已按保存期限删除个人信息" in c.messages[0] and "不是数据被改动" in c.messages[0]
            for c in stripped
        )
        printed = printing.case_file(store, stripped[0].case_id)
        assert printed.problems == []
        assert any("已按保存期限删除个人信息" in w for w in printed.warnings)
        contents = re.sub(r"\s", "", text(printed.pdf))
        assert "人民调解协议书★无已删除个人信息" in contents
    finally:
        store.close()
    assert main(["--data-dir", str(demo_dir), "diagnose"]) == 0
    out = capsys.readouterr().out
    line = next(x for x in out.splitlines() if "已签署协议" in x)
    assert f"已删除个人信息 {len(stripped)}" in line and not line.startswith("！")


def test_rendering_in_worker_processes_gives_the_same_signed_bytes(_demo_template, tmp_path):
    from advisor_app import demo

    from .conftest import DEMO_END, DEMO_SIZE

    def hashes(folder):  # noqa: ANN001, ANN202
        store = open_store(folder)
        try:
            with store.engine.connect() as conn:
                return sorted(row[0] for row in conn.exec_driver_sql("SELECT pdf_sha256 FROM agreements"))
        finally:
            store.close()

    store = open_store(tmp_path / "forked")
    demo.generate(store, end=DEMO_END, workers=2, **DEMO_SIZE)
    store.close()
    assert hashes(tmp_path / "forked") == hashes(_demo_template[0])
    assert None not in hashes(tmp_path / "forked")
