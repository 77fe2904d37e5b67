"""The device token, kept in the system keyring (design.md: never in a plain file)."""

from __future__ import annotations

import keyring
from keyring.backends import fail
from keyring.errors import KeyringError

from sync.client.errors import KeyringUnavailable

SERVICE = "advisor-desk-sync"


def _key(server_url: str, username: str) -> str:
    return f"{username}@{server_url.rstrip('/')}"


def _backend():  # noqa: ANN202 - a keyring backend
    backend = keyring.get_keyring()
    inner = getattr(backend, "backends", None)  # a chainer with nothing behind it is no keyring either
    if isinstance(backend, fail.Keyring) or (inner is not None and not inner):
        raise KeyringUnavailable()
    return backend


def save_token(server_url: str, username: str, token: str) -> None:
    try:
        _backend().set_password(SERVICE, _key(server_url, username), token)
    except KeyringError as exc:
        raise KeyringUnavailable() from exc


def load_token(server_url: str, username: str) -> str | None:
    try:
        return _backend().get_password(SERVICE, _key(server_url, username))
    except KeyringError as exc:
        raise KeyringUnavailable() from exc


def forget_token(server_url: str, username: str) -> None:
    try:
        _backend().delete_password(SERVICE, _key(server_url, username))
    except keyring.errors.PasswordDeleteError:
        pass
    except KeyringError as exc:
        raise KeyringUnavailable() from exc


# The key this installation signs its 评价码 with (issue 19), kept like the token: "<device no>:<hex key>".
RATING_SERVICE = "advisor-desk-rating"


def save_rating_key(server_url: str, username: str, device_no: int, key_hex: str) -> None:
    try:
        _backend().set_password(RATING_SERVICE, _key(server_url, username), f"{device_no}:{key_hex}")
    except KeyringError as exc:
        raise KeyringUnavailable() from exc


def load_rating_key(server_url: str | None, username: str | None) -> tuple[int, str] | None:
    """(device number, hex key) of the logged-in account on this installation, or None."""
    if not server_url or not username:
        return None
    try:
        value = _backend().get_password(RATING_SERVICE, _key(server_url, username))
    except KeyringError as exc:
        raise KeyringUnavailable() from exc
    number, _, key = (value or "").partition(":")
    return (int(number), key) if number.isdigit() and key else None


def forget_rating_key(server_url: str, username: str) -> None:
    try:
        _backend().delete_password(RATING_SERVICE, _key(server_url, username))
    except keyring.errors.PasswordDeleteError:
        pass
    except KeyringError as exc:
        raise KeyringUnavailable() from exc
