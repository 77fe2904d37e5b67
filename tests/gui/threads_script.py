"""Run by tests/gui/test_threads.py in a subprocess (a Qt abort must fail the test, not the run).

python tests/gui/threads_script.py export-cancel TEMPLATE_DIR WORK_DIR
python tests/gui/threads_script.py short-jobs WORK_DIR
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("ADVISOR_STORE_ENCRYPTION", "off")


def pump(app, until, seconds: float = 10.0) -> bool:  # noqa: ANN001
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        if until():
            return True
        time.sleep(0.01)
    return False


def make_app(work: Path):  # noqa: ANN201
    import ui  # noqa: F401, I001 - the binding work-around first
    from PySide6.QtCore import QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "qsettings"))
    from ui.app import make_app as make

    return make(["threads"])


def export_cancel(template: Path, work: Path) -> int:
    """Press 导出 Excel…, then 取消 in the progress dialog while the export runs; five times."""
    app = make_app(work)
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QFileDialog, QProgressDialog, QPushButton

    sys.path.insert(0, str(Path(__file__).parent))
    import clickthrough

    from advisor_app.services import setup
    from advisor_app.store import open_store
    from ui import hooks
    from ui.pages import ConsultationsPage
    from ui.tasks import TaskManager

    clickthrough.copy_store(template, work / "data")
    store = open_store(work / "data")
    setup.configure(store, "司法所", clickthrough.TOWNSHIP, user="钱所长")
    target = work / "export.xlsx"
    QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: (str(target), ""))
    real = hooks.export_list

    def slow_export(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        out = real(*args, **kwargs)
        time.sleep(0.8)  # still “writing” when 取消 is pressed
        return out

    hooks.export_list = slow_export
    tasks = TaskManager()
    page = ConsultationsPage(store, tasks)
    page.resize(1000, 600)
    page.show()
    pump(app, lambda: tasks.pending() == 0)
    for _round in range(5):
        QTest.mouseClick(
            page.list.export_button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint()
        )

        def progress_dialog() -> QProgressDialog | None:
            return next(
                (
                    w
                    for w in QApplication.topLevelWidgets()
                    if isinstance(w, QProgressDialog) and w.isVisible()
                ),
                None,
            )

        if not pump(app, lambda: progress_dialog() is not None, 5):
            print("no progress dialog", file=sys.stderr)
            return 2
        cancel = next(b for b in progress_dialog().findChildren(QPushButton) if b.isVisible())
        QTest.mouseClick(cancel, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint())
        if not pump(app, lambda: not tasks._long, 10):
            print("export thread did not end", file=sys.stderr)
            return 3
        pump(app, lambda: False, 0.1)
        if target.exists():
            print("a cancelled export left its file", file=sys.stderr)
            return 4
        if page.list.count.text() != page.list.tr("Export cancelled"):
            print("no word of the cancel:", page.list.count.text(), file=sys.stderr)
            return 5
    # and once more, closing the app while the export runs
    QTest.mouseClick(
        page.list.export_button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint()
    )
    pump(app, lambda: len(tasks._long) == 1, 5)
    page.close()
    tasks.shutdown()
    store.close()
    print("ok")
    return 0


def short_jobs(work: Path) -> int:
    """Hundreds of long jobs that end at once: each thread object must outlive its thread."""
    app = make_app(work)
    from ui.tasks import TaskManager

    tasks = TaskManager()
    results = []
    for n in range(300):
        tasks.run_long(lambda _p, n=n: n, title="…", on_done=results.append)
        if n % 20 == 0:
            pump(app, lambda: False, 0.02)
    pump(app, lambda: len(results) == 300, 30)
    tasks.shutdown()
    if sorted(results) != list(range(300)):
        print("results lost:", len(results), file=sys.stderr)
        return 2
    print("ok")
    return 0


if __name__ == "__main__":
    if sys.argv[1] == "export-cancel":
        sys.exit(export_cancel(Path(sys.argv[2]), Path(sys.argv[3])))
    sys.exit(short_jobs(Path(sys.argv[2])))
