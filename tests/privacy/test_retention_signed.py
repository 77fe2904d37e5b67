"""保存期限 and the signed agreement: its retention strip goes through the city server, nothing else does.

The rule (advisor_app.domain.retention_rules) is judged by the server on push and by the device when a
person keeps their version of a refused agreement; both are driven here with the same variants, through a
real uvicorn on loopback (SQLite, and PostgreSQL when ADVISOR_TEST_DATABASE_URL is set).
"""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from sqlalchemy import select, update

from advisor_app.domain.models import Agreement, Attachment, Case, CaseParty, SyncConflict
from advisor_app.domain.privacy import RETENTION_PLACEHOLDER
from advisor_app.domain.retention_rules import strip_frozen, stripped_fields
from advisor_app.services import attachments, cases, printing, retention
from sync.client import conflicts
from sync.client.records import from_wire, payload_fields, to_wire
from sync.server.db import Record
from tests.documents.builders import make_case
from tests.privacy.test_retention import LATER, _archive_all, _figures
from tests.server.conftest import VILLAGE, _backends
from tests.server.helpers import batch, case, new_id, push
from tests.sync_client.conftest import _make_server, device, memory_keyring  # noqa: F401 - fixtures

PARTIES = [
    {"role": "申请人", "name": "周大田", "id_number": "11010519491231002X", "phone": "13800138000"},
    {"role": "被申请人", "name": "吴小河", "phone": "13900139000"},
]


def _signed(case_id: str) -> dict:
    """A signed agreement as it travels (wire form), with the parties in its frozen copy."""
    frozen = {
        "case_no": "临桥调〔2026〕1号",
        "committee": "桥南镇人民调解委员会",
        "mediator": "王调解",
        "recorder": None,
        "kind": "书面",
        "version": 1,
        "facts": "周大田与吴小河因排水沟发生纠纷",
        "terms": ["吴小河赔偿周大田 500 元"],
        "performance": "当场履行",
        "performance_deadline": None,
        "copies": 3,
        "amount_fen": 50000,
        "signed_on": "2026-03-05",
        "parties": PARTIES,
    }
    return {
        "id": new_id(),
        "rev": 1,
        "base_rev": 0,
        "scope": VILLAGE,
        "case_id": case_id,
        "version": 1,
        "kind": "书面",
        "status": "已签署",
        "facts": frozen["facts"],
        "terms": frozen["terms"],
        "performance": "当场履行",
        "copies": 3,
        "amount_fen": 50000,
        "signed_on": "2026-03-05",
        "performed": "已履行",
        "pdf_sha256": "ab" * 32,
        "frozen_data": frozen,
    }


def _strip(a: dict) -> dict:
    return {**a, "rev": 2, "base_rev": 1, **stripped_fields(a)}


# name -> (case status on the server and the device, the change sent, accepted?)
VARIANTS = {
    "strip": ("归档", _strip, True),
    "strip_and_performed": ("归档", lambda a: {**_strip(a), "performed": "部分履行"}, True),
    "amount_changes": ("归档", lambda a: {**_strip(a), "amount_fen": 80000}, False),
    "case_not_archived": ("履行", _strip, False),
    "frozen_keeps_parties": (
        "归档",
        lambda a: {**_strip(a), "frozen_data": {**strip_frozen(a["frozen_data"]), "parties": PARTIES}},
        False,
    ),
    "frozen_unmarked": (
        "归档",
        lambda a: {
            **_strip(a),
            "frozen_data": {
                k: v for k, v in strip_frozen(a["frozen_data"]).items() if k != "retention_stripped"
            },
        },
        False,
    ),
    "copies_change": ("归档", lambda a: {**_strip(a), "copies": 5}, False),
    "signed_on_changes": ("归档", lambda a: {**_strip(a), "signed_on": "2026-03-06"}, False),
    "terms_rewritten": ("归档", lambda a: {**_strip(a), "terms": ["吴小河赔偿周大田 50 元"]}, False),
    "facts_kept": ("归档", lambda a: {**_strip(a), "facts": a["facts"]}, False),
    "deleted": ("归档", lambda a: {**_strip(a), "deleted": True}, False),
}


