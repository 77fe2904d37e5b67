"""The CLI's direct store (advisor_app.store.direct): the driver alone, the same answers as the full
store, and the full path (with its errors) whenever opening needs more than reading."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import keyring
import pytest

from advisor_app.cli.main import main
from advisor_app.store import crypto, direct, migrate, open_store, plain_sql
from tests.conftest import TOWNSHIP, VILLAGE, VILLAGE_2
from tests.sync_client.memkeyring import MemoryKeyring

KEY = "cd" * 32
OPEN_DIRECT = direct.open_direct  # the real one, while tests put a probe in its place
OTHER_TOWNSHIP_VILLAGE = "610502101201"  # made up under another township: outside 桥南镇's scope


@pytest.fixture
def keys(monkeypatch):
    """Encryption as in production, with a keyring in memory (empty) and no key in the environment."""
    monkeypatch.delenv("ADVISOR_STORE_ENCRYPTION", raising=False)
    for name in ("ADVISOR_DB_KEY", "ADVISOR_DB_PASSWORD", "ADVISOR_USER", "ADVISOR_USER_PASSWORD"):
        monkeypatch.delenv(name, raising=False)
    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    yield memory
    keyring.set_keyring(previous)


def _own_copy(store, tmp_path):
    """The store's file in a folder of the test's own (the fixture closes its store at teardown,
    which an encrypted file would refuse)."""
    store.close()
    target = tmp_path / "own"
    target.mkdir()
    with sqlite3.connect(store.path) as src, sqlite3.connect(target / "advisor.db") as dst:
        src.backup(dst)
    src.close()
    dst.close()
    return target


def _fill(store) -> None:
    """A 司法所 installation with records in and out of its scope and every kind of sync state."""
    from advisor_app.services import consultations, setup
    from tests.core.test_cases import register as register_case

    setup.configure(store, "司法所", TOWNSHIP)
    with store.engine.begin() as conn:
        parent = conn.exec_driver_sql("SELECT parent_code FROM regions WHERE code = ?", (TOWNSHIP,)).scalar()
        township = conn.exec_driver_sql(
            "SELECT code FROM regions WHERE parent_code = ? AND code != ? AND level = 'township' LIMIT 1",
            (parent, TOWNSHIP),
        ).scalar()
        conn.exec_driver_sql(
            "INSERT INTO regions (code, name, level, parent_code, source, retired)"
            " VALUES (?, '外镇村', 'village', ?, '测试', 0)",
            (OTHER_TOWNSHIP_VILLAGE, township),
        )
    made = []
    for n, (village, person, question) in enumerate(
        [
            (VILLAGE, "张桂兰", "宅基地界址不清，邻居占地"),
            (VILLAGE_2, "张建国", "土地承包合同纠纷，对方中途收回"),
            (VILLAGE, "李秀英", "赡养费纠纷，儿子不给钱"),
            (OTHER_TOWNSHIP_VILLAGE, "张外镇", "宅基地纠纷，外镇的记录"),
            (VILLAGE_2, "王_%百分", "借款100%利息，张姓债主"),
        ]
    ):
        record = consultations.create(
            store, {"region_code": village, "person_name": person, "question": question}
        )
        made.append(record.id)
        assert n == len(made) - 1
    register_case(store, summary="张家与李家因宅基地界址发生纠纷")
    with store.engine.begin() as conn:
        states = [
            (made[0], 0, "rejected", 1, "parent_missing"),  # retried by itself: queued
            (made[1], 0, "rejected", 1, "invalid"),  # judged: not queued
            (made[2], 1, "sent", 1, None),
        ]
        for rid, server_rev, state, pushed, reason in states:
            conn.exec_driver_sql(
                "INSERT INTO sync_record_states (kind, record_id, server_rev, state, pushed_rev, reason,"
                " message, field, updated_at) VALUES ('consultations', ?, ?, ?, ?, ?, '原因', NULL,"
                " '2026-12-01 08:00:00')",
                (rid, server_rev, state, pushed, reason),
            )
        conn.exec_driver_sql(
            "INSERT INTO sync_quarantine (kind, record_id, rev, field, reason, row, quarantined_at)"
            " VALUES ('consultations', ?, 3, 'question', '字段不合规则', '{}', '2026-12-01 09:00:00')",
            ("f" * 8 + "-0000-4000-8000-" + "0" * 12,),
        )
    store.set_setting("server_url", "https://sync.example.gov.cn")
    store.set_setting("sync_user", "qiaonan")
    store.set_setting("sync_last_error", "网络不通")


def _cli(capsys, argv, *, full: bool, monkeypatch) -> tuple[int, str, str, bool]:
    """Run `advisor` in this process; ``full``: as if open_direct had said no. Returns the exit code,
    stdout, stderr and whether the direct store answered."""
    opened = []

    def probe(data_dir):
        found = None if full else OPEN_DIRECT(data_dir)
        opened.append(found)
        return found

    monkeypatch.setattr(direct, "open_direct", probe)
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err, bool(opened and opened[0] is not None)


COMMANDS = [
    ["search", "张"],
    ["search", "宅基地 纠纷"],
    ["search", "张", "--kind", "case"],
    ["search", "100%"],
    ["search", "_%"],
    ["search", "没有这样的词"],
    ["sync-status"],
    ["conflicts"],
]


@pytest.mark.parametrize("encrypted", [False, True], ids=["plain", "ADVISOR_DB_KEY"])
def test_direct_and_full_paths_print_the_same(seeded, monkeypatch, capsys, keys, encrypted, tmp_path):
    _fill(seeded)
    data = _own_copy(seeded, tmp_path)
    if encrypted:
        monkeypatch.setenv("ADVISOR_DB_KEY", KEY)
        open_store(data).close()  # encrypts it in place
        assert crypto.is_encrypted(data / "advisor.db")
    else:
        monkeypatch.setenv("ADVISOR_STORE_ENCRYPTION", "off")
    seen = {}
    for argv in COMMANDS:
        direct_run = _cli(capsys, ["--data-dir", str(data), *argv], full=False, monkeypatch=monkeypatch)
        full_run = _cli(capsys, ["--data-dir", str(data), *argv], full=True, monkeypatch=monkeypatch)
        assert direct_run[3] and not full_run[3]
        assert direct_run[:3] == full_run[:3], argv
        seen[" ".join(argv)] = direct_run[1]
    hits = seen["search 张"].splitlines()
    assert len(hits) == 4 and not any("外镇" in line for line in hits)  # the 司法所's scope only
    assert seen["search 100%"].count("\n") == 1 and "王_%百分" in seen["search _%"]
    assert seen["search 张 --kind case"].startswith("案件\t")
    assert "没有找到匹配的记录" in seen["search 没有这样的词"]
    status = seen["sync-status"]
    assert "服务器：https://sync.example.gov.cn" in status and "账号：qiaonan" in status
    assert "被拒：2 条" in status and "已隔离：1 条" in status and "上次错误：网络不通" in status
    assert "第 3 版\t字段不合规则" in status
    assert seen["conflicts"].strip() == "没有待处理的冲突"


def test_sync_status_counts_on_a_driver_connection_equal_the_engines(seeded):
    """local_status's SQL, on the driver (the CLI) and through SQLAlchemy (desktop, sync client)."""
    from sync.client import local_status

    _fill(seeded)
    db = direct.open_direct(seeded.data_dir)
    assert db is not None
    try:
        with seeded.engine.connect() as conn:
            full = (
                local_status.queued_records(conn),
                local_status.problem_counts(conn),
                local_status.quarantine_listing(conn),
            )
        with plain_sql.reading(db) as conn:
            mine = (
                local_status.queued_records(conn),
                local_status.problem_counts(conn),
                local_status.quarantine_listing(conn),
            )
        assert mine == full and sum(map(len, full[0].values())) >= 5
        assert local_status.status(db) == local_status.status(seeded)
    finally:
        db.close()


