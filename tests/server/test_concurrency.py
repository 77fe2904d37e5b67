"""Concurrent pushes against a paging reader: the cursor never skips a change; number blocks
never overlap."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from .conftest import VILLAGE, VILLAGE_2
from .helpers import batch, consultation, push


def test_pull_pages_never_skip_changes_committed_out_of_order(server):
    reader = server.client("tw1")
    start = reader.get("/v1/changes", params={"after": 0, "limit": 1}).json()
    cursor = reader.get("/v1/summary").json()["seq"]
    assert start["cursor"] >= 0
    pushed: set[str] = set()
    lock = threading.Lock()
    done = threading.Event()

    def writer(user: str, village: str) -> None:
        client = server.client(user)
        for _ in range(5):
            recs = [consultation(village) for _ in range(20)]
            r = push(client, batch(consultations=recs))
            assert r.status_code == 200, r.text
            with lock:
                pushed.update(rec["id"] for rec in recs)

    seen: set[str] = set()

    def read() -> None:
        nonlocal cursor
        while True:
            finished = done.is_set()
            page = reader.get(
                "/v1/changes", params={"after": cursor, "limit": 7, "kinds": "consultations"}
            ).json()
            for row in page.get("changes", {}).get("consultations", {}).get("rows", []):
                seen.add(row[0])
            assert page["cursor"] >= cursor
            cursor = page["cursor"]
            if finished and not page["more"]:
                return

    # Log everyone in first so Argon2 does not serialise the writers.
    for user in ("adv1", "adv2", "tw1"):
        server.token(user)
    reader_thread = threading.Thread(target=read)
    reader_thread.start()
    with ThreadPoolExecutor(4) as pool:
        futures = [
            pool.submit(writer, u, v)
            for u, v in (("adv1", VILLAGE), ("adv2", VILLAGE_2), ("adv1", VILLAGE), ("adv2", VILLAGE_2))
        ]
        for f in futures:
            f.result()
    done.set()
    reader_thread.join(60)
    assert len(pushed) == 4 * 5 * 20
    assert pushed <= seen, f"{len(pushed - seen)} changes skipped by the paging reader"


def test_number_blocks_never_overlap(server):
    client = server.client("adv1")

    def reserve(_n: int) -> tuple[int, int]:
        r = client.post(
            "/v1/numbers/reserve", json={"committee_id": server.committee_id, "year": 2026, "size": 10}
        )
        assert r.status_code == 200, r.text
        return r.json()["first"], r.json()["last"]

    with ThreadPoolExecutor(6) as pool:
        blocks = sorted(pool.map(reserve, range(24)))
    for (_a, last), (first, _b) in zip(blocks, blocks[1:], strict=False):
        assert first > last
    assert all(b - a == 9 for a, b in blocks)
    missing = client.post("/v1/numbers/reserve", json={"committee_id": "0" * 36, "year": 2026, "size": 10})
    assert missing.status_code == 404
    outsider = server.client("tw2").post(
        "/v1/numbers/reserve", json={"committee_id": server.committee_id, "year": 2026}
    )
    assert outsider.status_code == 404


def test_racing_edits_of_one_record_never_both_win(server):
    """Four devices edit the same base at once, and four versions of one new record arrive at
    once: exactly one wins each time, every other version is kept as a conflict, no 5xx."""
    from sqlalchemy import func, select

    from sync.server.db import Conflict

    server.token("adv1")
    clients = [server.client("adv1") for _ in range(4)]
    for _round in range(3):
        rec = consultation(VILLAGE)
        assert push(clients[0], batch(consultations=[rec])).json()["accepted"] == 1
        fresh = consultation(VILLAGE)
        for versions in (
            [dict(rec, rev=2 + n, base_rev=1, answer=f"设备{n}") for n in range(4)],
            [dict(fresh, rev=1 + n, answer=f"新建{n}") for n in range(4)],
        ):
            barrier = threading.Barrier(len(versions))

            def send(i: int, versions=versions, barrier=barrier):  # noqa: ANN202
                barrier.wait()
                return push(clients[i], batch(consultations=[versions[i]]))

            with ThreadPoolExecutor(len(versions)) as pool:
                replies = list(pool.map(send, range(len(versions))))
            assert [r.status_code for r in replies] == [200] * len(versions), [r.text for r in replies]
            bodies = [r.json() for r in replies]
            assert sum(b["accepted"] for b in bodies) == 1, bodies
            assert sum(b["conflicts"] for b in bodies) == len(versions) - 1, bodies
            with server.engine.connect() as conn:
                kept = conn.execute(
                    select(func.count()).select_from(Conflict).where(Conflict.record_id == versions[0]["id"])
                ).scalar_one()
            assert kept == len(versions) - 1
