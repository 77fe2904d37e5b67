"""Sync in the desktop app: one controller per store (background job, progress, cancel,
automatic sync every few minutes and at start when the server answers) and the status bar widget.

The GUI thread never touches the network: every call to the server runs in the network pool of
:class:`ui.tasks.TaskManager` (the app's one, or the controller's own when none is given) and
comes back through queued signals. Strings are Chinese literals (this module is outside the .ts
sources).
"""

from __future__ import annotations

import logging
import threading
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QPushButton, QWidget

if TYPE_CHECKING:
    from advisor_app.services.store_access import Store

log = logging.getLogger(__name__)

AUTO_MINUTES = 5
LOGIN_TIMEOUT_S = 4.0  # per request; two tries at most stay inside the login dialog's 10 s

_controllers: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


class SyncController(QObject):
    """Runs syncs off the GUI thread; emits what the page and the status bar show."""

    started = Signal()
    progressed = Signal(str, int, int)
    finished = Signal(object)  # SyncReport
    failed = Signal(str)  # Chinese message
    status_changed = Signal(object)  # SyncStatus

    def __init__(self, store: Store, parent: QObject | None = None, tasks: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self._client: Any = None
        self._tasks = tasks  # the app's TaskManager; else one of our own, made on first use
        self._own_tasks = False
        self._job: Any = None  # the running sync's Progress (its cancel flag)
        self._cancel = threading.Event()
        self._jobs: set[Any] = set()
        self.timer = QTimer(self)
        self.timer.setInterval(AUTO_MINUTES * 60 * 1000)
        self.timer.timeout.connect(lambda: self.sync(automatic=True))

    @property
    def client(self) -> Any:
        """The sync client, made on first use: its HTTP stack costs half a second of start-up."""
        if self._client is None:
            from sync.client import SyncClient

            self._client = SyncClient(self.store)
            self._client.write = self._write
        return self._client

    def _write(self, fn: Callable[[], Any]) -> Any:
        """The sync client's database writes, on the task manager's database thread (called from
        the network job, which waits for each)."""
        return self.tasks.call_db(fn)

    def _logged_in(self) -> bool:
        # Read the settings directly so an installation that never syncs never loads the client.
        return bool(self.store.setting("server_url") and self.store.setting("sync_user"))

    @property
    def running(self) -> bool:
        return self._job is not None

    def start_auto(self) -> None:
        """Sync now if the server answers (checked off the GUI thread), then every few minutes."""
        self.timer.start()
        if self._logged_in():
            self._background(self._server_answers, lambda ok: self.sync(automatic=True) if ok else None)

    def _server_answers(self, _progress: Callable) -> bool:
        import requests  # the sync client's HTTP stack; imported off the GUI thread, on first use

        try:
            return requests.get(f"{self.client.server_url}/health", timeout=5).status_code == 200
        except requests.RequestException:
            return False

    def sync(self, automatic: bool = False) -> bool:
        if self._job is not None:
            return False
        if automatic and not self._logged_in():
            return False
        self._cancel = threading.Event()
        cancel = self._cancel
        self._job = self._background(
            lambda progress: self.client.sync(progress, cancel),
            self._done,
            self._failed,
            self.progressed.emit,
        )
        self.started.emit()
        return True

    def cancel(self) -> None:
        self._cancel.set()

    def login(
        self,
        url: str,
        user: str,
        password: str,
        on_done: Callable[[Any], None],
        on_error: Callable[[str], None],
        proceed: Callable[[], bool] | None = None,
    ) -> None:
        """``proceed`` (see SyncClient.login) lets the login dialog abandon a login it stopped waiting for."""

        def finished(account: Any) -> None:
            from advisor_app.services import regions

            regions.notify_changed(
                self.client.store
            )  # the login brought the account's villages: open forms refill
            self.refresh()
            on_done(account)

        def attempt(_progress: Any) -> Any:
            # A person is waiting: a client of its own with a short timeout and one quick retry, so
            # the request ends (and its thread with it) within the dialog's 10 s, not after the
            # minute a sync batch may take.
            from sync.client import SyncClient
            from sync.client.transport import RetryPolicy

            quick = SyncClient(
                self.store, retry=RetryPolicy(attempts=2, base=0.25, cap=1.0), timeout=LOGIN_TIMEOUT_S
            )
            quick.write = self._write
            try:
                return quick.login(url, user, password, device_name="桌面端", proceed=proceed)
            finally:
                quick.close()

        self._background(attempt, finished, lambda exc: on_error(_message(exc)))

    def logout(self, on_done: Callable[[int], None]) -> None:
        def finished(queued: int) -> None:
            self.refresh()
            on_done(queued)

        self._background(
            lambda _p: self.client.logout(), finished, lambda exc: self.failed.emit(_message(exc))
        )

    def refresh(self) -> None:
        """Re-read the status (local database only) and emit it."""
        self.status_changed.emit(self.client.status())

    @property
    def tasks(self) -> Any:
        if self._tasks is None or self._tasks.closed:
            from ui.tasks import TaskManager

            self._tasks, self._own_tasks = TaskManager(), True
        return self._tasks

    def use_tasks(self, tasks: Any) -> None:
        """Run through the app's TaskManager from now on (the main window hands it over)."""
        if tasks is not None and not self._jobs:
            if self._own_tasks:
                self._tasks.shutdown()
            self._tasks, self._own_tasks = tasks, False

    def shutdown(self, timeout_ms: int = 10000) -> None:
        self.timer.stop()
        self._cancel.set()
        for job in list(self._jobs):
            job.cancel()
            job.finished.wait(timeout_ms / 1000)
        if self._own_tasks:
            self._tasks.shutdown(timeout_ms)
        if self._client is not None:
            self._client.close()

    def _background(
        self,
        fn: Callable,
        on_done: Callable,
        on_error: Callable | None = None,
        on_progress: Callable | None = None,
    ) -> Any:
        """``fn(progress)`` in the network pool; ``progress(stage, done, total)`` as the client wants it."""
        holder: dict[str, Any] = {}

        def job(progress: Any) -> Any:
            return fn(lambda stage, d, t: progress.report(d, t, stage))

        def done(result: Any) -> None:
            self._jobs.discard(holder.get("job"))
            on_done(result)

        def failed(exc: BaseException) -> None:
            self._jobs.discard(holder.get("job"))
            if on_error is not None:
                on_error(exc)

        relay = None if on_progress is None else (lambda d, t, stage: on_progress(stage, d, t))
        holder["job"] = self.tasks.run_net(job, done, failed, relay)
        self._jobs.add(holder["job"])
        return holder["job"]

    def _done(self, report: Any) -> None:
        self._job = None
        self.finished.emit(report)
        self.refresh()

    def _failed(self, exc: BaseException) -> None:
        self._job = None
        self.failed.emit(_message(exc))
        self.refresh()


def _message(exc: BaseException) -> str:
    """The sync client's own message, else a plain one: never an exception class name (issue 15 §3)."""
    found = getattr(exc, "message", None)
    if found:
        return found
    if isinstance(exc, OSError | TimeoutError | ConnectionError):
        return QCoreApplication.translate(
            "SyncController", "Sync failed: the server could not be reached. Check the network and try again."
        )
    log.error("sync failed", exc_info=exc)
    return QCoreApplication.translate(
        "SyncController", "Sync failed because of a program error; the records stay on this computer."
    )


def controller_for(store: Store, tasks: Any = None) -> SyncController:
    """The one controller of ``store`` (shared by the 同步 page and the status bar)."""
    controller = _controllers.get(store)
    if controller is None:
        controller = SyncController(store, tasks=tasks)
        _controllers[store] = controller
    else:
        controller.use_tasks(tasks)
    return controller


def describe(status: Any) -> str:
    if not status.server_url:
        return QCoreApplication.translate("SyncStatus", "Saved on this computer only (no sync server set up)")
    if not status.logged_in:
        return QCoreApplication.translate(
            "SyncStatus", "Not signed in to the sync server · %1 to send"
        ).replace("%1", str(status.queued))
    last = (status.last_sync or QCoreApplication.translate("SyncStatus", "never")).replace("T", " ")
    text = (
        QCoreApplication.translate("SyncStatus", "Last sync %1 (UTC) · %2 to send")
        .replace("%1", last)
        .replace("%2", str(status.queued))
    )
    if status.conflicts:
        text += QCoreApplication.translate("SyncStatus", " · %1 in conflict").replace(
            "%1", str(status.conflicts)
        )
    if status.rejected:
        text += QCoreApplication.translate("SyncStatus", " · %1 refused").replace("%1", str(status.rejected))
    if getattr(status, "quarantined", 0):
        text += QCoreApplication.translate("SyncStatus", " · %1 quarantined").replace(
            "%1", str(status.quarantined)
        )
    if status.last_error:
        text += QCoreApplication.translate("SyncStatus", " · error: %1").replace("%1", status.last_error)
    return text


class SyncStatusWidget(QWidget):
    """Status bar piece: last sync, queued count, errors, and a 同步 button that shows progress."""

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.label = QLabel()
        self.label.setObjectName("syncStatus")
        self.button = QPushButton(self.tr("Sync now"))
        self.button.setFlat(True)
        self.button.clicked.connect(self._clicked)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        controller.status_changed.connect(self.show_status)
        controller.started.connect(lambda: self.button.setText(self.tr("Cancel sync")))
        controller.progressed.connect(lambda stage, d, t: self.label.setText(f"{stage} {d}/{t}"))
        controller.finished.connect(lambda _r: self.button.setText(self.tr("Sync now")))
        controller.failed.connect(lambda _m: self.button.setText(self.tr("Sync now")))
        controller.refresh()

    def _clicked(self) -> None:
        if self.controller.running:
            self.controller.cancel()
        else:
            self.controller.sync()

    def show_status(self, status: Any) -> None:
        self.label.setText(describe(status))
        self.label.setToolTip(status.last_error or "")


SYNC_COLUMN = "sync_state"


def __getattr__(name: str) -> str:
    # SYNC_HEADER is read when imported (list pages import it as they build), so it is in the
    # language installed by then
    if name == "SYNC_HEADER":
        return QCoreApplication.translate("SyncStatus", "Sync")
    raise AttributeError(name)


def with_sync_state(store: Store, kind: str, fetch: Callable[[list[str]], dict[str, tuple]]) -> Callable:
    """Wrap a list model's block fetch so every row ends with its sync state (被拒 with the reason).

    ``kind`` is the table name (``consultations``, ``cases``, ``activities``…). Two small queries per
    block of rows, on the same thread as the fetch itself.
    """
    from sync.client.record_state import states_for

    def fetch_with_state(ids: list[str]) -> dict[str, tuple]:
        rows = fetch(ids)
        states = states_for(store, kind, list(rows))
        out = {}
        for rid, values in rows.items():
            st = states.get(rid)
            text = "" if st is None else st.label + (f"：{st.message}" if st.message else "")
            out[rid] = (*values, text)
        return out

    return fetch_with_state


def install(window: QMainWindow, store: Store, *, auto: bool = True, tasks: Any = None) -> SyncController:
    """Hook for the main window: the status bar widget and automatic sync."""
    controller = controller_for(store, tasks)
    window.statusBar().addPermanentWidget(SyncStatusWidget(controller, window))
    if auto:
        controller.start_auto()
    return controller


def shutdown_all(timeout_ms: int = 10000) -> None:
    """Hook for the main window's close: cancel running syncs and wait for their threads."""
    for controller in list(_controllers.values()):
        controller.shutdown(timeout_ms)
