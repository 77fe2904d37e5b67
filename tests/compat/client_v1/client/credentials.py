"""The device token, kept in the system keyring (design.md: never in a plain file)."""

from __future__ import annotations

import keyring
from keyring.backends import fail
from keyring.errors import KeyringError

from tests.compat.client_v1.client.errors import KeyringUnavailable

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
