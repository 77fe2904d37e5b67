"""Pushes of different villages in parallel (issue 17): no province-wide lock, and still a cursor
never passes a change that commits later."""

from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import insert

from sync.protocol import canonical_json, payload_hash
from sync.server.changes.repository import take_sequences
from sync.server.db import Record

from .conftest import VILLAGE, VILLAGE_2
from .helpers import batch, consultation, new_id, push

V2 = {"X-Advisor-Protocol": "2"}


def _v2(server, user: str):  # noqa: ANN001, ANN202
    client = server.client(user)
    client.headers.update(V2)
    return client


def test_two_villages_push_in_parallel_threads_and_a_puller_misses_nothing(server):
    for user in ("adv1", "adv2", "tw1"):
        server.token(user)
    reader = _v2(server, "tw1")
    cursor = reader.get("/v1/changes", params={"after": 0, "limit": 5000}).json()["cursor"]
    while True:  # start from the end of what is there
        page = reader.get("/v1/changes", params={"after": cursor, "limit": 5000}).json()
        cursor = page["cursor"]
        if not page["more"]:
            break
    pushed: set[str] = set()
    lock = threading.Lock()
    done = threading.Event()
    seen: set[str] = set()

    def writer(user: str, village: str) -> None:
        client = _v2(server, user)
        for _ in range(8):
            recs = [consultation(village) for _ in range(15)]
            r = push(client, batch(consultations=recs))
            assert r.status_code == 200, r.text
            with lock:
                pushed.update(rec["id"] for rec in recs)

    def read() -> None:
        nonlocal cursor
        while True:
            finished = done.is_set()
            page = reader.get("/v1/changes", params={"after": cursor, "limit": 11}).json()
            for row in page.get("changes", {}).get("consultations", {}).get("rows", []):
                seen.add(row[0])
            assert page["cursor"] >= cursor
            cursor = page["cursor"]
            if finished and not page["more"]:
                return

    reader_thread = threading.Thread(target=read)
    reader_thread.start()
    with ThreadPoolExecutor(2) as pool:
        for f in [pool.submit(writer, "adv1", VILLAGE), pool.submit(writer, "adv2", VILLAGE_2)]:
            f.result()
    done.set()
    reader_thread.join(60)
    assert len(pushed) == 2 * 8 * 15
    assert pushed <= seen, f"{len(pushed - seen)} changes skipped by the paging reader"


def test_an_open_push_holds_readers_back_but_not_another_village(server):
    """A write transaction that has taken its sequence number and not committed: readers stop
    below it; on PostgreSQL another village's push completes meanwhile (on SQLite, one writer)."""
    reader = _v2(server, "tw1")
    from .helpers import pull_all

    _seen, cursor = pull_all(reader)
    held_id = new_id()
    payload = {"question": "迟到的提交", "region_code": VILLAGE}
    with server.engine.connect() as conn:
        tx = conn.begin()
        (seq,) = take_sequences(conn, 1)
        conn.execute(
            insert(Record).values(
                kind="consultations",
                id=held_id,
                rev=1,
                scope=VILLAGE,
                owner="adv1",
                device_id="held",
                created_at="2026-03-01T09:00:00",
                updated_at="2026-03-01T09:00:00",
                deleted=False,
                payload=canonical_json(payload),
                hash=payload_hash(payload, False),
                seq=seq,
            )
        )
        other = consultation(VILLAGE_2)
        if server.backend == "postgres":
            started = time.monotonic()
            r = push(_v2(server, "adv2"), batch(consultations=[other]))
            assert r.status_code == 200 and r.json()["accepted"] == 1, r.text
            assert time.monotonic() - started < 10  # it did not wait for the open transaction
        page = reader.get("/v1/changes", params={"after": cursor, "limit": 1000}).json()
        assert page["cursor"] < seq, "the cursor passed a change not yet committed"
        ids = {row[0] for block in page["changes"].values() for row in block["rows"]}
        assert held_id not in ids
        tx.commit()
    after, _ = pull_all(reader, after=page["cursor"])
    assert ("consultations", held_id) in after
    if server.backend == "postgres":
        assert ("consultations", other["id"]) in after
