"""A spreadsheet import writes its new consultations through the bulk path (store/bulk.py) and gets
the same consultations, ratings, change log, search documents, FTS index and sync states as the ORM
path — for .csv and .xlsx, a first import (all new) and a second (all updates, through the ORM)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from advisor_app import demo
from advisor_app.io import transfer
from advisor_app.services import regions
from advisor_app.store import Store, changes
from sync.client import record_state
from tests.conftest import _copy

NOW = datetime(2026, 3, 2, 8, 0, 0)
SYNC_TABLES = ("sync_cursors", "sync_record_states", "sync_conflicts", "sync_quarantine")


@pytest.fixture(scope="module")
def exported(tmp_path_factory, _templates) -> dict[str, Path]:
    """Demo consultations (with ratings, some bad, and tags) exported as .csv and .xlsx."""
    root = tmp_path_factory.mktemp("bulk-import")
    source = _copy(_templates / "empty", root / "source")
    try:
        demo.generate(source, seed=3, consultations=300, cases=0, signed_copies=False)
        files = {}
        for suffix in ("csv", "xlsx"):
            files[suffix] = root / f"consultations.{suffix}"
            transfer.export(source, "consultations", files[suffix])
    finally:
        source.close()
    return files


def _rows(store: Store, sql: str) -> list[tuple]:
    device = store.device_id
    with store.engine.connect() as conn:
        return [
            tuple("<this device>" if v == device else v for v in row) for row in conn.exec_driver_sql(sql)
        ]


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_import_in_bulk_keeps_what_the_orm_keeps(exported, _templates, tmp_path, monkeypatch, suffix):
    monkeypatch.setattr(changes, "utcnow", lambda: NOW)
    monkeypatch.setattr(transfer, "utcnow", lambda: NOW)
    stores = {}
    for bulk_new in (False, True):
        monkeypatch.setattr(transfer, "BULK_NEW", bulk_new)
        store = stores[bulk_new] = _copy(_templates / "empty", tmp_path / f"bulk-{bulk_new}")
        regions.load_csv(store)
        first = transfer.import_file(store, "consultations", exported[suffix])
        assert first.created == 300 and first.updated == 0 and not first.errors
    try:
        by_orm, in_bulk = stores[False], stores[True]
        for table, order in (("consultations", "id"), ("regions", "code")):
            assert _rows(in_bulk, f"SELECT * FROM {table} ORDER BY {order}") == _rows(
                by_orm, f"SELECT * FROM {table} ORDER BY {order}"
            ), table
        # a rating's own id is new on each import; everything else is the same
        ratings = (
            "SELECT target_kind, target_id, grade, rated_on, comment, follow_up_due, source, rev, owner,"
            " device_id, created_at, updated_at, deleted FROM ratings ORDER BY target_id"
        )
        assert len(_rows(by_orm, ratings)) > 200
        assert any(row[5] is not None for row in _rows(by_orm, ratings)), "some bad grades with a follow-up"
        assert _rows(in_bulk, ratings) == _rows(by_orm, ratings)
        log = (
            "SELECT l.table_name, coalesce(r.target_id, l.record_id), l.rev, l.changed_at FROM change_log l"
            " LEFT JOIN ratings r ON l.table_name = 'ratings' AND r.id = l.record_id ORDER BY 1, 2"
        )
        assert len(_rows(by_orm, log)) == 300 + len(_rows(by_orm, ratings))
        assert _rows(in_bulk, log) == _rows(by_orm, log)
        docs = "SELECT kind, record_id, sort_at, region_code, title, body FROM search_docs ORDER BY record_id"
        assert len(_rows(by_orm, docs)) == 300 and _rows(in_bulk, docs) == _rows(by_orm, docs)
        for store in stores.values():
            with store.engine.begin() as conn:
                conn.exec_driver_sql("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")
        for table in SYNC_TABLES:
            assert _rows(in_bulk, f"SELECT * FROM {table}") == _rows(by_orm, f"SELECT * FROM {table}")
        ids = [r[0] for r in _rows(by_orm, "SELECT id FROM consultations")]
        assert record_state.states_for(in_bulk, "consultations", ids) == record_state.states_for(
            by_orm, "consultations", ids
        )

        # The same file again: every row updates its record (the ORM path in both), nothing doubles.
        for store in stores.values():
            again = transfer.import_file(store, "consultations", exported[suffix])
            assert again.created == 0 and again.updated == 300 and not again.errors
        assert _rows(in_bulk, "SELECT * FROM consultations ORDER BY id") == _rows(
            by_orm, "SELECT * FROM consultations ORDER BY id"
        )
        assert _rows(in_bulk, ratings) == _rows(by_orm, ratings)
        assert _rows(in_bulk, log) == _rows(by_orm, log)
    finally:
        for store in stores.values():
            store.close()
