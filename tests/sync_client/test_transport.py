"""The sync client's HTTP on ``requests`` (issue 16 §1): one kept-alive session, gzip both ways,
(connect, read) timeouts, retries with backoff on cut connections and 502/503/504 honouring
Retry-After, cancel between requests, Chinese messages without exception class names — and the
app's sync path never imports httpx."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from sync.client import Cancelled, NetworkError, RetryPolicy, ServerError
from sync.client.transport import Transport

from .conftest import PASSWORD, ROOT, V1

QUICK = RetryPolicy(attempts=4, base=0.01, cap=0.05)
CLASS_NAME = re.compile(r"[A-Z][a-z]+(Error|Timeout|Exception)|Errno")


@dataclass
class Seen:
    """What the loopback server saw: one entry per request."""

    paths: list[str] = field(default_factory=list)
    bodies: list[bytes] = field(default_factory=list)
    encodings: list[str] = field(default_factory=list)
    connections: set[tuple[str, int]] = field(default_factory=set)


Answer = Callable[[int, BaseHTTPRequestHandler], tuple[int, dict[str, str], bytes] | None]


@pytest.fixture
def loopback() -> Iterator[Callable[[Answer], tuple[str, Seen]]]:
    """``loopback(answer)``: an HTTP/1.1 server on 127.0.0.1 whose n-th reply ``answer(n, handler)`` gives
    (status, headers, body), or None to drop the connection without a reply."""
    servers: list[ThreadingHTTPServer] = []

    def start(answer: Answer) -> tuple[str, Seen]:
        seen = Seen()
        lock = threading.Lock()

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as the city server does

            def _any(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                with lock:
                    n = len(seen.paths)
                    seen.paths.append(self.path)
                    seen.bodies.append(body)
                    seen.encodings.append(self.headers.get("Content-Encoding", ""))
                    seen.connections.add(self.client_address)
                reply = answer(n, self)
                if reply is None:
                    self.close_connection = True
                    return
                status, headers, data = reply
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_PUT = _any  # noqa: N815 - the handler's method names

            def log_message(self, *_args: object) -> None:
                pass

        httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        httpd.daemon_threads = True
        servers.append(httpd)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        return f"http://127.0.0.1:{httpd.server_address[1]}", seen

    yield start
    for httpd in servers:
        httpd.shutdown()
        httpd.server_close()


def _json(status: int, value: object, *, gzipped: bool = False, **headers: str) -> tuple:
    data = json.dumps(value, ensure_ascii=False).encode()
    head = {"Content-Type": "application/json", **headers}
    if gzipped:
        data = gzip.compress(data)
        head["Content-Encoding"] = "gzip"
    return status, head, data


def test_gzip_both_ways_one_kept_alive_connection_and_wire_counts(loopback):
    reply = {"records": ["调解协议书" * 200]}
    url, seen = loopback(lambda n, h: _json(200, reply, gzipped=True))
    with Transport(url, token="t0k", retry=QUICK) as http:
        body = {"records": [{"question": "宅基地边界纠纷" * 50}]}
        for _ in range(3):
            assert http.json("POST", "/v1/push", body=body, gzip_body=True) == reply
        sent = seen.bodies[0]
        assert seen.encodings == ["gzip"] * 3
        assert json.loads(gzip.decompress(sent)) == body and len(sent) < len(json.dumps(body).encode())
        assert len(seen.connections) == 1, "keep-alive: three calls over one connection"
        assert http.count.requests == 3 and http.count.up == 3 * len(sent)
        wire = len(gzip.compress(json.dumps(reply, ensure_ascii=False).encode()))
        assert http.count.down == 3 * wire, "bytes counted as they came over the wire (compressed)"


@pytest.mark.parametrize("status", [502, 503, 504])
def test_gateway_errors_are_retried(loopback, status):
    url, seen = loopback(lambda n, h: _json(status, {}) if n < 2 else _json(200, {"ok": True}))
    notices: list[tuple[int, str]] = []
    with Transport(url, retry=QUICK, on_retry=lambda a, p: notices.append((a, p))) as http:
        assert http.json("GET", "/v1/regions") == {"ok": True}
        assert http.count.retries == 2 and len(seen.paths) == 3
    assert notices == [(1, f"HTTP {status}"), (2, f"HTTP {status}")]


def test_retry_after_is_honoured(loopback):
    url, seen = loopback(lambda n, h: _json(503, {}, **{"Retry-After": "1"}) if n == 0 else _json(200, {}))
    started = time.monotonic()
    with Transport(url, retry=RetryPolicy(attempts=3, base=0.001, cap=5.0)) as http:
        http.json("GET", "/v1/regions")
    assert time.monotonic() - started >= 1.0, "the server asked for a second's pause"
    assert len(seen.paths) == 2


def test_a_cut_connection_is_retried_then_reported_in_chinese(loopback):
    url, seen = loopback(lambda n, h: None)
    with Transport(url, retry=QUICK) as http, pytest.raises(NetworkError) as err:
        http.json("POST", "/v1/push", body={"a": 1}, gzip_body=True)
    assert len(seen.paths) == QUICK.attempts
    message = err.value.message
    assert "连接中断" in message and "已重试 3 次" in message and "无法连接" not in message
    assert not CLASS_NAME.search(message), message


def test_a_silent_server_hits_the_read_timeout(loopback):
    def slow(n: int, _h: BaseHTTPRequestHandler) -> tuple:
        time.sleep(0.6)
        return _json(200, {})

    url, _seen = loopback(slow)
    started = time.monotonic()
    with (
        Transport(url, retry=RetryPolicy(attempts=2, base=0.01, cap=0.01), timeout=(1.0, 0.2)) as http,
        pytest.raises(NetworkError) as err,
    ):
        http.json("GET", "/v1/regions")
    assert time.monotonic() - started < 1.2, "two attempts of 0.2 s each, not the server's 0.6 s"
    assert "连接中断" in err.value.message and "等待回复超时" in err.value.message
    assert not CLASS_NAME.search(err.value.message)


def test_no_connection_is_reported_without_a_class_name():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with Transport(f"http://127.0.0.1:{port}", retry=QUICK) as http, pytest.raises(NetworkError) as err:
        http.json("GET", "/health")
    assert err.value.code == "unreachable" and "无法连接同步服务器" in err.value.message
    assert not CLASS_NAME.search(err.value.message), err.value.message


def test_a_server_error_after_retries(loopback):
    url, _seen = loopback(lambda n, h: _json(500, {"error": {"message": "内部错误"}}))
    with Transport(url, retry=QUICK) as http, pytest.raises(ServerError) as err:
        http.json("GET", "/v1/regions")
    assert "同步服务器出错（HTTP 500" in err.value.message


def test_cancel_between_requests_stops_before_the_next_one(loopback):
    url, seen = loopback(lambda n, h: _json(503, {}))
    cancel = threading.Event()
    with (
        Transport(url, retry=RetryPolicy(attempts=6, base=5.0, cap=5.0), cancel=cancel) as http,
        pytest.raises(Cancelled),
    ):
        http.on_retry = lambda _a, _p: cancel.set()  # the person presses 取消 during the back-off
        started = time.monotonic()
        http.json("GET", "/v1/regions")
    assert time.monotonic() - started < 2.0, "the back-off wait ends at once on cancel"
    assert len(seen.paths) == 1


def test_ranged_download_keeps_the_partial_reply(loopback):
    blob = bytes(range(256)) * 64

    def ranged(n: int, h: BaseHTTPRequestHandler) -> tuple:
        start = int(h.headers["Range"].removeprefix("bytes=").rstrip("-"))
        return 206, {"Content-Type": "application/octet-stream"}, blob[start:]

    url, _seen = loopback(ranged)
    with Transport(url, retry=QUICK) as http:
        response = http.request("GET", "/v1/attachments/x", headers={"Range": "bytes=1000-"}, ok=(200, 206))
    assert response.status_code == 206 and response.content == blob[1000:]


SYNC_WITHOUT_HTTPX = """
import sys
from pathlib import Path

import keyring

from tests.sync_client.memkeyring import MemoryKeyring

keyring.set_keyring(MemoryKeyring())
import advisor_app.cli.main  # noqa: F401 - the CLI's face, as `advisor` loads it
import ui.app  # noqa: F401 - the desktop app's modules (the window itself is not opened)
import ui.sync_status  # noqa: F401 - its health check is on requests too
from advisor_app.store import open_store
from sync.client import SyncClient
from tests.sync_client.records import consult

store = open_store(Path(sys.argv[1]))
client = SyncClient(store)
client.login(sys.argv[2], "adv1", sys.argv[3], device_name="no-httpx")
consult(store, sys.argv[4], "土地承包合同到期后能否续包")
report = client.sync()
assert report.pushed == 1, report.summary()
print("httpx" in sys.modules, "requests" in sys.modules)
"""


def test_the_client_syncs_without_importing_httpx(server, tmp_path):
    """In a process of its own (pytest itself imports httpx): the app's and the CLI's modules and a
    real sync over loopback."""
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            textwrap.dedent(SYNC_WITHOUT_HTTPX),
            str(tmp_path / "dev"),
            server.url,
            PASSWORD,
            V1,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.split() == ["False", "True"], "httpx must not be imported; requests carries the HTTP"
