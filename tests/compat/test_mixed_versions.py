"""Mixed versions (issue 12 §3): the frozen protocol-1 client keeps syncing with the current server,
also when the server knows a column the client does not; the current client applies what an older
server stored (rows without the columns added since)."""

from __future__ import annotations

import dataclasses
import json
import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from advisor_app.domain.models import Consultation, Person
from sync.protocol import kinds as protocol_kinds
from sync.protocol.kinds import FieldSpec
from sync.server.db import Record
from tests.sync_client.records import consult, edit, questions, server_snapshot, snapshot
from tests.sync_client.test_contract import _consult_payload, _plant, _push, consultation

from .conftest import PASSWORD

V1 = "610502100201"


def _stored(engine: Any, rid: str) -> dict[str, Any]:
    with engine.connect() as conn:
        return json.loads(conn.execute(select(Record.payload).where(Record.id == rid)).scalar_one())


@pytest.fixture
def newer_schema(monkeypatch: pytest.MonkeyPatch) -> str:
    """The server as a later version will be: consultations gain a NOT NULL column with a declared
    default (the server and the current client share this process's schema; the frozen client has
    its own copy and does not know the column)."""
    spec = protocol_kinds.KINDS["consultations"]
    extra = FieldSpec(name="priority", type="str", nullable=False, required=False, max_len=8, default="普通")
    monkeypatch.setitem(
        protocol_kinds.KINDS,
        "consultations",
        dataclasses.replace(spec, fields={**spec.fields, "priority": extra}),
    )
    return "priority"


def _raw(url: str, user: str) -> httpx.Client:
    r = httpx.post(
        f"{url}/v1/auth/login", json={"username": user, "password": PASSWORD, "device_id": f"raw-{user}"}
    )
    assert r.status_code == 200, r.text
    return httpx.Client(base_url=url, headers={"Authorization": f"Bearer {r.json()['token']}"}, timeout=60)


def test_frozen_client_keeps_syncing_with_a_server_that_has_a_newer_column(server, old_device, newer_schema):
    old = old_device("old", server.url, "adv1")
    ids = [consult(old.store, V1, f"旧版本录入 {n}") for n in range(3)]
    report = old.client.sync()
    assert (report.pushed, report.rejected, report.check) == (3, 0, "ok")
    # the server filled the column the old client does not know with its declared default
    assert {_stored(server.engine, rid)[newer_schema] for rid in ids} == {"普通"}

    # a newer client's record carries the column; the old client applies it (the column is left out)
    newer = consultation(question="新版本录入", priority="加急")
    assert _push(_raw(server.url, "adv1"), "consultations", newer).json()["accepted"] == 1
    report = old.client.sync()
    assert report.pulled == 1 and report.check == "ok"
    assert questions(old.store)[newer["id"]] == "新版本录入"

    # the old client edits it and pushes without the column: accepted, the column is never null
    edit(old.store, newer["id"], answer="旧版本的答复")
    report = old.client.sync()
    assert (report.pushed, report.conflicts, report.rejected, report.check) == (1, 0, 0, "ok")
    stored = _stored(server.engine, newer["id"])
    assert stored["answer"] == "旧版本的答复" and stored[newer_schema] is not None

    # an old township device pulls everything and agrees with the server
    town = old_device("town", server.url, "tw1")
    report = town.client.sync()
    assert report.check == "ok" and set(ids) | {newer["id"]} <= set(questions(town.store))


@pytest.mark.parametrize("backend", ["server", "pg_server"])
def test_frozen_and_current_clients_converge(backend, request, old_device, device):
    server = request.getfixturevalue(backend)
    old = old_device("old", server.url, "adv1")
    new = device("new", server.url, "adv1")
    ids_old = [consult(old.store, V1, f"旧客户端 {n}") for n in range(4)]
    ids_new = [consult(new.store, V1, f"新客户端 {n}", tags=["老年人"]) for n in range(3)]
    old.client.sync()
    new.client.sync()
    old.client.sync()
    assert snapshot(old.store) == snapshot(new.store) == server_snapshot(server.engine)
    # both edit the same record offline: the later push conflicts, on either version nothing is lost
    edit(old.store, ids_new[0], answer="旧客户端的答复")
    edit(new.store, ids_new[0], answer="新客户端的答复")
    edit(new.store, ids_old[1], question="新客户端改过的问题")
    assert old.client.sync().conflicts == 0
    assert new.client.sync().pull_conflicts == 1
    report = old.client.sync()
    assert report.check == "ok"
    assert snapshot(old.store) == snapshot(new.store) == server_snapshot(server.engine)
    assert questions(old.store)[ids_old[1]] == "新客户端改过的问题"
    town_old = old_device("town-old", server.url, "tw1")
    town_new = device("town-new", server.url, "tw1")
    assert town_old.client.sync().check == "ok" and town_new.client.sync().check == "ok"
    assert snapshot(town_old.store) == snapshot(town_new.store) == server_snapshot(server.engine)


def test_current_and_frozen_clients_apply_what_an_older_server_stored(server, device, old_device):
    """Rows written before columns existed: NOT NULL ones with a default are served with it (and
    filled on the device), nullable ones stay empty; nothing is quarantined, the checks agree."""
    engine = server.engine
    old_consultation = str(uuid.uuid4())
    payload = _consult_payload()
    for name in ("tags", "status", "mode", "no_rating_reason", "subcategory"):
        payload.pop(name, None)
    _plant(engine, "consultations", old_consultation, payload)
    old_person = str(uuid.uuid4())
    _plant(engine, "persons", old_person, {"name": "赵六", "region_code": V1})
    town = device("town", server.url, "tw1")
    report = town.client.sync()
    assert report.quarantined == 0 and report.check == "ok", report
    with town.store.session() as s:
        rec = s.get(Consultation, old_consultation)
        assert (rec.tags, rec.status, rec.mode, rec.subcategory) == ([], "办理中", "实地", None)
        assert s.get(Person, old_person).tags == []
    old = old_device("town-old", server.url, "tw1")
    report = old.client.sync()
    assert report.check == "ok", report
    with old.store.session() as s:
        assert s.get(Consultation, old_consultation).tags == []
        assert s.get(Person, old_person).tags == []
