"""HTTP to the city server: timeouts, gzip bodies, retries with exponential backoff and jitter.

The HTTP stack is ``requests`` (the design card's choice): one ``Session`` per client keeps its
connection alive between calls and decodes gzip replies. Every call the client makes is safe to
repeat (push is idempotent on the server; a lost reply to a number reservation only leaves a gap),
so a dropped connection, a timeout or a 5xx is retried a bounded number of times; a 4xx is the
server's verdict and is raised at once. The final error says what happened: “无法连接” only when
no connection was made, a cut connection, or the server's error — in Chinese, never an exception's
class name.
"""

from __future__ import annotations

import functools
import gzip
import json
import random
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sync.client.errors import AuthError, Cancelled, NetworkError, ServerError, SyncError
from sync.protocol.wire import PROTOCOL_HEADER, PROTOCOL_VERSION

if TYPE_CHECKING:
    import requests

RETRY_STATUS = {408, 429, 500, 502, 503, 504}
DEFAULT_TIMEOUT = (10.0, 60.0)  # (connect, read) seconds, as requests takes them


@dataclass
class RetryPolicy:
    attempts: int = 6
    base: float = 0.5  # seconds before the first retry
    cap: float = 30.0

    def delay(self, attempt: int, rng: random.Random) -> float:
        """Full jitter: uniform in [0, min(cap, base·2^attempt)] so many devices do not retry in step."""
        return rng.uniform(0, min(self.cap, self.base * (2**attempt)))


@dataclass
class WireCount:
    requests: int = 0
    up: int = 0  # request bodies as sent (compressed)
    down: int = 0  # response bodies as received (compressed)
    retries: int = 0


