"""The one place for Qt threading (like Anki's taskman).

* Database work runs on a single worker thread, one job at a time, so writes never race.
* Long work (import, export, batch print, sync) runs on its own thread with a progress dialog and
  a cancel button; the job polls ``progress.cancelled``.
* Results come back to the GUI thread by queued signals; jobs never touch widgets.
* :meth:`TaskManager.shutdown` stops and ``wait()``s every thread (on exit and in tests).

Short reads by primary key for the rows a table is showing are the one exception: they run on the
GUI thread (SQLite WAL: readers are never blocked by the worker's writes).
"""

from __future__ import annotations

import itertools
import logging
import queue
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)
Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


class _DbThread(QThread):
    finished_job = Signal(int, object)
    failed_job = Signal(int, object)

    def __init__(self) -> None:
        super().__init__()
        self.jobs: queue.Queue[tuple[int, Callable[[], Any]] | None] = queue.Queue()

    def run(self) -> None:
        while True:
            item = self.jobs.get()
            if item is None:
                return
            token, fn = item
            try:
                result = fn()
            except BaseException as exc:  # handed to the GUI thread, which decides what to show
                self.failed_job.emit(token, [exc])
            else:
                # Wrapped: PySide6 mis-counts references to None passed bare through a queued signal.
                self.finished_job.emit(token, [result])


class Progress:
    """Handed to a long job: report how far it is, and check whether the user cancelled."""

    def __init__(self, thread: _LongThread) -> None:
        self._thread = thread
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def report(self, done: int, total: int, label: str = "") -> None:
        self._thread.progressed.emit(done, total, label)


class _LongThread(QThread):
    progressed = Signal(int, int, str)
    finished_job = Signal(object)
    failed_job = Signal(object)

    def __init__(self, fn: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.progress = Progress(self)

    def run(self) -> None:
        try:
            result = self.fn(self.progress)
        except BaseException as exc:
            self.failed_job.emit([exc])
        else:
            self.finished_job.emit([result])


class TaskManager(QObject):
    """Owns the threads; every job's result is delivered on the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tokens = itertools.count(1)
        self._callbacks: dict[int, tuple[Done | None, Failed | None]] = {}
        self._db = _DbThread()
        self._db.finished_job.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self._db.failed_job.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self._db.start()
        self._long: set[_LongThread] = set()
        self._closed = False

    # --- database jobs ----------------------------------------------------------------------------

    def run_db(
        self, fn: Callable[[], Any], on_done: Done | None = None, on_error: Failed | None = None
    ) -> int:
        """Queue ``fn`` on the database thread; ``on_done(result)`` or ``on_error(exc)`` runs later here."""
        if self._closed:
            raise RuntimeError("task manager is shut down")
        token = next(self._tokens)
        self._callbacks[token] = (on_done, on_error)
        self._db.jobs.put((token, fn))
        return token

    @property
    def closed(self) -> bool:
        return self._closed

    def pending(self) -> int:
        return len(self._callbacks)

    def _on_done(self, token: int, boxed: list[Any]) -> None:
        done, _ = self._callbacks.pop(token, (None, None))
        if done is not None:
            done(boxed[0])

    def _on_failed(self, token: int, boxed: list[BaseException]) -> None:
        exc = boxed[0]
        _, failed = self._callbacks.pop(token, (None, None))
        if failed is not None:
            failed(exc)
        else:
            log.error("database job failed: %s", type(exc).__name__)

    # --- long jobs --------------------------------------------------------------------------------

    def run_long(
        self,
        fn: Callable[[Progress], Any],
        *,
        title: str,
        parent: QWidget | None = None,
        on_done: Done | None = None,
        on_error: Failed | None = None,
    ) -> Progress:
        """Run ``fn(progress)`` on its own thread behind a progress dialog with a cancel button."""
        thread = _LongThread(fn)
        dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, parent)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.canceled.connect(thread.progress.cancel)

        def progressed(done: int, total: int, label: str) -> None:
            dialog.setMaximum(total)
            dialog.setValue(done)
            if label:
                dialog.setLabelText(label)

        def finish() -> None:
            dialog.reset()
            dialog.deleteLater()
            self._long.discard(thread)

        def succeeded(boxed: list[Any]) -> None:
            result = boxed[0]
            finish()
            if on_done is not None:
                on_done(result)

        def failed(boxed: list[BaseException]) -> None:
            exc = boxed[0]
            finish()
            if on_error is not None:
                on_error(exc)

        thread.progressed.connect(progressed, Qt.ConnectionType.QueuedConnection)
        thread.finished_job.connect(succeeded, Qt.ConnectionType.QueuedConnection)
        thread.failed_job.connect(failed, Qt.ConnectionType.QueuedConnection)
        self._long.add(thread)
        thread.start()
        return thread.progress

    # --- shutdown ---------------------------------------------------------------------------------

    def shutdown(self, timeout_ms: int = 10000) -> None:
        """Finish queued database work, cancel long jobs, and wait for every thread."""
        if self._closed:
            return
        self._closed = True
        for thread in list(self._long):
            thread.progress.cancel()
        self._db.jobs.put(None)
        self._db.wait(timeout_ms)
        for thread in list(self._long):
            thread.wait(timeout_ms)
        self._long.clear()
        self._callbacks.clear()
