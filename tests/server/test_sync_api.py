"""Push, pull, idempotency, conflicts, ownership and scope through a real uvicorn."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from sync.server.db import Conflict, Record

from .conftest import TOWNSHIP, VILLAGE, VILLAGE_2, VILLAGE_3
from .helpers import (
    batch,
    case,
    consultation,
    new_id,
    pull_all,
    push,
)


def _count(server, **where) -> int:
    with server.engine.connect() as conn:
        q = select(func.count()).select_from(Record)
        for k, v in where.items():
            q = q.where(getattr(Record, k) == v)
        return conn.execute(q).scalar_one()


def test_push_then_pull_round_trip_with_gzip(server):
    adv = server.client("adv1")
    recs = [consultation(VILLAGE, question=f"问题 {n}") for n in range(30)]
    r = push(adv, batch(consultations=recs))
    assert r.status_code == 200, r.text
    assert r.json()["accepted"] == 30
    seen, _cursor = pull_all(adv, kinds="consultations")
    got = {rid: rec for (kind, rid), rec in seen.items()}
    for rec in recs:
        assert got[rec["id"]]["question"] == rec["question"]
        assert got[rec["id"]]["owner"] == "adv1"  # set by the server, not the client


def test_identical_resend_is_a_no_op(server):
    adv = server.client("adv1")
    body = batch(consultations=[consultation(VILLAGE) for _ in range(5)])
    first = push(adv, body).json()
    second = push(adv, body).json()
    assert first["accepted"] == 5 and first["duplicates"] == 0
    assert second["duplicates"] == 5 and second["problems"] == []
    assert second["seq"] == first["seq"] or second["seq"] >= first["seq"]
    ids = [row[0] for row in body["changes"]["consultations"]["rows"]]
    with server.engine.connect() as conn:
        seqs = conn.execute(select(Record.seq).where(Record.id.in_(ids))).scalars().all()
    assert len(seqs) == 5 and max(seqs) <= first["seq"]  # the resend assigned no new sequence


def test_same_revision_different_payload_is_kept_as_conflict(server):
    adv = server.client("adv1")
    rec = consultation(VILLAGE)
    assert push(adv, batch(consultations=[rec])).json()["accepted"] == 1
    other = dict(rec, question="另一台设备写的内容")
    result = push(adv, batch(consultations=[other])).json()
    assert result["conflicts"] == 1 and result["problems"][0]["reason"] == "rev_reused"
    with server.engine.connect() as conn:
        kept = conn.execute(select(Conflict.payload).where(Conflict.record_id == rec["id"])).scalars().all()
        stored = conn.execute(select(Record.payload).where(Record.id == rec["id"])).scalar_one()
    assert any(json.loads(p)["question"] == "另一台设备写的内容" for p in kept)
    assert json.loads(stored)["question"] == rec["question"]
    listed = adv.get("/v1/conflicts").json()
    assert any(c["record_id"] == rec["id"] for c in listed)


def test_two_devices_editing_the_same_base_conflict_and_both_are_kept(server):
    adv = server.client("adv1")
    rec = consultation(VILLAGE)
    push(adv, batch(consultations=[rec]))
    a = dict(rec, rev=2, base_rev=1, answer="设备甲")
    b = dict(rec, rev=3, base_rev=1, answer="设备乙（离线改了两次）")
    assert push(adv, batch(consultations=[a])).json()["accepted"] == 1
    res = push(adv, batch(consultations=[b])).json()
    assert res["conflicts"] == 1 and res["problems"][0]["reason"] == "stale_base"
    assert res["problems"][0]["server_rev"] == 2
    # Editing on top of what the server holds wins.
    c = dict(rec, rev=4, base_rev=2, answer="合并后")
    assert push(adv, batch(consultations=[c])).json()["accepted"] == 1


def test_only_the_owner_writes_a_record(server):
    adv = server.client("adv1")
    rec = case(VILLAGE, server.committee_id)
    assert push(adv, batch(cases=[rec])).json()["accepted"] == 1
    township = server.client("tw1")
    edit = dict(rec, rev=2, base_rev=1, summary="司法所改的")
    res = push(township, batch(cases=[edit])).json()
    assert res["conflicts"] == 1 and res["problems"][0]["reason"] == "not_owner"
    with server.engine.connect() as conn:
        assert (
            json.loads(conn.execute(select(Record.payload).where(Record.id == rec["id"])).scalar_one())[
                "summary"
            ]
            == rec["summary"]
        )
    # A case party may only be added by the case's owner.
    party = {"id": new_id(), "rev": 1, "scope": VILLAGE, "case_id": rec["id"], "name": "张三"}
    assert push(township, batch(case_parties=[party])).json()["problems"][0]["reason"] == "not_owner"
    assert push(adv, batch(case_parties=[party])).json()["accepted"] == 1


def test_hand_over_lets_the_new_owner_edit(server):
    from sync.server.admin import service as admin

    adv = server.client("adv1")
    rec = case(VILLAGE, server.committee_id)
    party = {"id": new_id(), "rev": 1, "scope": VILLAGE, "case_id": rec["id"], "name": "李四"}
    push(adv, batch(cases=[rec], case_parties=[party]))
    assert admin.transfer(server.engine, "tw1", record=("cases", rec["id"])) == 2
    township = server.client("tw1")
    assert (
        push(township, batch(cases=[dict(rec, rev=2, base_rev=1, status="调解中")])).json()["accepted"] == 1
    )
    res = push(adv, batch(cases=[dict(rec, rev=3, base_rev=2, summary="旧主人")])).json()
    assert res["problems"][0]["reason"] == "not_owner"  # kept as a conflict, not lost
    admin.transfer(server.engine, "adv1", record=("cases", rec["id"]))


def test_roster_belongs_to_the_township(server):
    member = {"id": new_id(), "rev": 1, "scope": VILLAGE, "region_code": VILLAGE, "name": "王五"}
    res = push(server.client("adv1"), batch(legal_literates=[member])).json()
    assert res["rejected"] == 1 and res["problems"][0]["reason"] == "role"
    assert push(server.client("tw1"), batch(legal_literates=[member])).json()["accepted"] == 1
    seen, _ = pull_all(server.client("adv1"), kinds="legal_literates")
    assert ("legal_literates", member["id"]) in seen  # the village reads its roster


def test_child_takes_the_region_of_its_parent(server):
    adv = server.client("adv1")
    rec = case(VILLAGE, server.committee_id)
    wrong = {"id": new_id(), "rev": 1, "scope": VILLAGE_2, "case_id": rec["id"], "name": "赵六"}
    push(adv, batch(cases=[rec]))
    # adv1 may not write in VILLAGE_2 at all: the whole batch is refused.
    assert push(adv, batch(case_parties=[wrong])).status_code == 403
    township = server.client("tw1")
    res = push(township, batch(case_parties=[dict(wrong, id=new_id())])).json()
    assert res["rejected"] == 1 and res["problems"][0]["reason"] == "scope_mismatch"
    orphan = {"id": new_id(), "rev": 1, "scope": VILLAGE, "case_id": new_id(), "name": "钱七"}
    assert push(adv, batch(case_parties=[orphan])).json()["problems"][0]["reason"] == "parent_missing"


def test_signed_agreement_is_immutable(server):
    adv = server.client("adv1")
    rec = case(VILLAGE, server.committee_id)
    agreement = {
        "id": new_id(),
        "rev": 1,
        "scope": VILLAGE,
        "case_id": rec["id"],
        "status": "已签署",
        "terms": ["甲方赔偿乙方 500 元"],
        "facts": "排水",
        "performed": "未履行",
    }
    assert push(adv, batch(cases=[rec], agreements=[agreement])).json()["accepted"] == 2
    changed = dict(agreement, rev=2, base_rev=1, terms=["甲方赔偿乙方 800 元"])
    assert push(adv, batch(agreements=[changed])).json()["problems"][0]["reason"] == "signed_immutable"
    performed = dict(agreement, rev=2, base_rev=1, performed="已履行")
    assert push(adv, batch(agreements=[performed])).json()["accepted"] == 1


def test_isolation_between_villages_and_townships(server):
    mine = consultation(VILLAGE, question="本村的咨询")
    theirs = consultation(VILLAGE_3, question="另一个乡镇的咨询")
    assert push(server.client("adv1"), batch(consultations=[mine])).status_code == 200
    assert push(server.client("med3"), batch(consultations=[theirs])).status_code == 200
    adv2, _ = pull_all(server.client("adv2"))
    assert ("consultations", mine["id"]) not in adv2 and ("consultations", theirs["id"]) not in adv2
    tw1, _ = pull_all(server.client("tw1"))
    assert ("consultations", mine["id"]) in tw1 and ("consultations", theirs["id"]) not in tw1
    tw2, _ = pull_all(server.client("tw2"))
    assert ("consultations", theirs["id"]) in tw2 and ("consultations", mine["id"]) not in tw2
    city, _ = pull_all(server.client("city"))
    assert {("consultations", mine["id"]), ("consultations", theirs["id"])} <= set(city)
    # Committees above one's villages are readable (numbers are drawn under them).
    assert ("committees", server.committee_id) in adv2
    assert ("committees", server.committee_id) not in tw2


def test_guessing_another_villages_uuid_gets_nothing(server):
    secret = consultation(VILLAGE, question="家事，保密")
    push(server.client("adv1"), batch(consultations=[secret]))
    intruder = server.client("adv2")
    # Writing under the guessed id from one's own village is refused as a whole and stores nothing.
    hijack = dict(secret, rev=2, base_rev=1, scope=VILLAGE_2, region_code=VILLAGE_2, question="改掉")
    r = push(intruder, batch(consultations=[hijack]))
    assert r.status_code == 403 and r.json()["error"]["code"] == "out_of_scope"
    with server.engine.connect() as conn:
        row = conn.execute(select(Record.scope, Record.payload).where(Record.id == secret["id"])).one()
    assert row.scope == VILLAGE and "保密" in row.payload
    # Writing straight into the other village is refused too.
    assert push(intruder, batch(consultations=[consultation(VILLAGE)])).status_code == 403
    # Nothing to read about it: not in pulls, not in the summary's counts.
    seen, _ = pull_all(intruder)
    assert ("consultations", secret["id"]) not in seen
    before = intruder.get("/v1/summary").json()["tables"]["consultations"]["count"]
    assert before == sum(1 for k in seen if k[0] == "consultations")


def test_summary_matches_what_was_pulled(server):
    from sync.protocol import table_digest

    tw = server.client("tw1")
    push(server.client("adv2"), batch(consultations=[consultation(VILLAGE_2) for _ in range(3)]))
    seen, cursor = pull_all(tw)
    summary = tw.get("/v1/summary").json()
    assert summary["seq"] >= cursor or summary["seq"] == cursor
    seen, cursor = pull_all(tw, after=cursor)  # catch up with anything pushed meanwhile
    seen_all, _ = pull_all(tw)
    summary = tw.get("/v1/summary").json()
    for kind, check in summary["tables"].items():
        pairs = [(rid, rec["rev"]) for (k, rid), rec in seen_all.items() if k == kind]
        assert check["count"] == len(pairs), kind
        assert check["digest"] == table_digest(pairs), kind


def test_no_op_pull_is_cheap_and_keeps_the_cursor(server):
    import time

    adv = server.client("adv2")
    _seen, cursor = pull_all(adv)
    started = time.perf_counter()
    r = adv.get("/v1/changes", params={"after": cursor})
    elapsed = time.perf_counter() - started
    assert r.json()["count"] == 0 and r.json()["cursor"] >= cursor
    assert elapsed < 0.5, elapsed
    _ = TOWNSHIP
