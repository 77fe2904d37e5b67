"""City server: push and pull of 10,000 records over real HTTP (uvicorn on loopback), against a
raw bulk insert of the same rows into the same database; bytes on the wire; a no-op sync; 50
devices syncing at once. SQLite always, PostgreSQL (database ``advisor_bench``) when
ADVISOR_BENCH_DATABASE_URL or ADVISOR_TEST_DATABASE_URL is set."""

from __future__ import annotations

import gzip
import json
import statistics
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import psycopg
from sqlalchemy import Column, Integer, MetaData, String, Table, Text, insert

from sync.protocol import canonical_json, payload_hash
from sync.server import security
from sync.server.admin import service as admin
from sync.server.app import create_app
from sync.server.context import Settings
from sync.server.database import make_engine, normalise_url, upgrade
from tests.bench import Row
from tests.bench.bench_scale import bench_url
from tests.server.conftest import start_uvicorn

ROOT = Path(__file__).resolve().parents[2]
TOWNSHIP = "610502100000"
N = 10_000
BATCH = 5000
PASSWORD = "bench-password-1"


def _records(village: str, n: int) -> list[dict]:
    return [
        {
            "id": str(uuid.uuid4()),
            "rev": 1,
            "base_rev": 0,
            "scope": village,
            "region_code": village,
            "occurred_at": "2026-03-01T09:30:00",
            "question": f"宅基地边界纠纷第 {i} 号，邻居占用了两米",
            "answer": "建议先由村调委会调解，保留宅基地证",
            "service_type": "法律咨询解答",
            "mode": "实地",
            "category": "民事",
            "subcategory": "房屋宅基地",
            "status": "已办结",
            "adviser": "王律师",
            "duration_minutes": 30,
            "tags": ["老年人"],
            "created_at": "2026-03-01T09:30:00",
            "updated_at": "2026-03-01T09:40:00",
            "deleted": False,
        }
        for i in range(n)
    ]


def _body(records: list[dict]) -> bytes:
    fields = list(records[0])
    body = {
        "changes": {"consultations": {"fields": fields, "rows": [[r[f] for f in fields] for r in records]}}
    }
    return gzip.compress(json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode(), 6)


def _setup(database_url: str, workdir: Path, villages: list[str]) -> None:
    engine = make_engine(database_url)
    upgrade(engine)
    admin.import_regions(engine, ROOT / "resources" / "regions" / "weinan.csv")
    csv = workdir / "villages.csv"
    csv.write_text(
        "code,name,parent_code,level\n" + "".join(f"{v},村{v[-3:]},{TOWNSHIP},village\n" for v in villages),
        encoding="utf-8",
    )
    admin.import_regions(engine, csv)
    for v in villages:
        admin.add_user(engine, f"u{v}", "adviser", [v], PASSWORD)
    engine.dispose()


def _login(url: str, user: str, device: str) -> httpx.Client:
    r = httpx.post(f"{url}/v1/auth/login", json={"username": user, "password": PASSWORD, "device_id": device})
    r.raise_for_status()
    return httpx.Client(base_url=url, timeout=120, headers={"Authorization": f"Bearer {r.json()['token']}"})


def _push(client: httpx.Client, body: bytes) -> dict:
    r = client.post(
        "/v1/changes", content=body, headers={"Content-Type": "application/json", "Content-Encoding": "gzip"}
    )
    r.raise_for_status()
    return r.json()


def _pull_all(client: httpx.Client, after: int = 0) -> tuple[int, int]:
    count = 0
    while True:
        page = client.get(
            "/v1/changes", params={"after": after, "limit": 5000}, headers={"Accept-Encoding": "gzip"}
        ).json()
        count += page["count"]
        after = page["cursor"]
        if not page["more"]:
            return count, after


def _raw_insert_seconds(engine, records: list[dict]) -> float:  # noqa: ANN001
    """The same rows written the plain way: one executemany into a table shaped like ``records``."""
    table = Table(
        "bench_raw",
        MetaData(),
        Column("kind", String(32)),
        Column("id", String(36), primary_key=True),
        Column("rev", Integer),
        Column("scope", String(12)),
        Column("payload", Text),
        Column("hash", String(64)),
        Column("seq", Integer),
    )
    table.create(engine, checkfirst=True)
    started = time.perf_counter()
    rows = []
    for n, r in enumerate(records):
        payload = {
            k: v
            for k, v in r.items()
            if k not in ("id", "rev", "base_rev", "scope", "created_at", "updated_at", "deleted")
        }
        rows.append(
            {
                "kind": "consultations",
                "id": r["id"],
                "rev": 1,
                "scope": r["scope"],
                "payload": canonical_json(payload),
                "hash": payload_hash(payload, False),
                "seq": n,
            }
        )
    with engine.begin() as conn:
        conn.execute(insert(table), rows)
    return time.perf_counter() - started


