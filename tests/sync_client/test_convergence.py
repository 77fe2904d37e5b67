"""Offline edits on several devices converge through a real server: SQLite and PostgreSQL."""

from __future__ import annotations

from advisor_app.domain.models import SyncConflict
from sync.client import conflicts

from .conftest import V1
from .records import consult, edit, questions, server_snapshot, snapshot


def _converge(server, device) -> None:
    a = device("a", server.url, "adv1")
    b = device("b", server.url, "adv1")
    ids_a = [consult(a.store, V1, f"甲设备的问题 {n}") for n in range(5)]
    ids_b = [consult(b.store, V1, f"乙设备的问题 {n}") for n in range(3)]
    ra = a.client.sync()
    rb = b.client.sync()
    ra2 = a.client.sync()
    assert (ra.pushed, rb.pushed) == (5, 3)
    assert snapshot(a.store) == snapshot(b.store) == server_snapshot(server.engine)
    assert set(questions(a.store)) == set(ids_a) | set(ids_b)
    assert ra2.check == "ok" and rb.check == "ok"

    # both devices edit offline, one record on both: the later push conflicts, nothing is lost
    edit(a.store, ids_a[0], answer="甲设备的答复")
    edit(b.store, ids_a[0], answer="乙设备的答复")
    edit(b.store, ids_b[1], question="乙设备改过的问题")
    a.client.sync()
    rb = b.client.sync()
    a.client.sync()
    assert rb.conflicts == 1
    kept = conflicts.open_conflicts(b.store)
    assert [c.record_id for c in kept] == [ids_a[0]] and kept[0].mine["answer"] == "乙设备的答复"
    assert kept[0].theirs["answer"] == "甲设备的答复"
    assert snapshot(a.store) == snapshot(b.store) == server_snapshot(server.engine)
    assert questions(a.store)[ids_b[1]] == "乙设备改过的问题"

    # keeping mine makes a new revision on top of the server's: it wins everywhere
    conflicts.keep_mine(b.store, kept[0].id)
    b.client.sync()
    a.client.sync()
    assert snapshot(a.store) == snapshot(b.store) == server_snapshot(server.engine)
    with a.store.session() as s:
        from advisor_app.domain.models import Consultation

        assert s.get(Consultation, ids_a[0]).answer == "乙设备的答复"
    with b.store.session() as s:
        assert s.get(SyncConflict, kept[0].id).status == "resolved"


def test_offline_edits_on_two_devices_converge_sqlite(server, device):
    _converge(server, device)


def test_offline_edits_on_two_devices_converge_postgres(pg_server, device):
    _converge(pg_server, device)


def test_a_signed_agreement_never_changes(server, device):
    """A device that edits a signed agreement anyway (an old client, a hand edit) is refused by the
    server; the device shows the signed version again and keeps its edit only as a conflict copy."""
    from datetime import date

    import pytest

    from advisor_app.domain.models import Agreement, Case

    a = device("a", server.url, "adv1")
    a.client.sync()  # the township's committee arrives
    with a.store.session() as s:
        case = Case(
            committee_id=server.committee_id,
            region_code=V1,
            dispute_type="邻里",
            source="当事人申请",
            summary="排水沟纠纷",
            accepted_on=date(2026, 3, 1),
            due_on=date(2026, 3, 31),
        )
        s.add(case)
        s.flush()
        agreement = Agreement(
            case_id=case.id, status="已签署", terms=["甲方三日内疏通排水沟"], signed_on=date(2026, 3, 5)
        )
        s.add(agreement)
    a.client.sync()
    with a.store.session() as s:
        s.get(Agreement, agreement.id).terms = ["甲方不再负责排水沟"]
    report = a.client.sync()
    assert report.rejected == 1
    with a.store.session() as s:
        assert s.get(Agreement, agreement.id).terms == ["甲方三日内疏通排水沟"]  # the signed text is back
    kept = conflicts.open_conflicts(a.store)
    assert (
        len(kept) == 1
        and kept[0].mine["terms"] == ["甲方不再负责排水沟"]
        and kept[0].reason == "signed_immutable"
    )
    with pytest.raises(ValueError, match="已签署"):
        conflicts.keep_mine(a.store, kept[0].id)
    # what may change after signing still can: performance
    conflicts.merge(a.store, kept[0].id, {"performed": "mine"})
    from sync.client.record_state import states_for

    assert states_for(a.store, "agreements", [agreement.id])[agreement.id].label == "已发送"
    assert snapshot(a.store, ("agreements",)) == server_snapshot(server.engine, ("agreements",))
    assert a.client.sync(check_digests=True).check == "ok"