@pytest.mark.parametrize("name", list(VARIANTS))
def test_server_accepts_only_a_proper_strip(server, name):
    status, make, accepted = VARIANTS[name]
    adv = server.client("adv1")
    parent = case(VILLAGE, server.committee_id, status=status, summary=RETENTION_PLACEHOLDER)
    signed = _signed(parent["id"])
    assert push(adv, batch(cases=[parent], agreements=[signed])).json()["accepted"] == 2
    change = make(signed)
    reply = push(adv, batch(agreements=[change])).json()
    with server.engine.connect() as conn:
        stored = conn.execute(
            select(Record.rev, Record.payload).where(Record.kind == "agreements", Record.id == signed["id"])
        ).one()
    if accepted:
        assert reply["problems"] == [] and reply["accepted"] == 1
        assert stored.rev == 2
        payload = json.loads(stored.payload)
        assert payload["facts"] == RETENTION_PLACEHOLDER and "parties" not in payload["frozen_data"]
        assert payload["amount_fen"] == signed["amount_fen"] and payload["frozen_data"]["amount_fen"] == 50000
        assert "周大田" not in stored.payload and "13800138000" not in stored.payload
    else:
        assert [(p["status"], p["reason"]) for p in reply["problems"]] == [("rejected", "signed_immutable")]
        assert stored.rev == 1 and json.loads(stored.payload)["facts"] == signed["facts"]


def test_a_case_archived_only_in_the_same_batch_does_not_count(server):
    """The case's *stored* status decides: a device cannot archive and strip in one push."""
    adv = server.client("adv1")
    parent = case(VILLAGE, server.committee_id, status="履行")
    signed = _signed(parent["id"])
    push(adv, batch(cases=[parent], agreements=[signed]))
    archived = dict(parent, rev=2, base_rev=1, status="归档", archived_on="2026-11-01")
    reply = push(adv, batch(cases=[archived], agreements=[_strip(signed)])).json()
    assert reply["accepted"] == 1 and [p["reason"] for p in reply["problems"]] == ["signed_immutable"]
    assert push(adv, batch(agreements=[_strip(signed)])).json()["problems"] == []  # now it is stored 归档


@pytest.mark.parametrize("name", list(VARIANTS))
def test_the_device_conflict_rule_agrees_with_the_server(seeded, name):
    """Keeping my version of a refused signed agreement: allowed exactly when the server would accept it."""
    status, make, accepted = VARIANTS[name]
    with seeded.session() as s:
        local_case = Case(
            committee_id=seeded.committee_id,
            region_code=VILLAGE,
            dispute_type="邻里",
            source="当事人申请",
            summary="排水沟纠纷",
            accepted_on=date(2026, 3, 1),
            due_on=date(2026, 3, 31),
            status=status,
        )
        s.add(local_case)
        s.flush()
        signed = _signed(local_case.id)
        agreement = Agreement(
            id=signed["id"],
            **{f: from_wire("agreements", f, signed[f]) for f in payload_fields("agreements") if f in signed},
        )
        s.add(agreement)
        s.flush()
        mine = make(signed)
        conflict = SyncConflict(
            kind="agreements",
            record_id=agreement.id,
            reason="signed_immutable",
            message="",
            mine={f: mine.get(f) for f in [*payload_fields("agreements"), "deleted"]},
            mine_rev=2,
            theirs={f: signed.get(f) for f in payload_fields("agreements")},
            theirs_rev=1,
        )
        s.add(conflict)
    if accepted:
        conflicts.keep_mine(seeded, conflict.id)
        with seeded.session() as s:
            kept = s.get(Agreement, agreement.id)
            assert kept.facts == RETENTION_PLACEHOLDER and kept.frozen_data == mine["frozen_data"]
            assert kept.amount_fen == 50000 and kept.status == "已签署"
    else:
        with pytest.raises(ValueError, match="已签署"):
            conflicts.keep_mine(seeded, conflict.id)
        with seeded.session() as s:
            assert s.get(Agreement, agreement.id).facts == signed["facts"]


# --- end to end: a device strips, syncs, the server keeps the stripped version ---------------------------


