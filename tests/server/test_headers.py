"""Malformed headers on every kind of endpoint answer 4xx (or are ignored), never 5xx: a
5,000-digit protocol version, non-ASCII digits, broken tokens, ranges, encodings and lengths."""

from __future__ import annotations

import hashlib
import os
import socket
from urllib.parse import urlsplit

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .conftest import VILLAGE
from .helpers import batch, case, new_id, push

MALFORMED = [
    ("X-Advisor-Protocol", b"9" * 5000),
    ("X-Advisor-Protocol", b"1" * 5000),
    ("X-Advisor-Protocol", "\u00b2".encode()),  # a superscript two: isdigit() says yes
    ("X-Advisor-Protocol", "\u0661".encode()),  # an Arabic-Indic one
    ("X-Advisor-Protocol", b"-1"),
    ("X-Advisor-Protocol", b"1.0"),
    ("X-Advisor-Protocol", b"0x1"),
    ("X-Advisor-Protocol", b" 1 1 "),
    ("X-Advisor-Protocol", b"\xff\xfe"),
    ("Authorization", b"Bearer " + b"A" * 5000),
    ("Authorization", b"Bearer \xff\xfe\xfd"),
    ("Authorization", b"Basic Zm9vOmJhcg=="),
    ("Authorization", b"Bearer"),
    ("Range", b"bytes=99999999999999999999999-"),
    ("Range", b"bytes=5-1"),
    ("Range", b"bytes=-"),
    ("Range", b"bytes=0-1,2-3," * 300),
    ("Range", b"lines=1-2"),
    ("Content-Encoding", b"gzip, br, zstd"),
    ("Content-Encoding", b"\xff"),
    ("Content-Type", b"application/json; charset=\xff"),
    ("Accept-Encoding", b"gzip;q=" + b"9" * 5000),
    ("If-Range", b"\xff" * 100),
    ("X-Forwarded-For", b"999.999.999.999, ::::, \xff"),
]


@pytest.fixture(scope="module")
def targets(server) -> list[tuple[str, str, bytes | None]]:
    """(method, path, body) of every kind of endpoint, the download of a real file included."""
    adv = server.client("adv1")
    data = os.urandom(5000)
    sha = hashlib.sha256(data).hexdigest()
    adv.put(f"/v1/attachments/{sha}", params={"offset": 0, "total": len(data)}, content=data)
    rec = case(VILLAGE, server.committee_id)
    attachment = {
        "id": new_id(),
        "rev": 1,
        "scope": VILLAGE,
        "sha256": sha,
        "filename": "a.jpg",
        "mime": "image/jpeg",
        "size": len(data),
        "target_kind": "case",
        "target_id": rec["id"],
    }
    assert push(adv, batch(cases=[rec], attachments=[attachment])).json()["accepted"] == 2
    return [
        ("GET", "/v1/changes?after=0&limit=5", None),
        ("POST", "/v1/changes", b'{"changes": {}}'),
        ("GET", "/v1/summary", None),
        ("GET", "/v1/conflicts", None),
        ("GET", "/v1/regions", None),
        ("GET", "/v1/auth/me", None),
        (
            "POST",
            "/v1/numbers/reserve",
            b'{"committee_id": "' + server.committee_id.encode() + b'", "year": 2026}',
        ),
        ("GET", f"/v1/attachments/{sha}", None),
        ("GET", f"/v1/attachments/{sha}/status", None),
        ("PUT", f"/v1/attachments/{sha}?offset=0&total=5000", data),
        ("POST", "/v1/auth/login", b'{"username": "nobody", "password": "x", "device_id": "d"}'),
        ("GET", "/health", None),
    ]


def _raw(url: str, method: str, path: str, headers: list[tuple[str, bytes]], body: bytes | None) -> int:
    """One HTTP/1.1 request with exactly these header bytes; the status code (0: connection closed)."""
    parts = urlsplit(url)
    lines = [f"{method} {path} HTTP/1.1".encode(), f"Host: {parts.netloc}".encode(), b"Connection: close"]
    lines += [name.encode() + b": " + value for name, value in headers]
    if body is not None:
        lines.append(b"Content-Length: " + str(len(body)).encode())
    request = b"\r\n".join(lines) + b"\r\n\r\n" + (body or b"")
    with socket.create_connection((parts.hostname, parts.port), timeout=30) as sock:
        sock.sendall(request)
        answer = b""
        while b"\r\n" not in answer:
            chunk = sock.recv(4096)
            if not chunk:
                return 0
            answer += chunk
    return int(answer.split(b" ", 2)[1])


def test_malformed_headers_never_answer_5xx(server, targets):
    token = server.token("adv1").encode()
    for name, value in MALFORMED:
        for method, path, body in targets:
            headers = [("Authorization", b"Bearer " + token)] if name != "Authorization" else []
            if body is not None and name != "Content-Type":
                headers.append(("Content-Type", b"application/json"))
            headers.append((name, value))
            status = _raw(server.url, method, path, headers, body)
            assert status < 500, (name, value[:40], method, path, status)


def test_a_5000_digit_protocol_version_is_refused_with_a_message(server):
    r = httpx.get(
        f"{server.url}/v1/summary",
        headers={"Authorization": f"Bearer {server.token('adv1')}", "X-Advisor-Protocol": "9" * 5000},
    )
    assert r.status_code == 400 and r.json()["error"]["code"] == "unsupported_protocol"
    assert "协议版本" in r.json()["error"]["message"] and len(r.text) < 1000


@given(
    name=st.sampled_from(
        ["X-Advisor-Protocol", "Authorization", "Range", "Content-Encoding", "Accept-Encoding"]
    ),
    value=st.binary(min_size=0, max_size=300).filter(
        lambda b: b"\r" not in b and b"\n" not in b and b"\x00" not in b
    ),
    target=st.integers(min_value=0, max_value=11),
)
@settings(max_examples=120, deadline=None, database=None, suppress_health_check=list(HealthCheck))
def test_random_header_bytes_never_answer_5xx(server, targets, name, value, target):
    method, path, body = targets[target]
    headers = (
        [("Authorization", b"Bearer " + server.token("adv1").encode())] if name != "Authorization" else []
    )
    if body is not None:
        headers.append(("Content-Type", b"application/json"))
    headers.append((name, value.strip()))
    status = _raw(server.url, method, path, headers, body)
    assert status < 500, (name, value[:40], method, path, status)


def test_5000_digit_numbers_in_paths_and_queries_answer_4xx(server, targets):
    adv = server.client("adv1")
    huge = "9" * 5000
    sha = targets[7][1].rsplit("/", 1)[1]
    for method, path, params in (
        ("GET", "/v1/changes", {"after": huge}),
        ("GET", "/v1/changes", {"limit": huge}),
        ("POST", f"/v1/conflicts/{huge}/resolve", None),
        ("POST", f"/v1/conflicts/-{huge}/resolve", None),
        ("PUT", f"/v1/attachments/{sha}", {"offset": huge, "total": 10}),
        ("PUT", f"/v1/attachments/{sha}", {"offset": 0, "total": huge}),
    ):
        r = adv.request(method, path, params=params, content=b"x" if method == "PUT" else None)
        assert 400 <= r.status_code < 500, (method, path[:40], r.status_code, r.text[:200])
    r = adv.post("/v1/numbers/reserve", content=b'{"committee_id": "x", "year": ' + huge.encode() + b"}")
    assert 400 <= r.status_code < 500
