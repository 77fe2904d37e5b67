"""One contract, both ends (issue 12): a corpus of crafted changes pushed over raw HTTP by a village
account, rows planted straight into the server's database, then a township device syncs.

Whatever the server accepts, the township applies; whatever it stores that no validation would have
let in is quarantined on the device while everything else arrives, the cursor moves on and the
post-sync check agrees (no re-pull on every sync).
"""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import uuid
from datetime import date, datetime
from typing import Any

import httpx
import pytest
from sqlalchemy import func, insert, select, update

from advisor_app.cli.main import main as cli
from advisor_app.domain.models import SYNCABLE, Case, Consultation, Person, SyncQuarantine
from sync.server.changes.repository import take_sequence
from sync.server.db import Record

from .conftest import PASSWORD, V1

BACKENDS = ["server", "pg_server"]


def new_id() -> str:
    return str(uuid.uuid4())


def consultation(**over: Any) -> dict[str, Any]:
    rec = {
        "id": new_id(),
        "rev": 1,
        "base_rev": 0,
        "scope": V1,
        "deleted": False,
        "created_at": "2026-03-01T09:30:00",
        "updated_at": "2026-03-01T09:30:00",
        "region_code": V1,
        "occurred_at": "2026-03-01T09:30:00",
        "question": "宅基地边界怎么认定？",
        "service_type": "法律咨询解答",
        "mode": "实地",
        "category": "民事",
        "status": "办理中",
        "tags": ["老年人"],
    }
    rec.update(over)
    return rec


def person(**over: Any) -> dict[str, Any]:
    rec = {
        "id": new_id(),
        "rev": 1,
        "base_rev": 0,
        "scope": V1,
        "region_code": V1,
        "name": "张三",
        "tags": [],
    }
    rec.update(over)
    return rec


def deep(levels: int) -> Any:
    value: Any = "底"
    for _ in range(levels):
        value = [value]
    return value


def without(rec: dict[str, Any], *names: str) -> dict[str, Any]:
    return {k: v for k, v in rec.items() if k not in names}


