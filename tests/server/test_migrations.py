"""Server migration 0002: records stored before it get parent_id / sha256 filled from their
payloads, lookups by them use the new indexes, and the migration goes down and up again."""

from __future__ import annotations

import os

import psycopg
import pytest
from alembic import command
from sqlalchemy import select, text

from sync.protocol import canonical_json, payload_hash
from sync.server.database import alembic_config, make_engine, upgrade
from sync.server.db import BlobUploader, Record, SkippedRecord

from .conftest import VILLAGE, _backends, _pg_schema_url
from .helpers import new_id


@pytest.fixture(params=_backends())
def engine(request, tmp_path):
    if request.param == "sqlite":
        eng = make_engine(f"sqlite:///{tmp_path / 'm.db'}")
        yield eng
        eng.dispose()
        return
    base = os.environ["ADVISOR_TEST_DATABASE_URL"]
    schema, url = _pg_schema_url(base)
    eng = make_engine(url)
    yield eng
    eng.dispose()
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def _row(kind: str, payload: dict, seq: int) -> dict:
    return {
        "kind": kind,
        "id": new_id(),
        "rev": 1,
        "scope": VILLAGE,
        "owner": "adv1",
        "device_id": "d",
        "created_at": None,
        "updated_at": None,
        "deleted": False,
        "payload": canonical_json(payload),
        "hash": payload_hash(payload, False),
        "seq": seq,
    }


def test_lookup_columns_are_filled_from_old_payloads(engine):
    cfg = alembic_config(engine)
    command.upgrade(cfg, "0001")
    case_id, sha = new_id(), "ab" * 32
    rows = [
        _row("cases", {"summary": "邻里纠纷", "region_code": VILLAGE}, 1),
        _row("case_parties", {"case_id": case_id, "name": "张三"}, 2),
        _row("attachments", {"target_kind": "case", "target_id": case_id, "sha256": sha}, 3),
        _row("consultations", {"question": "宅基地", "region_code": VILLAGE}, 4),
    ]
    with engine.begin() as conn:  # the 0001 shape of the table: no parent_id / sha256 yet
        conn.execute(
            text(
                f"INSERT INTO records ({', '.join(rows[0])}) VALUES ({', '.join(':' + k for k in rows[0])})"
            ),
            rows,
        )
    assert upgrade(engine) is True
    with engine.connect() as conn:
        got = {
            r.kind: (r.parent_id, r.sha256)
            for r in conn.execute(select(Record.kind, Record.parent_id, Record.sha256))
        }
    assert got == {
        "cases": (None, None),
        "case_parties": (case_id, None),
        "attachments": (case_id, sha),
        "consultations": (None, None),
    }
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            for column, index in (("sha256", "ix_records_sha256"), ("parent_id", "ix_records_parent_id")):
                plan = " ".join(
                    str(r)
                    for r in conn.exec_driver_sql(
                        f"EXPLAIN QUERY PLAN SELECT id FROM records WHERE {column} = 'x'"
                    )
                )
                assert index in plan, plan
    command.downgrade(cfg, "0001")
    command.upgrade(cfg, "head")
    with engine.connect() as conn:
        assert (
            conn.execute(select(Record.parent_id).where(Record.kind == "case_parties")).scalar_one()
            == case_id
        )


def test_0003_carries_each_stored_file_s_first_uploader_over(engine):
    """Attachments by proof: whoever stored a file before 0003 may still name it after."""
    cfg = alembic_config(engine)
    command.upgrade(cfg, "0002")
    sha = "cd" * 32
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO blobs (sha256, size, account_id, created_at) VALUES (:s, 10, 7, '2026-01-02 03:04:05')"
            ),
            {"s": sha},
        )
    command.upgrade(cfg, "0003")
    with engine.connect() as conn:
        assert conn.execute(select(BlobUploader.sha256, BlobUploader.account_id)).all() == [(sha, 7)]
        assert conn.execute(select(SkippedRecord)).all() == []
    command.downgrade(cfg, "0002")
    command.upgrade(cfg, "head")
    with engine.connect() as conn:
        assert conn.execute(select(BlobUploader.account_id)).scalars().all() == [7]