def _bench_backend(name: str, database_url: str, workdir: Path) -> list[Row]:
    villages = [f"610502100{200 + i:03d}" for i in range(1, 11)]
    _setup(database_url, workdir, villages)
    app = create_app(Settings(database_url=database_url, data_dir=workdir))
    url, uv, thread = start_uvicorn(app)
    rows: list[Row] = []
    try:
        client = _login(url, f"u{villages[0]}", "bench-main")
        records = _records(villages[0], N)
        bodies = [_body(records[i : i + BATCH]) for i in range(0, N, BATCH)]
        started = time.perf_counter()
        for body in bodies:
            assert _push(client, body)["accepted"] == BATCH
        push_s = time.perf_counter() - started
        raw_s = _raw_insert_seconds(app.state.server.engine, records)
        rows.append(
            Row(
                f"{name}: push 10,000 records (HTTP, gzip)",
                push_s,
                "s",
                "",
                raw_s,
                "raw bulk insert, same DB",
            )
        )

        started = time.perf_counter()
        count, cursor = _pull_all(client)
        pull_s = time.perf_counter() - started
        assert count >= N
        rows.append(
            Row(
                f"{name}: pull 10,000 records (pages of 5,000)",
                pull_s,
                "s",
                "",
                raw_s,
                "raw bulk insert, same DB",
            )
        )
        rows.append(Row(f"{name}: push + pull end to end", push_s + pull_s, "s", "< 2–3 s"))

        plain = sum(len(json.dumps(r, ensure_ascii=False).encode()) for r in records) / N
        wire = sum(len(b) for b in bodies) / N
        rows.append(
            Row(
                f"{name}: bytes on the wire per record pushed",
                wire,
                "B",
                "≤ ⅓ plain JSON",
                plain,
                "plain JSON of the record",
            )
        )

        times = []
        for _ in range(20):
            started = time.perf_counter()
            r = client.get("/v1/changes", params={"after": cursor})
            times.append(time.perf_counter() - started)
            assert r.json()["count"] == 0
        rows.append(
            Row(f"{name}: no-op pull (median of 20)", statistics.median(times) * 1000, "ms", "< 50 ms")
        )

        rows += _many_devices(name, url, villages)
    finally:
        uv.should_exit = True
        thread.join(10)
        app.state.server.engine.dispose()
    return rows


def _many_devices(name: str, url: str, villages: list[str], devices: int = 50) -> list[Row]:
    """50 devices (5 per village) each push 200 records in 2 batches and pull their village."""
    clients = [_login(url, f"u{villages[i % len(villages)]}", f"dev-{i}") for i in range(devices)]
    latencies: list[float] = []
    push_latencies: list[float] = []
    lock = threading.Lock()
    barrier = threading.Barrier(devices)

    def sync(i: int) -> int:
        client = clients[i]
        bodies = [_body(_records(villages[i % len(villages)], 100)) for _ in range(2)]
        barrier.wait()
        for body in bodies:
            started = time.perf_counter()
            _push(client, body)
            with lock:
                latencies.append(time.perf_counter() - started)
                push_latencies.append(latencies[-1])
        started = time.perf_counter()
        count, _ = _pull_all(client)
        with lock:
            latencies.append(time.perf_counter() - started)
        return 200

    started = time.perf_counter()
    with ThreadPoolExecutor(devices) as pool:
        pushed = sum(pool.map(sync, range(devices)))
    elapsed = time.perf_counter() - started

    def p95(values: list[float]) -> float:
        values = sorted(values)
        return values[int(len(values) * 0.95) - 1]

    return [
        Row(f"{name}: 50 devices at once, records pushed per second", pushed / elapsed, "rec/s"),
        Row(f"{name}: 50 devices at once, p95 request latency", p95(latencies) * 1000, "ms"),
        Row(f"{name}: 50 devices at once, p95 push latency", p95(push_latencies) * 1000, "ms"),
    ]


def _bench_database() -> str | None:
    """The bench's own database (``advisor_bench``, created when missing; bench_scale's choice of
    server), never the tests' ``test`` database."""
    url = bench_url()
    if url is None:
        return None
    head, _, name = url.rpartition("/")
    with psycopg.connect(f"{head}/postgres", autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone() is None:
            conn.execute(f'CREATE DATABASE "{name}"')
    return url


def run(workdir: Path) -> list[Row]:
    security.configure_hasher(time_cost=1, memory_cost_kib=8 * 1024)  # 60 logins; not what is measured
    (workdir / "sqlite").mkdir()
    rows = _bench_backend("SQLite", f"sqlite:///{workdir / 'sqlite' / 'server.db'}", workdir / "sqlite")
    base = _bench_database()
    if base:
        schema = f"advisor_bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(base, autocommit=True) as conn:
            conn.execute(f'CREATE SCHEMA "{schema}"')
        try:
            sep = "&" if "?" in base else "?"
            (workdir / "pg").mkdir()
            rows += _bench_backend(
                "PostgreSQL", f"{normalise_url(base)}{sep}options=-csearch_path%3D{schema}", workdir / "pg"
            )
        finally:
            with psycopg.connect(base, autocommit=True) as conn:
                conn.execute(f'DROP SCHEMA "{schema}" CASCADE')
    return rows
