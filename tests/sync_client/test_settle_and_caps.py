"""A conflict resolved on a device is resolved on the server at the next sync (both lists agree),
and the server's daily cap on case numbers is shown in the sync's result without stopping it."""

from __future__ import annotations

import httpx

from sync.client import conflicts

from .conftest import PASSWORD, V1
from .records import consult, edit


def _server_list(server, user: str) -> list[dict]:  # noqa: ANN001
    login = httpx.post(
        f"{server.url}/v1/auth/login",
        json={"username": user, "password": PASSWORD, "device_id": f"lister-{user}"},
    ).json()
    r = httpx.get(f"{server.url}/v1/conflicts", headers={"Authorization": f"Bearer {login['token']}"})
    assert r.status_code == 200
    return r.json()


def _settle(server, device) -> None:  # noqa: ANN001
    a = device("a", server.url, "adv1")
    b = device("b", server.url, "adv1")
    rid = consult(a.store, V1, "共同的问题")
    a.client.sync()
    b.client.sync()
    edit(a.store, rid, answer="甲设备的答复")
    edit(b.store, rid, answer="乙设备的答复")
    a.client.sync()
    assert b.client.sync().conflicts == 1
    local = conflicts.open_conflicts(b.store)
    listed = _server_list(server, "adv1")
    assert [c.record_id for c in local] == [c["record_id"] for c in listed] == [rid]
    assert b.client.status().conflicts == len(listed) == 1

    conflicts.keep_theirs(b.store, local[0].id)  # offline: nothing to the server yet
    assert len(_server_list(server, "adv1")) == 1
    report = b.client.sync()
    assert report.conflicts_settled == 1
    assert _server_list(server, "adv1") == [] and conflicts.open_conflicts(b.store) == []
    assert b.client.status().conflicts == 0
    # Nothing resolved since: the next sync does not ask the server's list again.
    again = b.client.sync()
    assert again.conflicts_settled == 0


def test_a_conflict_resolved_on_the_device_is_resolved_on_the_server(server, device):
    _settle(server, device)


def test_a_conflict_resolved_on_the_device_is_resolved_on_the_server_postgres(pg_server, device):
    _settle(pg_server, device)


def test_the_daily_number_cap_is_shown_and_does_not_stop_the_sync(server, device):
    a = device("a", server.url, "adv1")
    a.client.sync()
    a.store.set_setting("committee_id", server.committee_id)
    server.app.state.server.settings.numbers_per_day = 0
    rid = consult(a.store, V1, "上限之后的咨询")
    report = a.client.sync()  # the number refusal does not stop the push
    assert report.numbers_reserved == 0 and report.pushed == 1
    assert any("每日上限" in n for n in report.notices)
    assert "每日上限" in report.summary()
    server.app.state.server.settings.numbers_per_day = 500
    report = a.client.sync()
    assert report.numbers_reserved > 0 and report.notices == []
    assert rid
