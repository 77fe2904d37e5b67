"""Rows planted straight into the server's database, which no validation would have let in, do
not stop a pull: each is left out of its page (counted in ``skipped``, logged without personal
data), the cursor moves past it, the good records arrive, and the summary leaves it out too."""

from __future__ import annotations

import json
import logging

from sqlalchemy import insert, select, update

from sync.protocol import KINDS, canonical_json, payload_hash, table_digest
from sync.server.changes.repository import take_sequence
from sync.server.db import Record

from .conftest import VILLAGE_3
from .helpers import batch, consultation, new_id, pull_all, push

SECRET = "身份证号610502199001011234"


def _plant(server, kind: str, payload_text: str) -> str:  # noqa: ANN001
    rid = new_id()
    with server.engine.begin() as conn:
        seq = take_sequence(conn, 1)
        conn.execute(
            insert(Record).values(
                kind=kind,
                id=rid,
                rev=1,
                scope=VILLAGE_3,
                owner="med3",
                device_id="planted",
                created_at="2026-03-01T09:00:00",
                updated_at="2026-03-01T09:00:00",
                deleted=False,
                payload=payload_text,
                hash="0" * 64,
                seq=seq,
            )
        )
    return rid


def test_planted_rows_do_not_stop_a_pull_and_leave_the_summary(server, caplog):
    med = server.client("med3")
    before = consultation(VILLAGE_3, question=SECRET)
    assert push(med, batch(consultations=[before])).json()["accepted"] == 1
    deep = {"question": "深", "tags": json.loads("[" * 300 + "]" * 300)}
    planted = {
        "deep": _plant(server, "consultations", canonical_json(deep)),
        "nan": _plant(server, "consultations", '{"question": "x", "duration_minutes": NaN}'),
        "infinity": _plant(server, "consultations", '{"question": "x", "duration_minutes": -Infinity}'),
        "broken": _plant(server, "consultations", '{"question": "' + SECRET),
        "list": _plant(server, "consultations", "[1, 2]"),
        "unknown_kind": _plant(server, "no_such_kind", '{"a": 1}'),
    }
    after = consultation(VILLAGE_3)
    assert push(med, batch(consultations=[after])).json()["accepted"] == 1

    tw = server.client("tw2")
    with caplog.at_level(logging.WARNING, logger="advisor_server.changes"):
        seen, cursor = pull_all(tw, limit=3)  # small pages: some hold nothing but planted rows
    assert ("consultations", before["id"]) in seen and ("consultations", after["id"]) in seen
    assert not {rid for _k, rid in seen} & set(planted.values())
    skipped = [r for r in caplog.records if r.getMessage() == "pull skipped a stored row"]
    assert len(skipped) >= len(planted)
    assert all(SECRET not in (r.getMessage() + repr(r.__dict__)) for r in skipped)  # no personal data

    # One page over the planted rows says how many it left out.
    first = tw.get("/v1/changes", params={"after": 0, "limit": 5000}).json()
    assert first["skipped"] == len(planted) and first["count"] == len(
        [1 for block in first["changes"].values() for _row in block["rows"]]
    )

    # The summary agrees with what the pull served: nothing planted is counted.
    summary = tw.get("/v1/summary").json()
    for kind in KINDS:
        held = [(rid, row["rev"]) for (k, rid), row in seen.items() if k == kind]
        assert summary["tables"][kind] == {"count": len(held), "digest": table_digest(held)}, kind
    assert "no_such_kind" not in summary["tables"]

    # A good revision of a planted record replaces it: served, and counted again.
    good = {"question": "修好的版本", "region_code": VILLAGE_3}
    with server.engine.begin() as conn:
        seq = take_sequence(conn, 1)
        conn.execute(
            update(Record)
            .where(Record.kind == "consultations", Record.id == planted["nan"])
            .values(rev=2, payload=canonical_json(good), hash=payload_hash(good, False), seq=seq)
        )
    fixed, _ = pull_all(tw, after=cursor)
    assert fixed[("consultations", planted["nan"])]["rev"] == 2
    counts = tw.get("/v1/summary").json()["tables"]["consultations"]["count"]
    assert counts == summary["tables"]["consultations"]["count"] + 1
    with server.engine.connect() as conn:
        assert conn.execute(select(Record.rev).where(Record.id == planted["nan"])).scalar_one() == 2
