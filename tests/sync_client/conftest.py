"""A real city server (uvicorn on loopback, SQLite file or PostgreSQL schema), a fault proxy in
front of it, and local stores logged in to it through an in-memory keyring."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import keyring
import pytest
import uvicorn

from advisor_app.store import Store, open_store
from sync.client import RetryPolicy, SyncClient
from sync.server import security
from sync.server.app import create_app
from sync.server.context import Settings
from tests.server.city import pg_schema_url, seed_city

from .faultproxy import FaultProxy
from .memkeyring import MemoryKeyring

ROOT = Path(__file__).resolve().parents[2]
TOWNSHIP = "610502100000"  # 桥南镇
TOWNSHIP_2 = "610528101000"  # 庄里镇
V1, V2, V4 = "610502100201", "610502100202", "610502100204"
V3 = "610528101201"  # another township
PASSWORD = "correct-horse-1"
USERS = {
    "adv1": ("adviser", [V1]),
    "adv2": ("adviser", [V2]),
    "adv4": ("mediator", [V4]),
    "med3": ("mediator", [V3]),
    "tw1": ("township", [TOWNSHIP]),
    "city": ("city", []),
}
FAST = RetryPolicy(attempts=4, base=0.01, cap=0.05)

security.configure_hasher(time_cost=1, memory_cost_kib=8 * 1024)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class CityServer:
    database_url: str
    data_dir: Path
    committee_id: str
    port: int = field(default_factory=free_port)
    app: Any = None
    _uv: Any = None
    _thread: Any = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.app = create_app(Settings(database_url=self.database_url, data_dir=self.data_dir))
        self._uv = uvicorn.Server(
            uvicorn.Config(self.app, host="127.0.0.1", port=self.port, log_level="warning", access_log=False)
        )
        self._thread = threading.Thread(target=self._uv.run, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 20
        while not self._uv.started:
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.01)

    def stop(self) -> None:
        self._uv.should_exit = True
        self._thread.join(10)
        self.app.state.server.engine.dispose()

    @property
    def engine(self) -> Any:
        return self.app.state.server.engine


def _setup(database_url: str, data_dir: Path) -> str:
    villages = {
        V1: ("桥南村", TOWNSHIP),
        V2: ("王家村", TOWNSHIP),
        V4: ("李家村", TOWNSHIP),
        V3: ("庄里村", TOWNSHIP_2),
    }
    return seed_city(database_url, data_dir, villages, USERS, PASSWORD, TOWNSHIP)


def _pg_url() -> tuple[str, str]:
    return pg_schema_url(os.environ["ADVISOR_TEST_DATABASE_URL"], "advisor_cli")


def _make_server(tmp_path: Path, backend: str) -> Iterator[CityServer]:
    data_dir = tmp_path / f"server-{backend}"
    data_dir.mkdir()
    schema = None
    if backend == "postgres":
        schema, url = _pg_url()
    else:
        url = f"sqlite:///{data_dir / 'server.db'}"
    srv = CityServer(database_url=url, data_dir=data_dir, committee_id=_setup(url, data_dir))
    srv.start()
    try:
        yield srv
    finally:
        if srv._uv is not None and not srv._uv.should_exit:
            srv.stop()
        if schema:
            import psycopg

            with psycopg.connect(os.environ["ADVISOR_TEST_DATABASE_URL"], autocommit=True) as conn:
                conn.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[CityServer]:
    yield from _make_server(tmp_path, "sqlite")


@pytest.fixture
def pg_server(tmp_path: Path) -> Iterator[CityServer]:
    if not os.environ.get("ADVISOR_TEST_DATABASE_URL"):
        pytest.skip("ADVISOR_TEST_DATABASE_URL not set (CI sets it; see design.md)")
    yield from _make_server(tmp_path, "postgres")


@pytest.fixture
def proxy(server: CityServer) -> Iterator[FaultProxy]:
    px = FaultProxy(server.port)
    yield px
    px.close()


@dataclass
class Device:
    store: Store
    client: SyncClient


@pytest.fixture
def device(tmp_path: Path) -> Iterator[Any]:
    """``device(name, url, user)``: a fresh local store logged in as ``user``."""
    made: list[Store] = []

    def make(name: str, url: str, user: str, **kw: Any) -> Device:
        store = open_store(tmp_path / f"device-{name}")
        made.append(store)
        client = SyncClient(store, retry=kw.pop("retry", FAST), **kw)
        client.login(url, user, PASSWORD, device_name=name)
        return Device(store, client)

    yield make
    for store in made:
        store.engine.dispose()