# (name, kind, record, expected) — expected: None = refused with a 4xx, nothing stored;
# a dict = accepted, and the township's local record (loaded through the ORM) has these values.
CORPUS: list[tuple[str, str, dict[str, Any], dict[str, Any] | None]] = [
    ("JSON 嵌套 300 层", "consultations", consultation(tags=deep(300)), None),
    ("JSON 嵌套 20 层", "agreements_free_json", {}, None),  # built in the test (needs a case)
    ("JSON 列表里是数字", "consultations", consultation(tags=[1, 2]), None),
    ("JSON 列表里是对象", "consultations", consultation(tags=[{"a": 1}]), None),
    ("JSON 应为列表却是文本", "consultations", consultation(tags="老年人"), None),
    (
        "缺少有默认值的 NOT NULL 字段",
        "consultations",
        without(consultation(), "tags", "status"),
        {"tags": [], "status": "办理中"},
    ),
    (
        "有默认值的字段为 null",
        "consultations",
        consultation(tags=None, mode=None),
        {"tags": [], "mode": "实地"},
    ),
    ("缺少无默认值的必填字段", "consultations", without(consultation(), "question"), None),
    ("必填字段为 null", "consultations", consultation(question=None), None),
    ("时间不是时间", "consultations", consultation(created_at="not-a-date-at-all"), None),
    ("时间：2 月 30 日", "consultations", consultation(occurred_at="2026-02-30T10:00:00"), None),
    ("时间：25 点", "consultations", consultation(occurred_at="2026-03-01T25:00:00"), None),
    ("时间：只有日期", "consultations", consultation(occurred_at="2026-03-01"), None),
    ("时间：数字", "consultations", consultation(occurred_at=20260301), None),
    (
        "时间带时区（+08:00 换算为 UTC）",
        "consultations",
        consultation(occurred_at="2026-03-01T10:00:00+08:00", updated_at="2026-03-01T12:00:00+08:00"),
        {"occurred_at": datetime(2026, 3, 1, 2, 0), "updated_at": datetime(2026, 3, 1, 4, 0)},
    ),
    (
        "时间带 Z",
        "consultations",
        consultation(occurred_at="2026-03-01T10:00:00Z"),
        {"occurred_at": datetime(2026, 3, 1, 10, 0)},
    ),
    (
        "时间到分钟",
        "consultations",
        consultation(occurred_at="2026-03-01T10:05"),
        {"occurred_at": datetime(2026, 3, 1, 10, 5)},
    ),
    ("日期：20260301", "persons", person(birth_date="20260301"), None),
    ("日期：2026-W09-7", "persons", person(birth_date="2026-W09-7"), None),
    ("日期：2026/03/01", "persons", person(birth_date="2026/03/01"), None),
    ("日期：2026-3-1", "persons", person(birth_date="2026-3-1"), None),
    ("日期：带时间", "persons", person(birth_date="2026-03-01T00:00:00"), None),
    ("日期：2027-02-29", "persons", person(birth_date="2027-02-29"), None),
    ("日期：0001-01-01", "persons", person(birth_date="0001-01-01"), None),
    ("日期：1899-12-31", "persons", person(birth_date="1899-12-31"), None),
    ("日期：2200-01-01", "persons", person(birth_date="2200-01-01"), None),
    ("日期：9999-12-31", "persons", person(birth_date="9999-12-31"), None),
    (
        "日期：1900-01-01（下限）",
        "persons",
        person(birth_date="1900-01-01"),
        {"birth_date": date(1900, 1, 1)},
    ),
    (
        "日期：2199-12-31（上限）",
        "persons",
        person(birth_date="2199-12-31"),
        {"birth_date": date(2199, 12, 31)},
    ),
    ("日期：闰日", "persons", person(birth_date="2028-02-29"), {"birth_date": date(2028, 2, 29)}),
    ("整数：NaN", "consultations", consultation(duration_minutes=float("nan")), None),
    ("整数：Infinity", "consultations", consultation(duration_minutes=float("inf")), None),
    ("整数：1.5", "consultations", consultation(duration_minutes=1.5), None),
    ("整数：超出 32 位", "consultations", consultation(duration_minutes=2**31), None),
    ("整数：true", "consultations", consultation(duration_minutes=True), None),
    ("整数：文本", "consultations", consultation(duration_minutes="30"), None),
    ("文本超长（短字段）", "consultations", consultation(person_name="王" * 65), None),
    ("文本超长（长文本）", "consultations", consultation(question="问" * 50_001), None),
    ("文本正好到上限", "consultations", consultation(person_name="王" * 64), {"person_name": "王" * 64}),
    ("文本：NUL", "consultations", consultation(question="问题\x00尾巴"), None),
    ("文本：响铃控制符", "consultations", consultation(question="问题\x07"), None),
    ("文本：ESC 控制序列", "consultations", consultation(person_name="\x1b[31m王"), None),
    ("文本：DEL", "consultations", consultation(adviser="王\x7f"), None),
    ("文本：孤立代理码位", "consultations", consultation(question="\ud800"), None),
    ("文本：JSON 里的 NUL", "consultations", consultation(tags=["老年人\x00"]), None),
    (
        "文本：换行、制表符、生僻字、表情",
        "consultations",
        consultation(question="第一行\n第二行\t𠮷䶮😀"),
        {"question": "第一行\n第二行\t𠮷䶮😀"},
    ),
    ("枚举：未知状态", "consultations", consultation(status="已结案"), None),
    ("枚举：评价对象未知", "ratings", {}, None),  # built in the test (needs a target)
    ("布尔：文本", "persons", person(deleted="false"), None),
    ("布尔：数字", "cases_bool", {}, None),  # built in the test (needs the committee)
    ("未知字段", "consultations", consultation(color="红"), None),
]


def _push(http: httpx.Client, kind: str, rec: dict[str, Any]) -> httpx.Response:
    fields = list(rec)
    body = {"changes": {kind: {"fields": fields, "rows": [[rec[f] for f in fields]]}}}
    # json.dumps writes NaN / Infinity literals and lone surrogates as the escapes a client could send
    data = gzip.compress(json.dumps(body, ensure_ascii=True).encode())
    return http.post(
        "/v1/changes",
        content=data,
        headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
    )


def _login(url: str, user: str) -> httpx.Client:
    r = httpx.post(
        f"{url}/v1/auth/login", json={"username": user, "password": PASSWORD, "device_id": f"raw-{user}"}
    )
    assert r.status_code == 200, r.text
    return httpx.Client(base_url=url, headers={"Authorization": f"Bearer {r.json()['token']}"}, timeout=60)


def _stored(engine: Any, kind: str, rid: str) -> dict[str, Any] | None:
    with engine.connect() as conn:
        row = conn.execute(select(Record.payload).where(Record.kind == kind, Record.id == rid)).first()
    return None if row is None else json.loads(row[0])


def _orm_values(store: Any, kind: str, rid: str, names: list[str]) -> dict[str, Any]:
    """The record as the app loads it (the ORM parses dates and JSON: a bad value would raise)."""
    model = SYNCABLE[kind]
    with store.session() as s:
        obj = s.get(model, rid)
        assert obj is not None, f"{kind} {rid} did not arrive"
        return {n: getattr(obj, n) for n in names}


