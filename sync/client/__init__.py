"""The sync client: the desktop app's and the CLI's side of docs/sync-protocol.md."""

from sync.client.client import SyncClient, SyncReport, SyncStatus
from sync.client.errors import AuthError, Cancelled, KeyringUnavailable, NetworkError, ServerError, SyncError
from sync.client.transport import RetryPolicy

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