@dataclass
class Transport:
    base_url: str
    token: str | None = None
    timeout: tuple[float, float] = DEFAULT_TIMEOUT  # (connect, read)
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    cancel: threading.Event | None = None
    count: WireCount = field(default_factory=WireCount)
    compress_level: int = 6
    on_retry: Callable[[int, str], None] | None = None

    def __post_init__(self) -> None:
        self.base_url = self.base_url.rstrip("/")
        self._http = _session()
        self._http.auth = _bearer(self)
        self._rng = random.Random()

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Transport:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def check_cancel(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise Cancelled()

    def json(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        params: dict[str, Any] | None = None,
        gzip_body: bool = False,
        ok: tuple[int, ...] = (200,),
    ) -> Any:
        content = None
        headers = {}
        if body is not None:
            content = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            headers["Content-Type"] = "application/json"
            if gzip_body:
                content = gzip.compress(content, self.compress_level, mtime=0)
                headers["Content-Encoding"] = "gzip"
        response = self.request(method, path, content=content, params=params, headers=headers, ok=ok)
        # The body is UTF-8 JSON (RFC 8259); parsing the bytes skips requests' charset guessing.
        return json.loads(response.content) if response.content else None

    def json_raw_put(self, path: str, data: bytes, **params: Any) -> Any:
        response = self.request(
            "PUT", path, content=data, params=params, headers={"Content-Type": "application/octet-stream"}
        )
        return json.loads(response.content)

    def request(
        self,
        method: str,
        path: str,
        *,
        content: bytes | None = None,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        ok: tuple[int, ...] = (200,),
    ) -> requests.Response:
        """One call with retries; returns a response whose status is in ``ok`` or raises SyncError."""
        import requests

        headers = dict(headers or {})
        url = self.base_url + path
        attempt = 0
        while True:
            self.check_cancel()
            problem: str
            status: int | None = None
            try:
                response = self._http.request(
                    method, url, data=content, params=params, headers=headers, timeout=self.timeout
                )
                self.count.requests += 1
                self.count.up += len(content or b"")
                # tell(): the bytes read off the socket, i.e. still compressed when the reply was gzip'd
                self.count.down += response.raw.tell() if response.raw is not None else len(response.content)
            except requests.RequestException as exc:
                connected = not _no_connection(exc)
                problem = _problem(exc, connected)
            else:
                connected = True
                status = response.status_code
                if response.status_code in ok:
                    return response
                if response.status_code not in RETRY_STATUS:
                    raise _verdict(response)
                problem = f"HTTP {response.status_code}"
                wait = _retry_after(response)
                if wait is not None and attempt + 1 < self.retry.attempts:
                    self._sleep(min(wait, self.retry.cap))
                    attempt += 1
                    self.count.retries += 1
                    continue
            attempt += 1
            if attempt >= self.retry.attempts:
                raise _gave_up(attempt - 1, problem, connected, status)
            self.count.retries += 1
            if self.on_retry is not None:
                self.on_retry(attempt, problem)
            self._sleep(self.retry.delay(attempt - 1, self._rng))

    def _sleep(self, seconds: float) -> None:
        if self.cancel is None:
            time.sleep(seconds)
        elif self.cancel.wait(seconds):
            raise Cancelled()


def _session() -> requests.Session:
    """A kept-alive session: protocol header, gzip replies, the system's CA store, no silent retries."""
    import requests  # imported on first use: the HTTP stack is a good part of the app's start-up
    from requests.adapters import HTTPAdapter

    class _Adapter(HTTPAdapter):
        def build_connection_pool_key_attributes(self, request: Any, verify: Any, cert: Any = None) -> Any:
            host, pool = super().build_connection_pool_key_attributes(request, verify, cert)
            if verify is True:
                pool["ssl_context"] = _tls_context()  # the system's CA store, as before (not certifi's)
            return host, pool

    session = requests.Session()
    # max_retries=0: urllib3 must not retry behind our back; our loop counts, backs off and cancels.
    session.mount("https://", _Adapter(max_retries=0))
    session.mount("http://", HTTPAdapter(max_retries=0))
    session.headers.update({PROTOCOL_HEADER: str(PROTOCOL_VERSION), "Accept-Encoding": "gzip"})
    return session


def _bearer(transport: Transport) -> Callable[[requests.PreparedRequest], requests.PreparedRequest]:
    """The device token as the session's auth: read at each request (login sets it midway), and with
    an auth of its own the session skips requests' ~/.netrc lookup on every call."""

    def apply(request: requests.PreparedRequest) -> requests.PreparedRequest:
        if transport.token:
            request.headers["Authorization"] = f"Bearer {transport.token}"
        return request

    return apply


def _no_connection(exc: BaseException) -> bool:
    """True when no connection was made (refused, no route, name not found, connect timeout, TLS)."""
    import requests
    from urllib3.exceptions import ConnectTimeoutError, MaxRetryError, NewConnectionError

    if isinstance(exc, requests.ConnectTimeout | requests.exceptions.SSLError):
        return True
    if not isinstance(exc, requests.ConnectionError):
        return False  # a read timeout, a cut chunked body: the request was sent
    reason: object = exc.args[0] if exc.args else None
    if isinstance(reason, MaxRetryError):
        reason = reason.reason
    return isinstance(reason, NewConnectionError | ConnectTimeoutError)


def _problem(exc: BaseException, connected: bool) -> str:
    """What went wrong, in words a person can read (the retry notice and the final message)."""
    import requests

    if not connected:
        return "连接超时" if isinstance(exc, requests.ConnectTimeout) else "连接未能建立"
    if isinstance(exc, requests.ReadTimeout):
        return "等待回复超时"
    return "连接被断开"


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """Loading the CA store takes ~80 ms: once per process, not once per sync."""
    return ssl.create_default_context()


def _gave_up(retries: int, problem: str, connected: bool, status: int | None) -> SyncError:
    """The error after the last retry, saying what happened: no connection, a cut, or the server."""
    tried = f"已重试 {retries} 次：{problem}"
    if status is not None:
        return ServerError(
            f"同步服务器出错（HTTP {status}，{tried}），本机数据已保存，稍后会自动重试；"
            "如一直出现，请联系市级服务器管理员",
            code="server_error",
            status=status,
        )
    if connected:
        return NetworkError(
            f"与同步服务器的连接中断（{tried}），本机数据已保存，稍后会自动重试", code="interrupted"
        )
    return NetworkError(f"无法连接同步服务器（{tried}），本机数据已保存，稍后会自动重试", code="unreachable")


def _retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After", "")
    return float(value) if value.isdigit() else None


def _verdict(response: requests.Response) -> SyncError:
    try:
        error = response.json().get("error", {})
    except (ValueError, AttributeError):
        error = {}
    code = error.get("code") or f"http_{response.status_code}"
    message = error.get("message")
    if not isinstance(message, str) or not message:
        message = f"同步服务器拒绝了请求（HTTP {response.status_code}）"
    if response.status_code == 401 and code != "bad_credentials":
        return AuthError(f"{message}。本机数据已保留，重新登录后继续同步", code=code, status=401)
    if response.status_code >= 500:
        return ServerError(
            f"同步服务器出错（HTTP {response.status_code}）：{message}",
            code=code,
            status=response.status_code,
        )
    return SyncError(
        f"同步服务器拒绝了请求：{message}" if not message.startswith("同步服务器") else message,
        code=code,
        status=response.status_code,
        details=error.get("details"),
    )