@pytest.mark.parametrize("backend", BACKENDS)
def test_crafted_changes_are_refused_or_applied_by_every_township_device(backend, request, device):
    server = request.getfixturevalue(backend)
    village = _login(server.url, "adv1")
    mediator = _login(server.url, "adv4")  # a mediator of another village in the township
    good_case = {
        "id": new_id(),
        "rev": 1,
        "base_rev": 0,
        "scope": "610502100204",
        "region_code": "610502100204",
        "committee_id": server.committee_id,
        "dispute_type": "邻里",
        "source": "当事人申请",
        "summary": "邻里排水纠纷",
        "accepted_on": "2026-03-01",
        "due_on": "2026-03-31",
    }
    r = _push(mediator, "cases", good_case)
    assert r.status_code == 200 and r.json()["accepted"] == 1, r.text
    agreement = {
        "id": new_id(),
        "rev": 1,
        "base_rev": 0,
        "scope": "610502100204",
        "case_id": good_case["id"],
        "frozen_data": {"a": deep(20)},
    }
    rating = {
        "id": new_id(),
        "rev": 1,
        "base_rev": 0,
        "scope": "610502100204",
        "target_kind": "village",
        "target_id": good_case["id"],
        "grade": "满意",
        "rated_on": "2026-03-02",
    }
    accepted: dict[tuple[str, str], dict[str, Any]] = {("cases", good_case["id"]): {"status": "受理"}}
    for name, kind, rec, expected in CORPUS:
        http = village
        if kind == "agreements_free_json":
            kind, rec, http = "agreements", agreement, mediator
        elif kind == "ratings":
            rec, http = rating, mediator
        elif kind == "cases_bool":
            kind, rec, http = "cases", dict(good_case, id=new_id(), number_provisional=1), mediator
        r = _push(http, kind, rec)
        if expected is None:
            assert 400 <= r.status_code < 500, f"{name}: {r.status_code} {r.text[:300]}"
            assert r.json()["error"]["message"], name
            assert _stored(server.engine, kind, rec["id"]) is None, f"{name}: stored although refused"
        else:
            assert r.status_code == 200 and r.json()["accepted"] == 1, f"{name}: {r.text[:300]}"
            accepted[(kind, rec["id"])] = expected
    assert len(accepted) > 10

    town = device("tw", server.url, "tw1")
    report = town.client.sync()
    assert report.quarantined == 0 and report.check == "ok", report
    for (kind, rid), expected in accepted.items():
        assert _orm_values(town.store, kind, rid, list(expected)) == expected, (kind, expected)
    # every NOT NULL column of every record arrived filled (the server never stores null there)
    with town.store.engine.connect() as conn:
        for kind, model in SYNCABLE.items():
            for col in model.__table__.columns:
                if not col.nullable:
                    nulls = conn.execute(
                        select(func.count()).select_from(model.__table__).where(col.is_(None))
                    ).scalar_one()
                    assert nulls == 0, f"{kind}.{col.name}"
    # and a village device of the same account applies everything it pulls back too
    again = device("v1", server.url, "adv1")
    assert again.client.sync().quarantined == 0


def _plant(engine: Any, kind: str, rid: str, payload: dict[str, Any], **meta: Any) -> None:
    """A row straight into the server's records table, past every check (a bug, an old server)."""
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True)
    with engine.begin() as conn:
        seq = take_sequence(conn, 1)
        values = {
            "kind": kind,
            "id": rid,
            "rev": meta.pop("rev", 1),
            "scope": meta.pop("scope", V1),
            "owner": "adv1",
            "device_id": "planted",
            "created_at": meta.pop("created_at", "2026-03-01T09:30:00"),
            "updated_at": meta.pop("updated_at", "2026-03-01T09:30:00"),
            "deleted": False,
            "payload": text,
            "hash": hashlib.sha256(text.encode()).hexdigest(),
            "seq": seq,
        }
        exists = conn.execute(select(Record.seq).where(Record.kind == kind, Record.id == rid)).first()
        if exists is None:
            conn.execute(insert(Record).values(**values))
        else:
            conn.execute(update(Record).where(Record.kind == kind, Record.id == rid).values(**values))


def _consult_payload(**over: Any) -> dict[str, Any]:
    rec = consultation()
    payload = {
        k: v
        for k, v in rec.items()
        if k not in ("id", "rev", "base_rev", "scope", "deleted", "created_at", "updated_at")
    }
    payload.update(over)
    return payload


