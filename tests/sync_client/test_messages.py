"""Honest messages and counts (issue 12 §5): “无法连接” only when no connection was made; a cut
connection and a server error each say so; 发送 counts what the server holds after a lost reply."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import keyring
import pytest

from advisor_app.store import Store, open_store
from sync.client import NetworkError, ServerError, SyncClient, SyncError

from .conftest import FAST, V1
from .records import consult, server_snapshot


def _client_for(tmp_path: Path, url: str) -> tuple[Store, SyncClient]:
    store = open_store(tmp_path / "device")
    store.set_setting("server_url", url)
    store.set_setting("sync_user", "adv1")
    keyring.get_keyring().set_password("advisor-desk-sync", f"adv1@{url}", "token")
    return store, SyncClient(store, retry=FAST)


def _answering(status: int, body: dict | None) -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            self.rfile.read(length)
            data = json.dumps(body).encode() if body is not None else b"<html>oops</html>"
            self.send_response(status)
            self.send_header("Content-Type", "application/json" if body is not None else "text/html")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = _answer  # noqa: N815 - the handler's method names

        def log_message(self, *_args: object) -> None:
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture
def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_no_connection_says_it_cannot_connect(tmp_path, closed_port):
    store, client = _client_for(tmp_path, f"http://127.0.0.1:{closed_port}")
    with pytest.raises(NetworkError) as err:
        client.sync()
    assert "无法连接同步服务器" in err.value.message and "本机数据已保存" in err.value.message
    assert client.status().last_error == err.value.message
    store.engine.dispose()


def test_a_cut_connection_is_not_called_unreachable(tmp_path):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)

    def accept_and_close() -> None:
        while True:
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            conn.recv(65536)
            conn.close()  # the request arrived; no reply

    threading.Thread(target=accept_and_close, daemon=True).start()
    store, client = _client_for(tmp_path, f"http://127.0.0.1:{listener.getsockname()[1]}")
    try:
        with pytest.raises(NetworkError) as err:
            client.sync()
    finally:
        listener.close()
    assert "连接中断" in err.value.message and "无法连接" not in err.value.message
    store.engine.dispose()


@pytest.mark.parametrize("body", [{"error": {"code": "internal", "message": "服务器内部错误"}}, None])
def test_a_server_error_says_the_server_failed(tmp_path, body):
    for url in _answering(500, body):
        store, client = _client_for(tmp_path, url)
        with pytest.raises(ServerError) as err:
            client.sync()
        assert "同步服务器出错" in err.value.message and "HTTP 500" in err.value.message
        assert "无法连接" not in err.value.message
        store.engine.dispose()


@pytest.mark.parametrize(
    "status,body,words",
    [
        (400, {"error": {"code": "unsupported_protocol", "message": "不支持的协议版本"}}, "不支持的协议版本"),
        (404, None, "HTTP 404"),
    ],
)
def test_a_refusal_says_the_server_refused(tmp_path, status, body, words):
    for url in _answering(status, body):
        store, client = _client_for(tmp_path, url)
        with pytest.raises(SyncError) as err:
            client.sync()
        assert not isinstance(err.value, NetworkError)
        assert "同步服务器拒绝了请求" in err.value.message and words in err.value.message
        assert "无法连接" not in err.value.message
        store.engine.dispose()


def test_sent_counts_what_the_server_holds_after_a_lost_reply(server, proxy, device):
    a = device("a", proxy.url, "adv1")
    for n in range(3):
        consult(a.store, V1, f"问题 {n}")
    proxy.reset({1: "after-request"})  # the push reaches the server, its reply is lost; a retry resends
    report = a.client.sync()
    assert proxy.triggered, "the cut must have happened"
    assert report.duplicates == 3 and report.pushed == 3 and "发送 3 条" in report.summary()
    assert len(server_snapshot(server.engine)) == 3
    assert a.client.status().queued == 0


def test_queued_after_a_failed_sync_is_what_the_next_sync_sends(server, proxy, device):
    from sync.client import RetryPolicy

    a = device("a", proxy.url, "adv1", batch_size=2)
    for n in range(7):
        consult(a.store, V1, f"问题 {n}")
    assert a.client.status().queued == 7
    proxy.reset({3: "before"})  # batches 1 and 2 are accepted, the third never leaves
    cut = SyncClient(a.store, retry=RetryPolicy(attempts=1), batch_size=2)
    with pytest.raises(NetworkError):
        cut.sync()
    queued = a.client.status().queued
    assert queued == 3
    proxy.reset()
    report = a.client.sync()
    assert report.pushed == queued and report.duplicates == 0
    assert a.client.status().queued == 0 and len(server_snapshot(server.engine)) == 7
