"""Sync with encrypted stores, as installations run (the other sync tests use plain stores): one
SQLCipher connection per thread, so no step may open a second unit of work inside another."""

from __future__ import annotations

import pytest

from .conftest import V1
from .records import consult, edit, questions, server_snapshot, snapshot
from .test_contract import _consult_payload, _plant, new_id


@pytest.fixture
def encryption_on(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("ADVISOR_STORE_ENCRYPTION", "ADVISOR_DB_KEY", "ADVISOR_DB_PASSWORD"):
        monkeypatch.delenv(name, raising=False)


def test_encrypted_stores_push_pull_quarantine_and_check(server, device, encryption_on):
    a = device("a", server.url, "adv1")
    assert a.store.engine.url.drivername == "sqlite+pysqlcipher"
    ids = [consult(a.store, V1, f"加密库里的问题 {n}") for n in range(3)]
    report = a.client.sync()
    assert (report.pushed, report.check) == (3, "ok")
    edit(a.store, ids[0], answer="答复")
    assert a.client.sync().pushed == 1 and a.client.status().queued == 0

    bad = new_id()
    _plant(server.engine, "consultations", bad, _consult_payload(question=None))
    town = device("town", server.url, "tw1")
    report = town.client.sync()
    assert (report.quarantined, report.check) == (1, "ok"), report
    assert set(ids) <= set(questions(town.store)) and bad not in questions(town.store)
    assert town.client.sync(check_digests=True).check == "ok"
    assert snapshot(a.store) == {k: v for k, v in server_snapshot(server.engine).items() if k[1] != bad}
