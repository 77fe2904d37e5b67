"""Attachments: resumable upload by SHA-256, size limit, download only within scope."""

from __future__ import annotations

import hashlib
import os

from .conftest import VILLAGE
from .helpers import batch, case, new_id, push


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
