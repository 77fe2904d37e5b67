"""Request bodies: size limits before anything is parsed, and gzip request bodies (both ways)."""

from __future__ import annotations

import json
import zlib

from starlette.types import ASGIApp, Receive, Scope, Send


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
            await _refuse(send, 413, "body_too_large", f"请求体超过上限（{limit // (1024 * 1024)} MB），请分批发送")
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
                await _refuse(send, 413, "body_too_large", f"请求体超过上限（{limit // (1024 * 1024)} MB），请分批发送")
                return
        encoding = headers.get(b"content-encoding", b"identity").strip().lower()
        data = bytes(body)
        if encoding == b"gzip":
            try:
                data = gunzip(data, limit * 8 if limit == self.max_body else limit)
            except BodyTooLarge:
                await _refuse(send, 413, "body_too_large", "解压后的请求体超过上限，请分批发送")
                return
            except (zlib.error, OSError, EOFError):
                await _refuse(send, 400, "bad_gzip", "请求体不是完整的 gzip 数据")
                return
        elif encoding not in (b"identity", b""):
            await _refuse(send, 415, "unsupported_encoding", "只支持 gzip 压缩的请求体")
            return
        new_headers = [(k, v) for k, v in scope["headers"] if k.lower() not in (b"content-length", b"content-encoding")]
        new_headers.append((b"content-length", str(len(data)).encode()))
        scope = {**scope, "headers": new_headers}
        sent = False

        async def replay() -> dict:
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
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode()),
                        (b"connection", b"close")],
        }
    )
    await send({"type": "http.response.body", "body": body})
