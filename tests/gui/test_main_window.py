"""Main window, navigation, remembered layout, first run, roster marks, workbench, threading."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from datetime import timedelta

from PySide6.QtCore import QSettings

from advisor_app.domain.clock import china_today
from advisor_app.services import cases, roster, setup

VILLAGE = "610502100201"


def test_every_page_opens_and_layout_is_remembered(app, desk, tasks, qtbot, answers):
    from ui.main_window import MainWindow

    window = MainWindow(desk, tasks)
    qtbot.addWidget(window)
    window.show()
    assert set(window.pages) == {"workbench"}  # other pages are built when first shown
    for n in range(window.nav.count()):
        window.nav.setCurrentRow(n)
        key = window.page_factories[n][0]
        assert window.stack.currentWidget() is window.pages[key]
    assert type(window.pages["sync"]).__name__ == "SyncPage"
    window.resize(window.width(), 503)
    window.close()
    assert QSettings().value("main/geometry") is not None

    again = MainWindow(desk, tasks)
    qtbot.addWidget(again)
    assert again.height() == 503  # (width is clamped to the 800-pixel offscreen screen)


def test_workbench_lists_todays_work_and_opens_the_case(app, desk, tasks, qtbot, answers):
    from ui.main_window import MainWindow

    parties = [{"name": "甲", "role": "申请人"}, {"name": "乙", "role": "被申请人"}]
    late = cases.register(
        desk,
        {
            "committee_id": desk.committee_id,
            "region_code": VILLAGE,
            "dispute_type": "合同",
            "summary": "拖了很久",
            "parties": parties,
            "accepted_on": china_today() - timedelta(days=45),
        },
    )
    window = MainWindow(desk, tasks)
    qtbot.addWidget(window)
    bench = window.pages["workbench"]
    qtbot.waitUntil(lambda: bench.worklist is not None, timeout=5000)
    overdue = bench.overdue[1]
    assert overdue.count() == 1 and "15" in overdue.item(0).text()
    bench.open_case.emit(overdue.item(0).data(0x0100))
    dialog = window.pages["cases"].last_dialog
    assert dialog.case_id == late.id
    dialog.reject()


def test_first_run_saves_role_and_region(app, store, tasks, qtbot, answers):
    from ui.first_run import FirstRunDialog

    dialog = FirstRunDialog(store, tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.refused, timeout=5000) as refused:
        dialog.save()
    assert "role" in refused.args[0]
    dialog.fields["role"].buttons["村法律顾问"].setChecked(True)
    dialog.fields["user"].insert("孙律师")
    with qtbot.waitSignal(dialog.saved, timeout=5000):
        dialog.save()
    assert setup.role(store) == "村法律顾问" and store.setting("user") == "孙律师"
    assert setup.is_configured(store)


def test_roster_marks_villages_below_target(app, desk, tasks, qtbot, answers):
    from ui.roster_page import RosterPage

    for name in ("甲", "乙", "丙"):
        roster.add(desk, {"region_code": VILLAGE, "name": name})
    page = RosterPage(desk, tasks)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: page.counts.rowCount() == 2, timeout=5000)
    rows = {page.counts.item(r, 0).data(0x0100): page.counts.item(r, 0).text() for r in range(2)}
    assert "⚠" not in rows[VILLAGE]
    assert "⚠" in rows["610502100202"]


def test_font_size_applies_at_once_to_open_windows(app, desk, tasks, qtbot, answers):
    """大字体 in 设置: the pages already open (list, search box, navigation) change without a restart."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QPushButton

    from ui.main_window import MainWindow
    from ui.settings_page import LARGE_FONT_SIZE

    window = MainWindow(desk, tasks)
    qtbot.addWidget(window)
    window.show()
    listing = window.show_page("consultations").list
    row_height = listing.view.verticalHeader().defaultSectionSize()
    before = listing.view.font().pointSize()
    assert before < LARGE_FONT_SIZE
    settings = window.show_page("settings")
    large = next(b for b in settings.findChildren(QPushButton) if b.text() == settings.tr("Large text"))
    qtbot.mouseClick(large, Qt.MouseButton.LeftButton)
    assert app.font().pointSize() == LARGE_FONT_SIZE
    assert int(QSettings().value("ui/font_point_size")) == LARGE_FONT_SIZE
    for widget in (listing.view, listing.search, window.nav, window.statusBar()):
        assert widget.font().pointSize() == LARGE_FONT_SIZE, type(widget).__name__
    assert listing.view.verticalHeader().defaultSectionSize() > row_height
    from ui.app import apply_font_size

    apply_font_size(before)  # the app object outlives this test


