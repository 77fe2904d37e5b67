"""The bulk path (store/bulk.py) keeps what the ORM path keeps: the same records loaded once through
``Store.session`` and once in bulk give the same rows, revisions, change log, search documents, FTS
index and sync states — with either writer (SQLAlchemy Core or sqlite-utils), and on SQLCipher."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from advisor_app import diagnostics
from advisor_app.domain.models import Case, CaseParty, Consultation
from advisor_app.store import Store, bulk, changes, open_store, search
from sync.client import record_state
from tests.conftest import VILLAGE, VILLAGE_2, _copy

NOW = datetime(2026, 3, 2, 8, 0, 0)
QUESTIONS = (
    "宅基地边界纠纷怎么处理",
    "土地承包合同到期能否续包",
    "拖欠工资去哪里投诉",
    "赡养老人费用如何分担",
)
SYNC_TABLES = ("sync_cursors", "sync_record_states", "sync_conflicts", "sync_quarantine")


def _records(committee_id: str) -> list[tuple[type, list[dict[str, Any]]]]:
    """Parents first, as a bulk load must insert them; ids fixed so both stores hold the same records."""
    consultations = [
        {
            "id": f"00000000-0000-4000-8000-{n:012d}",
            "region_code": VILLAGE if n % 2 else VILLAGE_2,
            "occurred_at": datetime(2026, 1, 1, 9, 0) + timedelta(hours=7 * n),
            "person_name": f"张{'伟芳'[n % 2]}{n}",
            "subcategory": ("土地", "劳动", "婚姻家庭")[n % 3],
            "question": QUESTIONS[n % 4] + f"（第{n}次）",
            "answer": "依照《民法典》相关规定告知" if n % 3 else None,
            "tags": ["老年人"] if n % 5 == 0 else [],
            "duration_minutes": 10 + n,
            **({"status": "已办结"} if n % 4 == 0 else {}),  # others take the column default
        }
        for n in range(40)
    ]
    cases, parties = [], []
    for n in range(6):
        case_id = f"10000000-0000-4000-8000-{n:012d}"
        cases.append(
            {
                "id": case_id,
                "case_no": f"临桥调字〔2026〕第{n + 1}号",
                "number_year": 2026,
                "number_seq": n + 1,
                "committee_id": committee_id,
                "region_code": VILLAGE,
                "dispute_type": "邻里纠纷",
                "source": "当事人申请",
                "summary": f"两家因排水沟走向发生争执，第{n}起",
                "accepted_on": date(2026, 2, 1) + timedelta(days=n),
                "due_on": date(2026, 3, 1) + timedelta(days=n),
            }
        )
        for position, name in enumerate((f"王建国{n}", f"李秀兰{n}")):
            parties.append(
                {
                    "id": f"20000000-0000-4000-8000-{n * 10 + position:012d}",
                    "case_id": case_id,
                    "position": position,
                    "role": ("申请人", "被申请人")[position],
                    "name": name,
                    "birth_date": date(1960 + n, 5, 1),
                }
            )
    return [(Consultation, consultations), (Case, cases), (CaseParty, parties)]


def _load_by_orm(store: Store, records, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(changes, "utcnow", lambda: NOW)
    with store.session() as session:
        for model, rows in records:
            for row in rows:
                session.add(model(**row))


def _load_in_bulk(store: Store, records) -> None:
    with store.engine.begin() as conn:
        for model, rows in records:
            rows = [dict(r) for r in rows]
            bulk.stamp_new(rows, device=store.device_id, user=store.user or "", now=NOW)
            bulk.insert(conn, model.__table__, rows, log_changes=True)
        search.rebuild(conn)


def _rows(store: Store, sql: str) -> list[tuple]:
    device = store.device_id
    with store.engine.connect() as conn:
        return [
            tuple("<this device>" if v == device else v for v in row) for row in conn.exec_driver_sql(sql)
        ]


def _fts_check(store: Store) -> None:
    """FTS5's own check that the index holds exactly the tokens of search_docs (rank 1: content too)."""
    with store.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")


@pytest.fixture
def two_stores(_templates, tmp_path):
    a = _copy(_templates / "seeded", tmp_path / "orm")
    b = _copy(_templates / "seeded", tmp_path / "bulk")
    yield a, b
    a.close()
    b.close()


@pytest.mark.parametrize("writer", ["sqlalchemy", "sqlite-utils"])
def test_bulk_load_keeps_what_the_orm_keeps(two_stores, monkeypatch, writer):
    monkeypatch.setattr(bulk, "WRITER", writer)
    by_orm, in_bulk = two_stores
    records = _records(by_orm.setting("test_committee_id"))
    _load_by_orm(by_orm, records, monkeypatch)
    _load_in_bulk(in_bulk, records)

    for table in ("consultations", "cases", "case_parties"):
        orm_rows = _rows(by_orm, f"SELECT * FROM {table} ORDER BY id")
        assert orm_rows, table
        assert _rows(in_bulk, f"SELECT * FROM {table} ORDER BY id") == orm_rows, table
        assert {r[0] for r in _rows(in_bulk, f"SELECT rev FROM {table}")} == {1}
    log = "SELECT table_name, record_id, rev, changed_at FROM change_log ORDER BY table_name, record_id"
    ours = "SELECT count(*) FROM change_log WHERE table_name IN ('consultations', 'cases', 'case_parties')"
    assert _rows(by_orm, ours) == _rows(in_bulk, ours) == [(40 + 6 + 12,)]
    assert _rows(in_bulk, log) == _rows(by_orm, log)
    docs = "SELECT kind, record_id, sort_at, region_code, title, body FROM search_docs ORDER BY record_id"
    assert len(_rows(by_orm, docs)) == 46
    assert _rows(in_bulk, docs) == _rows(by_orm, docs)
    for store in (by_orm, in_bulk):
        _fts_check(store)
    with by_orm.engine.connect() as a, in_bulk.engine.connect() as b:
        for query in ("宅基地边界", "排水沟", "李秀兰3", "民法典", "老人 费用", "张伟"):
            found = {h.record_id for h in search.search(a, query, limit=100)}
            assert found and found == {h.record_id for h in search.search(b, query, limit=100)}, query
            fts = "SELECT rowid FROM search_fts WHERE search_fts MATCH :q"
            assert len(a.execute(text(fts), {"q": f'"{query.split()[0]}"'}).all()) == len(
                b.execute(text(fts), {"q": f'"{query.split()[0]}"'}).all()
            )
    for table in SYNC_TABLES:
        assert _rows(in_bulk, f"SELECT * FROM {table}") == _rows(by_orm, f"SELECT * FROM {table}"), table
    for kind, ids in (
        ("consultations", [r["id"] for r in records[0][1]]),
        ("cases", [r["id"] for r in records[1][1]]),
    ):
        assert record_state.states_for(in_bulk, kind, ids) == record_state.states_for(by_orm, kind, ids)


