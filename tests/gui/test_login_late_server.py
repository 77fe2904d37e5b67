"""SyncClient.login(proceed=…) against the real city server on loopback: a login the person stopped
waiting for keeps nothing here and its token no longer opens the server."""

from __future__ import annotations

import pytest
import requests

from advisor_app.store import open_store
from sync.client import SyncClient, credentials
from sync.client.errors import LoginAbandoned
from sync.client.transport import Transport
from tests.sync_client.conftest import PASSWORD, memory_keyring, server  # noqa: F401 - fixtures


def test_an_abandoned_login_is_revoked_and_nothing_is_kept(tmp_path, server, monkeypatch):  # noqa: F811
    issued: list[str] = []
    original = Transport.json

    def spying(self, method, path, **kw):  # noqa: ANN001, ANN202 - records the token the server gives
        reply = original(self, method, path, **kw)
        if path == "/v1/auth/login":
            issued.append(reply["token"])
        return reply

    monkeypatch.setattr(Transport, "json", spying)
    store = open_store(tmp_path / "late")
    asked: list[bool] = []
    try:
        with pytest.raises(LoginAbandoned) as caught:
            SyncClient(store).login(server.url, "adv1", PASSWORD, proceed=lambda: asked.append(True) or False)
        assert "登录已取消" in caught.value.message and asked == [True]
        assert credentials.load_token(server.url, "adv1") is None
        assert not store.setting("server_url") and not store.setting("sync_user")
        (token,) = issued
        me = requests.get(f"{server.url}/v1/auth/me", headers={"Authorization": f"Bearer {token}"}, timeout=5)
        assert me.status_code == 401, me.text

        # the same login, kept: its token works (the check above can fail)
        SyncClient(store).login(server.url, "adv1", PASSWORD, proceed=lambda: True)
        kept = credentials.load_token(server.url, "adv1")
        me = requests.get(f"{server.url}/v1/auth/me", headers={"Authorization": f"Bearer {kept}"}, timeout=5)
        assert me.status_code == 200 and store.setting("sync_user") == "adv1"
    finally:
        store.engine.dispose()
