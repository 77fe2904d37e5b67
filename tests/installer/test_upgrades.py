"""Upgrades: a store written by any older version opens in this one, data intact, after a backup.

One case per migration revision, found from the migrations folder, so a new migration is covered
the day it is added; plus a store file committed at 0001 standing for an installed release.
"""

import shutil
import sqlite3
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from advisor_app.services import consultations
from advisor_app.store import migrate, open_store, search
from advisor_app.store.engine import sqlite_engine
from tests.installer import upgrade_data

FIXTURE = Path(__file__).parent / "fixtures" / "store-0001.db"


def revisions() -> list[str]:
    script = ScriptDirectory(str(migrate.MIGRATIONS))
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def test_revisions_are_found_in_order():
    found = revisions()
    files = sorted(p.name.split("_")[0] for p in (migrate.MIGRATIONS / "versions").glob("[0-9]*.py"))
    assert found == files and found[-1] == migrate.head_revision()


def _make_store_at(data_dir: Path, revision: str) -> dict[str, list[str]]:
    data_dir.mkdir()
    path = data_dir / "advisor.db"
    engine = sqlite_engine(path)
    migrate.upgrade(engine, path, revision)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA foreign_keys=ON")
        written = upgrade_data.fill(conn)
        has_search = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'search_docs'").fetchone()
    if has_search:
        # The app of that version kept the index current from its session hooks, which plain SQL skips.
        with engine.begin() as conn:
            search.rebuild(conn)
    engine.dispose()
    return written


def _assert_upgraded_intact(data_dir: Path, old_revision: str, written, before) -> None:
    store = open_store(data_dir)
    try:
        assert migrate.current_revision(store.engine) == migrate.head_revision()
        with sqlite3.connect(store.path) as conn:
            after = upgrade_data.snapshot(conn, written)
            for table, rows in before.items():
                # Opening may add rows of its own (the device id setting), never lose or alter one.
                missing = set(rows) - set(after[table])
                assert not missing, f"{table}: rows lost or changed by the upgrade: {missing}"
            assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # The app's own reading code sees the old records, and search covers them.
        columns = written["consultations"]
        by_question = {
            row[columns.index("question")]: row[columns.index("id")] for row in before["consultations"]
        }
        ids = [by_question["宅基地边界纠纷怎么处理"], by_question["土地流转费被拖欠"]]
        assert consultations.get(store, ids[0]).question == "宅基地边界纠纷怎么处理"
        with store.engine.connect() as conn:
            assert [hit.record_id for hit in search.search(conn, "宅基地")] == [ids[0]]
        consultations.update(store, ids[1], {"answer": "升级后仍可编辑"})
    finally:
        store.close()
    backups = list((data_dir / "backups").glob("*.db"))
    if old_revision == migrate.head_revision():
        assert backups == [], "a store already at head is opened as is"
        return
    assert len(backups) == 1 and backups[0].name.endswith(f"-{old_revision}.db")
    with sqlite3.connect(backups[0]) as old:
        assert old.execute("SELECT version_num FROM alembic_version").fetchone()[0] == old_revision
        assert upgrade_data.snapshot(old, written) == before, "the backup is the store as it was"


@pytest.mark.parametrize("revision", revisions())
def test_store_made_at_each_revision_opens_at_head_with_data_and_backup(tmp_path, revision):
    data_dir = tmp_path / "data"
    written = _make_store_at(data_dir, revision)
    with sqlite3.connect(data_dir / "advisor.db") as conn:
        before = upgrade_data.snapshot(conn, written)
    assert all(len(rows) == upgrade_data.ROWS for rows in before.values())
    _assert_upgraded_intact(data_dir, revision, written, before)


def test_committed_release_store_opens_at_head(tmp_path):
    """store-0001.db was written by the 0001 schema (tests/installer/fixtures/make_fixture.py)."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    shutil.copyfile(FIXTURE, data_dir / "advisor.db")
    with sqlite3.connect(data_dir / "advisor.db") as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        written = {
            t: [r[1] for r in conn.execute(f"PRAGMA table_info('{t}')")]
            for t in upgrade_data.user_tables(conn)
        }
        before = upgrade_data.snapshot(conn, written)
    assert sum(map(len, before.values())) > 40, "the fixture holds data in every table"
    _assert_upgraded_intact(data_dir, "0001", written, before)
