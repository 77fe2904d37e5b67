"""Applying a pulled page on the device, without a server: the fast path, defaults for columns an
older server left out, and quarantine of the rows this version cannot apply (the rest applied)."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select

from advisor_app.domain.models import Consultation, SyncQuarantine
from sync.client import check, pull, quarantine
from sync.client.records import PULL_META
from sync.protocol import KINDS

V1 = "610502100201"


def _row(**over: Any) -> dict[str, Any]:
    row = {
        "id": str(uuid.uuid4()),
        "rev": 1,
        "scope": V1,
        "owner": "adv1",
        "device_id": "d1",
        "created_at": "2026-03-01T09:30:00",
        "updated_at": "2026-03-01T09:30:00",
        "deleted": False,
        "region_code": V1,
        "person_id": None,
        "occurred_at": "2026-03-01T09:30:00",
        "question": "问",
        "service_type": "法律咨询解答",
        "mode": "实地",
        "category": "民事",
        "status": "办理中",
        "tags": ["老年人"],
    }
    row.update(over)
    return row


def _block(rows: list[dict[str, Any]], fields: list[str] | None = None) -> dict[str, Any]:
    fields = fields or [*PULL_META, *(f for f in KINDS["consultations"].fields if f in rows[0])]
    return {"consultations": {"fields": fields, "rows": [[r.get(f) for f in fields] for r in rows]}}


def _apply(store: Any, changes: dict[str, Any]) -> pull.Applied:
    applied = pull.Applied()
    with pull.remote_connection(store.engine) as conn:
        pull.apply_page(conn, changes, applied)
    return applied


def test_an_older_servers_rows_get_the_declared_defaults(seeded):
    rows = [_row(tags=None, status=None), _row()]
    fields = [f for f in [*PULL_META, *KINDS["consultations"].fields] if f not in ("mode",)]
    applied = _apply(seeded, _block(rows, fields))
    assert (applied.written, applied.quarantined) == (2, 0)
    with seeded.session() as s:
        rec = s.get(Consultation, rows[0]["id"])
        assert (rec.tags, rec.status, rec.mode) == ([], "办理中", "实地")


def test_bad_rows_are_quarantined_the_rest_applied_and_a_later_revision_replaces_them(seeded):
    good = [_row() for _ in range(3)]
    bad = _row(occurred_at="20260301")
    newer_field = _row(priority="加急")  # a newer server's column: applied without it
    rows = [good[0], bad, good[1], newer_field, good[2]]
    fields = [*PULL_META, *KINDS["consultations"].fields, "priority"]
    applied = _apply(seeded, _block(rows, fields))
    assert (applied.written, applied.quarantined) == (4, 1)
    with seeded.engine.connect() as conn:
        assert quarantine.held(conn, "consultations") == {bad["id"]: 1}
        assert check.local_tables(conn)["consultations"]["count"] == 5  # the quarantined one is held
    with seeded.session() as s:
        assert len(s.scalars(select(Consultation.id)).all()) == 4
        entry = s.get(SyncQuarantine, ("consultations", bad["id"]))
        assert entry.field == "occurred_at" and "咨询时间" in entry.reason
    fixed = dict(bad, rev=2, occurred_at="2026-03-01T10:00:00")
    applied = _apply(seeded, _block([fixed]))
    assert (applied.written, applied.quarantined) == (1, 0)
    with seeded.engine.connect() as conn:
        assert quarantine.held(conn, "consultations") == {}
        assert quarantine.count(conn) == 0
