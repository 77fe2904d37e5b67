"""The field schema in sync/protocol is the models' columns: nothing synced is left without a rule,
and the rules say what docs/sync-protocol.md says (dates, timestamps, text, JSON, numbers, defaults)."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import JSON, Boolean, Date, DateTime, Integer, Numeric, String, Text

from advisor_app.domain.models import SYNCABLE
from sync.protocol import KINDS, page_ok, row_problems
from sync.protocol.kinds import (
    JSON_MAX_DEPTH,
    SYNC_COLUMNS,
    TEXT_MAX,
    canonical_timestamp,
    field_checker,
    parse_date,
    parse_timestamp,
)

WIRE_TYPES = {
    Boolean: "bool",
    DateTime: "datetime",
    Date: "date",
    Numeric: "decimal",
    Integer: "int",
    JSON: "json",
}


def test_every_synced_column_has_a_schema_entry_of_its_type():
    assert set(KINDS) == set(SYNCABLE)
    for kind, model in SYNCABLE.items():
        columns = {c.name: c for c in model.__table__.columns if c.name not in SYNC_COLUMNS}
        assert set(KINDS[kind].fields) == set(columns), kind
        for name, column in columns.items():
            spec = KINDS[kind].fields[name]
            wanted = next((w for t, w in WIRE_TYPES.items() if isinstance(column.type, t)), None)
            if wanted is None:
                assert isinstance(column.type, String | Text), f"{kind}.{name}"
                wanted = "str"
                assert spec.max_len == (getattr(column.type, "length", None) or TEXT_MAX)
            assert spec.type == wanted, f"{kind}.{name}"
            assert spec.nullable == bool(column.nullable), f"{kind}.{name}"
            if not column.nullable:
                # NOT NULL: either a live record must carry it, or the server fills a declared default
                assert spec.required != spec.has_default, f"{kind}.{name}"


def test_defaults_are_declared_values_never_null_or_a_clock():
    for kind, spec in KINDS.items():
        for name, field in spec.defaults.items():
            assert field.default is not None, f"{kind}.{name}"
            assert field.check(field.default) is None, f"{kind}.{name}: its own default must pass"
    assert KINDS["persons"].fields["tags"].default == []
    assert KINDS["audit_events"].fields["at"].required  # utcnow is not a value the server can fill


@pytest.mark.parametrize(
    "text,ok",
    [
        ("2026-03-01", True),
        ("1900-01-01", True),
        ("2199-12-31", True),
        ("2028-02-29", True),
        ("1899-12-31", False),
        ("2200-01-01", False),
        ("2027-02-29", False),
        ("20260301", False),
        ("2026-W09-7", False),
        ("2026/03/01", False),
        ("2026-3-1", False),
        ("２０２６-03-01", False),
        ("2026-03-01T00:00:00", False),
    ],
)
def test_dates_are_iso_and_in_range(text, ok):
    assert (parse_date(text) is not None) == ok
    assert field_checker(KINDS["persons"].fields["birth_date"])([text]) == ok


@pytest.mark.parametrize(
    "text,canonical",
    [
        ("2026-03-01T10:00:00", "2026-03-01T10:00:00"),
        ("2026-03-01T10:00:00.123456", "2026-03-01T10:00:00.123456"),
        ("2026-03-01T10:00", "2026-03-01T10:00:00"),
        ("2026-03-01 10:00:00", "2026-03-01T10:00:00"),
        ("2026-03-01T10:00:00+08:00", "2026-03-01T02:00:00"),
        ("2026-03-01T01:00:00+08:00", "2026-02-28T17:00:00"),
        ("2026-03-01T10:00:00Z", "2026-03-01T10:00:00"),
        ("2026-03-01T10:00:00-05:30", "2026-03-01T15:30:00"),
        ("not-a-date-at-all", None),
        ("2026-03-01", None),
        ("2026-02-30T10:00:00", None),
        ("2026-03-01T24:00:00", None),
        ("20260301T100000", None),
        ("1899-12-31T23:00:00", None),
        ("2026-03-01T10:00:00+25:00", None),
    ],
)
def test_timestamps_are_parsed_and_converted_to_utc(text, canonical):
    assert canonical_timestamp(text) == canonical
    fast = field_checker(KINDS["consultations"].fields["occurred_at"])([text])
    assert fast == (canonical == text)  # the fast path passes only what is already canonical
    if canonical is not None:
        assert parse_timestamp(text) == datetime.fromisoformat(canonical)


def test_text_json_and_numbers():
    consult = KINDS["consultations"].fields
    assert consult["question"].check("第一行\n第二行\t𠮷") is None
    for bad in ("a\x00b", "\x07", "\x1b[31m", "\x7f", "\ud800"):
        assert consult["question"].check(bad), repr(bad)
        assert not field_checker(consult["question"])(["好", bad])
    assert consult["person_name"].check("王" * 64) is None and consult["person_name"].check("王" * 65)
    assert consult["question"].check("问" * TEXT_MAX) is None and consult["question"].check(
        "问" * (TEXT_MAX + 1)
    )
    assert consult["status"].check("已结案") and consult["status"].check("办理中") is None
    tags = consult["tags"]
    assert tags.check(["老年人"]) is None
    for bad in ([1], [["x"]], "老年人", {"a": 1}, ["\x00"]):
        assert tags.check(bad), repr(bad)
    frozen = KINDS["agreements"].fields["frozen_data"]
    nested: object = "x"
    for _ in range(JSON_MAX_DEPTH):
        nested = [nested]
    assert frozen.check({"a": nested})  # one level more than allowed
    assert frozen.check({"a": float("nan")}) and frozen.check({"a": float("inf")})
    assert frozen.check({"a": "x" * 300_000})
    assert frozen.check({"parties": [{"name": "张三"}], "amount": 1.5}) is None
    minutes = consult["duration_minutes"]
    for bad in (float("nan"), 1.5, True, "30", 2**31, -(2**31) - 1):
        assert minutes.check(bad), repr(bad)
    hours = KINDS["trainings"].fields["hours"]
    assert hours.check("1.5") is None and hours.normalize(2) == "2.0" and hours.normalize("1.50") == "1.5"
    for bad in ("NaN", "Infinity", float("nan"), "1.55", "10000.0", "1e3", True):
        assert hours.check(bad), repr(bad)


def test_page_fast_path_agrees_with_row_checks():
    good = {
        "id": "0e7c3c1e-9b1a-4a57-8d3f-5a0c2b8e9f11",
        "rev": 1,
        "scope": "610502100201",
        "owner": "adv1",
        "device_id": "d",
        "created_at": "2026-03-01T09:30:00",
        "updated_at": "2026-03-01T09:30:00",
        "deleted": False,
        "region_code": "610502100201",
        "occurred_at": "2026-03-01T09:30:00",
        "question": "问",
        "service_type": "法律咨询解答",
        "mode": "实地",
        "category": "民事",
        "status": "办理中",
        "tags": [],
    }
    fields = list(good)
    assert page_ok("consultations", fields, [[good[f] for f in fields]])
    assert row_problems("consultations", good) == {}
    for name, value in [
        ("created_at", "not-a-date-at-all"),
        ("occurred_at", "2026-W09-7"),
        ("question", None),
        ("question", "\x00"),
        ("tags", [[[]]]),
        ("status", "已结案"),
        ("rev", 0),
        ("id", "x"),
    ]:
        bad = {**good, name: value}
        assert not page_ok("consultations", fields, [[bad[f] for f in fields]]), name
        assert name in row_problems("consultations", bad), name
    # a column this version does not know is left out, not refused; a missing default is filled later
    newer = {**good, "priority": "加急"}
    newer.pop("tags")
    assert row_problems("consultations", newer) == {}
