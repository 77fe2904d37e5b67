"""Attachments: resumable upload by SHA-256, size limit, download only within scope; by proof:
naming a hash is not having the file, and status/PUT are no oracle for files outside the scope."""

from __future__ import annotations

import hashlib
import os

from sqlalchemy import select

from sync.server.db import BlobUploader, Record

from .conftest import VILLAGE, VILLAGE_2
from .helpers import batch, case, new_id, pull_all, push


def test_resumable_upload_and_scoped_download(server):
    adv = server.client("adv1")
    data = os.urandom(300_000)
    sha = hashlib.sha256(data).hexdigest()
    url = f"/v1/attachments/{sha}"
    assert adv.get(f"{url}/status").json() == {"sha256": sha, "received": 0, "complete": False}
    r = adv.put(url, params={"offset": 0, "total": len(data)}, content=data[:100_000])
    assert r.json()["received"] == 100_000 and not r.json()["complete"]
    # The link dropped; the device asks where to continue.
    resume_at = adv.get(f"{url}/status").json()["received"]
    wrong = adv.put(url, params={"offset": 5, "total": len(data)}, content=data[5:10])
    assert wrong.status_code == 409 and wrong.json()["error"]["details"]["received"] == resume_at
    r = adv.put(url, params={"offset": resume_at, "total": len(data)}, content=data[resume_at:])
    assert r.json()["complete"] is True

    # Not downloadable until a record in scope refers to it.
    assert adv.get(url).status_code == 404
    rec = case(VILLAGE, server.committee_id)
    attachment = {
        "id": new_id(),
        "rev": 1,
        "scope": VILLAGE,
        "sha256": sha,
        "filename": "协议书.jpg",
        "mime": "image/jpeg",
        "size": len(data),
        "target_kind": "case",
        "target_id": rec["id"],
    }
    assert push(adv, batch(cases=[rec], attachments=[attachment])).json()["accepted"] == 2
    got = adv.get(url)
    assert got.status_code == 200 and hashlib.sha256(got.content).hexdigest() == sha
    assert server.client("adv2").get(url).status_code == 404
    assert server.client("tw1").get(url).status_code == 200


def test_bad_uploads_are_refused(server):
    adv = server.client("adv1")
    data = b"scan" * 1000
    sha = hashlib.sha256(data).hexdigest()
    bad = adv.put(
        f"/v1/attachments/{sha}", params={"offset": 0, "total": len(data)}, content=b"x" * len(data)
    )
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "hash_mismatch"
    assert adv.get(f"/v1/attachments/{sha}/status").json()["received"] == 0
    big = adv.put(
        f"/v1/attachments/{'a' * 64}", params={"offset": 0, "total": 50 * 1024 * 1024}, content=b"x"
    )
    assert big.status_code == 413
    assert adv.get("/v1/attachments/NOT-A-HASH/status").status_code == 422


def _attachment(region: str, target_id: str, sha: str, size: int, **over) -> dict:  # noqa: ANN003
    return {
        "id": new_id(),
        "rev": 1,
        "scope": region,
        "sha256": sha,
        "filename": "协议书.jpg",
        "mime": "image/jpeg",
        "size": size,
        "target_kind": "case",
        "target_id": target_id,
        **over,
    }


def _upload(client, data: bytes) -> str:  # noqa: ANN001
    sha = hashlib.sha256(data).hexdigest()
    r = client.put(f"/v1/attachments/{sha}", params={"offset": 0, "total": len(data)}, content=data)
    assert r.status_code == 200 and r.json()["complete"], r.text
    return sha


def _a_scan_of_village_a(server) -> tuple[bytes, str]:  # noqa: ANN001
    """Village A (adv1) uploads a scan and files it under one of its cases."""
    adv1 = server.client("adv1")
    data = os.urandom(50_000)
    sha = _upload(adv1, data)
    rec = case(VILLAGE, server.committee_id)
    body = push(
        adv1, batch(cases=[rec], attachments=[_attachment(VILLAGE, rec["id"], sha, len(data))])
    ).json()
    assert body["accepted"] == 2 and body["problems"] == []
    return data, sha


