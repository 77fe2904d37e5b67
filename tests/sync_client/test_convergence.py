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
