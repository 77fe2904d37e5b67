"""A real city server on loopback (tests/sync_client's fixtures), village devices logged in to it,
and helpers to make 评价码 and drive the phone page (docs/rating.md)."""

from __future__ import annotations

from tests.sync_client.conftest import (  # noqa: F401 - fixtures used by this folder's tests
    FAST,
    PASSWORD,
    TOWNSHIP,
    V1,
    V2,
    device,
    memory_keyring,
    pg_server,
    server,
)
