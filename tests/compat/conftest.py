"""The sync-client suite's real server (uvicorn on loopback, SQLite file or PostgreSQL schema) and
devices, plus devices running the frozen protocol-1 client (tests/compat/client_v1)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from advisor_app.store import Store, open_store
from tests.compat.client_v1.client import RetryPolicy as OldRetryPolicy
from tests.compat.client_v1.client import SyncClient as OldSyncClient
from tests.sync_client.conftest import (  # noqa: F401 - fixtures shared with the sync-client suite
    PASSWORD,
    Device,
    device,
    memory_keyring,
    pg_server,
    server,
)

OLD_FAST = OldRetryPolicy(attempts=4, base=0.01, cap=0.05)


@pytest.fixture
def old_device(tmp_path: Path) -> Iterator[Any]:
    """``old_device(name, url, user)``: a fresh local store synced by the frozen protocol-1 client."""
    made: list[Store] = []

    def make(name: str, url: str, user: str, **kw: Any) -> Device:
        store = open_store(tmp_path / f"old-device-{name}")
        made.append(store)
        client = OldSyncClient(store, retry=kw.pop("retry", OLD_FAST), **kw)
        client.login(url, user, PASSWORD, device_name=name)
        return Device(store, client)  # type: ignore[arg-type]

    yield make
    for store in made:
        store.engine.dispose()
