"""`advisor-server` end to end: each admin command in its own process, as an operator runs it,
against a fresh SQLite file (and a fresh PostgreSQL schema when ADVISOR_TEST_DATABASE_URL is set);
`serve` answers /health and a login on a real port."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
import psycopg
import pytest

from sync.protocol import PROTOCOL_VERSION

from .conftest import ROOT, TOWNSHIP, VILLAGE, _backends, _pg_schema_url, free_port

EXE = shutil.which("advisor-server", path=str(Path(sys.executable).parent))


@pytest.fixture(params=_backends())
def database_url(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'cli.db'}"
        return
    base = os.environ["ADVISOR_TEST_DATABASE_URL"]
    schema, url = _pg_schema_url(base)
    yield url
    with psycopg.connect(base, autocommit=True) as conn:
        conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


def run(url: str, data_dir: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    assert EXE, "advisor-server is not installed next to this Python"
    return subprocess.run(
        [EXE, "--database-url", url, "--data-dir", str(data_dir), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )


def ok(result: subprocess.CompletedProcess) -> str:
    assert result.returncode == 0, (result.args, result.stdout, result.stderr)
    return result.stdout


def test_admin_commands_and_serve(database_url, tmp_path):
    # One process per command, as an operator runs them (each start costs ~1.5 s of imports, so
    # the commands are the ones an operator cannot do without).
    url, data = database_url, tmp_path / "data"
    assert "已更新" in ok(run(url, data, "migrate"))

    regions = tmp_path / "regions.csv"
    text = (ROOT / "resources/regions/weinan.csv").read_text(encoding="utf-8").rstrip("\n")
    regions.write_text(f"{text}\n{VILLAGE},桥南村,{TOWNSHIP},village,演示数据（虚构）\n", encoding="utf-8")
    assert f"已导入 {len(text.splitlines())} 个区划" in ok(run(url, data, "region", "import", str(regions)))

    # The password comes from stdin only, never from the command line.
    refused = run(url, data, "user", "add", "wang", "--role", "adviser", "--region", VILLAGE)
    assert refused.returncode == 2 and "--password-stdin" in refused.stderr
    ok(
        run(
            url,
            data,
            "user",
            "add",
            "wang",
            "--role",
            "adviser",
            "--region",
            VILLAGE,
            "--password-stdin",
            stdin="first-password-1\n",
        )
    )

    port = free_port()
    server = subprocess.Popen(
        [EXE, "--database-url", url, "--data-dir", str(data), "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        assert _wait_for_health(base, server) == {
            "status": "ok",
            "database": "ok",
            "protocol": PROTOCOL_VERSION,
        }
        token = _login(base, "first-password-1").json()["token"]
        me = httpx.get(f"{base}/v1/auth/me", headers={"Authorization": f"Bearer {token}"})
        assert me.status_code == 200 and me.json()["regions"] == [VILLAGE]

        listed = ok(run(url, data, "device", "list", "--user", "wang"))
        row = [line for line in listed.splitlines() if "cli-laptop" in line]
        assert len(row) == 1 and "有效" in row[0], listed
        ok(run(url, data, "device", "revoke", row[0].split()[0]))
        assert (
            httpx.get(f"{base}/v1/auth/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401
        )

        # A password reset revokes the devices still logged in, and the old password stops working.
        token = _login(base, "first-password-1").json()["token"]
        ok(run(url, data, "user", "passwd", "wang", "--password-stdin", stdin="second-password-2\n"))
        assert (
            httpx.get(f"{base}/v1/auth/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401
        )
        assert _login(base, "first-password-1").status_code == 401
        assert _login(base, "second-password-2").status_code == 200
        assert ok(run(url, data, "stats")).strip() == "{}"  # no records yet: an empty count per kind
    finally:
        server.terminate()
        server.wait(30)
    assert "Traceback" not in server.stderr.read()


def _wait_for_health(base: str, server: subprocess.Popen) -> dict:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        assert server.poll() is None, server.stderr.read()
        try:
            r = httpx.get(f"{base}/health", timeout=2)
            if r.status_code == 200:
                return r.json()
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise AssertionError("advisor-server serve did not answer /health within 60 s")


def _login(base: str, password: str) -> httpx.Response:
    return httpx.post(
        f"{base}/v1/auth/login", json={"username": "wang", "password": password, "device_id": "cli-laptop"}
    )
