"""Township pulls, integrity repair, attachments, case numbers, the CLI, logout and accounts."""

from __future__ import annotations

import hashlib
import io
import threading
from datetime import date

import keyring
import pytest
from keyring.backends import fail
from sqlalchemy import delete, func, select

from advisor_app.cli.main import main as cli
from advisor_app.domain.clock import china_today
from advisor_app.domain.models import Attachment, Case, Consultation, NumberBlock
from advisor_app.services import attachments as attachment_service
from advisor_app.services import numbering
from sync.client import Cancelled, KeyringUnavailable, SyncClient
from sync.server.db import Record, Revision

from .conftest import PASSWORD, V1, V2, V3, V4
from .records import consult, questions, server_snapshot, snapshot


def test_township_pulls_its_three_villages_paged_and_resumes(server, device):
    made = {}
    for user, village in (("adv1", V1), ("adv2", V2), ("adv4", V4), ("med3", V3)):
        d = device(user, server.url, user)
        made[village] = {consult(d.store, village, f"{user} 的问题 {n}") for n in range(12)}
        d.client.sync()
    tw = device("tw", server.url, "tw1", page_size=5)
    cancel = threading.Event()
    seen: list[tuple[int, int]] = []

    def progress(stage: str, done: int, total: int) -> None:
        if stage == "接收服务器记录":
            seen.append((done, total))
            if done >= 10:
                cancel.set()  # interrupted after two pages

    with pytest.raises(Cancelled):
        tw.client.sync(progress, cancel)
    partial = set(questions(tw.store))
    assert 5 <= len(partial) < 36 and seen[0][1] >= 36  # the first sync knows the total for its progress bar
    report = tw.client.sync()
    assert report.pulled <= 36 - len(partial) + 1  # resumed from the cursor, not from the start
    assert set(questions(tw.store)) == made[V1] | made[V2] | made[V4]  # not the other township's village
    assert report.check == "ok"


def test_mismatch_after_sync_is_repaired_without_asking(server, device):
    a = device("a", server.url, "adv1")
    ids = [consult(a.store, V1, f"问题 {n}") for n in range(6)]
    a.client.sync()
    # lose two records locally (a restored old backup) and one on the server (a restored server)
    with a.store.session(remote=True) as s:
        s.execute(delete(Consultation).where(Consultation.id.in_(ids[:2])))
    with server.engine.begin() as conn:
        conn.execute(delete(Record).where(Record.id == ids[5]))
        conn.execute(delete(Revision).where(Revision.record_id == ids[5]))
    report = a.client.sync(check_digests=True)
    assert report.check == "repaired" and "consultations" in report.repaired_kinds
    assert set(questions(a.store)) == set(ids)
    assert snapshot(a.store) == server_snapshot(server.engine)
    assert a.client.sync(check_digests=True).check == "ok"


def test_attachments_upload_and_download_by_hash_and_resume(server, device, tmp_path):
    a = device("a", server.url, "adv1")
    b = device("b", server.url, "tw1")
    activity_id = _activity(a.store)
    data = bytes(range(256)) * 9000  # 2.3 MB: three chunks
    att = attachment_service.add_bytes(a.store, data, "签到表.jpg", "activity", activity_id, "活动照片")
    sha = hashlib.sha256(data).hexdigest()
    # an earlier attempt got a third of the file over: the upload goes on from there
    part = server.data_dir / "blobs" / "parts"
    part.mkdir(parents=True, exist_ok=True)
    account_id = _account_id(server, "adv1")
    (part / f"{sha}.{account_id}.part").write_bytes(data[: 1024 * 1024])
    report = a.client.sync()
    assert report.uploaded == 1 and report.bytes_up < len(data)  # the first megabyte was not sent again
    assert (server.data_dir / "blobs" / sha[:2] / sha).read_bytes() == data
    # the township's device downloads it, resuming a partial file
    local = b.store.attachments_dir / sha[:2]
    local.mkdir(parents=True)
    (local / f"{sha}.part").write_bytes(data[:500_000])
    report = b.client.sync()
    assert report.downloaded == 1
    assert (local / sha).read_bytes() == data
    with b.store.session() as s:
        assert s.get(Attachment, att.id).sha256 == sha


