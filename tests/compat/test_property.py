"""The contract as a property (issue 12 §7): every change the server accepts is applied by the current
and by the frozen protocol-1 client, and the server serves it back unchanged (in canonical spelling:
a timestamp with an offset comes back in UTC, a left-out NOT NULL field with its declared default).
Changes it refuses get a 4xx and leave nothing behind."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from sync.client import codec
from sync.protocol import KINDS
from sync.protocol.kinds import NO_DEFAULT, canonical_timestamp
from sync.server.db import Record
from tests.sync_client.test_contract import _push

from .conftest import PASSWORD

V1 = "610502100201"
KINDS_TRIED = ("consultations", "persons")
LEFT_OUT: Any = object()
FIXED = {"region_code": V1, "person_id": None}  # the scope, and a link the test does not exercise

ZONES = st.sampled_from([None, UTC, timezone(timedelta(hours=8)), timezone(timedelta(hours=-5, minutes=-30))])
TEXT = st.text(st.characters(codec="utf-8"), max_size=12) | st.text(max_size=70)


def _values(spec: Any) -> st.SearchStrategy[Any]:
    kind = spec.type
    if kind == "str":
        limit = spec.max_len or 64
        base = TEXT | st.integers(limit - 1, limit + 1).map(lambda n: "字" * n)  # at the length limit
        if spec.enum:
            base = st.sampled_from(sorted(spec.enum)) | base
    elif kind == "int":
        base = st.integers(-(2**31) - 1, 2**31) | st.floats(allow_nan=True) | st.booleans()
    elif kind == "bool":
        base = st.booleans() | st.integers(0, 1)
    elif kind == "date":
        base = st.dates(date(1880, 1, 1), date(2220, 12, 31)).map(date.isoformat) | st.sampled_from(
            ["20260301", "2026-W09-7", "2026/03/01", "2026-3-1"]
        )
    elif kind == "datetime":
        base = st.datetimes(datetime(1880, 1, 1), datetime(2220, 1, 1), timezones=ZONES).map(
            datetime.isoformat
        ) | st.sampled_from(["2026-03-01", "2026-03-01 10:00", "not-a-date-at-all", "2026-03-01T10:00Z"])
    elif kind == "json":
        base = st.lists(TEXT, max_size=4) | st.lists(st.integers() | st.none(), max_size=2) | TEXT
    else:
        base = st.text(max_size=8)
    return st.just(LEFT_OUT) | st.none() | base


CLEAN = st.characters(codec="utf-8", exclude_categories=("Cc", "Cs")) | st.sampled_from("\t\n𠮷䶮")


def _valid(spec: Any) -> st.SearchStrategy[Any]:
    """Values the contract accepts for ``spec`` (incl. leaving out or nulling a field with a default)."""
    kind = spec.type
    if kind == "str":
        limit = spec.max_len or 64
        base = st.sampled_from(sorted(spec.enum)) if spec.enum else st.text(CLEAN, max_size=min(limit, 20))
        if not spec.enum:
            base = base | st.just("字" * limit)
    elif kind == "int":
        base = st.integers(-(2**31), 2**31 - 1)
    elif kind == "bool":
        base = st.booleans()
    elif kind == "date":
        base = st.dates(date(1900, 1, 1), date(2199, 12, 31)).map(date.isoformat)
    elif kind == "datetime":
        base = st.datetimes(datetime(1900, 1, 2), datetime(2199, 12, 30), timezones=ZONES).map(
            datetime.isoformat
        )
    elif kind == "json":
        base = st.lists(st.text(CLEAN, max_size=10), max_size=4)
    else:
        base = st.nothing()
    if spec.nullable:
        return st.none() | base
    if spec.has_default:
        return st.just(LEFT_OUT) | st.none() | base
    return base


@st.composite
def changes(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    """Mostly valid changes; one in three has one field drawn from anything (often refused)."""
    kind = draw(st.sampled_from(KINDS_TRIED))
    fields = KINDS[kind].fields
    spoilt = draw(st.none() | st.none() | st.sampled_from(sorted(set(fields) - set(FIXED))))
    rec: dict[str, Any] = {"id": "", "rev": 1, "base_rev": 0, "scope": V1}  # a fresh id per push
    created = draw(st.just(LEFT_OUT) | _valid(KINDS["consultations"].fields["occurred_at"]))
    if created is not LEFT_OUT:
        rec["created_at"] = created
    rec["updated_at"] = "2026-03-01T09:30:00"
    for name, spec in fields.items():
        if name in FIXED:
            value = FIXED[name]
        else:
            value = draw(_values(spec) if name == spoilt else _valid(spec))
        if value is not LEFT_OUT:
            rec[name] = value
    return kind, rec


def _expected(kind: str, sent: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for name, spec in KINDS[kind].fields.items():
        value = sent.get(name)
        out[name] = spec.normalize(value) if value is not None or spec.default is not NO_DEFAULT else None
    for name in ("created_at", "updated_at"):
        value = sent.get(name)
        out[name] = None if value is None else canonical_timestamp(value)
    return out


def _served(http: httpx.Client, kind: str, rid: str, after: int) -> dict[str, Any]:
    page = http.get("/v1/changes", params={"after": after, "limit": 50, "kinds": kind}).json()
    block = page["changes"][kind]
    rows = [dict(zip(block["fields"], row, strict=True)) for row in block["rows"]]
    (row,) = [r for r in rows if r["id"] == rid]
    return row


def _local(store: Any, kind: str, rid: str) -> dict[str, Any]:
    with store.engine.connect() as conn:
        return codec.read_wire(conn, kind, [rid])[rid]


@pytest.mark.parametrize("backend", ["server", "pg_server"])
def test_every_accepted_change_is_applied_by_both_clients_and_served_back(
    backend, request, device, old_device
):
    server = request.getfixturevalue(backend)
    r = httpx.post(
        f"{server.url}/v1/auth/login", json={"username": "adv1", "password": PASSWORD, "device_id": "prop"}
    )
    http = httpx.Client(
        base_url=server.url, headers={"Authorization": f"Bearer {r.json()['token']}"}, timeout=60
    )
    new = device("new", server.url, "tw1")
    old = old_device("old", server.url, "tw1")
    accepted = []

    @settings(
        max_examples=40,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        database=None,
    )
    @given(changes())
    def check(change: tuple[str, dict[str, Any]]) -> None:
        kind, sent = change
        sent = {**sent, "id": str(uuid.uuid4())}  # hypothesis replays examples: never the same record twice
        with server.engine.connect() as conn:
            before = conn.execute(select(Record.seq).order_by(Record.seq.desc()).limit(1)).scalar() or 0
        r = _push(http, kind, sent)
        assert r.status_code < 500, r.text
        if r.status_code != 200:
            assert 400 <= r.status_code < 500 and r.json()["error"]["message"]
            with server.engine.connect() as conn:
                assert conn.execute(select(Record.id).where(Record.id == sent["id"])).first() is None
            return
        assert r.json()["accepted"] == 1, r.text
        accepted.append(kind)
        served = _served(http, kind, sent["id"], before)
        expected = _expected(kind, sent)
        assert {k: served[k] for k in expected} == expected
        report = new.client.sync()
        assert report.quarantined == 0 and report.check == "ok", report
        old_report = old.client.sync()
        assert old_report.check == "ok", old_report
        for store in (new.store, old.store):
            local = _local(store, kind, sent["id"])
            assert {k: local[k] for k in KINDS[kind].fields} == {k: served[k] for k in KINDS[kind].fields}

    check()
    assert len(accepted) >= 5, "the strategies must reach accepted changes too"
