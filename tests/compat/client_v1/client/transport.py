"""HTTP to the city server: timeouts, gzip bodies, retries with exponential backoff and jitter.

Every call the client makes is safe to repeat (push is idempotent on the server; a lost reply to a
number reservation only leaves a gap), so a dropped connection, a timeout or a 5xx is retried a
bounded number of times; a 4xx is the server's verdict and is raised at once.
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

from tests.compat.client_v1.client.errors import AuthError, Cancelled, NetworkError, SyncError
from tests.compat.client_v1.protocol.wire import PROTOCOL_HEADER, PROTOCOL_VERSION

if TYPE_CHECKING:
    import httpx

RETRY_STATUS = {408, 429, 500, 502, 503, 504}


def _default_timeout() -> httpx.Timeout:
    import httpx  # imported on first use: the HTTP stack is half a second of the app's start-up

    return httpx.Timeout(60.0, connect=10.0)


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
    timeout: httpx.Timeout = field(default_factory=_default_timeout)
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    cancel: threading.Event | None = None
    count: WireCount = field(default_factory=WireCount)
    compress_level: int = 6
    on_retry: Callable[[int, str], None] | None = None

    def __post_init__(self) -> None:
        import httpx

        self.base_url = self.base_url.rstrip("/")
        self._http = httpx.Client(
            base_url=self.base_url,
            timeout=self.timeout,
            verify=_tls_context(),
            headers={PROTOCOL_HEADER: str(PROTOCOL_VERSION), "Accept-Encoding": "gzip"},
        )
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
        return response.json() if response.content else None

    def json_raw_put(self, path: str, data: bytes, **params: Any) -> Any:
        response = self.request(
            "PUT", path, content=data, params=params, headers={"Content-Type": "application/octet-stream"}
        )
        return response.json()

    def request(
        self,
        method: str,
        path: str,
        *,
        content: bytes | None = None,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
        ok: tuple[int, ...] = (200,),
    ) -> httpx.Response:
        """One call with retries; returns a response whose status is in ``ok`` or raises SyncError."""
        import httpx

        headers = dict(headers or {})
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        attempt = 0
        while True:
            self.check_cancel()
            problem: str
            try:
                response = self._http.request(method, path, content=content, params=params, headers=headers)
                self.count.requests += 1
                self.count.up += len(content or b"")
                self.count.down += response.num_bytes_downloaded
            except httpx.TransportError as exc:
                problem = type(exc).__name__
            else:
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
                raise NetworkError(
                    f"无法连接同步服务器（已重试 {attempt - 1} 次：{problem}），本机数据已保存，稍后会自动重试",
                    code="unreachable",
                )
            self.count.retries += 1
            if self.on_retry is not None:
                self.on_retry(attempt, problem)
            self._sleep(self.retry.delay(attempt - 1, self._rng))

    def _sleep(self, seconds: float) -> None:
        if self.cancel is None:
            time.sleep(seconds)
        elif self.cancel.wait(seconds):
            raise Cancelled()


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """Loading the CA store takes ~80 ms: once per process, not once per sync."""
    return ssl.create_default_context()


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After", "")
    return float(value) if value.isdigit() else None


def _verdict(response: httpx.Response) -> SyncError:
    try:
        error = response.json().get("error", {})
    except (ValueError, AttributeError):
        error = {}
    code = error.get("code") or f"http_{response.status_code}"
    message = error.get("message") or f"服务器返回错误（HTTP {response.status_code}）"
    if response.status_code == 401 and code != "bad_credentials":
        return AuthError(f"{message}。本机数据已保留，重新登录后继续同步", code=code, status=401)
    return SyncError(message, code=code, status=response.status_code, details=error.get("details"))