@pytest.mark.parametrize("backend", BACKENDS)
def test_planted_rows_are_quarantined_and_never_stop_a_pull(backend, request, device, capsys):
    server = request.getfixturevalue(backend)
    engine = server.engine
    good = [new_id() for _ in range(3)]
    for rid in good:
        _plant(engine, "consultations", rid, _consult_payload(question="好记录"))
    # tags missing: the client fills the declared default, as the server would have
    filled = new_id()
    _plant(engine, "consultations", filled, without(_consult_payload(), "tags"))
    bad = {
        new_id(): ("consultations", _consult_payload(), {"created_at": "not-a-date-at-all"}),
        new_id(): ("consultations", _consult_payload(question=None), {}),
        new_id(): ("consultations", _consult_payload(occurred_at="2026-W09-7"), {}),
        new_id(): ("consultations", _consult_payload(question="问题\x00"), {}),
        new_id(): ("consultations", _consult_payload(status="已结案"), {}),
        new_id(): ("consultations", _consult_payload(tags=deep(40)), {}),
        new_id(): ("consultations", _consult_payload(duration_minutes="三十"), {}),
        new_id(): ("persons", {"name": "王五", "region_code": V1, "birth_date": "20260301", "tags": []}, {}),
    }
    for rid, (kind, payload, meta) in bad.items():
        _plant(engine, kind, rid, payload, **meta)
    # two cases with one case number: each passes the schema, the device's UNIQUE index refuses one
    case_payload = {
        "case_no": "（2026）临桥调字第 1 号",
        "committee_id": server.committee_id,
        "region_code": V1,
        "dispute_type": "邻里",
        "source": "当事人申请",
        "summary": "排水",
        "status": "受理",
        "accepted_on": "2026-03-01",
        "due_on": "2026-03-31",
        "number_provisional": False,
    }
    twins = [new_id(), new_id()]
    for rid in twins:
        _plant(engine, "cases", rid, case_payload)
    later = [new_id() for _ in range(3)]
    for rid in later:
        _plant(engine, "consultations", rid, _consult_payload(question="后来的好记录"))

    town = device("tw", server.url, "tw1", page_size=4)
    report = town.client.sync()
    assert report.quarantined == len(bad) + 1, report
    assert report.check == "ok" and not report.repaired_kinds, report
    with town.store.session() as s:
        questions = dict(s.execute(select(Consultation.id, Consultation.question)).all())
        assert set(good + later + [filled]) <= set(questions)
        assert s.get(Consultation, filled).tags == []
        assert len(s.scalars(select(Case.id)).all()) == 1
        assert s.scalar(select(func.count()).select_from(Person)) == 0
        held = dict(s.execute(select(SyncQuarantine.record_id, SyncQuarantine.reason)).all())
    assert set(bad) <= set(held) and len(held) == len(bad) + 1
    assert "created_at" in held[next(iter(bad))] or "时间" in held[next(iter(bad))]
    assert any("UNIQUE" in reason for reason in held.values())
    status = town.client.status()
    assert status.quarantined == len(bad) + 1 and status.last_error is None

    # a quarantined revision counts as held: the next sync is a no-op, no re-pull, check agrees
    again = town.client.sync(check_digests=True)
    assert (again.pulled, again.quarantined, again.check, again.repaired_kinds) == (0, 0, "ok", [])

    # a later revision that applies replaces the quarantined one
    fixed = list(bad)[2]
    _plant(engine, "consultations", fixed, _consult_payload(question="改好了"), rev=2)
    after = town.client.sync()
    assert after.quarantined == 0 and after.check == "ok"
    with town.store.session() as s:
        assert s.get(Consultation, fixed).question == "改好了"
        assert s.get(SyncQuarantine, ("consultations", fixed)) is None
    assert town.client.status().quarantined == len(bad)
    listed = town.client.quarantined()
    assert {q.record_id for q in listed} == set(bad) - {fixed} | {held_twin(held, twins)}
    assert all(q.reason and q.kind_label for q in listed)

    # another account pulls its own scope from the start: what was set aside for the old one goes
    town.client.login(server.url, "adv2", PASSWORD)
    town.client.sync()
    assert town.client.status().quarantined == 0


def held_twin(held: dict[str, str], twins: list[str]) -> str:
    (twin,) = [rid for rid in twins if rid in held]
    return twin


def test_cli_sync_exits_0_and_sync_status_lists_quarantined(server, tmp_path, monkeypatch, capsys):
    data = str(tmp_path / "cli")
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert (
        cli(["--data-dir", data, "login", "--server", server.url, "--user", "tw1", "--password-stdin"]) == 0
    )
    rid = new_id()
    _plant(server.engine, "consultations", rid, _consult_payload(occurred_at="20260301T093000"))
    _plant(server.engine, "consultations", new_id(), _consult_payload())
    capsys.readouterr()
    assert cli(["--data-dir", data, "sync"]) == 0
    out = capsys.readouterr().out
    assert "已隔离 1 条" in out and "核对一致" in out, out
    assert cli(["--data-dir", data, "sync-status"]) == 0
    out = capsys.readouterr().out
    assert "已隔离：1 条" in out and rid[:8] in out and "法律咨询" in out and "咨询时间" in out, out