@pytest.fixture(params=_backends())
def city(request, tmp_path):
    yield from _make_server(tmp_path, request.param)


def _signed_case_on(store, committee_id: str) -> tuple[str, str, str]:
    """A case in 履行 with two parties and a signed agreement (kept PDF and a signed scan)."""
    with store.session() as s:
        local_case = Case(
            committee_id=committee_id,
            region_code=VILLAGE,
            dispute_type="邻里",
            source="当事人申请",
            summary="周大田与吴小河排水沟纠纷",
            accepted_on=date(2026, 3, 1),
            due_on=date(2026, 3, 31),
            status="履行",
            mediator="王调解",
        )
        s.add(local_case)
        s.flush()
        for n, party in enumerate(PARTIES):
            s.add(
                CaseParty(
                    case_id=local_case.id,
                    position=n,
                    role=party["role"],
                    name=party["name"],
                    id_number=party.get("id_number"),
                    phone=party["phone"],
                )
            )
        s.flush()
        agreement = Agreement(
            case_id=local_case.id,
            status="已签署",
            facts="周大田与吴小河因排水沟发生纠纷",
            terms=["吴小河赔偿周大田 500 元"],
            performance="当场履行",
            amount_fen=50000,
            signed_on=date(2026, 3, 5),
            performed="已履行",
        )
        s.add(agreement)
        s.flush()
        agreement.frozen_data = cases.agreement_snapshot(s, agreement)
    pdf = attachments.add_bytes(
        store, b"%PDF kept signed copy", "协议书.pdf", "agreement", agreement.id, printing.PDF_PURPOSE
    )
    scan = attachments.add_bytes(
        store, b"%PDF scan with fingerprints", "签字.pdf", "agreement", agreement.id, "协议书扫描件"
    )
    return local_case.id, agreement.id, pdf.sha256 + scan.sha256


def _archive(store, case_id: str) -> None:
    with store.session() as s:
        s.execute(update(Case).where(Case.id == case_id).values(status="归档", archived_on=date(2026, 11, 1)))


def _server_payload(city, kind: str, rid: str) -> tuple[int, dict, bool]:
    with city.engine.connect() as conn:
        row = conn.execute(
            select(Record.rev, Record.payload, Record.deleted).where(Record.kind == kind, Record.id == rid)
        ).one()
    return row.rev, json.loads(row.payload), row.deleted


def _local_wire(store, agreement_id: str) -> dict:
    with store.session() as s:
        a = s.get(Agreement, agreement_id)
        return {f: to_wire(getattr(a, f)) for f in payload_fields("agreements")}


def test_a_device_strips_a_signed_agreement_through_the_server(city, device):  # noqa: F811 - the fixture
    a = device("a", city.url, "adv1")
    a.client.sync()  # the township's committee arrives
    case_id, agreement_id, _ = _signed_case_on(a.store, city.committee_id)
    _archive(a.store, case_id)
    first = a.client.sync()
    assert first.rejected == 0 and first.conflicts == 0
    before = _server_payload(city, "agreements", agreement_id)[1]
    assert before["frozen_data"]["parties"][0]["name"] == "周大田"

    outcome = retention.apply(a.store, LATER)
    assert outcome.signed_agreements_stripped == 1 and outcome.attachments_tombstoned == 2
    report = a.client.sync(check_digests=True)
    assert report.rejected == 0 and report.conflicts == 0 and report.check == "ok"
    assert not conflicts.open_conflicts(a.store)

    rev, after, _ = _server_payload(city, "agreements", agreement_id)
    assert after == _local_wire(a.store, agreement_id) and rev > 1
    assert after["facts"] == RETENTION_PLACEHOLDER and after["frozen_data"]["retention_stripped"] is True
    assert {k: v for k, v in after["frozen_data"].items() if k != "retention_stripped"} == {
        k: v
        for k, v in before["frozen_data"].items()
        if k not in ("parties", "facts", "terms", "performance")
    }
    for name in (
        "amount_fen",
        "signed_on",
        "kind",
        "version",
        "status",
        "case_id",
        "pdf_sha256",
        "performed",
    ):
        assert after[name] == before[name], name
    assert "周大田" not in json.dumps(after, ensure_ascii=False)
    with city.engine.connect() as conn:  # kept PDF and scan are tombstones on the server too
        rows = conn.execute(
            select(Record.deleted, Record.payload).where(
                Record.kind == "attachments", Record.parent_id == agreement_id
            )
        ).all()
    assert len(rows) == 2 and all(r.deleted for r in rows)
    with pytest.raises(printing.PrintError, match="已按保存期限删除个人信息，不能重印"):
        printing.reprint(a.store, agreement_id)


