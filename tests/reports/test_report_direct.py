"""`advisor report …` on the direct store (store/direct.py): no SQLAlchemy imported, the same
workbook as through the full store, and a filed snapshot the sync client sends like any record."""

from __future__ import annotations

import shutil

from openpyxl import load_workbook
from reports_dataset import TOWNSHIP

from advisor_app.store import open_store
from sync.client import local_status
from tests.cli_process import run_advisor

KEY = "5a" * 32  # ADVISOR_DB_KEY for the copy that must take the full path (a plain store to encrypt)


def _advisor(data_dir, *words: str, **env: str) -> set[str]:
    return run_advisor(data_dir, *words, **env)[0]


def _cells(path) -> list[list[object]]:
    return [list(row) for row in load_workbook(path).active.iter_rows(values_only=True)]


def test_monthly_report_without_sqlalchemy_equals_the_full_path_and_is_sent(dataset, tmp_path):
    dataset.close()
    direct_dir, full_dir = dataset.data_dir, tmp_path / "full"
    shutil.copytree(direct_dir, full_dir)
    month = ("report", "monthly", "--month", "2026-10", "--region", TOWNSHIP, "--filler", "王芳")

    modules = _advisor(direct_dir, *month, "-o", str(tmp_path / "direct.xlsx"))
    assert "advisor_app.store.direct" in modules and "xlsxwriter" in modules
    assert not [m for m in modules if m.split(".")[0] in ("sqlalchemy", "alembic", "openpyxl", "reportlab")]

    # a plain store while a key is given: opening it means encrypting it, which only the full store does
    full = _advisor(
        full_dir, *month, "-o", str(tmp_path / "full.xlsx"), ADVISOR_STORE_ENCRYPTION="", ADVISOR_DB_KEY=KEY
    )
    assert "sqlalchemy" in full
    assert _cells(tmp_path / "direct.xlsx") == _cells(tmp_path / "full.xlsx")
    assert any("桥南" in str(c) for row in _cells(tmp_path / "direct.xlsx") for c in row)

    # the filed snapshot is a synced record: waiting in the change log, read back by the ORM
    store = open_store(direct_dir)
    try:
        with store.engine.connect() as conn:
            queued = local_status.queued_records(conn)
            logged = conn.exec_driver_sql(
                "SELECT f.rev, f.device_id, f.exported_by, c.rev FROM filed_reports f "
                "JOIN change_log c ON c.record_id = f.id AND c.table_name = 'filed_reports'"
            ).fetchall()
        assert logged == [(1, store.device_id, store.user, 1)], logged
        assert len(queued.get("filed_reports", [])) == 1  # the sync client will send it
        from advisor_app.reports import snapshots

        (filing,) = snapshots.filings(store, TOWNSHIP)
        assert filing.snapshot.period == "2026-10" and filing.corrections is None
    finally:
        store.close()

    # a second export of the period lists its 更正 (none), read from the first filing in plain SQL
    again = _advisor(direct_dir, *month, "-o", str(tmp_path / "again.xlsx"))
    assert "sqlalchemy" not in again
    assert ["无更正", None, None, None, None] in [row[:5] for row in _cells(tmp_path / "again.xlsx")]
