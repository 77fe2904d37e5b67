"""Sync in the app (issue 14 §6): its network steps run in the task manager's pool and every
database write of a login and a sync (cursor, pushed verdicts, pulled pages, number blocks,
settings) runs on the one database thread — seen on a real server on loopback by recording the
thread of every INSERT/UPDATE/DELETE the store executes and of every HTTP request."""

from __future__ import annotations

# ruff: noqa: F811 - pytest fixtures imported by name
import threading

from sqlalchemy import event

from advisor_app.store import open_store
from sync.client.transport import Transport
from tests.sync_client.conftest import PASSWORD, V1, device, memory_keyring, server  # noqa: F401
from tests.sync_client.records import consult

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")


def _watch(store, monkeypatch):
    """(thread id of each write statement, thread id of each HTTP request)."""
    writes: list[tuple[int, str]] = []
    requests: list[int] = []

    def before(_conn, _cursor, statement, *_rest) -> None:  # noqa: ANN001
        if statement.lstrip().upper().startswith(WRITES):
            writes.append((threading.get_ident(), statement.split()[0] + " " + statement.split()[2]))

    event.listen(store.engine, "before_cursor_execute", before)
    original = Transport.request

    def request(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        requests.append(threading.get_ident())
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Transport, "request", request)
    return writes, requests


def _db_thread(tasks, qtbot) -> int:
    box: list[int] = []
    tasks.run_db(threading.get_ident, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=5000)
    return box[0]


def test_login_and_sync_write_only_on_the_database_thread(
    app,
    tasks,
    qtbot,
    server,
    device,
    tmp_path,
    monkeypatch,
):
    from ui.sync_status import SyncController

    other = device("b", server.url, "adv1")
    consult(other.store, V1, "乙机的问题")
    other.client.sync()  # something to pull

    store = open_store(tmp_path / "desk")
    try:
        db = _db_thread(tasks, qtbot)
        gui = threading.get_ident()
        writes, requests = _watch(store, monkeypatch)
        controller = SyncController(store, tasks=tasks)
        outcome: list = []
        controller.login(server.url, "adv1", PASSWORD, outcome.append, outcome.append)
        qtbot.waitUntil(lambda: bool(outcome), timeout=20000)
        assert isinstance(outcome[0], dict), outcome  # logged in
        assert writes and {t for t, _ in writes} == {db}, writes  # regions and settings
        assert requests and db not in requests and gui not in requests

        for n in range(3):
            consult(store, V1, f"本机问题 {n}")  # typed in on this computer (before we watch again)
        writes.clear()
        requests.clear()
        with qtbot.waitSignal(controller.finished, timeout=30000) as done:
            assert controller.sync()
        report = done.args[0]
        assert report.pushed == 3 and report.pulled >= 1, report
        kinds = {what for _t, what in writes}
        assert {t for t, _ in writes} == {db}, [w for w in writes if w[0] != db]
        assert any("sync_record_states" in k or "sync_cursors" in k for k in kinds), kinds
        assert any("consultations" in k for k in kinds), kinds  # the pulled record
        assert requests and db not in requests and gui not in requests
        controller.shutdown()
    finally:
        store.engine.dispose()


def test_call_db_runs_on_the_database_thread_and_hands_back_result_or_error(app, tasks, qtbot):
    import pytest

    db = _db_thread(tasks, qtbot)
    with pytest.raises(RuntimeError):
        tasks.call_db(threading.get_ident)  # the GUI thread never blocks on the worker
    outcome: dict = {}

    def worker() -> None:
        outcome["ident"] = tasks.call_db(threading.get_ident)
        try:
            tasks.call_db(lambda: 1 / 0)
        except ZeroDivisionError as exc:
            outcome["error"] = exc

    thread = threading.Thread(target=worker)
    thread.start()
    qtbot.waitUntil(lambda: not thread.is_alive(), timeout=5000)
    assert outcome["ident"] == db and isinstance(outcome.get("error"), ZeroDivisionError)
