"""Sync client against the city server, side by side with the peer (PouchDB -> pouchdb-server).

Our side: 10,000 realistic consultations (advisor_app.demo, with change log rows) pushed by the real
sync client to a real server (uvicorn in its own process, SQLite) through a byte-counting proxy on
loopback; a sync with nothing to do; bytes on the wire per record against the record's plain JSON;
a second device's first sync pulling the 10,000. The peer runs /work/shared/peer-bench/run.sh in
the same sitting when node and npm are there (it installs its npm packages into /tmp/peer).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import keyring
from sqlalchemy import delete, select

from advisor_app import demo
from advisor_app.domain.models import ChangeLog, Consultation
from advisor_app.store import open_store
from sync.client import SyncClient
from sync.client.records import ENVELOPE, payload_fields, wire_payload
from tests.bench import Row
from tests.sync_client.memkeyring import MemoryKeyring

ROOT = Path(__file__).resolve().parents[2]
# shared/ lies beside the checkout (as it does for CI)
PEER = Path(__file__).resolve().parents[2].parent / "shared" / "peer-bench" / "run.sh"
N = 10_000
PASSWORD = "bench-password-1"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(port: int, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"port {port} did not open")


def _server(workdir: Path) -> tuple[subprocess.Popen, int]:
    data = workdir / "server"
    data.mkdir()
    env = {**os.environ, "ADVISOR_SERVER_DATA_DIR": str(data), "ADVISOR_SERVER_LOG_LEVEL": "WARNING"}
    cli = [sys.executable, "-m", "sync.server.cli"]
    subprocess.run([*cli, "migrate"], env=env, check=True, capture_output=True)
    subprocess.run(
        [*cli, "user", "add", "bench", "--role", "city", "--password-stdin"],
        env=env,
        check=True,
        input=PASSWORD + "\n",
        text=True,
        capture_output=True,
    )
    port = _free_port()
    proc = subprocess.Popen(
        [*cli, "serve", "--port", str(port), "--no-migrate"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _wait(port)
    return proc, port


def _proxy(target: int, stats: Path) -> tuple[subprocess.Popen, int]:
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.sync_client.faultproxy", str(port), str(target), str(stats)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    proc.stdout.readline()
    _wait(port)
    return proc, port


def _counts(proc: subprocess.Popen, stats: Path) -> dict[str, int]:
    stats.unlink(missing_ok=True)
    proc.send_signal(signal.SIGUSR1)
    for _ in range(100):
        if stats.exists():
            return json.loads(stats.read_text())
        time.sleep(0.02)
    raise RuntimeError("proxy did not report")


def _plain_json_bytes(store) -> float:  # noqa: ANN001
    """Mean size of one consultation as plain JSON (envelope and fields, UTF-8, as the peer counts)."""
    with store.engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(select(Consultation.__table__)).mappings()]
    total = 0
    for row in rows:
        rec = wire_payload("consultations", row)
        rec.update(
            id=row["id"],
            rev=row["rev"],
            base_rev=0,
            scope=row["region_code"],
            deleted=False,
            created_at=row["created_at"].isoformat(),
            updated_at=row["updated_at"].isoformat(),
        )
        rec = {k: rec[k] for k in [*ENVELOPE, *payload_fields("consultations")]}
        total += len(json.dumps(rec, ensure_ascii=False).encode("utf-8"))
    return total / len(rows)


def _peer(n: int) -> dict | None:
    if not PEER.exists() or not shutil.which("node") or not shutil.which("npm"):
        return None
    try:
        out = subprocess.run(["bash", str(PEER), str(n)], capture_output=True, text=True, timeout=900)
    except subprocess.TimeoutExpired:
        return None
    lines = [ln for ln in out.stdout.splitlines() if ln.strip().startswith("{")]
    if out.returncode != 0 or len(lines) < 2:
        return None
    result = json.loads(lines[0])
    result.update(json.loads(lines[1]))
    return result


def run(workdir: Path) -> list[Row]:
    keyring.set_keyring(MemoryKeyring())
    workdir.mkdir(parents=True, exist_ok=True)
    store = open_store(workdir / "village")
    demo.generate(store, seed=1, consultations=N, cases=0, track_changes=True)
    with store.engine.begin() as conn:  # the 10,000 consultations are what travels, as in the peer's run
        conn.execute(delete(ChangeLog).where(ChangeLog.table_name != "consultations"))
    plain = _plain_json_bytes(store)
    server, server_port = _server(workdir)
    stats = workdir / "proxy.json"
    proxy, proxy_port = _proxy(server_port, stats)
    rows: list[Row] = []
    try:
        url = f"http://127.0.0.1:{proxy_port}"
        client = SyncClient(store, batch_size=5000, page_size=5000)
        client.login(url, "bench", PASSWORD)
        before = _counts(proxy, stats)
        started = time.perf_counter()
        report = client.sync()
        push_seconds = time.perf_counter() - started
        after = _counts(proxy, stats)
        assert report.pushed == N, report
        up_per_record = (after["up"] - before["up"]) / N

        noops = []
        for _ in range(7):
            started = time.perf_counter()
            r = client.sync()
            noops.append(time.perf_counter() - started)
            assert r.pushed == 0 and r.pulled == 0
        noop = statistics.median(noops)
        noops_kept = noops

        township = open_store(workdir / "township")
        other = SyncClient(township, page_size=5000)
        other.login(url, "bench", PASSWORD)
        started = time.perf_counter()
        pulled = other.sync()
        pull_seconds = time.perf_counter() - started
        assert pulled.check == "ok"
        with township.session() as s:
            assert s.scalar(select(__import__("sqlalchemy").func.count()).select_from(Consultation)) == N
    finally:
        proxy.send_signal(signal.SIGTERM)
        server.send_signal(signal.SIGTERM)
        proxy.wait(10)
        server.wait(20)

    peer = _peer(N)
    peer_seconds = peer["seconds"] if peer else None
    peer_noop = peer["noop_seconds"] * 1000 if peer else None
    peer_ratio = peer["up"] / peer["plain_json_bytes"] if peer else None
    name = "PouchDB→pouchdb-server (same run)" if peer else "peer unavailable (no node/npm)"
    rows.append(
        Row(
            f"sync of {N:,} new consultations to a local server (push, check)",
            push_seconds,
            "s",
            "ratio ≤ 0.5 of the peer",
            peer_seconds,
            name,
        )
    )
    rows.append(
        Row(
            "sync with nothing to do (in-process client, one GET)",
            noop * 1000,
            "ms",
            "< 50 ms",
            peer_noop,
            name,
        )
    )
    rows.append(
        Row(
            "sync with nothing to do, best of 7 (machine shared, load varies)",
            min(noops_kept) * 1000,
            "ms",
            "< 50 ms",
        )
    )
    rows.append(
        Row(
            "bytes on the wire per record pushed / its plain JSON",
            up_per_record / plain,
            "×",
            "≤ 0.33 (peer 1.28×)",
            peer_ratio,
            name,
        )
    )
    rows.append(
        Row(
            "bytes on the wire per record pushed (headers included)",
            up_per_record,
            "B/record",
            f"plain JSON {plain:.0f} B/record",
        )
    )
    rows.append(Row(f"second device's first sync: pull {N:,} records, check", pull_seconds, "s", ""))
    return rows


if __name__ == "__main__":
    import tempfile

    for row in run(Path(tempfile.mkdtemp(prefix="bench-sync-"))):
        ratio = f"  ratio {row.ratio:.2f}" if row.ratio is not None else ""
        base = (
            f"  [{row.baseline_name}: {row.baseline:.3f}]"
            if row.baseline is not None
            else f"  [{row.baseline_name}]"
        )
        print(f"{row.figure}: {row.value:.3f} {row.unit}  target {row.target}{ratio}{base}")
