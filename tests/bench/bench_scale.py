"""The city server at province scale (issue 17): a PostgreSQL database of its own (``advisor_bench``
on the server of ADVISOR_BENCH_DATABASE_URL, else of ADVISOR_TEST_DATABASE_URL — never the tests'
database) seeded by COPY to 100k and 1M records (``make bench-scale``: 10M too) across a simulated
province; ``advisor-server serve --workers 2`` on loopback. At each size: a village's no-op sync,
a push of 50 records, a township's and a county's post-sync check (protocol 2, and protocol 1 =
the check before issue 17), a township's first pull of 50,000 records. Then a city morning: many
devices arriving over a window, each a no-op sync or a small push plus its check.

Environment: ADVISOR_BENCH_SIZES (default ``100000,1000000``), ADVISOR_BENCH_MORNING
(``devices,seconds``, default ``600,30``; bench-scale ``2000,120``). Without PostgreSQL it reports
nothing. It stops by itself: every request has a timeout, the morning has a window.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import socket
import subprocess
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import psycopg

from sync.protocol import canonical_json
from sync.server.database import make_engine, normalise_url, upgrade
from sync.server.security import token_hash
from tests.bench import Row

PROVINCE = "61"
CITY = "6105"
COUNTIES = 11
TOWNSHIPS = 12  # per county
VILLAGES = 15  # per township: 1,980 villages, about Weinan
HOT_TOWNSHIP_RECORDS = 50_000  # one township holds this many at every size (the first pull)
V2 = {"X-Advisor-Protocol": "2", "Accept-Encoding": "gzip"}
V1 = {"X-Advisor-Protocol": "1", "Accept-Encoding": "gzip"}


def _county(c: int) -> str:
    return f"{CITY}{c + 1:02d}000000"


def _township(c: int, t: int) -> str:
    return f"{CITY}{c + 1:02d}{100 + t:03d}000"


def _village(c: int, t: int, v: int) -> str:
    return f"{CITY}{c + 1:02d}{100 + t:03d}{200 + v:03d}"


VILLAGE_CODES = [
    _village(c, t, v) for c in range(COUNTIES) for t in range(TOWNSHIPS) for v in range(VILLAGES)
]
HOT = [_village(0, 0, v) for v in range(VILLAGES)]  # 桥南-like: county 01, township 100
COLD = [v for v in VILLAGE_CODES if v not in set(HOT)]


def bench_url() -> str | None:
    explicit = os.environ.get("ADVISOR_BENCH_DATABASE_URL")
    if explicit:
        return explicit
    base = os.environ.get("ADVISOR_TEST_DATABASE_URL")
    if not base:
        return None
    head, _, _db = base.rpartition("/")
    return f"{head}/advisor_bench"


def _fresh_database(url: str) -> None:
    head, _, name = url.rpartition("/")
    name = name.split("?")[0]
    assert name != "test", "the bench never uses the tests' database"
    with psycopg.connect(
        f"{head}/postgres".replace("postgresql+psycopg://", "postgresql://"), autocommit=True
    ) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        c.execute(f'CREATE DATABASE "{name}"')


PAYLOAD = canonical_json(
    {
        "region_code": "X",
        "occurred_at": "2026-03-01T09:30:00",
        "question": "宅基地边界纠纷，邻居占用了两米，村里调解过一次未成",
        "answer": "建议先由村调委会调解，保留宅基地证和四邻签字",
        "service_type": "法律咨询解答",
        "mode": "实地",
        "category": "民事",
        "subcategory": "房屋宅基地",
        "status": "已办结",
        "adviser": "王律师",
        "duration_minutes": 30,
        "tags": ["老年人"],
    }
)


def _seed_structure(pg: psycopg.Connection, tokens: dict[str, str]) -> None:
    """Regions, one adviser account and device per village, township and county accounts; device
    tokens written directly (2,000 password hashings are not what is measured)."""
    regions = [
        (f"{PROVINCE}0000000000", "陕西省", "province", None),
        (f"{CITY}00000000", "渭南市", "city", f"{PROVINCE}0000000000"),
    ]
    for c in range(COUNTIES):
        regions.append((_county(c), f"县{c}", "county", f"{CITY}00000000"))
        for t in range(TOWNSHIPS):
            regions.append((_township(c, t), f"镇{c}-{t}", "township", _county(c)))
            regions += [
                (_village(c, t, v), f"村{c}-{t}-{v}", "village", _township(c, t)) for v in range(VILLAGES)
            ]
    with pg.cursor() as cur:
        with cur.copy("COPY server_regions (code, name, level, parent_code, source) FROM STDIN") as copy:
            for code, name, level, parent in regions:
                copy.write_row((code, name, level, parent, "bench"))
        now = datetime.now(UTC).replace(tzinfo=None)
        accounts = [(f"v{v}", "adviser", [v]) for v in VILLAGE_CODES]
        accounts += [("tw_hot", "township", [_township(0, 0)]), ("county_1", "county", [_county(0)])]
        for n, (name, role, codes) in enumerate(accounts, start=1):
            cur.execute(
                "INSERT INTO accounts (id, username, password_hash, role, disabled, created_at) VALUES (%s, %s, %s, %s, false, %s)",
                (n, name, "x", role, now),
            )
            for code in codes:
                cur.execute(
                    "INSERT INTO account_regions (account_id, region_code) VALUES (%s, %s)", (n, code)
                )
            token = f"bench-token-{name}"
            tokens[name] = token
            cur.execute(
                "INSERT INTO devices (account_id, device_id, name, token_hash, created_at, expires_at, last_seen_at) "
                "VALUES (%s, %s, '', %s, %s, %s, %s)",
                (n, f"dev-{name}", token_hash(token), now, now + timedelta(days=180), now),
            )
        cur.execute("SELECT setval(pg_get_serial_sequence('accounts', 'id'), %s)", (len(accounts),))
    pg.commit()


def _seed_records(pg: psycopg.Connection, start: int, n: int, hot: int) -> None:
    """``n`` consultations by COPY: ``hot`` of them in the hot township, the rest over the other
    villages, interleaved over the sequence (a province's history, not one village after another)."""
    first = pg.execute("SELECT last_value FROM record_seq").fetchone()[0] + 1
    stamp = "2026-03-01T09:30:00"
    every = max(1, n // hot) if hot else 0
    with (
        pg.cursor() as cur,
        cur.copy(
            "COPY records (kind, id, rev, scope, owner, device_id, created_at, updated_at, deleted, payload, hash, seq) FROM STDIN"
        ) as copy,
    ):
        h = 0
        for i in range(n):
            k = start + i
            if hot and i % every == 0 and h < hot:
                village = HOT[h % len(HOT)]
                h += 1
            else:
                village = COLD[k % len(COLD)]
            rid = f"{k:08x}-0000-4000-8000-{k:012x}"
            copy.write_row(
                (
                    "consultations",
                    rid,
                    1,
                    village,
                    f"v{village}",
                    "seed",
                    stamp,
                    stamp,
                    False,
                    PAYLOAD,
                    "0" * 64,
                    first + i,
                )
            )
    pg.execute("SELECT setval('record_seq', %s, true)", (first + n - 1,))
    pg.commit()
    # Measured in the steady state of a server that has run for a while: vacuumed (visibility map
    # for index-only scans, no autovacuum of the seed running meanwhile) and checkpointed.
    pg.autocommit = True
    pg.execute("VACUUM (ANALYZE) records")
    pg.execute("VACUUM (ANALYZE) scope_checks")
    pg.execute("CHECKPOINT")
    pg.autocommit = False


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(url: str, workdir: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    env = {**os.environ, "ADVISOR_SERVER_LOG_LEVEL": "WARNING"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "sync.server.cli", "--database-url", url, "--data-dir", str(workdir),
         "serve", "--host", "127.0.0.1", "--port", str(port), "--workers", "2", "--no-migrate"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                return proc, base
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("advisor-server did not start")


def _client(base: str, token: str) -> httpx.Client:
    return httpx.Client(base_url=base, timeout=120, headers={"Authorization": f"Bearer {token}"})


def _timed(fn, n: int) -> list[float]:  # noqa: ANN001
    for _ in range(max(3, n // 10)):  # warm-up, not counted
        fn()
    out = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return out


def _p(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def _ok(r: httpx.Response) -> httpx.Response:
    r.raise_for_status()
    return r


def _records(village: str, n: int) -> bytes:
    fields = ["id", "rev", "base_rev", "scope", "region_code", "occurred_at", "question", "service_type",
              "mode", "category", "status", "tags", "created_at", "updated_at", "deleted"]  # fmt: skip
    rows = [
        [str(uuid.uuid4()), 1, 0, village, village, "2026-03-01T09:30:00", "土地承包合同到期怎么续签？",
         "法律咨询解答", "实地", "民事", "办理中", [], "2026-03-01T09:30:00", "2026-03-01T09:30:00", False]
        for _ in range(n)
    ]  # fmt: skip
    body = {"changes": {"consultations": {"fields": fields, "rows": rows}}}
    return gzip.compress(json.dumps(body, ensure_ascii=False).encode(), 6)


def _push(client: httpx.Client, village: str, n: int) -> dict:
    r = client.post(
        "/v1/changes",
        content=_records(village, n),
        headers={**V2, "Content-Type": "application/json", "Content-Encoding": "gzip"},
    )
    return _ok(r).json()


def _cursor(client: httpx.Client) -> int:
    after = 0
    while True:
        page = _ok(client.get("/v1/changes", params={"after": after, "limit": 5000}, headers=V2)).json()
        after = page["cursor"]
        if not page["more"]:
            return after


def _measure_size(base: str, tokens: dict[str, str], size: int) -> list[Row]:
    label = f"{size // 1000}k" if size < 1_000_000 else f"{size // 1_000_000}M"
    rows: list[Row] = []
    village = COLD[7]
    device = _client(base, tokens[f"v{village}"])
    cursor = _cursor(device)
    noop = _timed(lambda: _ok(device.get("/v1/changes", params={"after": cursor}, headers=V2)), 200)
    rows += [
        Row(f"{label}: no-op sync p50", _p(noop, 0.5), "ms"),
        Row(f"{label}: no-op sync p95", _p(noop, 0.95), "ms", "flat"),
    ]
    pusher = _client(base, tokens[f"v{COLD[11]}"])
    pushes = _timed(lambda: _push(pusher, COLD[11], 50), 40)
    rows += [
        Row(f"{label}: push 50 records p50", _p(pushes, 0.5), "ms"),
        Row(f"{label}: push 50 records p95", _p(pushes, 0.95), "ms", "flat"),
    ]
    township = _client(base, tokens["tw_hot"])
    county = _client(base, tokens["county_1"])
    for name, client in (("township", township), ("county", county)):
        v2 = _timed(lambda c=client: _ok(c.get("/v1/summary", headers=V2)), 30)
        v1 = _timed(lambda c=client: _ok(c.get("/v1/summary", headers=V1)), 3)
        rows += [
            Row(f"{label}: {name} summary p50", _p(v2, 0.5), "ms"),
            Row(
                f"{label}: {name} summary p95", _p(v2, 0.95), "ms", "flat", _p(v1, 0.5), "protocol 1 (before)"
            ),
        ]
    first = []
    for _ in range(2):
        t = time.perf_counter()
        count, after = 0, 0
        while True:
            page = _ok(township.get("/v1/changes", params={"after": after, "limit": 5000}, headers=V2)).json()
            count += page["count"]
            after = page["cursor"]
            if not page["more"]:
                break
        first.append(time.perf_counter() - t)
    rows.append(Row(f"{label}: township first pull ({count:,} records)", min(first), "s"))
    for c in (device, pusher, township, county):
        c.close()
    return rows


def _morning(base: str, tokens: dict[str, str], devices: int, window: float) -> list[Row]:
    """``devices`` village devices arriving uniformly over ``window`` seconds: 80 % a no-op sync
    (pull + check), 20 % a push of 5 records then pull + check. Latency of each request."""
    rng = random.Random(17)
    villages = rng.sample(COLD, min(devices, len(COLD)))
    villages += [rng.choice(COLD) for _ in range(devices - len(villages))]
    plan = sorted((rng.uniform(0, window), v, rng.random() < 0.2) for v in villages)
    cursors: dict[str, int] = {}
    # Each device has synced before: its cursor is at its village's mark (the check's ``seq``);
    # pulling every village's history here would take longer than the morning.
    with httpx.Client(base_url=base, timeout=120) as warm:
        for v in set(villages):
            auth = {**V2, "Authorization": f"Bearer {tokens[f'v{v}']}"}
            cursors[v] = _ok(warm.get("/v1/summary", headers=auth)).json()["seq"]
    noop: list[float] = []
    other: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    started = time.perf_counter()
    http = httpx.Client(base_url=base, timeout=60, limits=httpx.Limits(max_connections=64))

    def device(at: float, village: str, pushes: bool) -> None:
        delay = at - (time.perf_counter() - started)
        if delay > 0:
            time.sleep(delay)
        auth = {**V2, "Authorization": f"Bearer {tokens[f'v{village}']}"}
        try:
            if pushes:
                t = time.perf_counter()
                r = http.post("/v1/changes", content=_records(village, 5),
                              headers={**auth, "Content-Type": "application/json", "Content-Encoding": "gzip"})  # fmt: skip
                _ok(r)
                with lock:
                    other.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            page = _ok(http.get("/v1/changes", params={"after": cursors[village]}, headers=auth)).json()
            took = (time.perf_counter() - t) * 1000
            with lock:
                (other if page["count"] else noop).append(took)
            t = time.perf_counter()
            _ok(http.get("/v1/summary", headers=auth))
            with lock:
                other.append((time.perf_counter() - t) * 1000)
        except httpx.HTTPError as exc:
            with lock:
                errors.append(type(exc).__name__)

    with ThreadPoolExecutor(48) as pool:
        for f in [pool.submit(device, at, v, p) for at, v, p in plan]:
            f.result()
    elapsed = time.perf_counter() - started
    http.close()
    every = noop + other
    label = f"morning {devices} devices/{window:.0f} s"
    return [
        Row(f"{label}: requests/s", len(every) / elapsed, "/s"),
        Row(f"{label}: no-op p50", _p(noop, 0.5), "ms"),
        Row(f"{label}: no-op p95", _p(noop, 0.95), "ms", "< 300 ms"),
        Row(f"{label}: no-op p99", _p(noop, 0.99), "ms"),
        Row(f"{label}: all requests p95", _p(every, 0.95), "ms"),
        Row(f"{label}: all requests p99", _p(every, 0.99), "ms"),
        Row(f"{label}: errors", float(len(errors)), "", "0"),
    ]


def run(workdir: Path) -> list[Row]:
    url = bench_url()
    if url is None:
        return []
    sizes = [int(s) for s in os.environ.get("ADVISOR_BENCH_SIZES", "100000,1000000").split(",") if s]
    devices, window = (int(x) for x in os.environ.get("ADVISOR_BENCH_MORNING", "600,30").split(","))
    _fresh_database(url)
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    tokens: dict[str, str] = {}
    rows: list[Row] = []
    plain = normalise_url(url).replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(plain) as pg:
        _seed_structure(pg, tokens)
        proc, base = _serve(url, workdir)
        try:
            held = 0
            for size in sizes:
                t = time.perf_counter()
                hot = HOT_TOWNSHIP_RECORDS if held == 0 else 0
                _seed_records(pg, held, size - held, hot)
                print(
                    f"[bench_scale] seeded {size:,} records in {time.perf_counter() - t:.0f} s",
                    file=sys.stderr,
                )
                held = size
                rows += _shown(_measure_size(base, tokens, size))
            rows += _shown(_morning(base, tokens, devices, window))
        finally:
            proc.terminate()
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
    _flatness(rows, sizes)
    return rows


def _shown(rows: list[Row]) -> list[Row]:
    """Print as measured (a long run that fails late still leaves its figures)."""
    for row in rows:
        print(f"[bench_scale] {row.figure}: {row.value:.4g} {row.unit}", file=sys.stderr, flush=True)
    return rows


def _flatness(rows: list[Row], sizes: list[int]) -> None:
    """The largest size's p95 against the smallest's, where the work is flat (≤ 1.3×)."""
    if len(sizes) < 2:
        return
    label = lambda s: f"{s // 1000}k" if s < 1_000_000 else f"{s // 1_000_000}M"  # noqa: E731
    small, large = label(sizes[0]), label(sizes[-1])
    by_name = {r.figure: r for r in rows}
    for what in ("no-op sync p95", "push 50 records p95", "township summary p95", "county summary p95"):
        a, b = by_name.get(f"{small}: {what}"), by_name.get(f"{large}: {what}")
        if a and b:
            rows.append(Row(f"{large} / {small}: {what}", b.value / a.value, "x", "<= 1.3"))
