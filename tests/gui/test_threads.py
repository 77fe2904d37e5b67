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
