"""`advisor diagnose` and the self-test the frozen build runs (here unfrozen, on real stores)."""

import json
import sqlite3

from advisor_app import diagnostics
from advisor_app.cli.main import main
from advisor_app.services import consultations
from advisor_app.store import migrate
from advisor_app.store.engine import sqlite_engine
from tests.conftest import VILLAGE


def _lines(capsys):
    out = capsys.readouterr().out
    return out, {line.strip(" ！").split("：", 1)[0]: line for line in out.splitlines() if "：" in line}


def test_diagnose_reports_versions_paths_integrity_revision_and_sync_backlog(seeded, capsys):
    for question in ("土地流转费拖欠", "宅基地边界", "赡养老人"):
        consultations.create(seeded, {"region_code": VILLAGE, "question": question})
    with seeded.engine.connect() as conn:
        seqs = [row[0] for row in conn.exec_driver_sql("SELECT seq FROM change_log ORDER BY seq")]
    with seeded.engine.begin() as conn:  # the sync client's bookkeeping: all but the last write pushed
        conn.exec_driver_sql(
            "INSERT INTO sync_cursors (name, server, value, push_mark) VALUES ('changes', 'x|y', 7, ?)",
            (seqs[-2],),
        )
        conn.exec_driver_sql(
            "INSERT INTO sync_record_states (kind, record_id, server_rev, state, pushed_rev, updated_at)"
            " VALUES ('consultations', 'r1', 0, 'rejected', 1, '2026-11-28 10:00:00')"
        )
    code = main(["--data-dir", str(seeded.data_dir), "diagnose"])
    out, lines = _lines(capsys)
    assert code == 0, out
    assert diagnostics.app_version() in lines["程序版本"]
    assert str(seeded.data_dir) in lines["数据文件夹"]
    assert "正常" in lines["完整性检查（快速）"]
    assert f"{migrate.head_revision()}（本程序：{migrate.head_revision()}）" in lines["数据库版本"]
    assert f"未上传的修改 1 条（本机共记录 {len(seqs)} 条）；被退回 1 条" in lines["同步"]
    assert lines["同步"].startswith("！"), "a rejected record is a problem to look at"
    assert lines["咨询记录数"].endswith("：3")
    assert "密钥存储" in lines and "打印字体" in lines


def test_diagnose_reads_an_old_store_without_upgrading_it(tmp_path, capsys):
    path = tmp_path / "advisor.db"
    engine = sqlite_engine(path)
    migrate.upgrade(engine, path, "0001")
    engine.dispose()
    assert main(["--data-dir", str(tmp_path), "diagnose", "--json", "--full"]) == 0
    lines = {item["label"]: item for item in json.loads(capsys.readouterr().out)}
    assert lines["数据库版本"]["value"].startswith("0001（")
    assert lines["完整性检查（完整）"]["value"] == "正常"
    assert "从未上传" in lines["同步"]["value"]
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    assert not (tmp_path / "backups").exists()


def test_diagnose_flags_a_damaged_database(tmp_path, capsys):
    (tmp_path / "advisor.db").write_bytes(b"SQLite format 3\x00" + b"\x07" * 4096)
    code = main(["--data-dir", str(tmp_path), "diagnose"])
    out = capsys.readouterr().out
    assert code == 1
    assert any(line.startswith("！") and "数据库" in line for line in out.splitlines()), out


def test_diagnose_prints_no_personal_data(seeded, capsys):
    consultations.create(
        seeded,
        {"region_code": VILLAGE, "question": "欠款", "person_name": "赵老汉", "phone": "13912345678"},
    )
    main(["--data-dir", str(seeded.data_dir), "diagnose", "--json"])
    out = capsys.readouterr().out
    assert "赵老汉" not in out and "13912345678" not in out


def test_self_test_makes_a_store_prints_an_agreement_and_resolves_keyring(tmp_path, capsys):
    code = main(["diagnose", "--self-test", str(tmp_path / "selftest")])
    result = json.loads(capsys.readouterr().out)
    assert code == 0 and result["ok"], result
    assert result["revision"] == migrate.head_revision()
    assert "调字第 1 号" in result["case_no"]
    pdf = (tmp_path / "selftest" / "self-test-agreement.pdf").read_bytes()
    assert pdf.startswith(b"%PDF-") and len(pdf) == result["pdf_bytes"]
    assert result["keyring"]["loadable"][result["keyring"]["expected"]] == "ok"


