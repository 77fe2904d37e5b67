"""The sync client: the desktop app's and the CLI's side of docs/sync-protocol.md."""

from tests.compat.client_v1.client.client import SyncClient, SyncReport, SyncStatus
from tests.compat.client_v1.client.errors import (
    AuthError,
    Cancelled,
    KeyringUnavailable,
    NetworkError,
    SyncError,
)
from tests.compat.client_v1.client.transport import RetryPolicy

__all__ = [
    "AuthError",
    "Cancelled",
    "KeyringUnavailable",
    "NetworkError",
    "RetryPolicy",
    "SyncClient",
    "SyncError",
    "SyncReport",
    "SyncStatus",
]
