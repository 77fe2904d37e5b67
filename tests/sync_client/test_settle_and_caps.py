"""A conflict resolved on a device is resolved on the server at the next sync (both lists agree);
the server's daily cap on case numbers is shown in the sync's result without stopping it; an
attachment record goes up with its file."""

from __future__ import annotations

import os

import httpx
from sqlalchemy import select

from advisor_app.services import attachments as attachment_service
from sync.client import conflicts
from sync.server.db import Record

from .conftest import PASSWORD, V1
from .records import consult, edit
from .test_features import _activity


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


def test_an_attachment_record_whose_file_was_missing_goes_up_with_it_later(server, device):
    """Attachments by proof from the device's side: the file goes up before its record; a record
    refused because this device did not have the file is sent again, with the file, once it does."""
    a = device("a", server.url, "adv1")
    activity_id = _activity(a.store)
    data = os.urandom(70_000)
    att = attachment_service.add_bytes(a.store, data, "签到表.jpg", "activity", activity_id, "活动照片")
    blob = attachment_service.blob_path(a.store, att.sha256)
    kept = blob.read_bytes()
    blob.unlink()  # the file is not on this device (copied in later from a USB stick)
    report = a.client.sync()
    assert report.uploaded == 0 and report.rejected == 1
    with server.engine.connect() as conn:
        assert conn.execute(select(Record.id).where(Record.id == att.id)).first() is None
    blob.write_bytes(kept)
    report = a.client.sync()
    assert report.uploaded == 1 and report.rejected == 0
    with server.engine.connect() as conn:
        assert conn.execute(select(Record.sha256).where(Record.id == att.id)).scalar_one() == att.sha256
    assert (server.data_dir / "blobs" / att.sha256[:2] / att.sha256).read_bytes() == data
