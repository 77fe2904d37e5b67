"""First run with 演示数据 ticked: the demo (with a kept PDF per signed agreement) is made on a thread
of its own behind a progress dialog, while the GUI thread keeps processing events."""

from __future__ import annotations

import functools
import threading

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QDialogButtonBox, QProgressDialog
from sqlalchemy import func, select

from advisor_app.domain.models import Agreement, Attachment

LEFT = Qt.MouseButton.LeftButton


def test_demo_data_is_made_off_the_gui_thread_with_progress(app, store, tasks, qtbot, answers, monkeypatch):
    import ui.first_run as first_run
    from advisor_app import demo

    threads: list[threading.Thread] = []
    reported: list[tuple[int, int]] = []
    real_generate = demo.generate

    def generate(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        threads.append(threading.current_thread())
        shown = kwargs["progress"]

        def progress(done: int, total: int) -> None:
            reported.append((done, total))
            shown(done, total)

        return real_generate(*args, **{**kwargs, "progress": progress})

    monkeypatch.setattr(demo, "generate", generate)
    # A small county keeps the test short; the path is the desktop's own (thread, progress, kept PDFs).
    monkeypatch.setattr(
        first_run, "load_demo", functools.partial(first_run.load_demo, consultations=100, cases=40)
    )

    dialog = first_run.FirstRunDialog(store, tasks)
    qtbot.addWidget(dialog)
    dialog.show()
    button = dialog.fields["role"].buttons["人民调解员"]
    qtbot.mouseClick(button, LEFT, pos=QPoint(8, button.height() // 2))
    qtbot.keyClicks(dialog.fields["user"], "demo")
    box = dialog.fields["demo"]
    qtbot.mouseClick(box, LEFT, pos=QPoint(8, box.height() // 2))
    assert box.isChecked()

    ticks = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(len(reported)))
    timer.start()
    bars: list[QProgressDialog] = []
    spy = QTimer()
    spy.setInterval(20)
    spy.timeout.connect(lambda: bars.extend(dialog.findChildren(QProgressDialog)))
    spy.start()
    with qtbot.waitSignal(dialog.finished, timeout=120_000) as blocker:
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), LEFT)
    timer.stop()
    spy.stop()

    assert blocker.args == [1]  # accepted once the demo is there
    assert threads and threads[0] is not threading.main_thread()
    # The GUI thread went on ticking while the agreements were printed, and saw the progress move.
    assert len(ticks) >= 5
    assert any(0 < n < len(reported) for n in ticks), (ticks[:20], len(reported))
    assert bars, "no progress dialog"
    total = reported[-1][1]
    assert reported[-1] == (total, total) and len(reported) >= 2

    assert dialog.demo_counts is not None
    with store.session() as session:
        signed = session.scalar(
            select(func.count()).select_from(Agreement).where(Agreement.status == "已签署")
        )
        unkept = session.scalar(
            select(func.count())
            .select_from(Agreement)
            .where(Agreement.status == "已签署", Agreement.pdf_sha256.is_(None))
        )
        kept = session.scalar(
            select(func.count()).select_from(Attachment).where(Attachment.target_kind == "agreement")
        )
    assert signed == total == kept == dialog.demo_counts["attachments"] > 0
    assert unkept == 0
