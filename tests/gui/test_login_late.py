"""A login that finishes after the login dialog gave up or was cancelled is abandoned: no token in
the keyring, no server address, account or role saved, and the token the server issued is revoked.
A real HTTP server on loopback whose login handler sleeps past the dialog's give-up time, then
answers 200; the dialog driven by clicks."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from advisor_app.services import setup
from sync.client import credentials
from tests.conftest import TOWNSHIP
from tests.sync_client.conftest import memory_keyring  # noqa: F401 - autouse fixture: no real keyring

LEFT = Qt.MouseButton.LeftButton
GIVE_UP_MS = 800  # the rule is 10 s (tests/gui/test_threads.py checks it); the test need not wait
LATE_S = 1.6  # the login handler answers after the dialog gave up, inside the client's 4 s timeout
TOKEN = "token-issued-late"


class SlowServer:
    """/v1/auth/login answers 200 after ``delay`` s; /v1/regions a village list; /v1/auth/logout
    records the token it revokes."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self.logins = 0
        self.revoked: list[str] = []
        self.answered = threading.Event()
        owner = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_args) -> None:  # noqa: ANN002 - quiet
                pass

            def _reply(self, status: int, body: object | None = None) -> None:
                data = b"" if body is None else json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:  # noqa: N802 - http.server API
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if self.path == "/v1/auth/login":
                    owner.logins += 1
                    time.sleep(owner.delay)
                    self._reply(200, {"token": TOKEN, "account": {"role": "adviser", "regions": [TOWNSHIP]}})
                    owner.answered.set()
                elif self.path == "/v1/auth/logout":
                    owner.revoked.append(self.headers.get("Authorization", "").removeprefix("Bearer "))
                    self._reply(204)
                else:
                    self._reply(404, {"detail": "not found"})

            def do_GET(self) -> None:  # noqa: N802 - http.server API
                if self.path == "/v1/regions":
                    self._reply(
                        200,
                        [
                            {
                                "code": "610502100299",
                                "name": "迟到村",
                                "level": "village",
                                "parent_code": TOWNSHIP,
                            }
                        ],
                    )
                else:
                    self._reply(404, {"detail": "not found"})

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def slow_server():
    server = SlowServer(LATE_S)
    yield server
    server.close()


def _dialog(store, tasks, qtbot, monkeypatch, url: str):
    from ui import login_dialog
    from ui.login_dialog import LoginDialog
    from ui.sync_status import SyncController

    monkeypatch.setattr(login_dialog, "GIVE_UP_MS", GIVE_UP_MS)
    controller = SyncController(store, tasks=tasks)
    dialog = LoginDialog(controller)
    qtbot.addWidget(dialog)
    dialog.give_up.setInterval(GIVE_UP_MS)
    dialog.show()
    qtbot.keyClicks(dialog.server, url)
    qtbot.keyClicks(dialog.user, "adv1")
    qtbot.keyClicks(dialog.password, "secret")
    return dialog


def _nothing_kept(store, url: str) -> None:
    assert credentials.load_token(url, "adv1") is None
    assert store.setting("server_url") != url and not store.setting("sync_user")
    assert not store.setting(setup.ACCOUNT_ROLE_SETTING)
    assert "610502100299" not in {v.code for v in setup.villages(store)}


def _wait_abandoned(qtbot, tasks, server: SlowServer) -> None:
    """Until the late answer came and the worker revoked the token it brought."""
    qtbot.waitUntil(lambda: server.revoked == [TOKEN], timeout=10000)
    qtbot.wait(300)  # the worker's error callback reaches the dialog (and is ignored there)


def test_a_login_answered_after_the_dialog_gave_up_is_abandoned(
    app, seeded, tasks, qtbot, monkeypatch, slow_server, answers
):
    dialog = _dialog(seeded, tasks, qtbot, monkeypatch, slow_server.url)
    qtbot.mouseClick(dialog.ok_button(), LEFT)
    qtbot.waitUntil(lambda: dialog.ok_button().isEnabled(), timeout=5000)
    gave_up = dialog.error.text()
    assert not slow_server.answered.is_set()  # the dialog gave up before the answer came
    _wait_abandoned(qtbot, tasks, slow_server)
    assert slow_server.answered.is_set() and slow_server.logins == 1
    assert dialog.isVisible() and dialog.account is None and dialog.error.text() == gave_up
    assert answers["informed"] == []  # nothing completed, so nothing to report
    _nothing_kept(seeded, slow_server.url)


def test_a_login_cancelled_while_waiting_is_abandoned(
    app, seeded, tasks, qtbot, monkeypatch, slow_server, answers
):
    dialog = _dialog(seeded, tasks, qtbot, monkeypatch, slow_server.url)
    qtbot.mouseClick(dialog.ok_button(), LEFT)
    qtbot.wait(200)
    with qtbot.waitSignal(dialog.rejected, timeout=1000):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), LEFT)
    _wait_abandoned(qtbot, tasks, slow_server)
    assert dialog.account is None and answers["informed"] == []
    _nothing_kept(seeded, slow_server.url)


def test_the_same_server_in_time_logs_in(app, seeded, tasks, qtbot, monkeypatch, slow_server, answers):
    """The control: the same late answer inside the give-up time is kept (the test can fail)."""
    slow_server.delay = 0.2
    dialog = _dialog(seeded, tasks, qtbot, monkeypatch, slow_server.url)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.mouseClick(dialog.ok_button(), LEFT)
    assert credentials.load_token(slow_server.url, "adv1") == TOKEN and slow_server.revoked == []
    assert seeded.setting("server_url") == slow_server.url and seeded.setting("sync_user") == "adv1"


def test_cancel_while_the_login_is_being_kept_is_reported(app, seeded, qtbot, answers):
    """The one moment 取消 cannot undo: the worker is already saving. The login completes and the
    dialog says so (a controller standing in for the worker, to hit that moment exactly)."""
    from ui.login_dialog import LoginDialog

    class Controller:
        client = type("Client", (), {"server_url": "", "username": ""})()

        def login(self, url, user, password, on_done, on_error, proceed=None):  # noqa: ANN001, ANN202
            self.on_done, self.proceed = on_done, proceed

    controller = Controller()
    dialog = LoginDialog(controller)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.server.setText("https://city.example")
    dialog.user.setText("adv1")
    dialog.password.setText("secret")
    qtbot.mouseClick(dialog.ok_button(), LEFT)
    assert controller.proceed() is True  # the server answered: the worker starts keeping it
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel), LEFT)
    assert not dialog.isVisible()
    assert controller.proceed() is True  # still kept: 取消 came too late to stop it
    controller.on_done({"role": "adviser", "regions": []})
    assert dialog.account == {"role": "adviser", "regions": []}
    ((_title, text),) = answers["informed"]
    assert "adv1" in text
