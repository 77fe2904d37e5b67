"""Faults between client and server: cut connections at every step, a server restart, a revoked
token. After recovery both sides hold exactly one copy of every record and nothing is lost."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import func, select, update

from sync.client import AuthError, NetworkError, RetryPolicy, SyncClient
from sync.server.db import Device, Record

from .conftest import FAST, PASSWORD, V1
from .faultproxy import MODES
from .records import consult, edit, questions, server_snapshot, snapshot

ONE_TRY = RetryPolicy(attempts=1)


def _server_copies(server) -> int:
    with server.engine.connect() as conn:
        total = conn.execute(
            select(func.count()).select_from(Record).where(Record.kind == "consultations")
        ).scalar_one()
        distinct = conn.execute(
            select(func.count(func.distinct(Record.id))).where(Record.kind == "consultations")
        ).scalar_one()
    assert total == distinct
    return total


@pytest.mark.parametrize("mode", MODES)
def test_cut_at_every_step_then_recover(server, proxy, device, mode):
    """Each round: both devices edit offline, A's sync is cut at step n (no retries, so the sync
    fails), A syncs again, B syncs; the next round cuts step n+1 until a sync has no step n."""
    a = device("a", proxy.url, "adv1", batch_size=3, page_size=3)
    b = device("b", server.url, "adv1", batch_size=3, page_size=3)
    made: set[str] = set()
    step = 1
    while True:
        made |= {consult(a.store, V1, f"甲 第{step}轮 {n}") for n in range(2)}
        made |= {consult(b.store, V1, f"乙 第{step}轮 {n}") for n in range(2)}
        for rid in list(made)[:2]:
            if rid in questions(a.store) and a.store.user == "adv1":
                edit(a.store, rid, answer=f"第{step}轮的答复")
        b.client.sync()
        proxy.reset({step: mode})
        cut = SyncClient(a.store, retry=ONE_TRY, batch_size=3, page_size=3)
        try:
            cut.sync()
        except NetworkError as exc:
            assert "本机数据已保存" in exc.message
        fired = bool(proxy.triggered)
        proxy.reset()
        a.client.sync()
        b.client.sync()
        a.client.sync()
        assert snapshot(a.store) == snapshot(b.store) == server_snapshot(server.engine)
        assert set(questions(a.store)) == made
        assert _server_copies(server) == len(made)
        if not fired:
            break  # the sync had fewer steps than this: every step has been cut once
        step += 1
    assert step >= 5  # numbers, push batches, pulls, summary: the cut really walked through a sync


def test_retries_carry_a_sync_through_single_cuts(server, proxy, device):
    a = device("a", proxy.url, "adv1", batch_size=2, page_size=2)
    ids = {consult(a.store, V1, f"问题 {n}") for n in range(7)}
    proxy.reset({1: "after-request", 3: "mid-response", 5: "before", 6: "after-request"})
    report = a.client.sync()
    assert len(proxy.triggered) == 4
    assert report.check == "ok"
    assert {rid for (_k, rid) in server_snapshot(server.engine)} == ids
    assert _server_copies(server) == 7


def test_server_restarted_mid_sync(server, device):
    a = device(
        "a", server.url, "adv1", batch_size=2, page_size=2, retry=RetryPolicy(attempts=12, base=0.05, cap=0.3)
    )
    ids = {consult(a.store, V1, f"问题 {n}") for n in range(9)}
    restarted = threading.Event()

    def progress(stage: str, done: int, total: int) -> None:
        if stage == "发送本机修改" and done == 2 and not restarted.is_set():
            restarted.set()
            server.stop()
            threading.Thread(target=lambda: (time.sleep(0.4), server.start()), daemon=True).start()

    report = a.client.sync(progress)
    assert restarted.is_set() and report.check == "ok"
    assert {rid for (_k, rid) in server_snapshot(server.engine)} == ids
    assert _server_copies(server) == 9


def test_token_revoked_mid_sync_keeps_data_and_resumes_after_login(server, device):
    a = device("a", server.url, "adv1", batch_size=2, page_size=2)
    ids = {consult(a.store, V1, f"问题 {n}") for n in range(7)}

    def progress(stage: str, done: int, total: int) -> None:
        if stage == "发送本机修改" and done == 2:
            with server.engine.begin() as conn:
                conn.execute(update(Device).values(revoked_at=func.now()))

    with pytest.raises(AuthError) as err:
        a.client.sync(progress)
    assert "重新登录" in err.value.message and "本机数据已保留" in err.value.message
    assert set(questions(a.store)) == ids  # nothing local was touched
    status = a.client.status()
    # 待发送 is what the next sync sends: the 2 the server accepted before the revocation are not
    assert status.queued == 5 and "重新登录" in status.last_error
    with pytest.raises(AuthError):
        a.client.sync()
    a.client.login(server.url, "adv1", PASSWORD)
    report = a.client.sync()
    assert report.duplicates == 0  # the 2 accepted before the revocation were not sent again
    assert {rid for (_k, rid) in server_snapshot(server.engine)} == ids
    assert a.client.status().queued == 0


def test_devices_with_clocks_hours_apart_converge(server, device, monkeypatch):
    """Ordering comes from revisions and the server sequence, never from device clocks."""
    from datetime import timedelta

    import advisor_app.store.changes as hooks
    from advisor_app.domain.models import utcnow

    a = device("a", server.url, "adv1")
    b = device("b", server.url, "adv1")
    rid = consult(a.store, V1, "原始问题")
    a.client.sync()
    b.client.sync()
    monkeypatch.setattr(hooks, "utcnow", lambda: utcnow() + timedelta(hours=7))  # B runs 7 h fast
    edit(b.store, rid, answer="乙（时钟快 7 小时）")
    b.client.sync()
    monkeypatch.setattr(hooks, "utcnow", lambda: utcnow() - timedelta(hours=5))  # A runs 5 h slow
    a.client.sync()
    edit(a.store, rid, answer="甲（时钟慢 5 小时，但后改）")
    a.client.sync()
    b.client.sync()
    from advisor_app.domain.models import Consultation

    for store in (a.store, b.store):
        with store.session() as s:
            rec = s.get(Consultation, rid)
            assert rec.answer == "甲（时钟慢 5 小时，但后改）" and rec.rev == 3
    assert snapshot(a.store) == snapshot(b.store) == server_snapshot(server.engine)


def test_fast_retry_policy_is_bounded(device, tmp_path):
    from advisor_app.store import open_store

    store = open_store(tmp_path / "x")
    store.set_setting("server_url", "http://127.0.0.1:9")
    store.set_setting("sync_user", "adv1")
    import keyring

    keyring.get_keyring().set_password("advisor-desk-sync", "adv1@http://127.0.0.1:9", "t")
    started = time.perf_counter()
    with pytest.raises(NetworkError):
        SyncClient(store, retry=FAST).sync()
    assert time.perf_counter() - started < 2
    store.engine.dispose()