def test_the_connection_is_set_up_as_the_engines(store):
    """The pragmas of store/engine.py's connect hook, and autocommit (BEGIN is the caller's)."""
    names = ("journal_mode", "synchronous", "foreign_keys", "busy_timeout", "cache_size")
    raw = store.engine.raw_connection()
    try:
        expected = [raw.driver_connection.execute(f"PRAGMA {n}").fetchone()[0] for n in names]
        assert raw.driver_connection.isolation_level is None
    finally:
        raw.close()
    db = direct.open_direct(store.data_dir)
    assert db is not None
    try:
        assert [db.conn.execute(f"PRAGMA {n}").fetchone()[0] for n in names] == expected
        assert db.conn.isolation_level is None and not db.conn.in_transaction
        assert (db.device_id, db.user, db.synced, db.key) == (store.device_id, store.user, store.synced, None)
        with plain_sql.reading(db):
            assert db.conn.in_transaction
        assert not db.conn.in_transaction
    finally:
        db.close()


def test_modules_of_the_direct_path_import_no_sqlalchemy(seeded):
    seeded.close()
    code = (
        "import sys\n"
        "from advisor_app import last_view\n"
        "from advisor_app.store import crypto, direct, migrate, search\n"
        "from sync.client import local_status\n"
        f"db = direct.open_direct({str(seeded.data_dir)!r})\n"
        "search.search(db.conn, '宅基地')\n"
        "local_status.status(db)\n"
        "last_view.key_without_asking(db.data_dir)\n"
        "db.close()\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'sqlalchemy'))\n"
        "from advisor_app.store import Store\n"  # the package still gives the full store (PEP 562)
        "print(Store.__module__, 'sqlalchemy' in sys.modules)\n"
    )
    env = {**os.environ, "ADVISOR_STORE_ENCRYPTION": "off"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.splitlines() == ["[]", "advisor_app.store.database True"]


# --- when opening needs more than reading: the full path ------------------------------------------


def test_a_missing_store_is_made_by_the_full_path(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ADVISOR_STORE_ENCRYPTION", "off")
    data = tmp_path / "new"
    assert direct.open_direct(data) is None
    code, out, _err, used = _cli(
        capsys, ["--data-dir", str(data), "search", "张"], full=False, monkeypatch=monkeypatch
    )
    assert (code, out.strip(), used) == (0, "没有找到匹配的记录", False)
    assert direct.open_direct(data) is not None  # made at head, with its device id
    direct.open_direct(data).close()


def test_a_store_without_a_device_id_is_left_to_the_full_path(store):
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM settings WHERE key = 'device_id'")
    assert direct.open_direct(store.data_dir) is None


def test_a_store_to_upgrade_goes_through_alembic(seeded, monkeypatch, capsys):
    from alembic import command

    seeded.close()
    previous = migrate.revisions()[-2]
    command.downgrade(migrate.alembic_config(seeded.engine), previous)
    seeded.engine.dispose()
    assert direct.open_direct(seeded.data_dir) is None
    argv = ["--data-dir", str(seeded.data_dir), "sync-status"]
    code, out, _err, used = _cli(capsys, argv, full=False, monkeypatch=monkeypatch)
    assert code == 0 and "待发送" in out and not used
    assert list((seeded.data_dir / "backups").glob(f"*-{previous}.db"))
    db = direct.open_direct(seeded.data_dir)  # now at head
    assert db is not None
    db.close()


def test_a_plain_store_with_a_key_now_is_encrypted_by_the_full_path(
    store, monkeypatch, capsys, keys, tmp_path
):
    data = _own_copy(store, tmp_path)
    monkeypatch.setenv("ADVISOR_DB_KEY", KEY)
    assert direct.open_direct(data) is None
    argv = ["--data-dir", str(data), "search", "张"]
    code, _out, _err, used = _cli(capsys, argv, full=False, monkeypatch=monkeypatch)
    assert code == 0 and not used and crypto.is_encrypted(data / "advisor.db")
    db = direct.open_direct(data)
    assert db is not None and db.key == bytes.fromhex(KEY)
    db.close()
    monkeypatch.setenv("ADVISOR_DB_KEY", "ef" * 32)  # another key: the full path's refusal
    assert direct.open_direct(data) is None


def test_an_encrypted_store_without_its_key_gets_the_full_paths_error(
    store, monkeypatch, capsys, keys, tmp_path
):
    data = _own_copy(store, tmp_path)
    monkeypatch.setenv("ADVISOR_DB_KEY", KEY)
    open_store(data).close()
    monkeypatch.delenv("ADVISOR_DB_KEY")
    assert direct.open_direct(data) is None
    code, out, err, used = _cli(
        capsys, ["--data-dir", str(data), "sync-status"], full=False, monkeypatch=monkeypatch
    )
    assert (code, out, used) == (2, "", False) and "找不到它的密钥" in err


def test_a_password_store_opens_directly_only_with_its_password(store, monkeypatch, capsys, keys, tmp_path):
    data = _own_copy(store, tmp_path)
    crypto.set_password(data, "调解员的密码2026")
    monkeypatch.setenv("ADVISOR_DB_PASSWORD", "调解员的密码2026")
    open_store(data).close()  # encrypted with the password's key
    assert crypto.is_encrypted(data / "advisor.db")
    db = direct.open_direct(data)
    assert db is not None
    db.close()
    monkeypatch.delenv("ADVISOR_DB_PASSWORD")
    assert direct.open_direct(data) is None
    argv = ["--data-dir", str(data), "search", "张"]
    code, out, err, used = _cli(capsys, argv, full=False, monkeypatch=monkeypatch)
    assert (
        (code, out, used) == (2, "", False) and "数据库已用密码加密" in err and "ADVISOR_DB_PASSWORD" in err
    )


# --- local users ------------------------------------------------------------------------------------


def test_search_with_local_users_signs_in_and_keeps_to_the_users_villages(seeded, monkeypatch, capsys):
    from advisor_app.services import users

    _fill(seeded)
    users.create_user(seeded, "管理员", "管理员的密码2026", "司法所", [TOWNSHIP])
    users.sign_in(seeded, "管理员", "管理员的密码2026")
    users.create_user(seeded, "桥南顾问", "顾问的密码2026", "村法律顾问", [VILLAGE])
    users.sign_out(seeded)
    seeded.close()
    argv = ["--data-dir", str(seeded.data_dir), "search", "张"]
    code, out, _err, used = _cli(capsys, argv, full=False, monkeypatch=monkeypatch)
    assert (code, out.strip(), used) == (
        0,
        "没有找到匹配的记录",
        True,
    )  # nobody signed in: nothing (fails closed)
    monkeypatch.setenv("ADVISOR_USER", "桥南顾问")
    monkeypatch.setenv("ADVISOR_USER_PASSWORD", "顾问的密码2026")
    runs = [_cli(capsys, argv, full=full, monkeypatch=monkeypatch) for full in (False, True)]
    assert runs[0][:3] == runs[1][:3] and runs[0][3]
    lines = runs[0][1].splitlines()
    assert (
        len(lines) == 2 and "张桂兰" in runs[0][1] and sorted(line[:2] for line in lines) == ["咨询", "案件"]
    )
    monkeypatch.setenv("ADVISOR_USER_PASSWORD", "错误的密码")
    code, out, err, _used = _cli(capsys, argv, full=False, monkeypatch=monkeypatch)
    assert (code, out) == (2, "") and "用户名或密码不正确" in err


def test_the_sqlite_file_is_not_touched_by_a_failed_probe(store):
    """open_direct on a store it leaves to the full path writes nothing to it (no WAL switch, no
    device id): the full path finds the file as it was."""
    store.close()
    path = store.data_dir / "advisor.db"
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0001'")
    conn.close()
    before = path.read_bytes()
    assert direct.open_direct(store.data_dir) is None
    assert path.read_bytes() == before


def test_the_last_views_key_is_the_stores_found_without_a_password(tmp_path, monkeypatch, keys):
    """advisor_app.last_view takes its key from crypto.store_key(ask=False): the keyring's key as
    the store finds it, never a password's — not even one in ADVISOR_DB_PASSWORD (a password store
    keeps no view)."""
    from advisor_app import last_view

    keys.set_password(crypto.SERVICE, "store-key", KEY)
    assert (
        last_view.key_without_asking(tmp_path)
        == crypto.store_key(tmp_path, create=False)
        == bytes.fromhex(KEY)
    )
    crypto.set_password(tmp_path, "调解员的密码2026")
    monkeypatch.setenv("ADVISOR_DB_PASSWORD", "调解员的密码2026")
    assert crypto.store_key(tmp_path, create=False) is not None  # the store itself opens with it
    assert last_view.key_without_asking(tmp_path) is None
    monkeypatch.setenv("ADVISOR_DB_KEY", "zz")  # a bad key in the environment: the cold path, no error
    assert last_view.key_without_asking(tmp_path) is None
