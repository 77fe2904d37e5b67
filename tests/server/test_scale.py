"""Flat costs (issue 17): the protocol-2 post-sync check from the per-village checks agrees with
the records, a quiet scope's no-op sync leaves its cursor, county accounts read their county by
code range, and protocol 1 still gets the SHA-256 digest."""

from __future__ import annotations

from sqlalchemy import select

from sync.protocol import KINDS, table_check, table_digest
from sync.server.admin import service as admin
from sync.server.database import make_engine
from sync.server.db import Record, ScopeCheck

from .conftest import PASSWORD, VILLAGE, VILLAGE_2, VILLAGE_3
from .helpers import batch, consultation, pull_all, push

V2 = {"X-Advisor-Protocol": "2"}


def _v2(server, user: str):  # noqa: ANN001, ANN202
    client = server.client(user)
    client.headers.update(V2)
    return client


def _expected(seen: dict) -> dict[str, dict]:  # noqa: ANN001
    out = {}
    for kind in KINDS:
        pairs = [(rid, row["rev"]) for (k, rid), row in seen.items() if k == kind]
        out[kind] = {"count": len(pairs), "digest": table_check(kind, pairs)}
    return out


def test_v2_summary_agrees_with_the_records_after_inserts_updates_and_tombstones(server):
    adv = _v2(server, "adv1")
    recs = [consultation(VILLAGE) for _ in range(30)]
    assert push(adv, batch(consultations=recs)).json()["accepted"] == 30
    edited = [{**r, "rev": 2, "base_rev": 1, "question": "改过"} for r in recs[:10]]
    gone = [{**r, "rev": 2, "base_rev": 1, "deleted": True} for r in recs[10:15]]
    reply = push(adv, batch(consultations=edited + gone)).json()
    assert reply["accepted"] == 15, reply

    for user in ("adv1", "adv2", "tw1", "tw2", "city"):
        client = _v2(server, user)
        seen, cursor = pull_all(client)
        summary = client.get("/v1/summary").json()
        assert summary["check"] == "xor64"
        assert summary["tables"] == _expected(seen), user
        assert summary["seq"] <= cursor
        # Protocol 1: the same records, the old digest, no ``check`` field.
        old = server.client(user).get("/v1/summary").json()
        assert "check" not in old
        for kind in KINDS:
            pairs = [(rid, row["rev"]) for (k, rid), row in seen.items() if k == kind]
            assert old["tables"][kind] == {"count": len(pairs), "digest": table_digest(pairs)}, (user, kind)

    # The kept rows are exactly the records grouped by village and kind.
    with server.engine.connect() as conn:
        counts = {
            (s, k): n
            for s, k, n in conn.execute(select(ScopeCheck.scope, ScopeCheck.kind, ScopeCheck.count))
            if n
        }
        truth: dict[tuple[str, str], int] = {}
        for s, k in conn.execute(select(Record.scope, Record.kind)):
            truth[(s, k)] = truth.get((s, k), 0) + 1
    assert counts == truth


def test_quiet_scope_noop_keeps_the_cursor_and_the_check_still_passes(server):
    adv2 = _v2(server, "adv2")
    assert push(adv2, batch(consultations=[consultation(VILLAGE_2)])).json()["accepted"] == 1
    seen, cursor = pull_all(adv2)
    # Another village is busy; this one is quiet: no-op, cursor unchanged.
    med = _v2(server, "med3")
    assert push(med, batch(consultations=[consultation(VILLAGE_3) for _ in range(5)])).json()["accepted"] == 5
    page = adv2.get("/v1/changes", params={"after": cursor}).json()
    assert page["count"] == 0 and page["cursor"] == cursor and not page["more"]
    summary = adv2.get("/v1/summary").json()
    assert summary["seq"] <= cursor and summary["tables"] == _expected(seen)
    # A change in the scope moves its mark past the cursor: the next pull brings it.
    mine = consultation(VILLAGE_2)
    assert push(adv2, batch(consultations=[mine])).json()["accepted"] == 1
    assert adv2.get("/v1/summary").json()["seq"] > cursor
    more, _ = pull_all(adv2, after=cursor)
    assert ("consultations", mine["id"]) in more


def test_county_account_reads_its_county_by_code_range(server):
    engine = make_engine(server.database_url)
    try:
        if "cty1" not in {u["username"] for u in admin.list_users(engine)}:
            admin.add_user(engine, "cty1", "county", ["610502000000"], PASSWORD)
    finally:
        engine.dispose()
    in_county = consultation(VILLAGE)
    elsewhere = consultation(VILLAGE_3)
    assert push(server.client("adv1"), batch(consultations=[in_county])).json()["accepted"] == 1
    assert push(server.client("med3"), batch(consultations=[elsewhere])).json()["accepted"] == 1
    county = _v2(server, "cty1")
    seen, _ = pull_all(county)
    assert ("consultations", in_county["id"]) in seen
    assert ("consultations", elsewhere["id"]) not in seen
    assert {row["scope"][:6] for row in seen.values() if row["scope"] != "610500000000"} <= {"610502"}
    assert county.get("/v1/summary").json()["tables"] == _expected(seen)
    me = county.get("/v1/auth/me").json()
    assert me["role"] == "county"
    codes = {r["code"] for r in county.get("/v1/regions").json()}
    assert {"610502000000", "610502100000", VILLAGE, VILLAGE_2, "610500000000"} <= codes
    assert VILLAGE_3 not in codes
    # A county account writes in its county, not outside it.
    refused = push(county, batch(consultations=[consultation(VILLAGE_3)]))
    assert refused.status_code == 403
