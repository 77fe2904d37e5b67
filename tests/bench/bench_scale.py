"""The city server at province scale (issue 17): a PostgreSQL database of its own (``advisor_bench``
on the server of ADVISOR_BENCH_DATABASE_URL, else of ADVISOR_TEST_DATABASE_URL — never the tests'
database) seeded by COPY to 100k and 1M records (``make bench-scale``: 10M too) across a simulated
province, records and their revisions with random UUIDs as devices make them; ``advisor-server serve
--workers 2`` on loopback. Beside it a reference database (``advisor_bench_ref``) seeded once the
same way to 100k records, served by its own ``advisor-server serve`` on another port.

At each size, the same requests to the reference and to the larger database, alternating one to
each, so that load coming and going on the machine hits both alike: a village's no-op sync (600,
over 60 villages), a push of 50 records (240, each to a village of its own), a township's and a
county's post-sync check (300 each, protocol 2; protocol 1 = the check before issue 17, 3 of
them, larger database only), a township's first pull of 50,000 records (3 each). Each figure is
reported with the reference's as its baseline: the ratio is what must stay ≤ 1.3 where the work
is flat (at 100k the two databases are alike: that row shows the noise). Then a
city morning against the largest database: many devices arriving over a window, each a no-op sync
or a small push plus its check.

Environment: ADVISOR_BENCH_SIZES (default ``100000,1000000``), ADVISOR_BENCH_MORNING
(``devices,seconds``, default ``600,30``; bench-scale ``2000,120``), ADVISOR_BENCH_NOOPS and
ADVISOR_BENCH_PUSHES (samples per size), ADVISOR_BENCH_KEEP=1 keeps both databases (else dropped
at the end: 10M takes about 10 GB). Without PostgreSQL it reports nothing. It stops by itself:
every request has a timeout, every loop a count, the morning a window.
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
REF_SIZE = 100_000  # the reference every size is measured against, interleaved
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


def _drop_database(url: str, *, create: bool = False) -> None:
    """Drop the bench's database of ``url`` (and make it again, empty, with ``create``)."""
    head, _, name = url.rpartition("/")
    name = name.split("?")[0]
    assert name != "test", "the bench never uses the tests' database"
    with psycopg.connect(
        f"{head}/postgres".replace("postgresql+psycopg://", "postgresql://"), autocommit=True
    ) as c:
        c.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if create:
            c.execute(f'CREATE DATABASE "{name}"')


def _fresh_database(url: str) -> None:
    _drop_database(url, create=True)


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


def _record_ids(start: int, n: int) -> list[str]:
    """Ids like a device's (random UUIDs, v4), the same for a given ``start`` in every run: a
    push's new keys then land anywhere in the primary keys, as in production (sequential ids would
    put them all after the seed's, in a small corner of the index)."""
    rng = random.Random(start)
    out = []
    for _ in range(n):
        h = f"{rng.getrandbits(128):032x}"
        out.append(f"{h[:8]}-{h[8:12]}-4{h[13:16]}-8{h[17:20]}-{h[20:]}")
    return out