def test_village_b_naming_village_a_hash_cannot_download_a_scan(server):
    data, sha = _a_scan_of_village_a(server)
    adv2 = server.client("adv2")
    own = case(VILLAGE_2, server.committee_id)
    assert push(adv2, batch(cases=[own])).json()["accepted"] == 1
    # B names A's hash in a record of its own village, with the right size and with any size.
    for size in (len(data), 1):
        claim = _attachment(VILLAGE_2, own["id"], sha, size)
        body = push(adv2, batch(attachments=[claim])).json()
        assert body["accepted"] == 0 and body["rejected"] == 1, body
        assert body["problems"][0]["reason"] == "attachment_unproven"
        assert "上传" in body["problems"][0]["message"]
    assert adv2.get(f"/v1/attachments/{sha}").status_code == 404
    with server.engine.connect() as conn:
        stored = conn.execute(select(Record.id).where(Record.sha256 == sha)).scalars().all()
    assert len(stored) == 1  # only A's record names the file
    # A refused claim is not a person's conflict: the device sends it again once it has uploaded.
    assert all(c["record_id"] != claim["id"] for c in adv2.get("/v1/conflicts").json())
    # The township reads A's village: it may download, and its status says the file is there.
    tw = server.client("tw1")
    assert tw.get(f"/v1/attachments/{sha}").content == data
    assert tw.get(f"/v1/attachments/{sha}/status").json()["complete"] is True


def test_status_and_put_are_no_oracle_for_files_outside_the_scope(server):
    data, sha = _a_scan_of_village_a(server)
    never = hashlib.sha256(os.urandom(64)).hexdigest()
    adv2 = server.client("adv2")

    def looks(h: str) -> list:
        status = adv2.get(f"/v1/attachments/{h}/status")
        # A PUT without the bytes: the server must not answer "complete" for a file it holds.
        empty = adv2.put(f"/v1/attachments/{h}", params={"offset": 0, "total": len(data)}, content=b"")
        half = adv2.put(f"/v1/attachments/{h}", params={"offset": 0, "total": len(data)}, content=data[:10])
        wrong_offset = adv2.put(
            f"/v1/attachments/{h}", params={"offset": 99, "total": len(data)}, content=b"x"
        )
        out = []
        for r in (status, empty, half, wrong_offset):
            body = r.json()
            if isinstance(body, dict) and "sha256" in body:
                body = {**body, "sha256": "-"}
            out.append((r.status_code, body))
        return out

    assert looks(sha) == looks(never)
    assert looks(sha)[0][1]["complete"] is False
    # The wrong bytes under A's hash: refused, and B is no wiser.
    mine = adv2.get(f"/v1/attachments/{sha}/status").json()["received"]
    bad = adv2.put(
        f"/v1/attachments/{sha}",
        params={"offset": mine, "total": len(data)},
        content=b"y" * (len(data) - mine),
    )
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "hash_mismatch"
    assert adv2.get(f"/v1/attachments/{sha}").status_code == 404


def test_an_account_that_holds_the_bytes_proves_it_by_uploading_them(server):
    data, sha = _a_scan_of_village_a(server)
    adv2 = server.client("adv2")
    # B really has the same file (the same form printed twice): the bytes are required all the same.
    status = adv2.get(f"/v1/attachments/{sha}/status").json()
    r = adv2.put(
        f"/v1/attachments/{sha}",
        params={"offset": status["received"], "total": len(data)},
        content=data[status["received"] :],
    )
    assert r.status_code == 200 and r.json()["complete"] is True
    assert adv2.get(f"/v1/attachments/{sha}/status").json()["complete"] is True
    own = case(VILLAGE_2, server.committee_id)
    wrong_size = _attachment(VILLAGE_2, own["id"], sha, len(data) + 1)
    body = push(adv2, batch(cases=[own], attachments=[wrong_size])).json()
    assert body["accepted"] == 1 and body["problems"][0]["reason"] == "attachment_unproven"
    right = _attachment(VILLAGE_2, own["id"], sha, len(data))
    assert push(adv2, batch(attachments=[right])).json()["accepted"] == 1
    assert adv2.get(f"/v1/attachments/{sha}").content == data
    with server.engine.connect() as conn:
        uploaders = set(
            conn.execute(select(BlobUploader.account_id).where(BlobUploader.sha256 == sha)).scalars()
        )
    assert len(uploaders) == 2


def test_the_owner_edits_and_deletes_its_attachment_record_without_uploading_again(server):
    data, sha = _a_scan_of_village_a(server)
    adv1 = server.client("adv1")
    seen, _ = pull_all(adv1, kinds="attachments")
    mine = next(r for (k, _i), r in seen.items() if r["sha256"] == sha)
    edited = dict(mine, rev=2, base_rev=1, filename="协议书（第二页）.jpg")
    for meta in ("owner", "device_id", "deleted"):
        edited.pop(meta, None)
    assert push(adv1, batch(attachments=[edited])).json()["accepted"] == 1
    gone = dict(edited, rev=3, base_rev=2, deleted=True)
    assert push(adv1, batch(attachments=[gone])).json()["accepted"] == 1
    # With the only record deleted nobody reads the file any more, the township included.
    assert server.client("tw1").get(f"/v1/attachments/{sha}").status_code == 404