def test_rebuild_after_edits_matches_the_live_index(seeded, monkeypatch):
    """search.rebuild (FTS5 'rebuild' through sqlite-utils, triggers dropped for the while) gives the
    documents the session hooks keep, and leaves the triggers in place for later writes."""
    records = _records(seeded.setting("test_committee_id"))
    _load_by_orm(seeded, records, monkeypatch)
    with seeded.session() as session:
        session.get(Consultation, records[0][1][0]["id"]).question = "改为：相邻通行纠纷"
        session.get(Consultation, records[0][1][1]["id"]).deleted = True
    docs = "SELECT kind, record_id, sort_at, region_code, title, body FROM search_docs ORDER BY record_id"
    live = _rows(seeded, docs)
    with seeded.engine.begin() as conn:
        search.rebuild(conn)
    assert _rows(seeded, docs) == live
    _fts_check(seeded)
    triggers = (
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'search_docs' ORDER BY name"
    )
    assert [r[0] for r in _rows(seeded, triggers)] == sorted(search.TRIGGERS)
    with seeded.session() as session:
        session.get(Consultation, records[0][1][2]["id"]).answer = "建议申请人民调解"
    with seeded.engine.connect() as conn:
        assert [h.record_id for h in search.search(conn, "申请人民调解")] == [records[0][1][2]["id"]]
    _fts_check(seeded)


def test_sqlite_utils_works_on_the_sqlcipher_connection(tmp_path, monkeypatch):
    """sqlite_utils.Database on the store's raw SQLCipher connection: bulk rows, FTS rebuild, the
    table list — and the file stays unreadable without the key."""
    monkeypatch.delenv("ADVISOR_STORE_ENCRYPTION", raising=False)
    monkeypatch.setenv("ADVISOR_DB_KEY", "cd" * 32)
    monkeypatch.setattr(bulk, "WRITER", "sqlite-utils")
    store = open_store(tmp_path / "enc")
    try:
        assert store.key is not None
        from advisor_app.services import committees, regions

        regions.load_csv(store)
        with store.session() as session:
            from advisor_app.domain.models import Region

            session.add(Region(code=VILLAGE, name="桥南村", level="village", parent_code="610502100000"))
            session.add(Region(code=VILLAGE_2, name="王家村", level="village", parent_code="610502100000"))
        committee = committees.create(
            store,
            {
                "name": "桥南镇人民调解委员会",
                "short_name": "临桥",
                "kind": "乡镇",
                "region_code": "610502100000",
            },
        )
        _load_in_bulk(store, _records(committee.id))
        with store.engine.connect() as conn:
            db = bulk.database(conn)
            assert type(db.conn).__module__.startswith("sqlcipher3")
            assert db["consultations"].count == 40 and "search_fts" in db.table_names()
            assert [h.kind for h in search.search(conn, "排水沟", limit=10)] == ["case"] * 6
        _fts_check(store)
    finally:
        store.close()
    # advisor diagnose reads the same file through sqlite-utils on a read-only SQLCipher connection
    lines = {line.label: line for line in diagnostics.database_lines(tmp_path / "enc" / "advisor.db")}
    assert lines["数据库加密"].value.startswith("已加密（SQLCipher")
    assert lines["咨询记录数"].value == "40" and lines["案件记录数"].value == "6"
    assert lines["搜索索引"].value == "正常（46 条，FTS5）" and not lines["搜索索引"].problem
    conn = sqlite3.connect(tmp_path / "enc" / "advisor.db")
    try:
        with pytest.raises(sqlite3.DatabaseError):
            conn.execute("SELECT count(*) FROM consultations").fetchone()
    finally:
        conn.close()


def test_diagnose_flags_a_search_index_out_of_step(seeded, monkeypatch):
    _load_by_orm(seeded, _records(seeded.setting("test_committee_id")), monkeypatch)
    db_path = Path(seeded.engine.url.database)
    lines = {line.label: line for line in diagnostics.database_lines(db_path)}
    assert lines["搜索索引"].value == "正常（46 条，FTS5）" and not lines["搜索索引"].problem
    with seeded.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM search_docs WHERE kind = 'case'")
    lines = {line.label: line for line in diagnostics.database_lines(db_path)}
    assert lines["搜索索引"].problem and "索引 40 条，记录 46 条" in lines["搜索索引"].value