def _seed_records(pg: psycopg.Connection, start: int, n: int, hot: int) -> None:
    """``n`` consultations by COPY, and their revisions (every stored record has been received
    once): ``hot`` of them in the hot township, the rest over the other villages, interleaved over
    the sequence (a province's history, not one village after another). The two primary keys are
    dropped for the COPY and built again after it (random keys inserted one by one into a 10M-key
    index would take most of the seeding)."""
    first = pg.execute("SELECT last_value FROM record_seq").fetchone()[0] + 1
    stamp = "2026-03-01T09:30:00"
    every = max(1, n // hot) if hot else 0
    ids = _record_ids(start, n)
    pg.execute("SET maintenance_work_mem = '512MB'")
    pg.execute("ALTER TABLE records DROP CONSTRAINT pk_records")
    pg.execute("ALTER TABLE revisions DROP CONSTRAINT pk_revisions")
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
            copy.write_row(
                (
                    "consultations",
                    ids[i],
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
    received = datetime(2026, 3, 1, 9, 30)
    with (
        pg.cursor() as cur,
        cur.copy(
            "COPY revisions (kind, record_id, rev, hash, status, account_id, received_at) FROM STDIN"
        ) as copy,
    ):
        for rid in ids:
            copy.write_row(("consultations", rid, 1, "0" * 64, "accepted", 1, received))
    pg.execute("ALTER TABLE records ADD CONSTRAINT pk_records PRIMARY KEY (kind, id)")
    pg.execute("ALTER TABLE revisions ADD CONSTRAINT pk_revisions PRIMARY KEY (kind, record_id, rev)")
    pg.execute("SELECT setval('record_seq', %s, true)", (first + n - 1,))
    pg.commit()
    # Measured in the steady state of a server that has run for a while: vacuumed (visibility map
    # for index-only scans, no autovacuum of the seed running meanwhile; in production autovacuum
    # keeps it so) and checkpointed.
    pg.autocommit = True
    for table in ("records", "revisions", "scope_checks"):
        pg.execute(f"VACUUM (ANALYZE) {table}")
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


def _label(size: int) -> str:
    return f"{size // 1000}k" if size < 1_000_000 else f"{size // 1_000_000}M"


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


PUSH_HEADERS = {**V2, "Content-Type": "application/json", "Content-Encoding": "gzip"}


class Server:
    """One served database: its address and one keep-alive client (both sides use the same code)."""

    def __init__(self, base: str, tokens: dict[str, str]) -> None:
        self.http = httpx.Client(base_url=base, timeout=120)
        self.tokens = tokens

    def auth(self, account: str, headers: dict[str, str] = V2) -> dict[str, str]:
        return {**headers, "Authorization": f"Bearer {self.tokens[account]}"}

    def mark(self, village: str) -> int:
        """The village's mark: a device that has synced holds it as its cursor."""
        return _ok(self.http.get("/v1/summary", headers=self.auth(f"v{village}"))).json()["seq"]

    def noop(self, village: str, cursor: int) -> None:
        page = _ok(self.http.get("/v1/changes", params={"after": cursor}, headers=self.auth(f"v{village}")))
        assert page.json()["count"] == 0, "a no-op sync brought changes"

    def push(self, village: str, body: bytes) -> None:
        r = _ok(self.http.post("/v1/changes", content=body, headers=self.auth(f"v{village}", PUSH_HEADERS)))
        assert r.json()["accepted"] == 50, "a push was not accepted whole"

    def summary(self, account: str, headers: dict[str, str] = V2) -> None:
        _ok(self.http.get("/v1/summary", headers=self.auth(account, headers)))

    def first_pull(self, account: str) -> tuple[float, int]:
        """Seconds for the account's first pull (pages of 5,000 from cursor 0), records brought."""
        t = time.perf_counter()
        count, after = 0, 0
        while True:
            page = _ok(
                self.http.get(
                    "/v1/changes", params={"after": after, "limit": 5000}, headers=self.auth(account)
                )
            ).json()
            count += page["count"]
            after = page["cursor"]
            if not page["more"]:
                return time.perf_counter() - t, count

    def close(self) -> None:
        self.http.close()


def _interleaved(ref, large, n: int) -> tuple[list[float], list[float]]:  # noqa: ANN001
    """``n`` timings (ms) of each, alternating one request to each (ref first on even turns,
    large first on odd ones): load that comes and goes during the run hits both alike. ``ref`` and
    ``large`` take the turn's number."""
    for i in range(max(3, n // 20)):  # warm-up, not counted
        ref(-1 - i)
        large(-1 - i)
    a: list[float] = []
    b: list[float] = []
    for i in range(n):
        for fn, out in ((ref, a), (large, b)) if i % 2 == 0 else ((large, b), (ref, a)):
            t = time.perf_counter()
            fn(i)
            out.append((time.perf_counter() - t) * 1000)
    return a, b


NOOP_VILLAGES = COLD[:60]
PUSH_VILLAGES = COLD[60:]  # 1,905 villages: a size's pushes touch each at most once
NOOPS = int(os.environ.get("ADVISOR_BENCH_NOOPS", "600"))
PUSHES = int(os.environ.get("ADVISOR_BENCH_PUSHES", "240"))
SUMMARIES = 300


def _pair(figure: str, ref: list[float], large: list[float], target: str = "") -> list[Row]:
    """p50 and p95 of the larger database, each against the reference's of the same run."""
    base = "the 100k reference, interleaved"
    return [
        Row(f"{figure} p50", _p(large, 0.5), "ms", "", _p(ref, 0.5), base),
        Row(f"{figure} p95", _p(large, 0.95), "ms", target, _p(ref, 0.95), base),
    ]


def _measure_pair(ref: Server, large: Server, size: int, pushed: int) -> list[Row]:
    """One size against the reference: the same requests to both, interleaved."""
    label = _label(size)
    rows: list[Row] = []
    load = os.getloadavg()[0]
    cursors = {
        side: {v: side.mark(v) for v in NOOP_VILLAGES} for side in (ref, large)
    }  # each device has synced before: its cursor is at its village's mark
    village = lambda i: NOOP_VILLAGES[i % len(NOOP_VILLAGES)]  # noqa: E731
    a, b = _interleaved(
        lambda i: ref.noop(village(i), cursors[ref][village(i)]),
        lambda i: large.noop(village(i), cursors[large][village(i)]),
        NOOPS,
    )
    rows += _pair(f"{label}: no-op sync", a, b, "<= 1.3x")
    # Bodies built beforehand (not what is measured); each push a village of its own.
    warm = max(3, PUSHES // 20)
    turns = [PUSH_VILLAGES[(pushed + j) % len(PUSH_VILLAGES)] for j in range(PUSHES + warm)]
    bodies = {side: [_records(v, 50) for v in turns] for side in (ref, large)}
    at = lambda i: i if i >= 0 else PUSHES - 1 - i  # noqa: E731  (warm-up turns are -1, -2, …)
    a, b = _interleaved(
        lambda i: ref.push(turns[at(i)], bodies[ref][at(i)]),
        lambda i: large.push(turns[at(i)], bodies[large][at(i)]),
        PUSHES,
    )
    rows += _pair(f"{label}: push 50 records", a, b, "<= 1.3x")
    for name, account in (("township", "tw_hot"), ("county", "county_1")):
        a, b = _interleaved(
            lambda _i, s=account: ref.summary(s), lambda _i, s=account: large.summary(s), SUMMARIES
        )
        rows += _pair(f"{label}: {name} summary", a, b, "<= 1.3x")
        before = []
        for _ in range(3):
            t = time.perf_counter()
            large.summary(account, V1)
            before.append((time.perf_counter() - t) * 1000)
        rows.append(Row(f"{label}: {name} summary, protocol 1 (before) p50", _p(before, 0.5), "ms"))
    pulls: dict[Server, list[float]] = {ref: [], large: []}
    count = 0
    for turn in range(3):
        for side in (ref, large) if turn % 2 == 0 else (large, ref):
            took, count = side.first_pull("tw_hot")
            pulls[side].append(took)
    base = "the 100k reference, interleaved"
    rows += [
        # The first of the three reads the township's rows from wherever they are (the larger
        # database's pages are mostly not in memory yet); the best one from memory.
        Row(f"{label}: township first pull ({count:,} records), first", pulls[large][0], "s", "",
            pulls[ref][0], base),
        Row(f"{label}: township first pull ({count:,} records), best of 3", min(pulls[large]), "s", "",
            min(pulls[ref]), base),
    ]  # fmt: skip
    rows.append(Row(f"{label}: load average (1 min) at start / end", load, "", f"{os.getloadavg()[0]:.2f}"))
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


def _other_database(url: str, suffix: str) -> str:
    head, _, name = url.rpartition("/")
    name, query = (name.split("?", 1) + [""])[:2]
    return f"{head}/{name}{suffix}" + (f"?{query}" if query else "")


def _prepare(url: str, tokens: dict[str, str]) -> psycopg.Connection:
    """A fresh database at the schema's head with the province's regions, accounts and devices."""
    _fresh_database(url)
    engine = make_engine(url)
    upgrade(engine)
    engine.dispose()
    pg = psycopg.connect(normalise_url(url).replace("postgresql+psycopg://", "postgresql://"))
    _seed_structure(pg, tokens)
    return pg


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        proc.kill()


def run(workdir: Path) -> list[Row]:
    """Each size of ``advisor_bench`` (seeded afresh per size) against a 100k reference
    (``advisor_bench_ref``, seeded the same way once, served by its own ``advisor-server serve`` on
    another loopback port), interleaved. Both databases are dropped at the end (10M takes about
    10 GB) unless ADVISOR_BENCH_KEEP=1."""
    url = bench_url()
    if url is None:
        return []
    ref_url = _other_database(url, "_ref")
    sizes = [int(s) for s in os.environ.get("ADVISOR_BENCH_SIZES", "100000,1000000").split(",") if s]
    devices, window = (int(x) for x in os.environ.get("ADVISOR_BENCH_MORNING", "600,30").split(","))
    keep = os.environ.get("ADVISOR_BENCH_KEEP") == "1"
    tokens: dict[str, str] = {}
    rows: list[Row] = []
    procs: list[subprocess.Popen] = []
    servers: list[Server] = []
    try:
        with _prepare(ref_url, tokens) as pg:
            t = time.perf_counter()
            _seed_records(pg, 0, REF_SIZE, HOT_TOWNSHIP_RECORDS)
            _note(f"reference seeded with {REF_SIZE:,} records in {time.perf_counter() - t:.0f} s")
        for sub in ("ref", "large"):
            (workdir / sub).mkdir(exist_ok=True)
        proc, ref_base = _serve(ref_url, workdir / "ref")
        procs.append(proc)
        ref = Server(ref_base, tokens)
        servers.append(ref)
        pushed = 0
        large: Server | None = None
        for size in sizes:
            # A database of its own per size, the hot township spread over its whole history (at
            # 10M one record in 200 is the township's): as scattered as a real one would be.
            if large is not None:
                large.close()
                _stop(procs.pop())
            t = time.perf_counter()
            with _prepare(url, tokens) as pg:
                _seed_records(pg, 0, size, HOT_TOWNSHIP_RECORDS)
            _note(f"seeded {size:,} records in {time.perf_counter() - t:.0f} s")
            proc, base = _serve(url, workdir / "large")
            procs.append(proc)
            large = Server(base, tokens)
            servers.append(large)
            rows += _shown(_measure_pair(ref, large, size, pushed))
            pushed += PUSHES + max(3, PUSHES // 20)
        if large is not None:
            rows += _shown(_morning(str(large.http.base_url), tokens, devices, window))
    finally:
        for server in servers:
            server.close()
        for proc in procs:
            _stop(proc)
        if not keep:
            for u in (url, ref_url):
                _drop_database(u)
    return rows


def _note(text: str) -> None:
    print(f"[bench_scale] {text} (load {os.getloadavg()[0]:.2f})", file=sys.stderr, flush=True)


def _shown(rows: list[Row]) -> list[Row]:
    """Print as measured (a long run that fails late still leaves its figures)."""
    for row in rows:
        ratio = f"  {row.ratio:.2f}x of {row.baseline:.4g}" if row.ratio is not None else ""
        print(
            f"[bench_scale] {row.figure}: {row.value:.4g} {row.unit} {row.target}{ratio}",
            file=sys.stderr,
            flush=True,
        )
    return rows