def test_tasks_run_off_the_gui_thread_and_stop_cleanly(app, qtbot):
    from ui.tasks import TaskManager

    manager = TaskManager()
    gui = threading.get_ident()
    seen = {}
    with qtbot.waitSignal(manager._db.finished_job, timeout=5000):
        manager.run_db(
            lambda: threading.get_ident(), lambda tid: seen.update(job=tid, back=threading.get_ident())
        )
    qtbot.waitUntil(lambda: "job" in seen)
    assert seen["job"] != gui and seen["back"] == gui

    started = threading.Event()

    def long_job(progress):
        started.set()
        while not progress.cancelled:
            progress.report(1, 10)
            threading.Event().wait(0.01)
        return "cancelled"

    progress = manager.run_long(long_job, title="…")
    assert started.wait(5)
    manager.shutdown()  # cancels and waits
    assert progress.cancelled
    assert not manager._db.isRunning() and not manager._long


def test_core_and_sync_never_load_pyside6():
    """Every module of advisor_app and sync is imported for real (a module that fails to import
    fails this test); none of them may bring in PySide6, shiboken6 or ui."""
    code = (
        "import sys, importlib, pkgutil, advisor_app, sync\n"
        "failed = []\n"
        "for pkg in (advisor_app, sync):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        if '.migrations.' in m.name + '.': continue  # alembic scripts: run by migrate, not imported\n"
        "        try: importlib.import_module(m.name)\n"
        "        except Exception as e: failed.append(f'{m.name}: {type(e).__name__}: {e}')\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'ui'))\n"
        "print('FAILED', failed); print('QT', bad); print('COUNT', len(sys.modules))\n"
        "sys.exit(1 if bad or failed else 0)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_ui_module_imports():
    """Each module of ui/ (and ui/case/) imports for real in a fresh interpreter."""
    code = (
        "import sys, importlib, pkgutil, ui\n"
        "failed, names = [], []\n"
        "for m in pkgutil.walk_packages(ui.__path__, 'ui.'):\n"
        "    names.append(m.name)\n"
        "    try: importlib.import_module(m.name)\n"
        "    except Exception as e: failed.append(f'{m.name}: {type(e).__name__}: {e}')\n"
        "print('FAILED', failed); print('MODULES', len(names))\n"
        "sys.exit(1 if failed or len(names) < 30 else 0)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_a_case_opened_from_the_workbench_by_double_click_opens_once(
    app, tasks, qtbot, demo_template, tmp_path
):
    """Adviser (no 纠纷调解 page): double-clicking a return visit due opens its case window, once,
    and the window stays on 工作台 (a page the role does not have is never shown)."""
    import sys
    from pathlib import Path

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    sys.path.insert(0, str(Path(__file__).parent))
    import clickthrough

    from advisor_app.store import open_store
    from ui.main_window import MainWindow

    clickthrough.copy_store(demo_template, tmp_path / "adviser")
    store = open_store(tmp_path / "adviser")
    setup.configure(store, "村法律顾问", clickthrough.TOWNSHIP, user="孙律师")
    setup.set_served_villages(store, [clickthrough.VILLAGE])
    try:
        window = MainWindow(store, tasks)
        qtbot.addWidget(window)
        window.show()
        assert "cases" in window.hidden_pages
        bench = window.pages["workbench"]
        visits = bench.visits[1]
        qtbot.waitUntil(lambda: visits.count() > 0, timeout=10000)
        rect = visits.visualItemRect(visits.item(0))
        qtbot.mouseClick(visits.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(visits.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.waitUntil(lambda: window.pages.get("cases") is not None, timeout=5000)
        opened = [
            w for w in QApplication.topLevelWidgets() if type(w).__name__ == "CaseWindow" and w.isVisible()
        ]
        assert len(opened) == 1, f"{len(opened)} case windows opened by one double-click"
        assert window.stack.currentWidget() is bench
        for w in opened:
            w._dirty = False
            w.reject()
    finally:
        tasks.shutdown()
        store.close()
