"""What can stop a sync, each with a Chinese message a person can act on."""

from __future__ import annotations

from typing import Any


class SyncError(Exception):
    """A sync step failed; ``message`` is Chinese and safe to show (no personal data)."""

    def __init__(
        self, message: str, *, code: str = "sync_error", status: int | None = None, details: Any = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.status = status
        self.details = details


class AuthError(SyncError):
    """The device token is missing, expired or revoked: log in again (local data is kept)."""


class NetworkError(SyncError):
    """No connection to the server, or the connection was cut, after the retries."""


class ServerError(SyncError):
    """The server answered with an error (5xx) after the retries: it was reached, it failed."""


class Cancelled(SyncError):
    """The person cancelled; whatever the server confirmed is kept, the rest goes next time."""

    def __init__(self) -> None:
        super().__init__("同步已取消；已确认的部分已保存，其余下次继续", code="cancelled")


class LoginAbandoned(SyncError):
    """The person stopped waiting for a login (取消, or the dialog gave up) before it was kept:
    nothing of it is saved and the token the server issued is revoked."""

    def __init__(self) -> None:
        super().__init__("登录已取消：本机没有保存这次登录", code="login_abandoned")


class KeyringUnavailable(SyncError):
    """No system keyring backend: the token must not go into a plain file."""

    def __init__(self) -> None:
        super().__init__(
            "本系统没有可用的密钥环（keyring）服务，无法安全保存登录令牌。"
            "请安装并启用系统密钥环（如 GNOME Keyring 或 KWallet）后再登录；本机数据不受影响。",
            code="no_keyring",
        )
