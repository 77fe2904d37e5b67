"""Conflicts on the server: the list holds a person's work only, resolving one takes it off the
list for good, and only the account's own conflicts can be resolved."""

from __future__ import annotations

from sqlalchemy import select

from sync.server.db import Conflict

from .conftest import VILLAGE
from .helpers import batch, consultation, new_id, push


def test_resolve_takes_a_conflict_off_the_list(server):
    adv = server.client("adv1")
    rec = consultation(VILLAGE)
    assert push(adv, batch(consultations=[rec])).json()["accepted"] == 1
    stale = dict(rec, rev=2, base_rev=0, question="另一台设备的版本")
    assert push(adv, batch(consultations=[stale])).json()["conflicts"] == 1
    listed = [c for c in adv.get("/v1/conflicts").json() if c["record_id"] == rec["id"]]
    assert len(listed) == 1 and listed[0]["reason"] == "stale_base"
    conflict_id = listed[0]["id"]
    # Another account cannot resolve it, and learns nothing by trying.
    other = server.client("adv2").post(f"/v1/conflicts/{conflict_id}/resolve")
    assert other.status_code == 404
    assert adv.post(f"/v1/conflicts/{conflict_id}/resolve").status_code == 204
    assert all(c["id"] != conflict_id for c in adv.get("/v1/conflicts").json())
    with server.engine.connect() as conn:
        status = conn.execute(select(Conflict.status).where(Conflict.id == conflict_id)).scalar_one()
    assert status == "resolved"  # kept, marked: nothing a device sent is dropped
    # Resolving again, or an id that does not exist, is a 404 with a message.
    for cid in (conflict_id + 10**6, 0, -1, 2**40):
        r = adv.post(f"/v1/conflicts/{cid}/resolve")
        assert r.status_code in (404, 422) and r.json()["error"]["message"]


def test_refusals_the_device_sends_again_are_not_listed(server):
    adv = server.client("adv1")
    orphan = consultation(VILLAGE)
    party = {
        "id": new_id(),
        "rev": 1,
        "base_rev": 0,
        "scope": VILLAGE,
        "case_id": new_id(),  # a case the server never got
        "role": "申请人",
        "name": "张三",
    }
    body = push(adv, batch(consultations=[orphan], case_parties=[party])).json()
    assert body["rejected"] == 1 and body["problems"][0]["reason"] == "parent_missing"
    with server.engine.connect() as conn:
        kept = conn.execute(select(Conflict.id).where(Conflict.record_id == party["id"])).scalars().all()
    assert kept  # kept on the server like every loser …
    assert all(c["record_id"] != party["id"] for c in adv.get("/v1/conflicts").json())  # … not listed