def test_diagnose_checks_an_encrypted_store_with_its_key_and_flags_a_missing_key(
    tmp_path, capsys, monkeypatch
):
    from advisor_app.store import crypto, open_store

    monkeypatch.setenv("ADVISOR_DB_KEY", "ab" * 32)
    store = open_store(tmp_path)
    consultations.create(store, {"region_code": _village(store), "question": "加密库中的咨询"})
    store.close()
    assert crypto.is_encrypted(tmp_path / "advisor.db")
    assert main(["--data-dir", str(tmp_path), "diagnose"]) == 0
    out, lines = _lines(capsys)
    assert "已加密（SQLCipher" in lines["数据库加密"] and "正常" in lines["完整性检查（快速）"], out
    assert lines["咨询记录数"].endswith("：1")
    monkeypatch.delenv("ADVISOR_DB_KEY")
    main(["--data-dir", str(tmp_path), "diagnose"])
    out, lines = _lines(capsys)
    assert lines["数据库加密"].startswith("！") and "找不到密钥" in lines["数据库加密"], out


def _village(store):
    from advisor_app.domain.models import Region
    from advisor_app.services import setup

    township = setup.townships(store)[0]
    with store.session() as session:
        session.add(
            Region(code=township.code[:9] + "201", name="试验村", level="village", parent_code=township.code)
        )
    return township.code[:9] + "201"


def test_diagnose_checks_every_signed_agreement(seeded, capsys):
    from datetime import date

    from advisor_app.domain.models import Agreement
    from advisor_app.services import attachments, printing
    from tests.documents.builders import PARTIES, make_case

    signed = []
    for _ in range(3):
        case, agreement = make_case(seeded)
        printing.sign_and_print(seeded, agreement.id, date(2025, 3, 10))
        signed.append((case.case_no, agreement.id))
    assert main(["--data-dir", str(seeded.data_dir), "diagnose"]) == 0
    out, lines = _lines(capsys)
    assert lines["已签署协议"].endswith("共 3 份：完好 3"), out
    # One altered after signing, one whose kept PDF is gone.
    with seeded.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE agreements SET frozen_data = json_set(frozen_data, '$.amount_fen', 1) WHERE id = ?",
            (signed[0][1],),
        )
    with seeded.session() as session:
        attachments.blob_path(seeded, session.get(Agreement, signed[1][1]).pdf_sha256).unlink()
    assert main(["--data-dir", str(seeded.data_dir), "diagnose"]) == 1
    out = capsys.readouterr().out
    findings = [line for line in out.splitlines() if "已签署协议" in line]
    assert all(line.startswith("！") for line in findings), findings
    assert "共 3 份：" in findings[0] and "完好 1" in findings[0]
    assert signed[0][0] in findings[1] and "数据被改动" in findings[1]
    assert signed[1][0] in findings[2] and "存档 PDF 不在本机" in findings[2]
    assert not any(p["name"] in out or p["phone"] in out for p in PARTIES), "no personal data in the report"


def test_diagnose_reads_encrypted_kept_copies_without_rewriting_them(tmp_path, monkeypatch, capsys):
    import secrets
    from datetime import date

    from advisor_app import demo
    from advisor_app.store import open_store

    monkeypatch.setenv("ADVISOR_DB_KEY", secrets.token_hex(32))
    store = open_store(tmp_path)
    assert store.key is not None
    counts = demo.generate(store, seed=1, consultations=10, cases=8, end=date(2026, 11, 30))
    store.close()
    blobs = sorted((tmp_path / "attachments").rglob("*"))
    blobs = [p for p in blobs if p.is_file()]
    assert len(blobs) == counts["attachments"] > 0
    before = {p: p.read_bytes() for p in blobs}
    assert not any(data.startswith(b"%PDF") for data in before.values()), "kept copies are encrypted at rest"
    assert main(["--data-dir", str(tmp_path), "diagnose"]) == 0
    _, lines = _lines(capsys)
    assert lines["已签署协议"].endswith(f"共 {counts['agreements']} 份：完好 {counts['agreements']}")
    assert {p: p.read_bytes() for p in blobs} == before, "diagnose never rewrites a file"
    damaged = bytearray(before[blobs[0]])
    damaged[-1] ^= 0xFF
    blobs[0].write_bytes(bytes(damaged))
    assert main(["--data-dir", str(tmp_path), "diagnose"]) == 1
    out = capsys.readouterr().out
    assert "存档损坏 1" in out and "存档 PDF 已损坏或被替换" in out
