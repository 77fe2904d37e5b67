"""Threads in one place (ui/tasks.py) and writes that never meet “database is locked”.

The Qt parts that could abort the process (a QThread destroyed while running) run in a
subprocess (tests/gui/threads_script.py), so an abort fails the test instead of the run.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy import text

HERE = Path(__file__).parent


def script(*args: str, timeout: int = 90) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(HERE / "threads_script.py"), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "ADVISOR_STORE_ENCRYPTION": "off"},
    )


def test_cancel_while_an_excel_export_runs_keeps_the_app_alive(demo_template, tmp_path):
    done = script("export-cancel", str(demo_template), str(tmp_path))
    assert done.returncode == 0 and "ok" in done.stdout, done.stderr[-3000:]


def test_long_jobs_ending_at_once_never_destroy_a_running_thread(tmp_path):
    done = script("short-jobs", str(tmp_path))
    assert done.returncode == 0 and "ok" in done.stdout, done.stderr[-3000:]


def test_network_jobs_run_in_the_pool_and_shutdown_cancels_them(app, qtbot):
    from ui.tasks import TaskManager

    manager = TaskManager()
    gui = threading.get_ident()
    seen: dict[str, object] = {}
    reports: list[tuple[int, int, str]] = []

    def job(progress):
        seen["thread"] = threading.current_thread().name
        progress.report(1, 2, "半")
        return "done"

    manager.run_net(
        job,
        lambda r: seen.update(result=r, back=threading.get_ident()),
        on_progress=lambda *a: reports.append(a),
    )
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen["result"] == "done" and seen["back"] == gui
    assert str(seen["thread"]).startswith("advisor-net") and reports == [(1, 2, "半")]

    started = threading.Event()

    def endless(progress):
        started.set()
        while not progress.cancelled:
            progress.event.wait(0.01)
        return "stopped"

    progress = manager.run_net(endless)
    assert started.wait(5)
    manager.shutdown()  # cancels, then waits for the pool
    assert progress.cancelled and manager.pending() == 0


def test_two_threads_writing_read_then_write_never_see_database_is_locked(seeded):
    """Each thread runs units of work that read, pause, then write — the pattern that fails with
    SQLite's deferred transactions — and plain engine.begin() inserts; nothing may fail."""
    from advisor_app.domain.models import Setting

    seeded.set_setting("counter", "0")
    with seeded.engine.begin() as conn:
        conn.execute(text("CREATE TABLE IF NOT EXISTS scratch (n INTEGER, who TEXT)"))
    errors: list[BaseException] = []
    rounds = 60

    def writer(name: str) -> None:
        try:
            for n in range(rounds):
                with seeded.session() as session:
                    row = session.get(Setting, "counter")  # read first …
                    threading.Event().wait(0.001)  # … let the other thread commit meanwhile …
                    row.value = str(int(row.value) + 1)  # … then write
                with seeded.engine.begin() as conn:
                    conn.execute(text("INSERT INTO scratch VALUES (:n, :who)"), {"n": n, "who": name})
        except BaseException as exc:  # reported below with the message
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(f"w{k}",)) for k in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors, errors[0]
    assert seeded.setting("counter") == str(3 * rounds)  # no lost update either
    with seeded.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM scratch")).scalar() == 3 * rounds


def test_pragmas_still_work_outside_the_transaction(seeded):
    """The sync pull turns foreign keys off for a batch: the pragma must not land inside a BEGIN."""
    with seeded.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 0
        conn.commit()
        conn.exec_driver_sql("PRAGMA foreign_keys=ON")
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


class SilentServer:
    """A TCP port that accepts connections and never answers (a server hung or a proxy eating them)."""

    def __init__(self) -> None:
        import socket

        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.accepted: list = []
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        self.sock.settimeout(0.1)
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.accepted.append(conn)

    def close(self) -> None:
        self.stop.set()
        self.thread.join(2)
        for conn in self.accepted:
            conn.close()
        self.sock.close()


def closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def keyring_in_memory():
    """The login keeps its token in the keyring; a test one in memory (as tests/sync_client does)."""
    import keyring

    sys.path.insert(0, str(HERE.parent / "sync_client"))
    from memkeyring import MemoryKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield
    keyring.set_keyring(previous)


