"""The whole-column checks of a pushed batch never let through what the row-by-row checks refuse,
and the stored text and hash are exactly sync.protocol's canonical JSON and payload hash."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sync.protocol import KINDS, canonical_json, payload_hash
from sync.server.changes.schemas import Columns
from sync.server.changes.validate import _block_ok, _row_errors, parse_batch

from .conftest import VILLAGE
from .helpers import case, consultation, new_id

BASE = consultation(
    VILLAGE,
    answer="答复",
    duration_minutes=30,
    tags=["老年人"],
    created_at="2026-03-01T09:30:00",
    updated_at="2026-03-01T09:40:00",
    deleted=False,
)
MUTATIONS = {
    "id": ["not-a-uuid", new_id().upper() + "x", 7, None, "{" + new_id()[:34] + "}"],
    "rev": [0, -1, 2**31, True, "1", None, 1.0],
    "base_rev": [-1, 1, 5, True, "0", 0.5],
    "scope": ["61050210020", "6105021002011", "12345a", "６１０５０２", 610502100201, None],
    "deleted": ["false", "true", [False]],
    "created_at": ["x" * 41, 3],
    "region_code": ["610502100202", 5],
    "occurred_at": ["昨天", "2026-13-01T00:00:00", 20260301, None],
    "duration_minutes": ["十", True, 1.5, 2**63],
    "mode": ["很长" * 10, 3, ["实地"]],
    "tags": ["老年人", 3],
    "question": [None, 5],
}


@pytest.mark.parametrize("field,value", [(f, v) for f, values in MUTATIONS.items() for v in values])
def test_column_checks_refuse_whatever_row_checks_refuse(field, value):
    good = dict(BASE, id=new_id())
    bad = {**BASE, "id": new_id(), field: value}
    fields = list(bad)
    rows = [[good[f] for f in fields], [bad[f] for f in fields]]
    errors = _row_errors("consultations", _spec(), fields, rows)
    assert errors, f"{field}={value!r} should be refused"
    assert not _block_ok("consultations", fields, rows)


def test_valid_blocks_take_the_fast_path_and_store_canonical_text():
    recs = [dict(BASE, id=new_id()) for _ in range(20)] + [dict(BASE, id=new_id(), deleted=True)]
    fields = list(recs[0])
    rows = [[r[f] for f in fields] for r in recs]
    assert _block_ok("consultations", fields, rows)
    parents = [case(VILLAGE, new_id()) for _ in range(3)]
    pfields = list(parents[0])
    changes = parse_batch(
        {
            "consultations": Columns(fields=fields, rows=rows),
            "cases": Columns(fields=pfields, rows=[[p[f] for f in pfields] for p in parents]),
        }
    )
    assert len(changes) == len(recs) + len(parents)
    meta = {"id", "rev", "base_rev", "scope", "created_at", "updated_at", "deleted"}
    for change, rec in zip(changes, recs + parents, strict=True):
        payload = {k: v for k, v in rec.items() if k not in meta}
        KINDS[change.kind].fill_defaults(payload)  # a NOT NULL column left out is stored with its default
        assert change.text == canonical_json(payload)
        assert change.hash == payload_hash(payload, rec.get("deleted") is True)


def test_a_repeated_id_in_one_batch_is_refused():
    rec = dict(BASE)
    fields = list(rec)
    rows = [[rec[f] for f in fields]] * 2
    assert not _block_ok("consultations", fields, rows)
    assert "同一批中记录重复" in str(_row_errors("consultations", _spec(), fields, rows))


def _spec():
    from sync.protocol import KINDS

    return KINDS["consultations"]


def test_fast_canonical_text_is_byte_for_byte_canonical_json():
    from sync.server.changes.validate import _canonical

    every_char = "".join(chr(c) for c in [*range(0x0, 0x3100), 0xFEFF, 0xFFFD, 0x1F600, 0x20000, 0x10FFFF])
    payload = {
        "a": every_char,
        "b": -(2**63),
        "c": 2**63 - 1,
        "d": True,
        "e": None,
        "f": [every_char, "", "\\"],
        "g": "",
        "h": False,
        "i": [],
    }
    assert _canonical(payload) == canonical_json(payload)
    assert _canonical({"x": "\ud800"}) == canonical_json({"x": "\ud800"})  # falls back; then refused


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        st.text(max_size=8),
        st.one_of(
            st.text(),
            st.integers(min_value=-(2**63), max_value=2**63 - 1),
            st.booleans(),
            st.none(),
            st.lists(st.text(), max_size=4),
        ),
        max_size=8,
    )
)
def test_fast_canonical_text_agrees_on_any_plain_payload(payload):
    from sync.server.changes.validate import _canonical

    ordered = dict(sorted(payload.items()))
    assert _canonical(ordered) == canonical_json(payload)
