"""City server hardening: security headers, no CORS, SQL injection in every text field of every kind
through a real push and pull, UUID/id guessing across villages, and what the logs leave out."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import uuid

import httpx
from sqlalchemy import func, select

from advisor_app.domain.models import SYNCABLE
from sync.protocol.kinds import kind_spec
from sync.server.db import Device, Record
from tests.server.conftest import VILLAGE
from tests.server.helpers import batch, consultation, pull_all, push

INJECTIONS = (
    "x'); DROP TABLE records; --",
    "' OR '1'='1",
    '"; DELETE FROM devices; --',
    "1; SELECT pg_sleep(5); --",
    "%' UNION SELECT token_hash FROM devices --",
    "\\'; UPDATE records SET scope = '0'; --",
    "$$; DROP SCHEMA public CASCADE; $$",
    "'||(SELECT sqlite_version())||'",
)
STRUCTURAL = {"region_code", "target_kind"}  # must name real things for the record to be accepted


def _ids() -> dict[str, str]:
    return {kind: str(uuid.uuid4()) for kind in SYNCABLE}


def _value(kind: str, name: str, spec, ids: dict[str, str], committee: str, n: int):  # noqa: ANN001
    if name == "region_code":
        return VILLAGE
    if name == "target_kind":
        return "case"
    if name.endswith("_id"):
        return {
            "committee_id": committee,
            "person_id": ids["persons"],
            "case_id": ids["cases"],
            "agreement_id": ids["agreements"],
            "supersedes_id": None,
            "target_id": ids["cases"],
            "legal_literate_id": ids["legal_literates"],
            "activity_id": ids["activities"],
        }[name]
    if spec.enum:  # a field the code branches on takes only its vocabulary's terms
        return sorted(spec.enum)[0]
    if spec.type == "str":
        text = INJECTIONS[n % len(INJECTIONS)]
        return text[: spec.max_len] if spec.max_len else text
    return {
        "int": 1,
        "bool": False,
        "date": "2026-03-01",
        "datetime": "2026-03-01T09:30:00",
        "decimal": "1.5",
        "json": [],
    }[spec.type]


def _hostile_records(committee: str) -> dict[str, list[dict]]:
    ids = _ids()
    out = {}
    n = 0
    for kind in SYNCABLE:  # parents come first in this order
        rec = {"id": ids[kind], "rev": 1, "base_rev": 0, "scope": VILLAGE}
        for name, spec in kind_spec(kind).fields.items():
            rec[name] = _value(kind, name, spec, ids, committee, n)
            n += 1
        out[kind] = [rec]
    return out


def test_sql_injection_in_every_text_field_of_every_kind_round_trips(server):
    township = server.client("tw1")  # the township may write every kind, the roster included
    with server.engine.connect() as conn:
        devices_before = conn.execute(select(func.count()).select_from(Device)).scalar_one()
    records = _hostile_records(server.committee_id)
    # Attachments by proof: the record names a file this account uploaded, at its real size (its
    # other text fields carry injections like every kind's).
    scan = os.urandom(2048)
    sha = hashlib.sha256(scan).hexdigest()
    put = township.put(f"/v1/attachments/{sha}", params={"offset": 0, "total": len(scan)}, content=scan)
    assert put.json()["complete"] is True
    records["attachments"][0].update(sha256=sha, size=len(scan))
    texts = sum(
        1
        for recs in records.values()
        for k, v in recs[0].items()
        if isinstance(v, str) and any(v.startswith(i[:8]) for i in INJECTIONS)
    )
    assert texts > 60, "every text field of every kind carries an injection attempt"
    r = push(township, batch(**records))
    assert r.status_code == 200, r.text
    assert r.json()["problems"] == [] and r.json()["accepted"] == len(records)

    seen, _ = pull_all(township)
    for kind, (sent,) in records.items():
        got = seen[(kind, sent["id"])]
        for name, value in sent.items():
            if name in ("rev", "base_rev", "scope") or not isinstance(value, str):
                continue
            assert got[name] == value, (kind, name)  # stored and returned verbatim, never executed
    # the tables and the tokens are all still there
    with server.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Device)).scalar_one() == devices_before
        scopes = set(
            conn.execute(
                select(Record.scope).where(Record.id.in_([r[0]["id"] for r in records.values()]))
            ).scalars()
        )
    assert scopes == {VILLAGE}
    assert township.get("/v1/auth/me").status_code == 200
    # …and nobody else's scope grew by them
    other, _ = pull_all(server.client("adv2"))
    assert not {(k, recs[0]["id"]) for k, recs in records.items() if k != "committees"} & set(other)


def test_injection_in_query_parameters_and_login(server):
    adv = server.client("adv1")
    for params in (
        {"after": "0 OR 1=1"},
        {"after": 0, "kinds": "consultations' OR '1'='1"},
        {"after": 0, "kinds": "consultations;DROP TABLE records"},
        {"after": 0, "limit": "1;--"},
    ):
        r = adv.get("/v1/changes", params=params)
        assert 400 <= r.status_code < 500, (params, r.status_code)
        assert r.json()["error"]["message"]
    for name in ("' OR '1'='1' --", "adv1'--", 'adv1"; --'):
        r = httpx.post(
            f"{server.url}/v1/auth/login",
            json={"username": name, "password": "' OR '1'='1", "device_id": "inj"},
        )
        assert r.status_code in (401, 429), (name, r.status_code)


def test_enumerating_ids_of_another_village_reveals_nothing(server):
    owner, intruder = server.client("adv1"), server.client("adv2")
    secret = consultation(VILLAGE, question="家庭暴力求助，保密")
    push(owner, batch(consultations=[secret]))
    # The owner's conflict (a stale edit) has a small sequential id: try every id near it.
    stale = dict(secret, rev=3, base_rev=2, question="旧版本")
    problems = push(owner, batch(consultations=[stale])).json()["problems"]
    assert problems and problems[0]["status"] == "conflict"
    owner_conflicts = {c["id"] for c in owner.get("/v1/conflicts").json()}
    assert owner_conflicts
    assert all(c["record_id"] != secret["id"] for c in intruder.get("/v1/conflicts").json())
    for guess in range(1, max(owner_conflicts) + 5):
        r = intruder.post(f"/v1/conflicts/{guess}/resolve")
        if guess in owner_conflicts:
            assert r.status_code == 404  # the same answer as for an id that does not exist
    assert owner_conflicts <= {c["id"] for c in owner.get("/v1/conflicts").json()}, "still open for the owner"
    # Pulls by every kind and the summary never include it; a random id and the real id look alike.
    seen, _ = pull_all(intruder, kinds="consultations")
    assert ("consultations", secret["id"]) not in seen
    text = json.dumps(intruder.get("/v1/summary").json())
    assert secret["id"] not in text
    for attempt in (secret["id"], str(uuid.uuid4())):
        r = intruder.get(f"/v1/changes/{attempt}")
        assert r.status_code == 404


def test_security_headers_and_no_cors(server):
    adv = server.client("adv1")
    answers = {
        "health": httpx.get(f"{server.url}/health"),
        "pull": adv.get("/v1/changes", params={"after": 0, "limit": 1}),
        "unauthorised": httpx.get(f"{server.url}/v1/changes"),
        "not found": adv.get("/v1/nowhere"),
        "too large": adv.post(
            "/v1/changes", content=b" " * (5 * 1024 * 1024), headers={"Content-Type": "application/json"}
        ),
    }
    for name, r in answers.items():
        h = r.headers
        assert h["x-content-type-options"] == "nosniff", name
        assert h["x-frame-options"] == "DENY" and h["referrer-policy"] == "no-referrer", name
        assert h["cache-control"] == "no-store", name
        assert "default-src 'none'" in h["content-security-policy"], name
        assert "access-control-allow-origin" not in h, name
    assert answers["too large"].status_code == 413
    docs = httpx.get(f"{server.url}/docs")
    assert docs.status_code == 200 and "content-security-policy" not in docs.headers
    # A page on another origin gets no CORS permission, neither on a preflight nor on a request.
    preflight = httpx.options(
        f"{server.url}/v1/changes",
        headers={
            "Origin": "https://evil.example",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization",
        },
    )
    assert "access-control-allow-origin" not in preflight.headers and preflight.status_code >= 400
    cross = adv.get("/v1/auth/me", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in cross.headers


def test_logs_hold_no_personal_data(server, caplog):
    adv = server.client("adv1")
    rec = consultation(VILLAGE, person_name="王秀英", question="身份证 11010519491231002X 电话 13812345678")
    with caplog.at_level(logging.DEBUG):
        push(adv, batch(consultations=[rec]))
        pull_all(adv)
        httpx.post(
            f"{server.url}/v1/auth/login",
            json={"username": "adv1", "password": "wrong-password", "device_id": "log-test"},
        )
        push(server.client("adv2"), batch(consultations=[consultation(VILLAGE, question="越权 13812345678")]))
    text = "\n".join(f"{r.getMessage()} {r.__dict__}" for r in caplog.records)
    assert caplog.records, "the server logged the requests"
    for secret in ("王秀英", "11010519491231002X", "13812345678", "wrong-password", "越权"):
        assert secret not in text