def open_login(store, tasks, qtbot):  # noqa: ANN001, ANN201
    from ui.login_dialog import LoginDialog
    from ui.sync_status import SyncController

    controller = SyncController(store, tasks=tasks)
    dialog = LoginDialog(controller)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.user.setText("adv1")
    dialog.password.setText("secret")
    return controller, dialog


def test_login_gives_up_on_a_silent_server_and_cancel_stays_available(
    app, seeded, tasks, qtbot, monkeypatch, keyring_in_memory
):
    import time

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialogButtonBox

    from ui import login_dialog

    # the rule is 10 s (checked below); the test need not wait that long
    monkeypatch.setattr(login_dialog, "GIVE_UP_MS", 1500)
    server = SilentServer()
    try:
        controller, dialog = open_login(seeded, tasks, qtbot)
        dialog.give_up.setInterval(login_dialog.GIVE_UP_MS)
        dialog.server.setText(f"http://127.0.0.1:{server.port}")
        started = time.monotonic()
        qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
        assert time.monotonic() - started < 0.5  # the click returned at once: the request is in the pool
        cancel = dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        assert cancel.isEnabled() and not dialog.ok_button().isEnabled()
        qtbot.waitUntil(lambda: "正在登录" not in dialog.error.text(), timeout=5000)
        assert "没有应答" in dialog.error.text(), dialog.error.text()
        assert time.monotonic() - started < 3 and dialog.ok_button().isEnabled()

        # again, and 取消 while it waits: the dialog closes at once
        qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
        assert cancel.isEnabled()
        with qtbot.waitSignal(dialog.rejected, timeout=1000):
            qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
        assert not dialog.isVisible()
    finally:
        server.close()  # the requests still waiting end now


def test_the_give_up_time_is_ten_seconds():
    from ui import login_dialog

    assert login_dialog.GIVE_UP_MS <= 10000


def test_login_to_a_closed_port_reports_at_once(app, seeded, tasks, qtbot, keyring_in_memory):
    import time

    from PySide6.QtCore import Qt

    controller, dialog = open_login(seeded, tasks, qtbot)
    dialog.server.setText(f"http://127.0.0.1:{closed_port()}")
    started = time.monotonic()
    qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
    # refused at once, one quick retry: the message comes in about a second, not after the back-off
    # of a sync (the dialog would give up at 10 s anyway)
    qtbot.waitUntil(lambda: dialog.ok_button().isEnabled(), timeout=11000)
    assert time.monotonic() - started < 4
    assert (
        "正在登录" not in dialog.error.text() and "密钥环" not in dialog.error.text() and dialog.error.text()
    )
    assert dialog.isVisible()  # still there to correct the address


def test_a_failing_job_nobody_handles_reaches_the_crash_handler(app, qtbot, monkeypatch, tmp_path):
    from ui import crash
    from ui.tasks import TaskManager

    handler = crash.install(tmp_path, show_dialog=False)
    try:
        manager = TaskManager()
        manager.run_db(lambda: 1 / 0)  # no on_error: not an expected failure
        qtbot.waitUntil(lambda: handler.last_report is not None, timeout=5000)
        assert "ZeroDivisionError" in handler.last_report
        manager.shutdown()
    finally:
        handler.uninstall()


def test_the_gui_thread_reads_without_waiting_for_a_writer(seeded):
    """Units of work begin IMMEDIATE, except on the GUI thread (marked by the TaskManager): there a
    record read to show it must not wait behind another thread's long write."""
    import time

    from advisor_app.domain.models import Setting
    from advisor_app.store.engine import reads_only_here

    reads_only_here()  # what TaskManager() does on the GUI thread
    holding, release = threading.Event(), threading.Event()

    def long_write() -> None:
        with seeded.session() as session:
            session.merge(Setting(key="long", value="x"))
            session.flush()
            holding.set()
            release.wait(10)

    writer = threading.Thread(target=long_write)
    writer.start()
    try:
        assert holding.wait(5)
        started = time.perf_counter()
        with seeded.session() as session:
            assert session.get(Setting, "device_id") is not None
        assert time.perf_counter() - started < 0.5
    finally:
        release.set()
        writer.join()
