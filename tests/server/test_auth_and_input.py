"""Login, tokens (hashed, expiring, revocable), throttling, and refusal of bad input with a 4xx."""

from __future__ import annotations

import gzip
import json

import httpx
from sqlalchemy import func, select, update

from sync.server.admin import service as admin
from sync.server.db import Device, Record

from .conftest import PASSWORD, VILLAGE
from .helpers import batch, consultation, push


def _login(server, user: str, password: str = PASSWORD, device: str = "laptop-1") -> httpx.Response:
    return httpx.post(
        f"{server.url}/v1/auth/login", json={"username": user, "password": password, "device_id": device}
    )


def test_token_is_stored_only_as_a_hash_and_works(server):
    r = _login(server, "adv2", device="auth-1")
    assert r.status_code == 200
    token = r.json()["token"]
    with server.engine.connect() as conn:
        hashes = conn.execute(select(Device.token_hash)).scalars().all()
    assert token not in hashes and len(hashes[0]) == 64
    me = httpx.get(f"{server.url}/v1/auth/me", headers={"Authorization": f"Bearer {token}"})
    assert me.status_code == 200 and me.json()["regions"] == ["610502100202"]


def test_logout_and_admin_revocation_and_expiry(server):
    def me(token: str) -> int:
        return httpx.get(f"{server.url}/v1/auth/me", headers={"Authorization": f"Bearer {token}"}).status_code

    token = _login(server, "adv2", device="auth-2").json()["token"]
    assert (
        httpx.post(f"{server.url}/v1/auth/logout", headers={"Authorization": f"Bearer {token}"}).status_code
        == 204
    )
    assert me(token) == 401

    token = _login(server, "adv2", device="auth-3").json()["token"]
    device = [
        d
        for d in admin.list_devices(server.engine, "adv2")
        if d["device_id"] == "auth-3" and not d["revoked"]
    ]
    admin.revoke_device(server.engine, device[0]["id"])
    r = httpx.get(f"{server.url}/v1/changes", headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 401 and r.json()["error"]["code"] == "invalid_token"

    token = _login(server, "adv2", device="auth-4").json()["token"]
    with server.engine.begin() as conn:
        conn.execute(update(Device).where(Device.device_id == "auth-4").values(expires_at=Device.created_at))
    assert me(token) == 401


def test_forged_or_missing_token(server):
    for headers in (
        {},
        {"Authorization": "Bearer forged-token"},
        {"Authorization": "Basic abc"},
        {"Authorization": "Bearer " + "x" * 500},
    ):
        r = httpx.get(f"{server.url}/v1/changes", headers=headers)
        assert r.status_code == 401, headers
        assert r.json()["error"]["message"]


def test_failed_logins_are_limited_per_account(server):
    name = f"victim-{server.backend}"
    admin.add_user(server.engine, name, "adviser", [VILLAGE], PASSWORD)
    codes = [_login(server, name, "wrong-password").status_code for _ in range(5)]
    assert codes == [401] * 5
    # Locked now, even with the right password.
    locked = _login(server, name)
    assert locked.status_code == 429 and "15 分钟" in locked.json()["error"]["message"]


def test_bad_input_gets_a_4xx_and_stores_nothing(server):
    adv = server.client("adv1")
    with server.engine.connect() as conn:
        before = conn.execute(select(func.count()).select_from(Record)).scalar_one()
    good = consultation(VILLAGE)
    cases = {
        "malformed json": adv.post(
            "/v1/changes", content=b'{"changes": {', headers={"Content-Type": "application/json"}
        ),
        "wrong shape": adv.post(
            "/v1/changes", json={"changes": {"consultations": {"fields": "id", "rows": 3}}}
        ),
        "unknown kind": push(adv, batch(secrets=[good])),
        "wrong type": push(
            adv, batch(consultations=[good, dict(consultation(VILLAGE), duration_minutes="十")])
        ),
        "unknown field": push(adv, batch(consultations=[dict(consultation(VILLAGE), favourite_colour="红")])),
        "bad id": push(adv, batch(consultations=[dict(consultation(VILLAGE), id="not-a-uuid")])),
        "bad date": push(adv, batch(consultations=[dict(consultation(VILLAGE), occurred_at="昨天")])),
        "too long": push(adv, batch(consultations=[dict(consultation(VILLAGE), mode="很长" * 10)])),
        "bad gzip": adv.post(
            "/v1/changes",
            content=b"\x1f\x8bnot gzip",
            headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
        ),
        "oversized": adv.post(
            "/v1/changes", content=b" " * (5 * 1024 * 1024), headers={"Content-Type": "application/json"}
        ),
        "zip bomb": adv.post(
            "/v1/changes",
            content=gzip.compress(b" " * (64 * 1024 * 1024)),
            headers={"Content-Type": "application/json", "Content-Encoding": "gzip"},
        ),
        "protocol": adv.get("/v1/changes", headers={"X-Advisor-Protocol": "99"}),
    }
    for name, r in cases.items():
        assert 400 <= r.status_code < 500, (name, r.status_code, r.text)
        assert r.json()["error"]["message"], name
    assert cases["protocol"].status_code == 400
    assert cases["oversized"].status_code == 413 and cases["zip bomb"].status_code == 413
    detail = json.dumps(cases["wrong type"].json(), ensure_ascii=False)
    assert "用时（分钟）" in detail and "应为整数" in detail  # the field is named, in Chinese
    with server.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(Record)).scalar_one() == before
        assert conn.execute(select(func.count()).where(Record.id == good["id"])).scalar_one() == 0


def test_nul_characters_get_a_4xx_not_a_server_error(server):
    """PostgreSQL text cannot hold NUL: found by the fuzzer, refused with a message on both backends."""
    adv = server.client("adv1")
    rec = consultation(VILLAGE, created_at="2026-03-01\x00")
    r = push(adv, batch(consultations=[rec]))
    assert r.status_code == 422 and "created_at" in r.text
    in_payload = consultation(VILLAGE, question="问题\x00尾巴")  # the field contract: text holds no NUL
    r = push(adv, batch(consultations=[in_payload]))
    assert r.status_code == 422 and "控制字符" in r.text
    reserve = adv.post("/v1/numbers/reserve", json={"committee_id": "0" * 35 + "\x00", "year": 2026})
    assert reserve.status_code == 404
    login = _login(server, "adv1\x00", device="nul-device")
    assert 400 <= login.status_code < 500 and login.json()["error"]["message"]
    parent = {
        "id": consultation(VILLAGE)["id"],
        "rev": 1,
        "scope": VILLAGE,
        "case_id": "\x00" * 5,
        "name": "甲",
    }
    r = push(adv, batch(case_parties=[parent]))
    assert 400 <= r.status_code < 500 or r.json()["problems"][0]["reason"] == "parent_missing", r.text
    with server.engine.connect() as conn:
        assert conn.execute(select(func.count()).where(Record.id == rec["id"])).scalar_one() == 0
