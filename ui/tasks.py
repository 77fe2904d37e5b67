"""The one place for Qt threading (like Anki's taskman).

* Database work runs on a single worker thread, one job at a time, so writes never race.
* Long work (import, export, batch print) runs on its own thread with a progress dialog and a
  cancel button; cancelling is cooperative: the job polls ``progress.cancelled`` and its result is
  dropped (``on_cancelled`` runs instead of ``on_done``).
* Network work (sync, login, the server check) runs in a small pool (:meth:`TaskManager.run_net`),
  never on the GUI thread and never on the database thread (a slow server must not hold up saves).
* Results come back to the GUI thread by queued signals; jobs never touch widgets.
* A thread object is released only after its thread has ended (Qt aborts the whole process —
  “QThread: Destroyed while thread is still running” — if a running QThread is deleted).
* :meth:`TaskManager.shutdown` stops and ``wait()``s every thread (on exit and in tests).

Short reads by primary key for the rows a table is showing are the one exception: they run on the
GUI thread (SQLite WAL: readers are never blocked by the worker's writes).
"""

from __future__ import annotations

import itertools
import logging
import queue
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

log = logging.getLogger(__name__)
Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]
NET_WORKERS = 2
# Threads that outlived shutdown's wait are kept here, never garbage-collected while running.
_stragglers: list[Any] = []


class _DbThread(QThread):
    finished_job = Signal(int, object)
    failed_job = Signal(int, object)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("advisor-db")
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
    """Handed to a long or network job: report how far it is, and check whether the user cancelled."""

    def __init__(self, emit: Callable[[int, int, str], None] | None = None) -> None:
        self._emit = emit
        self._cancel = threading.Event()
        self.finished = threading.Event()  # set when the job has returned or raised (network jobs)
        self.future: Any = None

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    @property
    def event(self) -> threading.Event:
        """The cancel flag as an Event, for code that takes one (the sync client)."""
        return self._cancel

    def cancel(self) -> None:
        self._cancel.set()

    def report(self, done: int, total: int, label: str = "") -> None:
        if self._emit is not None:
            self._emit(done, total, label)


