"""A real server per backend (SQLite file, PostgreSQL in a fresh schema) behind a real uvicorn
on loopback, with regions, two townships, three villages, accounts and a committee."""

from __future__ import annotations

import os
import socket
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import psycopg
import pytest
import uvicorn

from sync.server import security
from sync.server.app import create_app
from sync.server.context import Settings
from tests.server.city import pg_schema_url, seed_city

ROOT = Path(__file__).resolve().parents[2]
TOWNSHIP = "610502100000"  # 桥南镇
TOWNSHIP_2 = "610528101000"  # 庄里镇
VILLAGE = "610502100201"
VILLAGE_2 = "610502100202"
VILLAGE_3 = "610528101201"  # under the second township
PASSWORD = "correct-horse-1"
USERS = {
    "adv1": ("adviser", [VILLAGE]),
    "adv2": ("adviser", [VILLAGE_2]),
    "med3": ("mediator", [VILLAGE_3]),
    "tw1": ("township", [TOWNSHIP]),
    "tw2": ("township", [TOWNSHIP_2]),
    "city": ("city", []),
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    backend: str
    url: str
    database_url: str
    engine: Any
    committee_id: str
    tokens: dict[str, str] = field(default_factory=dict)

    def client(self, user: str | None = None, **kw: Any) -> httpx.Client:
        headers = {"Authorization": f"Bearer {self.token(user)}"} if user else {}
        return httpx.Client(base_url=self.url, headers=headers, timeout=60, **kw)

    def token(self, user: str) -> str:
        if user not in self.tokens:
            r = httpx.post(
                f"{self.url}/v1/auth/login",
                json={"username": user, "password": PASSWORD, "device_id": f"dev-{user}"},
            )
            assert r.status_code == 200, r.text
            self.tokens[user] = r.json()["token"]
        return self.tokens[user]


def _pg_schema_url(base: str) -> tuple[str, str]:
    return pg_schema_url(base, "advisor_srv")


def _setup(database_url: str, data_dir: Path) -> str:
    villages = {
        VILLAGE: ("桥南村", TOWNSHIP),
        VILLAGE_2: ("王家村", TOWNSHIP),
        VILLAGE_3: ("庄里村", TOWNSHIP_2),
    }
    return seed_city(database_url, data_dir, villages, USERS, PASSWORD, TOWNSHIP)


def start_uvicorn(app: Any) -> tuple[str, uvicorn.Server, threading.Thread]:
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    return f"http://127.0.0.1:{port}", server, thread


# Argon2id still, at a cost that keeps the suite fast on a shared 2-core machine.
security.configure_hasher(time_cost=1, memory_cost_kib=8 * 1024)


def _backends() -> list[Any]:
    params = ["sqlite"]
    if os.environ.get("ADVISOR_TEST_DATABASE_URL"):
        params.append("postgres")
    else:
        params.append(
            pytest.param("postgres", marks=pytest.mark.skip(reason="ADVISOR_TEST_DATABASE_URL not set"))
        )
    return params


@pytest.fixture(scope="session", params=_backends())
def server(request, tmp_path_factory) -> Server:
    backend = request.param
    data_dir = tmp_path_factory.mktemp(f"server-{backend}")
    schema = None
    if backend == "postgres":
        base = os.environ["ADVISOR_TEST_DATABASE_URL"]
        schema, database_url = _pg_schema_url(base)  # unreachable -> psycopg raises: the test fails
    else:
        database_url = f"sqlite:///{data_dir / 'server.db'}"
    committee = _setup(database_url, data_dir)
    app = create_app(
        Settings(
            database_url=database_url,
            data_dir=data_dir,
            max_body=4 * 1024 * 1024,
            max_chunk=1024 * 1024,
            max_attachment=3 * 1024 * 1024,
        )
    )
    url, uv, thread = start_uvicorn(app)
    srv = Server(
        backend=backend,
        url=url,
        database_url=database_url,
        engine=app.state.server.engine,
        committee_id=committee,
    )
    yield srv
    uv.should_exit = True
    thread.join(10)
    app.state.server.engine.dispose()
    if schema:
        with psycopg.connect(os.environ["ADVISOR_TEST_DATABASE_URL"], autocommit=True) as conn:
            conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