def test_case_numbers_from_server_blocks_and_provisional_ones_confirmed(server, device):
    a = device("a", server.url, "adv1")
    b = device("b", server.url, "adv2")
    a.client.sync()
    b.client.sync()
    year = china_today().year
    # a device that ran out of server numbers offline takes a provisional number from a local block
    with a.store.session() as s:
        committee = _committee(s, server.committee_id)
        no, seq, provisional = numbering.next_number(s, committee, year)
        assert provisional
        s.add(_case(server.committee_id, V1, year, no, seq, provisional))
    a.client.store.set_setting("committee_id", server.committee_id)
    b.client.store.set_setting("committee_id", server.committee_id)
    ra = a.client.sync()
    rb = b.client.sync()
    assert ra.numbers_reserved > 0 and rb.numbers_reserved > 0 and ra.renumbered == 1
    numbers = {}
    for d, village in ((a, V1), (b, V2)):
        with d.store.session() as s:
            committee = _committee(s, server.committee_id)
            for _ in range(3):
                no, seq, provisional = numbering.next_number(s, committee, year)
                assert not provisional
                s.add(_case(server.committee_id, village, year, no, seq, False))
                numbers.setdefault(seq, []).append(village)
    a.client.sync()
    b.client.sync()
    with a.store.session() as s:
        confirmed = s.scalars(select(Case).where(Case.number_provisional.is_(True))).all()
        assert confirmed == []
    seqs = [r for r in server_snapshot(server.engine, ("cases",))]
    assert len(seqs) == 7
    with server.engine.connect() as conn:
        import json

        payloads = [
            json.loads(p)
            for p in conn.execute(select(Record.payload).where(Record.kind == "cases")).scalars()
        ]
    used = [p["number_seq"] for p in payloads]
    assert len(used) == len(set(used)) == 7  # unique city-wide, provisional one renumbered


def test_cli_login_sync_status_and_no_keyring_message(server, tmp_path, monkeypatch, capsys):
    data = str(tmp_path / "cli")
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert (
        cli(["--data-dir", data, "login", "--server", server.url, "--user", "adv1", "--password-stdin"]) == 0
    )
    from advisor_app.store import open_store

    store = open_store(data)
    consult(store, V1, "命令行录入的问题")
    store.engine.dispose()
    assert cli(["--data-dir", data, "sync-status"]) == 0
    assert "待发送：1 条" in capsys.readouterr().out
    assert cli(["--data-dir", data, "sync"]) == 0
    out = capsys.readouterr().out
    assert "同步完成" in out and "发送 1 条" in out and "核对一致" in out
    assert len(server_snapshot(server.engine)) == 1
    assert cli(["--data-dir", data, "sync-status"]) == 0
    assert "待发送：0 条" in capsys.readouterr().out
    # a system without a keyring backend: a clear message, no token anywhere
    keyring.set_keyring(fail.Keyring())
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    code = cli(
        [
            "--data-dir",
            str(tmp_path / "other"),
            "login",
            "--server",
            server.url,
            "--user",
            "adv1",
            "--password-stdin",
        ]
    )
    err = capsys.readouterr().err
    assert code != 0 and "密钥环" in err
    assert not list((tmp_path / "other").glob("*token*"))


def test_logout_and_change_of_account_keep_unsynced_data(server, device):
    a = device("a", server.url, "adv1")
    kept = {consult(a.store, V1, f"未同步的问题 {n}") for n in range(3)}
    assert a.client.logout() == 3
    assert set(questions(a.store)) == kept
    with pytest.raises(Exception) as err:
        a.client.sync()
    assert "登录" in str(err.value)
    # another account logs in on the same installation: the old records stay and still go up
    a.client.login(server.url, "tw1", PASSWORD)
    report = a.client.sync()
    assert report.pushed == 3  # the township may write in its villages
    assert set(questions(a.store)) == kept
    # reinstall over the same data folder: a new client object, same store, nothing lost or resent
    again = SyncClient(a.store)
    assert again.sync().pushed == 0 and set(questions(a.store)) == kept


def test_keyring_missing_is_a_clear_error(tmp_path):
    from advisor_app.store import open_store

    keyring.set_keyring(fail.Keyring())
    store = open_store(tmp_path / "k")
    with pytest.raises(KeyringUnavailable) as err:
        SyncClient(store).login("http://127.0.0.1:9", "adv1", "x")
    assert "密钥环" in err.value.message
    store.engine.dispose()


# --- helpers ---------------------------------------------------------------------------------------


def _account_id(server, name: str) -> int:
    from sync.server.db import Account

    with server.engine.connect() as conn:
        return conn.execute(select(Account.id).where(Account.username == name)).scalar_one()