class _LongThread(QThread):
    progressed = Signal(int, int, str)
    finished_job = Signal(object)
    failed_job = Signal(object)

    def __init__(self, fn: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.setObjectName("advisor-long")
        self.fn = fn
        self.progress = Progress(self.progressed.emit)

    def run(self) -> None:
        try:
            result = self.fn(self.progress)
        except BaseException as exc:
            self.failed_job.emit([exc])
        else:
            self.finished_job.emit([result])


class _Relay(QObject):
    """Carries a pool job's outcome to the GUI thread (the object lives there: queued delivery)."""

    finished_job = Signal(int, object)
    failed_job = Signal(int, object)
    progressed = Signal(int, int, int, str)


class TaskManager(QObject):
    """Owns the threads; every job's result is delivered on the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        from advisor_app.services.store_access import reads_only_here

        # Made on the GUI thread: it reads to show and leaves writes to the database thread, so its
        # transactions never take (or wait for) the write lock.
        reads_only_here()
        self._tokens = itertools.count(1)
        self._callbacks: dict[int, tuple[Done | None, Failed | None]] = {}
        self._db = _DbThread()
        self._db.finished_job.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self._db.failed_job.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        # Started with the first database job: a manager used only for the network (the sync
        # controller's own) then holds no QThread that could outlive it.
        self._long: set[_LongThread] = set()
        self._net: ThreadPoolExecutor | None = None
        self._net_progress: dict[int, Callable[[int, int, str], None]] = {}
        self._net_cancels: dict[int, Progress] = {}
        self._relay = _Relay()
        self._relay.finished_job.connect(self._on_done, Qt.ConnectionType.QueuedConnection)
        self._relay.failed_job.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self._relay.progressed.connect(self._on_net_progress, Qt.ConnectionType.QueuedConnection)
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
        if not self._db.isRunning():
            self._db.start()
        self._db.jobs.put((token, fn))
        return token

    def call_db(self, fn: Callable[[], Any]) -> Any:
        """Run ``fn`` on the database thread and wait for its result (or raise its error), from a
        network or long job — never the GUI thread. The sync client's writes go this way
        (``SyncClient.write``), so its network steps stay in the pool and its writes queue behind
        the GUI's saves on the one writer instead of racing them."""
        if threading.current_thread() is threading.main_thread():
            raise RuntimeError("call_db blocks: use run_db on the GUI thread")
        if QThread.currentThread() is self._db:
            return fn()  # already on the database thread (a job calling a writer)
        if self._closed:
            raise RuntimeError("task manager is shut down")
        box: list[Any] = []
        done = threading.Event()

        def job() -> None:
            try:
                box.append((True, fn()))
            except BaseException as exc:  # re-raised on the calling thread
                box.append((False, exc))
            finally:
                done.set()

        if not self._db.isRunning():
            self._db.start()
        self._db.jobs.put((0, job))  # token 0: no GUI callback
        while not done.wait(0.1):
            if self._closed and not self._db.isRunning():  # shut down before the job ran
                raise RuntimeError("task manager is shut down")
        ok, value = box[0]
        if not ok:
            raise value
        return value

    @property
    def closed(self) -> bool:
        return self._closed

    def pending(self) -> int:
        return len(self._callbacks)

    def _on_done(self, token: int, boxed: list[Any]) -> None:
        self._net_progress.pop(token, None)
        self._net_cancels.pop(token, None)
        done, _ = self._callbacks.pop(token, (None, None))
        if done is not None:
            done(boxed[0])

    def _on_failed(self, token: int, boxed: list[BaseException]) -> None:
        self._net_progress.pop(token, None)
        self._net_cancels.pop(token, None)
        exc = boxed[0]
        entry = self._callbacks.pop(token, None)
        if entry is None:  # a job outliving shutdown (a request on a silent server): nobody waits
            log.info("late job failed after shutdown: %s", type(exc).__name__)
            return
        _, failed = entry
        if failed is not None:
            failed(exc)
        else:
            # Nobody expected this job to fail: an unexpected error, reported like one (the crash
            # handler saves a report and says so) rather than lost in the log.
            log.error("background job failed: %s", type(exc).__name__)
            sys.excepthook(type(exc), exc, exc.__traceback__)

    # --- network jobs -----------------------------------------------------------------------------

    def run_net(
        self,
        fn: Callable[[Progress], Any],
        on_done: Done | None = None,
        on_error: Failed | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
    ) -> Progress:
        """Run ``fn(progress)`` in the network pool; callbacks run later on the GUI thread.

        The returned :class:`Progress` cancels the job (cooperatively); shutdown cancels it too.
        """
        if self._closed:
            raise RuntimeError("task manager is shut down")
        if self._net is None:
            self._net = ThreadPoolExecutor(NET_WORKERS, thread_name_prefix="advisor-net")
        token = next(self._tokens)
        self._callbacks[token] = (on_done, on_error)
        relay = self._relay
        progress = Progress(lambda d, t, label: relay.progressed.emit(token, d, t, label))
        if on_progress is not None:
            self._net_progress[token] = on_progress
        self._net_cancels[token] = progress

        def job() -> None:
            try:
                result = fn(progress)
            except BaseException as exc:
                relay.failed_job.emit(token, [exc])
            else:
                relay.finished_job.emit(token, [result])
            finally:
                progress.finished.set()

        progress.future = self._net.submit(job)
        return progress

    def _on_net_progress(self, token: int, done: int, total: int, label: str) -> None:
        receiver = self._net_progress.get(token)
        if receiver is not None:
            receiver(done, total, label)

    # --- long jobs --------------------------------------------------------------------------------

    def run_long(
        self,
        fn: Callable[[Progress], Any],
        *,
        title: str,
        parent: QWidget | None = None,
        on_done: Done | None = None,
        on_error: Failed | None = None,
        on_cancelled: Callable[[], None] | None = None,
    ) -> Progress:
        """Run ``fn(progress)`` on its own thread behind a progress dialog with a cancel button.

        Cancel only sets ``progress.cancelled``: the job stops at its next check, the thread ends
        by itself, and its result (if any) is dropped in favour of ``on_cancelled()``.
        """
        if self._closed:
            raise RuntimeError("task manager is shut down")
        thread = _LongThread(fn)
        progress = thread.progress
        dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, parent)
        dialog.setWindowTitle(title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(progress.cancel)
        outcome: dict[str, Any] = {}

        def progressed(done: int, total: int, label: str) -> None:
            if progress.cancelled:
                return
            dialog.setMaximum(total)
            dialog.setValue(done)
            if label:
                dialog.setLabelText(label)

        def ended() -> None:
            # QThread.finished: run() has returned. Wait for the thread to be fully done before the
            # last reference goes, then deliver the outcome.
            thread.wait()
            self._long.discard(thread)
            if shiboken6.isValid(dialog):  # its parent page may have gone meanwhile
                dialog.reset()
                dialog.hide()
                dialog.deleteLater()
            if self._closed:
                return
            if progress.cancelled:
                if on_cancelled is not None:
                    on_cancelled()
            elif "error" in outcome:
                exc = outcome["error"]
                if on_error is not None:
                    on_error(exc)
                else:
                    log.error("long job failed: %s", type(exc).__name__)
                    sys.excepthook(type(exc), exc, exc.__traceback__)
            elif on_done is not None:
                on_done(outcome.get("result"))

        thread.progressed.connect(progressed, Qt.ConnectionType.QueuedConnection)
        thread.finished_job.connect(
            lambda boxed: outcome.update(result=boxed[0]), Qt.ConnectionType.QueuedConnection
        )
        thread.failed_job.connect(
            lambda boxed: outcome.update(error=boxed[0]), Qt.ConnectionType.QueuedConnection
        )
        # Queued after finished_job/failed_job (same sender thread, same receiver: delivered in order).
        thread.finished.connect(ended, Qt.ConnectionType.QueuedConnection)
        self._long.add(thread)
        thread.start()
        return progress

    def long_running(self) -> int:
        return len(self._long)

    # --- shutdown ---------------------------------------------------------------------------------

    def shutdown(self, timeout_ms: int = 10000) -> None:
        """Finish queued database work, cancel long and network jobs, and wait for every thread."""
        if self._closed:
            return
        self._closed = True
        for thread in list(self._long):
            thread.progress.cancel()
        for progress in list(self._net_cancels.values()):
            progress.cancel()
        self._db.jobs.put(None)
        if self._db.isRunning() and not self._db.wait(timeout_ms):
            log.error("database thread still busy after %d ms", timeout_ms)
            _stragglers.append(self._db)
        for thread in list(self._long):
            if not thread.wait(timeout_ms):
                log.error("long job still running after %d ms", timeout_ms)
                _stragglers.append(thread)
        self._long.clear()
        if self._net is not None:
            # Jobs not started yet never start; running ones saw the cancel flag. A request stuck
            # on a silent server is not waited for past the timeout: it is a plain Python thread
            # (no Qt object to abort on) and its result goes nowhere.
            running = list(self._net_cancels.values())
            self._net.shutdown(wait=False, cancel_futures=True)
            for progress in running:
                if progress.future.cancelled():
                    continue  # never started
                if not progress.finished.wait(timeout_ms / 1000):
                    log.error("network job still running after %d ms", timeout_ms)
        self._callbacks.clear()
        self._net_progress.clear()
        self._net_cancels.clear()
