"""The sync client: the desktop app's and the CLI's side of docs/sync-protocol.md.

The names below are loaded on first use (PEP 562): importing a light submodule such as
``sync.client.local_status`` (``advisor sync-status``) runs this file first, and must not pull in
the client, its transport (requests) and the protocol's field rules with it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from sync.client.errors import AuthError, Cancelled, KeyringUnavailable, NetworkError, ServerError, SyncError

if TYPE_CHECKING:
    from sync.client.client import SyncClient, SyncReport
    from sync.client.local_status import SyncStatus
    from sync.client.transport import RetryPolicy

_LAZY = {
    "SyncClient": "sync.client.client",
    "SyncReport": "sync.client.client",
    "SyncStatus": "sync.client.local_status",
    "RetryPolicy": "sync.client.transport",
}

__all__ = [
    "AuthError",
    "Cancelled",
    "KeyringUnavailable",
    "NetworkError",
    "RetryPolicy",
    "ServerError",
    "SyncClient",
    "SyncError",
    "SyncReport",
    "SyncStatus",
]


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