def test_a_refused_strip_is_kept_and_can_be_kept_mine_once_the_case_is_archived(city, device):  # noqa: F811
    """Archived and stripped offline in one go: the server refuses the agreement (its stored case is not
    archived yet) and keeps the signed text; the device's conflict rule lets the person keep the strip."""
    a = device("a", city.url, "adv1")
    a.client.sync()
    case_id, agreement_id, _ = _signed_case_on(a.store, city.committee_id)
    a.client.sync()
    _archive(a.store, case_id)
    retention.apply(a.store, LATER)
    report = a.client.sync()
    assert report.rejected == 1
    (kept,) = conflicts.open_conflicts(a.store)
    assert kept.reason == "signed_immutable" and kept.mine["facts"] == RETENTION_PLACEHOLDER
    assert _server_payload(city, "cases", case_id)[1]["status"] == "归档"

    conflicts.keep_mine(a.store, kept.id)
    again = a.client.sync(check_digests=True)
    assert again.rejected == 0 and again.check == "ok" and not conflicts.open_conflicts(a.store)
    after = _server_payload(city, "agreements", agreement_id)[1]
    assert after["facts"] == RETENTION_PLACEHOLDER and "parties" not in after["frozen_data"]
    assert after == _local_wire(a.store, agreement_id)


# --- figures and reprint ------------------------------------------------------------------------------


def test_report_figures_identical_and_signed_agreements_stripped(dataset, october):
    store = dataset
    _archive_all(store)
    with store.session() as s:
        signed = {
            a.id: a.amount_fen
            for a in s.scalars(
                select(Agreement)
                .join(Case, Case.id == Agreement.case_id)
                .where(Agreement.status == "已签署", Case.status == "归档", Case.deleted.is_(False))
            )
        }
    assert signed and any(signed.values()), (
        "the data set has signed agreements with amounts in archived cases"
    )
    before = _figures(store, october)
    outcome = retention.apply(store, LATER)
    assert outcome.signed_agreements_stripped >= len(signed)
    assert _figures(store, october) == before
    with store.session() as s:
        for agreement_id, amount in signed.items():
            a = s.get(Agreement, agreement_id)
            assert a.facts == RETENTION_PLACEHOLDER and a.terms in ([], [RETENTION_PLACEHOLDER])
            assert "parties" not in a.frozen_data and a.amount_fen == amount and a.status == "已签署"


def test_a_stripped_signed_agreement_is_not_reprinted(seeded):
    local_case, draft = make_case(seeded)
    pdf = printing.sign_and_print(seeded, draft.id, date(2025, 3, 10))
    assert printing.reprint(seeded, draft.id) == pdf
    with seeded.session() as s:
        s.execute(
            update(Case)
            .where(Case.id == local_case.id)
            .values(status="归档", archived_on=date(2025, 4, 1), closed_on=date(2025, 4, 1))
        )
        kept_sha = s.scalars(
            select(Attachment.sha256).where(
                Attachment.target_id == draft.id, Attachment.purpose == printing.PDF_PURPOSE
            )
        ).one()
    retention.apply(seeded, datetime(2040, 1, 1).date())
    assert not attachments.blob_path(seeded, kept_sha).exists()
    for call in (
        lambda: printing.reprint(seeded, draft.id),
        lambda: printing.agreement_pdf(seeded, draft.id),
        lambda: printing.case_document(seeded, "agreement", local_case.id),
    ):
        with pytest.raises(printing.PrintError, match="^已按保存期限删除个人信息，不能重印$"):
            call()
