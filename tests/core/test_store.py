"""The store: migrations, upgrade with backup, sync metadata, change log, backup/restore."""

import sqlite3
import time
import uuid

import pytest
from sqlalchemy import select

from advisor_app.domain.models import ChangeLog, Consultation
from advisor_app.services import consultations
from advisor_app.store import migrate, open_store
from advisor_app.store.backup import NotAStoreError, backup_file, check_store_file, restore_file
from advisor_app.store.engine import sqlite_engine
from tests.conftest import VILLAGE


def test_new_store_is_at_head_with_wal_and_foreign_keys(store):
    assert migrate.current_revision(store.engine) == migrate.head_revision()
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_database_from_first_migration_upgrades_with_data_intact(tmp_path):
    path = tmp_path / "advisor.db"
    engine = sqlite_engine(path)
    migrate.upgrade(engine, path, "0001")
    rid = str(uuid.uuid4())
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO regions (code, name, level, source) VALUES ('610502100201', '桥南村', 'village', 'test')"
        )
        conn.exec_driver_sql(
            "INSERT INTO consultations (id, rev, owner, device_id, created_at, updated_at, deleted, region_code,"
            " person_name, occurred_at, service_type, mode, category, question, status, tags)"
            " VALUES (?, 3, 'w', 'd', '2026-01-01 00:00:00', '2026-01-01 00:00:00', 0, '610502100201', '赵老汉',"
            " '2026-01-01 09:00:00', '法律咨询解答', '实地', '民事', '宅基地边界纠纷怎么处理', '已办结', '[]')",
            (rid,),
        )
    engine.dispose()

    store = open_store(tmp_path)
    try:
        assert migrate.current_revision(store.engine) == migrate.head_revision()
        record = consultations.get(store, rid)
        assert (record.person_name, record.rev, record.question) == ("赵老汉", 3, "宅基地边界纠纷怎么处理")
        # the search index added by a later migration covers the old rows
        from advisor_app.store import search

        with store.engine.connect() as conn:
            assert [h.record_id for h in search.search(conn, "宅基地")] == [rid]
            assert [h.record_id for h in search.search(conn, "赵老汉")] == [rid]
        backups = list((tmp_path / "backups").glob("*.db"))
        assert len(backups) == 1, "an upgrade backs the old database up first"
        old = sqlite3.connect(backups[0])
        assert old.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        assert old.execute("SELECT count(*) FROM consultations").fetchone()[0] == 1
    finally:
        store.close()


def test_opening_a_current_store_makes_no_backup(tmp_path):
    open_store(tmp_path).close()
    open_store(tmp_path).close()
    assert not (tmp_path / "backups").exists()


def test_writes_carry_sync_metadata_and_change_log(seeded):
    record = consultations.create(seeded, {"region_code": VILLAGE, "question": "土地流转费拖欠"})
    assert record.rev == 1 and record.device_id == seeded.device_id and record.owner == seeded.user
    first_update = record.updated_at
    time.sleep(0.01)
    consultations.update(seeded, record.id, {"answer": "建议先协商"})
    record = consultations.get(seeded, record.id)
    assert record.rev == 2 and record.updated_at > first_update
    consultations.delete(seeded, record.id)
    with seeded.session() as session:
        tombstone = session.get(Consultation, record.id)
        assert tombstone.deleted and tombstone.rev == 3, "delete is a tombstone, not a hard delete"
        log = (
            session.execute(
                select(ChangeLog.rev).where(ChangeLog.record_id == record.id).order_by(ChangeLog.seq)
            )
            .scalars()
            .all()
        )
    assert log == [1, 2, 3]


def test_failed_unit_of_work_writes_nothing(seeded):
    with seeded.session() as session:
        log_before = len(session.scalars(select(ChangeLog)).all())
    with pytest.raises(RuntimeError), seeded.session() as session:
        session.add(
            Consultation(
                region_code=VILLAGE, occurred_at=__import__("datetime").datetime(2026, 1, 1), question="x"
            )
        )
        session.flush()
        raise RuntimeError("power cut in the middle")
    with seeded.session() as session:
        assert session.scalars(select(Consultation)).all() == []
        assert len(session.scalars(select(ChangeLog)).all()) == log_before


def test_backup_and_restore_round_trip(seeded, tmp_path):
    record = consultations.create(seeded, {"region_code": VILLAGE, "question": "备份前的记录"})
    backup = backup_file(seeded.path, tmp_path / "copy.db")
    check_store_file(backup)
    consultations.delete(seeded, record.id)
    seeded.close()
    restore_file(backup, seeded.path)
    again = open_store(seeded.data_dir)
    try:
        assert not consultations.get(again, record.id).deleted
        assert (seeded.data_dir / "advisor.before-restore.db").exists(), "the replaced store is kept aside"
    finally:
        again.close()


def test_restore_refuses_foreign_files(tmp_path):
    text = tmp_path / "notes.db"
    text.write_text("not a database")
    with pytest.raises(NotAStoreError, match="不是 SQLite"):
        check_store_file(text)
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(NotAStoreError, match="不是本软件"):
        restore_file(other, tmp_path / "advisor.db")
    assert not (tmp_path / "advisor.db").exists()


def test_models_and_migrations_agree(store):
    """Every model change comes with a migration (the raw search tables are managed by hand)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from advisor_app.domain.models import Base

    def include(obj, name, type_, reflected, compare_to):  # noqa: ANN001
        return not (name or "").startswith(("search_", "ix_search_"))

    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": include})
        assert compare_metadata(context, Base.metadata) == []


def test_numbered_head_agrees_with_alembic():
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(migrate.MIGRATIONS))
    assert migrate.head_revision() == script.get_current_head()
    assert migrate.revisions() == [r.revision for r in reversed(list(script.walk_revisions()))]