def _activity(store) -> str:
    from advisor_app.domain.models import Activity

    with store.session() as s:
        act = Activity(
            region_code=V1, held_on=date(2026, 3, 2), place="村委会", topic="民法典进农村", audience_count=30
        )
        s.add(act)
    return act.id


def _committee(session, committee_id: str):
    from advisor_app.domain.models import Committee

    return session.get(Committee, committee_id)


def _case(committee_id: str, village: str, year: int, no: str, seq: int, provisional: bool) -> Case:
    return Case(
        committee_id=committee_id,
        region_code=village,
        dispute_type="邻里",
        source="当事人申请",
        summary="邻里排水纠纷",
        accepted_on=date(year, 3, 1),
        due_on=date(year, 3, 31),
        case_no=no,
        number_year=year,
        number_seq=seq,
        number_provisional=provisional,
    )


def _blocks(store) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(NumberBlock))


def test_record_states_for_lists(server, device, tmp_path):
    from datetime import datetime

    from advisor_app.store import open_store
    from sync.client.record_state import states_for

    from .conftest import TOWNSHIP

    alone = open_store(tmp_path / "alone")
    from advisor_app.services import regions

    regions.load_csv(alone)
    with alone.session() as s:
        s.add(
            Consultation(
                id="00000000-0000-4000-8000-000000000002",
                region_code=TOWNSHIP,
                occurred_at=datetime(2026, 3, 1),
                question="单机录入",
            )
        )
    assert (
        states_for(alone, "consultations", ["00000000-0000-4000-8000-000000000002"])[
            "00000000-0000-4000-8000-000000000002"
        ].label
        == "保存在本机"
    )
    alone.engine.dispose()
    a = device("a", server.url, "adv1")
    sent = consult(a.store, V1, "会发送的问题")
    a.client.sync()
    queued = consult(a.store, V1, "还没发送")
    outside = "00000000-0000-4000-8000-000000000001"
    # filed under the township itself, which this village adviser may read but not write
    with a.store.session() as s:
        s.add(
            Consultation(
                id=outside, region_code=TOWNSHIP, occurred_at=datetime(2026, 3, 1), question="镇里的记录"
            )
        )
    before = states_for(a.store, "consultations", [sent, queued])
    assert before[sent].label == "已发送" and before[queued].label == "待发送"
    report = a.client.sync()
    assert report.rejected == 1 and report.pushed == 1
    after = states_for(a.store, "consultations", [queued, outside])
    assert after[queued].label == "已发送"
    assert after[outside].label == "被拒" and "不属于本账号" in after[outside].message
    assert a.client.status().rejected == 1


def test_upgrade_from_before_sync_keeps_the_queue(server, tmp_path):
    """A store written by the version before the sync client (schema 0003) upgrades and sends all."""
    import uuid

    from advisor_app.store import migrate, open_store
    from advisor_app.store.engine import sqlite_engine

    folder = tmp_path / "old"
    folder.mkdir()
    path = folder / "advisor.db"
    engine = sqlite_engine(path)
    migrate.upgrade(engine, path, "0003")
    ids = [str(uuid.uuid4()) for _ in range(3)]
    with engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO regions (code, name, level, source) VALUES (?, '桥南村', 'village', 't')", (V1,)
        )
        for n, rid in enumerate(ids):
            conn.exec_driver_sql(
                "INSERT INTO consultations (id, rev, owner, device_id, created_at, updated_at, deleted, region_code,"
                " occurred_at, service_type, mode, category, question, status, tags) VALUES (?, 2, 'w', 'd',"
                " '2026-01-01 00:00:00', '2026-01-01 00:00:00', 0, ?, '2026-01-01 09:00:00', '法律咨询解答', '实地',"
                " '民事', ?, '办理中', '[]')",
                (rid, V1, f"升级前的问题 {n}"),
            )
            conn.exec_driver_sql(
                "INSERT INTO change_log (table_name, record_id, rev, changed_at) VALUES"
                " ('consultations', ?, 2, '2026-01-01 00:00:00')",
                (rid,),
            )
    engine.dispose()
    store = open_store(folder)
    client = SyncClient(store)
    assert client.status().queued == 3
    client.login(server.url, "adv1", PASSWORD)
    assert client.sync().pushed == 3
    assert {rid for (_k, rid) in server_snapshot(server.engine)} == set(ids)
    store.engine.dispose()
