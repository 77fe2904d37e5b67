"""ASGI middleware: request bodies (size limits before anything is parsed, gzip request bodies) and the access log."""

from __future__ import annotations

import json
import logging
import time
import uuid
import zlib

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

log = logging.getLogger("advisor_server.http")


class AccessLog:
    """One log line per request (route, status, time, account id) and an ``X-Request-Id``.

    Plain ASGI: ``@app.middleware("http")`` runs every request through an extra task and memory
    streams, a measurable share of a no-op sync.
    """

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        request_id = uuid.uuid4().hex[:12]
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message = {
                    **message,
                    "headers": [*message.get("headers", ()), (b"x-request-id", request_id.encode())],
                }
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            route = scope.get("route")
            log.info(
                "request",
                extra={
                    "request_id": request_id,
                    "method": scope.get("method"),
                    "route": getattr(route, "path", "?"),
                    "status": status,
                    "ms": round((time.perf_counter() - started) * 1000, 1),
                    "account_id": scope.get("state", {}).get("account_id"),
                },
            )


INLINE_GUNZIP = 4096  # compressed bytes decompressed on the event loop (microseconds)


class BodyTooLarge(Exception):
    pass


def gunzip(data: bytes, limit: int) -> bytes:
    """Decompress a gzip body, refusing more than ``limit`` bytes out (a zip bomb stops here)."""
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = d.decompress(data, limit + 1)
    if len(out) > limit or d.unconsumed_tail:
        raise BodyTooLarge
    if not d.eof:
        raise zlib.error("truncated gzip stream")
    return out


class BodyGuard:
    """Reads the body once, enforces the limit (attachments have their own), un-gzips it."""

    def __init__(self, app: ASGIApp, max_body: int, max_chunk: int):
        self.app = app
        self.max_body = max_body
        self.max_chunk = max_chunk

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.max_chunk if scope["path"].startswith("/v1/attachments/") else self.max_body
        headers = {k.lower(): v for k, v in scope["headers"]}
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > limit):
            await _refuse(
                send, 413, "body_too_large", f"请求体超过上限（{limit // (1024 * 1024)} MB），请分批发送"
            )
            return
        body = bytearray()
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > limit:
                await _refuse(
                    send, 413, "body_too_large", f"请求体超过上限（{limit // (1024 * 1024)} MB），请分批发送"
                )
                return
        encoding = headers.get(b"content-encoding", b"identity").strip().lower()
        data = bytes(body)
        if encoding == b"gzip":
            out_limit = limit * 8 if limit == self.max_body else limit
            try:
                # Decompressing a push of thousands of rows takes milliseconds: off the event loop,
                # which serves every other request of this worker meanwhile. A tiny body costs less
                # than the hop to a thread.
                if len(data) > INLINE_GUNZIP:
                    data = await anyio.to_thread.run_sync(gunzip, data, out_limit)
                else:
                    data = gunzip(data, out_limit)
            except BodyTooLarge:
                await _refuse(send, 413, "body_too_large", "解压后的请求体超过上限，请分批发送")
                return
            except (zlib.error, OSError, EOFError):
                await _refuse(send, 400, "bad_gzip", "请求体不是完整的 gzip 数据")
                return
        elif encoding not in (b"identity", b""):
            await _refuse(send, 415, "unsupported_encoding", "只支持 gzip 压缩的请求体")
            return
        new_headers = [
            (k, v) for k, v in scope["headers"] if k.lower() not in (b"content-length", b"content-encoding")
        ]
        new_headers.append((b"content-length", str(len(data)).encode()))
        scope = {**scope, "headers": new_headers}
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": data, "more_body": False}

        await self.app(scope, replay, send)


async def _refuse(send: Send, status: int, code: str, message: str) -> None:
    body = json.dumps({"error": {"code": code, "message": message}}, ensure_ascii=False).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """Headers that keep browsers from caching, framing or sniffing answers full of personal data.

    The API is for the desktop app, not for web pages: no CORS headers are ever sent (a page on
    another origin cannot read an answer), and every answer says ``no-store``. The interactive API
    docs (``/docs``) load their script from a CDN, so they get no Content-Security-Policy.
    """

    HEADERS = [
        (b"x-content-type-options", b"nosniff"),
        (b"x-frame-options", b"DENY"),
        (b"referrer-policy", b"no-referrer"),
        (b"cache-control", b"no-store"),
        (b"cross-origin-resource-policy", b"same-origin"),
        (b"strict-transport-security", b"max-age=31536000"),  # browsers heed it only over TLS
    ]
    CSP = (b"content-security-policy", b"default-src 'none'; frame-ancestors 'none'")

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extra = self.HEADERS if scope["path"] in ("/docs", "/redoc") else [*self.HEADERS, self.CSP]

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {k.lower() for k, _ in message.get("headers", ())}
                added = [(k, v) for k, v in extra if k not in names]
                message = {**message, "headers": [*message.get("headers", ()), *added]}
            await send(message)

        await self.app(scope, receive, send_with_headers)
